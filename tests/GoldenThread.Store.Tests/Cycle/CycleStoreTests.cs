using GoldenThread.Core.Cycle;
using GoldenThread.Store.Cycle;
using static GoldenThread.Store.Tests.Cycle.CycleFixture;

namespace GoldenThread.Store.Tests.Cycle;

/// <summary>The quarterly cycle in the store, on SQLite and PostgreSQL: a quarter from opening to publication and correction.</summary>
public sealed class CycleStoreTests
{
    private static FigureEntry Value(string value, string? shows = null) => new() { Value = value, Shows = shows };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Open_OneFigurePerMeasureButTheGap_FedFigureArrivesEntered(StoreProvider provider)
    {
        await using var f = await CreateAsync(provider);

        var figures = (await f.Cycle.FiguresAsync(Ws, Q3)).OrderBy(x => x.MeasureId, StringComparer.Ordinal).ToList();

        Assert.Equal(["m1", "m2", "m3", "m4"], figures.Select(x => x.MeasureId));
        Assert.Equal([FigureState.Awaiting, FigureState.Entered, FigureState.Awaiting, FigureState.Awaiting], figures.Select(x => x.State));
        Assert.Equal(12, figures[1].Value);
        Assert.Equal("LAIT", figures[1].Source);
        Assert.All(figures, x => Assert.Equal("2015/16 Q3", x.Period.Label));
        Assert.All(figures, x => Assert.Equal(1, x.Revision));
        var opened = Assert.Single(await f.Cycle.AuditAsync(Ws));
        Assert.Equal(("period", "opened", "Olive Officer"), (opened.Subject, opened.Field, opened.PersonName));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Open_Twice_Refused_ByAContributor_Forbidden(StoreProvider provider)
    {
        await using var f = await CreateAsync(provider);

        Assert.Equal(CycleOutcome.Refused, (await f.Cycle.OpenAsync(Ws, Quarter, new DateOnly(2016, 1, 29), f.Plan, Feed(), Officer)).Outcome);
        Assert.Equal(CycleOutcome.Forbidden, (await f.Cycle.OpenAsync(Ws, Core.Periods.Period.FinancialQuarter(2015, 4), new DateOnly(2016, 4, 29), f.Plan, Feed(), Owner)).Outcome);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Enter_ByTheOwner_AuditRowsWithOldAndNewValues(StoreProvider provider)
    {
        await using var f = await CreateAsync(provider);

        var first = await f.Cycle.EnterAsync(Ws, Q3, "m1", Value("61.5", "Up on Q2"), 1, f.Plan, Owner);
        var second = await f.Cycle.EnterAsync(Ws, Q3, "m1", Value("62"), 2, f.Plan, Owner);

        Assert.Equal((CycleOutcome.Done, 2), (first.Outcome, first.Revision));
        Assert.Equal((CycleOutcome.Done, 3), (second.Outcome, second.Revision));
        var m1 = await f.FigureAsync("m1");
        Assert.Equal((FigureState.Entered, 62d, "Up on Q2", "Owner One"), (m1.State, m1.Value!.Value, m1.Commentary.Shows, m1.UpdatedBy));
        var trail = (await f.Cycle.AuditAsync(Ws, itemId: "m1")).Reverse().Select(a => (a.PersonName, a.Field, a.OldValue, a.NewValue)).ToList();
        Assert.Equal(
            [
                ("Owner One", "value", null, "61.5"),
                ("Owner One", "commentary: what the figure shows", null, "Up on Q2"),
                ("Owner One", "state", "awaiting", "entered"),
                ("Owner One", "value", "61.5", "62"),
            ],
            trail);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Enter_NotANumber_InvalidNamingTheField_NothingWritten(StoreProvider provider)
    {
        await using var f = await CreateAsync(provider);

        var result = await f.Cycle.EnterAsync(Ws, Q3, "m1", Value("sixty"), 1, f.Plan, Owner);

        Assert.Equal(CycleOutcome.Invalid, result.Outcome);
        Assert.Contains(result.Errors!, e => e.Column == "value");
        Assert.Equal((FigureState.Awaiting, 1), ((await f.FigureAsync("m1")).State, (await f.FigureAsync("m1")).Revision));
        Assert.Single(await f.Cycle.AuditAsync(Ws));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Quarter_SubmitReturnApproveNotAvailablePublishCorrect(StoreProvider provider)
    {
        await using var f = await CreateAsync(provider);

        // The owner enters and submits m1; the officer returns it with a reason (a return without one is refused).
        Assert.True((await f.Cycle.EnterAsync(Ws, Q3, "m1", Value("61.5"), 1, f.Plan, Owner)).Succeeded);
        Assert.Equal(3, (await f.Cycle.StepAsync(Ws, Q3, "m1", FigureStep.Submit, null, 2, Owner)).Revision);
        var noReason = await f.Cycle.StepAsync(Ws, Q3, "m1", FigureStep.Return, "  ", 3, Officer);
        Assert.Equal(CycleOutcome.Invalid, noReason.Outcome);
        Assert.Equal("reason", Assert.Single(noReason.Errors!).Column);
        Assert.True((await f.Cycle.StepAsync(Ws, Q3, "m1", FigureStep.Return, "Q2 was 58.1, check the denominator", 3, Officer)).Succeeded);
        var returned = await f.FigureAsync("m1");
        Assert.Equal((FigureState.Returned, "Q2 was 58.1, check the denominator"), (returned.State, returned.Reason));

        // Only the officer approves; the owner fixes and submits again, the officer approves.
        Assert.Equal(CycleOutcome.Forbidden, (await f.Cycle.StepAsync(Ws, Q3, "m1", FigureStep.Approve, null, 4, Owner)).Outcome);
        Assert.True((await f.Cycle.EnterAsync(Ws, Q3, "m1", Value("61.2"), 4, f.Plan, Owner)).Succeeded);
        Assert.True((await f.Cycle.StepAsync(Ws, Q3, "m1", FigureStep.Submit, null, 5, Owner)).Succeeded);
        Assert.True((await f.Cycle.StepAsync(Ws, Q3, "m1", FigureStep.Approve, null, 6, Officer)).Succeeded);

        // The LAIT figure is approved as it arrived; m3 is not available this period.
        Assert.True((await f.Cycle.StepAsync(Ws, Q3, "m2", FigureStep.Approve, null, 1, Officer)).Succeeded);
        Assert.True((await f.Cycle.StepAsync(Ws, Q3, "m3", FigureStep.MarkNotAvailable, "Survey not run this year", 1, Officer)).Succeeded);

        // m4 is still awaiting: publication is refused, naming it; then m4 is marked not available and it goes through.
        var refused = await f.Cycle.PublishAsync(Ws, Q3, 1, 1, Officer);
        Assert.Equal(CycleOutcome.Refused, refused.Outcome);
        Assert.Contains("m4", refused.Message);
        Assert.DoesNotContain("m1", refused.Message);
        Assert.Empty(await f.Cycle.VersionsAsync(Ws, Q3));
        Assert.True((await f.Cycle.StepAsync(Ws, Q3, "m4", FigureStep.MarkNotAvailable, "Source system down", 1, Officer)).Succeeded);
        Assert.Equal(CycleOutcome.Forbidden, (await f.Cycle.PublishAsync(Ws, Q3, 1, 1, Owner)).Outcome);
        Assert.True((await f.Cycle.PublishAsync(Ws, Q3, 1, 1, Officer)).Succeeded);

        var v1 = await f.Cycle.VersionsAsync(Ws, Q3);
        Assert.Equal(["m1", "m2", "m3", "m4"], v1.Select(v => v.MeasureId));
        Assert.All(v1, v => Assert.Equal(1, v.Version));
        Assert.Equal([61.2, 12, null, null], v1.Select(v => v.Value));
        Assert.Equal([null, null, "Survey not run this year", "Source system down"], v1.Select(v => v.Reason));
        var period = (await f.Cycle.FindPeriodAsync(Ws, Q3))!;
        Assert.True(period.IsPublished);

        // Published: nothing changes but by a correction, by the officer, with a reason.
        Assert.Equal(CycleOutcome.Refused, (await f.Cycle.EnterAsync(Ws, Q3, "m1", Value("70"), (await f.FigureAsync("m1")).Revision, f.Plan, Officer)).Outcome);
        var m1Revision = (await f.FigureAsync("m1")).Revision;
        Assert.Equal(CycleOutcome.Invalid, (await f.Cycle.CorrectAsync(Ws, Q3, "m1", Value("61.9"), "", m1Revision, f.Plan, Officer)).Outcome);
        Assert.Equal(CycleOutcome.Forbidden, (await f.Cycle.CorrectAsync(Ws, Q3, "m1", Value("61.9"), "Late returns", m1Revision, f.Plan, Owner)).Outcome);
        Assert.True((await f.Cycle.CorrectAsync(Ws, Q3, "m1", Value("61.9"), "Late returns counted", m1Revision, f.Plan, Officer)).Succeeded);

        var versions = await f.Cycle.VersionsAsync(Ws, Q3, "m1");
        Assert.Equal([(1, 61.2, null), (2, 61.9, "Late returns counted")], versions.Select(v => (v.Version, v.Value!.Value, v.Reason)));
        Assert.Equal(2, (await f.FigureAsync("m1")).Version);

        // The dashboard as published on its day still shows version 1; today's shows the correction.
        var asPublished = await f.Cycle.ValuesAsync(Ws, published: true, asOf: period.PublishedUtc);
        var now = await f.Cycle.ValuesAsync(Ws, published: true);
        Assert.Equal(61.2, Assert.Single(asPublished.Values, o => o.MeasureId == "m1").Value);
        Assert.Equal(61.9, Assert.Single(now.Values, o => o.MeasureId == "m1").Value);
        Assert.DoesNotContain(now.Values, o => o.MeasureId is "m3" or "m4");
        Assert.Contains(await f.Cycle.AuditAsync(Ws, itemId: "m1"), a => a is { Field: "version", OldValue: "1", NewValue: "2", Reason: "Late returns counted" });
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Enter_StaleRevision_ConflictNamingWhoChangedWhat_NothingOverwritten(StoreProvider provider)
    {
        await using var f = await CreateAsync(provider);
        Assert.True((await f.Cycle.EnterAsync(Ws, Q3, "m1", Value("55"), 1, f.Plan, Officer)).Succeeded);

        var late = await f.Cycle.EnterAsync(Ws, Q3, "m1", Value("61.5"), 1, f.Plan, Owner);

        Assert.Equal(CycleOutcome.Conflict, late.Outcome);
        Assert.Equal(2, late.Revision);
        Assert.Contains("Olive Officer", late.Message);
        Assert.Contains(late.ChangedSince!, a => a is { PersonName: "Olive Officer", Field: "value", OldValue: null, NewValue: "55" });
        Assert.Equal(55, (await f.FigureAsync("m1")).Value);

        // A step on a stale revision, and a publish on one, are conflicts too.
        Assert.Equal(CycleOutcome.Conflict, (await f.Cycle.StepAsync(Ws, Q3, "m1", FigureStep.Submit, null, 1, Owner)).Outcome);
        Assert.Equal(CycleOutcome.Conflict, (await f.Cycle.PublishAsync(Ws, Q3, 0, 1, Officer)).Outcome);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Contributor_OnAMeasureTheyDoNotOwn_Forbidden(StoreProvider provider)
    {
        await using var f = await CreateAsync(provider);

        Assert.Equal(CycleOutcome.Forbidden, (await f.Cycle.EnterAsync(Ws, Q3, "m3", Value("40"), 1, f.Plan, Owner)).Outcome);
        Assert.Equal(CycleOutcome.Forbidden, (await f.Cycle.StepAsync(Ws, Q3, "m2", FigureStep.Submit, null, 1, Owner)).Outcome);
        Assert.Equal(CycleOutcome.Forbidden, (await f.Cycle.StepAsync(Ws, Q3, "m2", FigureStep.MarkNotAvailable, "no", 1, Owner)).Outcome);
        Assert.Equal(CycleOutcome.NotFound, (await f.Cycle.EnterAsync(Ws, Q3, "g1", Value("1"), 1, f.Plan, Officer)).Outcome);
        Assert.Equal(CycleOutcome.NotFound, (await f.Cycle.EnterAsync(Ws, "2015/16 Q4", "m1", Value("1"), 1, f.Plan, Officer)).Outcome);
        Assert.Single(await f.Cycle.AuditAsync(Ws));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Audit_FilteredByMeasurePeriodAndPerson(StoreProvider provider)
    {
        await using var f = await CreateAsync(provider);
        Assert.True((await f.Cycle.EnterAsync(Ws, Q3, "m1", Value("61.5"), 1, f.Plan, Owner)).Succeeded);
        Assert.True((await f.Cycle.StepAsync(Ws, Q3, "m3", FigureStep.MarkNotAvailable, "No survey", 1, Officer)).Succeeded);

        Assert.Equal(["value", "state"], (await f.Cycle.AuditAsync(Ws, itemId: "m1")).Select(a => a.Field).Reverse());
        Assert.Equal(["m3", "2015/16 Q3"], (await f.Cycle.AuditAsync(Ws, personId: "officer-id")).Select(a => a.ItemId));
        Assert.Equal(4, (await f.Cycle.AuditAsync(Ws, reportingPeriod: Q3)).Count);
        Assert.Empty(await f.Cycle.AuditAsync(Ws, reportingPeriod: "2015/16 Q4"));
    }
}
