using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using GoldenThread.Store;
using GoldenThread.Store.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace GoldenThread.Web.Tests;

/// <summary>A person's own account: the page, changing the password, two-factor sign-in, signing out everywhere, access tokens, and the API's security in OpenAPI.</summary>
public sealed partial class AccountPagesTests
{
    private const string CommentaryApi = "/api/v1/workspaces/leicestershire-2020-23/measures/a1-gld/commentary";
    private static readonly TestPerson Officer = TestPerson.HeadOfService;
    private static readonly TestPerson Viewer = new("viewer@council.example", "A Viewer", "viewer reads but never writes", WorkspaceRole.Viewer, TestPerson.Leicestershire);

    public static IEnumerable<object[]> Providers => [[StoreProvider.Sqlite], [StoreProvider.Postgres]];

    private static AppFactory App(StoreProvider provider = StoreProvider.Sqlite, IReadOnlyDictionary<string, string>? settings = null) =>
        new(provider) { People = [Officer, Viewer, TestPerson.InstallationAdministrator], Settings = settings ?? new Dictionary<string, string>() };

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    private static async Task<string> TokenFrom(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url);
        var match = Antiforgery().Match(html);
        Assert.True(match.Success, $"no antiforgery token on {url}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private static async Task<HttpResponseMessage> Post(HttpClient client, string formPage, string action, params (string Key, string Value)[] fields)
    {
        var values = new Dictionary<string, string> { ["__RequestVerificationToken"] = await TokenFrom(client, formPage) };
        foreach (var (k, v) in fields)
        {
            values[k] = v;
        }

        return await client.PostAsync(action, new FormUrlEncodedContent(values));
    }

    private static async Task<HttpResponseMessage> SignInWithPassword(AppFactory app, HttpClient client, TestPerson person) =>
        await Post(client, "/sign-in", "/sign-in", ("email", person.Email), ("password", person.Password));

    // --- TOTP (RFC 6238): the shared helper Totp, written in the tests so that they do not trust the code they check ---

    [Fact]
    public void Totp_Rfc6238Sha1TestVector()
    {
        Assert.Equal("94287082", Totp.At(Encoding.ASCII.GetBytes("12345678901234567890"), DateTimeOffset.FromUnixTimeSeconds(59), digits: 8));
        Assert.Equal("07081804", Totp.At(Encoding.ASCII.GetBytes("12345678901234567890"), DateTimeOffset.FromUnixTimeSeconds(1111111109), digits: 8));
        Assert.Equal(Encoding.ASCII.GetBytes("foobar"), Totp.Base32("MZXW6YTBOI"));
    }

    // --- The account page ---

    [Fact]
    public async Task Account_Anonymous_RedirectedToSignIn()
    {
        using var app = App();
        var response = await app.Browser().GetAsync("/account");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/sign-in?returnUrl=%2Faccount", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Account_ShowsNameEmailRolesAndTwoFactorOff_NameEncoded()
    {
        using var app = App();
        var client = await app.SignedInAsync(Officer);

        var html = await client.GetStringAsync("/account");

        Assert.Contains("Head of Service &lt;Early Years&gt;", html);
        Assert.DoesNotContain("<Early Years>", html);
        Assert.Contains("hos@council.example", html);
        Assert.Contains("Performance officer", html);
        Assert.Contains("href=\"/w/leicestershire-2020-23\"", html);
        Assert.Contains("Off: you sign in with your password only", html);
        Assert.Contains("action=\"/account/sign-out-everywhere\"", html);
        Assert.Contains("Your access tokens still work", html);
        Assert.DoesNotContain("Set up two-factor sign-in to administer", html);
    }

    [Fact]
    public async Task Account_InstallationAdministratorWithoutTwoFactorWhereRequired_WarnedTheyCannotAdminister()
    {
        using var app = App(settings: new Dictionary<string, string> { ["GoldenThread:Accounts:RequireTwoFactorForAdministrators"] = "true" });
        var admin = await app.SignedInAsync(TestPerson.InstallationAdministrator);
        var officer = await app.SignedInAsync(Officer);

        var html = await admin.GetStringAsync("/account");

        Assert.Contains("You are an administrator of this installation", html);
        Assert.Contains("Set up two-factor sign-in to administer", html);
        Assert.DoesNotContain("Set up two-factor sign-in to administer", await officer.GetStringAsync("/account"));
    }

    // --- Password ---

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ChangePassword_RefusalsThenSuccess_ThisSessionGoesOnOthersEnd(StoreProvider provider)
    {
        using var app = App(provider);
        var client = await app.SignedInAsync(Officer);
        var other = await app.SignedInAsync(Officer);
        const string form = "/account/password";
        const string newPassword = "harbour violet tandem quill";

        var wrong = await Post(client, form, form, ("currentPassword", "not my password at all"), ("newPassword", newPassword), ("confirmPassword", newPassword));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("<a href=\"#currentPassword\">Your current password is not right</a>", await wrong.Content.ReadAsStringAsync());

        var common = await Post(client, form, form, ("currentPassword", Officer.Password), ("newPassword", "P@ssw0rd2024!"), ("confirmPassword", "P@ssw0rd2024!"));
        Assert.Equal(HttpStatusCode.BadRequest, common.StatusCode);
        Assert.Contains("href=\"#newPassword\">Choose a password that is harder to guess", await common.Content.ReadAsStringAsync());

        var tooShort = await Post(client, form, form, ("currentPassword", Officer.Password), ("newPassword", "short"), ("confirmPassword", "short"));
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Contains("href=\"#newPassword\">Passwords must be at least 12 characters", await tooShort.Content.ReadAsStringAsync());

        var mismatch = await Post(client, form, form, ("currentPassword", Officer.Password), ("newPassword", newPassword), ("confirmPassword", newPassword + "x"));
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        Assert.Contains("href=\"#confirmPassword\"", await mismatch.Content.ReadAsStringAsync());

        var empty = await Post(client, form, form);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.DoesNotContain(Officer.Password, await empty.Content.ReadAsStringAsync());

        var done = await Post(client, form, form, ("currentPassword", Officer.Password), ("newPassword", newPassword), ("confirmPassword", newPassword));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/account?done=password", done.Headers.Location!.OriginalString);

        var account = await client.GetAsync("/account?done=password");
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        Assert.Contains("Your password has been changed", await account.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync("/account")).StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, (await SignInWithPassword(app, app.Browser(), Officer)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInWithPassword(app, app.Browser(), Officer with { Password = newPassword })).StatusCode);
    }

    // --- Two-factor sign-in ---

    private static async Task<(byte[] Key, string Html)> StartSetUp(HttpClient client)
    {
        var html = await client.GetStringAsync("/account/two-factor");
        var key = Regex.Match(html, "id=\"authenticator-key\">([A-Z2-7 ]+)</p>").Groups[1].Value;
        Assert.Matches("^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$", key);
        return (Totp.Base32(key), html);
    }

    /// <summary>The code the app shows now (Identity accepts two 30-second steps either side, so a slow test is not refused).</summary>
    private static string CodeNow(byte[] key) => Totp.At(key, DateTimeOffset.UtcNow);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TwoFactor_SetUpThenSignInNeedsTheCode_RecoveryCodeWorksOnce(StoreProvider provider)
    {
        using var app = App(provider);
        var client = await app.SignedInAsync(Officer);

        var (key, page) = await StartSetUp(client);
        Assert.Contains("<img src=\"data:image/png;base64,", page);
        Assert.Contains("alt=\"QR code for adding GoldenThread to your authenticator app.", page);
        Assert.Contains("otpauth://totp/GoldenThread:hos%40council.example?secret=", page);
        Assert.Contains("&amp;issuer=GoldenThread&amp;digits=6", page);
        Assert.DoesNotContain("style=", page);

        // The key stays the same until set-up is done (reloading the page must not break a half-done set-up).
        Assert.Equal(key, (await StartSetUp(client)).Key);

        var wrongCode = (Convert.ToInt32(CodeNow(key)) + 500000) % 1000000;
        var refused = await Post(client, "/account/two-factor", "/account/two-factor", ("code", wrongCode.ToString("000000")));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("The code is not right", await refused.Content.ReadAsStringAsync());

        var enabled = await Post(client, "/account/two-factor", "/account/two-factor", ("code", CodeNow(key)));
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        Assert.True(enabled.Headers.CacheControl?.NoStore);
        var codes = Regex.Matches(await enabled.Content.ReadAsStringAsync(), "<li><code>([^<]+)</code></li>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());

        // This session goes on, now with two-factor sign-in on.
        Assert.Contains("On: you sign in with your password and a code", await client.GetStringAsync("/account"));
        Assert.Contains("You have 10 recovery codes left", await client.GetStringAsync("/account/two-factor"));

        // The password alone is no longer enough.
        var second = app.Browser();
        var first = await SignInWithPassword(app, second, Officer);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith("/sign-in/two-factor", first.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/account")).StatusCode);
        var wrong = await Post(second, "/sign-in/two-factor", "/sign-in/two-factor", ("code", wrongCode.ToString("000000")));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var right = await Post(second, "/sign-in/two-factor", "/sign-in/two-factor", ("code", CodeNow(key)));
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/account")).StatusCode);

        // A recovery code instead of the app's, once.
        var third = app.Browser();
        await SignInWithPassword(app, third, Officer);
        Assert.Equal(HttpStatusCode.Redirect, (await Post(third, "/sign-in/two-factor", "/sign-in/two-factor", ("code", codes[0]))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await third.GetAsync("/account")).StatusCode);

        var fourth = app.Browser();
        await SignInWithPassword(app, fourth, Officer);
        Assert.Equal(HttpStatusCode.BadRequest, (await Post(fourth, "/sign-in/two-factor", "/sign-in/two-factor", ("code", codes[0]))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await fourth.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task TwoFactor_NewRecoveryCodesReplaceOld_TurnOffNeedsPassword()
    {
        using var app = App();
        var client = await app.SignedInAsync(Officer);
        var (key, _) = await StartSetUp(client);
        var first = Regex.Matches(await (await Post(client, "/account/two-factor", "/account/two-factor", ("code", CodeNow(key)))).Content.ReadAsStringAsync(), "<li><code>([^<]+)</code></li>")
            .Select(m => m.Groups[1].Value).ToList();

        var renewed = await Post(client, "/account/two-factor", "/account/two-factor/recovery-codes");
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        var html = await renewed.Content.ReadAsStringAsync();
        Assert.Contains("Your old codes no longer work", html);
        var second = Regex.Matches(html, "<li><code>([^<]+)</code></li>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, second.Count);
        Assert.Empty(first.Intersect(second));

        var other = app.Browser();
        await SignInWithPassword(app, other, Officer);
        Assert.Equal(HttpStatusCode.BadRequest, (await Post(other, "/sign-in/two-factor", "/sign-in/two-factor", ("code", first[0]))).StatusCode);

        var noPassword = await Post(client, "/account/two-factor", "/account/two-factor/disable", ("password", "wrong password here"));
        Assert.Equal(HttpStatusCode.BadRequest, noPassword.StatusCode);
        Assert.Contains("Your password is not right", await noPassword.Content.ReadAsStringAsync());

        var off = await Post(client, "/account/two-factor", "/account/two-factor/disable", ("password", Officer.Password));
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.Contains("Two-factor sign-in is off", await client.GetStringAsync(off.Headers.Location!.OriginalString));

        // The password alone signs in again, and a new set-up has a new key.
        Assert.Equal("/", (await SignInWithPassword(app, app.Browser(), Officer)).Headers.Location!.OriginalString);
        Assert.NotEqual(key, (await StartSetUp(client)).Key);
    }

    [Fact]
    public async Task AccountPosts_WithoutAntiforgeryToken_Refused()
    {
        using var app = App();
        var client = await app.SignedInAsync(Officer);

        foreach (var action in new[] { "/account/sign-out-everywhere", "/account/tokens", "/account/password", "/account/two-factor/recovery-codes" })
        {
            var response = await client.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "x", ["expiry"] = "7" }));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task AccountForms_PostedWithNoFields_400WithMessagesNot500()
    {
        using var app = App();
        var client = await app.SignedInAsync(Officer);

        foreach (var (page, action, message) in new[]
                 {
                     ("/account/password", "/account/password", "Enter your current password"),
                     ("/account/tokens", "/account/tokens", "Enter a name for the token"),
                     ("/account/two-factor", "/account/two-factor", "Enter the 6-digit code"),
                 })
        {
            var response = await Post(client, page, action);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(message, await response.Content.ReadAsStringAsync());
        }
    }

    // --- Sign out everywhere ---

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SignOutEverywhere_EndsEveryBrowserSessionButNotTokens(StoreProvider provider)
    {
        using var app = App(provider);
        var here = await app.SignedInAsync(Officer);
        var elsewhere = await app.SignedInAsync(Officer);
        var token = await CreateToken(here, "Script");
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/account")).StatusCode);

        var response = await Post(here, "/account", "/account/sign-out-everywhere");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/sign-in", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await here.GetAsync("/account")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.GetAsync("/account")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Bearer(app, token).GetAsync(CommentaryApi)).StatusCode);
    }

    // --- Access tokens ---

    private static async Task<string> CreateToken(HttpClient client, string name, string expiry = "30")
    {
        var response = await Post(client, "/account/tokens", "/account/tokens", ("name", name), ("expiry", expiry));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("You will not be able to see it again", html);
        return Regex.Match(html, "id=\"token\" type=\"text\" readonly value=\"(gt_[A-Za-z0-9_-]+)\"").Groups[1].Value is { Length: > 10 } token
            ? token
            : throw new InvalidOperationException("no token on the page");
    }

    private static HttpClient Bearer(AppFactory app, string token)
    {
        var client = app.Browser();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Token_CreatedWorksOnTheApi_RevokedRefused_ListedWithItsState(StoreProvider provider)
    {
        using var app = App(provider);
        var client = await app.SignedInAsync(Officer);
        var token = await CreateToken(client, "Quarterly <report> script", "90");

        var api = Bearer(app, token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(CommentaryApi)).StatusCode);
        var posted = await api.PostAsJsonAsync(CommentaryApi, new { period = "2024/25", text = "Written by a script with a token" });
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        using (var doc = JsonDocument.Parse(await posted.Content.ReadAsStringAsync()))
        {
            Assert.Equal(Officer.Name, doc.RootElement.GetProperty("author").GetString());
        }

        var list = await client.GetStringAsync("/account/tokens");
        Assert.Contains("Quarterly &lt;report&gt; script", list);
        Assert.Contains($"<code>{token[..9]}…</code>", list);
        Assert.DoesNotContain(token, list);
        Assert.Contains(">Active</strong>", list);
        var id = Regex.Match(list, "action=\"/account/tokens/([0-9a-f-]{36})/revoke\"").Groups[1].Value;

        var revoked = await Post(client, "/account/tokens", $"/account/tokens/{id}/revoke");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        var after = await client.GetStringAsync(revoked.Headers.Location!.OriginalString);
        Assert.Contains("The token has been revoked", after);
        Assert.Contains(">Revoked</strong>", after);
        Assert.DoesNotContain($"/account/tokens/{id}/revoke", after);

        var refused = await api.GetAsync(CommentaryApi);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("Bearer", refused.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Token_ExpiredGarbageOrOfDisabledPerson_Refused401(StoreProvider provider)
    {
        using var app = App(provider);
        var client = await app.SignedInAsync(Officer);
        var token = await CreateToken(client, "Works until disabled");
        string expired;
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PersonRow>>();
            var person = (await users.FindByEmailAsync(Officer.Email))!;
            expired = (await scope.ServiceProvider.GetRequiredService<PeopleStore>().CreateTokenAsync(person.Id, "Old", DateTimeOffset.UtcNow.AddMinutes(-1))).Token;
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(app, expired).GetAsync(CommentaryApi)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(app, "gt_" + new string('A', 43)).GetAsync(CommentaryApi)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(app, "not-a-token").GetAsync(CommentaryApi)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(app, token + "x").GetAsync(CommentaryApi)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Bearer(app, token).GetAsync(CommentaryApi)).StatusCode);
        Assert.Contains(">Expired</strong>", await client.GetStringAsync("/account/tokens"));

        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PersonRow>>();
            var person = (await users.FindByEmailAsync(Officer.Email))!;
            person.DisabledUtc = DateTimeOffset.UtcNow;
            await users.UpdateAsync(person);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(app, token).GetAsync(CommentaryApi)).StatusCode);
    }

    [Fact]
    public async Task Token_NeverWorksOnPages_OnlyTheApi()
    {
        using var app = App();
        var token = await CreateToken(await app.SignedInAsync(Officer), "API only");
        var api = Bearer(app, token);

        var account = await api.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, account.StatusCode);
        Assert.Contains("/sign-in?returnUrl=%2Faccount", account.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await api.GetAsync("/account/tokens")).StatusCode);
        Assert.Contains("Sign in to read it", await api.GetStringAsync("/w/leicestershire-2020-23/measures/a1-gld"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.PostAsync("/account/tokens", new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "x", ["expiry"] = "7" }))).StatusCode);
    }

    [Fact]
    public async Task Token_OfViewer_ReadsCommentaryButCannotWrite403()
    {
        using var app = App();
        var api = Bearer(app, await CreateToken(await app.SignedInAsync(Viewer), "Viewer's script"));

        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(CommentaryApi)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync(CommentaryApi, new { period = "2024/25", text = "A viewer tries" })).StatusCode);
    }

    [Theory]
    [InlineData("", "30", "Enter a name for the token")]
    [InlineData("   ", "30", "Enter a name for the token")]
    [InlineData("ok", "", "Choose how long the token lasts")]
    [InlineData("ok", "10000", "Choose how long the token lasts")]
    [InlineData("ok", "-7", "Choose how long the token lasts")]
    [InlineData("line\nbreak", "7", "The name must be on one line")]
    public async Task Token_BadForm_400WithTheFieldsMessageAndNoToken(string name, string expiry, string message)
    {
        using var app = App();
        var client = await app.SignedInAsync(Officer);

        var response = await Post(client, "/account/tokens", "/account/tokens", ("name", name), ("expiry", expiry));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("There is a problem", html);
        Assert.Contains(message, html);
        Assert.DoesNotContain("gt_", html.Replace("Bearer gt_…", ""));
    }

    [Fact]
    public async Task Token_NameTooLong_400()
    {
        using var app = App();
        var client = await app.SignedInAsync(Officer);

        var response = await Post(client, "/account/tokens", "/account/tokens", ("name", new string('n', 101)), ("expiry", "7"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The name must be 100 characters or fewer", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await Post(client, "/account/tokens", "/account/tokens", ("name", new string('n', 100)), ("expiry", "365"))).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Token_RevokingSomeoneElses_404AndTheirTokenStillWorks(StoreProvider provider)
    {
        using var app = App(provider);
        var owner = await app.SignedInAsync(Officer);
        var token = await CreateToken(owner, "Mine");
        var id = Regex.Match(await owner.GetStringAsync("/account/tokens"), "/account/tokens/([0-9a-f-]{36})/revoke").Groups[1].Value;
        var stranger = await app.SignedInAsync(Viewer);

        var response = await Post(stranger, "/account/tokens", $"/account/tokens/{id}/revoke");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Post(stranger, "/account/tokens", "/account/tokens/not-a-guid/revoke")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Post(stranger, "/account/tokens", $"/account/tokens/{Guid.NewGuid()}/revoke")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Bearer(app, token).GetAsync(CommentaryApi)).StatusCode);
    }

    // --- OpenAPI ---

    [Fact]
    public async Task OpenApi_DescribesBearerAndCookieSchemes_PublicOperationsNeedNone()
    {
        using var app = App();
        using var doc = JsonDocument.Parse(await app.Browser().GetStringAsync("/openapi/v1.json"));
        var root = doc.RootElement;

        var schemes = root.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("http", schemes.GetProperty("bearer").GetProperty("type").GetString());
        Assert.Equal("bearer", schemes.GetProperty("bearer").GetProperty("scheme").GetString());
        Assert.Contains("/account/tokens", schemes.GetProperty("bearer").GetProperty("description").GetString());
        Assert.Equal("cookie", schemes.GetProperty("cookie").GetProperty("in").GetString());
        Assert.Equal("goldenthread-session", schemes.GetProperty("cookie").GetProperty("name").GetString());

        var paths = root.GetProperty("paths");
        Assert.False(paths.GetProperty("/api/v1/workspaces").GetProperty("get").TryGetProperty("security", out _));
        var security = paths.GetProperty("/api/v1/workspaces/{ws}/measures/{id}/commentary").GetProperty("get").GetProperty("security");
        Assert.Equal(["bearer", "cookie"], security.EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name)).ToList());
        Assert.True(paths.GetProperty("/api/v1/workspaces/{ws}/measures/{id}/commentary").GetProperty("post").TryGetProperty("security", out _));
        Assert.DoesNotContain(paths.EnumerateObject(), p => p.Name.StartsWith("/account", StringComparison.Ordinal));
    }
}
