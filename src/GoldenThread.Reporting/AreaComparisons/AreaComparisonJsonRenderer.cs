using System.Text.Json;
using GoldenThread.Core;
using GoldenThread.Core.AreaComparisons;
using GoldenThread.Core.Statistics;

namespace GoldenThread.Reporting.AreaComparisons;

/// <summary>
/// Writes an area comparison as JSON: every figure with its interval and where the interval came from (given or
/// computed), each judgement with its reason, and each sentence. Suppressed figures are written as null with their
/// state, never with their counts. Keys are documented in docs/area-comparisons.md.
/// </summary>
public static class AreaComparisonJsonRenderer
{
    public static void Render(AreaComparisonResult result, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("method", "95% confidence interval: similar when the benchmark lies within the area's interval (edges included)");
        w.WriteStartArray("benchmarks");
        foreach (var b in result.Options.BenchmarkAreas)
        {
            w.WriteStringValue(b);
        }

        w.WriteEndArray();
        w.WriteString("focus", result.Options.FocusArea);
        w.WriteStartObject("disclosure");
        w.WriteNumber("threshold", result.Disclosure.Threshold);
        w.WriteString("marker", result.Disclosure.Marker);
        w.WriteString("footnote", result.Disclosure.Footnote);
        w.WriteEndObject();
        w.WriteStartArray("focusSentences");
        foreach (var s in result.FocusSentences)
        {
            w.WriteStringValue(s);
        }

        w.WriteEndArray();
        w.WriteStartArray("tables");
        foreach (var table in result.Tables)
        {
            WriteTable(w, table);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteTable(Utf8JsonWriter w, ComparisonTable table)
    {
        var ind = table.Indicator;
        w.WriteStartObject();
        w.WriteString("indicator", ind.Id);
        w.WriteString("title", ind.Title);
        w.WriteString("polarity", ind.Polarity switch
        {
            Polarity.HigherIsBetter => "higher-is-better",
            Polarity.LowerIsBetter => "lower-is-better",
            _ => "no-judgement",
        });
        w.WriteString("group", table.Group);
        w.WriteString("chart", AreaComparisonChart.Slug(table) + ".svg");
        w.WriteStartArray("benchmarks");
        foreach (var b in table.Benchmarks)
        {
            w.WriteStartObject();
            w.WriteString("area", b.Name);
            Number(w, "value", b.Value);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("rows");
        foreach (var row in table.Rows)
        {
            w.WriteStartObject();
            w.WriteString("area", row.Area);
            w.WriteString("state", row.State switch
            {
                FigureState.Shown => "shown",
                FigureState.NotPublished => "not-published",
                _ => "suppressed-small-count",
            });
            Number(w, "value", row.ShownValuePercent);
            var ci = row.ShownInterval95;
            Number(w, "lower", ci?.Lower);
            Number(w, "upper", ci?.Upper);
            w.WriteString("interval", ci switch
            {
                null => "none",
                { Provenance: IntervalProvenance.Computed } => "computed",
                _ => "given",
            });
            w.WriteString("intervalMethod", ci?.Method.ToString());
            if (row.State == FigureState.Shown && row.Figure.Numerator is { } r)
            {
                w.WriteNumber("numerator", r);
                w.WriteNumber("denominator", row.Figure.Denominator!.Value);
            }

            w.WriteString("note", row.ShownNote);
            w.WriteStartArray("comparisons");
            foreach (var c in row.Comparisons)
            {
                w.WriteStartObject();
                w.WriteString("benchmark", c.BenchmarkArea);
                Number(w, "benchmarkValue", c.Comparison.Benchmark.Value);
                w.WriteString("outcome", c.IsSelf ? "Self" : c.IsWiderBenchmark ? "WiderBenchmark" : c.Comparison.Outcome.ToString());
                w.WriteString("difference", c.Difference.ToString());
                w.WriteString("words", c.Words);
                w.WriteString("reason", c.Comparison.Reason);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteString("sentence", row.Sentence);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            w.WriteNumber(name, Math.Round(v, 6));
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
