using GoldenThread.Core.Cycle;
using GoldenThread.Data;
using GoldenThread.Store.Cycle;
using static GoldenThread.Store.Tests.Cycle.CycleFixture;

namespace GoldenThread.Store.Tests.Cycle;

/// <summary>Uploading a values file into the open quarter: a preview row by row, then all of it or nothing.</summary>
public sealed class CycleUploadTests
{
    // m1 already entered as 50 (changed to 61.5), m2 arrived from LAIT as 12 (unchanged), m3 awaiting (new).
    private const string Good = """
        measure,period,value,status,note
        m1,2015/16 Q3,61.5,provisional,
        m2,2015/16 Q3,12,,
        m3,2015/16 Q3,40,,
        """;

    private static async Task<CycleFixture> WithM1Entered(StoreProvider provider)
    {
        var f = await CreateAsync(provider);
        Assert.True((await f.Cycle.EnterAsync(Ws, Q3, "m1", new FigureEntry { Value = "50" }, 1, f.Plan, Officer)).Succeeded);
        return f;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Preview_NewChangedUnchanged_NothingWritten(StoreProvider provider)
    {
        await using var f = await WithM1Entered(provider);
        var auditBefore = (await f.Cycle.AuditAsync(Ws)).Count;

        var preview = await f.Cycle.PreviewUploadAsync(Ws, "q3.csv", f.Csv(Good), Officer);

        Assert.Empty(preview.Errors);
        Assert.Equal([(2, "m1", UploadRowKind.Changed), (3, "m2", UploadRowKind.Unchanged), (4, "m3", UploadRowKind.New)],
            preview.Rows.Select(r => (r.Line, r.MeasureId, r.Kind)));
        Assert.Equal(50, preview.Rows[0].Old.Value);
        Assert.Equal(61.5, preview.Rows[0].New.Value);
        Assert.True(preview.CanApply);
        Assert.Equal(50, (await f.FigureAsync("m1")).Value);
        Assert.Equal(auditBefore, (await f.Cycle.AuditAsync(Ws)).Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Preview_ByAContributor_ErrorsByLineAndColumn(StoreProvider provider)
    {
        await using var f = await WithM1Entered(provider);

        var preview = await f.Cycle.PreviewUploadAsync(Ws, "q3.csv", f.Csv("""
            measure,period,value
            m1,2015/16 Q2,61.5
            m3,2015/16 Q3,40
            m1,2015/16 Q3,61.5
            """), Owner);

        Assert.Equal([(2, "period"), (3, "measure")], preview.Errors.Select(e => (e.Line!.Value, e.Column!)));
        Assert.All(preview.Errors, e => Assert.Equal("q3.csv", e.File));
        Assert.Contains("2015/16 Q3", preview.Errors[0].Message);
        Assert.False(preview.CanApply);
    }

    [Fact]
    public void Read_NotANumber_PositionedBeforeTheStoreSeesIt()
    {
        var e = Assert.Throws<InputException>(() => ValuesReaderFor().Csv("measure,period,value\nm1,2015/16 Q3,sixty\n"));

        var error = Assert.Single(e.Errors);
        Assert.Equal(("q3.csv", 2, "value"), (error.File, error.Line, error.Column));
    }

    private static CycleFixtureReader ValuesReaderFor() => new();

    private sealed class CycleFixtureReader
    {
        private readonly Core.Plans.Plan _plan = Data.Plans.PlanReader.Read(new StringReader(PlanYaml), "plan.yaml");

        public IReadOnlyList<Data.Values.ValuesRow> Csv(string text) => Data.Values.ValuesReader.ReadCsvRows(new StringReader(text), "q3.csv", _plan);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Apply_AllRows_ChangedAndNewWrittenWithAudit(StoreProvider provider)
    {
        await using var f = await WithM1Entered(provider);
        var auditBefore = (await f.Cycle.AuditAsync(Ws)).Count;

        var (result, _) = await f.Cycle.ApplyUploadAsync(Ws, "q3.csv", f.Csv(Good), null, Officer);

        Assert.Equal((CycleOutcome.Done, 2), (result.Outcome, result.Revision));
        Assert.Equal(61.5, (await f.FigureAsync("m1")).Value);
        Assert.Equal(Core.Measures.ValueStatus.Provisional, (await f.FigureAsync("m1")).Status);
        Assert.Equal(("upload", FigureState.Entered), ((await f.FigureAsync("m3")).Source, (await f.FigureAsync("m3")).State));
        Assert.Equal(("LAIT", 1), ((await f.FigureAsync("m2")).Source, (await f.FigureAsync("m2")).Revision));

        // m1: value, status; m3: value, state. Each says which file it came from.
        var added = (await f.Cycle.AuditAsync(Ws)).Take((await f.Cycle.AuditAsync(Ws)).Count - auditBefore).ToList();
        Assert.Equal(4, added.Count);
        Assert.All(added, a => Assert.Equal("uploaded in q3.csv", a.Reason));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Apply_OneBadRow_NothingWritten(StoreProvider provider)
    {
        await using var f = await WithM1Entered(provider);
        var auditBefore = (await f.Cycle.AuditAsync(Ws)).Count;

        var (result, preview) = await f.Cycle.ApplyUploadAsync(Ws, "q3.csv", f.Csv(Good + "\nm4,2015/16 Q1,10,,\n"), null, Officer);

        Assert.Equal(CycleOutcome.Invalid, result.Outcome);
        Assert.Equal((5, "period"), (preview.Errors.Single().Line!.Value, preview.Errors.Single().Column!));
        Assert.Equal(50, (await f.FigureAsync("m1")).Value);
        Assert.Equal(FigureState.Awaiting, (await f.FigureAsync("m3")).State);
        Assert.Equal(auditBefore, (await f.Cycle.AuditAsync(Ws)).Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Apply_SomeoneSavedAfterThePreview_FingerprintDiffers_NothingApplied(StoreProvider provider)
    {
        await using var f = await WithM1Entered(provider);
        var preview = await f.Cycle.PreviewUploadAsync(Ws, "q3.csv", f.Csv(Good), Officer);
        Assert.True((await f.Cycle.EnterAsync(Ws, Q3, "m3", new FigureEntry { Value = "39" }, 1, f.Plan, Officer)).Succeeded);
        var auditBefore = (await f.Cycle.AuditAsync(Ws)).Count;

        var (result, fresh) = await f.Cycle.ApplyUploadAsync(Ws, "q3.csv", f.Csv(Good), preview.Fingerprint, Officer);

        Assert.Equal(CycleOutcome.Refused, result.Outcome);
        Assert.NotEqual(preview.Fingerprint, fresh.Fingerprint);
        Assert.Equal(50, (await f.FigureAsync("m1")).Value);
        Assert.Equal(39, (await f.FigureAsync("m3")).Value);
        Assert.Equal(auditBefore, (await f.Cycle.AuditAsync(Ws)).Count);

        var (again, _) = await f.Cycle.ApplyUploadAsync(Ws, "q3.csv", f.Csv(Good), fresh.Fingerprint, Officer);
        Assert.True(again.Succeeded, again.Message);
        Assert.Equal(40, (await f.FigureAsync("m3")).Value);
    }
}
