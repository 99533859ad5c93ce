using System.Diagnostics;
using Microsoft.Playwright;

namespace GoldenThread.Views.Rendering;

/// <summary>
/// Prints the committee pack's HTML (the same page components as the published files) to <c>pack.pdf</c> with headless
/// Chromium, driven by Playwright as the browser tests drive it: a tagged PDF (headings, tables, language, title) with
/// bookmarks from the headings, fonts embedded, A4 pages (portrait report, landscape appendices) numbered in the footer.
/// The command line writes it to <c>pack.pdf</c>; the web application sends it as a download.
/// </summary>
public static class PackPdf
{
    /// <summary>What the command prints (to standard error) when there is no Chromium to print with.</summary>
    public const string MissingChromium =
        "pack.pdf was not written: it is printed with Chromium, which is not installed; install Debian's chromium package " +
        "(apt-get install chromium) or set GOLDENTHREAD_CHROMIUM";

    /// <summary>The Chromium to print with: GOLDENTHREAD_CHROMIUM when set, else Debian's /usr/bin/chromium.</summary>
    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("GOLDENTHREAD_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static bool ChromiumInstalled => File.Exists(ChromiumPath);

    /// <summary>Prints the pack to <paramref name="pdfPath"/>; returns how long it took.</summary>
    public static TimeSpan Print(Reporting.CommitteePack.CommitteePack pack, string pdfPath)
    {
        var clock = Stopwatch.StartNew();
        File.WriteAllBytes(pdfPath, PrintAsync(pack).GetAwaiter().GetResult());
        return clock.Elapsed;
    }

    /// <summary>
    /// The pack as a PDF: its own HTML page printed, the council, the period and the page number at the foot of each
    /// page; printed with <paramref name="chromium"/> (default <see cref="ChromiumPath"/>).
    /// </summary>
    public static Task<byte[]> PrintAsync(Reporting.CommitteePack.CommitteePack pack, string? chromium = null) =>
        PrintAsync(PublishedHtml.Pack(pack), $"{pack.CouncilName}: committee pack, {pack.ReportingPeriod.Label}", chromium ?? ChromiumPath);

    private static async Task<byte[]> PrintAsync(string html, string footer, string chromium)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync();
        // The page stands alone (styles inlined, no scripts, no requests), so it is loaded as it is, never from a URL.
        await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        return await page.PdfAsync(new PagePdfOptions
        {
            Format = "A4",
            // The page sizes (A4 portrait, and A4 landscape for the appendices) and margins are the stylesheet's @page rules.
            PreferCSSPageSize = true,
            PrintBackground = true,
            Tagged = true,
            Outline = true,
            DisplayHeaderFooter = true,
            HeaderTemplate = PublishedHtml.PackPageMargin(null),
            FooterTemplate = PublishedHtml.PackPageMargin(footer),
        });
    }
}
