using GoldenThread.Core.AreaComparisons;
using GoldenThread.Core.Disclosure;

namespace GoldenThread.Core.Tests.AreaComparisons;

/// <summary>
/// The published NCMP 2014/15 figures of Appendix C (seed 001), compared with England and the East Midlands. The
/// expected words were worked out by hand from the printed intervals: "similar" when the benchmark lies inside (edges
/// included), otherwise the side, named better or worse by polarity.
/// </summary>
public sealed class AreaComparisonEvaluatorTests
{
    private static readonly string[] Benchmarks = ["England", "East Midlands"];

    private static ComparisonIndicator Indicator(string id, Polarity polarity, string? statement = null) =>
        ComparisonIndicator.Create(id, id, polarity, 1, statement).Value;

    private static AreaFigure Figure(string id, string group, string area, double value, double? lower, double? upper) =>
        AreaFigure.Published(id, group, area, value, lower, upper).Value;

    private static ComparisonTable Evaluate(ComparisonIndicator indicator, string group, double england, double englandLower, double englandUpper, double region, double regionLower, double regionUpper, params AreaFigure[] areas)
    {
        var figures = new List<AreaFigure>
        {
            Figure(indicator.Id, group, "England", england, englandLower, englandUpper),
            Figure(indicator.Id, group, "East Midlands", region, regionLower, regionUpper),
        };
        figures.AddRange(areas);
        var result = AreaComparisonEvaluator.Evaluate([indicator], figures, new AreaComparisonOptions(Benchmarks));
        Assert.True(result.Success, result.Error);
        return Assert.Single(result.Value.Tables);
    }

    // indicator, polarity, group, area, [value, lower, upper], [England value, lower, upper, East Midlands value, lower, upper], words vs England, words vs East Midlands
    public static TheoryData<string, Polarity, string, string, double[], double[], string, string> AppendixC => new()
    {
        // Leicestershire, the report's key figures.
        { "overweight-or-obese", Polarity.LowerIsBetter, "Reception", "Leicestershire", [20.2, 19.3, 21.1], [21.9, 21.8, 22.0, 21.7, 21.3, 22.0], "significantly lower (better)", "significantly lower (better)" },
        { "overweight-or-obese", Polarity.LowerIsBetter, "Year 6", "Leicestershire", [29.9, 28.8, 31.0], [33.2, 33.1, 33.4, 32.3, 31.9, 32.8], "significantly lower (better)", "significantly lower (better)" },
        { "obese", Polarity.LowerIsBetter, "Reception", "Leicestershire", [7.5, 6.9, 8.2], [9.1, 9.0, 9.2, 8.6, 8.3, 8.8], "significantly lower (better)", "significantly lower (better)" },
        { "obese", Polarity.LowerIsBetter, "Year 6", "Leicestershire", [16.5, 15.6, 17.4], [19.1, 19.0, 19.2, 18.5, 18.1, 18.9], "significantly lower (better)", "significantly lower (better)" },
        { "overweight", Polarity.LowerIsBetter, "Reception", "Leicestershire", [12.7, 11.9, 13.5], [12.8, 12.7, 12.9, 13.1, 12.8, 13.4], "similar", "similar" },
        // England (14.2) is exactly the upper limit: on the edge counts as inside, so similar, as the report says.
        { "overweight", Polarity.LowerIsBetter, "Year 6", "Leicestershire", [13.4, 12.6, 14.2], [14.2, 14.1, 14.3, 13.8, 13.5, 14.2], "similar", "similar" },
        // Districts the report names as significantly lower than England.
        { "overweight-or-obese", Polarity.LowerIsBetter, "Reception", "Harborough", [18.7, 16.3, 21.3], [21.9, 21.8, 22.0, 21.7, 21.3, 22.0], "significantly lower (better)", "significantly lower (better)" },
        { "overweight-or-obese", Polarity.LowerIsBetter, "Reception", "Hinckley and Bosworth", [19.4, 17.1, 21.8], [21.9, 21.8, 22.0, 21.7, 21.3, 22.0], "significantly lower (better)", "similar" },
        { "overweight-or-obese", Polarity.LowerIsBetter, "Reception", "Oadby and Wigston", [18.8, 16.0, 22.0], [21.9, 21.8, 22.0, 21.7, 21.3, 22.0], "similar", "similar" },
        { "overweight-or-obese", Polarity.LowerIsBetter, "Year 6", "Melton", [26.9, 23.0, 31.1], [33.2, 33.1, 33.4, 32.3, 31.9, 32.8], "significantly lower (better)", "significantly lower (better)" },
        // Upper limit 33.2 equals England: similar ("the remaining districts ... similar").
        { "overweight-or-obese", Polarity.LowerIsBetter, "Year 6", "Hinckley and Bosworth", [30.3, 27.6, 33.2], [33.2, 33.1, 33.4, 32.3, 31.9, 32.8], "similar", "similar" },
        { "obese", Polarity.LowerIsBetter, "Reception", "Blaby", [6.9, 5.5, 8.6], [9.1, 9.0, 9.2, 8.6, 8.3, 8.8], "significantly lower (better)", "similar" },
        { "obese", Polarity.LowerIsBetter, "Year 6", "North West Leicestershire", [16.4, 14.2, 18.9], [19.1, 19.0, 19.2, 18.5, 18.1, 18.9], "significantly lower (better)", "similar" },
        // Melton: upper limit 19.1 equals England, so similar; the report does not list Melton (lower limit is the OCR fix 12.5).
        { "obese", Polarity.LowerIsBetter, "Year 6", "Melton", [15.5, 12.5, 19.1], [19.1, 19.0, 19.2, 18.5, 18.1, 18.9], "similar", "similar" },
        // Blaby Year 6 overweight: England 14.2 lies above 10.2-14.1. The report says all districts are similar; the
        // printed intervals say otherwise (see samples/ncmp-2014-15/README.md).
        { "overweight", Polarity.LowerIsBetter, "Year 6", "Blaby", [12.0, 10.2, 14.1], [14.2, 14.1, 14.3, 13.8, 13.5, 14.2], "significantly lower (better)", "similar" },
        // Healthy weight: higher is better.
        { "healthy-weight", Polarity.HigherIsBetter, "Reception", "Leicestershire", [78.9, 77.9, 79.8], [77.2, 77.0, 77.3, 77.4, 77.0, 77.8], "significantly higher (better)", "significantly higher (better)" },
        { "healthy-weight", Polarity.HigherIsBetter, "Year 6", "Hinckley and Bosworth", [68.4, 65.6, 71.2], [65.3, 65.2, 65.5, 66.1, 65.7, 66.5], "significantly higher (better)", "similar" },
        // Underweight has no polarity: higher or lower only.
        { "underweight", Polarity.NoJudgement, "Reception", "Oadby and Wigston", [2.9, 1.9, 4.5], [1.0, 0.9, 1.0, 0.9, 0.8, 1.0], "significantly higher", "significantly higher" },
        { "underweight", Polarity.NoJudgement, "Year 6", "Leicestershire", [1.9, 1.6, 2.3], [1.4, 1.4, 1.5, 1.6, 1.5, 1.7], "significantly higher", "similar" },
    };

    [Theory]
    [MemberData(nameof(AppendixC))]
    public void Evaluate_AppendixCRow_GivesTheHandWorkedJudgements(string id, Polarity polarity, string group, string area, double[] figure, double[] benchmarks, string vsEngland, string vsRegion)
    {
        var table = Evaluate(Indicator(id, polarity), group, benchmarks[0], benchmarks[1], benchmarks[2], benchmarks[3], benchmarks[4], benchmarks[5], Figure(id, group, area, figure[0], figure[1], figure[2]));

        var row = table.Rows.Single(r => r.Area == area);
        Assert.Equal([vsEngland, vsRegion], row.Comparisons.Select(c => c.Words));
    }

    [Theory]
    // The report: "20.2% of reception children in Leicestershire are obese or overweight statistically significantly
    // lower than the England and East Midlands averages (21.9% and 21.7% respectively)".
    [InlineData("Reception", 20.2, 19.3, 21.1, 21.9, 21.8, 22.0, 21.7, 21.3, 22.0,
        "20.2% of Reception children in Leicestershire are overweight or obese, significantly lower than the England and East Midlands averages (21.9% and 21.7% respectively).")]
    // The report: "13.4% of year 6 children overweight - similar to the England and East Midlands averages (14.2% and 13.8% respectively)".
    [InlineData("Year 6", 13.4, 12.6, 14.2, 14.2, 14.1, 14.3, 13.8, 13.5, 14.2,
        "13.4% of Year 6 children in Leicestershire are overweight or obese, similar to the England and East Midlands averages (14.2% and 13.8% respectively).")]
    // Hinckley and Bosworth reception: lower than England, similar to the region: two clauses.
    [InlineData("Reception", 19.4, 17.1, 21.8, 21.9, 21.8, 22.0, 21.7, 21.3, 22.0,
        "19.4% of Reception children in Leicestershire are overweight or obese, significantly lower than the England average (21.9%) and similar to the East Midlands average (21.7%).")]
    public void Sentence_LikeTheReport(string group, double value, double lower, double upper, double e, double el, double eu, double r, double rl, double ru, string expected)
    {
        var indicator = Indicator("overweight-or-obese", Polarity.LowerIsBetter, "{value} of {group} children in {area} are overweight or obese");

        var table = Evaluate(indicator, group, e, el, eu, r, rl, ru, Figure(indicator.Id, group, "Leicestershire", value, lower, upper));

        Assert.Equal(expected, table.Rows.Single(x => x.Area == "Leicestershire").Sentence);
    }

    [Fact]
    public void Evaluate_BenchmarkRows_EnglandIsNotComparedWithItsRegion()
    {
        var table = Evaluate(Indicator("obese", Polarity.LowerIsBetter), "Year 6", 19.1, 19.0, 19.2, 18.5, 18.1, 18.9);

        Assert.Equal(["benchmark", "wider benchmark"], table.Rows[0].Comparisons.Select(c => c.Words));
        Assert.Equal(["significantly lower (better)", "benchmark"], table.Rows[1].Comparisons.Select(c => c.Words));
        Assert.Equal("England, Year 6: obese 19.1%.", table.Rows[0].Sentence);
        Assert.Equal("East Midlands, Year 6: obese 18.5%, significantly lower than the England average (19.1%).", table.Rows[1].Sentence);
    }

    [Fact]
    public void Evaluate_PartialInterval_CannotCompareAndSaysWhy()
    {
        var table = Evaluate(Indicator("obese", Polarity.LowerIsBetter), "Reception", 9.1, 9.0, 9.2, 8.6, 8.3, 8.8,
            Figure("obese", "Reception", "Blaby", 6.9, 5.5, null));

        var row = table.Rows[2];
        Assert.Equal(["not compared", "not compared"], row.Comparisons.Select(c => c.Words));
        Assert.Equal(
            "Blaby, Reception: obese 6.9%. Not compared with the England average: only the lower bound of the 95% confidence interval is known, so the difference from England cannot be tested."
            + " Not compared with the East Midlands average: only the lower bound of the 95% confidence interval is known, so the difference from East Midlands cannot be tested.",
            row.Sentence);
    }

    [Fact]
    public void Evaluate_NotPublished_SaysSoWithTheNote()
    {
        var table = Evaluate(Indicator("underweight", Polarity.NoJudgement), "Reception", 1.0, 0.9, 1.0, 0.9, 0.8, 1.0,
            AreaFigure.NotPublished("underweight", "Reception", "Harborough", "suppressed in source (X)"));

        var row = table.Rows[2];
        Assert.Equal(FigureState.NotPublished, row.State);
        Assert.Null(row.ShownValuePercent);
        Assert.Equal("underweight (Reception), Harborough: not published (suppressed in source (X)), so not compared.", row.Sentence);
    }

    [Theory]
    [InlineData(5, FigureState.SuppressedSmallCount)]
    [InlineData(1, FigureState.SuppressedSmallCount)]
    [InlineData(6, FigureState.Shown)]
    [InlineData(0, FigureState.Shown)]
    public void Evaluate_Counts_SmallNumeratorsAreSuppressed(long numerator, FigureState expected)
    {
        var figure = AreaFigure.FromCounts("obese", "Reception", "Rutland", numerator, 200).Value;

        var table = Evaluate(Indicator("obese", Polarity.LowerIsBetter), "Reception", 9.1, 9.0, 9.2, 8.6, 8.3, 8.8, figure);

        var row = table.Rows[2];
        Assert.Equal(expected, row.State);
        Assert.Equal(expected == FigureState.Shown, row.ShownInterval95.HasValue);
    }

    [Theory]
    [InlineData(3, "Not shown: the note may quote a figure withheld for a small count (disclosure control).")]
    [InlineData(30, "1.5% (3 of 200) last year")]
    public void Evaluate_NoteBesideASmallCount_IsWithheldWithIt(long numerator, string shownNote)
    {
        var figure = AreaFigure.FromCounts("obese", "Reception", "Rutland", numerator, 200, "1.5% (3 of 200) last year").Value;

        var table = Evaluate(Indicator("obese", Polarity.LowerIsBetter), "Reception", 9.1, 9.0, 9.2, 8.6, 8.3, 8.8, figure);

        Assert.Equal(shownNote, table.Rows[2].ShownNote);
    }

    [Fact]
    public void Evaluate_SmallCountBenchmark_HasNoValueToCompareWith()
    {
        var indicator = Indicator("obese", Polarity.LowerIsBetter);
        var figures = new[]
        {
            AreaFigure.FromCounts("obese", "", "Region", 3, 100).Value,
            AreaFigure.FromCounts("obese", "", "Town", 30, 100).Value,
        };

        var result = AreaComparisonEvaluator.Evaluate([indicator], figures, new AreaComparisonOptions(["Region"], null, new DisclosureRules(5)));

        var town = result.Value.Tables[0].Rows[1];
        Assert.Equal("no value for Region to compare with", town.Comparisons[0].Comparison.Reason);
        Assert.True(result.Value.AnySmallCountSuppressed);
    }

    [Fact]
    public void FromCounts_1540Of7624_WilsonIntervalRoundsToThePublishedOne()
    {
        // Appendix C prints 19.3-21.1 for Leicestershire reception overweight and obese; 1540/7624 is a plausible
        // reconstruction of the counts (docs/statistics.md), so only the rounding is asserted.
        var figure = AreaFigure.FromCounts("overweight-or-obese", "Reception", "Leicestershire", 1540, 7624).Value;

        Assert.Equal(20.2, Math.Round(figure.ValuePercent!.Value, 1));
        Assert.Equal(19.3, Math.Round(figure.Interval95!.Value.Lower!.Value, 1));
        Assert.Equal(21.1, Math.Round(figure.Interval95!.Value.Upper!.Value, 1));
        Assert.Equal(GoldenThread.Core.Statistics.IntervalProvenance.Computed, figure.Interval95.Value.Provenance);
    }

    [Fact]
    public void Evaluate_UnknownBenchmark_FailsNamingTheAreas()
    {
        var figures = new[] { Figure("obese", "", "Blaby", 6.9, 5.5, 8.6) };

        var result = AreaComparisonEvaluator.Evaluate([Indicator("obese", Polarity.LowerIsBetter)], figures, new AreaComparisonOptions(["Englnd"]));

        Assert.Equal("'Englnd' is not an area in the data; expected one of Blaby", result.Error);
    }

    [Theory]
    [InlineData("obese", "", Polarity.LowerIsBetter, 1, null, "the title is blank; expected the indicator's name as readers see it, such as Obese")]
    [InlineData("obese", "Obese", Polarity.LowerIsBetter, 5, null, "5 decimal places; expected 0 to 4")]
    [InlineData("obese", "Obese", Polarity.LowerIsBetter, 1, "{value} in {place}", "the statement uses '{place}'; expected only {value}, {group}, {area}")]
    public void ComparisonIndicatorCreate_Invalid_FailsWithMessage(string id, string title, Polarity polarity, int decimals, string? statement, string expected)
    {
        Assert.Equal(expected, ComparisonIndicator.Create(id, title, polarity, decimals, statement).Error);
    }
}
