using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using GoldenThread.Data.Workspace;
using GoldenThread.Store;
using Microsoft.Extensions.DependencyInjection;

namespace GoldenThread.Web.Tests;

/// <summary>
/// Every string from a plan, a values file, a form or the store is encoded: a plan whose titles, texts, leads and
/// descriptions all begin with markup, quotes, an ampersand and template braces is rendered as text on every page.
/// </summary>
public sealed partial class HostileTextTests
{
    private const string Hostile = "<script>alert(1)</script> \"q\" 'a' & {{x}} <img src=x onerror=alert(2)>";
    private const string Ws = "/w/hostile";

    public static IEnumerable<object[]> Providers => [[StoreProvider.Sqlite], [StoreProvider.Postgres]];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task HostilePlan_EveryPage_ShowsTheTextAsText(StoreProvider provider)
    {
        using var app = new AppFactory(provider) { People = [TestPerson.InstallationAdministrator] };
        var client = await app.SignedInAsync(TestPerson.InstallationAdministrator);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<WorkspaceStore>();
            var sample = WorkspaceImportSources.From(SampleCatalogue.Resolve("leicestershire-2020-23"), "hostile");
            await store.ImportAsync(sample with { PlanYaml = Poison(sample.PlanYaml!), Title = Hostile, DashboardPublic = true });
            await store.AddCommentaryAsync("hostile", "a1-gld", "2024/25", Hostile, Hostile);
        }

        string[] urls = ["/", Ws, Ws + "/thread", Ws + "/themes/A1", Ws + "/outcomes/A1.P1", Ws + "/dashboard", Ws + "/measures/a1-gld", Ws + "/actions", Ws + "/intentions"];
        var parser = new HtmlParser();
        foreach (var url in urls)
        {
            var response = await client.GetAsync(url);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            var doc = parser.ParseDocument(html);

            // The page's own module is the only script; nothing from the plan became an element or an attribute.
            Assert.Equal(["/app.js"], doc.QuerySelectorAll("script").Select(s => s.GetAttribute("src")));
            Assert.Empty(doc.QuerySelectorAll("img"));
            Assert.DoesNotContain(doc.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
            Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
            Assert.True(doc.Body!.TextContent.Contains(Hostile, StringComparison.Ordinal), $"{url}: the hostile text does not read back as text");
        }

        // The commentary, author and text, reads back exactly on the measure page.
        var measure = parser.ParseDocument(await client.GetStringAsync(Ws + "/measures/a1-gld"));
        var commentary = measure.QuerySelector(".app-commentary")!;
        Assert.Contains(Hostile + ", on 2024/25", commentary.TextContent, StringComparison.Ordinal);
        Assert.Equal(Hostile, commentary.QuerySelectorAll("p")[1].TextContent);
    }

    /// <summary>Puts the hostile text at the start of every title, text, lead, description, vision, mission and the plan's name.</summary>
    private static string Poison(string yaml) =>
        Field().Replace(yaml, m => $"{m.Groups[1].Value}: \"{Hostile.Replace("\"", "\\\"", StringComparison.Ordinal)} ");

    [GeneratedRegex("(?m)(?<=^\\s*-?\\s*)(title|text|lead|description|vision|mission|plan): \"")]
    private static partial Regex Field();
}

/// <summary>The output cache serves a workspace's pages again only while the workspace is unchanged.</summary>
public sealed class PageCacheTests
{
    [Fact]
    public async Task MeasurePage_DashboardMadeInternal_NextAnonymousRequestNotServedFromTheCache()
    {
        using var app = new AppFactory();
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        const string url = "/w/leicestershire-2020-23/measures/a1-gld";
        var first = await client.GetStringAsync(url);
        var again = await client.GetAsync(url);
        Assert.True(again.Headers.Age is not null, "the second anonymous request is answered from the cache");
        Assert.Equal(first, await again.Content.ReadAsStringAsync());

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<WorkspaceStore>().SetDashboardPublicAsync("leicestershire-2020-23", false);
        }

        var after = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/sign-in?returnUrl=", after.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task MeasurePage_SignedIn_CommentaryAddedShowsOnTheNextRequest()
    {
        using var app = new AppFactory { People = [TestPerson.HeadOfService] };
        var client = await app.SignedInAsync(TestPerson.HeadOfService);
        const string url = "/w/leicestershire-2020-23/measures/a1-gld";
        Assert.DoesNotContain("Written after the page was read.", await client.GetStringAsync(url));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<WorkspaceStore>().AddCommentaryAsync("leicestershire-2020-23", "a1-gld", "2024/25", "Analyst", "Written after the page was read.");
        }

        Assert.Contains("Written after the page was read.", await client.GetStringAsync(url), StringComparison.Ordinal);
    }
}
