using GoldenThread.Core.Judgements;
using GoldenThread.Core.Measures;
using GoldenThread.Core.Statistics;

namespace GoldenThread.Core.Dashboard;

/// <summary>
/// Chooses the statistical test for a dashboard judgement when the values carry counts, so that "no significant change"
/// and "similar" mean what a statistician means by them; null when there are no counts and the tolerance rule applies.
/// </summary>
/// <remarks>
/// A percentage with whole-number numerator and denominator is a proportion (Wilson intervals; two-sample z-test for a
/// change). A rate or a count with a whole-number count is Poisson (Byar's / exact intervals; the conditional test for
/// two counts). See docs/statistics.md.
/// </remarks>
internal static class Significance
{
    public static Judgement<Direction>? Change(Measure m, Observation previous, Observation current)
    {
        if (Counts(m, previous) is not { } p || Counts(m, current) is not { } c)
        {
            return null;
        }

        var result = m.Unit.Kind == UnitKind.Percentage
            ? ChangeTests.TwoProportions(p.Count, (long)p.Denominator!.Value, c.Count, (long)c.Denominator!.Value, m.Polarity)
            : ChangeTests.TwoCounts(p.Count, p.Denominator, c.Count, c.Denominator, m.Polarity);
        return result.ToJudgement();
    }

    public static Judgement<Comparison>? Versus(Measure m, Observation current, double? benchmark, string benchmarkName)
    {
        if (benchmark is null || Estimate(m, current) is not { } estimate)
        {
            return null;
        }

        var comparer = BenchmarkComparerFactory.Create(ComparisonMethod.ConfidenceInterval95);
        return comparer.Compare(estimate, new Benchmark(benchmarkName, benchmark), m.Polarity).ToJudgement();
    }

    /// <summary>
    /// The Fingertips recent trend of a measure's annual figures (the latest five consecutive years); points without counts
    /// have no interval, so the test says it cannot be calculated and why. A range of years says why it is not tested
    /// (<see cref="MultiYearTrend"/>). Null for a series whose latest figure is a quarter, month or snapshot: Fingertips
    /// tests annual data only.
    /// </summary>
    /// <remarks>
    /// Only the figures of the latest figure's own kind are used: a rolling twelve-month measure's quarters are
    /// comparable with its financial years for the direction of travel, but each overlaps the year it falls in, so the
    /// trend rests on the financial years alone (the test needs independent points). Reasons name each year as people
    /// write it (2018/19, not 2018).
    /// </remarks>
    public static RecentTrendResult? Trend(Measure m, IReadOnlyList<Observation> comparable)
    {
        if (comparable.Count == 0)
        {
            return null;
        }

        var latest = comparable[^1].Period;
        if (latest.Kind == Periods.PeriodKind.MultiYear)
        {
            return MultiYearTrend(comparable.Select(o => o.Period).ToList());
        }

        if (latest.Kind is not (Periods.PeriodKind.FinancialYear or Periods.PeriodKind.AcademicYear or Periods.PeriodKind.CalendarYear))
        {
            return null;
        }

        var points = comparable
            .Where(o => o.Value is not null && o.Period.IsComparableWith(latest))
            .Select(o => new Statistics.TrendPoint(o.Period.Start.Year, o.Value!.Value, Estimate(m, o)?.Interval95) { Label = o.Period.Label })
            .ToList();
        return RecentTrend.Calculate(points, m.Polarity);
    }

    /// <summary>
    /// Why a series of multi-year ranges (LAIT's <c>2020-22</c>, <c>2021/22-23/24</c>) has no recent trend: consecutive
    /// ranges overlap, so their figures share years and are not independent, and Fingertips applies the test only to
    /// independent annual periods ("not overlapping, or rolling time periods": PHE's trend-marker conditions,
    /// PHEindicatormethods' <c>assign_trend_markers</c>). Ranges that do not overlap are still pooled years, not annual
    /// points. See docs/statistics.md#recent-trend.
    /// </summary>
    public static RecentTrendResult MultiYearTrend(IReadOnlyList<Periods.Period> ranges)
    {
        var latest = ranges[^1];
        var years = latest.YearCount;
        var before = ranges.Count >= 2 ? ranges[^2] : (Periods.Period?)null;
        string why;
        if (before is { } b && b.End >= latest.Start)
        {
            var shared = OverlappingYears(b, latest);
            why = $"{latest.Label} is a range of {years} years and overlaps {b.Label} ({shared} {(shared == 1 ? "year" : "years")} in common), " +
                  "so the figures are not independent; the test needs five independent annual figures, and overlapping ranges are not tested";
        }
        else
        {
            why = $"{latest.Label} is a range of {years} years pooled, not an annual figure; the test needs five consecutive annual figures";
        }

        return new RecentTrendResult(TrendOutcome.CannotBeCalculated, null, null, "cannot be calculated: " + why);
    }

    private static int OverlappingYears(Periods.Period earlier, Periods.Period later)
    {
        // Whole years both ranges contain: from the later's start to the earlier's end.
        var months = ((earlier.End.Year - later.Start.Year) * 12) + earlier.End.Month - later.Start.Month + 1;
        return Math.Max(1, months / 12);
    }

    /// <summary>The value with its confidence intervals, when the observation's counts allow them.</summary>
    public static AreaEstimate? Estimate(Measure m, Observation o)
    {
        if (Counts(m, o) is not { } c)
        {
            return null;
        }

        return m.Unit.Kind switch
        {
            UnitKind.Percentage => AreaEstimate.ForProportion(c.Count, (long)c.Denominator!.Value, 100),
            UnitKind.Rate => AreaEstimate.ForCountOrRate(c.Count, c.Denominator, m.Unit.RateBase!.Value),
            _ => AreaEstimate.ForCountOrRate(c.Count),
        };
    }

    private static (long Count, double? Denominator)? Counts(Measure m, Observation o)
    {
        if (o.Numerator is not { } n || n < 0 || n != Math.Floor(n))
        {
            return null;
        }

        switch (m.Unit.Kind)
        {
            case UnitKind.Percentage:
                return o.Denominator is { } d && d > 0 && d == Math.Floor(d) && n <= d ? ((long)n, d) : null;
            case UnitKind.Rate:
                return o.Denominator is { } r && r > 0 ? ((long)n, r) : null;
            case UnitKind.Count:
                return ((long)n, null);
            default:
                return null;
        }
    }
}
