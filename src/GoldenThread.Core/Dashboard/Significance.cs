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
    /// have no interval, so the test says it cannot be calculated and why. Null for a series that is not annual.
    /// </summary>
    public static RecentTrendResult? Trend(Measure m, IReadOnlyList<Observation> comparable)
    {
        if (comparable.Count == 0 || comparable[^1].Period.Kind is not (Periods.PeriodKind.FinancialYear or Periods.PeriodKind.AcademicYear or Periods.PeriodKind.CalendarYear))
        {
            return null;
        }

        var points = comparable
            .Where(o => o.Value is not null)
            .Select(o => new Statistics.TrendPoint(o.Period.Start.Year, o.Value!.Value, Estimate(m, o)?.Interval95))
            .ToList();
        return RecentTrend.Calculate(points, m.Polarity);
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
