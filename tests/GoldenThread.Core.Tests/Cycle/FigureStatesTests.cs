using GoldenThread.Core.Cycle;

namespace GoldenThread.Core.Tests.Cycle;

/// <summary>
/// Every state × step, before and after publication, against a table written out from the issue's rules (awaiting →
/// entered → submitted by the owner → approved, or returned with a reason; not available with a reason; approved figures
/// locked; after publication only a correction of an approved or not-available figure).
/// </summary>
public sealed class FigureStatesTests
{
    // Columns in the order of FigureStep: Enter, Submit, Approve, Return, MarkNotAvailable, Correct. Y allowed, N refused.
    // Worked out from the rules, not from the code:
    //  - entering is the owner's work until the figure is submitted; a submitted or approved one must be returned first;
    //  - only a figure with a value that the owner has (still) in hand is submitted: entered, or returned and fixed;
    //  - the officer approves a submitted figure or one a feed brought (entered), never an awaiting, returned or
    //    not-available one, nor twice;
    //  - a return needs something to return: entered, submitted or approved;
    //  - "not available" can be said of anything not already not available;
    //  - a correction is for published periods only.
    private static readonly Dictionary<FigureState, string> Open = new()
    {
        [FigureState.Awaiting] = "Y N N N Y N",
        [FigureState.Entered] = "Y Y Y Y Y N",
        [FigureState.Submitted] = "N N Y Y Y N",
        [FigureState.Approved] = "N N N Y Y N",
        [FigureState.Returned] = "Y Y N N Y N",
        [FigureState.NotAvailable] = "Y N N N N N",
    };

    // After publication nothing but a correction of a settled figure (every figure is settled by then).
    private static readonly Dictionary<FigureState, string> Published = new()
    {
        [FigureState.Awaiting] = "N N N N N N",
        [FigureState.Entered] = "N N N N N N",
        [FigureState.Submitted] = "N N N N N N",
        [FigureState.Approved] = "N N N N N Y",
        [FigureState.Returned] = "N N N N N N",
        [FigureState.NotAvailable] = "N N N N N Y",
    };

    private static readonly FigureStep[] Steps =
        [FigureStep.Enter, FigureStep.Submit, FigureStep.Approve, FigureStep.Return, FigureStep.MarkNotAvailable, FigureStep.Correct];

    public static TheoryData<FigureState, FigureStep, bool, bool> Cases()
    {
        var data = new TheoryData<FigureState, FigureStep, bool, bool>();
        foreach (var (published, table) in new[] { (false, Open), (true, Published) })
        {
            foreach (var (state, row) in table)
            {
                var cells = row.Split(' ');
                for (var i = 0; i < Steps.Length; i++)
                {
                    data.Add(state, Steps[i], published, cells[i] == "Y");
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Refusal_WithAValue_AllowedExactlyAsTheRulesSay(FigureState state, FigureStep step, bool published, bool allowed)
    {
        var refusal = FigureStates.Refusal(state, step, published, hasValue: true);

        if (allowed)
        {
            Assert.Null(refusal);
        }
        else
        {
            Assert.False(string.IsNullOrWhiteSpace(refusal), $"{state} × {step} (published: {published}) should be refused with a reason");
        }
    }

    [Theory]
    [InlineData(FigureState.Entered, FigureStep.Submit)]
    [InlineData(FigureState.Returned, FigureStep.Submit)]
    [InlineData(FigureState.Entered, FigureStep.Approve)]
    [InlineData(FigureState.Submitted, FigureStep.Approve)]
    public void Refusal_WithoutAValue_NothingToSubmitOrApprove(FigureState state, FigureStep step) =>
        Assert.NotNull(FigureStates.Refusal(state, step, published: false, hasValue: false));

    [Theory]
    [InlineData(FigureState.Awaiting, FigureStep.MarkNotAvailable)]
    [InlineData(FigureState.Awaiting, FigureStep.Enter)]
    [InlineData(FigureState.Entered, FigureStep.Return)]
    public void Refusal_WithoutAValue_StepsThatNeedNoneStillAllowed(FigureState state, FigureStep step) =>
        Assert.Null(FigureStates.Refusal(state, step, published: false, hasValue: false));

    [Theory]
    [InlineData(FigureStep.Enter, FigureState.Entered, false, false)]
    [InlineData(FigureStep.Submit, FigureState.Submitted, false, false)]
    [InlineData(FigureStep.Approve, FigureState.Approved, false, true)]
    [InlineData(FigureStep.Return, FigureState.Returned, true, true)]
    [InlineData(FigureStep.MarkNotAvailable, FigureState.NotAvailable, true, true)]
    [InlineData(FigureStep.Correct, FigureState.Approved, true, true)]
    public void After_NeedsReason_ForApprover_AsTheIssueSays(FigureStep step, FigureState after, bool needsReason, bool forApprover)
    {
        Assert.Equal(after, FigureStates.After(step));
        Assert.Equal(needsReason, FigureStates.NeedsReason(step));
        Assert.Equal(forApprover, FigureStates.ForApprover(step));
    }

    [Theory]
    [InlineData(FigureState.Awaiting, false, true)]
    [InlineData(FigureState.Entered, false, true)]
    [InlineData(FigureState.Submitted, false, false)]
    [InlineData(FigureState.Approved, true, false)]
    [InlineData(FigureState.Returned, false, true)]
    [InlineData(FigureState.NotAvailable, true, false)]
    public void Settled_WithOwner_ByState(FigureState state, bool settled, bool withOwner)
    {
        Assert.Equal(settled, FigureStates.Settled(state));
        Assert.Equal(withOwner, FigureStates.WithOwner(state));
    }

    [Theory]
    [InlineData(FigureState.Awaiting, "2026-01-10", "2026-01-10", false)]
    [InlineData(FigureState.Awaiting, "2026-01-10", "2026-01-11", true)]
    [InlineData(FigureState.Returned, "2026-01-10", "2026-02-01", true)]
    [InlineData(FigureState.Submitted, "2026-01-10", "2026-02-01", false)]
    [InlineData(FigureState.Approved, "2026-01-10", "2026-02-01", false)]
    [InlineData(FigureState.NotAvailable, "2026-01-10", "2026-02-01", false)]
    public void Overdue_OnlyStillWithTheOwnerAfterTheDeadlineDay(FigureState state, string due, string today, bool overdue) =>
        Assert.Equal(overdue, FigureStates.Overdue(state, DateOnly.Parse(due), DateOnly.Parse(today)));

    [Theory]
    [InlineData("awaiting", FigureState.Awaiting)]
    [InlineData(" Not-Available ", FigureState.NotAvailable)]
    [InlineData("SUBMITTED", FigureState.Submitted)]
    public void TryParse_KeysAnyCase(string key, FigureState state)
    {
        Assert.True(FigureStates.TryParse(key, out var parsed));
        Assert.Equal(state, parsed);
    }

    [Theory]
    [InlineData("submit", FigureStep.Submit)]
    [InlineData("approve", FigureStep.Approve)]
    [InlineData("return", FigureStep.Return)]
    [InlineData("not-available", FigureStep.MarkNotAvailable)]
    public void TryParseStep_TheApisWords(string key, FigureStep step)
    {
        Assert.True(FigureStates.TryParseStep(key, out var parsed));
        Assert.Equal(step, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("publish")]
    public void TryParseStep_Unknown_False(string? key) => Assert.False(FigureStates.TryParseStep(key, out _));
}
