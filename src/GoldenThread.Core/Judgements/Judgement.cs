namespace GoldenThread.Core.Judgements;

/// <summary>Direction of travel against the previous comparable data point.</summary>
public enum Direction
{
    Improved,
    NoSignificantChange,
    Declined,
    NoComparison,
    /// <summary>Went up, for a measure with no polarity.</summary>
    Higher,
    /// <summary>Went down, for a measure with no polarity.</summary>
    Lower,
}

public enum Rag
{
    /// <summary>No rating: no target, a target that cannot rate (TBC, monitoring only, baseline), or missing inputs.</summary>
    None,
    Red,
    Amber,
    Green,
}

/// <summary>How the council compares with a benchmark (the statistical-neighbour average, England).</summary>
public enum Comparison
{
    NotAvailable,
    Better,
    Similar,
    Worse,
    /// <summary>Above the benchmark, for a measure with no polarity.</summary>
    Higher,
    /// <summary>Below the benchmark, for a measure with no polarity.</summary>
    Lower,
}

/// <summary>Which rule produced a judgement, so readers know how far to trust it.</summary>
public enum JudgementMethod
{
    /// <summary>Nothing to compare with, or the rule did not apply.</summary>
    NotApplicable,
    /// <summary>Compared using the measure's tolerance (no counts for a statistical test).</summary>
    Tolerance,
    /// <summary>A statistical test on counts or confidence intervals.</summary>
    Significance,
    /// <summary>Compared exactly (a quartile, a bound).</summary>
    Exact,
    /// <summary>
    /// Not computed: given with the value in the council's own data (a report's "Better" or "R" where the report does not
    /// give what the judgement needs), with the reason it was given; see <see cref="SuppliedJudgements"/>.
    /// </summary>
    Supplied,
}

/// <summary>An outcome with the reason for it in plain words, and the method used.</summary>
public readonly record struct Judgement<T>(T Outcome, string Reason, JudgementMethod Method = JudgementMethod.NotApplicable)
    where T : struct, Enum
{
    /// <summary>Supplied when the judgement was given with the value (<see cref="JudgementMethod.Supplied"/>), computed otherwise.</summary>
    public Measures.Provenance Provenance => Method == JudgementMethod.Supplied ? Measures.Provenance.Supplied : Measures.Provenance.Computed;
}

/// <summary>A judgement given with a value rather than computed (a report's "Better", "Same", "R"), and why it was given.</summary>
/// <remarks>Invariant: <see cref="Reason"/> is not blank; the values reader requires it, so a supplied judgement always says where it came from.</remarks>
public sealed record SuppliedJudgement<T>(T Outcome, string Reason)
    where T : struct, Enum;
