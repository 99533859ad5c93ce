using System.Net;
using System.Text.RegularExpressions;
using GoldenThread.Store;
using GoldenThread.Store.Accounts;
using GoldenThread.Store.Entities;
using GoldenThread.Web.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GoldenThread.Web.Tests;

/// <summary>
/// People in the browser: inviting someone and their setting a password from the link, changing roles and assignments,
/// disabling accounts, the limits of a workspace's administrator, and the workspace's settings.
/// </summary>
public sealed partial class PeoplePagesTests
{
    private const string Leics = TestPerson.Leicestershire;
    private const string Bedfordshire = "central-bedfordshire-2013";
    private const string People = "/w/" + Leics + "/people";
    private const string Measure = "/w/" + Leics + "/measures/a1-gld";

    private static readonly TestPerson LeicsAdmin = new("leics-admin@council.example", "Leics Administrator", "tangerine harbour velvet spoon", WorkspaceRole.Administrator, Leics);
    private static readonly TestPerson BedsAdmin = new("beds-admin@council.example", "Beds Administrator", "cobalt lantern willow ferry", WorkspaceRole.Administrator, Bedfordshire);
    private static readonly TestPerson Viewer = new("viewer@council.example", "A Viewer", "viewer reads but never writes", WorkspaceRole.Viewer, Leics);
    private static readonly TestPerson Officer = TestPerson.HeadOfService;

    private const string NewPassword = "marble kestrel autumn ladder";

    public static IEnumerable<object[]> Providers => [[StoreProvider.Sqlite], [StoreProvider.Postgres]];

    private static AppFactory App(StoreProvider provider = StoreProvider.Sqlite) => new(provider) { People = [LeicsAdmin, BedsAdmin, Viewer, Officer] };

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("https://localhost/account/set-password\\?[^<\"\\s]+")]
    private static partial Regex Link();

    private static async Task<string> TokenFrom(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url);
        var match = Token().Match(html);
        Assert.True(match.Success, $"no antiforgery token on {url}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Posts a form with a token from <paramref name="tokenFrom"/> (a page the client may open).</summary>
    private static async Task<HttpResponseMessage> Post(HttpClient client, string url, string tokenFrom, params (string Name, string Value)[] fields)
    {
        var form = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", await TokenFrom(client, tokenFrom)) };
        form.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return await client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    private static async Task<string> IdOf(AppFactory app, string email)
    {
        using var scope = app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<PersonRow>>().FindByEmailAsync(email))!.Id;
    }

    private static async Task<PersonRow> Account(AppFactory app, string email)
    {
        using var scope = app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<PersonRow>>().FindByEmailAsync(email))!;
    }

    private static async Task<IReadOnlyDictionary<string, WorkspaceRole>> RolesOf(AppFactory app, string email)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PeopleStore>().RolesAsync(await IdOf(app, email));
    }

    private static async Task<HttpResponseMessage> SignIn(HttpClient client, string email, string password) =>
        await Post(client, "/sign-in", "/sign-in", ("email", email), ("password", password));

    /// <summary>Invites someone new as the Leicestershire administrator; the link shown once.</summary>
    private static async Task<string> InviteAsync(HttpClient admin, string email, string name, string role = "viewer")
    {
        var response = await Post(admin, People, People, ("email", email), ("name", name), ("role", role));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("GoldenThread does not send emails", html);
        Assert.True(response.Headers.CacheControl?.NoStore, "the link page may be stored");
        var link = Link().Match(html);
        Assert.True(link.Success, "no set-password link on the confirmation page");
        return WebUtility.HtmlDecode(link.Value);
    }

    private static async Task<HttpResponseMessage> SetPassword(HttpClient client, string link, string password, string? confirm = null)
    {
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(link).Query);
        return await Post(client, "/account/set-password", link,
            ("person", query["person"]!), ("token", query["token"]!), ("password", password), ("confirm", confirm ?? password));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Invite_LinkSetPasswordThenSignIn_WorksOnceWithTheRoleGiven(StoreProvider provider)
    {
        using var app = App(provider);
        var admin = await app.SignedInAsync(LeicsAdmin);

        var link = await InviteAsync(admin, "new.officer@council.example", "New Officer", "performance-officer");

        var invitee = app.Browser();
        var form = await invitee.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("new.officer@council.example", await form.Content.ReadAsStringAsync());

        var set = await SetPassword(invitee, link, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal("/sign-in?notice=password-set", set.Headers.Location?.OriginalString);
        Assert.Contains(SignInPages.PasswordSet, await invitee.GetStringAsync(set.Headers.Location!.OriginalString));

        Assert.Equal(HttpStatusCode.Redirect, (await SignIn(invitee, "new.officer@council.example", NewPassword)).StatusCode);
        // A performance officer writes commentary on any measure.
        var posted = await Post(invitee, Measure + "/commentary", Measure, ("text", "Written by the new officer"), ("period", "2024/25"));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(WorkspaceRole.PerformanceOfficer, (await RolesOf(app, "new.officer@council.example"))[Leics]);

        // The link works once.
        var again = await app.Browser().GetAsync(link);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains(PeoplePages.LinkExpired, WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Invite_ExistingAccount_GetsTheRoleAndNoLink()
    {
        using var app = App();
        var admin = await app.SignedInAsync(LeicsAdmin);

        var response = await Post(admin, People, People, ("email", BedsAdmin.Email), ("name", ""), ("role", "viewer"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await admin.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.DoesNotContain("/account/set-password", page);
        Assert.Contains("They have an account already", page);
        Assert.Equal(WorkspaceRole.Viewer, (await RolesOf(app, BedsAdmin.Email))[Leics]);
        Assert.Equal(WorkspaceRole.Administrator, (await RolesOf(app, BedsAdmin.Email))[Bedfordshire]);
    }

    [Theory]
    [InlineData("", "viewer", "Enter their email address")]
    [InlineData("not an address", "viewer", "Enter an email address like name@council.gov.uk")]
    [InlineData("someone@council.example", "", "Choose what they may do in this plan")]
    [InlineData("someone@council.example", "owner", "Choose what they may do in this plan")]
    public async Task Invite_BadInput_400WithTheMessageAndNoAccount(string email, string role, string message)
    {
        using var app = App();
        var admin = await app.SignedInAsync(LeicsAdmin);

        var response = await Post(admin, People, People, ("email", email), ("name", "Someone"), ("role", role));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        Assert.Null(await Account(app, "someone@council.example"));
    }

    [Fact]
    public async Task SetPassword_GarbageTokenOtherPersonOrOverlong_RefusedWithTheExpiredPage()
    {
        using var app = App();
        var admin = await app.SignedInAsync(LeicsAdmin);
        var link = await InviteAsync(admin, "invitee@council.example", "Invitee");
        var token = System.Web.HttpUtility.ParseQueryString(new Uri(link).Query)["token"]!;
        var viewerId = await IdOf(app, Viewer.Email);
        var client = app.Browser();

        foreach (var url in new[]
                 {
                     "/account/set-password",
                     "/account/set-password?person=nobody&token=garbage",
                     $"/account/set-password?person={Uri.EscapeDataString(viewerId)}&token={Uri.EscapeDataString(token)}",
                     $"/account/set-password?person={new string('a', 5000)}&token=x",
                     $"/account/set-password?person={Uri.EscapeDataString(viewerId)}&token={new string('A', 5000)}",
                 })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(PeoplePages.LinkExpired, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        }

        // A garbage token posted with the form is refused the same way, and nothing changes.
        var posted = await Post(client, "/account/set-password", "/sign-in", ("person", viewerId), ("token", "garbage"), ("password", NewPassword), ("confirm", NewPassword));
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Contains(PeoplePages.LinkExpired, WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn(app.Browser(), Viewer.Email, Viewer.Password)).StatusCode);
    }

    [Fact]
    public async Task SetPassword_ExpiredLink_Refused()
    {
        using var root = App();
        using var app = root.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.Zero)));
        var admin = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn(admin, LeicsAdmin.Email, LeicsAdmin.Password)).StatusCode);
        var link = await InviteAsync(admin, "late@council.example", "Late Invitee");
        await Task.Delay(50);

        var response = await app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") }).GetAsync(link);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(PeoplePages.LinkExpired, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData("password2024!", null, "password")]
    [InlineData("short", null, "password")]
    [InlineData(NewPassword, "marble kestrel autumn ladders", "confirm")]
    public async Task SetPassword_WeakOrMismatched_400WithFieldErrorAndPasswordUnchanged(string password, string? confirm, string field)
    {
        using var app = App();
        var admin = await app.SignedInAsync(LeicsAdmin);
        var link = await InviteAsync(admin, "weak@council.example", "Weak Password");
        var client = app.Browser();

        var response = await SetPassword(client, link, password, confirm);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"href=\"#{field}\"", html);
        Assert.DoesNotContain(password, html);
        if (password == "password2024!")
        {
            Assert.Contains(CommonPasswordValidator.Message.TrimEnd('.'), html);
        }

        Assert.False(await HasPassword(app, "weak@council.example"));

        // The link still works for a good password afterwards.
        Assert.Equal(HttpStatusCode.Redirect, (await SetPassword(client, link, NewPassword)).StatusCode);
    }

    private static async Task<bool> HasPassword(AppFactory app, string email)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PersonRow>>();
        return await users.HasPasswordAsync((await users.FindByEmailAsync(email))!);
    }

    [Fact]
    public async Task RoleChange_ViewerMadeContributorWithAMeasure_CanWriteItsCommentaryOnTheNextRequest()
    {
        using var app = App();
        var admin = await app.SignedInAsync(LeicsAdmin);
        var viewer = await app.SignedInAsync(Viewer);
        var person = People + "/" + await IdOf(app, Viewer.Email);

        async Task<HttpResponseMessage> Comment() =>
            await Post(viewer, Measure + "/commentary", Measure, ("text", "Progress on the early years offer"), ("period", "2024/25"));

        Assert.Equal(HttpStatusCode.Forbidden, (await Comment()).StatusCode);

        var role = await Post(admin, person + "/role", person, ("role", "contributor"));
        Assert.Equal(HttpStatusCode.Redirect, role.StatusCode);
        Assert.Contains("Their role is changed", await admin.GetStringAsync(role.Headers.Location!.OriginalString));

        // A contributor with nothing assigned still may not write on this measure.
        Assert.Equal(HttpStatusCode.Forbidden, (await Comment()).StatusCode);

        var page = await admin.GetStringAsync(person);
        Assert.Contains("name=\"measures\"", page);
        var assigned = await Post(admin, person + "/assignments", person, ("measures", "A1-GLD"));
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await Comment()).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(viewer, "/w/" + Leics + "/measures/a1-gld-fsm/commentary", Measure, ("text", "Not mine"), ("period", "2024/25"))).StatusCode);
    }

    [Fact]
    public async Task Assign_UnknownMeasure_400AndNothingAssigned()
    {
        using var app = App();
        var admin = await app.SignedInAsync(LeicsAdmin);
        var id = await IdOf(app, Viewer.Email);
        var person = People + "/" + id;
        await Post(admin, person + "/role", person, ("role", "contributor"));

        var response = await Post(admin, person + "/assignments", person, ("measures", "a1-gld"), ("measures", "<script>x</script>"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("This plan has no measure or action", html);
        Assert.DoesNotContain("<script>x</script>", html);
        using var scope = app.Services.CreateScope();
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<PeopleStore>().AssignmentsAsync(Leics, id));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Disable_EndsTheSessionAtOnceRevokesTokensAndEnableLetsThemBackIn(StoreProvider provider)
    {
        using var app = App(provider);
        var admin = await app.SignedInAsync(LeicsAdmin);
        var officer = await app.SignedInAsync(Officer);
        var id = await IdOf(app, Officer.Email);
        var person = People + "/" + id;
        string token;
        using (var scope = app.Services.CreateScope())
        {
            (token, _) = await scope.ServiceProvider.GetRequiredService<PeopleStore>().CreateTokenAsync(id, "script", DateTimeOffset.UtcNow.AddDays(30));
        }

        var commentaryToken = await TokenFrom(officer, Measure);

        var disabled = await Post(admin, person + "/disable", person);
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.Contains("The account is disabled", await admin.GetStringAsync(disabled.Headers.Location!.OriginalString));

        // The officer's cookie is anonymous on its very next request: a post is refused as from someone not signed in.
        var posted = await officer.PostAsync(Measure + "/commentary", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = commentaryToken,
            ["text"] = "Written after being disabled",
            ["period"] = "2024/25",
        }));
        Assert.Equal(HttpStatusCode.Unauthorized, posted.StatusCode);
        Assert.DoesNotContain("name=\"text\"", await officer.GetStringAsync(Measure));
        using (var scope = app.Services.CreateScope())
        {
            Assert.Null(await scope.ServiceProvider.GetRequiredService<PeopleStore>().PersonOfTokenAsync(token));
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await SignIn(app.Browser(), Officer.Email, Officer.Password)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await Post(admin, person + "/enable", person)).StatusCode);
        Assert.Null((await Account(app, Officer.Email)).DisabledUtc);
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn(app.Browser(), Officer.Email, Officer.Password)).StatusCode);
    }

    /// <summary>
    /// Who is asking is kept in memory under the store's access version (CurrentPerson), so a change made outside this
    /// instance, by the command line, another instance or plain SQL, must still take effect on the very next request.
    /// </summary>
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ChangesMadeOutsideThisInstance_TakeEffectOnTheNextRequest(StoreProvider provider)
    {
        using var app = App(provider);
        var officer = await app.SignedInAsync(Officer);
        var id = await IdOf(app, Officer.Email);
        var myWork = "/w/" + Leics + "/my-work";
        await using var other = new StoreConnection(provider, app.ConnectionString).CreateContext();

        async Task Sql(string sql) => await other.Database.ExecuteSqlRawAsync(sql, id);

        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync(myWork)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync(myWork)).StatusCode);

        await Sql("DELETE FROM memberships WHERE \"PersonId\" = {0}");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync(myWork)).StatusCode);

        await Sql("INSERT INTO memberships (\"WorkspaceId\", \"PersonId\", \"Role\", \"GrantedUtc\") VALUES ('" + Leics + "', {0}, 'viewer', '2026-12-03 10:00:00+00:00')");
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync(myWork)).StatusCode);

        await Sql("UPDATE people SET \"SecurityStamp\" = 'changed elsewhere' WHERE \"Id\" = {0}");
        var signedOut = await officer.GetAsync(myWork);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Contains("/sign-in", signedOut.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task OtherWorkspacesAdministrator_403OnItsPeopleAndCannotReachItsPeopleThroughTheirOwn()
    {
        using var app = App();
        var beds = await app.SignedInAsync(BedsAdmin);
        var leicsAdminId = await IdOf(app, LeicsAdmin.Email);
        var viewerId = await IdOf(app, Viewer.Email);
        var ownPeople = "/w/" + Bedfordshire + "/people";

        Assert.Equal(HttpStatusCode.Forbidden, (await beds.GetAsync(People)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await beds.GetAsync(People + "/" + viewerId)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await beds.GetAsync("/w/" + Leics + "/settings")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(beds, People + "/" + viewerId + "/disable", ownPeople)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await beds.GetAsync("/people")).StatusCode);

        // Leicestershire's people through Bedfordshire's addresses: not found, and nothing changes.
        Assert.DoesNotContain(Viewer.Email, await beds.GetStringAsync(ownPeople));
        Assert.Equal(HttpStatusCode.NotFound, (await beds.GetAsync(ownPeople + "/" + viewerId)).StatusCode);
        foreach (var action in new[] { "/disable", "/role", "/remove", "/set-password-link", "/unlock", "/assignments" })
        {
            var response = await Post(beds, ownPeople + "/" + leicsAdminId + action, ownPeople, ("role", "viewer"));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        Assert.Null((await Account(app, LeicsAdmin.Email)).DisabledUtc);
        Assert.Equal(WorkspaceRole.Administrator, (await RolesOf(app, LeicsAdmin.Email))[Leics]);
        Assert.False((await RolesOf(app, LeicsAdmin.Email)).ContainsKey(Bedfordshire));
    }

    [Fact]
    public async Task PersonInTwoWorkspaces_OneWorkspacesAdministratorChangesTheirRoleButCannotDisableOrResetThem()
    {
        using var app = App();
        var beds = await app.SignedInAsync(BedsAdmin);
        var ownPeople = "/w/" + Bedfordshire + "/people";
        Assert.Equal(HttpStatusCode.Redirect, (await Post(beds, ownPeople, ownPeople, ("email", Viewer.Email), ("name", ""), ("role", "viewer"))).StatusCode);
        var person = ownPeople + "/" + await IdOf(app, Viewer.Email);

        Assert.Equal(HttpStatusCode.Redirect, (await Post(beds, person + "/role", person, ("role", "contributor"))).StatusCode);
        Assert.Contains("a role in a plan you do not administer", await beds.GetStringAsync(person));
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(beds, person + "/disable", person)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(beds, person + "/set-password-link", person)).StatusCode);
        Assert.Null((await Account(app, Viewer.Email)).DisabledUtc);

        // Once they are only in Bedfordshire, its administrator manages their account.
        var leics = await app.SignedInAsync(LeicsAdmin);
        var inLeics = People + "/" + await IdOf(app, Viewer.Email);
        Assert.Equal(HttpStatusCode.Redirect, (await Post(leics, inLeics + "/remove", inLeics)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await leics.GetAsync(inLeics)).StatusCode);
        var reset = await Post(beds, person + "/set-password-link", person);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Matches(Link(), await reset.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Administrator_CannotDemoteRemoveOrDisableThemselves()
    {
        using var app = App();
        var admin = await app.SignedInAsync(LeicsAdmin);
        var self = People + "/" + await IdOf(app, LeicsAdmin.Email);

        foreach (var action in new[] { "/role", "/remove", "/disable" })
        {
            var response = await Post(admin, self + action, self, ("role", "viewer"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("You cannot change your own role, remove yourself or disable your own account", await response.Content.ReadAsStringAsync());
        }

        Assert.Equal(WorkspaceRole.Administrator, (await RolesOf(app, LeicsAdmin.Email))[Leics]);
        Assert.Null((await Account(app, LeicsAdmin.Email)).DisabledUtc);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(People)).StatusCode);
    }

    [Theory]
    [InlineData("nobody-at-all", HttpStatusCode.NotFound)]
    [InlineData("..%2F..%2Fetc%2Fpasswd", HttpStatusCode.NotFound)]
    [InlineData("x' OR '1'='1", HttpStatusCode.NotFound)]
    public async Task PersonPage_UnknownId_404(string id, HttpStatusCode status)
    {
        using var app = App();
        var admin = await app.SignedInAsync(LeicsAdmin);

        Assert.Equal(status, (await admin.GetAsync(People + "/" + id)).StatusCode);
        Assert.Equal(status, (await Post(admin, People + "/" + id + "/disable", People)).StatusCode);
    }

    [Fact]
    public async Task PersonPage_OverlongId_400()
    {
        using var app = App();
        var admin = await app.SignedInAsync(LeicsAdmin);

        var response = await admin.GetAsync(People + "/" + new string('a', 5000));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 64 characters", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HostileNameAndEmail_ShownAsText()
    {
        using var app = App();
        var admin = await app.SignedInAsync(LeicsAdmin);
        const string name = "<script>alert('x')</script> O'Brien & \"Co\"";

        await InviteAsync(admin, "hostile@council.example", name);
        var list = await admin.GetStringAsync(People);
        var page = await admin.GetStringAsync(People + "/" + await IdOf(app, "hostile@council.example"));

        foreach (var html in new[] { list, page })
        {
            Assert.DoesNotContain("<script>alert", html);
            Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; O&#x27;Brien &amp; &quot;Co&quot;", html);
        }

        var refused = await Post(admin, People, People, ("email", "\"<img src=x onerror=alert(1)>\"@council.example"), ("name", ""), ("role", "viewer"));
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.DoesNotContain("<img src=x", refusedHtml);
    }

    [Fact]
    public async Task InstallationPeople_ForInstallationAdministratorsOnly_MakesAndUnmakesAdministratorsButNotThemselves()
    {
        using var app = new AppFactory { People = [TestPerson.InstallationAdministrator, LeicsAdmin, Viewer] };
        var root = await app.SignedInAsync(TestPerson.InstallationAdministrator);
        var leics = await app.SignedInAsync(LeicsAdmin);

        Assert.Equal(HttpStatusCode.Forbidden, (await leics.GetAsync("/people")).StatusCode);
        var list = await root.GetStringAsync("/people");
        Assert.Contains(Viewer.Email, list);
        Assert.Contains("Viewer</a> in", list);

        var viewerId = await IdOf(app, Viewer.Email);
        var made = await Post(root, $"/people/{viewerId}/installation-administrator", "/people", ("administrator", "yes"));
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        Assert.Contains("now administers the whole installation", await root.GetStringAsync(made.Headers.Location!.OriginalString));
        Assert.True((await Account(app, Viewer.Email)).IsInstallationAdministrator);

        var selfId = await IdOf(app, TestPerson.InstallationAdministrator.Email);
        Assert.Equal(HttpStatusCode.BadRequest, (await Post(root, $"/people/{selfId}/installation-administrator", "/people", ("administrator", "no"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Post(root, $"/people/{selfId}/disable", "/people")).StatusCode);
        Assert.True((await Account(app, TestPerson.InstallationAdministrator.Email)).IsInstallationAdministrator);

        // A workspace's administrator cannot disable an installation administrator through their plan.
        var viewerInLeics = People + "/" + viewerId;
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(leics, viewerInLeics + "/disable", viewerInLeics)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await Post(root, $"/people/{viewerId}/disable", "/people")).StatusCode);
        Assert.NotNull((await Account(app, Viewer.Email)).DisabledUtc);
    }

    [Fact]
    public async Task Settings_DashboardMadeInternalThenPublic_VisitorsFollow()
    {
        using var app = App();
        var admin = await app.SignedInAsync(LeicsAdmin);
        const string settings = "/w/" + Leics + "/settings";
        var visitor = app.Browser();
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/w/" + Leics + "/dashboard")).StatusCode);

        var page = await admin.GetStringAsync(settings);
        Assert.Contains("always withheld", page);
        var saved = await Post(admin, settings, settings, ("dashboardPublic", "no"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("The settings are saved.", await admin.GetStringAsync(saved.Headers.Location!.OriginalString));
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.GetAsync("/w/" + Leics + "/dashboard")).StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, (await Post(admin, settings, settings, ("dashboardPublic", "maybe"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Post(admin, settings, settings, ("dashboardPublic", "yes"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/w/" + Leics + "/dashboard")).StatusCode);
    }

    [Fact]
    public async Task PlanPage_LinksToPeopleAndSettingsForItsAdministratorsOnly()
    {
        using var app = App();
        const string link = "href=\"/w/" + Leics + "/people\"";

        Assert.Contains(link, await (await app.SignedInAsync(LeicsAdmin)).GetStringAsync("/w/" + Leics));
        Assert.DoesNotContain(link, await (await app.SignedInAsync(Viewer)).GetStringAsync("/w/" + Leics));
        Assert.DoesNotContain(link, await app.Browser().GetStringAsync("/w/" + Leics));
    }

    [Fact]
    public async Task Posts_WithoutAntiforgeryToken_Refused400()
    {
        using var app = App();
        var admin = await app.SignedInAsync(LeicsAdmin);
        var person = People + "/" + await IdOf(app, Viewer.Email);

        var response = await admin.PostAsync(person + "/disable", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null((await Account(app, Viewer.Email)).DisabledUtc);
    }
}
