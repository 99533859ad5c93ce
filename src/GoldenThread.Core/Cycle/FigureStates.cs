namespace GoldenThread.Core.Cycle;

/// <summary>Where one measure's figure stands in a reporting period (docs/cycle.md).</summary>
public enum FigureState
{
    /// <summary>The period is open and nothing has been entered yet.</summary>
    Awaiting,
    /// <summary>A figure is in (typed, uploaded, or brought by LAIT, the statutory returns or a values file) but its owner has not submitted it.</summary>
    Entered,
    /// <summary>The owner has submitted the figure and its commentary for approval; only the performance officer changes it now.</summary>
    Submitted,
    /// <summary>Checked and locked; after publication only a correction (a new version with a reason) changes it.</summary>
    Approved,
    /// <summary>Sent back to the owner with a reason; the owner changes it and submits it again.</summary>
    Returned,
    /// <summary>No figure this period, with a reason the performance officer gave.</summary>
    NotAvailable,
}

/// <summary>What someone does to a figure.</summary>
public enum FigureStep
{
    /// <summary>Enter or change the figure, its counts, status, note or commentary.</summary>
    Enter,
    /// <summary>The owner sends it for approval.</summary>
    Submit,
    /// <summary>The performance officer approves it (a submitted figure, or one that arrived entered from a data feed).</summary>
    Approve,
    /// <summary>The performance officer sends it back with a reason.</summary>
    Return,
    /// <summary>The performance officer records that there is no figure this period, with a reason.</summary>
    MarkNotAvailable,
    /// <summary>The performance officer corrects a published figure: a new version with a reason.</summary>
    Correct,
}

/// <summary>The rule of a figure's life: which step is allowed from which state, and what it leads to. Pure.</summary>
public static class FigureStates
{
    public static IReadOnlyList<FigureState> All { get; } =
        [FigureState.Awaiting, FigureState.Entered, FigureState.Submitted, FigureState.Returned, FigureState.Approved, FigureState.NotAvailable];

    public static string Key(FigureState state) => state switch
    {
        FigureState.Awaiting => "awaiting",
        FigureState.Entered => "entered",
        FigureState.Submitted => "submitted",
        FigureState.Approved => "approved",
        FigureState.Returned => "returned",
        FigureState.NotAvailable => "not-available",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    /// <summary>As people read it in a tag or a count ("Awaiting figures").</summary>
    public static string Title(FigureState state) => state switch
    {
        FigureState.Awaiting => "Awaiting figures",
        FigureState.Entered => "Entered",
        FigureState.Submitted => "Submitted",
        FigureState.Approved => "Approved",
        FigureState.Returned => "Returned",
        FigureState.NotAvailable => "Not available",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static bool TryParse(string? key, out FigureState state)
    {
        foreach (var s in All)
        {
            if (string.Equals(Key(s), key?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                state = s;
                return true;
            }
        }

        state = default;
        return false;
    }

    public static string StepKey(FigureStep step) => step switch
    {
        FigureStep.Enter => "enter",
        FigureStep.Submit => "submit",
        FigureStep.Approve => "approve",
        FigureStep.Return => "return",
        FigureStep.MarkNotAvailable => "not-available",
        FigureStep.Correct => "correct",
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
    };

    public static bool TryParseStep(string? key, out FigureStep step)
    {
        foreach (var s in Enum.GetValues<FigureStep>())
        {
            if (string.Equals(StepKey(s), key?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                step = s;
                return true;
            }
        }

        step = default;
        return false;
    }

    /// <summary>Whether the step needs a reason (returning, not available, correcting).</summary>
    public static bool NeedsReason(FigureStep step) => step is FigureStep.Return or FigureStep.MarkNotAvailable or FigureStep.Correct;

    /// <summary>Whether only the performance officer takes the step (the owner enters and submits).</summary>
    public static bool ForApprover(FigureStep step) => step is FigureStep.Approve or FigureStep.Return or FigureStep.MarkNotAvailable or FigureStep.Correct;

    /// <summary>The state a step leads to.</summary>
    public static FigureState After(FigureStep step) => step switch
    {
        FigureStep.Enter => FigureState.Entered,
        FigureStep.Submit => FigureState.Submitted,
        FigureStep.Approve => FigureState.Approved,
        FigureStep.Return => FigureState.Returned,
        FigureStep.MarkNotAvailable => FigureState.NotAvailable,
        FigureStep.Correct => FigureState.Approved,
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
    };

    /// <summary>
    /// Why <paramref name="step"/> cannot be taken on a figure in <paramref name="state"/>, in a sentence for the person
    /// who tried; null when it can.
    /// </summary>
    /// <param name="published">Whether the period has been published (then figures change only by correction).</param>
    /// <param name="hasValue">Whether the figure has a value (a figure is submitted and approved only with one).</param>
    public static string? Refusal(FigureState state, FigureStep step, bool published, bool hasValue)
    {
        if (published)
        {
            return step == FigureStep.Correct
                ? state is FigureState.Approved or FigureState.NotAvailable ? null : "only an approved figure of a published period can be corrected"
                : "the period has been published: its figures change only by a correction with a reason";
        }

        return step switch
        {
            FigureStep.Correct => "the period is not published yet: change the figure itself (a correction is for published figures)",
            FigureStep.Enter => state switch
            {
                FigureState.Submitted => "the figure has been submitted for approval: the performance officer returns it before it can change",
                FigureState.Approved => "the figure is approved and locked: the performance officer returns it before it can change",
                _ => null,
            },
            FigureStep.Submit => state switch
            {
                FigureState.Entered or FigureState.Returned => hasValue ? null : "there is no figure to submit: enter a value, or ask the performance officer to mark it not available",
                FigureState.Awaiting => "there is no figure to submit yet: enter one first",
                FigureState.Submitted => "the figure has already been submitted",
                FigureState.Approved => "the figure is already approved",
                _ => "a figure marked not available is not submitted: enter one first",
            },
            FigureStep.Approve => state switch
            {
                FigureState.Submitted or FigureState.Entered => hasValue ? null : "there is no figure to approve: mark it not available instead",
                FigureState.Approved => "the figure is already approved",
                FigureState.Returned => "the figure was returned to its owner: wait for it to be submitted again",
                _ => "there is no figure to approve yet",
            },
            FigureStep.Return => state is FigureState.Entered or FigureState.Submitted or FigureState.Approved
                ? null
                : $"a figure that is {Title(state).ToLowerInvariant()} cannot be returned",
            FigureStep.MarkNotAvailable => state is FigureState.NotAvailable ? "the figure is already marked not available" : null,
            _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
        };
    }

    /// <summary>Whether a figure in this state holds up publication.</summary>
    public static bool Settled(FigureState state) => state is FigureState.Approved or FigureState.NotAvailable;

    /// <summary>Whether the owner still has something to do on it (for "my work" and overdue counts).</summary>
    public static bool WithOwner(FigureState state) => state is FigureState.Awaiting or FigureState.Entered or FigureState.Returned;

    /// <summary>Whether a figure is overdue: still with its owner after the period's deadline day.</summary>
    public static bool Overdue(FigureState state, DateOnly due, DateOnly today) => WithOwner(state) && today > due;
}
