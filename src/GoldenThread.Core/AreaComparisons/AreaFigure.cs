using GoldenThread.Core.Statistics;

namespace GoldenThread.Core.AreaComparisons;

/// <summary>One area's published figure for an indicator and group (Reception, Year 6), as read from the data file.</summary>
/// <remarks>
/// Invariants (the reader checks them, <see cref="Create"/> enforces them): a figure with no value (suppressed or not
/// published at source) has no interval and no counts; an interval, when complete, contains the value; counts are both
/// present or both absent, with <c>0 &lt;= Numerator &lt;= Denominator</c> and <c>Denominator &gt; 0</c>. A given
/// interval may lack one bound ("partial"): the comparison then says it cannot compare.
/// </remarks>
public sealed record AreaFigure
{
    private AreaFigure(string indicatorId, string group, string area, double? valuePercent, ConfidenceInterval? interval95, long? numerator, long? denominator, string? note)
    {
        IndicatorId = indicatorId;
        Group = group;
        Area = area;
        ValuePercent = valuePercent;
        Interval95 = interval95;
        Numerator = numerator;
        Denominator = denominator;
        Note = note;
    }

    public string IndicatorId { get; }

    /// <summary>"Reception", "Year 6"; empty when the indicator has a single group.</summary>
    public string Group { get; }

    public string Area { get; }

    /// <summary>Null when the source does not publish the figure (NCMP's "x": suppressed to protect small numbers).</summary>
    public double? ValuePercent { get; }

    /// <summary>The 95% interval, given (published) or computed (Wilson, from the counts); null when there is none.</summary>
    public ConfidenceInterval? Interval95 { get; }

    public long? Numerator { get; }

    public long? Denominator { get; }

    /// <summary>Why a figure is missing, or a transcription note.</summary>
    public string? Note { get; }

    public bool IsPublished => ValuePercent.HasValue;

    /// <summary>A published value with its given interval (either bound may be missing) and optional counts.</summary>
    public static ParseResult<AreaFigure> Published(string indicatorId, string group, string area, double valuePercent, double? lowerPercent, double? upperPercent, long? numerator = null, long? denominator = null, string? note = null)
    {
        ConfidenceInterval? ci = null;
        if (lowerPercent.HasValue || upperPercent.HasValue)
        {
            var given = ConfidenceInterval.Given(lowerPercent, upperPercent);
            if (!given.Success)
            {
                return ParseResult<AreaFigure>.Fail(given.Error!);
            }

            ci = given.Value;
        }
        else if (numerator.HasValue && denominator.HasValue && CountsError(numerator.Value, denominator.Value) is null)
        {
            ci = ConfidenceIntervals.WilsonPercent(numerator.Value, denominator.Value);
        }

        return Create(indicatorId, group, area, valuePercent, ci, numerator, denominator, note);
    }

    /// <summary>A value worked out from counts: the per-cent and its Wilson 95% interval, labelled computed.</summary>
    public static ParseResult<AreaFigure> FromCounts(string indicatorId, string group, string area, long numerator, long denominator, string? note = null)
    {
        if (CountsError(numerator, denominator) is { } error)
        {
            return ParseResult<AreaFigure>.Fail(error);
        }

        return Create(indicatorId, group, area, 100.0 * numerator / denominator, ConfidenceIntervals.WilsonPercent(numerator, denominator), numerator, denominator, note);
    }

    /// <summary>A figure the source does not publish; <paramref name="note"/> says why ("suppressed in source (X)").</summary>
    public static AreaFigure NotPublished(string indicatorId, string group, string area, string? note) =>
        new(indicatorId.Trim(), group.Trim(), area.Trim(), null, null, null, null, note);

    /// <summary>Null when the counts are usable, otherwise what is wrong with them.</summary>
    public static string? CountsError(long numerator, long denominator)
    {
        if (denominator <= 0)
        {
            return "the denominator is not positive; expected the number of children measured (at least 1)";
        }

        if (numerator < 0)
        {
            return "the numerator is negative; expected a count from 0 up to the denominator";
        }

        return numerator > denominator ? "the numerator is larger than the denominator; expected a count from 0 up to the denominator" : null;
    }

    private static ParseResult<AreaFigure> Create(string indicatorId, string group, string area, double value, ConfidenceInterval? ci, long? numerator, long? denominator, string? note)
    {
        if (!double.IsFinite(value) || value < 0 || value > 100)
        {
            return ParseResult<AreaFigure>.Fail("the value is not a per-cent from 0 to 100");
        }

        if (numerator.HasValue != denominator.HasValue)
        {
            return ParseResult<AreaFigure>.Fail("only one of numerator and denominator is given; expected both or neither");
        }

        if (numerator is { } r && denominator is { } n && CountsError(r, n) is { } countsError)
        {
            return ParseResult<AreaFigure>.Fail(countsError);
        }

        if (ci is { IsComplete: true } c && !c.Contains(value))
        {
            return ParseResult<AreaFigure>.Fail("the value lies outside its confidence interval; expected lower <= value <= upper");
        }

        if (ci is { } partial && (partial.Lower > value || partial.Upper < value))
        {
            return ParseResult<AreaFigure>.Fail("the value lies outside its confidence interval; expected lower <= value <= upper");
        }

        return ParseResult<AreaFigure>.Ok(new(indicatorId.Trim(), group.Trim(), area.Trim(), value, ci, numerator, denominator, string.IsNullOrWhiteSpace(note) ? null : note.Trim()));
    }
}
