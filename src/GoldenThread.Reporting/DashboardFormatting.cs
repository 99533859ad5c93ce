using System.Globalization;
using GoldenThread.Core;
using GoldenThread.Core.Dashboard;
using GoldenThread.Core.Judgements;
using GoldenThread.Core.Measures;

namespace GoldenThread.Reporting;

/// <summary>
/// The words every renderer uses for judgements, flags and missing figures, so the HTML page, the workbook and the
/// JSON say the same thing. "Words" are for people (sentence case); "keys" are the lower-case forms the JSON carries.
/// </summary>
public static class DashboardFormatting
{
    /// <summary>Shown where a figure is missing or suppressed (an en dash, as the committee dashboard does).</summary>
    public const string MissingMark = "\u2013";

    /// <summary>The superscript marker for a figure supplied in the council's own file rather than computed from LAIT.</summary>
    public const string SuppliedMark = "s";

    /// <summary>The marker for a provisional value.</summary>
    public const string ProvisionalMark = "p";

    public static string DirectionWords(Direction direction) => direction switch
    {
        Direction.Improved => "Improved",
        Direction.NoSignificantChange => "No significant change",
        Direction.Declined => "Declined",
        Direction.Higher => "Higher",
        Direction.Lower => "Lower",
        _ => "No comparison",
    };

    public static string DirectionKey(Direction direction) => DirectionWords(direction).ToLowerInvariant();

    public static string RagWords(Rag rag) => rag switch
    {
        Rag.Red => "Red",
        Rag.Amber => "Amber",
        Rag.Green => "Green",
        _ => "No rating",
    };

    /// <summary>What a rating means, for the key under every dashboard.</summary>
    public static string RagMeaning(Rag rag) => rag switch
    {
        Rag.Green => "meets the target",
        Rag.Amber => "within tolerance of the target",
        Rag.Red => "misses the target by more than the tolerance",
        _ => "no target that can be rated, or no value to rate",
    };

    public const string MissingMeaning = "no figure: missing, suppressed or not applicable";

    public const string SuppliedMeaning = "supplied in the council's own data, not computed (a benchmark not computed from all councils' published data, or a judgement whose inputs were not given)";

    public const string ProvisionalMeaning = "provisional value";

    public const string QuartileMeaning = "national quartile, 1 is the best quarter of councils";

    /// <summary><c>red</c>, <c>amber</c>, <c>green</c>; null for no rating (the JSON says "absent", not a fourth colour).</summary>
    public static string? RagKey(Rag rag) => rag == Rag.None ? null : RagWords(rag).ToLowerInvariant();

    public static string ComparisonWords(Comparison comparison) => comparison switch
    {
        Comparison.Better => "Better",
        Comparison.Similar => "Similar",
        Comparison.Worse => "Worse",
        Comparison.Higher => "Higher",
        Comparison.Lower => "Lower",
        _ => "Not available",
    };

    public static string? ComparisonKey(Comparison comparison) =>
        comparison == Comparison.NotAvailable ? null : ComparisonWords(comparison).ToLowerInvariant();

    public static string MethodKey(JudgementMethod method) => method switch
    {
        JudgementMethod.Tolerance => "tolerance",
        JudgementMethod.Significance => "significance",
        JudgementMethod.Exact => "exact",
        JudgementMethod.Supplied => "supplied",
        _ => "not applicable",
    };

    /// <summary>
    /// The names of the figures and judgements on a row that were supplied in the council's own data rather than computed
    /// (the workbook's "Supplied" column and every list of what is marked <see cref="SuppliedMark"/>).
    /// </summary>
    public static IReadOnlyList<string> SuppliedItems(DashboardRow row)
    {
        var supplied = new List<string>();
        if (row.Direction.Method == JudgementMethod.Supplied)
        {
            supplied.Add("direction of travel");
        }

        if (row.Rag.Method == JudgementMethod.Supplied)
        {
            supplied.Add("RAG");
        }

        if (row.StatisticalNeighbourAverage?.Provenance == Provenance.Supplied)
        {
            supplied.Add("statistical neighbour average");
        }

        if (row.England?.Provenance == Provenance.Supplied)
        {
            supplied.Add("England");
        }

        if (row.Region?.Provenance == Provenance.Supplied)
        {
            supplied.Add("region");
        }

        if (row.QuartileProvenance == Provenance.Supplied)
        {
            supplied.Add("quartile");
        }

        return supplied;
    }

    public static string ProvenanceKey(Provenance provenance) => provenance == Provenance.Supplied ? "supplied" : "computed";

    public static string PolarityKey(Polarity polarity) => polarity switch
    {
        Polarity.HigherIsBetter => "higher-is-better",
        Polarity.LowerIsBetter => "lower-is-better",
        _ => "no-judgement",
    };

    public static string? StatusKey(ValueStatus? status) => status switch
    {
        ValueStatus.Final => "final",
        ValueStatus.Provisional => "provisional",
        _ => null,
    };

    /// <summary><c>Y</c> or <c>N</c> as the committee dashboard writes it; the missing mark when the measure has no data.</summary>
    public static string UpdatedFlag(bool? updated) => updated switch
    {
        true => "Y",
        false => "N",
        null => MissingMark,
    };

    public static string UpdatedWords(bool? updated) => updated switch
    {
        true => "Yes",
        false => "No",
        null => "No data",
    };

    /// <summary>A figure in the measure's unit and decimal places, or the missing mark.</summary>
    public static string Figure(Measure measure, double? value) =>
        value is { } v && double.IsFinite(v) ? measure.FormatValue(v) : MissingMark;

    public static string QuartileText(int? quartile) =>
        quartile is { } q ? q.ToString(CultureInfo.InvariantCulture) : MissingMark;

    /// <summary>Added to the period of a figure more than two years older than the reporting period (<see cref="DashboardRow.OutOfDate"/>).</summary>
    public const string LatestAvailableNote = "latest available";

    /// <summary>
    /// The latest period as the dashboard's column writes it (<c>2015/16 Q3</c>; <c>Q3</c> with <paramref name="shortLabel"/>),
    /// with "(latest available)" after a figure that is out of date for the reporting period; the missing mark when there is none.
    /// </summary>
    public static string PeriodText(DashboardRow row, bool shortLabel = false) => row.Period is { } p
        ? (shortLabel ? p.ShortLabel : p.Label) + (row.OutOfDate ? $" ({LatestAvailableNote})" : "")
        : MissingMark;

    public static string TargetText(DashboardRow row) => row.TargetText is { Length: > 0 } t
        ? row.TargetYear is { } y ? $"{t} ({y.Label})" : t
        : MissingMark;

    /// <summary>The explanations behind one row's judgements, in the order the dashboard's columns show them.</summary>
    public static IReadOnlyList<(string Judgement, string Outcome, string Method, string Reason)> Reasons(DashboardRow row)
    {
        var reasons = new List<(string, string, string, string)>
        {
            ("Direction of travel", DirectionWords(row.Direction.Outcome), MethodKey(row.Direction.Method), row.Direction.Reason),
            ("RAG", RagWords(row.Rag.Outcome), MethodKey(row.Rag.Method), row.Rag.Reason),
            ("National quartile", QuartileText(row.Quartile), row.QuartileProvenance is { } qp ? ProvenanceKey(qp) : "not applicable", row.QuartileReason),
            ("Statistical neighbours", ComparisonWords(row.StatisticalNeighbourComparison.Outcome),
                MethodKey(row.StatisticalNeighbourComparison.Method), row.StatisticalNeighbourComparison.Reason),
        };
        if (row.Trajectory is { } t)
        {
            reasons.Add(("Trajectory", t.OnTrack ? "On track" : "Off track", MissingMark, t.Reason));
        }

        if (row.Gap is { } g)
        {
            reasons.Add(("Gap", g.Trend, MissingMark, g.Reason));
        }

        if (row.RecentTrend is { } rt)
        {
            reasons.Add(("Recent trend", rt.Words, "significance", rt.Reason));
        }

        return reasons;
    }
}
