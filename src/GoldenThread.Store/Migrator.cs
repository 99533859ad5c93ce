using Microsoft.EntityFrameworkCore;

namespace GoldenThread.Store;

/// <summary>Brings a store's schema up to date (the CLI's <c>db migrate</c> and the web's migrate-on-start).</summary>
public static class StoreMigrator
{
    /// <summary>Applies every pending migration; returns the ids of those applied.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(StoreConnection connection, CancellationToken cancellationToken = default)
    {
        await using var db = connection.CreateContext();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        return pending;
    }
}
