using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace GoldenThread.Web.Tests;

/// <summary>
/// Issue 9's "done when", walked end to end in a real browser and through the API: on a fresh store the first
/// administrator is created with the command line, invites a performance officer, a contributor and a viewer, and each
/// of them, an anonymous visitor and a script with an access token can see and change exactly what their role allows.
/// axe-core runs on every kind of page the walk reaches; screenshots go to test-artifacts/accounts-*.png.
/// </summary>
public sealed class AccountsJourneyTests
{
    private const string Ws = "/w/" + TestPerson.Leicestershire;

    /// <summary>A measure assigned to the contributor in the walk.</summary>
    private const string Owned = "a1-gld";

    /// <summary>A measure on the dashboard that the contributor does not own.</summary>
    private const string NotOwned = "a1-gld-fsm";

    private static readonly string RepoRoot = FindRepoRoot();

    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task FirstAdministratorFromTheCommandLine_InvitesThreeRoles_EachMayDoExactlyWhatTheirRoleAllows()
    {
        var port = FreePort();
        using var app = new AppFactory { Environment = "Development" };

        // Chromium starts while the command runs and the server starts: the slowest steps of the walk, side by side.
        var launching = LaunchBrowser();

        // 1. A fresh store: the first administrator is made with one command, before the web application has ever run.
        var (exit, output, error) = RunCli("user", "add", "--email", "admin@council.example", "--role", "administrator", "--name", "Ada Admin", "--store", app.ConnectionString);
        Assert.True(exit == 0, $"goldenthread user add failed ({exit}): {output}\n{error}");
        var adminPassword = Regex.Match(output, @"^Password \(shown once;[^)]*\): (\S+)\s*$", RegexOptions.Multiline).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(adminPassword), "No generated password on standard output:\n" + output);

        // The web application starts on that store (loading the samples into it) over plain http on loopback, so the
        // cookies are not Secure-only: the Development environment's rule.
        app.UseKestrel(port);
        app.StartServer();
        var baseUrl = $"http://127.0.0.1:{port}";

        using var playwright = await launching.Playwright;
        await using var browser = await launching.Browser;
        var axe = await File.ReadAllTextAsync(Path.Combine(RepoRoot, "src/GoldenThread.Web/frontend/node_modules/axe-core/axe.min.js"));
        var artifacts = Path.Combine(RepoRoot, "test-artifacts");
        Directory.CreateDirectory(artifacts);
        var problems = new List<string>();

        // Each person in a browser of their own: nothing shared but the server.
        async Task<IPage> NewBrowser()
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
            context.SetDefaultTimeout((float)Generous.TotalMilliseconds);
            context.SetDefaultNavigationTimeout((float)Generous.TotalMilliseconds);
            return await context.NewPageAsync();
        }

        async Task Check(IPage page, string name)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(artifacts, "accounts-" + name + ".png"), FullPage = true });
            await page.EvaluateAsync(axe);
            var result = await page.EvaluateAsync<JsonElement>("async () => { const r = await axe.run(document, { resultTypes: ['violations'] }); return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id + ': ' + v.help + ' (' + v.nodes.length + ')'); }");
            problems.AddRange(result.EnumerateArray().Select(v => $"{name}: {v.GetString()}"));
        }

        async Task SignIn(IPage page, string email, string password)
        {
            if (!page.Url.Contains("/sign-in", StringComparison.Ordinal))
            {
                await page.GotoAsync(baseUrl + "/sign-in");
            }

            await page.GetByLabel("Email address").FillAsync(email);
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        }

        ILocator Heading(IPage page) => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

        ILocator AddCommentary(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Add commentary" });

        async Task WriteCommentary(IPage page, string measure, string text)
        {
            await page.GotoAsync(baseUrl + Ws + "/measures/" + measure);
            await page.GetByLabel(new Regex("^Commentary on")).FillAsync(text);
            await AddCommentary(page).ClickAsync();
            Assert.Contains(text, await page.Locator(".app-commentary").First.InnerTextAsync());
        }

        async Task RefusedPeoplePage(IPage page, string name, string? check = null)
        {
            var response = await page.GotoAsync(baseUrl + Ws + "/people");
            Assert.True(response!.Status == 403, $"{name} reached the people page: {response.Status}");
            Assert.Equal("You cannot do this", await Heading(page).InnerTextAsync());
            if (check is not null)
            {
                await Check(page, check);
            }
        }

        // Before the walk: the samples' dashboards are public, so a visitor reads this one without signing in.
        var visitor = await NewBrowser();
        Assert.Equal(200, (await visitor.GotoAsync(baseUrl + Ws + "/dashboard"))!.Status);
        Assert.EndsWith(Ws + "/dashboard", visitor.Url);

        // 2. The administrator signs in with the generated password and invites three people.
        var admin = await NewBrowser();
        await admin.GotoAsync(baseUrl + "/sign-in");
        await Check(admin, "01-sign-in");

        // The pages are styled (axe judges contrast and focus on what people see): GOV.UK Frontend's stylesheet is served.
        Assert.NotEqual("rgba(0, 0, 0, 0)", await admin.Locator(".govuk-header").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        await SignIn(admin, "admin@council.example", adminPassword);
        Assert.Equal(1, await admin.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).CountAsync());

        await admin.GotoAsync(baseUrl + "/people");
        Assert.Equal("Everyone with an account", await Heading(admin).InnerTextAsync());
        await Check(admin, "02-installation-people");

        await admin.GotoAsync(baseUrl + Ws + "/people");
        await Check(admin, "03-people");

        var officer = new Invitee("officer@council.example", "Amara Okafor", "Performance officer", "copper lantern meadow fig");
        var contributor = new Invitee("contributor@council.example", "Ben Carter", "Contributor", "willow harbour pencil drum");
        var viewer = new Invitee("viewer@council.example", "Chloe Dunn", "Viewer", "saddle orbit teacup moss");
        var links = new Dictionary<Invitee, string>();
        foreach (var person in new[] { officer, contributor, viewer })
        {
            await admin.GotoAsync(baseUrl + Ws + "/people");
            await admin.GetByLabel("Email address").FillAsync(person.Email);
            await admin.GetByLabel("Name (optional)").FillAsync(person.Name);
            await admin.GetByRole(AriaRole.Radio, new() { Name = person.Role, Exact = true }).CheckAsync();
            await admin.GetByRole(AriaRole.Button, new() { Name = "Invite" }).ClickAsync();
            Assert.Equal("Send them this link to set their password", await Heading(admin).InnerTextAsync());
            links[person] = (await admin.Locator("#set-password-link").InnerTextAsync()).Trim();
            Assert.StartsWith(baseUrl + "/account/set-password?person=", links[person]);
            if (person == officer)
            {
                await Check(admin, "04-invite-link");
            }
        }

        await admin.GotoAsync(baseUrl + Ws + "/people");
        var table = await admin.Locator("main table").InnerTextAsync();
        foreach (var person in new[] { officer, contributor, viewer })
        {
            Assert.Contains(person.Name, table);
            Assert.Contains(person.Email, table);
        }

        // The contributor is given a measure of their own on their page.
        await admin.GetByRole(AriaRole.Link, new() { Name = contributor.Name, Exact = true }).ClickAsync();
        Assert.Equal(contributor.Name, await Heading(admin).InnerTextAsync());
        await Check(admin, "05-person");
        await admin.GetByRole(AriaRole.Checkbox, new() { NameRegex = new Regex("^" + Regex.Escape(Owned) + ":") }).CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save their measures and actions" }).ClickAsync();
        Assert.Contains("Their measures and actions are saved.", await admin.Locator(".govuk-notification-banner").InnerTextAsync());
        Assert.True(await admin.GetByRole(AriaRole.Checkbox, new() { NameRegex = new Regex("^" + Regex.Escape(Owned) + ":") }).IsCheckedAsync());
        Assert.False(await admin.GetByRole(AriaRole.Checkbox, new() { NameRegex = new Regex("^" + Regex.Escape(NotOwned) + ":") }).IsCheckedAsync());

        // The dashboard becomes internal.
        await admin.GotoAsync(baseUrl + Ws + "/settings");
        await Check(admin, "06-settings");
        await admin.GetByRole(AriaRole.Radio, new() { Name = "No", Exact = true }).CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        Assert.Contains("The settings are saved.", await admin.Locator(".govuk-notification-banner").InnerTextAsync());
        Assert.True(await admin.GetByRole(AriaRole.Radio, new() { Name = "No", Exact = true }).IsCheckedAsync());

        // 3. Each invitee opens their link in a browser of their own and chooses a password: a common one first.
        async Task<IPage> Accept(Invitee person, string? check)
        {
            var page = await NewBrowser();
            await page.GotoAsync(links[person]);
            Assert.Equal("Set your password", await Heading(page).InnerTextAsync());
            Assert.Contains(person.Email, await page.Locator("main").InnerTextAsync());
            if (check is not null)
            {
                await Check(page, check);
            }

            foreach (var password in new[] { "Password2024!", person.Password })
            {
                await page.GetByLabel("New password", new() { Exact = true }).FillAsync(password);
                await page.GetByLabel("Type the new password again", new() { Exact = true }).FillAsync(password);
                await page.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
                if (password != person.Password)
                {
                    Assert.Contains("harder to guess", await page.Locator(".govuk-error-summary").InnerTextAsync());
                    Assert.StartsWith("Error:", await page.TitleAsync());
                    if (check is not null)
                    {
                        await Check(page, check + "-error");
                    }
                }
            }

            Assert.StartsWith(baseUrl + "/sign-in", page.Url);
            await SignIn(page, person.Email, person.Password);
            Assert.Equal(1, await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).CountAsync());
            return page;
        }

        // The performance officer writes commentary on any measure, and is refused the people page.
        var officerPage = await Accept(officer, "07-set-password");
        await officerPage.GotoAsync(baseUrl + "/account");
        Assert.Contains(officer.Email, await officerPage.Locator("main").InnerTextAsync());
        Assert.Contains("Performance officer", await officerPage.Locator("main").InnerTextAsync());
        await Check(officerPage, "08-account");
        await WriteCommentary(officerPage, Owned, "The officer's note on the good level of development.");
        await Check(officerPage, "09-measure-officer");
        await WriteCommentary(officerPage, NotOwned, "The officer's note on pupils with free school meals.");
        await RefusedPeoplePage(officerPage, "The performance officer", "10-forbidden");

        // The contributor writes on the measure they own only: no form on another, and a hand-made post is refused.
        var contributorPage = await Accept(contributor, null);
        await WriteCommentary(contributorPage, Owned, "The contributor's note on their own measure.");
        var antiforgery = await contributorPage.Locator("form[action$='/commentary'] input[name=__RequestVerificationToken]").InputValueAsync();
        await contributorPage.GotoAsync(baseUrl + Ws + "/measures/" + NotOwned);
        Assert.Contains("The officer's note on pupils with free school meals.", await contributorPage.Locator(".app-commentary").First.InnerTextAsync());
        Assert.Equal(0, await AddCommentary(contributorPage).CountAsync());
        Assert.Equal(0, await contributorPage.GetByLabel(new Regex("^Commentary on")).CountAsync());
        var forged = await contributorPage.EvaluateAsync<int>(
            "async ([url, token]) => (await fetch(url, { method: 'POST', redirect: 'manual', body: new URLSearchParams({ __RequestVerificationToken: token, period: '', text: 'Not mine to write.' }) })).status",
            new[] { baseUrl + Ws + "/measures/" + NotOwned + "/commentary", antiforgery });
        Assert.Equal(403, forged);
        await contributorPage.ReloadAsync();
        Assert.DoesNotContain("Not mine to write.", await contributorPage.Locator("main").InnerTextAsync());
        await RefusedPeoplePage(contributorPage, "The contributor");

        // The viewer reads everyone's commentary and may write none.
        var viewerPage = await Accept(viewer, null);
        await viewerPage.GotoAsync(baseUrl + Ws + "/measures/" + Owned);
        var commentary = await viewerPage.Locator("main").InnerTextAsync();
        Assert.Contains("The officer's note on the good level of development.", commentary);
        Assert.Contains("The contributor's note on their own measure.", commentary);
        Assert.Equal(0, await AddCommentary(viewerPage).CountAsync());
        await Check(viewerPage, "11-measure-viewer");
        await RefusedPeoplePage(viewerPage, "The viewer");

        // A visitor who is not signed in: sent to sign in for the now internal dashboard and measures; the plan is public.
        await visitor.GotoAsync(baseUrl + Ws + "/dashboard");
        Assert.StartsWith(baseUrl + "/sign-in", visitor.Url);
        await visitor.GotoAsync(baseUrl + Ws + "/measures/" + Owned);
        Assert.StartsWith(baseUrl + "/sign-in", visitor.Url);
        Assert.Equal(200, (await visitor.GotoAsync(baseUrl + Ws))!.Status);
        Assert.EndsWith(Ws, visitor.Url);
        await visitor.GotoAsync(baseUrl + Ws + "/people");
        Assert.StartsWith(baseUrl + "/sign-in", visitor.Url);

        // 4. Through the API, with personal access tokens made in the browser.
        async Task<string> CreateToken(IPage page, string name, string? check)
        {
            await page.GotoAsync(baseUrl + "/account/tokens");
            if (check is not null)
            {
                await Check(page, check);
            }

            await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
            await page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
            Assert.Equal("Your new access token", await Heading(page).InnerTextAsync());
            if (check is not null)
            {
                await Check(page, check + "-created");
            }

            return await page.GetByLabel("Token", new() { Exact = true }).InputValueAsync();
        }

        var contributorToken = await CreateToken(contributorPage, "Quarterly report script", "12-tokens");
        var viewerToken = await CreateToken(viewerPage, "Reading script", null);
        Assert.StartsWith("gt_", contributorToken);

        using var api = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = Generous };
        async Task<HttpResponseMessage> Call(HttpMethod method, string? token, string measure, string? text = null)
        {
            var request = new HttpRequestMessage(method, $"/api/v1/workspaces/{TestPerson.Leicestershire}/measures/{measure}/commentary");
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            if (text is not null)
            {
                request.Content = JsonContent.Create(new { text });
            }

            return await api.SendAsync(request);
        }

        var created = await Call(HttpMethod.Post, contributorToken, Owned, "Written by the contributor's script.");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(contributor.Name, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("author").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await Call(HttpMethod.Post, contributorToken, NotOwned, "Not mine to write.")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Call(HttpMethod.Post, viewerToken, Owned, "A viewer writes nothing.")).StatusCode);
        var read = await Call(HttpMethod.Get, viewerToken, Owned);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var texts = (await read.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(c => c.GetProperty("text").GetString()).ToList();
        Assert.Contains("Written by the contributor's script.", texts);
        Assert.Contains("The officer's note on the good level of development.", texts);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Call(HttpMethod.Post, null, Owned, "Nobody at all.")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Call(HttpMethod.Get, null, Owned)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Call(HttpMethod.Get, "gt_not-a-real-token", Owned)).StatusCode);

        // 5. The performance officer turns on two-factor sign-in, signs out, and signs in again with a code.
        await officerPage.GotoAsync(baseUrl + "/account/two-factor");
        await Check(officerPage, "13-two-factor-set-up");
        var key = await officerPage.Locator("#authenticator-key").InnerTextAsync();
        await officerPage.GetByLabel("Code", new() { Exact = true }).FillAsync(Totp.Now(key));
        await officerPage.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
        Assert.Equal("Your recovery codes", await Heading(officerPage).InnerTextAsync());
        Assert.Equal(10, await officerPage.Locator("#recovery-codes li").CountAsync());
        await Check(officerPage, "14-recovery-codes");
        await officerPage.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        Assert.Equal(1, await officerPage.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).CountAsync());
        await SignIn(officerPage, officer.Email, officer.Password);
        Assert.StartsWith(baseUrl + "/sign-in/two-factor", officerPage.Url);
        await Check(officerPage, "15-sign-in-two-factor");
        await officerPage.GetByLabel("Code", new() { Exact = true }).FillAsync(Totp.Now(key));
        await officerPage.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        Assert.Equal(1, await officerPage.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).CountAsync());
        await officerPage.GotoAsync(baseUrl + Ws + "/measures/" + NotOwned);
        Assert.Equal(1, await AddCommentary(officerPage).CountAsync());

        // The administrator sees it on the officer's line.
        await admin.GotoAsync(baseUrl + Ws + "/people");
        var officerRow = await admin.GetByRole(AriaRole.Row).Filter(new() { HasText = officer.Email }).InnerTextAsync();
        Assert.Contains("Performance officer", officerRow);
        Assert.Contains("On", officerRow);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static (Task<IPlaywright> Playwright, Task<IBrowser> Browser) LaunchBrowser()
    {
        var playwright = Playwright.CreateAsync();
        var browser = Task.Run(async () => await (await playwright).Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("GOLDENTHREAD_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        }));
        return (playwright, browser);
    }

    private sealed record Invitee(string Email, string Name, string Role, string Password);

    /// <summary>Runs the built command-line program (copied beside the tests by the project reference) as an installer would.</summary>
    private static (int ExitCode, string Output, string Error) RunCli(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = RepoRoot,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "goldenthread.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("goldenthread did not finish in a minute: " + string.Join(' ', args));
        }

        return (process.ExitCode, output.Result, error.Result);
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
