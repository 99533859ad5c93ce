using System.Globalization;
using System.Text;
using System.Text.Json;

namespace GoldenThread.Bench.Web;

/// <summary>One run as the driver records it: the result with the store, page, version ("before" or "after") and round.</summary>
public sealed record RunRecord(string Store, string Page, string Version, int Round, LoadResult Result);

/// <summary>
/// The before/after table: for each store and page, the median over rounds of each version's p50 and p99, and the ratio
/// after / before of those medians (below 1: the current version is faster).
/// </summary>
public static class Summary
{
    public const string Before = "before";
    public const string After = "after";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<RunRecord> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var records = new List<RunRecord>();
        while (reader.ReadLine() is { } line)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                records.Add(JsonSerializer.Deserialize<RunRecord>(line, Json)
                    ?? throw new FormatException($"Not a run record: {line}"));
            }
        }

        return records;
    }

    public sealed record Row(string Store, string Page, Cell? Before, Cell? After)
    {
        public double? P50Ratio => Before is { } b && After is { } a && b.P50Ms > 0 ? a.P50Ms / b.P50Ms : null;

        public double? P99Ratio => Before is { } b && After is { } a && b.P99Ms > 0 ? a.P99Ms / b.P99Ms : null;
    }

    /// <summary>One version of one page: medians over its rounds, and the totals of requests and errors.</summary>
    public sealed record Cell(int Rounds, double P50Ms, double P99Ms, double MaxP99Ms, int Requests, int Errors, double MaxSendLagP99Ms);

    /// <summary>Rows in the order the stores and pages first appear in the records.</summary>
    public static IReadOnlyList<Row> Rows(IEnumerable<RunRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return records
            .GroupBy(r => (r.Store, r.Page))
            .Select(g => new Row(g.Key.Store, g.Key.Page, CellOf(g, Before), CellOf(g, After)))
            .ToList();
    }

    private static Cell? CellOf(IEnumerable<RunRecord> runs, string version)
    {
        var results = runs.Where(r => r.Version == version).Select(r => r.Result).ToList();
        return results.Count == 0
            ? null
            : new Cell(
                results.Count,
                Percentile.Median(results.Select(r => r.P50Ms)),
                Percentile.Median(results.Select(r => r.P99Ms)),
                results.Max(r => r.P99Ms),
                results.Sum(r => r.Requests),
                results.Sum(r => r.Errors),
                results.Max(r => r.SendLagP99Ms));
    }

    /// <summary>The Markdown table, with a line after it on the goal (p99 under <paramref name="goalMs"/> after).</summary>
    public static string Markdown(IReadOnlyList<Row> rows, double goalMs)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var c = CultureInfo.InvariantCulture;
        string Ms(double v) => v.ToString(v < 10 ? "0.00" : "0.0", c);
        string Pair(Cell? cell) => cell is null ? "–" : $"{Ms(cell.P50Ms)} / {Ms(cell.P99Ms)} ms";
        string Ratio(double? r) => r is { } v ? v.ToString("0.00", c) : "–";
        string Count(Cell? cell) => cell is null ? "–" : $"{cell.Requests} ({cell.Errors})";

        var sb = new StringBuilder();
        sb.AppendLine("| store | page | before p50 / p99 | after p50 / p99 | after ÷ before p50 / p99 | requests before / after (errors) |");
        sb.AppendLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var row in rows)
        {
            sb.AppendLine(c, $"| {row.Store} | `{row.Page}` | {Pair(row.Before)} | {Pair(row.After)} | {Ratio(row.P50Ratio)} / {Ratio(row.P99Ratio)} | {Count(row.Before)} / {Count(row.After)} |");
        }

        sb.AppendLine();
        var afters = rows.Where(r => r.After is not null).ToList();
        var over = afters.Where(r => r.After!.P99Ms >= goalMs).ToList();
        var errors = rows.Sum(r => (r.Before?.Errors ?? 0) + (r.After?.Errors ?? 0));
        sb.AppendLine(over.Count == 0
            ? string.Create(c, $"Goal (after: p99 under {goalMs} ms at every page and store): met; worst after p99 {Ms(afters.Count == 0 ? 0 : afters.Max(r => r.After!.P99Ms))} ms.")
            : string.Create(c, $"Goal (after: p99 under {goalMs} ms): NOT met at {string.Join(", ", over.Select(r => $"{r.Store} {r.Page} ({Ms(r.After!.P99Ms)} ms)"))}."));
        if (errors > 0)
        {
            sb.AppendLine(c, $"Errors: {errors} requests did not end in 200; their latencies are in the percentiles, but the figures of those rows are suspect.");
        }

        var lag = rows.SelectMany(r => new[] { r.Before, r.After }).Where(x => x is not null).Select(x => x!.MaxSendLagP99Ms).DefaultIfEmpty(0).Max();
        sb.AppendLine(c, $"Load generator's own lateness (worst p99 of send time after schedule, included in every latency): {Ms(lag)} ms.");
        return sb.ToString();
    }
}
