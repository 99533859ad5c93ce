using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using GoldenThread.Store;
using Microsoft.Playwright;

namespace GoldenThread.Web.Tests;

/// <summary>
/// axe-core on the quarter's pages in a real browser (as <see cref="BrowserTests"/>): the reporting periods and the
/// opening form, the progress board, a figure's page with its form and with an error, and "my work".
/// </summary>
public sealed class QuarterAccessibilityTests
{
    private const string Q3 = "/w/leicestershire-2015-16-q3";

    private static readonly TestPerson Officer = new("quarter-officer@council.example", "Pat Officer", "orchid tunnel gravel mint", WorkspaceRole.PerformanceOfficer, "leicestershire-2015-16-q3");

    [Fact]
    public async Task QuarterPages_NoSeriousAccessibilityViolations()
    {
        var port = FreePort();
        using var app = new AppFactory { People = [Officer], Environment = "Development" };
        app.UseKestrel(port);
        app.StartServer();
        var baseUrl = $"http://127.0.0.1:{port}";

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("GOLDENTHREAD_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await (await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } })).NewPageAsync();
        var axe = await File.ReadAllTextAsync(Path.Combine(RepoRoot(), "src/GoldenThread.Web/frontend/node_modules/axe-core/axe.min.js"));
        var problems = new List<string>();

        async Task Check(string name)
        {
            await page.EvaluateAsync(axe);
            var result = await page.EvaluateAsync<JsonElement>("async () => { const r = await axe.run(document, { resultTypes: ['violations'] }); return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id + ': ' + v.help + ' (' + v.nodes.length + ')'); }");
            problems.AddRange(result.EnumerateArray().Select(v => $"{name}: {v.GetString()}"));
        }

        await page.GotoAsync(baseUrl + "/sign-in");
        await page.GetByLabel("Email address").FillAsync(Officer.Email);
        await page.GetByLabel("Password").FillAsync(Officer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.GotoAsync(baseUrl + Q3);
        await page.GetByRole(AriaRole.Link, new() { Name = "Quarter", Exact = true }).ClickAsync();
        await Check("periods");

        // The opening form with a mistake first, then opened.
        await page.GetByLabel("Reporting period").FillAsync("2015/16 Q9");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the period" }).ClickAsync();
        Assert.True(await page.Locator(".govuk-error-summary").IsVisibleAsync());
        await Check("periods-error");
        var due = DateTime.UtcNow.AddDays(30);
        await page.GetByLabel("Reporting period").FillAsync("2015/16 Q3");
        await page.Locator("#due").FillAsync(due.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#due-month").FillAsync(due.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#due-year").FillAsync(due.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the period" }).ClickAsync();
        Assert.EndsWith("/quarter/2015-16-q3", page.Url);
        await Check("board");

        await page.GotoAsync(baseUrl + Q3 + "/quarter/2015-16-q3/figures/camhs-waiting");
        await Check("figure");
        await page.GetByLabel("Value (weeks)").FillAsync("twelve");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        Assert.True(await page.Locator(".govuk-error-summary").IsVisibleAsync());
        await Check("figure-error");

        await page.GotoAsync(baseUrl + Q3 + "/my-work");
        await Check("my-work");

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    private static string RepoRoot()
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
