using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using GoldenThread.Store;
using GoldenThread.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace GoldenThread.Web.Tests;

/// <summary>
/// Every endpoint the application maps (read from its endpoint data source, so a new endpoint is in the matrix the day it
/// is added, and one without a rule fails) called as every role of a workspace, as another workspace's administrator, as
/// the installation's administrator and anonymously; asserting exactly who gets through (docs/accounts.md).
/// </summary>
public sealed partial class AuthorizationMatrixTests
{
    private const string Ws = TestPerson.Leicestershire;
    private const string OtherWs = "leicestershire-2015-16-q3";

    private static readonly TestPerson WsAdmin = new("wsadmin@council.example", "Workspace Administrator", "harbour quince trombone", WorkspaceRole.Administrator, Ws);
    private static readonly TestPerson Officer = TestPerson.HeadOfService;

    // Named as the plan names the lead of actions 1.1a-1.1c, and assigned measure a1-gld in the browser.
    private static readonly TestPerson Contributor = new("contrib@council.example", "Head of Service - Education Quality and Effectiveness", "saffron kettle ladder moss", WorkspaceRole.Contributor, Ws);
    private static readonly TestPerson Viewer = new("viewer@council.example", "A Viewer", "violet anchor pepper tide", WorkspaceRole.Viewer, Ws);
    private static readonly TestPerson OtherAdmin = new("other@council.example", "Another Council's Administrator", "mango glacier rivet plum", WorkspaceRole.Administrator, OtherWs);

    // Whose account the people pages act on: not a caller, so disabling or removing them changes no caller's rights.
    private static readonly TestPerson Target = new("target@council.example", "Target Person", "walnut prism cobalt", WorkspaceRole.Viewer, Ws);

    private static readonly TestPerson? Anonymous = null;

    private static readonly TestPerson?[] Callers = [Anonymous, TestPerson.InstallationAdministrator, WsAdmin, Officer, Contributor, Viewer, OtherAdmin];

    /// <summary>The rule of each policy, written out from the issue's roles: who may call an endpoint of the workspace under test.</summary>
    private static readonly Dictionary<string, TestPerson?[]> Allowed = new()
    {
        ["public"] = Callers,
        [Policies.ReadDashboard] = [TestPerson.InstallationAdministrator, WsAdmin, Officer, Contributor, Viewer],
        [Policies.ReadInternal] = [TestPerson.InstallationAdministrator, WsAdmin, Officer, Contributor, Viewer],
        [Policies.EditMeasure] = [TestPerson.InstallationAdministrator, WsAdmin, Officer, Contributor],
        [Policies.EditAction] = [TestPerson.InstallationAdministrator, WsAdmin, Officer, Contributor],
        [Policies.Contribute] = [TestPerson.InstallationAdministrator, WsAdmin, Officer, Contributor],
        [Policies.Approve] = [TestPerson.InstallationAdministrator, WsAdmin, Officer],
        [Policies.Administer] = [TestPerson.InstallationAdministrator, WsAdmin],
        [Policies.InstallationAdministrator] = [TestPerson.InstallationAdministrator],
        [Policies.SignedIn] = [TestPerson.InstallationAdministrator, WsAdmin, Officer, Contributor, Viewer, OtherAdmin],
    };

    public static IEnumerable<object[]> Providers => [[StoreProvider.Sqlite], [StoreProvider.Postgres]];

    private static AppFactory App(StoreProvider provider) =>
        new(provider) { People = [TestPerson.InstallationAdministrator, WsAdmin, Officer, Contributor, Viewer, OtherAdmin, Target] };

    /// <summary>Makes the workspace under test internal (its dashboard not public) and assigns the contributor's measure.</summary>
    private static async Task Arrange(AppFactory app)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<WorkspaceStore>().SetDashboardPublicAsync(Ws, false);
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Store.Entities.PersonRow>>();
        var contributor = (await users.FindByEmailAsync(Contributor.Email))!;
        await scope.ServiceProvider.GetRequiredService<PeopleStore>().SetAssignmentsAsync(Ws, contributor.Id, ["a1-gld"], []);

        // An open reporting period, so that the quarter's pages answer with the page itself rather than a 404.
        var workspace = (await scope.ServiceProvider.GetRequiredService<Workspaces.WorkspaceService>().GetAsync(Ws, default))!;
        var officer = new Store.Cycle.Actor(null, "Matrix", new WorkspaceAccess(WorkspaceRole.PerformanceOfficer, false, new HashSet<string>(), new HashSet<string>()));
        var opened = await scope.ServiceProvider.GetRequiredService<Store.Cycle.CycleStore>().OpenAsync(Ws, Core.Periods.Period.Parse(OpenPeriod).Value,
            DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30), workspace.Plan, new Dictionary<string, (Core.Measures.Observation, string)>(), officer);
        Assert.True(opened.Succeeded, opened.Message);
    }

    private const string OpenPeriod = "2015/16 Q3";

    private static async Task<string> PersonId(AppFactory app, TestPerson person)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Store.Entities.PersonRow>>();
        return (await users.FindByEmailAsync(person.Email))!.Id;
    }

    /// <summary>An endpoint as the matrix calls it: method, address with the route values filled in, and its rule.</summary>
    private sealed record Call(string Method, string Pattern, string Url, string Rule)
    {
        public override string ToString() => $"{Method} {Pattern}";

        /// <summary>Whether calling it ends the caller's session (so it gets a client of its own).</summary>
        public bool EndsSession => Pattern.Contains("sign-out", StringComparison.Ordinal);
    }

    /// <summary>Every endpoint, with its rule; fails for any endpoint without one, or with a route value the matrix cannot fill.</summary>
    private static async Task<List<Call>> Calls(AppFactory app)
    {
        var values = new Dictionary<string, string>
        {
            ["ws"] = Ws,
            ["documentName"] = "v1",
            ["path"] = "no/such/page",
            ["personId"] = await PersonId(app, Target),
            ["tokenId"] = Guid.NewGuid().ToString(),
            ["code"] = "1.1a",
            ["period"] = Store.Cycle.PeriodSlug.Of(OpenPeriod),
            ["evidenceId"] = Guid.NewGuid().ToString(),
        };
        var calls = new List<Call>();
        var problems = new List<string>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern.RawText ?? "";
            var rule = RuleOf(endpoint);
            if (rule is null)
            {
                problems.Add($"{pattern}: no authorization rule (Public(), Requires(...) or a policy from Policies)");
                continue;
            }

            var url = FillIn(endpoint.RoutePattern, values, problems);
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                calls.Add(new Call(method, pattern, url, rule));
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        return calls.OrderBy(c => c.EndsSession).ThenBy(c => c.Pattern, StringComparer.Ordinal).ToList();
    }

    private static string? RuleOf(Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return "public";
        }

        var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
        return policies.Count == 1 && policies[0] is { } p && Allowed.ContainsKey(p) ? p : null;
    }

    private static string FillIn(RoutePattern pattern, Dictionary<string, string> values, List<string> problems)
    {
        var url = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            url.Append('/');
            foreach (var part in segment.Parts)
            {
                switch (part)
                {
                    case RoutePatternLiteralPart literal:
                        url.Append(literal.Content);
                        break;
                    case RoutePatternSeparatorPart separator:
                        url.Append(separator.Content);
                        break;
                    case RoutePatternParameterPart parameter:
                        var raw = pattern.RawText ?? "";
                        var value = parameter.Name == "id"
                            ? raw.Contains("/themes/", StringComparison.Ordinal) ? "A1" : raw.Contains("/outcomes/", StringComparison.Ordinal) ? "A1.P1" : "a1-gld"
                            : values.GetValueOrDefault(parameter.Name);
                        if (value is null)
                        {
                            problems.Add($"{raw}: the matrix has no value for {{{parameter.Name}}}; add one to AuthorizationMatrixTests.Calls");
                            value = "x";
                        }

                        url.Append(parameter.IsCatchAll ? value : Uri.EscapeDataString(value));
                        break;
                }
            }
        }

        return url.Length == 0 ? "/" : url.ToString();
    }

    private static async Task<HttpResponseMessage> Send(HttpClient client, Call call)
    {
        if (call.Method is "GET" or "HEAD")
        {
            return await client.SendAsync(new HttpRequestMessage(new HttpMethod(call.Method), call.Url));
        }

        // A real form or script would carry the antiforgery token of this client's session.
        var token = WebUtility.HtmlDecode(Token().Match(await client.GetStringAsync("/sign-in")).Groups[1].Value);
        var request = new HttpRequestMessage(new HttpMethod(call.Method), call.Url);
        if (call.Url.StartsWith("/api/", StringComparison.Ordinal))
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            request.Headers.Add("RequestVerificationToken", token);
        }
        else
        {
            request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        }

        return await client.SendAsync(request);
    }

    /// <summary>Refused: 401, 403, or the cookie's challenge (a redirect to sign in and come back).</summary>
    private static bool Refused(HttpResponseMessage r) =>
        r.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
        || (r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location?.OriginalString.Contains("/sign-in?returnUrl=", StringComparison.Ordinal) == true);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task EveryEndpoint_EveryRole_ExactlyWhatTheRulesAllow(StoreProvider provider)
    {
        using var app = App(provider);
        await Arrange(app);
        var calls = await Calls(app);
        var problems = new List<string>();
        foreach (var caller in Callers)
        {
            var client = caller is null ? app.Browser() : await app.SignedInAsync(caller);
            foreach (var call in calls)
            {
                using var response = await Send(call.EndsSession && caller is not null ? await app.SignedInAsync(caller) : client, call);
                var who = caller?.Email ?? "anonymous";
                var expected = Allowed[call.Rule].Contains(caller);
                if ((int)response.StatusCode >= 500)
                {
                    problems.Add($"{call} as {who}: {(int)response.StatusCode}");
                }
                else if (expected == Refused(response))
                {
                    problems.Add($"{call} as {who}: expected {(expected ? "allowed" : "refused")} ({call.Rule}), got {(int)response.StatusCode} {response.Headers.Location}");
                }

                SecurityHeaders(response, $"{call} as {who}", problems);
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Contains(calls, c => c.Rule == Policies.EditMeasure);
        Assert.Contains(calls, c => c.Rule == Policies.ReadDashboard);
    }

    [Fact]
    public async Task PublicDashboard_Visitor_ReadsDashboardButNotCommentary()
    {
        using var app = App(StoreProvider.Sqlite);
        var anonymous = app.Browser();

        // The samples' dashboards are public (published council documents); commentary never is.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/w/{Ws}/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/v1/workspaces/{Ws}/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/workspaces/{Ws}/measures/a1-gld/commentary")).StatusCode);
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<WorkspaceStore>().AddCommentaryAsync(Ws, "a1-gld", "2024/25", "Analyst", "Internal note on GLD.");
        }

        Assert.DoesNotContain("Internal note on GLD.", await anonymous.GetStringAsync($"/w/{Ws}/measures/a1-gld"));
        Assert.DoesNotContain("Internal note on GLD.", await anonymous.GetStringAsync($"/api/v1/workspaces/{Ws}/measures/a1-gld"));
        Assert.Contains("Internal note on GLD.", await (await app.SignedInAsync(Viewer)).GetStringAsync($"/w/{Ws}/measures/a1-gld"));
    }

    [Fact]
    public async Task OtherWorkspacesAdministrator_CannotWriteHereEvenWithAValidToken()
    {
        using var app = App(StoreProvider.Sqlite);
        await Arrange(app);
        var other = await app.SignedInAsync(OtherAdmin);
        var token = WebUtility.HtmlDecode(Token().Match(await other.GetStringAsync("/sign-in")).Groups[1].Value);

        var response = await other.PostAsync($"/w/{Ws}/measures/a1-gld/commentary", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["text"] = "Written from another workspace",
            ["period"] = "2024/25",
        }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/w/{Ws}/dashboard")).StatusCode);
        using var scope = app.Services.CreateScope();
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<WorkspaceStore>().CommentaryAsync(Ws, "a1-gld"));
    }

    [Fact]
    public async Task Contributor_WritesOnlyTheMeasuresTheyOwn()
    {
        using var app = App(StoreProvider.Sqlite);
        await Arrange(app);
        var contributor = await app.SignedInAsync(Contributor);
        var token = WebUtility.HtmlDecode(Token().Match(await contributor.GetStringAsync("/sign-in")).Groups[1].Value);

        async Task<HttpStatusCode> Post(string measure) => (await contributor.PostAsync($"/w/{Ws}/measures/{measure}/commentary", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["text"] = "From the measure's owner",
            ["period"] = "2024/25",
        }))).StatusCode;

        Assert.Equal(HttpStatusCode.Redirect, await Post("a1-gld"));
        Assert.Equal(HttpStatusCode.Forbidden, await Post("a2-ks2"));
    }

    private const string Script = "<script>alert(1)</script>";

    private static readonly string[] HostileValues =
        [Script + "\"'&{{x}}", "' OR '1'='1'; DROP TABLE people; --", "../../../../etc/passwd", "..\\..\\web.config", "%00", new string('x', 5000), "\u202Eevil"];

    // The fields of every form in the application, each sent with every hostile value.
    private static readonly string[] FieldNames =
        ["text", "period", "email", "name", "role", "password", "newPassword", "confirmPassword", "currentPassword", "code", "returnUrl", "days", "expiry", "dashboardPublic", "measures", "actions", "visible", "token", "person",
         "quote", "attribution", "publishable", "status", "rag", "progress", "revision", "revisedDue-day", "revisedDue-month", "revisedDue-year",
         "fileName", "content", "fingerprint", "yaml", "planVersion"];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task EveryEndpoint_HostileRouteValuesAndFields_TextOrAClearRefusalNeverA500(StoreProvider provider)
    {
        using var app = App(provider);
        await Arrange(app);
        var calls = await Calls(app);
        var problems = new List<string>();
        foreach (var caller in new[] { TestPerson.InstallationAdministrator, Anonymous })
        {
            var client = caller is null ? app.Browser() : await app.SignedInAsync(caller);
            foreach (var call in calls.Where(c => !c.EndsSession))
            {
                foreach (var hostile in HostileValues)
                {
                    // Each route value in turn, then (for forms) every field at once.
                    var urls = Regex.Matches(call.Pattern, "\\{\\*?([a-zA-Z]+)\\}").Select(m => m.Groups[1].Value)
                        .Select(name => FillHostile(call, name, hostile)).ToList();
                    if (call.Method == "POST" || urls.Count == 0)
                    {
                        urls.Add(call.Url);
                    }

                    foreach (var url in urls)
                    {
                        using var response = await SendHostile(client, call with { Url = url }, hostile);
                        var body = await response.Content.ReadAsStringAsync();
                        var who = caller?.Email ?? "anonymous";
                        if ((int)response.StatusCode >= 500)
                        {
                            problems.Add($"{call} as {who} with {Shorten(hostile)} at {Shorten(url)}: {(int)response.StatusCode}");
                        }

                        if (body.Contains(Script, StringComparison.Ordinal) && response.Content.Headers.ContentType?.MediaType == "text/html")
                        {
                            problems.Add($"{call} as {who} with {Shorten(hostile)}: the script came back unencoded");
                        }
                    }
                }
            }
        }

        Assert.True(calls.Count(c => c.Method == "POST") >= 20, "the application's forms are all in the list");
        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct().Take(60)));
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..37] + "...";

    /// <summary>The call's address with one route value replaced by the hostile text (escaped as a browser would send it).</summary>
    private static string FillHostile(Call call, string parameter, string hostile)
    {
        var segments = call.Pattern.Split('/');
        var filled = call.Url.Split('/');
        for (var i = 0; i < segments.Length && i < filled.Length; i++)
        {
            if (segments[i].Contains("{" + parameter, StringComparison.Ordinal) || segments[i].Contains("{*" + parameter, StringComparison.Ordinal))
            {
                filled[i] = Uri.EscapeDataString(hostile);
            }
        }

        return string.Join('/', filled);
    }

    private static async Task<HttpResponseMessage> SendHostile(HttpClient client, Call call, string hostile)
    {
        if (call.Method is "GET" or "HEAD")
        {
            return await client.GetAsync(call.Url + "?period=" + Uri.EscapeDataString(hostile) + "&returnUrl=" + Uri.EscapeDataString(hostile) + "&format=" + Uri.EscapeDataString(hostile));
        }

        var token = WebUtility.HtmlDecode(Token().Match(await client.GetStringAsync("/sign-in")).Groups[1].Value);
        var request = new HttpRequestMessage(new HttpMethod(call.Method), call.Url);
        if (call.Url.StartsWith("/api/", StringComparison.Ordinal))
        {
            request.Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(FieldNames.ToDictionary(f => f, _ => hostile)), Encoding.UTF8, "application/json");
            request.Headers.Add("RequestVerificationToken", token);
        }
        else
        {
            var fields = FieldNames.Select(f => new KeyValuePair<string, string>(f, hostile)).Append(new("__RequestVerificationToken", token));
            request.Content = new FormUrlEncodedContent(fields);
        }

        return await client.SendAsync(request);
    }

    /// <summary>Every response: a CSP without inline scripts that forbids framing, no sniffing, a referrer policy.</summary>
    private static void SecurityHeaders(HttpResponseMessage response, string what, List<string> problems)
    {
        var csp = response.Headers.TryGetValues("Content-Security-Policy", out var v) ? string.Join(";", v) : "";
        var script = Regex.Match(csp, "script-src[^;]*").Value;
        if (script.Length == 0 || script.Contains("unsafe-inline", StringComparison.Ordinal) || !csp.Contains("frame-ancestors 'none'", StringComparison.Ordinal))
        {
            problems.Add($"{what}: Content-Security-Policy '{csp}'");
        }

        if (!response.Headers.TryGetValues("X-Content-Type-Options", out var sniff) || sniff.Single() != "nosniff")
        {
            problems.Add($"{what}: no X-Content-Type-Options: nosniff");
        }

        if (!response.Headers.Contains("Referrer-Policy"))
        {
            problems.Add($"{what}: no Referrer-Policy");
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
