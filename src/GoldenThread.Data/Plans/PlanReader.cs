using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using GoldenThread.Core;
using GoldenThread.Core.Measures;
using GoldenThread.Core.Periods;
using GoldenThread.Core.Plans;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GoldenThread.Data.Plans;

/// <summary>
/// Reads a department's plan from the YAML format of docs/plan-format.md. Strict: every problem in the file is collected
/// (file, line, column, field path, what was expected) and thrown once as an <see cref="InputException"/>.
/// </summary>
/// <remarks>
/// Walks YamlDotNet's representation model rather than deserialising into classes, so that every problem, including
/// cross-references such as an outcome naming an unknown measure, can point at the exact line and column.
/// </remarks>
public static partial class PlanReader
{
    public static Plan ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Path.GetFileName(path);
        StreamReader reader;
        try
        {
            // Checked first so that a byte that is not UTF-8 is refused at its line and column, not for the whole file.
            Utf8Text.Require(path, name, TextLayout.Lines, 4L * YamlLimits.MaxCharacters);
            reader = new StreamReader(path, Utf8Text.Strict, detectEncodingFromByteOrderMarks: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException(new InputError(name, null, null, "cannot be opened: " + ex.Message));
        }

        using (reader)
        {
            return Read(reader, name);
        }
    }

    /// <param name="reader">The YAML text.</param>
    /// <param name="fileName">The name errors give for the file, as the user knows it.</param>
    public static Plan Read(TextReader reader, string fileName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(fileName);

        YamlStream stream;
        try
        {
            stream = YamlLimits.Load(reader, fileName);
        }
        catch (YamlException ex)
        {
            throw new InputException(new InputError(
                fileName, (int)ex.Start.Line, ex.Start.Column.ToString(CultureInfo.InvariantCulture), "YAML syntax: " + BareMessage(ex)));
        }
        catch (DecoderFallbackException)
        {
            throw new InputException(new InputError(fileName, null, null, "is not UTF-8 text; expected a YAML file saved as UTF-8"));
        }

        var problems = new YamlProblems(fileName);
        if (stream.Documents.Count == 0 || YamlProblems.IsNull(stream.Documents[0].RootNode))
        {
            throw new InputException(new InputError(fileName, 1, "1", "the file is empty; expected a plan (plan, years, themes, measures)"));
        }

        if (stream.Documents.Count > 1)
        {
            problems.Add(stream.Documents[1].RootNode, null, "a second YAML document; expected one plan per file (remove the '---' line)");
        }

        var plan = new Walker(problems).ReadPlan(stream.Documents[0].RootNode);
        if (problems.Any || plan is null)
        {
            throw new InputException(problems.Sorted());
        }

        return plan;
    }

    // YamlDotNet prefixes its message with "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the position is given separately.
    private static string BareMessage(YamlException ex) => PositionPrefix().Replace(ex.Message, "");

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex PositionPrefix();

    [GeneratedRegex(@"^(?<a>\d{4})\s*-\s*(?<b>\d{2}|\d{4})$")]
    private static partial Regex YearsPattern();

    [GeneratedRegex(@"^\d{3}$")]
    private static partial Regex LaNumberPattern();

    private const string PolarityExpected = "higher-is-better, lower-is-better or no-judgement";
    private const string UnitExpected = "percentage, count, rate per N (e.g. rate per 10000), days, weeks, months, score, ratio or currency";
    private const string NeedExpected = "prevent, reduce, delay or meet";
    private const string StatusExpected = "not-started, on-track, at-risk, off-track or complete";

    private static readonly string[] PlanKeys =
    [
        "plan", "council", "la", "years", "vision", "mission", "values", "strategic-priorities", "themes", "measures",
        "cross-cutting-themes", "performance-levels", "related-strategies", "our-children",
        "committee-report",
    ];

    private static readonly string[] CommitteeReportKeys =
        ["committee", "report-of", "background-papers", "circulation", "equality-and-human-rights", "officers-to-contact"];

    private static readonly string[] ThemeKeys = ["id", "title", "description", "aims", "measures", "outcomes", "actions"];
    private static readonly string[] OutcomeKeys = ["id", "title", "description", "measures", "intentions", "actions", "expected-results"];
    private static readonly string[] IntentionKeys = ["id", "text", "need", "strategic-priorities", "statutory", "rationale"];
    private static readonly string[] ActionKeys = ["code", "text", "lead", "due", "status", "progress"];

    private static readonly string[] MeasureKeys =
    [
        "id", "title", "unit", "polarity", "frequency", "decimals", "source", "owner", "lait", "return", "tolerance", "similar-within", "no-quartile",
        "qualitative", "definition", "targets", "target", "gap", "counts",
    ];

    private sealed record IdUse(string Id, string Path, YamlNode Node);

    /// <summary>A measure read so far: its targets wait until every measure's frequency is known (a gap measure inherits its group's).</summary>
    private sealed record MeasureDraft(Measure Measure, bool FrequencyGiven, YamlMappingNode? Targets, string TargetsPath, YamlScalarNode? StandingTarget, string StandingTargetPath);

    private sealed class Walker(YamlProblems problems)
    {
        private readonly List<IdUse> _ids = [];
        private readonly List<IdUse> _actionCodes = [];
        private readonly List<IdUse> _measureRefs = [];
        private readonly List<IdUse> _gapEnds = [];
        private readonly List<IdUse> _priorityRefs = [];

        public Plan? ReadPlan(YamlNode root)
        {
            if (problems.AsMapping(root, "") is not { } map)
            {
                return null;
            }

            var f = new YamlFields(problems, map, "", PlanKeys);
            var name = f.Text("plan", "the plan's name");
            var council = f.Text("council");
            var vision = f.Text("vision");
            var mission = f.Text("mission");
            var (firstYear, lastYear) = ReadYears(f);
            int? la = null;
            if (f.Scalar("la") is { } laNode)
            {
                var t = (laNode.Value ?? "").Trim();
                if (LaNumberPattern().IsMatch(t))
                {
                    la = int.Parse(t, CultureInfo.InvariantCulture);
                }
                else
                {
                    problems.Add(laNode, "la", $"'{t}' is not a DfE LA number; expected a three-digit number, e.g. 855");
                }
            }

            var priorities = Items(f, "strategic-priorities", (fields, _) =>
            {
                var id = Id(fields, "id");
                var title = fields.Text("title", "a title");
                return new StrategicPriority(id ?? "", title ?? "");
            }, ["id", "title"]);

            var drafts = Items(f, "measures", (fields, _) => ReadMeasure(fields), MeasureKeys);
            var measures = ResolveMeasures(drafts);

            var themes = Items(f, "themes", (fields, _) => ReadTheme(fields), ThemeKeys);

            var values = Items(f, "values", (fields, _) => new PlanValue(fields.Text("name", "a name") ?? "", fields.Text("description")), ["name", "description"]);
            var crossCutting = Items(f, "cross-cutting-themes", (fields, _) => new CrossCuttingTheme(fields.Text("name", "a name") ?? "", fields.Text("description"))
            {
                MeasureIds = MeasureRefs(fields, "measures"),
            }, ["name", "description", "measures"]);
            var levels = Items(f, "performance-levels", (fields, _) => new PerformanceLevel(
                fields.Text("level", "the level's name, e.g. Departmental") ?? "",
                fields.TextList("planning").Select(x => x.Text).ToList(),
                fields.TextList("review").Select(x => x.Text).ToList(),
                fields.Text("cadence")), ["level", "planning", "review", "cadence"]);
            var strategies = Items(f, "related-strategies", (fields, _) => new RelatedStrategy(fields.Text("name", "a name") ?? "", fields.Text("tier")), ["name", "tier"]);
            var headlines = Items(f, "our-children", (fields, _) => new HeadlineFigure(
                fields.Text("label", "a label") ?? "",
                fields.Text("value", "the figure as written, e.g. \"136,946\"") ?? "",
                fields.Text("period")), ["label", "value", "period"]);
            var committeeReport = f.Mapping("committee-report") is { } reportNode
                ? ReadCommitteeReport(new YamlFields(problems, reportNode, "committee-report", CommitteeReportKeys))
                : null;

            CheckUnique(_ids, "id", "ids are unique across strategic priorities, themes, outcomes, intentions and measures");
            CheckUnique(_actionCodes, "action code", "action codes are unique in the plan");
            // Duplicate and missing ids are already reported; the first of each stands for resolving references.
            var measureIds = measures.Where(m => m.Id.Length > 0).DistinctBy(m => m.Id, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(m => m.Id, m => m.Id, StringComparer.OrdinalIgnoreCase);
            CheckReferences(_measureRefs, measureIds, "measure", "an id from the measures list");

            // A gap of gaps could name itself through another; gaps are between measures with values of their own.
            var gapIds = measures.Where(m => m.Gap is not null).Select(m => m.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var end in _gapEnds.Where(e => gapIds.Contains(e.Id)))
            {
                problems.Add(end.Node, end.Path, $"'{end.Id}' is itself a gap measure; expected a measure with values of its own");
            }
            var priorityIds = priorities.Where(p => p.Id.Length > 0).DistinctBy(p => p.Id, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(p => p.Id, p => p.Id, StringComparer.OrdinalIgnoreCase);
            CheckReferences(_priorityRefs, priorityIds, "strategic priority", "an id from strategic-priorities");

            if (problems.Any)
            {
                return null;
            }

            // References are matched ignoring case (as Plan.FindMeasure does); store the measure's own spelling.
            string Canonical(string id) => measureIds[id];
            themes = themes.Select(t => t with
            {
                MeasureIds = t.MeasureIds.Select(Canonical).ToList(),
                Outcomes = t.Outcomes.Select(o => o with { MeasureIds = o.MeasureIds.Select(Canonical).ToList() }).ToList(),
            }).ToList();
            crossCutting = crossCutting.Select(c => c with { MeasureIds = c.MeasureIds.Select(Canonical).ToList() }).ToList();
            measures = measures.Select(m => m.Gap is { } g
                ? m with { Gap = new GapDefinition(Canonical(g.GroupMeasureId), Canonical(g.ComparisonMeasureId)) }
                : m).ToList();

            return new Plan
            {
                Name = name!,
                Council = council,
                LaNumber = la,
                FirstYear = firstYear,
                LastYear = lastYear,
                Vision = vision,
                Mission = mission,
                Values = values,
                StrategicPriorities = priorities,
                Themes = themes,
                Measures = measures,
                CrossCuttingThemes = crossCutting,
                PerformanceLevels = levels,
                RelatedStrategies = strategies,
                OurChildren = headlines,
                CommitteeReport = committeeReport,
            };
        }

        private CommitteeReportDetails ReadCommitteeReport(YamlFields f)
        {
            var officers = Items(f, "officers-to-contact", (fields, _) =>
            {
                var officer = new ContactOfficer(fields.Text("name"), fields.Text("role"), fields.Text("telephone"), fields.Text("email"));
                if (officer.Name is not { Length: > 0 } && officer.Role is not { Length: > 0 })
                {
                    problems.Add(fields.Node, fields.Path, "an officer with neither a name nor a role; expected name:, role: or both");
                }

                return officer;
            }, ["name", "role", "telephone", "email"]);
            return new CommitteeReportDetails
            {
                Committee = f.Text("committee"),
                ReportOf = f.Text("report-of"),
                BackgroundPapers = TextOrList(f, "background-papers"),
                Circulation = f.Text("circulation"),
                EqualityImplications = TextOrList(f, "equality-and-human-rights"),
                Officers = officers,
            };
        }

        /// <summary>One paragraph written as a single value, or several as a list.</summary>
        private static List<string> TextOrList(YamlFields f, string key) => f.Get(key) switch
        {
            null => [],
            YamlScalarNode => f.Text(key) is { Length: > 0 } one ? [one] : [],
            _ => f.TextList(key).Select(x => x.Text).Where(x => x.Length > 0).ToList(),
        };

        private (int First, int Last) ReadYears(YamlFields f)
        {
            if (f.Scalar("years", "the span of years, e.g. 2020-2023") is not { } node)
            {
                return (0, 0);
            }

            var t = (node.Value ?? "").Trim();
            var m = YearsPattern().Match(t);
            if (m.Success)
            {
                var first = int.Parse(m.Groups["a"].Value, CultureInfo.InvariantCulture);
                var second = m.Groups["b"].Value;
                var last = second.Length == 4
                    ? int.Parse(second, CultureInfo.InvariantCulture)
                    : (first / 100 * 100) + int.Parse(second, CultureInfo.InvariantCulture);
                if (second.Length == 2 && last < first)
                {
                    last += 100;
                }

                if (last >= first && first >= Period.EarliestYear && last <= Period.LatestYear)
                {
                    return (first, last);
                }

                if (last >= first)
                {
                    problems.Add(node, "years", $"'{t}' is outside the years GoldenThread reads; expected years from {Period.EarliestYear} to {Period.LatestYear}");
                    return (0, 0);
                }
            }

            problems.Add(node, "years", $"'{t}' is not a span of years; expected first-last calendar years, e.g. 2020-2023 or 2020-23");
            return (0, 0);
        }

        /// <summary>Reads each mapping of a list; items that are not mappings are reported and skipped.</summary>
        private List<T> Items<T>(YamlFields parent, string key, Func<YamlFields, int, T> read, IReadOnlyList<string> allowed)
        {
            var result = new List<T>();
            if (parent.Sequence(key) is not { } seq)
            {
                return result;
            }

            for (var i = 0; i < seq.Children.Count; i++)
            {
                var path = $"{parent.PathOf(key)}[{i.ToString(CultureInfo.InvariantCulture)}]";
                if (problems.AsMapping(seq.Children[i], path) is { } map)
                {
                    result.Add(read(new YamlFields(problems, map, path, allowed), i));
                }
            }

            return result;
        }

        private string? Id(YamlFields f, string key)
        {
            if (f.Scalar(key, "an id") is not { } node)
            {
                return null;
            }

            var id = (node.Value ?? "").Trim();
            _ids.Add(new IdUse(id, f.PathOf(key), node));
            return id;
        }

        private List<string> MeasureRefs(YamlFields f, string key)
        {
            var list = f.TextList(key);
            foreach (var (text, node, path) in list)
            {
                _measureRefs.Add(new IdUse(text, path, node));
            }

            return list.Select(x => x.Text).ToList();
        }

        private Theme ReadTheme(YamlFields f)
        {
            var id = Id(f, "id");
            var title = f.Text("title", "a title");
            return new Theme
            {
                Id = id ?? "",
                Title = title ?? "",
                Description = f.Text("description"),
                Aims = f.TextList("aims").Select(a => a.Text).ToList(),
                MeasureIds = MeasureRefs(f, "measures"),
                Outcomes = Items(f, "outcomes", (o, _) => ReadOutcome(o), OutcomeKeys),
                Actions = Items(f, "actions", (a, _) => ReadAction(a), ActionKeys),
            };
        }

        private Outcome ReadOutcome(YamlFields f)
        {
            var id = Id(f, "id");
            var title = f.Text("title", "a title");
            return new Outcome
            {
                Id = id ?? "",
                Title = title ?? "",
                Description = f.Text("description"),
                MeasureIds = MeasureRefs(f, "measures"),
                Intentions = Items(f, "intentions", (i, _) => ReadIntention(i), IntentionKeys),
                Actions = Items(f, "actions", (a, _) => ReadAction(a), ActionKeys),
                ExpectedResults = f.TextList("expected-results").Select(r => r.Text).ToList(),
            };
        }

        private CommissioningIntention ReadIntention(YamlFields f)
        {
            var id = Id(f, "id");
            var text = f.Text("text", "what will be commissioned or done");
            var needs = new List<NeedLevel>();
            foreach (var (need, node, path) in f.TextList("need"))
            {
                NeedLevel? level = need.ToLowerInvariant() switch
                {
                    "prevent" => NeedLevel.Prevent,
                    "reduce" => NeedLevel.Reduce,
                    "delay" => NeedLevel.Delay,
                    "meet" => NeedLevel.Meet,
                    _ => null,
                };
                if (level is { } l)
                {
                    if (!needs.Contains(l))
                    {
                        needs.Add(l);
                    }
                }
                else
                {
                    problems.Add(node, path, $"'{need}' is not a need level; expected {NeedExpected}");
                }
            }

            var priorities = f.TextList("strategic-priorities");
            foreach (var (p, node, path) in priorities)
            {
                _priorityRefs.Add(new IdUse(p, path, node));
            }

            return new CommissioningIntention
            {
                Id = id ?? "",
                Text = text ?? "",
                NeedLevels = needs,
                StrategicPriorities = priorities.Select(p => p.Text).ToList(),
                Statutory = f.Flag("statutory"),
                Rationale = f.Text("rationale"),
            };
        }

        private PlanAction ReadAction(YamlFields f)
        {
            string? code = null;
            if (f.Scalar("code", "the action's number, e.g. 1.1a") is { } codeNode)
            {
                code = (codeNode.Value ?? "").Trim();
                _actionCodes.Add(new IdUse(code, f.PathOf("code"), codeNode));
            }

            var text = f.Text("text", "what will be done");
            DateOnly? due = null;
            if (f.Scalar("due") is { } dueNode)
            {
                var t = (dueNode.Value ?? "").Trim();
                if (DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    due = d;
                }
                else
                {
                    problems.Add(dueNode, f.PathOf("due"), $"'{t}' is not an ISO date; expected YYYY-MM-DD, e.g. 2021-03-31");
                }
            }

            var status = ActionStatus.NotStarted;
            var statusStated = false;
            if (f.Scalar("status") is { } statusNode)
            {
                var t = (statusNode.Value ?? "").Trim();
                ActionStatus? s = t.ToLowerInvariant().Replace(' ', '-').Replace('_', '-') switch
                {
                    "not-started" => ActionStatus.NotStarted,
                    "on-track" => ActionStatus.OnTrack,
                    "at-risk" => ActionStatus.AtRisk,
                    "off-track" => ActionStatus.OffTrack,
                    "complete" => ActionStatus.Complete,
                    _ => null,
                };
                if (s is { } v)
                {
                    status = v;
                    statusStated = true;
                }
                else
                {
                    problems.Add(statusNode, f.PathOf("status"), $"'{t}' is not an action status; expected {StatusExpected}");
                }
            }

            return new PlanAction
            {
                Code = code ?? "",
                Text = text ?? "",
                Lead = f.Text("lead"),
                Due = due,
                Status = status,
                StatusStated = statusStated,
                Progress = f.Text("progress"),
            };
        }

        /// <summary>Parses a single value with a core parser, reporting its message at the value.</summary>
        private T? Parsed<T>(YamlFields f, string key, Func<string, ParseResult<T>> parse, string? requiredExpecting = null)
            where T : struct
        {
            if (f.Scalar(key, requiredExpecting) is not { } node)
            {
                return null;
            }

            var r = parse(node.Value ?? "");
            if (r.Success)
            {
                return r.Value;
            }

            problems.Add(node, f.PathOf(key), r.Error!);
            return null;
        }

        private MeasureDraft ReadMeasure(YamlFields f)
        {
            var id = Id(f, "id");
            var title = f.Text("title", "a title");

            MeasureUnit? unit = null;
            if (f.Scalar("unit", UnitExpected) is { } unitNode)
            {
                var r = MeasureUnit.Parse(unitNode.Value);
                if (r.Success)
                {
                    unit = r.Value;
                }
                else
                {
                    problems.Add(unitNode, f.PathOf("unit"), r.Error!);
                }
            }

            var polarity = Parsed(f, "polarity", PolarityExtensions.Parse, PolarityExpected);
            var frequency = Parsed(f, "frequency", FrequencyNames.Parse);

            var decimals = 1;
            if (f.Scalar("decimals") is { } decNode)
            {
                var t = (decNode.Value ?? "").Trim();
                if (int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d <= 6)
                {
                    decimals = d;
                }
                else
                {
                    problems.Add(decNode, f.PathOf("decimals"), $"'{t}' is not a number of decimal places; expected a whole number from 0 to 6");
                }
            }

            var tolerance = Parsed(f, "tolerance", Tolerance.Parse) ?? Tolerance.DefaultAmber;
            var similarWithin = Parsed(f, "similar-within", Tolerance.Parse) ?? Tolerance.DefaultSimilarity;

            GapDefinition? gap = null;
            if (f.Mapping("gap") is { } gapMap)
            {
                var gapFields = new YamlFields(problems, gapMap, f.PathOf("gap"), ["group", "comparison"]);
                var ends = new List<string>();
                foreach (var key in new[] { "group", "comparison" })
                {
                    var refId = "";
                    if (gapFields.Scalar(key, "a measure id") is { Value: { } written } refNode)
                    {
                        refId = written.Trim();
                        _measureRefs.Add(new IdUse(refId, gapFields.PathOf(key), refNode));
                        if (id is not null && string.Equals(refId, id, StringComparison.OrdinalIgnoreCase))
                        {
                            problems.Add(refNode, gapFields.PathOf(key), "a gap measure names itself; expected the id of another measure");
                        }
                        else
                        {
                            _gapEnds.Add(new IdUse(refId, gapFields.PathOf(key), refNode));
                        }
                    }

                    ends.Add(refId);
                }

                gap = new GapDefinition(ends[0], ends[1]);
            }

            var source = f.Text("source");
            var owner = f.Text("owner");
            var definition = f.Text("definition");
            var lait = f.Text("lait");
            string? returnId = null;
            if (f.Scalar("return") is { Value: { } writtenReturn } returnNode)
            {
                var derivedMeasure = GoldenThread.Core.Returns.ReturnMeasureCatalogue.All
                    .FirstOrDefault(r => string.Equals(r.Id, writtenReturn.Trim(), StringComparison.OrdinalIgnoreCase));
                returnId = derivedMeasure?.Id;
                // A measure fed from the returns says how it is derived (the choices made) unless the plan words it itself.
                definition ??= derivedMeasure?.Definition;
                if (returnId is null)
                {
                    var near = Suggestions.Closest(writtenReturn.Trim(), GoldenThread.Core.Returns.ReturnMeasureCatalogue.All.Select(r => r.Id));
                    problems.Add(returnNode, f.PathOf("return"), $"'{writtenReturn.Trim()}' is not a measure derived from the statutory returns; " +
                        (near is null ? "expected an id listed in docs/returns.md" : $"did you mean '{near}'? (ids are listed in docs/returns.md)"));
                }
            }
            var noQuartile = f.Flag("no-quartile");
            var qualitative = f.Flag("qualitative");
            var counts = Parsed(f, "counts", CountedNames.Parse);
            if (counts is { } c && !c.ArePeople() && returnId is not null && f.Scalar("counts") is { } countsNode)
            {
                // Every figure derived from the SSDA903 or the CIN census counts children: disclosure control must stay on.
                problems.Add(countsNode, f.PathOf("counts"), $"a measure derived from the statutory returns ('{returnId}') counts children, not {c.Key()}; expected children or families, or no 'counts'");
            }

            var targets = f.Mapping("targets");
            var standing = f.Scalar("target");
            if (targets is not null && standing is not null)
            {
                problems.Add(standing, f.PathOf("target"), "a measure has either targets by year or one target with no year, not both; expected 'targets' or 'target'");
                standing = null;
            }

            var measure = new Measure
            {
                Id = id ?? "",
                Title = title ?? "",
                Unit = unit ?? MeasureUnit.Count,
                Polarity = polarity ?? Polarity.NoJudgement,
                Frequency = frequency ?? Frequency.Quarterly,
                DecimalPlaces = decimals,
                Source = source,
                Owner = owner,
                Definition = definition,
                LaitCode = lait,
                ReturnMeasureId = returnId,
                Tolerance = tolerance,
                SimilarWithin = similarWithin,
                NoQuartile = noQuartile,
                Qualitative = qualitative,
                CountsGiven = counts,
                Gap = gap,
            };
            return new MeasureDraft(measure, frequency is not null, targets, f.PathOf("targets"), standing, f.PathOf("target"));
        }

        private List<Measure> ResolveMeasures(List<MeasureDraft> drafts)
        {
            var byId = drafts.Where(d => d.Measure.Id.Length > 0)
                .DistinctBy(d => d.Measure.Id, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(d => d.Measure.Id, StringComparer.OrdinalIgnoreCase);
            var result = new List<Measure>();
            foreach (var draft in drafts)
            {
                var m = draft.Measure;

                // A gap is read in its group's periods, so it shares the group measure's frequency unless it says otherwise.
                if (!draft.FrequencyGiven && m.Gap is { } g && byId.TryGetValue(g.GroupMeasureId, out var group) && group.FrequencyGiven)
                {
                    m = m with { Frequency = group.Measure.Frequency };
                }

                result.Add(m with
                {
                    Targets = ReadTargets(draft.Targets, draft.TargetsPath, m.Frequency),
                    StandingTarget = ReadStandingTarget(draft.StandingTarget, draft.StandingTargetPath),
                });
            }

            return result;
        }

        /// <summary>A target written with no year (<c>target: 81%</c>): in force for every period.</summary>
        private Target? ReadStandingTarget(YamlScalarNode? node, string path)
        {
            if (node is null)
            {
                return null;
            }

            var r = Target.Parse(node.Value);
            if (r.Success)
            {
                return r.Value;
            }

            problems.Add(node, path, r.Error!);
            return null;
        }

        private List<ScheduledTarget> ReadTargets(YamlMappingNode? map, string path, Frequency frequency)
        {
            var result = new List<ScheduledTarget>();
            if (map is null)
            {
                return result;
            }

            var basis = FrequencyNames.YearBasisFor(frequency);
            var seen = new Dictionary<Period, string>();
            foreach (var (keyNode, valueNode) in map.Children)
            {
                if (problems.AsScalar(keyNode, path) is not { } key)
                {
                    continue;
                }

                var keyText = (key.Value ?? "").Trim();
                var itemPath = $"{path}.{keyText}";
                var year = Period.Parse(keyText, basis);
                if (!year.Success)
                {
                    problems.Add(key, itemPath, "the target's year: " + year.Error);
                }
                else if (seen.TryGetValue(year.Value, out var earlier))
                {
                    problems.Add(key, itemPath, $"a second target for {year.Value.Label} (also given as '{earlier}'); expected one target per year");
                }
                else
                {
                    seen[year.Value] = keyText;
                }

                Target? target = null;
                if (YamlProblems.IsNull(valueNode))
                {
                    problems.Add(valueNode, itemPath, "missing target; expected a number, a bound or a relative target such as top quartile (write tbc if not yet set)");
                }
                else if (problems.AsScalar(valueNode, itemPath) is { } v)
                {
                    var r = Target.Parse(v.Value);
                    if (r.Success)
                    {
                        target = r.Value;
                    }
                    else
                    {
                        problems.Add(v, itemPath, r.Error!);
                    }
                }

                if (year.Success && target is not null)
                {
                    result.Add(new ScheduledTarget(year.Value, target));
                }
            }

            return result;
        }

        private void CheckUnique(List<IdUse> uses, string what, string rule)
        {
            var first = new Dictionary<string, IdUse>(StringComparer.OrdinalIgnoreCase);
            foreach (var use in uses.OrderBy(u => u.Node.Start.Line).ThenBy(u => u.Node.Start.Column))
            {
                if (use.Id.Length == 0)
                {
                    continue;
                }

                if (first.TryGetValue(use.Id, out var earlier))
                {
                    problems.Add(use.Node, use.Path,
                        $"duplicate {what} '{use.Id}', already used at line {earlier.Node.Start.Line.ToString(CultureInfo.InvariantCulture)} ({earlier.Path}); {rule}");
                }
                else
                {
                    first[use.Id] = use;
                }
            }
        }

        private void CheckReferences(List<IdUse> refs, Dictionary<string, string> known, string what, string expected)
        {
            foreach (var r in refs)
            {
                if (r.Id.Length > 0 && !known.ContainsKey(r.Id))
                {
                    var hint = Suggestions.Closest(r.Id, known.Keys) is { } c ? $"did you mean '{c}'?" : "expected " + expected;
                    problems.Add(r.Node, r.Path, $"unknown {what} '{r.Id}'; {hint}");
                }
            }
        }
    }
}
