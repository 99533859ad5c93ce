using GoldenThread.Views.Rendering;
using System.Text.Json;
using GoldenThread.Core.Dashboard;
using GoldenThread.Core.Disclosure;
using GoldenThread.Data.AreaComparisons;
using GoldenThread.Data.Workspace;
using GoldenThread.Reporting;
using Microsoft.Playwright;

namespace GoldenThread.Web.Tests;

/// <summary>
/// The files the command line publishes (the dashboard page and the area-comparison page) checked with axe-core in
/// Debian's Chromium, as the web pages are: WCAG 2.2 AA, no serious or critical violation.
/// </summary>
public sealed class PublishedFilesAccessibilityTests
{
    private static readonly string RepoRoot = FindRepoRoot();

    [Fact]
    public async Task DashboardAndComparisonPages_OfTheSamples_HaveNoSeriousAccessibilityViolations()
    {
        var dir = Path.Combine(Path.GetTempPath(), "goldenthread-a11y", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var files = new List<string>();
        foreach (var sample in new[] { "leicestershire-2020-23", "leicestershire-2015-16-q3" })
        {
            var dashboard = DashboardDisclosure.Apply(DashboardBuilder.Build(ReportLoader.Load(SampleCatalogue.Resolve(sample))), DisclosureRules.Default);
            var path = Path.Combine(dir, sample + ".html");
            await using (var w = new StreamWriter(path))
            {
                PublishedHtml.WriteDashboard(dashboard, w);
            }

            files.Add(path);
        }

        var manifest = SampleCatalogue.ManifestPath("ncmp-2014-15", "--data");
        using (var reader = File.OpenText(manifest))
        {
            var result = AreaComparisonLoader.Load(AreaComparisonManifest.Read(reader, manifest));
            var path = Path.Combine(dir, "ncmp.html");
            await using var w = new StreamWriter(path);
            PublishedHtml.WriteAreaComparison(result, "NCMP 2014/15", w);
            files.Add(path);
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("GOLDENTHREAD_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync();
        var axe = await File.ReadAllTextAsync(Path.Combine(RepoRoot, "src/GoldenThread.Web/frontend/node_modules/axe-core/axe.min.js"));
        var artifacts = Path.Combine(RepoRoot, "test-artifacts");
        Directory.CreateDirectory(artifacts);
        var problems = new List<string>();
        foreach (var file in files)
        {
            await page.GotoAsync(new Uri(file).AbsoluteUri);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(artifacts, "published-" + Path.GetFileNameWithoutExtension(file) + ".png"), FullPage = true });
            await page.EvaluateAsync(axe);
            var result = await page.EvaluateAsync<JsonElement>("async () => { const r = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'], resultTypes: ['violations'] }); return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id + ': ' + v.help + ' (' + v.nodes.length + ')'); }");
            problems.AddRange(result.EnumerateArray().Select(v => $"{Path.GetFileName(file)}: {v.GetString()}"));
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static string FindRepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "GoldenThread.slnx")))
            {
                return d.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (GoldenThread.slnx) was not found above the test's folder.");
    }
}
