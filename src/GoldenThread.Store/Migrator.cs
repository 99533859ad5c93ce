using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GoldenThread.Store;

/// <summary>Brings a store's schema up to date (the CLI's <c>db migrate</c> and the web's migrate-on-start).</summary>
public static class StoreMigrator
{
    /// <summary>
    /// The ids of this build's migrations, found as EF finds them (subclasses of <see cref="Migration"/> marked for
    /// <see cref="GoldenThreadDbContext"/>), in order.
    /// </summary>
    public static IReadOnlyList<string> KnownMigrations { get; } = typeof(GoldenThreadDbContext).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(Migration)) && !t.IsAbstract
            && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(GoldenThreadDbContext))
        .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
        .OfType<string>()
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>Applies every pending migration; returns the ids of those applied.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(StoreConnection connection, CancellationToken cancellationToken = default)
    {
        // A SQLite store that already has exactly this build's migrations needs none: asking its history table directly
        // spares building EF's model and migrations machinery, most of the command line's start-up with a store.
        if (connection.Provider == StoreProvider.Sqlite && await SqliteIsCurrentAsync(connection.ConnectionString, cancellationToken))
        {
            return [];
        }

        await using var db = connection.CreateContext();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        return pending;
    }

    /// <summary>True when the SQLite database's migration history is exactly <see cref="KnownMigrations"/>; false when it has no history yet, lacks one or has one this build does not know.</summary>
    internal static async Task<bool> SqliteIsCurrentAsync(string connectionString, CancellationToken cancellationToken)
    {
        // Read-only, and never creating the file: a store that is not there yet is for EF to make.
        var readOnly = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly };
        if (readOnly.DataSource is not { Length: > 0 } path || path.StartsWith(':') || !File.Exists(path))
        {
            return false;
        }

        var applied = new List<string>();
        try
        {
            await using var sqlite = new SqliteConnection(readOnly.ConnectionString);
            await sqlite.OpenAsync(cancellationToken);
            await using var command = sqlite.CreateCommand();
            command.CommandText = $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{StoreBackup.HistoryTable}'";
            if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                return false;
            }

            command.CommandText = $"SELECT \"MigrationId\" FROM \"{StoreBackup.HistoryTable}\"";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetString(0));
            }
        }
        catch (SqliteException)
        {
            return false; // not a database, locked, damaged: EF's own migration says so as it always has
        }

        return applied.Order(StringComparer.Ordinal).SequenceEqual(KnownMigrations, StringComparer.Ordinal);
    }
}
