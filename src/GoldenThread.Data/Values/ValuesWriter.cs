using System.Globalization;
using GoldenThread.Core.Judgements;
using GoldenThread.Core.Measures;

namespace GoldenThread.Data.Values;

/// <summary>Writes observations in the values file's long format (docs/formats.md), which <see cref="ValuesReader"/> reads back.</summary>
/// <remarks>
/// The benchmark, updated and supplied-judgement columns are written only when some observation has them, so a file of
/// figures derived from the returns stays as narrow as before while a council's own values keep everything they carry.
/// </remarks>
public static class ValuesWriter
{
    public static void WriteCsv(IEnumerable<Observation> observations, TextWriter writer)
    {
        var list = observations.ToList();
        var benchmarks = list.Any(o => o.Benchmarks is not null);
        var updated = list.Any(o => o.Updated is not null);
        var judgements = list.Any(o => o.SuppliedDirection is not null || o.SuppliedRag is not null);

        var header = new List<string> { "measure", "period", "value", "numerator", "denominator", "status", "note" };
        if (benchmarks)
        {
            header.AddRange(["england", "region", "sn_average", "quartile"]);
        }

        if (updated)
        {
            header.Add("updated");
        }

        if (judgements)
        {
            header.AddRange(["direction", "direction_reason", "rag", "rag_reason"]);
        }

        writer.Write(string.Join(',', header) + "\n");
        foreach (var o in list)
        {
            var fields = new List<string>
            {
                Field(o.MeasureId),
                Field(o.Period.Label),
                Number(o.Value),
                Number(o.Numerator),
                Number(o.Denominator),
                o.Status == ValueStatus.Provisional ? "provisional" : "final",
                Field(o.Note ?? ""),
            };
            if (benchmarks)
            {
                var b = o.Benchmarks;
                fields.AddRange([Number(b?.England), Number(b?.Region), Number(b?.StatisticalNeighbourAverage), b?.Quartile?.ToString(CultureInfo.InvariantCulture) ?? ""]);
            }

            if (updated)
            {
                fields.Add(o.Updated switch { true => "y", false => "n", null => "" });
            }

            if (judgements)
            {
                fields.AddRange(
                [
                    o.SuppliedDirection is { } d ? SuppliedJudgements.DirectionWords(d.Outcome) : "",
                    Field(o.SuppliedDirection?.Reason ?? ""),
                    o.SuppliedRag is { } g ? SuppliedJudgements.RagWords(g.Outcome).ToLowerInvariant() : "",
                    Field(o.SuppliedRag?.Reason ?? ""),
                ]);
            }

            writer.Write(string.Join(',', fields));
            writer.Write('\n');
        }
    }

    // "R" keeps every digit so that a value read back agrees with its counts.
    private static string Number(double? v) => v is { } x ? x.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string Field(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
