using System.Globalization;
using GoldenThread.Core.Benchmarks;
using GoldenThread.Core.Judgements;
using GoldenThread.Core.Measures;
using GoldenThread.Core.Periods;
using GoldenThread.Core.Plans;

namespace GoldenThread.Core.Dashboard;

/// <summary>Everything a dashboard is computed from. Pure data: no files, no clock.</summary>
public sealed record DashboardInputs
{
    public required Plan Plan { get; init; }

    /// <summary>The council's own values (supplied); they take precedence over LAIT for the same measure and period.</summary>
    public IReadOnlyList<Observation> Values { get; init; } = [];

    /// <summary>All councils' data (LAIT), when available.</summary>
    public BenchmarkData? Benchmarks { get; init; }

    /// <summary>The home council's LA number; defaults to the plan's.</summary>
    public int? HomeLa { get; init; }

    /// <summary>The reporting period; null means the latest (see <see cref="DashboardBuilder.DefaultReportingPeriod"/>).</summary>
    public Period? ReportingPeriod { get; init; }

    /// <summary>
    /// Periods with data besides these inputs' own: when every council's dashboard is built, the home council's own values,
    /// so that a reporting period open to the run is open to every council's dashboard (see <see cref="ReportingPeriodCheck"/>).
    /// </summary>
    public IReadOnlyList<Period> OtherPeriodsWithData { get; init; } = [];

    /// <summary>How many points of each measure's trend to keep (the sparkline).</summary>
    public int TrendPoints { get; init; } = 10;
}

/// <summary>Evaluates a plan's measures for one reporting period: every judgement on the dashboard, with its reason.</summary>
public static class DashboardBuilder
{
    public static Dashboard Build(DashboardInputs inputs) => Evaluate(inputs, only: null);

    /// <summary>
    /// One measure's row as <see cref="Build"/> gives it (its first place in the plan), evaluating that measure alone
    /// and the measures it is computed from: a page about one figure need not judge every other. Null when the plan
    /// does not place the measure in a theme. Throws <see cref="NothingToReportException"/> as <see cref="Build"/> does.
    /// </summary>
    public static DashboardRow? Row(DashboardInputs inputs, string measureId) =>
        inputs.Plan.FindMeasure(measureId) is { } m ? Evaluate(inputs, m.Id).Rows.FirstOrDefault() : null;

    /// <param name="only">A measure id: only its rows (the period, council and comparisons are worked out as for all).</param>
    private static Dashboard Evaluate(DashboardInputs inputs, string? only)
    {
        var plan = inputs.Plan;
        var homeLa = inputs.HomeLa ?? plan.LaNumber;
        var data = inputs.Benchmarks;
        var ownByMeasure = inputs.Values
            .GroupBy(o => o.MeasureId, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);

        var seriesCache = new Dictionary<string, IReadOnlyList<Observation>>(StringComparer.OrdinalIgnoreCase);
        IReadOnlyList<Observation> SeriesOf(Measure m)
        {
            if (!seriesCache.TryGetValue(m.Id, out var s))
            {
                s = BuildSeries(m, plan, ownByMeasure, data, homeLa, SeriesOf);
                seriesCache[m.Id] = s;
            }

            return s;
        }

        // A period asked for beyond the data, or before any, would give a dashboard of nothing new: refused, naming the periods with data.
        if (inputs.ReportingPeriod is { } asked && ReportingPeriodCheck.Problem(asked, PeriodsWithData(plan, inputs.Values, data).Concat(inputs.OtherPeriodsWithData)) is { } problem)
        {
            throw new NothingToReportException(problem);
        }

        var reporting = inputs.ReportingPeriod ?? DefaultReportingPeriod(plan.Measures.SelectMany(SeriesOf));
        var previousReport = reporting.Previous();
        var council = homeLa is { } la && data?.Areas.TryGetValue(la, out var area) == true ? area.Name : plan.Council ?? "The council";
        var region = homeLa is { } la2 ? data?.RegionOf(la2) : null;

        var sections = new List<DashboardSection>();
        foreach (var theme in plan.Themes)
        {
            var rows = new List<DashboardRow>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            void Add(string measureId, string outcomeId, string outcomeTitle)
            {
                if (plan.FindMeasure(measureId) is { } m && (only is null || m.Id == only) && seen.Add(m.Id))
                {
                    rows.Add(EvaluateMeasure(m, outcomeId, outcomeTitle, SeriesOf(m), reporting, previousReport, data, homeLa, region, inputs.TrendPoints, SeriesOf, plan));
                }
            }

            foreach (var outcome in theme.Outcomes)
            {
                foreach (var id in outcome.MeasureIds)
                {
                    Add(id, outcome.Id, outcome.Title);
                }
            }

            foreach (var id in theme.MeasureIds)
            {
                Add(id, theme.Id, theme.Title);
            }

            sections.Add(new DashboardSection(theme.Id, theme.Title, rows));
        }

        return new Dashboard
        {
            PlanName = plan.Name,
            CouncilName = council,
            LaNumber = homeLa,
            RegionName = region?.Name,
            ReportingPeriod = reporting,
            PreviousReportingPeriod = previousReport,
            Sections = sections,
            Overview = Overview.Count(sections.SelectMany(s => s.Rows)),
        };
    }

    /// <summary>
    /// The reporting period when none is asked for: the latest period the measures have data for (docs/methods.md#reporting-period).
    /// </summary>
    /// <remarks>
    /// The value whose period ends last decides; of several ending on the same day, the shortest (a quarter before the
    /// year it closes). A quarter or a financial, academic or calendar year is the reporting period itself, so the
    /// 2024/25 academic year's results are reported as 2024/25, not as the financial year their last day falls in. A
    /// month or a snapshot date is reported in the financial quarter containing it (reports are quarterly, not monthly),
    /// and a range of years in its last year. A financial year whose own quarters, months or snapshots are also in the
    /// data is reported as its fourth quarter: a council reporting quarterly reports its year end as Q4, so that the
    /// previous report is Q3, not the year before.
    /// </remarks>
    public static Period DefaultReportingPeriod(IEnumerable<Observation> observations)
    {
        var periods = observations.Where(o => o.Value is not null).Select(o => o.Period).ToList();
        var latest = periods
            .OrderByDescending(p => p.End)
            .ThenByDescending(p => p.Start)
            .Select(p => (Period?)p)
            .FirstOrDefault();
        if (latest is not { } p)
        {
            throw new NothingToReportException("There are no values to report on: give the council's values (--data), all councils' data (--benchmarks) or statutory returns, or a reporting period (--period).");
        }

        var reportedQuarterly = periods.Any(x => x.Kind is PeriodKind.FinancialQuarter or PeriodKind.Month or PeriodKind.Snapshot && p.Contains(x.End));
        return p.Kind switch
        {
            PeriodKind.FinancialYear when reportedQuarterly => Period.FinancialQuarter(p.Start.Year, 4),
            PeriodKind.FinancialQuarter or PeriodKind.FinancialYear or PeriodKind.AcademicYear or PeriodKind.CalendarYear => p.WithQualifier(null),
            PeriodKind.MultiYear => Period.YearOf(p.Basis, p.Basis == YearBasis.Calendar ? p.End.Year : p.End.Year - 1),
            _ => Period.FinancialQuarterContaining(p.End),
        };
    }

    /// <summary>
    /// The periods of every figure the plan's measures could draw on: the council's own values and LAIT's periods in which
    /// any council has a value for one of the plan's codes (every council's, so that the same periods are open to every
    /// council's dashboard).
    /// </summary>
    private static IEnumerable<Period> PeriodsWithData(Plan plan, IReadOnlyList<Observation> own, BenchmarkData? data)
    {
        var periods = own.Where(o => o.Value is not null).Select(o => o.Period);
        if (data is null)
        {
            return periods;
        }

        var lait = plan.Measures
            .Select(m => m.LaitCode)
            .OfType<string>()
            .Distinct()
            .SelectMany(code => data.Measures.TryGetValue(code, out var series) ? series.Periods : [])
            .Where(p => p.ByArea.Count > 0)
            .Select(p => p.Period);
        return periods.Concat(lait);
    }

    private static IReadOnlyList<Observation> BuildSeries(
        Measure m,
        Plan plan,
        Dictionary<string, List<Observation>> own,
        BenchmarkData? data,
        int? homeLa,
        Func<Measure, IReadOnlyList<Observation>> seriesOf)
    {
        if (m.Gap is { } gap && plan.FindMeasure(gap.GroupMeasureId) is { } g && plan.FindMeasure(gap.ComparisonMeasureId) is { } c)
        {
            var groupSeries = seriesOf(g);
            var comparisonSeries = seriesOf(c);

            // A gap and one group's figure give the other group's: the gap rests on the smaller of the two counts.
            double? CountAt(Measure part, IReadOnlyList<Observation> series, Period p) =>
                series.LastOrDefault(o => o.Period == p && o.Value is not null) is { } o ? CountOf(part, o) : null;

            // A gap a document states (without its groups' values) stands for its period; computed gaps come first.
            var gapsByPeriod = own.TryGetValue(m.Id, out var stated) ? stated.ToDictionary(o => o.Period) : [];
            foreach (var x in GapJudgement.Gaps(Points(groupSeries), Points(comparisonSeries)))
            {
                gapsByPeriod[x.Period] = new Observation
                {
                    MeasureId = m.Id,
                    Period = x.Period,
                    Value = x.Gap,
                    Provenance = Provenance.Computed,
                    CountBehind = Smaller(CountAt(g, groupSeries, x.Period), CountAt(c, comparisonSeries, x.Period)),
                };
            }

            return gapsByPeriod.Values.OrderBy(o => o.Period, Period.ByEnd).ToList();
        }

        var byPeriod = new Dictionary<Period, Observation>();
        if (m.LaitCode is { } code && homeLa is { } la && data is not null && data.Measures.TryGetValue(code, out var series))
        {
            foreach (var pv in series.Periods)
            {
                if (pv.ByArea.TryGetValue(la, out var v))
                {
                    byPeriod[pv.Period] = new Observation { MeasureId = m.Id, Period = pv.Period, Value = v, Provenance = Provenance.Computed };
                }
            }
        }

        if (own.TryGetValue(m.Id, out var mine))
        {
            foreach (var o in mine)
            {
                byPeriod[o.Period] = o;
            }
        }

        return byPeriod.Values.OrderBy(o => o.Period, Period.ByEnd).ToList();
    }

    private static List<(Period Period, double Value)> Points(IEnumerable<Observation> series) =>
        series.Where(o => o.Value is not null).Select(o => (o.Period, o.Value!.Value)).ToList();

    private static DashboardRow EvaluateMeasure(
        Measure m,
        string outcomeId,
        string outcomeTitle,
        IReadOnlyList<Observation> series,
        Period reporting,
        Period? previousReport,
        BenchmarkData? data,
        int? homeLa,
        Area? region,
        int trendPoints,
        Func<Measure, IReadOnlyList<Observation>> seriesOf,
        Plan plan)
    {
        string F(double v) => m.FormatValue(v);
        var known = series.Where(o => o.Period.End <= reporting.End).ToList();
        var withValues = known.Where(o => o.Value is not null).ToList();
        var latest = withValues.LastOrDefault();
        var target = TargetSchedule.InForce(m.Targets, latest?.Period ?? reporting);
        var targetRule = TargetSchedule.TargetFor(m, latest?.Period ?? reporting);
        var targetText = targetRule?.Describe(m.Unit, m.DecimalPlaces);

        if (latest is null)
        {
            var note = known.LastOrDefault()?.Note;
            // A figure the returns could not support says so, with its reason, rather than waiting for data that exists.
            var notComputable = known.LastOrDefault() is { } last && GoldenThread.Core.Returns.ObservationNotes.IsNotComputable(last);
            var awaiting = m.Qualitative ? (note ?? "See evidence") : notComputable ? "Not computable" : "Awaiting local data";
            var why = m.Qualitative ? "A qualitative measure: no numeric value to judge." : notComputable ? note! : "No value for this measure at the reporting period.";
            // A qualitative measure's evidence for a period may come with the report's judgements of it and its updated flag.
            var evidence = m.Qualitative ? known.LastOrDefault() : null;
            return new DashboardRow
            {
                Measure = m,
                OutcomeId = outcomeId,
                OutcomeTitle = outcomeTitle,
                Period = evidence?.Period,
                ValueText = awaiting,
                Direction = SuppliedJudgements.Direction(new(Direction.NoComparison, why), evidence?.SuppliedDirection),
                Rag = SuppliedJudgements.Rag(new(Rag.None, why), evidence?.SuppliedRag),
                TargetText = targetText,
                TargetYear = target?.Year,
                QuartileReason = why,
                StatisticalNeighbourComparison = new(Comparison.NotAvailable, why),
                // Judged per report like any figure: the evidence row's flag belongs to the report that first carries it.
                Updated = evidence is null ? null : UpdatedJudgement.Judge(evidence.Period, evidence.Updated, reporting, previousReport),
                Note = note,
            };
        }

        var value = latest.Value!.Value;
        // The like-for-like series ending at the latest value: the previous point, the trend and the trajectory use it.
        var comparable = withValues.Where(o => Comparable(m, o.Period, latest.Period)).ToList();
        var previous = comparable.Count >= 2 ? comparable[^2] : null;
        var direction = SuppliedJudgements.Direction(
            (previous is not null ? Significance.Change(m, previous, latest) : null)
                ?? DirectionOfTravel.Judge(value, latest.Period, previous?.Value, previous?.Period, m.Polarity, m.SimilarWithin, F, m.FormatDifference),
            latest.SuppliedDirection);

        var national = NationalFigures.Lookup(m, latest, data, homeLa);
        var supplied = latest.Benchmarks;
        Sourced? Pick(double? computed, double? given) =>
            computed is { } c ? new Sourced(c, Provenance.Computed) : given is { } g ? new Sourced(g, Provenance.Supplied) : null;
        var sn = Pick(national?.SnAverage, supplied?.StatisticalNeighbourAverage);
        var england = Pick(national?.England, supplied?.England);
        var regionValue = Pick(national?.Region, supplied?.Region);
        int? quartile = national?.Quartile ?? supplied?.Quartile;
        Provenance? quartileProvenance = national?.Quartile is not null ? Provenance.Computed : supplied?.Quartile is not null ? Provenance.Supplied : null;
        var quartileReason = national?.Quartile is not null
            ? national.QuartileReason
            : supplied?.Quartile is { } sq
                ? $"Quartile {sq} as supplied with the value (not computed: all councils' data for {latest.Period.Label} is not available)."
                : national?.QuartileReason ?? (m.LaitCode is null ? "No all-council data for this measure and no quartile supplied." : $"No LAIT data for {m.LaitCode} in {latest.Period.Label}.");

        const string snName = "statistical-neighbour average";
        var snComparison = Significance.Versus(m, latest, sn?.Value, snName)
            ?? BenchmarkComparison.Judge(value, sn?.Value, snName, m.Polarity, m.SimilarWithin, F, m.FormatDifference);
        var rag = SuppliedJudgements.Rag(RagRating.Judge(targetRule, target?.Year, TargetSchedule.InForce(m.Targets, reporting)?.Year, latest.Period, reporting, new RagContext
        {
            Value = value,
            Polarity = m.Polarity,
            Tolerance = m.Tolerance,
            SimilarWithin = m.SimilarWithin,
            Format = F,
            Difference = m.FormatDifference,
            Quartile = quartile,
            England = england?.Value,
            StatisticalNeighbourAverage = sn?.Value,
            Previous = previous?.Value,
            MeasuresAGap = m.Gap is not null,
        }), latest.SuppliedRag);

        var trend = comparable
            .TakeLast(trendPoints)
            .Select(o => new TrendPoint(o.Period, o.Value!.Value) { Numerator = CountOf(m, o) })
            .ToList();

        var trajectory = TrajectoryJudgement.Assess(m.Targets, Points(comparable), m.Polarity, F) is { } t
            ? t with { BaselineCount = comparable.FirstOrDefault(o => o.Period == t.BaselinePeriod) is { } b ? CountOf(m, b) : null }
            : null;

        GapResult? gapResult = null;
        if (m.Gap is not null)
        {
            gapResult = GapJudgement.Assess(Points(withValues), m.SimilarWithin, F);
        }

        return new DashboardRow
        {
            Measure = m,
            OutcomeId = outcomeId,
            OutcomeTitle = outcomeTitle,
            Period = latest.Period,
            OutOfDate = LatestAvailable.IsOutOfDate(latest.Period, reporting),
            Value = value,
            Numerator = latest.Numerator,
            Denominator = latest.Denominator,
            Status = latest.Status,
            ValueText = ValueText(m, latest),
            PreviousPeriod = previous?.Period,
            PreviousValue = previous?.Value,
            PreviousNumerator = previous is null ? null : CountOf(m, previous),
            CountBehind = CountOf(m, latest),
            Direction = direction,
            Trend = trend,
            Rag = rag,
            TargetText = targetText,
            TargetYear = target?.Year,
            Rank = national?.Rank,
            RankedCount = national?.RankedCount,
            Quartile = quartile,
            QuartileProvenance = quartileProvenance,
            QuartileReason = quartileReason,
            StatisticalNeighbourAverage = sn,
            NeighboursWithValues = national?.NeighboursWithValues,
            StatisticalNeighbourComparison = snComparison,
            England = england,
            Region = regionValue,
            // The area whose figure is shown: London where a London borough's sub-region has none (NationalBenchmark.RegionFigure).
            RegionName = national?.Region is not null ? national.RegionName : region?.Name,
            Updated = UpdatedJudgement.Judge(latest.Period, latest.Updated, reporting, previousReport),
            Trajectory = trajectory,
            Gap = gapResult,
            RecentTrend = Significance.Trend(m, comparable),
            Note = latest.Note,
        };
    }

    /// <summary>
    /// Whether two periods of a measure's series are like for like. For a rolling twelve-month measure (or one derived
    /// from the statutory returns, whose figures are the twelve months to each quarter end, the one to 31 March being the
    /// financial year) a quarter and a financial year are both "twelve months to a quarter end" and so comparable.
    /// </summary>
    private static bool Comparable(Measure m, Period a, Period b) =>
        a.IsComparableWith(b) ||
        ((m.Frequency == Frequency.RollingTwelveMonths || m.ReturnMeasureId is not null) && IsYearToQuarterEnd(a) && IsYearToQuarterEnd(b));

    private static bool IsYearToQuarterEnd(Period p) => p.Kind is PeriodKind.FinancialQuarter or PeriodKind.FinancialYear;

    /// <summary>The number of children (or events) a figure rests on (<see cref="Measure.CountBehind"/>; a gap's, its smaller group's).</summary>
    private static double? CountOf(Measure m, Observation o) => o.CountBehind ?? m.CountBehind(o.Value, o.Numerator, o.Denominator);

    private static double? Smaller(double? a, double? b) => a is { } x && b is { } y ? Math.Min(x, y) : a ?? b;

    /// <summary>The value as dashboards write it: the formatted value, and the count in brackets where known (<c>0.59% (2)</c>).</summary>
    public static string ValueText(Measure m, Observation o)
    {
        var text = m.FormatValue(o.Value!.Value);
        if (o.Numerator is { } n && m.Unit.Kind is UnitKind.Percentage or UnitKind.Rate)
        {
            text += " (" + n.ToString("#,0.##", CultureInfo.InvariantCulture) + ")";
        }

        return o.Status == ValueStatus.Provisional ? text + " (provisional)" : text;
    }
}

/// <summary>Thrown when a dashboard is asked for without a reporting period and there is no value to take one from: a problem with the inputs, not a fault.</summary>
public sealed class NothingToReportException(string message) : Exception(message);
