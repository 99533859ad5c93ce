namespace GoldenThread.Store.Tests;

/// <summary>SQLite writers of one process take turns without a thread; a turn is never waited for longer than its patience.</summary>
public sealed class SqliteWriteTurnsTests
{
    [Fact]
    public async Task SecondWriter_WaitsForTheFirst_ThenGetsItsTurn()
    {
        await using var database = await TestDatabase.CreateAsync(StoreProvider.Sqlite);
        await using var a = database.Connection.CreateContext();
        await using var b = database.Connection.CreateContext();

        var first = await SqliteWriteTurns.TakeAsync(a, default);
        var second = SqliteWriteTurns.TakeAsync(b, default);
        Assert.False(second.IsCompleted);

        first.Dispose();
        (await second).Dispose();
        using var third = await SqliteWriteTurns.TakeAsync(a, default);
    }

    [Fact]
    public async Task ATurnNeverGivenBack_TheNextWriterGoesOnAfterItsPatience()
    {
        await using var database = await TestDatabase.CreateAsync(StoreProvider.Sqlite);
        await using var a = database.Connection.CreateContext();
        await using var b = database.Connection.CreateContext();
        var held = await SqliteWriteTurns.TakeAsync(a, default);

        // Not for ever: the test's own limit is far beyond the patience, and only there so that a fault fails, not hangs.
        using (await SqliteWriteTurns.TakeAsync(b, default).WaitAsync(TimeSpan.FromSeconds(60)))
        {
        }

        held.Dispose();
    }
}
