using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using GoldenThread.Store;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace GoldenThread.Web.Tests;

/// <summary>Only signed-in editors write commentary; everyone reads. Sign-in, its errors, the return address, sign-out.</summary>
public sealed partial class EditorTests
{
    private const string Measure = "/w/leicestershire-2020-23/measures/a1-gld";
    private const string CommentaryApi = "/api/v1/workspaces/leicestershire-2020-23/measures/a1-gld/commentary";
    private const string WrongCredentials = "Enter a correct email address or user name and password";
    private static readonly TestEditor Editor = TestEditor.HeadOfService;

    public static IEnumerable<object[]> Providers => [[StoreProvider.Sqlite], [StoreProvider.Postgres]];

    private static AppFactory WithEditor(StoreProvider provider = StoreProvider.Sqlite) => new(provider) { Editors = [Editor] };

    private static HttpClient Client(AppFactory app, string baseAddress = "http://localhost") =>
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
            ["userName"] = userName,
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
        response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.FirstOrDefault(c => c.StartsWith("goldenthread-editor=", StringComparison.Ordinal)) : null;

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
        Assert.Equal("[]", await client.GetStringAsync(CommentaryApi));
    }

    [Fact]
    public async Task Commentary_AnonymousPostWithoutToken_Refused401AndNothingStored()
    {
        using var app = WithEditor();
        var client = Client(app);

        var response = await client.PostAsync(Measure + "/commentary", new FormUrlEncodedContent(new Dictionary<string, string> { ["text"] = "Forged" }));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("[]", await client.GetStringAsync(CommentaryApi));
    }

    [Fact]
    public async Task MeasurePage_Anonymous_NoFormButSignInLinkBackToThePage()
    {
        using var app = WithEditor();
        var html = await Client(app).GetStringAsync(Measure);

        Assert.DoesNotContain("name=\"text\"", html);
        Assert.Contains("Commentary is added by the council's editors.", System.Net.WebUtility.HtmlDecode(html));
        Assert.Contains("href=\"/sign-in?returnUrl=%2Fw%2Fleicestershire-2020-23%2Fmeasures%2Fa1-gld%23commentary\">Sign in to add commentary</a>", html);
        Assert.Contains(">Sign in</a>", html);
    }

    [Fact]
    public async Task MeasurePage_NoEditorsConfigured_SaysEditorsWriteWithNoFormAndNoSignIn()
    {
        using var app = new AppFactory();
        var client = Client(app);
        var html = await client.GetStringAsync(Measure);

        Assert.Contains("Commentary is added by the council's editors.", System.Net.WebUtility.HtmlDecode(html));
        Assert.DoesNotContain("name=\"text\"", html);
        Assert.DoesNotContain("Sign in", html);
        var signIn = await client.GetStringAsync("/sign-in");
        Assert.Contains("nobody can sign in", signIn);
        Assert.DoesNotContain("name=\"password\"", signIn);
    }

    [Theory]
    [InlineData("hos@council.example", "wrong password entirely")]
    [InlineData("hos@council.example", "Correct horse battery staple")]
    [InlineData("nobody@council.example", "correct horse battery staple")]
    [InlineData("hos@council.example", "correct horse battery staple ")]
    public async Task SignIn_WrongNameOrPassword_OneErrorForBothAndNoCookie(string userName, string password)
    {
        using var app = WithEditor();
        var client = Client(app);

        var response = await SignIn(client, userName, password);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("There is a problem", html);
        Assert.Contains($"<a href=\"#userName\">{WrongCredentials}</a>", html);
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
        Assert.Contains("<a href=\"#userName\">Enter your email address or user name</a>", html);
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
        foreach (var (field, message) in new[] { ("userName", "Enter your email address or user name"), ("password", "Enter your password") })
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
            ["userName"] = Editor.UserName,
            ["password"] = Editor.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(EditorCookie(response));
        Assert.Contains("The form had expired or did not come from this site", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("http://localhost", false)]
    [InlineData("https://localhost", true)]
    public async Task SignIn_RightPassword_HttpOnlyLaxCookieSecureOverHttps(string baseAddress, bool secure)
    {
        using var app = WithEditor();
        var client = Client(app, baseAddress);

        // The sign-in name is matched ignoring case; the password exactly.
        var response = await SignIn(client, "HoS@Council.Example", Editor.Password);
        var cookie = EditorCookie(response)?.ToLowerInvariant();

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        Assert.NotNull(cookie);
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=lax", cookie);
        Assert.Equal(secure, cookie.Contains("secure", StringComparison.Ordinal));
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
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn(client, Editor.UserName, Editor.Password)).StatusCode);
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
        await SignIn(client, Editor.UserName, Editor.Password);

        var response = await PostCommentary(client, await TokenFrom(client, Measure), "  ");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<a href=\"#text\">Enter the commentary</a>", html);
        Assert.Equal("[]", await client.GetStringAsync(CommentaryApi));
    }

    [Theory]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/path", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("/\t/evil.example", "/")]
    [InlineData("javascript:alert(1)", "/")]
    [InlineData("", "/")]
    [InlineData(Measure + "?period=2023/24#commentary", Measure + "?period=2023/24#commentary")]
    public async Task SignIn_ReturnUrl_OnlyLocalAddressesFollowed(string returnUrl, string location)
    {
        using var app = WithEditor();
        var client = Client(app);

        var response = await SignIn(client, Editor.UserName, Editor.Password, returnUrl);

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
        await SignIn(client, Editor.UserName, Editor.Password);
        var page = await client.GetStringAsync(Measure);
        var token = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value);

        var response = await client.PostAsync("/sign-out", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("expires=thu, 01 jan 1970", EditorCookie(response)?.ToLowerInvariant());
        var after = await client.GetStringAsync(Measure);
        Assert.DoesNotContain("Signed in as", after);
        Assert.DoesNotContain("name=\"text\"", after);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostCommentary(client, await TokenFrom(client, "/sign-in"), "After signing out")).StatusCode);
        Assert.Equal("[]", await client.GetStringAsync(CommentaryApi));
    }

    [Fact]
    public async Task SignOut_WithoutToken_Rejected400AndStillSignedIn()
    {
        using var app = WithEditor();
        var client = Client(app);
        await SignIn(client, Editor.UserName, Editor.Password);

        var response = await client.PostAsync("/sign-out", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Signed in as", await client.GetStringAsync(Measure));
    }

    [Fact]
    public async Task Cookie_AnotherInstanceOfTheStore_AcceptedWithTheSameHashEndedWhenThePasswordChanged()
    {
        var configured = Editor with { HashInConfiguration = Editor.Hash() };
        using var first = new AppFactory { Editors = [configured] };
        var signIn = await SignIn(Client(first), Editor.UserName, Editor.Password);
        var cookie = EditorCookie(signIn)!.Split(';')[0];
        using var second = new AppFactory { Editors = [configured], SharedConnectionString = first.ConnectionString };
        using var changed = new AppFactory { Editors = [Editor with { HashInConfiguration = Editor.Hash() }], SharedConnectionString = first.ConnectionString };

        async Task<string> MeasureWithCookie(AppFactory app)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Measure);
            request.Headers.Add("Cookie", cookie);
            return await (await Client(app).SendAsync(request)).Content.ReadAsStringAsync();
        }

        // The keys that protect the cookie are in the store, so the second instance reads it.
        Assert.Contains("Signed in as Head of Service", await MeasureWithCookie(second));

        // The same password hashed again is a new hash: sessions signed in under the old one end.
        var afterChange = await MeasureWithCookie(changed);
        Assert.DoesNotContain("Signed in as", afterChange);
        Assert.DoesNotContain("name=\"text\"", afterChange);
    }

    [Theory]
    [InlineData("correct horse battery staple", "PasswordHash is not a hash made by `goldenthread editor hash`")]
    [InlineData("AAECAwQFBgcICQoLDA0ODxAREhM=", "PasswordHash is not a hash made by `goldenthread editor hash`")]
    [InlineData("", "PasswordHash is required")]
    public async Task Options_EditorWithoutAProperHash_AppRefusesToStart(string hash, string message)
    {
        using var app = new AppFactory { Editors = [Editor with { HashInConfiguration = hash }] };

        var e = await Assert.ThrowsAnyAsync<OptionsValidationException>(() => Task.FromResult(app.CreateClient()));

        Assert.Contains("GoldenThread:Editors:0: " + message, e.Message);
    }

    [Fact]
    public async Task Options_TwoEditorsWithOneSignInName_AppRefusesToStart()
    {
        using var app = new AppFactory { Editors = [Editor, Editor with { Name = "Someone else", UserName = "HOS@council.example" }] };

        var e = await Assert.ThrowsAnyAsync<OptionsValidationException>(() => Task.FromResult(app.CreateClient()));

        Assert.Contains("GoldenThread:Editors:1: the UserName 'HOS@council.example' is given to more than one editor.", e.Message);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
