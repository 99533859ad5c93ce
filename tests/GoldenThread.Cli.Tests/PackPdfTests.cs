using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace GoldenThread.Cli.Tests;

/// <summary>
/// pack.pdf as a committee clerk gets it, read with Debian's poppler-utils (scripts/browser.sh installs them with
/// Chromium): tagged, A4, fonts embedded, Appendix A's figures those of dashboard.json; its pages turned into PNG images
/// under test-artifacts/pack/ to look at. And without Chromium: no PDF, one plain line saying what to install, exit 0.
/// </summary>
public sealed partial class PackPdfTests
{
    private const string Sample = "leicestershire-2015-16-q3";

    [Fact]
    public void Pack_Q3_PdfIsTaggedA4WithEmbeddedFontsAndTheFiguresOfDashboardJson()
    {
        var outDir = CliRunner.TempDirectory();
        var report = CliRunner.Run("report", "--sample", Sample, "--out", outDir);
        Assert.True(report.ExitCode == 0, report.Error + report.Output);
        var pack = CliRunner.Run("pack", "--sample", Sample, "--out", outDir);
        Assert.True(pack.ExitCode == 0, pack.Error + pack.Output);
        Assert.True(pack.Error.Length == 0, "Chromium is needed for this test (scripts/browser.sh installs it): " + pack.Error);
        var pdf = Path.Combine(outDir, "pack.pdf");
        Assert.Contains("wrote " + pdf, pack.Output);

        // Tagged for accessibility, every page A4: the covering report portrait, the appendices landscape.
        var info = Tool("pdfinfo", "-l", "1000", pdf);
        Assert.Matches(@"(?m)^Tagged:\s+yes$", info);
        var pages = int.Parse(Regex.Match(info, @"(?m)^Pages:\s+(\d+)$").Groups[1].Value, CultureInfo.InvariantCulture);
        var sizes = Regex.Matches(info, @"(?m)^Page\s+\d+ size:\s+(.*)$").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(pages, sizes.Count);
        Assert.All(sizes, s => Assert.Matches(@"^(59[45](\.\d+)? x 84[12](\.\d+)?|84[12](\.\d+)? x 59[45](\.\d+)?) pts \(A4\)$", s));
        Assert.StartsWith("59", sizes[0]);
        Assert.Contains(sizes, s => s.StartsWith("84", StringComparison.Ordinal));

        // Every font embedded: pdffonts' columns after the name and type are encoding, emb, sub, uni, object, generation.
        var fonts = Tool("pdffonts", pdf).Split('\n').SkipWhile(l => !l.StartsWith("---", StringComparison.Ordinal)).Skip(1)
            .Where(l => l.Trim().Length > 0).ToList();
        Assert.NotEmpty(fonts);
        Assert.All(fonts, f => Assert.Matches(@"\s+yes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$", f));

        // The pages as images, kept as the test's artefacts.
        var artifacts = Path.Combine(CliRunner.RepositoryRoot, "test-artifacts", "pack");
        Directory.CreateDirectory(artifacts);
        foreach (var old in Directory.GetFiles(artifacts, "q3-*.png"))
        {
            File.Delete(old);
        }

        Tool("pdftoppm", "-r", "50", "-png", pdf, Path.Combine(artifacts, "q3"));
        Assert.Equal(pages, Directory.GetFiles(artifacts, "q3-*.png").Length);

        var text = Tool("pdftotext", "-layout", pdf, "-");
        AssertAppendixAHasTheFiguresOf(text, Path.Combine(outDir, "dashboard.json"));
        AssertAppendixCHasTheNcmpFigures(text);
    }

    /// <summary>
    /// pack.docx as a clerk's word processor lays it out: converted to PDF by LibreOffice (Debian's
    /// libreoffice-writer-nogui; scripts/browser.sh installs it), A4 pages, the report portrait and the appendices
    /// landscape, Appendix A's figures those of dashboard.json on their rows; its pages kept as PNG images under
    /// test-artifacts/pack-docx/ to look at.
    /// </summary>
    [Fact]
    public void Pack_Q3_DocxLaidOutByLibreOfficeHasA4PagesAndTheFiguresOfDashboardJson()
    {
        var outDir = CliRunner.TempDirectory();
        var report = CliRunner.Run("report", "--sample", Sample, "--out", outDir);
        Assert.True(report.ExitCode == 0, report.Error + report.Output);
        // The DOCX alone is under test: no Chromium print.
        var pack = CliRunner.RunWithEnvironment(
            new Dictionary<string, string> { ["GOLDENTHREAD_CHROMIUM"] = Path.Combine(outDir, "no-chromium-here") },
            "pack", "--sample", Sample, "--out", outDir);
        Assert.True(pack.ExitCode == 0, pack.Error + pack.Output);

        var converted = Path.Combine(outDir, "libreoffice");
        Directory.CreateDirectory(converted);
        // A profile of its own, so that a LibreOffice already running for the user neither takes the job nor is changed.
        Tool("soffice", "-env:UserInstallation=file://" + Path.Combine(outDir, "libreoffice-profile"), "--headless",
            "--convert-to", "pdf", "--outdir", converted, Path.Combine(outDir, "pack.docx"));
        var pdf = Path.Combine(converted, "pack.pdf");
        Assert.True(File.Exists(pdf), "LibreOffice wrote no PDF");

        var info = Tool("pdfinfo", "-l", "1000", pdf);
        var sizes = Regex.Matches(info, @"(?m)^Page\s+\d+ size:\s+(.*)$").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(sizes);
        Assert.All(sizes, s => Assert.Matches(@"^(59[45](\.\d+)? x 84[12](\.\d+)?|84[12](\.\d+)? x 59[45](\.\d+)?) pts \(A4\)$", s));
        Assert.StartsWith("59", sizes[0]);
        Assert.StartsWith("84", sizes[^1]);

        var artifacts = Path.Combine(CliRunner.RepositoryRoot, "test-artifacts", "pack-docx");
        Directory.CreateDirectory(artifacts);
        foreach (var old in Directory.GetFiles(artifacts, "q3-*.png"))
        {
            File.Delete(old);
        }

        Tool("pdftoppm", "-r", "50", "-png", pdf, Path.Combine(artifacts, "q3"));
        Assert.Equal(sizes.Count, Directory.GetFiles(artifacts, "q3-*.png").Length);

        var text = Tool("pdftotext", "-layout", pdf, "-");
        AssertAppendixAHasTheFiguresOf(text, Path.Combine(outDir, "dashboard.json"));
        AssertAppendixCHasTheNcmpFigures(text);
    }

    /// <summary>
    /// Appendix C as laid out on the page: each table's block (from its caption to the next table's) has a line per
    /// area with the per cent and the 95% limits of data.csv ("x" where the source prints x), and the key figures read
    /// as seed 001's paragraph 26.
    /// </summary>
    private static void AssertAppendixCHasTheNcmpFigures(string text)
    {
        var flat = Regex.Replace(text, @"\s+", " ");
        Assert.Contains(PackCommandTests.SeedReceptionSentence, flat);
        Assert.Contains(PackCommandTests.SeedYear6Sentence, flat);

        var appendix = text[text.LastIndexOf("Appendix C: Comparisons of areas", StringComparison.Ordinal)..];
        var figures = PackCommandTests.NcmpFigures();
        var captions = figures.Select(f => f.Caption).Distinct().ToList();
        var checkedRows = 0;
        for (var i = 0; i < captions.Count; i++)
        {
            var start = appendix.IndexOf(captions[i] + "\n", StringComparison.Ordinal);
            Assert.True(start >= 0, $"no table headed '{captions[i]}'");
            var end = i + 1 < captions.Count ? appendix.IndexOf(captions[i + 1] + "\n", start, StringComparison.Ordinal) : appendix.Length;
            var block = appendix[start..end];
            foreach (var f in figures.Where(f => f.Caption == captions[i]))
            {
                var line = $@"(?m)^\s*{Regex.Escape(f.Area)}\s+{Regex.Escape(f.Value ?? "x")}\s+{Regex.Escape(f.Lower ?? "x")}\s+{Regex.Escape(f.Upper ?? "x")}\s";
                Assert.True(Regex.IsMatch(block, line), $"{f.Caption}, {f.Area}: expected {f.Value ?? "x"} ({f.Lower ?? "x"} to {f.Upper ?? "x"}) on one line");
                checkedRows++;
            }
        }

        Assert.Equal(110, checkedRows);
    }

    /// <summary>
    /// Appendix A's figures in a PDF's laid-out text: for ten measures whose titles start uniquely, the line that starts
    /// the measure's row carries the value dashboard.json gives, at the measure's decimal places.
    /// </summary>
    private static void AssertAppendixAHasTheFiguresOf(string text, string dashboardJson)
    {
        var appendixA = AppendixText(text, "A");
        using var json = JsonDocument.Parse(File.ReadAllText(dashboardJson));
        var measures = json.RootElement.GetProperty("sections").EnumerateArray()
            .SelectMany(s => s.GetProperty("measures").EnumerateArray()).ToList();
        var lines = appendixA.Split('\n');
        var checkedRows = 0;
        foreach (var m in measures.Where(m => m.GetProperty("value").ValueKind == JsonValueKind.Number))
        {
            var title = m.GetProperty("title").GetString()!;
            var start = string.Join(' ', title.Split(' ').Take(3));
            if (measures.Count(o => o.GetProperty("title").GetString()!.StartsWith(start, StringComparison.Ordinal)) != 1)
            {
                continue; // another measure's title starts the same way: the line would not say which row it is
            }

            var line = lines.Where(l => l.Contains(start, StringComparison.Ordinal)).ToList();
            Assert.True(line.Count == 1, $"{title}: expected one line of Appendix A to start the row, found {line.Count}");
            var valueText = m.GetProperty("valueText").GetString()!;
            Assert.True(line[0].Contains(valueText, StringComparison.Ordinal), $"{title}: '{valueText}' not on its row: {line[0]}");

            // The text is the JSON's number at the measure's decimal places.
            var figure = Regex.Match(valueText, @"-?[\d,]+(\.\d+)?").Value.Replace(",", "", StringComparison.Ordinal);
            var decimals = m.GetProperty("decimals").GetInt32();
            Assert.Equal(Math.Round(m.GetProperty("value").GetDouble(), decimals), double.Parse(figure, CultureInfo.InvariantCulture), 9);
            if (++checkedRows == 10)
            {
                break;
            }
        }

        Assert.Equal(10, checkedRows);
    }

    [Fact]
    public void Pack_WithoutChromium_WritesDocxAndXlsxSaysWhatToInstallAndExitsZero()
    {
        var outDir = CliRunner.TempDirectory();
        var result = CliRunner.RunWithEnvironment(
            new Dictionary<string, string> { ["GOLDENTHREAD_CHROMIUM"] = Path.Combine(outDir, "no-chromium-here") },
            "pack", "--sample", Sample, "--out", outDir);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            "pack.pdf was not written: it is printed with Chromium, which is not installed; install Debian's chromium package " +
            "(apt-get install chromium) or set GOLDENTHREAD_CHROMIUM\n",
            result.Error.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(outDir, "pack.docx")));
        Assert.True(File.Exists(Path.Combine(outDir, "pack.xlsx")));
        Assert.False(File.Exists(Path.Combine(outDir, "pack.pdf")));
        Assert.DoesNotContain("pack.pdf", result.Output);
    }

    /// <summary>The text of one appendix: from its heading ("Appendix A: …") to the next appendix's heading.</summary>
    private static string AppendixText(string text, string letter)
    {
        var start = Regex.Match(text, $@"(?m)^[ \t\f]*(Appendix {letter}): ");
        Assert.True(start.Success, $"no heading 'Appendix {letter}:' in the PDF's text");
        var rest = text[(start.Groups[1].Index + 1)..];
        var next = Regex.Match(rest, @"(?m)^[ \t\f]*Appendix [A-Z]: ");
        return next.Success ? rest[..next.Index] : rest;
    }

    private static string Tool(string name, params string[] args)
    {
        var start = new ProcessStartInfo(name) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{name} is not installed (scripts/browser.sh installs poppler-utils and LibreOffice)", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"{name} failed: {error.Result}");
            return output.Result;
        }
    }
}
