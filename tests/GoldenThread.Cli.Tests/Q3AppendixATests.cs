using System.Text.Json;

namespace GoldenThread.Cli.Tests;

/// <summary>
/// The Q3 2015/16 sample against Appendix A of Leicestershire's performance report (seed 001, search "Supporting
/// Indicator") row by row, and its overview against the report's paragraphs 5-7. The dashboard's columns are
/// transcribed here from the seed, independently of the sample's values file; every row where ours differs is named,
/// with the reason, and must be listed in the sample's README.
/// </summary>
public class Q3AppendixATests
{
    private static readonly Lazy<JsonElement> Dashboard = new(() =>
    {
        var outDir = CliRunner.TempDirectory();
        var result = CliRunner.Run("report", "--sample", "leicestershire-2015-16-q3", "--out", outDir);
        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        return JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "dashboard.json"))).RootElement;
    });

    private static JsonElement Row(string id) =>
        Dashboard.Value.GetProperty("sections").EnumerateArray()
            .SelectMany(s => s.GetProperty("measures").EnumerateArray())
            .Single(m => m.GetProperty("id").GetString() == id);

    // Appendix A as printed: "Better or worse than previous data point" and "RAG" per row. "?" where the extract is
    // not legible (rows overlaid or cells blank).
    private static readonly (string Id, string Direction, string Rag)[] AppendixA =
    [
        ("cp-reviews", "Same", "A"), ("placements-3plus", "Better", "A"), ("placement-stability-2yrs", "?", "A"),
        ("adoption-within-20-months", "Worse", "G"), ("care-leavers-accommodation", "Better", "R"), ("care-leavers-neet", "Worse", "A"),
        ("cp-2yrs-open", "Similar", "G"), ("cp-2yrs-ceased", "Similar/ worse", "A"), ("cp-second-time", "Better", "R"),
        ("feee-2yo", "Better", "A"), ("feee-3yo", "Better", "G"), ("gld", "Better", "A"), ("eyfs-inequality-gap", "Better", "A"),
        ("childminders-good", "Better", "G"), ("pvi-good", "Worse", "G"), ("childcare-good", "Better", "G"),
        ("ks2-l4-rwm", "?", "A"), ("ks1-2-progress-maths", "Worse", "R"), ("ks1-2-progress-reading", "Worse", "R"),
        ("ks1-2-progress-writing", "Better", "R"), ("ks2-fsm-l4-rwm", "Better", "R"), ("gcse-5ac-em", "Better", "A"),
        ("ks2-4-progress-english", "Worse", "R"), ("ks2-4-progress-maths", "Better", "G"), ("gcse-fsm-5ac-em", "Better", "A"),
        ("secondary-persistent-absence", "Better", "A"), ("a-level-aps", "Worse", "A"), ("participation-17", "Same", "G"),
        ("neet-16-18", "Same", "A"), ("l2-by-19", "?", "?"), ("cic-ks2-l4-rwm", "Same", "n/a"), ("cic-gcse-5ac-em", "Same", "n/a"),
        ("schools-good", "Better", "G"), ("pupils-good-schools", "Better", "G"), ("special-schools-good", "Same", "G"),
        ("first-choice-primary", "Worse", "G"), ("first-choice-secondary", "Worse", "G"),
        ("u18-conceptions", "n/a", "G"), ("smoking-at-delivery", "Better", "G"), ("lac-emotional-wellbeing", "-", "-"),
        ("camhs-waiting", "Better", "-"), ("lac-health-checks", "?", "n/a"), ("lac-dental-checks", "?", "n/a"),
        ("lac-immunisations", "Better", "n/a"), ("excess-weight-4-5", "Better", "G"), ("excess-weight-10-11", "Better", "G"),
        ("decayed-teeth-3", "-", "R"), ("breastfeeding-6-8wks", "Better", "R"), ("youth-reoffending", "Worse", "A"),
        ("fte-youth-justice", "?", "?"), ("youth-custody", "?", "?"), ("asb-victim", "Better", "G"),
        ("slf-families", "Better", "n/a"), ("slf-pbr-claimed", "-", "G"), ("slf-feedback", "-", "G"),
    ];

    // Ours where it differs from the dashboard or the dashboard is not legible (README: "Rows where our judgement differs").
    private static readonly Dictionary<string, string> DirectionDifferences = new()
    {
        ["cp-reviews"] = "improved",                 // 98.7 against 97.4 (para 8): up 1.3, beyond 1% of 97.4 = 0.974
        ["childcare-good"] = "declined",             // 83.7 against 85 (para 13)
        ["placement-stability-2yrs"] = "improved",   // blank cell; para 11 "improved to 67.41%", supplied
        ["cp-2yrs-ceased"] = "declined",             // "Similar/ worse": the reading paragraph 5's counts allow
        ["ks2-l4-rwm"] = "no comparison",            // blank cell
        ["lac-health-checks"] = "no comparison",     // one "Better" for two overlaid rows
        ["lac-dental-checks"] = "no comparison",
        ["camhs-waiting"] = "no comparison",         // "Better" but no value
        ["l2-by-19"] = "no comparison", ["fte-youth-justice"] = "no comparison", ["youth-custody"] = "no comparison",
    };

    private static readonly Dictionary<string, string?> RagDifferences = new()
    {
        ["placements-3plus"] = "red",                // 12.55 against <9: 3.55 over, beyond 5% of 9 = 0.45
        ["adoption-within-20-months"] = "red",       // 60 against 65: 5 short, beyond 3.25
        ["gld"] = "green",                           // 63.7 >= 60
        ["secondary-persistent-absence"] = "green",  // 5.9 <= 6.4, lower is better
        ["participation-17"] = "amber",              // 96.6 against 97: 0.4 short, within 4.85
        ["neet-16-18"] = "green",                    // 3.0 below 4
        ["first-choice-primary"] = "amber",          // 88.7 against 90: within 4.5
        ["first-choice-secondary"] = "amber",        // 96.2 against 98: within 4.9
        ["excess-weight-4-5"] = "amber",             // 20.2 against <20: 0.2 over, within 1
        ["slf-families"] = "green",                  // 2476 against 480
        ["l2-by-19"] = null, ["fte-youth-justice"] = null, ["youth-custody"] = null,
    };

    private static string? DirectionOf(string dashboardWord) => dashboardWord switch
    {
        "Better" => "improved",
        "Worse" => "declined",
        "Same" or "Similar" => "no significant change",
        "-" or "n/a" => "no comparison",
        _ => null,
    };

    private static string? RagOf(string dashboardLetter) => dashboardLetter switch
    {
        "R" => "red",
        "A" => "amber",
        "G" => "green",
        _ => null,
    };

    [Fact]
    public void Report_Q3Sample_EveryAppendixARowIsInTheDashboard()
    {
        var ours = Dashboard.Value.GetProperty("sections").EnumerateArray()
            .SelectMany(s => s.GetProperty("measures").EnumerateArray()).Select(m => m.GetProperty("id").GetString()).ToList();

        Assert.Equal(55, AppendixA.Length);
        Assert.Equal(AppendixA.Select(r => r.Id).Order(), ours.Order());
    }

    [Fact]
    public void Report_Q3Sample_DirectionAsAppendixAExceptTheListedRows()
    {
        var mismatches = AppendixA
            .Select(r => (r.Id, Expected: DirectionDifferences.TryGetValue(r.Id, out var d) ? d : DirectionOf(r.Direction), Actual: Row(r.Id).GetProperty("direction").GetString()))
            .Where(x => x.Expected != x.Actual)
            .ToList();

        Assert.True(mismatches.Count == 0, string.Join("; ", mismatches));
        Assert.All(DirectionDifferences.Keys, id => Assert.NotEqual(DirectionOf(AppendixA.Single(r => r.Id == id).Direction), DirectionDifferences[id]));
    }

    [Fact]
    public void Report_Q3Sample_RagAsAppendixAExceptTheListedRows()
    {
        var mismatches = AppendixA
            .Select(r => (r.Id, Expected: RagDifferences.TryGetValue(r.Id, out var g) ? g : RagOf(r.Rag), Actual: Row(r.Id).GetProperty("rag").GetString()))
            .Where(x => x.Expected != x.Actual)
            .ToList();

        Assert.True(mismatches.Count == 0, string.Join("; ", mismatches));
    }

    [Fact]
    public void Report_Q3Sample_SuppliedJudgementsOnlyWhereNoneCanBeComputed()
    {
        // Computed: a previous value is given (cp-reviews, care leavers, childcare, SLF) or a target with its comparator.
        Assert.Equal("tolerance", Row("cp-reviews").GetProperty("directionMethod").GetString());
        Assert.Contains("supplied with the judgement no significant change (Appendix A: Same); the computed judgement stands",
            Row("cp-reviews").GetProperty("directionReason").GetString());
        Assert.Equal("computed", Row("childcare-good").GetProperty("directionProvenance").GetString());
        Assert.Equal("computed", Row("gcse-5ac-em").GetProperty("ragProvenance").GetString());

        // Supplied: no previous value, or no target the plan can rate with.
        Assert.Equal(("supplied", "supplied"), (Row("placements-3plus").GetProperty("directionProvenance").GetString(), Row("feee-2yo").GetProperty("ragProvenance").GetString()));
        Assert.StartsWith("Supplied with the value: improved (Appendix A: Better). Not computed: No previous comparable data point.",
            Row("placements-3plus").GetProperty("directionReason").GetString());
        Assert.Equal("supplied", Row("slf-feedback").GetProperty("ragMethod").GetString());
    }

    [Fact]
    public void Report_Q3Sample_OverviewIsParagraphs5To7LessTheListedDifferences()
    {
        // Paragraphs 5-7 of the report, as printed (seed 001):
        const string Para5 = "From 28 measures that have new data available: 16 have improved; 6 show no significant change, 4 have declined and 2 have no comparison.";
        const string Para6 = "From 31 measures that have a national benchmark: 8 are in the top quartile, 6 are in the second quartile, 9 are in the third quartile and 8 are in the fourth quartile.";
        const string Para7 = "From 39 indicators that have a statistical neighbour benchmark, 19 are better than the statistical neighbour average, 15 are below and 5 are at a similar level.";

        // Para 5 less: youth-custody not legible (-1 new data, -1 no comparison); cp-reviews Same -> improved;
        // childcare-good Better -> declined; placement-stability-2yrs (the report's cell, by its counts, Same) -> improved.
        var para5 = (New: 28 - 1, Improved: 16 + 1 - 1 + 1, Same: 6 - 1 - 1, Declined: 4 + 1, None: 2 - 1);
        // Para 6 less the three rows with "Better" (2) or "Worse" (1) instead of a quartile.
        var para6 = (All: 31 - 3, Q1: 8 - 2, Q2: 6, Q3: 9, Q4: 8 - 1);

        var sentences = Dashboard.Value.GetProperty("overview").GetProperty("sentences").EnumerateArray().Select(s => s.GetString()).ToList();
        Assert.Equal(
            $"From {para5.New} measures that have new data available: {para5.Improved} have improved, {para5.Same} show no significant change, {para5.Declined} have declined and {para5.None} has no comparison.",
            sentences[0]);
        Assert.Equal(
            $"From {para6.All} measures that have a national benchmark: {para6.Q1} are in the top quartile, {para6.Q2} are in the second quartile, {para6.Q3} are in the third quartile and {para6.Q4} are in the fourth quartile.",
            sentences[1]);
        // Para 7: the report's 39 less the two rows with no value here (emotional well-being of looked after children, % L2
        // by age 19); its per-row comparisons are not printed, so ours are by the default 1% band.
        Assert.Equal(
            "From 37 indicators that have a statistical neighbour benchmark, 17 are better than the statistical neighbour average, 12 are below and 8 are at a similar level.",
            sentences[2]);
        Assert.Equal(39 - 2, Dashboard.Value.GetProperty("overview").GetProperty("withNeighbourBenchmark").GetInt32());

        // The sample's README quotes the report's paragraphs and lists every differing row.
        var readme = File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot, "samples", "leicestershire-2015-16-q3", "README.md"));
        Assert.All(new[] { Para5, Para6, Para7 }, p => Assert.Contains(p, readme));
        var differences = readme[readme.IndexOf("### Rows where our judgement differs", StringComparison.Ordinal)..];
        Assert.All(DirectionDifferences.Keys.Concat(RagDifferences.Keys),
            id => Assert.Contains($"`{id}`", differences));
    }
}
