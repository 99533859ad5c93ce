using System.Net;
using System.Text.RegularExpressions;
using GoldenThread.Store;

namespace GoldenThread.Web.Tests;

/// <summary>
/// Guessing passwords: the tenth wrong password in a row locks the account; further attempts from that address are refused
/// with 429; other people, from elsewhere, still sign in (docs/accounts.md#passwords).
/// </summary>
public sealed partial class BruteForceTests
{
    private static readonly TestPerson Victim = TestPerson.HeadOfService;
    private static readonly TestPerson Colleague = new("colleague@council.example", "A Colleague", "juniper bracket ocean lamp", WorkspaceRole.Viewer, TestPerson.Leicestershire);

    public static IEnumerable<object[]> Providers => [[StoreProvider.Sqlite], [StoreProvider.Postgres]];

    private static async Task<HttpResponseMessage> Attempt(HttpClient client, string address, string email, string password)
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, "/sign-in");
        get.Headers.Add(AppFactory.AddressHeader, address);
        var token = WebUtility.HtmlDecode(Token().Match(await (await client.SendAsync(get)).Content.ReadAsStringAsync()).Groups[1].Value);
        var post = new HttpRequestMessage(HttpMethod.Post, "/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["email"] = email, ["password"] = password }),
        };
        post.Headers.Add(AppFactory.AddressHeader, address);
        return await client.SendAsync(post);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TenWrongPasswords_AccountLockedAddressRefused429OthersStillSignIn(StoreProvider provider)
    {
        using var app = new AppFactory(provider) { People = [Victim, Colleague] };
        const string attacker = "203.0.113.7";

        for (var i = 1; i <= 10; i++)
        {
            var wrong = await Attempt(app.Browser(), attacker, Victim.Email, "guess number " + i);
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            var html = await wrong.Content.ReadAsStringAsync();
            Assert.Contains(i < 10 ? "Enter a correct email address and password" : "This account is locked", html);
        }

        // The eleventh from the same address is refused before any password is checked, even for another account.
        var eleventh = await Attempt(app.Browser(), attacker, Colleague.Email, Colleague.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, eleventh.StatusCode);
        Assert.Contains("Too many wrong passwords have come from your network", await eleventh.Content.ReadAsStringAsync());

        // The account itself is locked: the right password from elsewhere does not open it yet.
        var owner = await Attempt(app.Browser(), "198.51.100.20", Victim.Email, Victim.Password);
        Assert.Equal(HttpStatusCode.BadRequest, owner.StatusCode);
        Assert.Contains("This account is locked", await owner.Content.ReadAsStringAsync());

        // Someone else, from their own address, signs in as usual.
        var colleague = await Attempt(app.Browser(), "198.51.100.21", Colleague.Email, Colleague.Password);
        Assert.Equal(HttpStatusCode.Redirect, colleague.StatusCode);
    }

    [Fact]
    public async Task WrongPasswordsForUnknownAddresses_CountAgainstTheAddressToo()
    {
        using var app = new AppFactory { People = [Colleague] };
        const string sprayer = "203.0.113.9";
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await Attempt(app.Browser(), sprayer, $"nobody{i}@council.example", "Spring2026!")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await Attempt(app.Browser(), sprayer, Colleague.Email, Colleague.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Attempt(app.Browser(), "203.0.113.10", Colleague.Email, Colleague.Password)).StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
