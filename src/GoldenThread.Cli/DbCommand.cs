using System.CommandLine;
using System.Globalization;
using GoldenThread.Store;

namespace GoldenThread.Cli;

/// <summary>
/// <c>db migrate</c>: brings a store's schema up to date (a deployment step for PostgreSQL); <c>db backup</c> and
/// <c>db restore</c>: the whole store to one file and back (docs/backup.md).
/// </summary>
internal static class DbCommand
{
    public static Option<string> StoreOption(bool withDefault) => new("--store")
    {
        Description = "The store: a SQLite file path or a PostgreSQL connection string (Host=...;Database=...;Username=...). Default: $GOLDENTHREAD_STORE, else data/goldenthread.db in this checkout (the store the web application uses).",
        DefaultValueFactory = withDefault ? _ => DefaultStore.Location() : null!,
    };

    public static Command Create() => new("db", "Manage the store (SQLite or PostgreSQL).") { Migrate(), Backup(), Restore() };

    private static Command Migrate()
    {
        var store = StoreOption(withDefault: true);
        var migrate = new Command("migrate", "Apply the store's pending migrations (creates the SQLite file if missing).") { store };
        migrate.SetAction(parse => Guarded.Run(() =>
        {
            var connection = StoreConnection.Parse(parse.GetValue(store)!);
            var applied = StoreMigrator.MigrateAsync(connection, Console.Error.WriteLine).GetAwaiter().GetResult();
            Console.WriteLine(applied.Count == 0
                ? $"{connection.Describe()}: up to date."
                : $"{connection.Describe()}: applied {string.Join(", ", applied)}.");
            return ExitCodes.Ok;
        }));
        return migrate;
    }

    private static Command Backup()
    {
        var store = StoreOption(withDefault: true);
        var output = new Option<string>("--out")
        {
            Description = "The backup file to write (replaced only when the backup is complete): a SQLite database for a SQLite store, a pg_dump custom-format archive for PostgreSQL. It holds password hashes: keep it encrypted.",
            Required = true,
        };
        var backup = new Command("backup", "Copy the whole store to one file, safely while the web application runs.") { store, output };
        backup.SetAction(parse => Guarded.Run(() =>
        {
            var connection = StoreConnection.Parse(parse.GetValue(store)!);
            var file = parse.GetValue(output)!;
            var bytes = StoreBackup.BackupAsync(connection, file).GetAwaiter().GetResult();
            Console.WriteLine($"{connection.Describe()}: backed up to {Path.GetFullPath(file)} ({bytes.ToString("N0", CultureInfo.InvariantCulture)} bytes).");
            return ExitCodes.Ok;
        }));
        return backup;
    }

    private static Command Restore()
    {
        // No default store: replacing a store's contents is not something to do to whichever store happens to be configured.
        var store = StoreOption(withDefault: false);
        store.Required = true;
        var from = new Option<string>("--from") { Description = "The backup file written by `db backup` (of a store of the same kind).", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace a store that already holds workspaces (refused without it)." };
        var restore = new Command("restore", "Replace the store's contents with a backup made by `db backup`.") { store, from, force };
        restore.SetAction(parse => Guarded.Run(() =>
        {
            var connection = StoreConnection.Parse(parse.GetValue(store)!);
            var file = parse.GetValue(from)!;
            var result = StoreBackup.RestoreAsync(connection, file, parse.GetValue(force)).GetAwaiter().GetResult();
            var workspaces = result.Workspaces.Count == 1 ? "1 workspace" : $"{result.Workspaces.Count} workspaces";
            var migrate = result.PendingMigrations.Count == 0
                ? ""
                : $" The backup is older than this version: run `goldenthread db migrate` on it ({string.Join(", ", result.PendingMigrations)}).";
            Console.WriteLine($"{connection.Describe()}: restored from {Path.GetFullPath(file)} ({workspaces}).{migrate}");
            return ExitCodes.Ok;
        }));
        return restore;
    }
}
