using System.Text.Encodings.Web;
using System.Text.Json;
using GoldenThread.Core.Dashboard;
using GoldenThread.Core.Judgements;
using GoldenThread.Core.Measures;
using GoldenThread.Core.Periods;

namespace GoldenThread.Reporting;

/// <summary>
/// Writes the dashboard as indented UTF-8 JSON with camelCase keys: every figure as held (not rounded), every judgement
/// with its reason, and null wherever a figure is absent. The keys are documented in docs/dashboard-json.md.
/// </summary>
/// <remarks>
/// Keys are written out one by one rather than by serialising the model, so the published shape does not change when a
/// core type gains a member, and absent figures are written as null rather than left out.
/// </remarks>
public static class DashboardJsonRenderer
{
    /// <summary>The value of the top-level <c>schemaVersion</c> key; raised when a key changes meaning or is removed.</summary>
    public const int SchemaVersion = 1;

    public static void Render(Dashboard dashboard, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        ArgumentNullException.ThrowIfNull(stream);

        // Relaxed escaping keeps "£", "–" and apostrophes readable; the output is a file, not inline HTML script.
        var options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using var w = new Utf8JsonWriter(stream, options);

        w.WriteStartObject();
        w.WriteNumber("schemaVersion", SchemaVersion);
        w.WriteString("plan", dashboard.PlanName);
        w.WriteString("council", dashboard.CouncilName);
        Int(w, "laNumber", dashboard.LaNumber);
        w.WriteString("region", dashboard.RegionName);
        w.WriteString("reportingPeriod", dashboard.ReportingPeriod.Label);
        PeriodLabel(w, "previousReportingPeriod", dashboard.PreviousReportingPeriod);
        w.WriteString("disclosureNote", dashboard.DisclosureNote);
        WriteOverview(w, dashboard.Overview);

        w.WriteStartArray("sections");
        foreach (var section in dashboard.Sections)
        {
            w.WriteStartObject();
            w.WriteString("themeId", section.ThemeId);
            w.WriteString("themeTitle", section.ThemeTitle);
            w.WriteStartArray("measures");
            foreach (var row in section.Rows)
            {
                WriteMeasure(w, row);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
    }

    private static void WriteOverview(Utf8JsonWriter w, OverviewCounts o)
    {
        w.WriteStartObject("overview");
        w.WriteNumber("withNewData", o.WithNewData);
        w.WriteNumber("improved", o.Improved);
        w.WriteNumber("noSignificantChange", o.NoSignificantChange);
        w.WriteNumber("declined", o.Declined);
        w.WriteNumber("noComparison", o.NoComparison);
        w.WriteNumber("changedWithoutPolarity", o.ChangedWithoutPolarity);
        w.WriteNumber("withNationalBenchmark", o.WithNationalBenchmark);
        w.WriteNumber("quartile1", o.Quartile1);
        w.WriteNumber("quartile2", o.Quartile2);
        w.WriteNumber("quartile3", o.Quartile3);
        w.WriteNumber("quartile4", o.Quartile4);
        w.WriteNumber("withNeighbourBenchmark", o.WithNeighbourBenchmark);
        w.WriteNumber("betterThanNeighbours", o.BetterThanNeighbours);
        w.WriteNumber("worseThanNeighbours", o.WorseThanNeighbours);
        w.WriteNumber("similarToNeighbours", o.SimilarToNeighbours);
        w.WriteNumber("differentFromNeighboursWithoutPolarity", o.DifferentFromNeighboursWithoutPolarity);
        w.WriteStartArray("sentences");
        foreach (var s in o.Sentences)
        {
            w.WriteStringValue(s);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteMeasure(Utf8JsonWriter w, DashboardRow row)
    {
        var m = row.Measure;
        w.WriteStartObject();
        w.WriteString("id", m.Id);
        w.WriteBoolean("suppressed", row.Suppressed);
        w.WriteString("title", m.Title);
        w.WriteString("laitCode", m.LaitCode);
        w.WriteString("outcomeId", row.OutcomeId);
        w.WriteString("outcomeTitle", row.OutcomeTitle);
        w.WriteString("unit", m.Unit.ToString());
        w.WriteString("polarity", DashboardFormatting.PolarityKey(m.Polarity));
        w.WriteNumber("decimals", m.DecimalPlaces);
        w.WriteBoolean("qualitative", m.Qualitative);
        w.WriteString("counts", m.Counts.Key());

        PeriodLabel(w, "period", row.Period);
        // "2024/25" is written the same for an academic and a financial year; the kind and the days say which.
        w.WriteString("periodKind", row.Period is { } pk ? PeriodKindKey(pk.Kind) : null);
        w.WriteString("periodStart", row.Period?.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("periodEnd", row.Period?.End.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteBoolean("outOfDate", row.OutOfDate);
        Number(w, "value", row.Value);
        Number(w, "numerator", row.Numerator);
        Number(w, "denominator", row.Denominator);
        w.WriteString("valueText", row.ValueText);
        w.WriteString("status", DashboardFormatting.StatusKey(row.Status));
        Bool(w, "updated", row.Updated);
        PeriodLabel(w, "previousPeriod", row.PreviousPeriod);
        Number(w, "previousValue", row.PreviousValue);

        w.WriteString("direction", DashboardFormatting.DirectionKey(row.Direction.Outcome));
        w.WriteString("directionReason", row.Direction.Reason);
        w.WriteString("directionMethod", DashboardFormatting.MethodKey(row.Direction.Method));
        Provenance(w, "directionProvenance", row.Direction.Provenance);

        w.WriteStartArray("trend");
        foreach (var p in row.Trend)
        {
            w.WriteStartObject();
            w.WriteString("period", p.Period.Label);
            Number(w, "value", p.Value);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteString("rag", DashboardFormatting.RagKey(row.Rag.Outcome));
        w.WriteString("ragReason", row.Rag.Reason);
        w.WriteString("ragMethod", DashboardFormatting.MethodKey(row.Rag.Method));
        Provenance(w, "ragProvenance", row.Rag.Provenance);
        w.WriteString("target", row.TargetText);
        PeriodLabel(w, "targetYear", row.TargetYear);

        Int(w, "rank", row.Rank);
        Int(w, "rankedCount", row.RankedCount);
        Int(w, "quartile", row.Quartile);
        Provenance(w, "quartileProvenance", row.QuartileProvenance);
        w.WriteString("quartileReason", row.QuartileReason);

        Number(w, "snAverage", row.StatisticalNeighbourAverage?.Value);
        Provenance(w, "snAverageProvenance", row.StatisticalNeighbourAverage?.Provenance);
        Int(w, "neighboursWithValues", row.NeighboursWithValues);
        w.WriteString("snComparison", DashboardFormatting.ComparisonKey(row.StatisticalNeighbourComparison.Outcome));
        w.WriteString("snComparisonReason", row.StatisticalNeighbourComparison.Reason);
        w.WriteString("snComparisonMethod", DashboardFormatting.MethodKey(row.StatisticalNeighbourComparison.Method));

        Number(w, "england", row.England?.Value);
        Provenance(w, "englandProvenance", row.England?.Provenance);
        Number(w, "region", row.Region?.Value);
        Provenance(w, "regionProvenance", row.Region?.Provenance);
        w.WriteString("regionName", row.RegionName);

        if (row.Trajectory is { } t)
        {
            w.WriteStartObject("trajectory");
            w.WriteString("baselinePeriod", t.BaselinePeriod.Label);
            Number(w, "baselineValue", t.BaselineValue);
            w.WriteString("targetYear", t.TargetYear.Label);
            Number(w, "targetValue", t.TargetValue);
            Number(w, "expectedNow", t.ExpectedNow);
            Number(w, "shareOfDistanceCovered", t.ShareOfDistanceCovered);
            w.WriteBoolean("onTrack", t.OnTrack);
            w.WriteString("reason", t.Reason);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("trajectory");
        }

        if (row.Gap is { } g)
        {
            w.WriteStartObject("gap");
            w.WriteString("period", g.Period.Label);
            Number(w, "gap", g.Gap);
            PeriodLabel(w, "previousPeriod", g.PreviousPeriod);
            Number(w, "previousGap", g.PreviousGap);
            w.WriteString("trend", g.Trend);
            w.WriteString("reason", g.Reason);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("gap");
        }

        w.WriteString("recentTrend", row.RecentTrend?.Words);
        w.WriteString("recentTrendReason", row.RecentTrend?.Reason);
        w.WriteString("note", row.Note);
        w.WriteEndObject();
    }

    // JSON has no NaN or infinity; a non-finite figure is no figure.
    private static void Number(Utf8JsonWriter w, string key, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            w.WriteNumber(key, GoldenThread.Core.Measures.MeasureUnit.Clean(v));
        }
        else
        {
            w.WriteNull(key);
        }
    }

    private static void Int(Utf8JsonWriter w, string key, int? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(key, v);
        }
        else
        {
            w.WriteNull(key);
        }
    }

    private static void Bool(Utf8JsonWriter w, string key, bool? value)
    {
        if (value is { } v)
        {
            w.WriteBoolean(key, v);
        }
        else
        {
            w.WriteNull(key);
        }
    }

    private static void PeriodLabel(Utf8JsonWriter w, string key, Period? period) => w.WriteString(key, period?.Label);

    private static void Provenance(Utf8JsonWriter w, string key, Provenance? provenance) =>
        w.WriteString(key, provenance is { } p ? DashboardFormatting.ProvenanceKey(p) : null);

    private static string PeriodKindKey(Core.Periods.PeriodKind kind) => kind switch
    {
        Core.Periods.PeriodKind.FinancialQuarter => "financial-quarter",
        Core.Periods.PeriodKind.FinancialYear => "financial-year",
        Core.Periods.PeriodKind.AcademicYear => "academic-year",
        Core.Periods.PeriodKind.CalendarYear => "calendar-year",
        Core.Periods.PeriodKind.Month => "month",
        Core.Periods.PeriodKind.Snapshot => "snapshot",
        _ => "multi-year",
    };
}
