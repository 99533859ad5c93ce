using System.Diagnostics;
using GoldenThread.Views.Rendering;
using Microsoft.Playwright;

namespace GoldenThread.Cli;

/// <summary>
/// Prints the committee pack's HTML (the same page components as the published files) to <c>pack.pdf</c> with headless
/// Chromium, driven by Playwright as the browser tests drive it: a tagged PDF (headings, tables, language, title) with
/// bookmarks from the headings, fonts embedded, A4 pages (portrait report, landscape appendices) numbered in the footer.
/// </summary>
internal static class PackPdf
{
    /// <summary>What the command prints (to standard error) when there is no Chromium to print with.</summary>
    public const string MissingChromium =
        "pack.pdf was not written: it is printed with Chromium, which is not installed; install Debian's chromium package " +
        "(apt-get install chromium) or set GOLDENTHREAD_CHROMIUM";

    /// <summary>The Chromium to print with: GOLDENTHREAD_CHROMIUM when set, else Debian's /usr/bin/chromium.</summary>
    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("GOLDENTHREAD_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static bool ChromiumInstalled => File.Exists(ChromiumPath);

    /// <summary>Prints <paramref name="html"/> to <paramref name="pdfPath"/>; returns how long it took.</summary>
    public static TimeSpan Print(string html, string pdfPath, string footer) => PrintAsync(html, pdfPath, footer).GetAwaiter().GetResult();

    private static async Task<TimeSpan> PrintAsync(string html, string pdfPath, string footer)
    {
        var clock = Stopwatch.StartNew();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync();
        // The page stands alone (styles inlined, no scripts, no requests), so it is loaded as it is, never from a URL.
        await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await page.PdfAsync(new PagePdfOptions
        {
            Path = pdfPath,
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
        return clock.Elapsed;
    }
}
