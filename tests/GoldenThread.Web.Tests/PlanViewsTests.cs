using GoldenThread.Core.Plans;
using GoldenThread.Views.Plans;
using GoldenThread.Views.Rendering;

namespace GoldenThread.Web.Tests;

/// <summary>The plan views outside a web request (as the committee pack will render them): text from a plan is text.</summary>
public sealed class PlanViewsTests
{
    private const string Hostile = "<script>alert(\"x\")</script> & 'q' {{x}}";

    private static readonly Plan Plan = new()
    {
        Name = "Plan " + Hostile,
        FirstYear = 2024,
        LastYear = 2026,
        Vision = Hostile,
        StrategicPriorities = [new("SP-1", Hostile)],
        CrossCuttingThemes = [new(Hostile, Hostile)],
        PerformanceLevels = [new(Hostile, [Hostile], [Hostile], Hostile)],
        RelatedStrategies = [new(Hostile, Hostile)],
        Themes =
        [
            new Theme
            {
                Id = "T1",
                Title = Hostile,
                Actions = [new PlanAction { Code = "T1-a", Text = Hostile, Lead = Hostile }],
                Outcomes =
                [
                    new Outcome
                    {
                        Id = "T1.O1",
                        Title = Hostile,
                        ExpectedResults = [Hostile],
                        Intentions = [new CommissioningIntention { Id = "CI-1", Text = Hostile, StrategicPriorities = ["SP-1"], NeedLevels = [NeedLevel.Meet] }],
                        Actions = [new PlanAction { Code = "1a", Text = Hostile }],
                        MeasureIds = ["m-" + Hostile],
                    },
                ],
            },
        ],
    };

    public static IEnumerable<object[]> Views =>
    [
        [typeof(PlanOverview)], [typeof(GoldenThreadView)], [typeof(CommissioningMatrix)], [typeof(ActionsView)],
    ];

    [Theory]
    [MemberData(nameof(Views))]
    public async Task View_PlanTextsWithMarkupAndQuotes_RenderedAsTextWithNoLinks(Type view)
    {
        var parameters = new Dictionary<string, object?> { ["Plan"] = Plan };
        if (view == typeof(ActionsView))
        {
            parameters = new() { ["Items"] = PlanDelivery.ActionList(Plan, new DateOnly(2025, 1, 1)), ["Today"] = new DateOnly(2025, 1, 1) };
        }

        var html = await Render(view, parameters);

        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("'q'", html);
        Assert.Contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;q&#x27; {{x}}", html);
        Assert.DoesNotContain("<a ", html);
    }

    [Fact]
    public async Task ActionsView_ThemeAndOutcomeActions_BothListedWithTheirCounts()
    {
        var html = await Render(typeof(ActionsView), new() { ["Items"] = PlanDelivery.ActionList(Plan, new DateOnly(2025, 1, 1)), ["Today"] = new DateOnly(2025, 1, 1) });

        Assert.Contains("2 actions; none overdue on 1 January 2025.", html);
        Assert.Contains("id=\"action-1a\"", html);
        Assert.Contains("id=\"action-T1-a\"", html);
        Assert.Contains(">Actions of the whole theme</caption>", html);
    }

    private static Task<string> Render(Type view, Dictionary<string, object?> parameters) =>
        (Task<string>)typeof(StaticHtml).GetMethod(nameof(StaticHtml.RenderAsync))!.MakeGenericMethod(view).Invoke(null, [parameters])!;
}
