using System.Globalization;
using GoldenThread.Core.Dashboard;
using GoldenThread.Core.Measures;
using GoldenThread.Core.Plans;
using GoldenThread.Reporting.CommitteeReport;

namespace GoldenThread.Reporting.CommitteePack;

/// <summary>
/// Builds the committee pack from the published dashboard, the plan and the options: a pure function, so every
/// format of the pack (DOCX, XLSX, HTML) says the same thing and a test can build it from values.
/// </summary>
/// <remarks>
/// Sections whose words neither the dashboard, the plan nor the options supply are left out (Recommendations without
/// recommendations, Changes to the report without the previous plan); nothing is made up to fill them. Paragraphs are
/// numbered 1, 2, 3 … through the covering report, as a council report is.
/// </remarks>
public static class CommitteePackBuilder
{
    public static CommitteePack Build(Dashboard dashboard, Plan plan, PackOptions options)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);

        var period = dashboard.ReportingPeriod;
        var standing = plan.CommitteeReport ?? new CommitteeReportDetails();
        static IReadOnlyList<T> Either<T>(IReadOnlyList<T> given, IReadOnlyList<T> plans) => given.Count > 0 ? given : plans;
        var subject = $"{period.Label} performance report";
        var titleBlock = new List<TitleField>();
        if ((options.Committee ?? standing.Committee) is { Length: > 0 } committee)
        {
            titleBlock.Add(new("Committee", committee));
        }

        if (options.MeetingDate is { Length: > 0 } date)
        {
            titleBlock.Add(new("Date of meeting", date));
        }

        if ((options.ReportOf ?? standing.ReportOf) is { Length: > 0 } reportOf)
        {
            titleBlock.Add(new("Report of", reportOf));
        }

        titleBlock.Add(new("Subject", subject));

        var intentions = Intentions(plan);
        var actions = Actions(plan, options.ActionProgress);
        var appendices = new List<PackAppendix>
        {
            new("A", AppendixKind.Dashboard, $"{dashboard.PlanName} performance dashboard for {period.Label}"),
        };
        void Add(AppendixKind kind, string title) => appendices.Add(new(((char)('A' + appendices.Count)).ToString(), kind, title));
        if (intentions is not null)
        {
            Add(AppendixKind.CommissioningIntentions, "Commissioning intentions by outcome, strategic-plan priority and need level");
        }

        if (actions is not null)
        {
            Add(AppendixKind.ActionPlan, "Action plan: progress by theme and outcome");
        }

        if (options.Evidence.Count > 0)
        {
            Add(AppendixKind.Evidence, "What children and families told us");
        }

        if (options.Comparisons is { } comparisons)
        {
            Add(AppendixKind.AreaComparisons, $"Comparisons of areas with {List(comparisons.Result.Options.BenchmarkAreas)} (95% confidence intervals)");
        }

        if (plan.OurChildren.Count > 0)
        {
            Add(AppendixKind.OurChildren, "Our children: headline figures");
        }

        var previousQuartiles = options.PreviousDashboard?.Rows
            .GroupBy(r => r.Measure.Id, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Quartile, StringComparer.OrdinalIgnoreCase)
            ?? new Dictionary<string, int?>(StringComparer.OrdinalIgnoreCase);
        int? PreviousQuartile(DashboardRow r) => previousQuartiles.TryGetValue(r.Measure.Id, out var q) ? q : null;

        var sections = new List<PackSection>();
        var number = 0;
        PackParagraph Numbered(string text) => new(text, ++number);
        void Section(string heading, int level, IEnumerable<PackParagraph> paragraphs) =>
            sections.Add(new PackSection(heading, level, paragraphs.ToList()));

        Section("Purpose of the report", 1,
        [
            Numbered($"The purpose of this report is to present the Committee with the performance of the {dashboard.PlanName} at the end of {period.Label}."),
        ]);

        if (options.Recommendations.Count > 0)
        {
            Section("Recommendations", 1, options.Recommendations.Select(Numbered).ToList());
        }

        if (PolicyFramework(plan) is { Count: > 0 } policy)
        {
            Section("Policy framework", 1, policy.Select(Numbered).ToList());
        }

        var background = new List<PackParagraph>
        {
            Numbered($"The report is based on the set of performance measures in the {dashboard.PlanName}. The overall performance dashboard is attached as Appendix A."),
            Numbered(CommitteeReportDocxRenderer.SourcesSentence(dashboard)),
        };
        var others = appendices.Skip(1).Select(a => $"Appendix {a.Letter} {AppendixPhrase(a.Kind)}").ToList();
        if (others.Count > 0)
        {
            background.Add(Numbered(Capitalise(List(others)) + "."));
        }

        Section("Background", 1, background);

        if (options.PreviousPlan is { } previousPlan && Changes(previousPlan, plan) is { Count: > 0 } changes)
        {
            Section("Changes to the report", 1, changes.Select(Numbered).ToList());
        }

        Section("Overview", 1, dashboard.Overview.Sentences.Count == 0
            ? [Numbered("No measures have data for this period.")]
            : dashboard.Overview.Sentences.Select(Numbered).ToList());

        var notable = new List<NotableMeasure>();
        foreach (var section in dashboard.Sections)
        {
            var paragraphs = new List<PackParagraph>();
            var withData = section.Rows.Where(r => r.Value is not null || r.Suppressed).ToList();
            if (section.Rows.Count == 0)
            {
                paragraphs.Add(Numbered("There are no measures in this theme."));
            }
            else if (withData.Count == 0)
            {
                paragraphs.Add(Numbered($"No measure in this theme has data for {period.Label}."));
            }
            else
            {
                foreach (var row in section.Rows)
                {
                    var reasons = NotableRule.Reasons(row, PreviousQuartile(row));
                    if (reasons == NotableReasons.None)
                    {
                        continue;
                    }

                    var sentence = PackSentences.Describe(row, PreviousQuartile(row), dashboard.CouncilName, options.SuppressionThresholdCount);
                    var commentary = options.Commentary.TryGetValue(row.Measure.Id, out var approved) && approved.Length > 0 ? approved
                        : row.Note is { Length: > 0 } note ? note : null;
                    notable.Add(new NotableMeasure(row.Measure.Id, section.ThemeTitle, reasons, sentence, commentary));
                    paragraphs.Add(Numbered(sentence) with { Commentary = commentary, MeasureId = row.Measure.Id });
                }

                if (paragraphs.Count == 0)
                {
                    paragraphs.Add(Numbered(
                        "No measure in this theme moved significantly, changed quartile, is rated Red or was updated this period. The figures are in Appendix A."));
                }

                if (MeasureSentences.AwaitingData(section.Rows.ToList()) is { } awaiting)
                {
                    paragraphs.Add(Numbered(awaiting));
                }
            }

            Section(section.ThemeTitle, 1, paragraphs);
        }

        if (dashboard.DisclosureNote is not null)
        {
            Section("Small numbers", 1,
            [
                Numbered($"Figures that rest on fewer than {MeasureSentences.NumberWords(options.SuppressionThresholdCount + 1)} children are withheld from this report and its appendices so that no child can be identified; their ratings are still given."),
            ]);
        }

        if (Either(options.BackgroundPapers, standing.BackgroundPapers) is { Count: > 0 } papers)
        {
            Section("Background papers", 1, papers.Select(p => new PackParagraph(p, null)).ToList());
        }

        if ((options.Circulation ?? standing.Circulation) is { Length: > 0 } circulation)
        {
            Section("Circulation under the local issues alert procedure", 1, [new PackParagraph(circulation, null)]);
        }

        if (Either(options.EqualityImplications, standing.EqualityImplications) is { Count: > 0 } equality)
        {
            Section("Equality and human rights implications", 1, equality.Select(Numbered).ToList());
        }

        if (Either(options.Officers, standing.Officers) is { Count: > 0 } officers)
        {
            Section("Officers to contact", 1, officers.Select(o => new PackParagraph(OfficerLine(o), null)).ToList());
        }

        Section("List of appendices", 1, appendices.Select(a => new PackParagraph($"Appendix {a.Letter} \u2013 {a.Title}", null)).ToList());

        return new CommitteePack
        {
            Title = $"{dashboard.PlanName}: {subject}",
            CouncilName = dashboard.CouncilName,
            PlanName = dashboard.PlanName,
            ReportingPeriod = period,
            TitleBlock = titleBlock,
            Sections = sections,
            NotableMeasures = notable,
            Appendices = appendices,
            Dashboard = dashboard,
            Intentions = intentions,
            Actions = actions,
            OurChildren = plan.OurChildren,
            Evidence = options.Evidence,
            Comparisons = options.Comparisons,
        };
    }

    /// <summary>"Name, Role. Telephone: … Email: …", with whichever parts are given.</summary>
    public static string OfficerLine(ContactOfficer officer)
    {
        var who = string.Join(", ", new[] { officer.Name, officer.Role }.Where(x => x is { Length: > 0 }));
        var parts = new List<string> { who.TrimEnd('.') + "." };
        if (officer.Telephone is { Length: > 0 } telephone)
        {
            parts.Add($"Telephone: {telephone}.");
        }

        if (officer.Email is { Length: > 0 } email)
        {
            parts.Add($"Email: {email}");
        }

        return string.Join(" ", parts);
    }

    private static string AppendixPhrase(AppendixKind kind) => kind switch
    {
        AppendixKind.CommissioningIntentions => "counts the commissioning intentions by outcome, strategic-plan priority and need level",
        AppendixKind.ActionPlan => "gives the progress of the plan's actions",
        AppendixKind.OurChildren => "gives the plan's headline figures about the area's children",
        AppendixKind.Evidence => "gives what children, young people and families told us, in their words",
        AppendixKind.AreaComparisons => "compares areas with their benchmarks, allowing for the uncertainty in each figure (95% confidence intervals)",
        _ => "is the performance dashboard",
    };

    /// <summary>What the plan says of its own place: its name and years, its vision, the strategic-plan priorities it serves.</summary>
    private static List<string> PolicyFramework(Plan plan)
    {
        var paragraphs = new List<string>
        {
            $"The measures, commissioning intentions and actions in this report are those of the {plan.Name}, which covers {plan.FirstYear.ToString(CultureInfo.InvariantCulture)} to {plan.LastYear.ToString(CultureInfo.InvariantCulture)}.",
        };
        if (plan.Vision is { Length: > 0 } vision)
        {
            paragraphs.Add($"Its vision is: \u201c{vision.TrimEnd('.')}\u201d.");
        }

        if (plan.StrategicPriorities.Count > 0)
        {
            paragraphs.Add($"Its commissioning intentions serve the Council's strategic-plan priorities: {List(plan.StrategicPriorities.Select(p => p.Title).ToList())}.");
        }

        return paragraphs;
    }

    /// <summary>The measures added, removed and changed between two versions of the plan, one paragraph each kind.</summary>
    internal static List<string> Changes(Plan previous, Plan current)
    {
        var before = previous.Measures.ToDictionary(m => m.Id, StringComparer.OrdinalIgnoreCase);
        var now = current.Measures.ToDictionary(m => m.Id, StringComparer.OrdinalIgnoreCase);
        var added = current.Measures.Where(m => !before.ContainsKey(m.Id)).ToList();
        var removed = previous.Measures.Where(m => !now.ContainsKey(m.Id)).ToList();
        var changed = current.Measures
            .Where(m => before.TryGetValue(m.Id, out var old) && ChangedParts(old, m).Count > 0)
            .Select(m => $"\u2018{m.Title}\u2019 ({List(ChangedParts(before[m.Id], m))})")
            .ToList();

        var paragraphs = new List<string>();
        if (added.Count > 0)
        {
            paragraphs.Add($"{Capitalise(Measures(added.Count))} {(added.Count == 1 ? "has" : "have")} been added since the previous version of the plan: {Quoted(added)}.");
        }

        if (removed.Count > 0)
        {
            paragraphs.Add($"{Capitalise(Measures(removed.Count))} {(removed.Count == 1 ? "has" : "have")} been removed: {Quoted(removed)}.");
        }

        if (changed.Count > 0)
        {
            paragraphs.Add($"{Capitalise(Measures(changed.Count))} {(changed.Count == 1 ? "has" : "have")} changed: {List(changed)}.");
        }

        return paragraphs;
    }

    private static List<string> ChangedParts(Measure old, Measure now)
    {
        var parts = new List<string>();
        if (old.Title != now.Title)
        {
            parts.Add("title");
        }

        if (old.Unit != now.Unit || old.DecimalPlaces != now.DecimalPlaces)
        {
            parts.Add("unit");
        }

        if (old.Polarity != now.Polarity)
        {
            parts.Add("polarity");
        }

        if (!old.Targets.SequenceEqual(now.Targets) || old.StandingTarget != now.StandingTarget)
        {
            parts.Add("targets");
        }

        if (old.LaitCode != now.LaitCode || old.ReturnMeasureId != now.ReturnMeasureId || old.Definition != now.Definition)
        {
            parts.Add("definition or source");
        }

        return parts;
    }

    private static string Quoted(IEnumerable<Measure> measures) => List(measures.Select(m => $"\u2018{m.Title}\u2019").ToList());

    private static string Measures(int n) => n == 1 ? "one measure" : $"{MeasureSentences.NumberWords(n)} measures";

    /// <summary>The matrix of every outcome with intentions; null when the plan has none.</summary>
    internal static IntentionsMatrix? Intentions(Plan plan)
    {
        var all = plan.Themes.SelectMany(t => t.Outcomes.SelectMany(o => o.Intentions)).ToList();
        if (all.Count == 0)
        {
            return null;
        }

        var needs = Enum.GetValues<NeedLevel>();
        var rows = plan.Themes.SelectMany(t => t.Outcomes.Where(o => o.Intentions.Count > 0).Select(o => new IntentionsRow(
            t.Title, o.Id, o.Title,
            plan.StrategicPriorities.Select(sp => o.Intentions.Count(ci => ci.StrategicPriorities.Contains(sp.Id, StringComparer.OrdinalIgnoreCase))).ToList(),
            needs.Select(n => o.Intentions.Count(ci => ci.NeedLevels.Contains(n))).ToList(),
            o.Intentions.Count))).ToList();
        var priorityTotals = plan.StrategicPriorities.Select((_, i) => rows.Sum(r => r.ByPriority[i])).ToList();
        var needTotals = needs.Select((_, i) => rows.Sum(r => r.ByNeed[i])).ToList();

        var summary = $"{Count(all.Count, "commissioning intention")}: {string.Join(", ", needs.Select((n, i) => $"{n} {needTotals[i].ToString(CultureInfo.InvariantCulture)}"))}.";
        var none = all.Count(ci => ci.NeedLevels.Count == 0);
        if (none > 0)
        {
            summary += $" {Capitalise(Count(none, "intention"))} {(none == 1 ? "has" : "have")} no need level given.";
        }

        var several = all.Count(ci => ci.NeedLevels.Count > 1);
        if (several > 0)
        {
            summary += $" {Capitalise(Count(several, "intention"))} {(several == 1 ? "has" : "have")} more than one need level and {(several == 1 ? "counts" : "count")} in each.";
        }

        return new IntentionsMatrix(plan.StrategicPriorities, needs, rows, priorityTotals, needTotals, all.Count, summary);
    }

    /// <summary>Every action in plan order (each theme's outcomes' actions, then the theme's own); null when the plan has none.</summary>
    internal static ActionPlan? Actions(Plan plan, IReadOnlyDictionary<string, PackActionProgress>? progress = null)
    {
        // Action codes are matched ignoring case, as the plan reader does, whatever the caller's dictionary compares.
        var updates = (progress ?? new Dictionary<string, PackActionProgress>()).ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
        ActionPlanRow Of(string theme, string? outcome, PlanAction a) =>
            updates.TryGetValue(a.Code, out var update) ? Updated(Row(theme, outcome, a), update) : Row(theme, outcome, a);
        var rows = plan.Themes.SelectMany(t =>
            t.Outcomes.SelectMany(o => o.Actions.Select(a => Of(t.Title, o.Title, a)))
                .Concat(t.Actions.Select(a => Of(t.Title, null, a)))).ToList();
        if (rows.Count == 0)
        {
            return null;
        }

        var summary = $"{Count(rows.Count, "action")} under {Count(rows.Select(r => r.ThemeTitle).Distinct().Count(), "theme")}";
        var withLead = rows.Count(r => r.Lead is not null);
        var withDue = rows.Count(r => r.Due is not null);
        var withStatus = rows.Where(r => r.Status is not null).ToList();
        summary += $"; {NumberOf(withLead, rows.Count)} {(withLead == 1 ? "has a lead" : "have a lead")} named and {NumberOf(withDue, rows.Count)} a due date.";
        summary += withStatus.Count == 0
            ? " The plan gives no status or progress for them."
            : " Status: " + string.Join(", ", withStatus.GroupBy(r => r.Status).Select(g => $"{g.Key} {g.Count().ToString(CultureInfo.InvariantCulture)}")) + $" (of the {Count(withStatus.Count, "action")} with a status).";
        return new ActionPlan(rows, summary);
    }

    private static string NumberOf(int n, int of) => n == of ? (of == 1 ? "it" : "all") : n == 0 ? "none" : n.ToString(CultureInfo.InvariantCulture);

    private static ActionPlanRow Row(string theme, string? outcome, PlanAction a) => new(
        theme, outcome, a.Code, a.Text, a.Lead, a.Due, a.StatusStated ? StatusWords(a.Status) : null, a.Progress);

    /// <summary>The plan's action with its lead's update for the period: "On track (Amber)", the note, the revised due date.</summary>
    private static ActionPlanRow Updated(ActionPlanRow row, PackActionProgress update) => row with
    {
        Status = StatusWords(update.Status) + (update.Rag is { Length: > 0 } rag ? $" ({Capitalise(rag.ToLowerInvariant())})" : ""),
        Progress = update.Progress is { Length: > 0 } note ? note : row.Progress,
        RevisedDue = update.RevisedDue is { } revised && revised != row.Due ? revised : null,
    };

    public static string StatusWords(ActionStatus s) => s switch
    {
        ActionStatus.NotStarted => "Not started",
        ActionStatus.OnTrack => "On track",
        ActionStatus.AtRisk => "At risk",
        ActionStatus.OffTrack => "Off track",
        _ => "Complete",
    };

    /// <summary>"1 commissioning intention", "36 commissioning intentions".</summary>
    internal static string Count(int n, string singular) =>
        n.ToString("#,0", CultureInfo.InvariantCulture) + " " + (n == 1 ? singular : singular + "s");

    private static string List(IReadOnlyList<string> parts) =>
        parts.Count <= 1 ? string.Concat(parts) : string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1];

    private static string Capitalise(string s) =>
        s.Length > 0 && char.IsLower(s[0]) ? char.ToUpperInvariant(s[0]) + s[1..] : s;
}
