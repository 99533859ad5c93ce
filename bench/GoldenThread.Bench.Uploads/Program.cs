using System.Diagnostics;
using System.Globalization;
using System.Text;
using GoldenThread.Core.Measures;
using GoldenThread.Core.Plans;
using GoldenThread.Data.Plans;
using GoldenThread.Data.Values;
using GoldenThread.Store;
using GoldenThread.Store.Cycle;

// The preview of a values upload (issue 10: 5,000 rows in under a second): a generated plan of as many quarterly
// measures, one reporting period open in a SQLite store in a temporary folder (never the repository), half the figures
// already entered. Timed as medians against reading the same CSV alone.
// Usage: dotnet run -c Release --project bench/GoldenThread.Bench.Uploads -- [rows] [runs]
var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5_000;
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 11;
const string Workspace = "bench";
const string Quarter = "2022/23 Q3";

var folder = Path.Combine(Path.GetTempPath(), "goldenthread-bench-uploads", Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
try
{
    var connection = StoreConnection.ForSqliteFile(Path.Combine(folder, "store.db"));
    await StoreMigrator.MigrateAsync(connection);
    var yaml = PlanYaml(rows);
    Plan plan;
    using (var reader = new StringReader(yaml))
    {
        plan = PlanReader.Read(reader, "plan.yaml");
    }

    var officer = new Actor(null, "Bench officer", new WorkspaceAccess(WorkspaceRole.PerformanceOfficer, false, new HashSet<string>(), new HashSet<string>()));
    await using (var db = connection.CreateContext())
    {
        await new WorkspaceStore(db, TimeProvider.System).ImportAsync(new WorkspaceImport { WorkspaceId = Workspace, PlanYaml = yaml });
        var cycle = new CycleStore(db, TimeProvider.System);
        var opened = await cycle.OpenAsync(Workspace, CycleStore.ReportingPeriodOf(Quarter), DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30), plan,
            new Dictionary<string, (Observation, string)>(), officer);
        if (!opened.Succeeded)
        {
            throw new InvalidOperationException(opened.Message);
        }

        // Half the figures entered already, so the preview has new, changed and unchanged rows to tell apart.
        var (entered, _) = await cycle.ApplyUploadAsync(Workspace, "earlier.csv", Read(Csv(rows, firstHalfOnly: true, changed: false), plan), null, officer);
        if (!entered.Succeeded)
        {
            throw new InvalidOperationException(entered.Message);
        }
    }

    var csv = Csv(rows, firstHalfOnly: false, changed: true);
    Console.WriteLine($"{rows:N0} measures, {rows:N0} rows ({Encoding.UTF8.GetByteCount(csv) / 1024.0:N0} KB of CSV), SQLite in {folder}");

    double Baseline()
    {
        var sw = Stopwatch.StartNew();
        var read = Read(csv, plan);
        sw.Stop();
        return read.Count == rows ? sw.Elapsed.TotalMilliseconds : throw new InvalidOperationException("rows lost");
    }

    UploadPreview? last = null;
    double storeOnly = 0;
    double Preview()
    {
        var sw = Stopwatch.StartNew();
        var read = Read(csv, plan);
        var store = Stopwatch.StartNew();
        // A context per run, as each request has its own.
        using var db = connection.CreateContext();
        last = new CycleStore(db, TimeProvider.System).PreviewUploadAsync(Workspace, "q3.csv", read, officer).GetAwaiter().GetResult();
        store.Stop();
        sw.Stop();
        storeOnly = store.Elapsed.TotalMilliseconds;
        return sw.Elapsed.TotalMilliseconds;
    }

    for (var i = 0; i < 3; i++)
    {
        Baseline();
        Preview();
    }

    var baseline = new List<double>();
    var previews = new List<double>();
    var stores = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        GC.Collect();
        baseline.Add(Baseline());
        GC.Collect();
        previews.Add(Preview());
        stores.Add(storeOnly);
    }

    Console.WriteLine($"preview: {last!.Count(UploadRowKind.New):N0} new, {last.Count(UploadRowKind.Changed):N0} changed, {last.Count(UploadRowKind.Unchanged):N0} unchanged, {last.Errors.Count} problems");
    Console.WriteLine($"baseline, ValuesReader.ReadCsvRows alone: median {Median(baseline):F1} ms of {runs}");
    Console.WriteLine($"preview, read + CycleStore.PreviewUploadAsync: median {Median(previews):F1} ms of {runs} ({Median(previews) / Median(baseline):F1}x the baseline)");
    Console.WriteLine($"  of which PreviewUploadAsync (query the open periods and figures, compare): median {Median(stores):F1} ms");
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
}

static IReadOnlyList<ValuesRow> Read(string csv, Plan plan)
{
    using var reader = new StringReader(csv);
    return ValuesReader.ReadCsvRows(reader, "q3.csv", plan);
}

static double Median(List<double> xs)
{
    xs.Sort();
    return xs.Count % 2 == 1 ? xs[xs.Count / 2] : (xs[(xs.Count / 2) - 1] + xs[xs.Count / 2]) / 2;
}

// Every third measure is a percentage with its counts (the reader checks the value against them), the rest plain rates.
static string PlanYaml(int measures)
{
    var sb = new StringBuilder("plan: Upload benchmark\nla: 855\nyears: 2020-2024\nthemes:\n  - id: T1\n    title: Everything\n    outcomes:\n      - id: T1.O1\n        title: All measures\n        measures:\n");
    for (var i = 0; i < measures; i++)
    {
        sb.Append(CultureInfo.InvariantCulture, $"          - m{i}\n");
    }

    sb.Append("measures:\n");
    for (var i = 0; i < measures; i++)
    {
        sb.Append(CultureInfo.InvariantCulture, $"  - id: m{i}\n    title: Measure {i}\n    unit: {(i % 3 == 0 ? "percentage" : "count")}\n    polarity: higher-is-better\n    frequency: quarterly\n");
    }

    return sb.ToString();
}

// The first half as entered earlier; with changed, every other row of that half has a new value and the second half is new.
static string Csv(int measures, bool firstHalfOnly, bool changed)
{
    var sb = new StringBuilder("measure,period,value,numerator,denominator,status,note\n");
    for (var i = 0; i < (firstHalfOnly ? measures / 2 : measures); i++)
    {
        var bump = changed && i < measures / 2 && i % 2 == 0 ? 1 : 0;
        var line = i % 3 == 0
            ? $"m{i},2022/23 Q3,{(((i % 50) + bump) * 2).ToString(CultureInfo.InvariantCulture)},{((i % 50) + bump).ToString(CultureInfo.InvariantCulture)},50,final,\n"
            : $"m{i},2022/23 Q3,{(i + bump).ToString(CultureInfo.InvariantCulture)},,,provisional,quarter note {i.ToString(CultureInfo.InvariantCulture)}\n";
        sb.Append(line);
    }

    return sb.ToString();
}
