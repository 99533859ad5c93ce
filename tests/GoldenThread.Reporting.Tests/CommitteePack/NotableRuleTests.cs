using GoldenThread.Core.Dashboard;
using GoldenThread.Core.Judgements;
using GoldenThread.Reporting.CommitteePack;
using static GoldenThread.Reporting.Tests.DashboardFixture;

namespace GoldenThread.Reporting.Tests.CommitteePack;

/// <summary>The notable-measure rule against hand-worked rows (docs/methods.md#notable-measures).</summary>
public sealed class NotableRuleTests
{
    // A row that is notable for nothing: no significant change, Amber, not updated, same quartile as before.
    private static DashboardRow Quiet { get; } = PlacementsRow with
    {
        Direction = new(Direction.NoSignificantChange, "within tolerance", JudgementMethod.Tolerance),
        Rag = new(Rag.Amber, "close to target", JudgementMethod.Tolerance),
        Updated = false,
        Quartile = 3,
    };

    public static TheoryData<string, DashboardRow, int?, NotableReasons> Cases => new()
    {
        { "quiet row, same quartile", Quiet, 3, NotableReasons.None },
        { "quiet row, no previous quartile", Quiet, null, NotableReasons.None },
        { "improved", Quiet with { Direction = new(Direction.Improved, "r") }, 3, NotableReasons.MovedSignificantly },
        { "declined", Quiet with { Direction = new(Direction.Declined, "r") }, 3, NotableReasons.MovedSignificantly },
        { "no polarity, went up", Quiet with { Direction = new(Direction.Higher, "r") }, 3, NotableReasons.MovedSignificantly },
        { "no comparison is not movement", Quiet with { Direction = new(Direction.NoComparison, "r") }, 3, NotableReasons.None },
        { "quartile 3 from 2", Quiet, 2, NotableReasons.ChangedQuartile },
        { "no quartile now, one before", Quiet with { Quartile = null }, 2, NotableReasons.None },
        { "red", Quiet with { Rag = new(Rag.Red, "r") }, 3, NotableReasons.Red },
        { "green is not notable alone", Quiet with { Rag = new(Rag.Green, "r") }, 3, NotableReasons.None },
        { "updated", Quiet with { Updated = true }, 3, NotableReasons.NewlyUpdated },
        {
            "all four", Quiet with { Direction = new(Direction.Declined, "r"), Rag = new(Rag.Red, "r"), Updated = true }, 1,
            NotableReasons.MovedSignificantly | NotableReasons.ChangedQuartile | NotableReasons.Red | NotableReasons.NewlyUpdated
        },
        { "awaiting data is never notable", AwaitingRow with { Updated = true, Rag = new(Rag.Red, "r") }, null, NotableReasons.None },
        {
            "withheld figure is notable by its judgements",
            Quiet with { Value = null, Suppressed = true, Direction = new(Direction.Improved, "r") }, 3, NotableReasons.MovedSignificantly
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reasons_HandWorkedRow_GivesExpectedReasons(string name, DashboardRow row, int? previousQuartile, NotableReasons expected)
    {
        Assert.True(expected == NotableRule.Reasons(row, previousQuartile), name);
        Assert.Equal(expected != NotableReasons.None, NotableRule.IsNotable(row, previousQuartile));
    }

    [Fact]
    public void Words_AllReasons_ListsThemInOrder() =>
        Assert.Equal("moved significantly, changed quartile, rated Red, newly updated",
            NotableRule.Words(NotableReasons.MovedSignificantly | NotableReasons.ChangedQuartile | NotableReasons.Red | NotableReasons.NewlyUpdated));
}
