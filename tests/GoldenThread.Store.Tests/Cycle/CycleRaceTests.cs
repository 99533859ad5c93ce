using GoldenThread.Store.Cycle;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using static GoldenThread.Store.Tests.Cycle.CycleFixture;

namespace GoldenThread.Store.Tests.Cycle;

/// <summary>
/// Two saves of the same figure that both pass the revision check: the second to reach the database is refused by the
/// revision's concurrency token, answered as a refusal with nothing of it written, never a server error.
/// </summary>
public sealed class CycleRaceTests
{
    /// <summary>
    /// Runs another person's save once, after this context has checked the revision and just before its transaction
    /// begins (SQLite's transaction takes the write lock at once, so the other save has to land before it).
    /// </summary>
    private sealed class SaveFirst(Func<Task> other) : DbTransactionInterceptor
    {
        private Func<Task>? _other = other;

        public override async ValueTask<InterceptionResult<System.Data.Common.DbTransaction>> TransactionStartingAsync(
            System.Data.Common.DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<System.Data.Common.DbTransaction> result, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Exchange(ref _other, null) is { } run)
            {
                await run();
            }

            return result;
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Enter_SameRevisionSavedAtOnce_SecondRefused_FirstKept(StoreProvider provider)
    {
        await using var f = await CreateAsync(provider);
        await using var other = f.Connection.CreateContext();
        var otherCycle = new CycleStore(other, f.Clock);
        var interceptor = new SaveFirst(async () =>
            Assert.True((await otherCycle.EnterAsync(Ws, Q3, "m1", new FigureEntry { Value = "55" }, 1, f.Plan, Officer)).Succeeded));
        var options = new DbContextOptionsBuilder<GoldenThreadDbContext>(f.Connection.Options()).AddInterceptors(interceptor).Options;
        await using var racing = new GoldenThreadDbContext(options);

        var lost = await new CycleStore(racing, f.Clock).EnterAsync(Ws, Q3, "m1", new FigureEntry { Value = "61.5" }, 1, f.Plan, Owner);

        Assert.Equal(CycleOutcome.Refused, lost.Outcome);
        Assert.Contains("at the same moment", lost.Message);
        var figure = await f.FigureAsync("m1");
        Assert.Equal(55, figure.Value);
        Assert.Equal(2, figure.Revision);
        Assert.DoesNotContain(await f.Cycle.AuditAsync(Ws, "m1"), a => a.NewValue == "61.5");
    }
}
