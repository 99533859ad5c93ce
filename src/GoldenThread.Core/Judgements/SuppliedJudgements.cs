namespace GoldenThread.Core.Judgements;

/// <summary>Combines a computed judgement with one supplied in the council's own data.</summary>
/// <remarks>
/// Method (docs/methods.md#supplied-judgements). A published report often states a judgement without what it rests on
/// ("Better" with no previous value given, "R" with no target given). Such a judgement may come with the value, with
/// the reason it was given. The rule is the one supplied benchmarks follow: <b>computed first</b>.
/// <list type="bullet">
/// <item>When the judgement can be computed (a previous comparable value exists; a target can rate the value), the
/// computed judgement stands; a supplied one that disagrees is named in its reason, so the difference is visible.</item>
/// <item>When it cannot (no comparison, no rating), the supplied judgement is used, marked
/// <see cref="JudgementMethod.Supplied"/>, its reason saying so and why nothing was computed.</item>
/// </list>
/// Nothing is supplied by default: without a supplied judgement the computed one is returned unchanged.
/// </remarks>
public static class SuppliedJudgements
{
    /// <summary>The direction of travel to show: computed where a previous comparable value allowed it, otherwise the supplied one.</summary>
    public static Judgement<Direction> Direction(Judgement<Direction> computed, SuppliedJudgement<Direction>? supplied) =>
        Combine(computed, supplied, computed.Outcome != Judgements.Direction.NoComparison, DirectionWords);

    /// <summary>The RAG rating to show: computed where the target could rate the value, otherwise the supplied one.</summary>
    public static Judgement<Rag> Rag(Judgement<Rag> computed, SuppliedJudgement<Rag>? supplied) =>
        Combine(computed, supplied, computed.Outcome != Judgements.Rag.None, RagWords);

    private static Judgement<T> Combine<T>(Judgement<T> computed, SuppliedJudgement<T>? supplied, bool computable, Func<T, string> words)
        where T : struct, Enum
    {
        if (supplied is null)
        {
            return computed;
        }

        if (!computable)
        {
            return new(supplied.Outcome, $"Supplied with the value: {words(supplied.Outcome)} ({Sentence(supplied.Reason)}). Not computed: {computed.Reason}", JudgementMethod.Supplied);
        }

        var note = EqualityComparer<T>.Default.Equals(computed.Outcome, supplied.Outcome)
            ? $" The value was supplied with the same judgement ({Sentence(supplied.Reason)})."
            : $" The value was supplied with the judgement {words(supplied.Outcome)} ({Sentence(supplied.Reason)}); the computed judgement stands.";
        return computed with { Reason = computed.Reason + note };
    }

    private static string Sentence(string reason) => reason.Trim().TrimEnd('.');

    /// <summary>The words of a direction as a report writes them in a sentence.</summary>
    public static string DirectionWords(Direction direction) => direction switch
    {
        Judgements.Direction.Improved => "improved",
        Judgements.Direction.NoSignificantChange => "no significant change",
        Judgements.Direction.Declined => "declined",
        Judgements.Direction.Higher => "higher",
        Judgements.Direction.Lower => "lower",
        _ => "no comparison",
    };

    public static string RagWords(Rag rag) => rag switch
    {
        Judgements.Rag.Red => "Red",
        Judgements.Rag.Amber => "Amber",
        Judgements.Rag.Green => "Green",
        _ => "no rating",
    };
}
