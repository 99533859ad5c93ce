using System.CommandLine;
using GoldenThread.Store;

namespace GoldenThread.Cli;

/// <summary><c>db migrate --store PATH_OR_CONNECTION</c>: brings a store's schema up to date (a deployment step for PostgreSQL).</summary>
internal static class DbCommand
{
    public static Option<string> StoreOption(bool withDefault) => new("--store")
    {
        Description = "The store: a SQLite file path or a PostgreSQL connection string (Host=...;Database=...;Username=...). Default: $GOLDENTHREAD_STORE, else data/goldenthread.db in this checkout (the store the web application uses).",
        DefaultValueFactory = withDefault ? _ => DefaultStore.Location() : null!,
    };

    public static Command Create()
    {
        var store = StoreOption(withDefault: true);
        var migrate = new Command("migrate", "Apply the store's pending migrations (creates the SQLite file if missing).") { store };
        migrate.SetAction(parse => Guarded.Run(() =>
        {
            var connection = StoreConnection.Parse(parse.GetValue(store)!);
            var applied = StoreMigrator.MigrateAsync(connection).GetAwaiter().GetResult();
            Console.WriteLine(applied.Count == 0
                ? $"{connection.Describe()}: up to date."
                : $"{connection.Describe()}: applied {string.Join(", ", applied)}.");
            return ExitCodes.Ok;
        }));
        return new Command("db", "Manage the store (SQLite or PostgreSQL).") { migrate };
    }
}
