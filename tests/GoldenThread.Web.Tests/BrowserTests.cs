using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Playwright;

namespace GoldenThread.Web.Tests;

/// <summary>
/// A person's journey in a real browser (Debian's Chromium driven by Playwright, scripts/browser.sh installs it): the app
/// on Kestrel on a free loopback port over a temp SQLite store; axe-core on every page; a screenshot of every page in
/// test-artifacts/.
/// </summary>
public sealed class BrowserTests
{
    private static readonly string RepoRoot = FindRepoRoot();

    [Fact]
    public async Task Journey_ThemeToMeasureFilterTableAndXlsx_NoSeriousAccessibilityViolations()
    {
        var port = FreePort();
        using var app = new AppFactory { People = [TestPerson.HeadOfService], Environment = "Development" };
        // Kestrel speaks plain http on loopback here, so the cookies are not Secure-only: the Development environment's rule.
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
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { AcceptDownloads = true, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var axe = await File.ReadAllTextAsync(Path.Combine(RepoRoot, "src/GoldenThread.Web/frontend/node_modules/axe-core/axe.min.js"));
        var artifacts = Path.Combine(RepoRoot, "test-artifacts");
        Directory.CreateDirectory(artifacts);
        var problems = new List<string>();

        async Task Check(string name)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(artifacts, name + ".png"), FullPage = true });
            await page.EvaluateAsync(axe);
            var result = await page.EvaluateAsync<JsonElement>("async () => { const r = await axe.run(document, { resultTypes: ['violations'] }); return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id + ': ' + v.help + ' (' + v.nodes.length + ')'); }");
            problems.AddRange(result.EnumerateArray().Select(v => $"{name}: {v.GetString()}"));
        }

        // The golden thread, from a theme to a measure.
        await page.GotoAsync(baseUrl + "/w/leicestershire-2015-16-q3");
        await Check("01-plan");
        await page.GetByRole(AriaRole.Link, new() { Name = "Golden thread", Exact = true }).First.ClickAsync();
        await Check("02-thread");
        var themeSummary = page.Locator("details.govuk-details > summary").First;
        await themeSummary.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Theme .* page$") }).First.ClickAsync();
        await Check("03-theme");
        await page.Locator("main ul.govuk-list a[href*='/measures/']").First.ClickAsync();
        Assert.Contains("/measures/", page.Url);
        await Check("04-measure");

        // The chart's table alternative opens from the keyboard.
        await page.Locator("#trend-table summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.True(await page.Locator("#trend-table table").IsVisibleAsync());

        // The dashboard, filtered with the form.
        await page.GotoAsync(baseUrl + "/w/leicestershire-2015-16-q3/dashboard");
        await Check("05-dashboard");
        await page.SelectOptionAsync("#rag", "red");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        Assert.Contains("rag=red", page.Url);
        Assert.Equal(await page.Locator("main tbody tr").CountAsync(), await page.Locator("main tbody .app-rag--red").CountAsync());
        await Check("06-dashboard-red");

        // The workbook downloads.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Excel workbook") }).ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename);

        foreach (var (name, path) in new[] { ("07-actions", "/w/leicestershire-2020-23/actions"), ("08-intentions", "/w/leicestershire-2015-16-q3/intentions"), ("09-home", "/"), ("10-not-found", "/w/leicestershire-2020-23/measures/nope"), ("11-measure-lait", "/w/leicestershire-2020-23/measures/a1-gld") })
        {
            await page.GotoAsync(baseUrl + path);
            await Check(name);
        }

        // A performance officer signs in from the measure page (a wrong password first), writes commentary and signs out.
        await page.GotoAsync(baseUrl + "/w/leicestershire-2020-23/measures/a1-gld");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in to read it" }).ClickAsync();
        await Check("12-sign-in");
        await page.GetByLabel("Email address").FillAsync(TestPerson.HeadOfService.Email);
        await page.GetByLabel("Password").FillAsync("not the password at all");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        Assert.True(await page.Locator(".govuk-error-summary").IsVisibleAsync());
        await Check("13-sign-in-error");
        await page.GetByLabel("Password").FillAsync(TestPerson.HeadOfService.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        Assert.EndsWith("/w/leicestershire-2020-23/measures/a1-gld#commentary", page.Url);
        await page.GetByLabel(new System.Text.RegularExpressions.Regex("^Commentary on")).FillAsync("Written in the browser test.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add commentary" }).ClickAsync();
        Assert.Contains("Written in the browser test.", await page.Locator(".app-commentary").First.InnerTextAsync());
        Assert.Contains("Head of Service <Early Years>", await page.Locator(".app-commentary").First.InnerTextAsync());
        await Check("14-measure-signed-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        Assert.Equal(baseUrl + "/", page.Url);
        Assert.Equal(1, await page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).CountAsync());

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
