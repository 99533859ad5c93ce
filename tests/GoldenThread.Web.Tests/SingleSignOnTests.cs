using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GoldenThread.Store;
using GoldenThread.Store.Entities;
using GoldenThread.Web.Hosting;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace GoldenThread.Web.Tests;

/// <summary>
/// Single sign-on: the rules from groups to roles, the settings' messages, and the whole round trip through an OpenID
/// provider held in the test (discovery, signing keys, the code exchange with PKCE and a signed ID token), on both stores.
/// </summary>
public sealed class SingleSignOnTests
{
    private const string Leics = TestPerson.Leicestershire;
    private const string Leics2015 = "leicestershire-2015-16-q3";
    private const string Bedfordshire = "central-bedfordshire-2013";
    private const string ViewersGroup = "1111aaaa-1111-4111-8111-111111111111";
    private const string OfficersGroup = "22222222-2222-2222-2222-222222222222";
    private const string AdminsGroup = "33333333-3333-3333-3333-333333333333";
    private const string OldPlanGroup = "44444444-4444-4444-4444-444444444444";

    public static IEnumerable<object[]> Providers => [[StoreProvider.Sqlite], [StoreProvider.Postgres]];

    private static SingleSignOnOptions Rules(params (string Claim, string? Workspace, string Role)[] rules) => new()
    {
        Authority = FakeProvider.Issuer,
        ClientId = FakeProvider.ClientId,
        Roles = rules.Select(r => new SingleSignOnRole { Claim = r.Claim, Workspace = r.Workspace, Role = r.Role }).ToList(),
    };

    private static readonly SingleSignOnOptions Council = Rules(
        (ViewersGroup, Leics, "viewer"),
        (OfficersGroup, Leics, "performance-officer"),
        (OfficersGroup, Leics2015, "contributor"),
        (AdminsGroup, null, "administrator"),
        (OldPlanGroup, Leics2015, "Performance officer"));

    public static TheoryData<string[], bool, string> MappingCases => new()
    {
        // groups the person is in; installation administrator; the workspace roles, "ws=role" joined by commas
        { [], false, "" },
        { ["99999999-9999-9999-9999-999999999999"], false, "" },
        { [ViewersGroup], false, $"{Leics}=Viewer" },
        { [ViewersGroup.ToUpperInvariant()], false, $"{Leics}=Viewer" },
        { [ViewersGroup, OfficersGroup], false, $"{Leics2015}=Contributor,{Leics}=PerformanceOfficer" },
        { [OfficersGroup, ViewersGroup], false, $"{Leics2015}=Contributor,{Leics}=PerformanceOfficer" },
        { [OfficersGroup, OldPlanGroup], false, $"{Leics2015}=PerformanceOfficer,{Leics}=PerformanceOfficer" },
        { [AdminsGroup], true, "" },
        { [AdminsGroup, ViewersGroup, "unknown"], true, $"{Leics}=Viewer" },
    };

    [Theory]
    [MemberData(nameof(MappingCases))]
    public void From_Groups_HighestRolePerWorkspaceUnknownGroupsIgnored(string[] groups, bool administrator, string expected)
    {
        var claims = groups.Select(g => new Claim("groups", g)).Append(new Claim("sub", "x")).Append(new Claim("roles", ViewersGroup));

        var grant = SingleSignOnRoles.From(claims, Council);

        Assert.Equal(administrator, grant.InstallationAdministrator);
        Assert.Equal(expected, string.Join(",", grant.Workspaces.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w => $"{w.Key}={w.Value}")));
        Assert.Equal(administrator || expected.Length > 0, grant.Any);
    }

    [Fact]
    public void From_RoleClaimNamed_OnlyThatClaimCounts()
    {
        var options = Rules(("GoldenThread.Officer", Leics, "performance-officer"));
        options.RoleClaim = "roles";

        Assert.False(SingleSignOnRoles.From([new Claim("groups", "GoldenThread.Officer")], options).Any);
        Assert.Equal(WorkspaceRole.PerformanceOfficer, SingleSignOnRoles.From([new Claim("roles", "GoldenThread.Officer")], options).Workspaces[Leics]);
    }

    [Fact]
    public void Problems_NotEnabled_NoneUnlessPasswordsAreOffToo()
    {
        Assert.Empty(SingleSignOnOptionsValidator.Problems(new SingleSignOnOptions(), development: false));
        var problem = Assert.Single(SingleSignOnOptionsValidator.Problems(new SingleSignOnOptions { AllowLocalAccounts = false }, development: false));
        Assert.Equal("GoldenThread:SingleSignOn:AllowLocalAccounts is false but GoldenThread:SingleSignOn:Authority is not set: nobody could sign in. Set the Authority, or allow local accounts.", problem);
    }

    public static TheoryData<string, string?, string, string, bool, string> BadSettings => new()
    {
        // authority, client id, claim, role, development; the message
        { "http://idp.example/tenant", "app", "g", "viewer", false, "GoldenThread:SingleSignOn:Authority 'http://idp.example/tenant' must use https (plain http is accepted only in Development)." },
        { "login.microsoftonline.com/tenant", "app", "g", "viewer", false, "GoldenThread:SingleSignOn:Authority 'login.microsoftonline.com/tenant' is not a web address; expected e.g. https://login.microsoftonline.com/{tenant-id}/v2.0." },
        { "https://login.microsoftonline.com/common/v2.0", "app", "g", "viewer", false, "GoldenThread:SingleSignOn:Authority 'https://login.microsoftonline.com/common/v2.0' must name the council's tenant (https://login.microsoftonline.com/{tenant-id}/v2.0), not 'common', 'organizations' or 'consumers'." },
        { "https://idp.example/tenant", null, "g", "viewer", false, "GoldenThread:SingleSignOn:ClientId is required when GoldenThread:SingleSignOn:Authority is set: the application (client) id from the identity provider." },
        { "https://idp.example/tenant", "app", "g", "editor", false, "GoldenThread:SingleSignOn:Roles:0:Role 'editor' is not a role; expected one of administrator, performance-officer, contributor, viewer." },
        { "https://idp.example/tenant", "app", " ", "viewer", false, "GoldenThread:SingleSignOn:Roles:0:Claim is empty: give the value of the groups claim (for Entra, the group's object id)." },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Problems_BadSetting_MessageNamesTheSetting(string authority, string? clientId, string claim, string role, bool development, string message)
    {
        var options = new SingleSignOnOptions { Authority = authority, ClientId = clientId, Roles = [new() { Claim = claim, Workspace = Leics, Role = role }] };

        Assert.Equal(message, Assert.Single(SingleSignOnOptionsValidator.Problems(options, development)));
    }

    [Fact]
    public void Problems_HttpInDevelopmentAndTenantAuthority_Accepted()
    {
        Assert.Empty(SingleSignOnOptionsValidator.Problems(new SingleSignOnOptions { Authority = "http://localhost:8080/realms/council", ClientId = "app" }, development: true));
        Assert.Empty(SingleSignOnOptionsValidator.Problems(new SingleSignOnOptions { Authority = "https://login.microsoftonline.com/0b6c9a52-0000-4000-8000-000000000000/v2.0", ClientId = "app" }, development: false));
    }

    [Fact]
    public void Problems_WorkspaceMissingForLesserRole_Refused()
    {
        var options = Rules((ViewersGroup, null, "viewer"));

        Assert.Equal(
            "GoldenThread:SingleSignOn:Roles:0:Workspace is required for role 'viewer': only administrator may be given for the whole installation.",
            Assert.Single(SingleSignOnOptionsValidator.Problems(options, development: false)));
    }

    [Fact]
    public async Task Options_BadRoleInSettings_AppRefusesToStart()
    {
        using var app = new AppFactory
        {
            Settings = new Dictionary<string, string>
            {
                ["GoldenThread:SingleSignOn:Authority"] = FakeProvider.Issuer,
                ["GoldenThread:SingleSignOn:Roles:0:Claim"] = ViewersGroup,
                ["GoldenThread:SingleSignOn:Roles:0:Workspace"] = Leics,
                ["GoldenThread:SingleSignOn:Roles:0:Role"] = "reader",
            },
        };

        var e = await Assert.ThrowsAnyAsync<OptionsValidationException>(() => Task.FromResult(app.CreateClient()));

        Assert.Contains("GoldenThread:SingleSignOn:ClientId is required", e.Message);
        Assert.Contains("GoldenThread:SingleSignOn:Roles:0:Role 'reader' is not a role", e.Message);
    }

    [Fact]
    public async Task SignInPage_SingleSignOnOn_ButtonCarriesTheReturnAddressAndPasswordFormStays()
    {
        using var sso = new SsoApp();
        var html = await sso.Browser().GetStringAsync("/sign-in?returnUrl=%2Fw%2Fleicestershire-2020-23");

        Assert.Contains("<a href=\"/sign-in/sso?returnUrl=%2Fw%2Fleicestershire-2020-23\" role=\"button\" draggable=\"false\" class=\"govuk-button govuk-button--start\" data-module=\"govuk-button\">Sign in with your council account</a>", html);
        Assert.Contains("autocomplete=\"current-password\"", html);
        Assert.True(html.IndexOf("/sign-in/sso", StringComparison.Ordinal) < html.IndexOf("name=\"password\"", StringComparison.Ordinal), "the button comes first");
    }

    [Fact]
    public async Task SignInPage_SingleSignOnOff_NoButton()
    {
        using var app = new AppFactory();
        var client = app.Browser();

        Assert.DoesNotContain("/sign-in/sso", await client.GetStringAsync("/sign-in"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/sign-in/sso")).StatusCode);
    }

    [Fact]
    public async Task LocalAccountsOff_NoPasswordFormAndPasswordPostRefused()
    {
        using var sso = new SsoApp(localAccounts: false, people: [TestPerson.HeadOfService]);
        var client = sso.Browser();
        var html = await client.GetStringAsync("/sign-in");
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"");

        Assert.Contains("Sign in with your council account</a>", html);
        Assert.DoesNotContain("name=\"password\"", html);
        Assert.False(token.Success, "no form, so no token");

        // A token from a page that still has a form (the second step of signing in).
        var formToken = System.Text.RegularExpressions.Regex.Match(await client.GetStringAsync("/sign-in/two-factor"), "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(formToken),
            ["email"] = TestPerson.HeadOfService.Email,
            ["password"] = TestPerson.HeadOfService.Password,
        }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Signing in with a password is turned off here.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.DoesNotContain("Signed in as", await client.GetStringAsync("/"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task FirstSignIn_MappedGroup_AccountCreatedWithTheRoleAndSignedIn(StoreProvider provider)
    {
        using var sso = new SsoApp(provider);
        var client = sso.Browser();
        var alex = new ProviderPerson("oid-alex", "alex.khan@council.example", "Alex Khan", [OfficersGroup, "55555555-0000-0000-0000-000000000000"]);

        var done = await sso.SignInAsync(client, alex, "/w/leicestershire-2020-23/measures/a1-gld");

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/w/leicestershire-2020-23/measures/a1-gld", done.Headers.Location?.OriginalString);
        Assert.Contains("Signed in as Alex Khan", await client.GetStringAsync("/"));
        Assert.Contains("name=\"text\"", await client.GetStringAsync("/w/leicestershire-2020-23/measures/a1-gld"));
        var (person, roles, logins) = await sso.PersonAsync(alex.Email);
        Assert.NotNull(person);
        Assert.False(person.IsInstallationAdministrator);
        Assert.False(await sso.HasPasswordAsync(person));
        Assert.Equal([(Leics2015, WorkspaceRole.Contributor), (Leics, WorkspaceRole.PerformanceOfficer)], roles);
        Assert.Equal([("oidc", "oid-alex")], logins);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task LaterSignIn_GroupChanged_RoleFollowsAndHandGivenRoleElsewhereKept(StoreProvider provider)
    {
        using var sso = new SsoApp(provider);
        var sam = new ProviderPerson("oid-sam", "sam@council.example", "Sam Rees", [ViewersGroup]);
        await sso.SignInAsync(sso.Browser(), sam);
        var (first, roles, _) = await sso.PersonAsync(sam.Email);
        Assert.Equal([(Leics, WorkspaceRole.Viewer)], roles);

        // An administrator gives Sam a role, in the browser, in a workspace no rule names.
        using (var scope = sso.App.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<PeopleStore>().SetRoleAsync(Bedfordshire, first!.Id, WorkspaceRole.Contributor);
        }

        // Sam moves from the viewers' group to the officers'; another sign-in, from another browser, follows.
        var client = sso.Browser();
        var done = await sso.SignInAsync(client, sam with { Groups = [OfficersGroup] });

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        (_, roles, var logins) = await sso.PersonAsync(sam.Email);
        Assert.Equal([(Bedfordshire, WorkspaceRole.Contributor), (Leics2015, WorkspaceRole.Contributor), (Leics, WorkspaceRole.PerformanceOfficer)], roles);
        Assert.Single(logins);

        // And out of every group of the rules: the roles they gave go, the one given by hand stays.
        await sso.SignInAsync(sso.Browser(), sam with { Groups = [] });
        (_, roles, _) = await sso.PersonAsync(sam.Email);
        Assert.Equal([(Bedfordshire, WorkspaceRole.Contributor)], roles);
    }

    [Fact]
    public async Task SignIn_AdministratorsGroup_InstallationAdministratorUntilTakenOut()
    {
        using var sso = new SsoApp();
        var ash = new ProviderPerson("oid-ash", "ash@council.example", "Ash Patel", [AdminsGroup]);

        await sso.SignInAsync(sso.Browser(), ash);
        Assert.True((await sso.PersonAsync(ash.Email)).Person!.IsInstallationAdministrator);

        var done = await sso.SignInAsync(sso.Browser(), ash with { Groups = [] });

        Assert.Equal(HttpStatusCode.Forbidden, done.StatusCode);
        Assert.False((await sso.PersonAsync(ash.Email)).Person!.IsInstallationAdministrator);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task FirstSignIn_NoMappedGroup_403AndNoAccount(StoreProvider provider)
    {
        using var sso = new SsoApp(provider);
        var client = sso.Browser();
        var stranger = new ProviderPerson("oid-stranger", "stranger@council.example", "Pat Stranger", ["99999999-9999-9999-9999-999999999999"]);

        var done = await sso.SignInAsync(client, stranger);
        var html = WebUtility.HtmlDecode(await done.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Forbidden, done.StatusCode);
        Assert.Contains("Your account is not given a role in GoldenThread. Ask the performance team to add you to the right group.", html);
        Assert.Null((await sso.PersonAsync(stranger.Email)).Person);
        Assert.DoesNotContain("Signed in as", await client.GetStringAsync("/"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SignIn_DisabledPerson_RefusedAndNoSession(StoreProvider provider)
    {
        using var sso = new SsoApp(provider);
        var kim = new ProviderPerson("oid-kim", "kim@council.example", "Kim Lowe", [OfficersGroup]);
        await sso.SignInAsync(sso.Browser(), kim);
        using (var scope = sso.App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PersonRow>>();
            var person = (await users.FindByEmailAsync(kim.Email))!;
            person.DisabledUtc = DateTimeOffset.UtcNow;
            await users.UpdateAsync(person);
        }

        var client = sso.Browser();
        var done = await sso.SignInAsync(client, kim);

        Assert.Equal(HttpStatusCode.Forbidden, done.StatusCode);
        Assert.Contains("Your account has been disabled.", WebUtility.HtmlDecode(await done.Content.ReadAsStringAsync()));
        Assert.DoesNotContain("Signed in as", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task FirstSignIn_ExistingLocalAccount_LinkedByEmailAndRolesSynced()
    {
        using var sso = new SsoApp(people: [TestPerson.HeadOfService]);
        var hos = new ProviderPerson("oid-hos", "HOS@council.example", "Someone Else", [ViewersGroup]);

        var done = await sso.SignInAsync(sso.Browser(), hos);

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var (person, roles, logins) = await sso.PersonAsync(TestPerson.HeadOfService.Email);
        Assert.Equal("Head of Service <Early Years>", person!.DisplayName);
        Assert.Equal([(Leics, WorkspaceRole.Viewer)], roles);
        Assert.Equal([("oidc", "oid-hos")], logins);

        // Still the one account: the password goes on working beside single sign-on.
        await sso.App.SignedInAsync(TestPerson.HeadOfService);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example")]
    public async Task SignIn_ReturnAddressElsewhere_HomeInstead(string returnUrl)
    {
        using var sso = new SsoApp();
        var done = await sso.SignInAsync(sso.Browser(), new ProviderPerson("oid-jo", "jo@council.example", "Jo", [ViewersGroup]), returnUrl);

        Assert.Equal("/", done.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Callback_CancelledAtTheProvider_PlainPageNotAFault()
    {
        using var sso = new SsoApp();
        var client = sso.Browser();
        var start = await client.GetAsync("/sign-in/sso");
        var state = FakeProvider.Query(start.Headers.Location!)["state"];

        var response = await client.PostAsync("/signin-oidc", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["error"] = "access_denied",
            ["error_description"] = "The user cancelled",
            ["state"] = state,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Signing in with your council account did not finish", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Done_WithoutComingFromTheProvider_BackToSignIn()
    {
        using var sso = new SsoApp();

        var response = await sso.Browser().GetAsync("/sign-in/sso/done?returnUrl=%2F");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/sign-in", response.Headers.Location?.OriginalString);
    }

    /// <summary>Someone as the provider knows them.</summary>
    private sealed record ProviderPerson(string Oid, string Email, string Name, string[] Groups);

    /// <summary>The app with single sign-on to <see cref="FakeProvider"/> and the council's rules.</summary>
    private sealed class SsoApp : IDisposable
    {
        public AppFactory App { get; }

        public FakeProvider Provider { get; } = new();

        private readonly WebApplicationFactory<Program> _web;

        public SsoApp(StoreProvider store = StoreProvider.Sqlite, bool localAccounts = true, IReadOnlyList<TestPerson>? people = null)
        {
            var settings = new Dictionary<string, string>
            {
                ["GoldenThread:SingleSignOn:Authority"] = FakeProvider.Issuer,
                ["GoldenThread:SingleSignOn:ClientId"] = FakeProvider.ClientId,
                ["GoldenThread:SingleSignOn:ClientSecret"] = FakeProvider.ClientSecret,
                ["GoldenThread:SingleSignOn:AllowLocalAccounts"] = localAccounts ? "true" : "false",
            };
            for (var i = 0; i < Council.Roles.Count; i++)
            {
                settings[$"GoldenThread:SingleSignOn:Roles:{i}:Claim"] = Council.Roles[i].Claim;
                settings[$"GoldenThread:SingleSignOn:Roles:{i}:Role"] = Council.Roles[i].Role;
                if (Council.Roles[i].Workspace is { } ws)
                {
                    settings[$"GoldenThread:SingleSignOn:Roles:{i}:Workspace"] = ws;
                }
            }

            App = new AppFactory(store) { Settings = settings, People = people ?? [] };
            _web = App.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
                services.PostConfigure<OpenIdConnectOptions>(SingleSignOnOptions.Scheme, o =>
                {
                    // Every call the app makes to the provider (discovery, keys, the code exchange) goes to the one in the test.
                    o.Backchannel = new HttpClient(Provider, disposeHandler: false);
                    o.MetadataAddress ??= FakeProvider.Issuer + "/.well-known/openid-configuration";
                    o.ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(
                        o.MetadataAddress, new OpenIdConnectConfigurationRetriever(), new HttpDocumentRetriever(o.Backchannel) { RequireHttps = true });
                })));
        }

        public HttpClient Browser() =>
            _web.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        /// <summary>The browser's round trip: to the provider, the person signs in there, back to the callback, then to the page that finishes.</summary>
        public async Task<HttpResponseMessage> SignInAsync(HttpClient client, ProviderPerson person, string? returnUrl = null)
        {
            var start = await client.GetAsync("/sign-in/sso" + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl)));
            Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
            var authorize = start.Headers.Location!;
            Assert.StartsWith(FakeProvider.Issuer + "/authorize?", authorize.AbsoluteUri);

            var answer = Provider.Authorize(authorize, person);
            var callback = await client.PostAsync(FakeProvider.RedirectPath, new FormUrlEncodedContent(answer));
            Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
            var done = callback.Headers.Location!.OriginalString;
            Assert.StartsWith("/sign-in/sso/done?returnUrl=", done);

            return await client.GetAsync(done);
        }

        public async Task<(PersonRow? Person, (string, WorkspaceRole)[] Roles, (string, string)[] Logins)> PersonAsync(string email)
        {
            using var scope = _web.Services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PersonRow>>();
            var person = await users.FindByEmailAsync(email);
            if (person is null)
            {
                return (null, [], []);
            }

            var roles = await scope.ServiceProvider.GetRequiredService<PeopleStore>().RolesAsync(person.Id);
            var logins = await users.GetLoginsAsync(person);
            return (person, roles.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => (r.Key, r.Value)).ToArray(), logins.Select(l => (l.LoginProvider, l.ProviderKey)).ToArray());
        }

        public async Task<bool> HasPasswordAsync(PersonRow person)
        {
            using var scope = _web.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<UserManager<PersonRow>>().HasPasswordAsync(person);
        }

        public void Dispose()
        {
            _web.Dispose();
            App.Dispose();
            Provider.Dispose();
        }
    }

    /// <summary>
    /// An OpenID provider in memory: discovery, its signing key, and a token endpoint that checks the code, the client's
    /// secret and the PKCE verifier before returning an ID token signed with RS256.
    /// </summary>
    private sealed class FakeProvider : HttpMessageHandler
    {
        public const string Issuer = "https://idp.example/council-tenant/v2.0";
        public const string ClientId = "goldenthread-tests";
        public const string ClientSecret = "not-a-real-secret";
        public const string RedirectPath = "/signin-oidc";

        private readonly RSA _rsa = RSA.Create(2048);
        private readonly RsaSecurityKey _key;
        private readonly Dictionary<string, (string Nonce, string Challenge, string RedirectUri, ProviderPerson Person)> _codes = [];

        public FakeProvider() => _key = new RsaSecurityKey(_rsa) { KeyId = "test-key" };

        public static Dictionary<string, string> Query(Uri uri) =>
            uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
                .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p[1].Replace('+', ' ')));

        /// <summary>The person signs in at the provider, which answers with the form its page posts back to the app.</summary>
        public Dictionary<string, string> Authorize(Uri authorize, ProviderPerson person)
        {
            var q = Query(authorize);
            Assert.Equal(ClientId, q["client_id"]);
            Assert.Equal("code", q["response_type"]);
            Assert.Equal("S256", q["code_challenge_method"]);
            Assert.Equal("form_post", q["response_mode"]);
            Assert.Equal(new[] { "email", "openid", "profile" }, q["scope"].Split(' ').Order(StringComparer.Ordinal).ToArray());
            Assert.Equal("https://localhost" + RedirectPath, q["redirect_uri"]);
            var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            lock (_codes)
            {
                _codes[code] = (q["nonce"], q["code_challenge"], q["redirect_uri"], person);
            }

            return new() { ["code"] = code, ["state"] = q["state"] };
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsoluteUri;
            if (path == Issuer + "/.well-known/openid-configuration")
            {
                return Json(new Dictionary<string, object>
                {
                    ["issuer"] = Issuer,
                    ["authorization_endpoint"] = Issuer + "/authorize",
                    ["token_endpoint"] = Issuer + "/token",
                    ["jwks_uri"] = Issuer + "/keys",
                    ["response_types_supported"] = new[] { "code" },
                    ["subject_types_supported"] = new[] { "pairwise" },
                    ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                });
            }

            if (path == Issuer + "/keys")
            {
                var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_rsa.ExportParameters(false)) { KeyId = _key.KeyId });
                return Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = jwk.Kid, n = jwk.N, e = jwk.E } } });
            }

            if (path == Issuer + "/token" && request.Method == HttpMethod.Post)
            {
                var form = Query(new Uri("https://x/?" + await request.Content!.ReadAsStringAsync(cancellationToken)));
                (string Nonce, string Challenge, string RedirectUri, ProviderPerson Person) grant;
                lock (_codes)
                {
                    if (!_codes.Remove(form.GetValueOrDefault("code") ?? "", out grant))
                    {
                        return new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent("{\"error\":\"invalid_grant\"}", Encoding.UTF8, "application/json") };
                    }
                }

                var verifier = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form.GetValueOrDefault("code_verifier") ?? "")));
                var secret = form.GetValueOrDefault("client_secret");
                if (verifier != grant.Challenge || secret != ClientSecret || form.GetValueOrDefault("redirect_uri") != grant.RedirectUri || form.GetValueOrDefault("grant_type") != "authorization_code")
                {
                    return new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent("{\"error\":\"invalid_grant\"}", Encoding.UTF8, "application/json") };
                }

                var now = DateTime.UtcNow;
                var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
                {
                    Issuer = Issuer,
                    Audience = ClientId,
                    IssuedAt = now,
                    NotBefore = now,
                    Expires = now.AddMinutes(10),
                    Claims = new Dictionary<string, object>
                    {
                        ["sub"] = "pairwise-" + grant.Person.Oid,
                        ["oid"] = grant.Person.Oid,
                        ["nonce"] = grant.Nonce,
                        ["name"] = grant.Person.Name,
                        ["preferred_username"] = grant.Person.Email,
                        ["groups"] = grant.Person.Groups,
                    },
                    SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
                });
                return Json(new { access_token = "opaque", token_type = "Bearer", expires_in = 600, id_token = idToken });
            }

            return new HttpResponseMessage(HttpStatusCode.NotFound);
        }

        private static HttpResponseMessage Json(object body) =>
            new(HttpStatusCode.OK) { Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json") };

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _rsa.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
