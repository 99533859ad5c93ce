using GoldenThread.Core.Judgements;
using GoldenThread.Core.Measures;

namespace GoldenThread.Core.Tests.Judgements;

public class RagRatingTests
{
    private static RagContext Context(double value, Polarity polarity = Polarity.HigherIsBetter, string tolerance = "1") => new()
    {
        Value = value,
        Polarity = polarity,
        Tolerance = Tolerance.Parse(tolerance).Value,
        Format = v => v.ToString("0.##"),
    };

    // Worked by hand: Green when met, Amber when missed by no more than the tolerance, Red beyond.
    [Theory]
    [InlineData("70", 67.4, Polarity.HigherIsBetter, "3", Rag.Amber)]  // misses by 2.6 <= 3
    [InlineData("70", 66.0, Polarity.HigherIsBetter, "3", Rag.Red)]    // misses by 4 > 3
    [InlineData("70", 70.0, Polarity.HigherIsBetter, "3", Rag.Green)]  // equal meets
    [InlineData("70", 73.0, Polarity.HigherIsBetter, "3", Rag.Green)]
    [InlineData("215", 208, Polarity.HigherIsBetter, "2%", Rag.Red)]   // width 4.3, misses by 7
    [InlineData("6.4", 5.9, Polarity.LowerIsBetter, "0.5", Rag.Green)]
    [InlineData("10.8", 11.2, Polarity.LowerIsBetter, "0.5", Rag.Amber)]
    [InlineData("<9", 12.55, Polarity.LowerIsBetter, "1", Rag.Red)]      // bound: misses by 3.55
    [InlineData("<9", 9.5, Polarity.LowerIsBetter, "1", Rag.Amber)]
    [InlineData("<9", 9.0, Polarity.LowerIsBetter, "1", Rag.Amber)]      // 'below' is strict: 9 is not below 9
    [InlineData("<9", 8.9, Polarity.LowerIsBetter, "1", Rag.Green)]
    [InlineData("at most 9", 9.0, Polarity.LowerIsBetter, "1", Rag.Green)]
    [InlineData(">84%", 86.6, Polarity.HigherIsBetter, "1", Rag.Green)]
    [InlineData("below 4%", 3.0, Polarity.LowerIsBetter, "1", Rag.Green)]
    [InlineData("below 4%", 3.0, Polarity.NoJudgement, "1", Rag.Green)]  // a bound says which side is good itself
    [InlineData("100%", 98.7, Polarity.HigherIsBetter, "2", Rag.Amber)]
    public void Judge_NumericAndBoundTargets(string target, double value, Polarity polarity, string tolerance, Rag expected)
    {
        var result = RagRating.Judge(Target.Parse(target).Value, Context(value, polarity, tolerance));

        Assert.Equal(expected, result.Outcome);
    }

    [Theory]
    [InlineData(1, Rag.Green)]
    [InlineData(2, Rag.Amber)]
    [InlineData(3, Rag.Red)]
    [InlineData(4, Rag.Red)]
    [InlineData(null, Rag.None)]
    public void Judge_TopQuartile_ByQuartile(int? quartile, Rag expected)
    {
        var result = RagRating.Judge(Target.Of(TargetKind.TopQuartile), Context(50) with { Quartile = quartile });

        Assert.Equal(expected, result.Outcome);
    }

    [Theory]
    [InlineData(56.8, 57.3, Polarity.HigherIsBetter, Rag.Amber)] // 0.5 short, tolerance 1
    [InlineData(57.3, 57.3, Polarity.HigherIsBetter, Rag.Amber)] // equal is not above
    [InlineData(58.0, 57.3, Polarity.HigherIsBetter, Rag.Green)]
    [InlineData(55.0, 57.3, Polarity.HigherIsBetter, Rag.Red)]
    [InlineData(5.9, 6.4, Polarity.LowerIsBetter, Rag.Green)]
    public void Judge_AboveNationalAverage_AgainstEngland(double value, double england, Polarity polarity, Rag expected)
    {
        var result = RagRating.Judge(Target.Of(TargetKind.AboveNationalAverage), Context(value, polarity) with { England = england });

        Assert.Equal(expected, result.Outcome);
    }

    [Theory]
    [InlineData(64.2, 64.2, Rag.Green)] // equal is "at"
    [InlineData(63.5, 64.2, Rag.Amber)]
    [InlineData(60.0, 64.2, Rag.Red)]
    public void Judge_AtOrBetterThanNeighbours(double value, double sn, Rag expected)
    {
        var result = RagRating.Judge(Target.Of(TargetKind.AtOrBetterThanStatisticalNeighbours), Context(value) with { StatisticalNeighbourAverage = sn });

        Assert.Equal(expected, result.Outcome);
    }

    [Theory]
    [InlineData("increase", 46.6, 45.0, Rag.Green)]
    [InlineData("increase", 45.2, 45.0, Rag.Amber)]
    [InlineData("increase", 44.0, 45.0, Rag.Red)]
    [InlineData("reduce", 44.0, 45.0, Rag.Green)]
    [InlineData("reduce", 46.6, 45.0, Rag.Red)]
    [InlineData("gap narrowing", -30.1, -31.0, Rag.Green)] // |gap| 31.0 -> 30.1
    [InlineData("gap narrowing", 32.0, 30.1, Rag.Red)]
    public void Judge_RelativeToPrevious(string target, double value, double previous, Rag expected)
    {
        var result = RagRating.Judge(Target.Parse(target).Value, Context(value, tolerance: "0.5") with { Previous = previous });

        Assert.Equal(expected, result.Outcome);
    }

    [Theory]
    [InlineData("tbc", "The target is to be confirmed.")]
    [InlineData("monitoring only", "Monitoring only: no target.")]
    [InlineData("baseline", "Baseline year: no target yet.")]
    [InlineData("increase", "Target is to increase, but there is no previous comparable value.")]
    [InlineData("top quartile", "Top-quartile target, but no national quartile is available for this period.")]
    [InlineData("above national average", "Target is to be above the national average, but no England value is available.")]
    public void Judge_TargetThatCannotRate_GivesNoRatingWithReason(string target, string reason)
    {
        var result = RagRating.Judge(Target.Parse(target).Value, Context(50));

        Assert.Equal(Rag.None, result.Outcome);
        Assert.Equal(reason, result.Reason);
    }

    [Fact]
    public void Judge_NoTarget_GivesNoRating()
    {
        Assert.Equal(Rag.None, RagRating.Judge(null, Context(50)).Outcome);
    }

    [Fact]
    public void Judge_NumericTargetWithoutPolarity_GivesNoRatingRatherThanGuess()
    {
        var result = RagRating.Judge(Target.Numeric(10), Context(12, Polarity.NoJudgement));

        Assert.Equal(Rag.None, result.Outcome);
    }

    [Fact]
    public void Judge_GapNarrowingByMoreThanSimilarWithinButLessThanAmberBand_IsGreen()
    {
        // |gap| 25.3 -> 24.3: a fall of 1.0, beyond 1% (0.253) though within the 5% Amber band (1.265).
        var context = Context(-24.3, tolerance: "5%") with { Previous = -25.3, SimilarWithin = Tolerance.RelativeFraction(0.01) };

        Assert.Equal(Rag.Green, RagRating.Judge(Target.Of(TargetKind.GapNarrowing), context).Outcome);
    }
}
