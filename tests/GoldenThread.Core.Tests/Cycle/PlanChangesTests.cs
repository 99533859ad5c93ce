using GoldenThread.Core.Measures;
using GoldenThread.Core.Plans;

namespace GoldenThread.Core.Tests.Cycle;

/// <summary>What a plan administrator is shown before a new plan version: each difference between two small plans made by hand.</summary>
public sealed class PlanChangesTests
{
    private static Measure M(string id, string title, string? owner = null, Polarity polarity = Polarity.HigherIsBetter) =>
        new() { Id = id, Title = title, Unit = MeasureUnit.Percentage, Polarity = polarity, Owner = owner };

    private static Plan P(IReadOnlyList<Measure> measures, IReadOnlyList<Theme> themes) =>
        new() { Name = "Plan", FirstYear = 2015, LastYear = 2018, Measures = measures, Themes = themes };

    private static Theme T(string id, string title, params PlanAction[] actions) => new() { Id = id, Title = title, Actions = actions };

    private static readonly Plan Before = P(
        [M("m1", "Measure one", "Ann"), M("m2", "Measure two"), M("m3", "Measure three")],
        [T("T1", "Safe", new PlanAction { Code = "1.1", Text = "Do this", Lead = "Ann" }, new PlanAction { Code = "1.2", Text = "Do that" }), T("T2", "Healthy")]);

    [Fact]
    public void Between_SamePlan_NoChanges() => Assert.Empty(PlanChanges.Between(Before, Before));

    [Fact]
    public void Between_EveryKindOfChange_EachListedOnce()
    {
        var after = P(
            [M("m1", "Measure one, renamed", "Bob"), M("m3", "Measure three", polarity: Polarity.LowerIsBetter), M("m4", "Measure four")],
            [T("T1", "Safe and well", new PlanAction { Code = "1.1", Text = "Do this", Lead = "Bob" }, new PlanAction { Code = "1.3", Text = "New action" }), T("T3", "Achieving")]);

        var changes = PlanChanges.Between(Before, after);

        var expected = new (string Kind, string Id, string? Old, string? New)[]
        {
            ("added", "m4", null, "Measure four"),
            ("removed", "m2", "Measure two", null),
            ("retitled", "m1", "Measure one", "Measure one, renamed"),
            ("owner", "m1", "Ann", "Bob"),
            ("theme added", "T3", null, "Achieving"),
            ("theme removed", "T2", "Healthy", null),
            ("theme retitled", "T1", "Safe", "Safe and well"),
            ("action added", "1.3", null, "New action"),
            ("action removed", "1.2", "Do that", null),
            ("action changed", "1.1", "Do this; lead Ann", "Do this; lead Bob"),
        };
        foreach (var e in expected)
        {
            Assert.Contains(new PlanChange(e.Kind, e.Id, e.Old, e.New), changes);
        }

        var definition = Assert.Single(changes, c => c.Kind == "definition");
        Assert.Equal("m3", definition.ItemId);
        Assert.Contains("HigherIsBetter", definition.Old);
        Assert.Contains("LowerIsBetter", definition.New);
        Assert.Equal(expected.Length + 1, changes.Count);
    }

    [Fact]
    public void Between_IdsDifferOnlyInCase_SameMeasure()
    {
        var after = P([M("M1", "Measure one", "Ann"), M("m2", "Measure two"), M("m3", "Measure three")], Before.Themes);

        Assert.Empty(PlanChanges.Between(Before, after));
    }
}
