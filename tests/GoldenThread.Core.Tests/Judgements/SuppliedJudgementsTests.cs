using GoldenThread.Core.Judgements;
using GoldenThread.Core.Measures;

namespace GoldenThread.Core.Tests.Judgements;

/// <summary>
/// Supplied judgements fill the gaps computation leaves, never override it: the rule supplied benchmarks follow
/// (docs/methods.md#supplied-judgements).
/// </summary>
public class SuppliedJudgementsTests
{
    private static readonly Judgement<Direction> NoPrevious = new(Direction.NoComparison, "No previous comparable data point.");
    private static readonly Judgement<Direction> Computed = new(Direction.Improved, "98.7% in 2015/16 Q3 against 97.4% in 2015/16 Q2: up 1.3.", JudgementMethod.Tolerance);

    [Fact]
    public void Direction_NothingSupplied_ReturnsTheComputedJudgementUnchanged()
    {
        Assert.Equal(Computed, SuppliedJudgements.Direction(Computed, null));
        Assert.Equal(NoPrevious, SuppliedJudgements.Direction(NoPrevious, null));
    }

    public static TheoryData<Direction, string, string> UsedWhenNotComputable => new()
    {
        { Direction.Improved, "Appendix A: Better", "Supplied with the value: improved (Appendix A: Better). Not computed: No previous comparable data point." },
        { Direction.NoSignificantChange, "Appendix A: Same.", "Supplied with the value: no significant change (Appendix A: Same). Not computed: No previous comparable data point." },
        { Direction.Declined, " para 16: fell by 0.8% ", "Supplied with the value: declined (para 16: fell by 0.8%). Not computed: No previous comparable data point." },
    };

    [Theory]
    [MemberData(nameof(UsedWhenNotComputable))]
    public void Direction_NoPreviousValue_UsesTheSuppliedJudgementMarkedSupplied(Direction supplied, string reason, string expectedReason)
    {
        var result = SuppliedJudgements.Direction(NoPrevious, new SuppliedJudgement<Direction>(supplied, reason));

        Assert.Equal(supplied, result.Outcome);
        Assert.Equal(JudgementMethod.Supplied, result.Method);
        Assert.Equal(Provenance.Supplied, result.Provenance);
        Assert.Equal(expectedReason, result.Reason);
    }

    [Fact]
    public void Direction_ComputableAndSuppliedDisagrees_ComputedStandsAndNamesTheSuppliedOne()
    {
        // Leicestershire Q3 2015/16: 98.7% against 97.4% (para 8) is beyond 1% of 97.4; Appendix A says "Same".
        var result = SuppliedJudgements.Direction(Computed, new SuppliedJudgement<Direction>(Direction.NoSignificantChange, "Appendix A: Same"));

        Assert.Equal(Direction.Improved, result.Outcome);
        Assert.Equal(JudgementMethod.Tolerance, result.Method);
        Assert.Equal(Provenance.Computed, result.Provenance);
        Assert.Equal(
            "98.7% in 2015/16 Q3 against 97.4% in 2015/16 Q2: up 1.3. The value was supplied with the judgement no significant change (Appendix A: Same); the computed judgement stands.",
            result.Reason);
    }

    [Fact]
    public void Direction_ComputableAndSuppliedAgrees_SaysSo()
    {
        var result = SuppliedJudgements.Direction(Computed, new SuppliedJudgement<Direction>(Direction.Improved, "Appendix A: Better"));

        Assert.Equal(JudgementMethod.Tolerance, result.Method);
        Assert.EndsWith(" The value was supplied with the same judgement (Appendix A: Better).", result.Reason);
    }

    public static TheoryData<Rag, Rag, Rag, JudgementMethod> RagCases => new()
    {
        // computed, supplied, expected outcome, expected method
        { Rag.None, Rag.Red, Rag.Red, JudgementMethod.Supplied },
        { Rag.None, Rag.Green, Rag.Green, JudgementMethod.Supplied },
        { Rag.Amber, Rag.Green, Rag.Amber, JudgementMethod.Tolerance },
        { Rag.Red, Rag.Red, Rag.Red, JudgementMethod.Tolerance },
    };

    [Theory]
    [MemberData(nameof(RagCases))]
    public void Rag_SuppliedRating_UsedOnlyWhereNoneCanBeComputed(Rag computed, Rag supplied, Rag expected, JudgementMethod method)
    {
        var computedJudgement = new Judgement<Rag>(computed, "computed reason.", computed == Rag.None ? JudgementMethod.NotApplicable : JudgementMethod.Tolerance);

        var result = SuppliedJudgements.Rag(computedJudgement, new SuppliedJudgement<Rag>(supplied, "Appendix A RAG column"));

        Assert.Equal(expected, result.Outcome);
        Assert.Equal(method, result.Method);
    }
}
