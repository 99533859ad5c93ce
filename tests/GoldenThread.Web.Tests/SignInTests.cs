using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using GoldenThread.Store;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;
using GoldenThread.Store.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace GoldenThread.Web.Tests;

/// <summary>Signing in with an account: its errors, the return address, the cookie, sign-out; and writing commentary once signed in.</summary>
public sealed partial class SignInTests
{
    private const string Measure = "/w/leicestershire-2020-23/measures/a1-gld";
    private const string CommentaryApi = "/api/v1/workspaces/leicestershire-2020-23/measures/a1-gld/commentary";
    private const string WrongCredentials = "Enter a correct email address and password";
    private static readonly TestPerson Editor = TestPerson.HeadOfService;

    public static IEnumerable<object[]> Providers => [[StoreProvider.Sqlite], [StoreProvider.Postgres]];

    private static AppFactory WithEditor(StoreProvider provider = StoreProvider.Sqlite) => new(provider) { People = [Editor] };

    private static HttpClient Client(AppFactory app, string baseAddress = "https://localhost") =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(baseAddress) });

    private static async Task<string> TokenFrom(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url);
        var match = Token().Match(html);
        Assert.True(match.Success, $"no antiforgery token on {url}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private static async Task<HttpResponseMessage> SignIn(HttpClient client, string userName, string password, string? returnUrl = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await TokenFrom(client, "/sign-in"),
            ["email"] = userName,
            ["password"] = password,
        };
        if (returnUrl is not null)
        {
            fields["returnUrl"] = returnUrl;
        }

        return await client.PostAsync("/sign-in", new FormUrlEncodedContent(fields));
    }

    private static async Task<HttpResponseMessage> PostCommentary(HttpClient client, string token, string text, string? author = null)
    {
        var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["text"] = text, ["period"] = "2024/25" };
        if (author is not null)
        {
            fields["author"] = author;
        }

        return await client.PostAsync(Measure + "/commentary", new FormUrlEncodedContent(fields));
    }

    private static string? EditorCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.FirstOrDefault(c => c.StartsWith("goldenthread-session=", StringComparison.Ordinal)) : null;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Commentary_AnonymousPostWithValidToken_Refused401AndNothingStored(StoreProvider provider)
    {
        using var app = WithEditor(provider);
        var client = Client(app);

        // Anonymous visitors get no form on the measure page; the sign-in page's token is a valid anonymous one.
        var token = await TokenFrom(client, "/sign-in");

        var response = await PostCommentary(client, token, "Forged by a member of the public", author: Editor.Name);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Sign in to continue", html);
        Assert.Empty(await CommentaryIn(app));
    }

    [Fact]
    public async Task Commentary_AnonymousPostWithoutToken_Refused401AndNothingStored()
    {
        using var app = WithEditor();
        var client = Client(app);

        var response = await client.PostAsync(Measure + "/commentary", new FormUrlEncodedContent(new Dictionary<string, string> { ["text"] = "Forged" }));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await CommentaryIn(app));
    }

    [Fact]
    public async Task MeasurePage_Anonymous_NoCommentaryNoFormButSignInLinkBackToThePage()
    {
        using var app = WithEditor();
        var html = await Client(app).GetStringAsync(Measure);

        Assert.DoesNotContain("name=\"text\"", html);
        Assert.Contains("Commentary is shared with the council's staff.", WebUtility.HtmlDecode(html));
        Assert.Contains("href=\"/sign-in?returnUrl=%2Fw%2Fleicestershire-2020-23%2Fmeasures%2Fa1-gld%23commentary\">Sign in to read it</a>", html);
        Assert.Contains(">Sign in</a>", html);
    }

    [Fact]
    public async Task MeasurePage_Viewer_ReadsCommentaryButHasNoForm()
    {
        var viewer = new TestPerson("viewer@council.example", "A Viewer", "viewer reads but never writes", WorkspaceRole.Viewer, TestPerson.Leicestershire);
        using var app = new AppFactory { People = [Editor, viewer] };
        var client = Client(app);
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn(client, viewer.Email, viewer.Password)).StatusCode);

        var html = await client.GetStringAsync(Measure);

        Assert.Contains("No commentary yet.", html);
        Assert.DoesNotContain("name=\"text\"", html);
        Assert.Contains("written by its owner and the performance team", html);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostCommentary(client, await TokenFrom(client, Measure), "A viewer tries")).StatusCode);
        Assert.Empty(await CommentaryIn(app));
    }

    [Theory]
    [InlineData("hos@council.example", "wrong password entirely")]
    [InlineData("hos@council.example", "Lantern orchard pebble waltz")]
    [InlineData("nobody@council.example", "lantern orchard pebble waltz")]
    [InlineData("hos@council.example", "lantern orchard pebble waltz ")]
    public async Task SignIn_WrongNameOrPassword_OneErrorForBothAndNoCookie(string userName, string password)
    {
        using var app = WithEditor();
        var client = Client(app);

        var response = await SignIn(client, userName, password);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("There is a problem", html);
        Assert.Contains($"<a href=\"#email\">{WrongCredentials}</a>", html);
        Assert.DoesNotContain("govuk-form-group--error", html);
        Assert.Contains($"value=\"{WebUtility.HtmlEncode(userName)}\"", html);
        Assert.DoesNotContain(password.Trim(), html);
        Assert.Null(EditorCookie(response));
        Assert.DoesNotContain("name=\"text\"", await client.GetStringAsync(Measure));
    }

    [Fact]
    public async Task SignIn_BlankFields_ErrorForEachField()
    {
        using var app = WithEditor();
        var response = await SignIn(Client(app), " ", "");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<a href=\"#email\">Enter your email address</a>", html);
        Assert.Contains("<a href=\"#password\">Enter your password</a>", html);
        Assert.Null(EditorCookie(response));
    }

    [Fact]
    public async Task SignIn_BlankFields_SummaryLinksToEachFieldWithTheMessageBesideIt()
    {
        using var app = WithEditor();
        var response = await SignIn(Client(app), "", "");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("<title>Error: Sign in", html);
        Assert.True(html.IndexOf("govuk-error-summary", StringComparison.Ordinal) < html.IndexOf("<h1", StringComparison.Ordinal), "the summary comes before the heading");
        foreach (var (field, message) in new[] { ("email", "Enter your email address"), ("password", "Enter your password") })
        {
            Assert.Contains($"<a href=\"#{field}\">{message}</a>", html);
            Assert.Contains($"<p id=\"{field}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {message}</p>", html);
            Assert.Matches($"<input class=\"govuk-input govuk-!-width-two-thirds govuk-input--error\" id=\"{field}\" name=\"{field}\"[^>]* aria-describedby=\"{field}-error\"", html);
        }

        Assert.Equal(2, Regex.Matches(html, "govuk-form-group--error").Count);
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_Rejected400NoCookie()
    {
        using var app = WithEditor();
        var response = await Client(app).PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = Editor.Email,
            ["password"] = Editor.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(EditorCookie(response));
        Assert.Contains("The form had expired or did not come from this site", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignIn_RightPassword_HttpOnlyLaxSecureSessionCookie()
    {
        using var app = WithEditor();
        var client = Client(app);

        // The address is matched ignoring case; the password exactly.
        var response = await SignIn(client, "HoS@Council.Example", Editor.Password);
        var cookie = EditorCookie(response)?.ToLowerInvariant();

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        Assert.NotNull(cookie);
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=lax", cookie);
        Assert.Contains("secure", cookie);
        Assert.DoesNotContain("expires=", cookie);
        var home = await client.GetStringAsync("/");
        Assert.Contains("Signed in as Head of Service &lt;Early Years&gt;", home);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Commentary_SignedInEditor_StoredWithEditorsNameNotTheFormsAuthor(StoreProvider provider)
    {
        using var app = WithEditor(provider);
        var client = Client(app);
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn(client, Editor.Email, Editor.Password)).StatusCode);
        var page = await client.GetStringAsync(Measure);
        Assert.Contains("name=\"text\"", page);
        Assert.DoesNotContain("name=\"author\"", page);

        var response = await PostCommentary(client, WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value), "GLD rose again; the language programme is working.", author: "Someone else entirely");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Measure + "#commentary", response.Headers.Location?.OriginalString);
        using var json = JsonDocument.Parse(await client.GetStringAsync(CommentaryApi));
        var only = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("Head of Service <Early Years>", only.GetProperty("author").GetString());
        Assert.Equal("GLD rose again; the language programme is working.", only.GetProperty("text").GetString());
        Assert.Equal("2024/25", only.GetProperty("period").GetString());
        var after = await client.GetStringAsync(Measure);
        Assert.Contains("Head of Service &lt;Early Years&gt;, on 2024/25", after);
        Assert.DoesNotContain("Someone else entirely", after);
    }

    [Fact]
    public async Task Commentary_SignedInBlank_ErrorSummaryAndNothingStored()
    {
        using var app = WithEditor();
        var client = Client(app);
        await SignIn(client, Editor.Email, Editor.Password);

        var response = await PostCommentary(client, await TokenFrom(client, Measure), "  ");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<a href=\"#text\">Enter the commentary</a>", html);
        Assert.Empty(await CommentaryIn(app));
    }

    [Theory]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/path", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("/\t/evil.example", "/")]
    [InlineData("javascript:alert(1)", "/")]
    [InlineData("", "/")]
    [InlineData(Measure + "?period=2023/24#commentary", Measure + "?period=2023/24#commentary")]
    [InlineData("/café", "/caf%C3%A9")] // é is U+00E9, C3 A9 in UTF-8
    [InlineData("/w/x?q=Łódź", "/w/x?q=%C5%81%C3%B3d%C5%BA")] // Ł U+0141 C5 81, ó U+00F3 C3 B3, ź U+017A C5 BA
    [InlineData("/%C3%A9", "/%C3%A9")]
    public async Task SignIn_ReturnUrl_OnlyLocalAddressesFollowed(string returnUrl, string location)
    {
        using var app = WithEditor();
        var client = Client(app);

        var response = await SignIn(client, Editor.Email, Editor.Password, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignInPage_ReturnUrlToAnotherHost_NotCarriedInTheForm()
    {
        using var app = WithEditor();
        var html = await Client(app).GetStringAsync("/sign-in?returnUrl=" + Uri.EscapeDataString("//evil.example/"));

        Assert.DoesNotContain("evil.example", html);
        Assert.Contains("autocomplete=\"current-password\"", html);
    }

    [Fact]
    public async Task SignOut_WithToken_CookieEndedAndWritingRefusedAgain()
    {
        using var app = WithEditor();
        var client = Client(app);
        await SignIn(client, Editor.Email, Editor.Password);
        var page = await client.GetStringAsync(Measure);
        var token = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value);

        var response = await client.PostAsync("/sign-out", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("expires=thu, 01 jan 1970", EditorCookie(response)?.ToLowerInvariant());
        var after = await client.GetStringAsync(Measure);
        Assert.DoesNotContain("Signed in as", after);
        Assert.DoesNotContain("name=\"text\"", after);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostCommentary(client, await TokenFrom(client, "/sign-in"), "After signing out")).StatusCode);
        Assert.Empty(await CommentaryIn(app));
    }

    [Fact]
    public async Task SignOut_WithoutToken_Rejected400AndStillSignedIn()
    {
        using var app = WithEditor();
        var client = Client(app);
        await SignIn(client, Editor.Email, Editor.Password);

        var response = await client.PostAsync("/sign-out", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Signed in as", await client.GetStringAsync(Measure));
    }

    [Fact]
    public async Task Cookie_AnotherInstanceOfTheStore_AcceptedUntilThePasswordChanges()
    {
        using var first = WithEditor();
        var signIn = await SignIn(Client(first), Editor.Email, Editor.Password);
        var cookie = EditorCookie(signIn)!.Split(';')[0];
        using var second = new AppFactory { SharedConnectionString = first.ConnectionString };

        async Task<string> MeasureWithCookie(AppFactory app)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Measure);
            request.Headers.Add("Cookie", cookie);
            return await (await Client(app).SendAsync(request)).Content.ReadAsStringAsync();
        }

        // The keys that protect the cookie are in the store, so the second instance reads it.
        Assert.Contains("Signed in as Head of Service", await MeasureWithCookie(second));

        // A new password changes the account's security stamp: sessions signed in before end on their next request.
        using (var scope = second.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PersonRow>>();
            var person = (await users.FindByEmailAsync(Editor.Email))!;
            Assert.True((await users.ChangePasswordAsync(person, Editor.Password, "a brand new passphrase here")).Succeeded);
        }

        var afterChange = await MeasureWithCookie(second);
        Assert.DoesNotContain("Signed in as", afterChange);
        Assert.DoesNotContain("name=\"text\"", afterChange);
    }

    [Fact]
    public async Task Options_DenyListFileMissing_AppRefusesToStart()
    {
        using var app = new AppFactory { Settings = new Dictionary<string, string> { ["GoldenThread:Accounts:DenyListFile"] = "/nowhere/passwords.txt" } };

        var e = await Assert.ThrowsAnyAsync<OptionsValidationException>(() => Task.FromResult(app.CreateClient()));

        Assert.Contains("GoldenThread:Accounts:DenyListFile '/nowhere/passwords.txt' does not exist", e.Message);
    }

    /// <summary>The commentary in the store (read there, since the API keeps it from visitors).</summary>
    private static async Task<IReadOnlyList<Commentary>> CommentaryIn(AppFactory app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<WorkspaceStore>().CommentaryAsync(TestPerson.Leicestershire, "a1-gld");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
