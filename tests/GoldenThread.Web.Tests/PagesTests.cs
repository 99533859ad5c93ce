using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using GoldenThread.Store;
using Microsoft.Extensions.DependencyInjection;

namespace GoldenThread.Web.Tests;

public sealed partial class PagesTests
{
    private const string Ws = "/w/leicestershire-2020-23";
    private const string Q3 = "/w/leicestershire-2015-16-q3";

    public static IEnumerable<object[]> Providers => [[StoreProvider.Sqlite], [StoreProvider.Postgres]];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task EveryPage_SeededStore_RendersWithHeadingAndNoStackTrace(StoreProvider provider)
    {
        using var app = new AppFactory(provider);
        var client = app.CreateClient();
        string[] urls =
        [
            "/", Ws, Ws + "/thread", Ws + "/themes/A1", Ws + "/outcomes/A1.P1", Ws + "/dashboard", Ws + "/dashboard?period=2023/24",
            Ws + "/measures/a1-gld", Ws + "/actions", Q3, Q3 + "/dashboard", Q3 + "/intentions", Q3 + "/measures/cp-reviews",
        ];
        foreach (var url in urls)
        {
            var response = await client.GetAsync(url);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            Assert.Single(H1().Matches(html));
            Assert.Contains("Skip to main content", html);
            Assert.DoesNotContain("   at ", html);
        }
    }

    [Theory]
    [InlineData(Ws + "/measures/no-such-measure", 404, "no measure &#x27;no-such-measure&#x27;")]
    [InlineData(Ws + "/themes/Z9", 404, "no theme &#x27;Z9&#x27;")]
    [InlineData("/w/nobody", 404, "no plan called &#x27;nobody&#x27;")]
    [InlineData("/no/such/page", 404, "Page not found")]
    [InlineData(Ws + "/dashboard?rag=purple", 400, "rag &#x27;purple&#x27; is not one of red, amber, green, none")]
    [InlineData(Ws + "/dashboard?period=2023%2F2", 400, "The period &#x27;2023/2&#x27; cannot be read")]
    [InlineData(Ws + "/dashboard?theme=Z9&quartile=7", 400, "quartile &#x27;7&#x27; is not one of 1, 2, 3, 4, none")]
    [InlineData(Ws + "/dashboard?period=2023-12-31", 400, "is not one a dashboard reports on")]
    [InlineData(Ws + "/dashboard?period=9999%2F00", 400, "is outside the periods GoldenThread reads")]
    [InlineData(Ws + "/dashboard?period=0000-01", 400, "is outside the periods GoldenThread reads")]
    [InlineData(Ws + "/dashboard?period=9999%2F00%20Q4", 400, "is outside the periods GoldenThread reads")]
    [InlineData(Ws + "/measures/a1-gld?period=Dec-9999", 400, "is outside the periods GoldenThread reads")]
    [InlineData(Ws + "/measures/a1-gld?period=0000%2F01", 400, "is outside the periods GoldenThread reads")]
    public async Task BadAddress_ErrorPageWithMessage(string url, int status, string message)
    {
        using var app = new AppFactory();
        var response = await app.CreateClient().GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(status, (int)response.StatusCode);
        Assert.StartsWith("text/html", response.Content.Headers.ContentType?.ToString());
        Assert.Contains(message, html);
        Assert.DoesNotContain("Exception", html);
    }

    [Fact]
    public async Task GoldenThread_IntentionLinks_LandOnTheirRowOfTheIntentionsPage()
    {
        using var app = new AppFactory();
        var client = app.CreateClient();

        var thread = await client.GetStringAsync(Q3 + "/thread");
        var intentions = await client.GetStringAsync(Q3 + "/intentions");

        var targets = Regex.Matches(thread, "href=\"[^\"]*/intentions#([^\"]+)\"").Select(m => Uri.UnescapeDataString(m.Groups[1].Value)).Distinct().ToList();
        Assert.NotEmpty(targets);
        Assert.All(targets, id => Assert.Contains($"id=\"{id}\"", intentions));
    }

    [Fact]
    public async Task DashboardCsv_RagRedFilter_OnlyRedRowsOfThatTheme()
    {
        using var app = new AppFactory();
        var client = app.CreateClient();

        var all = await client.GetStringAsync(Q3 + "/dashboard.csv");
        var red = await client.GetStringAsync(Q3 + "/dashboard.csv?rag=red");

        var allRows = Rows(all);
        var redRows = Rows(red);
        var ragColumn = Array.IndexOf(allRows[0], "rag");
        Assert.True(ragColumn > 0);
        Assert.NotEmpty(redRows.Skip(1));
        Assert.All(redRows.Skip(1), r => Assert.Equal("red", r[ragColumn]));
        Assert.Equal(allRows.Skip(1).Count(r => r[ragColumn] == "red"), redRows.Count - 1);
    }

    [Fact]
    public async Task DashboardXlsx_Download_IsAWorkbook()
    {
        using var app = new AppFactory();
        var response = await app.CreateClient().GetAsync(Ws + "/dashboard.xlsx");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((byte)'P', bytes[0]);
        Assert.Equal((byte)'K', bytes[1]);
    }

    [Fact]
    public async Task Api_DashboardAndOpenApi_DescribeTheSameEndpoints()
    {
        using var app = new AppFactory();
        var client = app.CreateClient();

        using var dashboard = JsonDocument.Parse(await client.GetStringAsync("/api/v1/workspaces/leicestershire-2015-16-q3/dashboard"));
        using var openApi = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        Assert.Equal(1, dashboard.RootElement.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("2015/16 Q3", dashboard.RootElement.GetProperty("reportingPeriod").GetString());
        var paths = openApi.RootElement.GetProperty("paths");
        foreach (var p in new[] { "/api/v1/workspaces", "/api/v1/workspaces/{ws}/dashboard", "/api/v1/workspaces/{ws}/measures/{id}", "/api/v1/workspaces/{ws}/actions", "/api/v1/workspaces/{ws}/intentions" })
        {
            Assert.True(paths.TryGetProperty(p, out _), p);
        }

        var notFound = await client.GetAsync("/api/v1/workspaces/nobody/thread");
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        using var problem = JsonDocument.Parse(await notFound.Content.ReadAsStringAsync());
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("There is no workspace 'nobody'.", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Health_StoreReachable_Healthy()
    {
        using var app = new AppFactory();
        Assert.Equal("Healthy", await app.CreateClient().GetStringAsync("/health"));
    }

    [Theory]
    [InlineData("GET", true)]
    [InlineData("HEAD", true)]
    [InlineData("POST", false)]
    [InlineData("PUT", false)]
    [InlineData("DELETE", false)]
    [InlineData("PATCH", false)]
    [InlineData("OPTIONS", false)]
    public async Task Health_AnswersGetAndHeadOnly(string method, bool answered)
    {
        using var app = new AppFactory();

        var response = await app.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), "/health"));

        Assert.Equal(answered, response.StatusCode == HttpStatusCode.OK);
        Assert.True(answered || (int)response.StatusCode is 404 or 405, $"{method}: {(int)response.StatusCode}");
    }

    [Fact]
    public void Kestrel_DoesNotNameItselfInAServerHeader()
    {
        using var app = new AppFactory();

        var kestrel = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>>().Value;

        Assert.False(kestrel.AddServerHeader);
    }

    private static List<string[]> Rows(string csv) =>
        csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => CsvCell().Matches(l).Select(m => m.Groups[1].Success ? m.Groups[1].Value.Replace("\"\"", "\"") : m.Groups[2].Value).ToArray()).ToList();

    [GeneratedRegex("<h1[ >]")]
    private static partial Regex H1();

    [GeneratedRegex("(?:^|,)(?:\"((?:[^\"]|\"\")*)\"|([^,]*))")]
    private static partial Regex CsvCell();
}
