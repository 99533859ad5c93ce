using GoldenThread.Core.AreaComparisons;
using GoldenThread.Core.Dashboard;
using GoldenThread.Core.Periods;
using GoldenThread.Core.Plans;

namespace GoldenThread.Reporting.CommitteePack;

/// <summary>
/// What the command or the plan supplies to the pack beyond the dashboard: the title block, the recommendations, the
/// previous version of the plan (for "Changes to the report") and the previous report's dashboard (for quartile
/// changes). The committee report's standing words (committee, report of, background papers, circulation, equality
/// implications, officers to contact) come from here when given, else from the plan's <c>committee-report:</c>.
/// Anything left out is left out of the pack; nothing is made up in its place.
/// </summary>
public sealed record PackOptions
{
    /// <summary>The committee the pack goes to, e.g. "Children and Families Overview and Scrutiny Committee".</summary>
    public string? Committee { get; init; }

    /// <summary>The date of the meeting, as written, e.g. "4 April 2016".</summary>
    public string? MeetingDate { get; init; }

    /// <summary>Whose report it is, e.g. "Director of Children and Family Services".</summary>
    public string? ReportOf { get; init; }

    /// <summary>Background papers, one each; none takes the plan's (<see cref="CommitteeReportDetails"/>), and with none there either the section is left out.</summary>
    public IReadOnlyList<string> BackgroundPapers { get; init; } = [];

    /// <summary>Circulation under the local issues alert procedure (e.g. "None."); null takes the plan's.</summary>
    public string? Circulation { get; init; }

    /// <summary>Equality and human rights implications, one paragraph each; none takes the plan's.</summary>
    public IReadOnlyList<string> EqualityImplications { get; init; } = [];

    /// <summary>Officers to contact; none takes the plan's.</summary>
    public IReadOnlyList<ContactOfficer> Officers { get; init; } = [];

    /// <summary>The recommendations, one paragraph each; none omits the section.</summary>
    public IReadOnlyList<string> Recommendations { get; init; } = [];

    /// <summary>The previous version of the plan; when given, the pack lists the measures added, removed and changed since.</summary>
    public Plan? PreviousPlan { get; init; }

    /// <summary>The dashboard of the previous reporting period, for "changed quartile"; null when there is none.</summary>
    public Dashboard? PreviousDashboard { get; init; }

    /// <summary>The largest count disclosure control withheld (5 by default), for the wording of withheld figures.</summary>
    public int SuppressionThresholdCount { get; init; } = 5;

    /// <summary>
    /// Approved commentary by measure id (the quarterly cycle's, its three parts as one paragraph); it takes the place of
    /// the values file's note where a measure has both.
    /// </summary>
    public IReadOnlyDictionary<string, string> Commentary { get; init; } = new Dictionary<string, string>();

    /// <summary>Quotes marked publishable (Appendix B of the Q3 2015/16 pack); none omits the appendix.</summary>
    public IReadOnlyList<PackEvidence> Evidence { get; init; } = [];

    /// <summary>
    /// The quarterly cycle's progress of each action for the period, by action code (its lead's update); it takes the
    /// place of the status and progress the plan gives.
    /// </summary>
    public IReadOnlyDictionary<string, PackActionProgress> ActionProgress { get; init; } = new Dictionary<string, PackActionProgress>();

    /// <summary>
    /// Areas compared with benchmarks by 95% confidence interval (Appendix C of the Q3 2015/16 pack, the NCMP
    /// tables), with what they are; null omits the appendix.
    /// </summary>
    public PackComparisons? Comparisons { get; init; }
}

/// <summary>An area comparison for the pack: what it is about, in the source's words (its description), and the evaluated tables.</summary>
public sealed record PackComparisons(string? Description, AreaComparisonResult Result);

/// <summary>An action's progress for a period as its lead recorded it: status, RAG (red, amber, green or none), note, revised due date.</summary>
public sealed record PackActionProgress(ActionStatus Status, string? Rag, string? Progress, DateOnly? RevisedDue);

/// <summary>A line of the title block: "Committee", "Date of meeting", "Report of", "Subject".</summary>
public sealed record TitleField(string Label, string Value);

/// <summary>A paragraph of the covering report; <see cref="Number"/> is set for the numbered ones (1, 2, 3 … through the report).</summary>
public sealed record PackParagraph(string Text, int? Number)
{
    /// <summary>Commentary shown with the paragraph (approved commentary, else the values file's note for the measure), or null.</summary>
    public string? Commentary { get; init; }

    /// <summary>The measure the paragraph is about, or null.</summary>
    public string? MeasureId { get; init; }
}

/// <summary>A heading of the covering report and its paragraphs; <see cref="Level"/> 1 for a section, 2 for a theme.</summary>
public sealed record PackSection(string Heading, int Level, IReadOnlyList<PackParagraph> Paragraphs);

/// <summary>A measure the pack states in words, and why (<see cref="NotableRule"/>).</summary>
public sealed record NotableMeasure(string MeasureId, string ThemeTitle, NotableReasons Reasons, string Sentence, string? Commentary);

public enum AppendixKind
{
    Dashboard,
    CommissioningIntentions,
    ActionPlan,
    OurChildren,
    Evidence,
    AreaComparisons,
}

/// <summary>A quote from a child, young person or family, marked publishable, with the measure it speaks to.</summary>
public sealed record PackEvidence(string MeasureId, string MeasureTitle, string Quote, string? Attribution);

/// <summary>An appendix with its letter, in the order the pack gives them.</summary>
public sealed record PackAppendix(string Letter, AppendixKind Kind, string Title);

/// <summary>One outcome's commissioning intentions counted by strategic-plan priority and by need level.</summary>
public sealed record IntentionsRow(
    string ThemeTitle, string OutcomeId, string OutcomeTitle, IReadOnlyList<int> ByPriority, IReadOnlyList<int> ByNeed, int Total);

/// <summary>The commissioning intentions matrix: outcomes down, strategic-plan priorities and need levels across.</summary>
public sealed record IntentionsMatrix(
    IReadOnlyList<StrategicPriority> Priorities,
    IReadOnlyList<NeedLevel> NeedLevels,
    IReadOnlyList<IntentionsRow> Rows,
    IReadOnlyList<int> PriorityTotals,
    IReadOnlyList<int> NeedTotals,
    int Total,
    string Summary);

/// <summary>An action of the plan with where it sits; <see cref="Status"/> is null when the plan gives none.</summary>
public sealed record ActionPlanRow(
    string ThemeTitle, string? OutcomeTitle, string Code, string Text, string? Lead, DateOnly? Due, string? Status, string? Progress)
{
    /// <summary>The due date as revised in the period's update, when it was; <see cref="Due"/> stays the plan's.</summary>
    public DateOnly? RevisedDue { get; init; }
}

public sealed record ActionPlan(IReadOnlyList<ActionPlanRow> Rows, string Summary);

/// <summary>
/// The committee pack for one reporting period: the covering report and its appendices, the one model the DOCX, XLSX
/// and HTML renderers draw from (built by <see cref="CommitteePackBuilder.Build"/>).
/// </summary>
public sealed record CommitteePack
{
    public required string Title { get; init; }

    public required string CouncilName { get; init; }

    public required string PlanName { get; init; }

    public required Period ReportingPeriod { get; init; }

    public required IReadOnlyList<TitleField> TitleBlock { get; init; }

    public required IReadOnlyList<PackSection> Sections { get; init; }

    public required IReadOnlyList<NotableMeasure> NotableMeasures { get; init; }

    public required IReadOnlyList<PackAppendix> Appendices { get; init; }

    /// <summary>Appendix A: the dashboard as published (after disclosure control).</summary>
    public required Dashboard Dashboard { get; init; }

    public IntentionsMatrix? Intentions { get; init; }

    public ActionPlan? Actions { get; init; }

    public IReadOnlyList<HeadlineFigure> OurChildren { get; init; } = [];

    public IReadOnlyList<PackEvidence> Evidence { get; init; } = [];

    public PackComparisons? Comparisons { get; init; }

    public string LetterOf(AppendixKind kind) => Appendices.First(a => a.Kind == kind).Letter;
}
