using GoldenThread.Core.Judgements;

namespace GoldenThread.Core.Dashboard;

/// <summary>The overview counts a performance report opens with, and their sentences.</summary>
/// <remarks>
/// In the words of paragraphs 5–7 of Leicestershire's Q3 2015/16 report (seed 001): "From 28 measures that have new
/// data available: 16 have improved, 6 show no significant change, 4 have declined and 2 have no comparison." New data
/// means <see cref="DashboardRow.Updated"/>; the national-benchmark count is of measures with a quartile; the
/// statistical-neighbour count is of every measure compared with the SN average: better, similar or worse, and higher or
/// lower for a measure with no polarity, so that the parts of each sentence add up to its total.
/// </remarks>
public static class Overview
{
    public static OverviewCounts Count(IEnumerable<DashboardRow> rows)
    {
        var list = rows.ToList();
        var fresh = list.Where(r => r.Updated == true).ToList();
        int D(Direction d) => fresh.Count(r => r.Direction.Outcome == d);
        var quartiled = list.Where(r => r.Quartile is not null).ToList();
        int Q(int q) => quartiled.Count(r => r.Quartile == q);
        // Every measure compared with its SN average counts, including those with no polarity (higher or lower).
        var sn = list.Where(r => r.StatisticalNeighbourComparison.Outcome is not Comparison.NotAvailable).ToList();
        int S(Comparison c) => sn.Count(r => r.StatisticalNeighbourComparison.Outcome == c);

        var counts = new OverviewCounts
        {
            WithNewData = fresh.Count,
            Improved = D(Direction.Improved),
            NoSignificantChange = D(Direction.NoSignificantChange),
            Declined = D(Direction.Declined),
            NoComparison = D(Direction.NoComparison),
            ChangedWithoutPolarity = D(Direction.Higher) + D(Direction.Lower),
            WithNationalBenchmark = quartiled.Count,
            Quartile1 = Q(1),
            Quartile2 = Q(2),
            Quartile3 = Q(3),
            Quartile4 = Q(4),
            WithNeighbourBenchmark = sn.Count,
            BetterThanNeighbours = S(Comparison.Better),
            WorseThanNeighbours = S(Comparison.Worse),
            SimilarToNeighbours = S(Comparison.Similar),
            DifferentFromNeighboursWithoutPolarity = S(Comparison.Higher) + S(Comparison.Lower),
        };
        return counts with { Sentences = Sentences(counts) };
    }

    public static IReadOnlyList<string> Sentences(OverviewCounts c)
    {
        var sentences = new List<string>();
        if (c.WithNewData > 0)
        {
            var parts = new List<string>
            {
                $"{c.Improved} {Has(c.Improved)} improved",
                $"{c.NoSignificantChange} {Show(c.NoSignificantChange)} no significant change",
                $"{c.Declined} {Has(c.Declined)} declined",
                $"{c.NoComparison} {Has(c.NoComparison)} no comparison",
            };
            if (c.ChangedWithoutPolarity > 0)
            {
                parts.Add($"{c.ChangedWithoutPolarity} {Has(c.ChangedWithoutPolarity)} changed with no judgement of better or worse");
            }

            sentences.Add($"From {c.WithNewData} {Measures(c.WithNewData)} that {Have(c.WithNewData)} new data available: {List(parts)}.");
        }
        else
        {
            sentences.Add("No measures have new data available since the previous report.");
        }

        sentences.Add(c.WithNationalBenchmark > 0
            ? $"From {c.WithNationalBenchmark} {Measures(c.WithNationalBenchmark)} that {Have(c.WithNationalBenchmark)} a national benchmark: " +
              List([
                  $"{c.Quartile1} {Are(c.Quartile1)} in the top quartile",
                  $"{c.Quartile2} {Are(c.Quartile2)} in the second quartile",
                  $"{c.Quartile3} {Are(c.Quartile3)} in the third quartile",
                  $"{c.Quartile4} {Are(c.Quartile4)} in the fourth quartile",
              ]) + "."
            : "No measures have a national benchmark.");

        if (c.WithNeighbourBenchmark > 0)
        {
            var parts = new List<string>
            {
                $"{c.BetterThanNeighbours} {Are(c.BetterThanNeighbours)} better than the statistical neighbour average",
                $"{c.WorseThanNeighbours} {Are(c.WorseThanNeighbours)} below",
                $"{c.SimilarToNeighbours} {Are(c.SimilarToNeighbours)} at a similar level",
            };
            if (c.DifferentFromNeighboursWithoutPolarity > 0)
            {
                // Measures with no polarity are above or below the average without being better or worse; they are
                // counted, so that the parts add up to the whole.
                parts.Add($"{c.DifferentFromNeighboursWithoutPolarity} {(c.DifferentFromNeighboursWithoutPolarity == 1 ? "differs" : "differ")} from it with no judgement of better or worse");
            }

            sentences.Add($"From {c.WithNeighbourBenchmark} {(c.WithNeighbourBenchmark == 1 ? "indicator" : "indicators")} that {Have(c.WithNeighbourBenchmark)} a statistical neighbour benchmark, {List(parts)}.");
        }
        else
        {
            sentences.Add("No indicators have a statistical neighbour benchmark.");
        }
        return sentences;
    }

    private static string Measures(int n) => n == 1 ? "measure" : "measures";

    private static string Has(int n) => n == 1 ? "has" : "have";

    private static string Have(int n) => n == 1 ? "has" : "have";

    private static string Show(int n) => n == 1 ? "shows" : "show";

    private static string Are(int n) => n == 1 ? "is" : "are";

    private static string List(IReadOnlyList<string> parts) =>
        parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1];
}
