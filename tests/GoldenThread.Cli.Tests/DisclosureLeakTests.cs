using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace GoldenThread.Cli.Tests;

/// <summary>
/// Nothing withheld may leak through another field (issue 12): every output the command writes (dashboard.html,
/// dashboard.json, every part of dashboard.xlsx, the text of report.docx) is searched for every withheld figure in each
/// form it is printed in. The same report with disclosure control off (<c>--disclosure-threshold 0</c>) must show each
/// figure in at least one of those forms, so the search is known to look in the right places.
/// </summary>
public class DisclosureLeakTests
{
    /// <summary>
    /// A plan made to have small counts in every place a figure can travel: a value with its count and a note quoting
    /// both, a previous value, a count, a rate, an average resting on two children, a gap resting on a small group, an
    /// annual series with a small year inside the recent trend's five, and a small count of staff (which is shown).
    /// </summary>
    private const string Plan = """
        plan: Disclosure test plan
        council: Testshire
        years: 2014-2016
        themes:
          - id: T1
            title: Safe
            outcomes:
              - id: O1
                title: Children are safe
                measures: [cp-2yrs, prev-small, count-small, rate-small, days-avg, ks2-cla, ks2-all, ks2-gap, repeat-cp, staff-vac]
        measures:
          - id: cp-2yrs
            title: Child protection plans lasting two years or more
            unit: percentage
            polarity: lower-is-better
            decimals: 2
            targets:
              2015/16: 1
          - id: prev-small
            title: Re-referrals within 12 months
            unit: percentage
            polarity: lower-is-better
            decimals: 2
          - id: count-small
            title: Children missing education
            unit: count
            polarity: lower-is-better
            decimals: 0
            targets:
              2015/16: 10
          - id: rate-small
            title: Children in custody per 10,000
            unit: rate per 10000
            polarity: lower-is-better
            decimals: 2
          - id: days-avg
            title: Average days from care to adoption
            unit: days
            polarity: lower-is-better
            decimals: 1
          - id: ks2-cla
            title: KS2 expected standard, children looked after
            unit: percentage
            polarity: higher-is-better
            frequency: academic-year
          - id: ks2-all
            title: KS2 expected standard, all pupils
            unit: percentage
            polarity: higher-is-better
            frequency: academic-year
          - id: ks2-gap
            title: KS2 gap, children looked after against all pupils
            unit: percentage
            polarity: higher-is-better
            gap:
              group: ks2-cla
              comparison: ks2-all
          - id: repeat-cp
            title: Repeat child protection plans
            unit: percentage
            polarity: lower-is-better
            frequency: financial-year
            decimals: 2
          - id: staff-vac
            title: Social worker vacancies
            unit: count
            counts: staff
            polarity: lower-is-better
            decimals: 0
        """;

    private const string Values = """
        measure,period,value,numerator,denominator,note
        cp-2yrs,2015/16 Q2,,40,350,
        cp-2yrs,2015/16 Q3,,2,347,"Q3: 0.58% (2), 2 of 347 children"
        prev-small,2015/16 Q2,,3,371,
        prev-small,2015/16 Q3,,44,377,"up from 0.81% (3/371)"
        count-small,2015/16 Q2,27,,,
        count-small,2015/16 Q3,3,,,"3 children, was 27"
        rate-small,2015/16 Q3,,4,23456,
        days-avg,2015/16 Q3,,825,2,
        ks2-cla,2014/15,,2,9,
        ks2-all,2014/15,,6123,9876,
        repeat-cp,2010/11,,120,400,
        repeat-cp,2011/12,,126,410,
        repeat-cp,2012/13,,4,415,
        repeat-cp,2013/14,,140,420,
        repeat-cp,2014/15,,150,430,"after 0.96% in 2012/13"
        staff-vac,2015/16 Q3,2,,,"2 posts"
        """;

    /// <summary>
    /// Each withheld figure and the forms it is printed in, worked out by hand from the values above: the value at the
    /// measure's decimal places (guarded so 0.58% does not match 10.58%), its leading digits as a raw number (JSON and
    /// XLSX cells hold full precision), and its count with its denominator.
    /// </summary>
    public static TheoryData<string, string[]> Withheld => new()
    {
        // 2 / 347 × 100 = 0.576368876…
        { "cp-2yrs 2015/16 Q3", [@"(?<![\d.])0\.58%", @"0\.57636887", @"\b2 of 347\b", @"\b2/347\b", @"0\.58% \(2\)"] },
        // 3 / 371 × 100 = 0.808625336…
        { "prev-small 2015/16 Q2", [@"(?<![\d.])0\.81%", @"0\.80862533", @"\b3/371\b", @"\b3 of 371\b"] },
        // 4 / 23456 × 10000 = 1.705320600…
        { "rate-small 2015/16 Q3", [@"(?<![\d.])1\.71(?![\d%])", @"1\.7053206", @"\b4 in 23"] },
        // 825 / 2 = 412.5 days
        { "days-avg 2015/16 Q3", [@"412\.5"] },
        // 2 / 9 × 100 = 22.2222…%
        { "ks2-cla 2014/15", [@"(?<![\d.])22\.2%", @"22\.2222", @"\b2/9\b", @"\b2 of 9\b"] },
        // 2/9 − 6123/9876 = 22.2222… − 61.9987849… = −39.7765627… percentage points
        { "ks2-gap 2014/15", [@"39\.8 pp", @"39\.776562"] },
        // 4 / 415 × 100 = 0.963855421…
        { "repeat-cp 2012/13", [@"(?<![\d.])0\.96%", @"0\.96385542", @"\b4/415\b"] },
    };

    private static readonly Lazy<(string Published, string Internal)> Outputs = new(() =>
    {
        var dir = CliRunner.TempDirectory();
        File.WriteAllText(Path.Combine(dir, "plan.yaml"), Plan);
        File.WriteAllText(Path.Combine(dir, "values.csv"), Values);
        string Run(string threshold)
        {
            var outDir = Path.Combine(dir, "out-" + threshold);
            var result = CliRunner.Run("report", "--plan", Path.Combine(dir, "plan.yaml"), "--data", Path.Combine(dir, "values.csv"),
                "--period", "2015/16 Q3", "--disclosure-threshold", threshold, "--out", outDir);
            Assert.True(result.ExitCode == 0, result.Error + result.Output);
            return outDir;
        }

        return (Run("5"), Run("0"));
    });

    [Theory]
    [MemberData(nameof(Withheld))]
    public void Report_SmallCounts_NoWithheldFigureInAnyOutput(string figure, string[] forms)
    {
        var (published, shownInternally) = Outputs.Value;

        var internalText = AllText(shownInternally);
        Assert.True(forms.Any(f => Regex.IsMatch(internalText, f)), $"{figure}: with disclosure control off, none of its forms appears: the search would prove nothing");
        foreach (var (file, text) in Texts(published))
        {
            foreach (var form in forms)
            {
                var match = Regex.Match(text, form);
                Assert.False(match.Success, $"{figure} leaks into {file} as '{match.Value}' …{Around(text, match.Index)}…");
            }
        }
    }

    [Fact]
    public void Report_SmallCounts_EveryNoteQuotingAWithheldFigureIsWithheld()
    {
        var json = Json(Outputs.Value.Published);

        Assert.StartsWith("Not shown", Measure(json, "cp-2yrs").GetProperty("note").GetString());
        Assert.StartsWith("Not shown", Measure(json, "prev-small").GetProperty("note").GetString());
        Assert.StartsWith("Not shown", Measure(json, "count-small").GetProperty("note").GetString());
        Assert.StartsWith("Not shown", Measure(json, "repeat-cp").GetProperty("note").GetString());
        Assert.DoesNotContain("3 children", AllText(Outputs.Value.Published));
    }

    [Fact]
    public void Report_SmallCountMeasure_ValueAndTrendWithheldInJsonAndWorkbook()
    {
        var json = Json(Outputs.Value.Published);
        var count = Measure(json, "count-small");

        Assert.Equal("*", count.GetProperty("valueText").GetString());
        Assert.Equal(JsonValueKind.Null, count.GetProperty("value").ValueKind);
        Assert.DoesNotContain(count.GetProperty("trend").EnumerateArray(), p => p.GetProperty("value").GetDouble() == 3);
        // In the workbook, the count's row on the Dashboard sheet shows the marker and no 3.
        var row = WorkbookRowOf(Outputs.Value.Published, "Children missing education");
        Assert.Contains("*", row);
        Assert.DoesNotContain(">3<", row);
    }

    [Fact]
    public void Report_SmallRecentTrendPoint_TrendNumbersWithheld()
    {
        var published = Measure(Json(Outputs.Value.Published), "repeat-cp");
        var shown = Measure(Json(Outputs.Value.Internal), "repeat-cp");

        Assert.Contains("χ²", shown.GetProperty("recentTrendReason").GetString());
        Assert.DoesNotContain("χ²", published.GetProperty("recentTrendReason").GetString());
        Assert.Equal(4, published.GetProperty("trend").GetArrayLength());
    }

    [Fact]
    public void Report_SmallCountOfStaff_IsShown()
    {
        var staff = Measure(Json(Outputs.Value.Published), "staff-vac");

        Assert.False(staff.GetProperty("suppressed").GetBoolean());
        Assert.Equal(2, staff.GetProperty("value").GetDouble());
        Assert.Equal("2 posts", staff.GetProperty("note").GetString());
        Assert.Equal("staff", staff.GetProperty("counts").GetString());
    }

    /// <summary>The bundled Q3 2015/16 sample: "0.59% (2)" and "5% (5)" (child protection plans of two years) nowhere.</summary>
    [Fact]
    public void Report_Q3Sample_TheTwoWithheldFiguresAppearNowhere()
    {
        var outDir = CliRunner.TempDirectory();
        var result = CliRunner.Run("report", "--sample", "leicestershire-2015-16-q3", "--out", outDir);
        Assert.True(result.ExitCode == 0, result.Error + result.Output);

        foreach (var (file, text) in Texts(outDir))
        {
            foreach (var form in new[] { @"(?<![\d.])0\.59%", @"0\.58% \(2", @"\(2 cases\)", @"(?<![\d.])5% \(5\)" })
            {
                var match = Regex.Match(text, form);
                Assert.False(match.Success, $"{file}: '{match.Value}' …{Around(text, match.Index)}…");
            }
        }
    }

    private static JsonElement Json(string dir) => JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "dashboard.json"))).RootElement;

    private static JsonElement Measure(JsonElement dashboard, string id) =>
        dashboard.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("measures").EnumerateArray())
            .Single(m => m.GetProperty("id").GetString() == id);

    private static string AllText(string dir) => string.Join("\n", Texts(dir).Select(t => t.Text));

    /// <summary>
    /// Every output as text: the HTML and JSON as written (attributes, chart labels and all), every XML part of the
    /// workbook (shared strings and the numbers in its cells), and the Word report's text with its runs joined.
    /// </summary>
    private static IEnumerable<(string File, string Text)> Texts(string dir)
    {
        yield return ("dashboard.html", File.ReadAllText(Path.Combine(dir, "dashboard.html")));
        yield return ("dashboard.json", File.ReadAllText(Path.Combine(dir, "dashboard.json")));
        using (var xlsx = ZipFile.OpenRead(Path.Combine(dir, "dashboard.xlsx")))
        {
            foreach (var part in xlsx.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
            {
                using var reader = new StreamReader(part.Open(), Encoding.UTF8);
                yield return ("dashboard.xlsx:" + part.FullName, reader.ReadToEnd());
            }
        }

        using var docx = ZipFile.OpenRead(Path.Combine(dir, "report.docx"));
        var text = new StringBuilder();
        foreach (var part in docx.Entries.Where(e => e.FullName.StartsWith("word/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(part.Open(), Encoding.UTF8);
            // Paragraph ends become line breaks; the text of runs within a paragraph is joined as Word shows it.
            var xml = reader.ReadToEnd().Replace("</w:p>", "\n", StringComparison.Ordinal);
            text.Append(System.Net.WebUtility.HtmlDecode(Regex.Replace(xml, "<[^>]+>", ""))).Append('\n');
        }

        yield return ("report.docx", text.ToString());
    }

    /// <summary>The XML of the Dashboard sheet's row whose cells include <paramref name="title"/>.</summary>
    private static string WorkbookRowOf(string dir, string title)
    {
        using var xlsx = ZipFile.OpenRead(Path.Combine(dir, "dashboard.xlsx"));
        string Read(string name)
        {
            using var reader = new StreamReader(xlsx.GetEntry(name)!.Open(), Encoding.UTF8);
            return reader.ReadToEnd();
        }

        var strings = Regex.Matches(Read("xl/sharedStrings.xml"), "<(?:x:)?si>(.*?)</(?:x:)?si>", RegexOptions.Singleline)
            .Select(m => Regex.Replace(m.Groups[1].Value, "<[^>]+>", "")).ToList();
        var index = strings.IndexOf(title);
        Assert.True(index >= 0, $"'{title}' is not in the workbook");
        var sheet = Read("xl/worksheets/sheet1.xml");
        var row = Regex.Matches(sheet, "<x:row.*?</x:row>|<row.*?</row>", RegexOptions.Singleline)
            .Select(m => m.Value)
            .First(r => Regex.IsMatch(r, $"t=\"s\"[^>]*>(<x:v>|<v>){index}(</x:v>|</v>)"));
        // Shared-string cells point at their strings: show them as text, so the marker can be seen.
        return Regex.Replace(row, "(t=\"s\"[^>]*>)(<x:v>|<v>)(\\d+)(</x:v>|</v>)", m => m.Groups[1].Value + ">" + strings[int.Parse(m.Groups[3].Value)] + "<");
    }

    private static string Around(string text, int index) =>
        text.Substring(Math.Max(0, index - 80), Math.Min(160, text.Length - Math.Max(0, index - 80))).ReplaceLineEndings(" ");
}
