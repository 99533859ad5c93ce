namespace GoldenThread.Core.Returns;

/// <summary>A child in the Children in Need census (ChildIdentifiers).</summary>
public readonly record struct CinChild(string Id, DateOnly? Birth);

/// <summary>One CINdetails group: a referral and the episode of need it opened.</summary>
public readonly record struct CinReferral(
    int Child,
    DateOnly ReferralDate,
    DateOnly? ClosureDate,
    string Source,
    string? PrimaryNeed,
    string? ReasonForClosure,
    bool NoFurtherAction);

/// <summary>A continuous (single) assessment: started, and completed when authorised.</summary>
public readonly record struct CinAssessment(int Child, DateOnly Start, DateOnly? Authorised);

/// <summary>A section 47 enquiry and its initial child protection conference, if one was held.</summary>
public readonly record struct Section47Enquiry(int Child, DateOnly Start, DateOnly? InitialConference);

/// <summary>A child protection plan with its review dates (ascending).</summary>
public sealed record ChildProtectionPlan(
    int Child,
    DateOnly Start,
    DateOnly? End,
    string InitialCategory,
    string? LatestCategory,
    int NumberOfPreviousPlans,
    DateOnly[] Reviews);

/// <summary>Several years of CIN census merged: one history per child, de-duplicated (docs/returns.md).</summary>
public sealed class CinData
{
    public required IReadOnlyList<CinChild> Children { get; init; }

    /// <summary>Sorted by child, then referral date.</summary>
    public required CinReferral[] Referrals { get; init; }

    public CinAssessment[] Assessments { get; init; } = [];

    public Section47Enquiry[] Section47s { get; init; } = [];

    /// <summary>Sorted by child, then start.</summary>
    public ChildProtectionPlan[] Plans { get; init; } = [];

    /// <summary>The collection years whose censuses were read; <see cref="ReturnCoverage.Complete"/> for data built by hand.</summary>
    public ReturnCoverage Coverage { get; init; } = ReturnCoverage.Complete;

    public static CinData Empty { get; } = new() { Children = [], Referrals = [] };
}
