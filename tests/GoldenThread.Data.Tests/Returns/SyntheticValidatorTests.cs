using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using GoldenThread.Data.Returns.Synthetic;
using Xunit.Abstractions;

namespace GoldenThread.Data.Tests.Returns;

/// <summary>
/// DfE's own 903 validation rules (Data to Insight's validator, kept unchanged in ../shared/tools/ssda903-validator) run
/// on synthetic returns of several sizes, seeds and year spans: no rule may flag anything, apart from faults of the
/// validator itself, each of which is allowed only for exactly the rows it wrongly flags (docs/returns.md, "What DfE's
/// rules say about them"). Needs Debian's python3-pandas and friends, which validate.sh installs with apt-get when
/// missing; if python cannot run, the test fails, it does not skip.
/// </summary>
public sealed partial class SyntheticValidatorTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "gt-dfe-903-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, true);
        }
    }

    // 2023 to 2025 are the years the validator has rulesets for; with four years written, 2023 is also checked
    // against the 2022 return (the cross-year rules), and with two only 2024 and 2025 are.
    [Theory]
    [InlineData(300, 3, 7)]
    [InlineData(600, 2, 1905)]
    [InlineData(1000, 4, 2024)]
    public void Validate_SyntheticReturns_NoRuleFlaggedButTheValidatorsOwnFaults(int children, int years, int seed)
    {
        SyntheticReturns.Write(_folder, children, years, seed);
        var root = Path.Combine(_folder, "ssda903");
        var csv = Path.Combine(_folder, "flags.csv");

        // 231 cannot run on 2025 data (it reads Header.UASC_STATUS, a column its own loader never makes): the README's
        // first named fault. The second, 1007 on a 29 February birthday, cannot arise: no child is born on one.
        var (exit, stdout, stderr) = Run("bash", Validator(), root, "--allow", "231", "--csv", csv);
        output.WriteLine(stdout);
        Assert.True(exit is 0 or 1, $"validate.sh could not run (exit {exit}): {stderr}\n{stdout}");

        var crashed = CrashedRules().Matches(stdout).Select(m => (Year: int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Rules: m.Groups[2].Value)).ToList();
        Assert.Equal(Enumerable.Range(Math.Max(2023, 2025 - years + 1), Math.Min(years, 3)), crashed.Select(c => c.Year));
        foreach (var (year, rules) in crashed)
        {
            Assert.True(rules == (year == 2025 ? "'231'" : ""), $"rules crashed on {year}: [{rules}]");
        }

        var expected = KnownFaults(root);
        var problems = new List<string>();
        foreach (var flag in File.ReadLines(csv).Skip(1).Select(Flag.Parse))
        {
            var key = (flag.Year, flag.Rule, flag.Table);
            if (!expected.TryGetValue(key, out var rows))
            {
                problems.Add($"{flag.Year} rule {flag.Rule} ({flag.Table}) flagged {flag.Rows} rows: {flag.Message}");
            }
            else if (rows != flag.Rows)
            {
                problems.Add($"{flag.Year} rule {flag.Rule} ({flag.Table}) flagged {flag.Rows} rows; its known fault explains {rows}: {flag.Message}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>
    /// The rows each fault of the validator flags in correct data, by (year, rule, table), counted from the files:
    /// <list type="bullet">
    /// <item>202 compares 2024/25's SEX (M, F) with 2023/24's (1, 2): every child in both years' Header differs.</item>
    /// <item>1001 and 1002 see only this year's and last year's episodes (their own notes say so), so a care leaver who
    /// left care before last year looks like one who was never looked after; 1001 also drops everyone 20 or over at
    /// 31 March from its totals and then flags them all, and loses episodes whose row number a short break shares.</item>
    /// <item>624 compares MC_DOB with last year's even when the young woman is now a care leaver only, whose MOTHER and
    /// MC_DOB must be blank (rules 628 and 612).</item>
    /// </list>
    /// </summary>
    private static Dictionary<(int, string, string), int> KnownFaults(string root)
    {
        var faults = new Dictionary<(int, string, string), int>();
        void Add(int year, string rule, string table, int rows)
        {
            if (rows > 0)
            {
                faults[(year, rule, table)] = rows;
            }
        }

        foreach (var year in Directory.GetDirectories(root).Select(d => int.Parse(Path.GetFileName(d), CultureInfo.InvariantCulture)).Where(y => y >= 2023))
        {
            var before = Path.Combine(root, (year - 1).ToString(CultureInfo.InvariantCulture));
            if (!Directory.Exists(before))
            {
                continue; // every rule that reads last year's return is skipped
            }

            var header = Table(root, year, "header");
            var headerBefore = Table(root, year - 1, "header");
            var end = new DateOnly(year, 3, 31);
            if (year == 2025) // the first year whose guide codes SEX as M, F, U
            {
                var earlier = headerBefore.Select(h => h["CHILD"]).ToHashSet();
                Add(year, "202", "Header", header.Count(h => earlier.Contains(h["CHILD"])));
            }

            var motherBefore = headerBefore.Where(h => h["MC_DOB"].Length > 0).Select(h => h["CHILD"]).ToHashSet();
            Add(year, "624", "Header", header.Count(h => h["MC_DOB"].Length == 0 && motherBefore.Contains(h["CHILD"])));

            var current = Table(root, year, "episodes");
            var previous = Table(root, year - 1, "episodes");
            var seen = current.Concat(previous).Select(e => e["CHILD"]).ToHashSet();
            var oc3 = Table(root, year, "oc3");
            Add(year, "1002", "OC3", oc3.Count(o => !seen.Contains(o["CHILD"])));
            var visible = VisibleTo1001(current, previous, header.Select(h => h["CHILD"]).ToHashSet());
            Add(year, "1001", "OC3", oc3.Count(o => !VisiblyRelevant(Date(o["DOB"])!.Value, visible[o["CHILD"]], end)));
        }

        return faults;
    }

    /// <summary>
    /// The episodes rule 1001 looks at: this year's and last year's tables put together, an episode in both counted once
    /// (the row that has its end), children in this year's Header only; then it leaves out short breaks (V3, V4) by
    /// row number, and since it does not renumber the rows of the two tables, it also drops any other episode that has
    /// the same row number as a short break in either table (a fault of the validator).
    /// </summary>
    private static ILookup<string, (DateOnly Start, DateOnly? End)> VisibleTo1001(
        List<Dictionary<string, string>> current, List<Dictionary<string, string>> previous, HashSet<string> inHeader)
    {
        var kept = current.Select((row, label) => (Label: label, Row: row))
            .Concat(previous.Select((row, label) => (Label: label, Row: row)))
            .GroupBy(x => (x.Row["CHILD"], x.Row["DECOM"]))
            .Select(g => g.FirstOrDefault(x => x.Row["DEC"].Length > 0, g.First()))
            .Where(x => inHeader.Contains(x.Row["CHILD"]))
            .ToList();
        var shortBreakRows = kept.Where(x => x.Row["LS"] is "V3" or "V4").Select(x => x.Label).ToHashSet();
        return kept.Where(x => !shortBreakRows.Contains(x.Label))
            .ToLookup(x => x.Row["CHILD"], x => (Date(x.Row["DECOM"])!.Value, Date(x.Row["DEC"])));
    }

    /// <summary>
    /// What rule 1001 asks of a relevant child: 13 weeks (91 days) looked after from age 14, some of it after 16 (an
    /// open episode counted to 31 March), and under 20 at 31 March: it drops everyone older from its totals and then
    /// flags them all (a fault of the validator).
    /// </summary>
    private static bool VisiblyRelevant(DateOnly birth, IEnumerable<(DateOnly Start, DateOnly? End)> episodes, DateOnly end)
    {
        if (birth.AddYears(20) <= end)
        {
            return false;
        }

        var spans = episodes.Select(e => (e.Start, End: e.End ?? end)).ToList();
        int Since(DateOnly from) => spans.Sum(s => Math.Max(0, s.End.DayNumber - (s.Start > from ? s.Start : from).DayNumber));
        return Since(birth.AddYears(14)) >= 91 && Since(birth.AddYears(16)) >= 1;
    }

    private static List<Dictionary<string, string>> Table(string root, int year, string table)
    {
        var lines = File.ReadAllLines(Path.Combine(root, year.ToString(CultureInfo.InvariantCulture), table + ".csv"));
        var columns = lines[0].Split(',');
        return [.. lines.Skip(1).Select(l => columns.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second))];
    }

    private static DateOnly? Date(string text) =>
        text.Length == 0 ? null : DateOnly.ParseExact(text, "dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Validator()
    {
        var script = Path.GetFullPath(Path.Combine(RepoFiles.Root, "..", "shared", "tools", "ssda903-validator", "validate.sh"));
        Assert.True(File.Exists(script), $"DfE's 903 validator is expected at {script} (../shared beside the repository)");
        return script;
    }

    private static (int Exit, string Stdout, string Stderr) Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + file);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(20)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("validate.sh did not finish within 20 minutes");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>One line of validate.sh's --csv: a rule that flagged rows in a year's table.</summary>
    private sealed record Flag(int Year, string Rule, string Table, int Rows, string Message)
    {
        public static Flag Parse(string line)
        {
            // year,rule,table,rows,children,message (the message may be quoted and hold commas)
            var parts = line.Split(',', 6);
            return new Flag(int.Parse(parts[0], CultureInfo.InvariantCulture), parts[1], parts[2], int.Parse(parts[3], CultureInfo.InvariantCulture), parts[5].Trim('"'));
        }
    }

    [GeneratedRegex(@"== collection year (\d{4}) .*? (?:\d+) crashed: \[([^\]]*)\]")]
    private static partial Regex CrashedRules();
}
