namespace GoldenThread.Store;

/// <summary>
/// The one store the command line and the web application use unless told otherwise, so that a workspace saved by
/// <c>report</c> shows in the browser: <c>GOLDENTHREAD_STORE</c> (a SQLite path or a PostgreSQL connection string) when
/// set; else <c>data/goldenthread.db</c> at the root of the GoldenThread checkout the program runs in (where the README's
/// commands put it); else <c>goldenthread.db</c> in the user's local application-data folder (an installed tool).
/// </summary>
public static class DefaultStore
{
    public const string EnvironmentVariable = "GOLDENTHREAD_STORE";

    /// <summary>Names the folder for caches of parsed public files (LAIT's); <c>none</c> for no cache.</summary>
    public const string CacheEnvironmentVariable = "GOLDENTHREAD_CACHE";

    /// <summary>The path or connection string, as <c>--store</c> would take it.</summary>
    public static string Location(string? workingDirectory = null, string? baseDirectory = null)
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured)
        {
            return configured;
        }

        return DefaultSqlitePath(workingDirectory, baseDirectory);
    }

    /// <summary>
    /// Where parsed copies of LAIT's files are kept (<c>LaitCache</c>): <c>GOLDENTHREAD_CACHE</c> when set (<c>none</c>: no
    /// cache); else a <c>cache</c> folder beside the SQLite store named by <paramref name="store"/> (a path or SQLite
    /// connection string); else, with no store or a PostgreSQL one, beside the default SQLite store (<c>data/cache</c> in
    /// the checkout). Null for no cache.
    /// </summary>
    public static string? CacheFolder(string? store, string? workingDirectory = null, string? baseDirectory = null)
    {
        if (Environment.GetEnvironmentVariable(CacheEnvironmentVariable) is { Length: > 0 } configured)
        {
            return string.Equals(configured.Trim(), "none", StringComparison.OrdinalIgnoreCase) ? null : Path.GetFullPath(configured);
        }

        var sqlite = store is null ? null : SqliteFile(store);
        var beside = Path.GetDirectoryName(sqlite ?? DefaultSqlitePath(workingDirectory, baseDirectory));
        return beside is null ? null : Path.Combine(beside, "cache");
    }

    /// <summary>The SQLite file a <c>--store</c> value names; null for PostgreSQL, <c>none</c> or an in-memory database.</summary>
    private static string? SqliteFile(string store)
    {
        var text = store.Trim();
        if (text.Length == 0 || string.Equals(text, "none", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var connection = text.Contains('=', StringComparison.Ordinal) || text.Contains("://", StringComparison.Ordinal)
                ? StoreConnection.Parse(text)
                : null;
            if (connection is null)
            {
                return Path.GetFullPath(text);
            }

            return connection.Provider == StoreProvider.Sqlite
                && new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection.ConnectionString).DataSource is { Length: > 0 } path
                && !path.StartsWith(':')
                ? Path.GetFullPath(path)
                : null;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or GoldenThread.Data.InputException)
        {
            return null; // --store's own check names the problem
        }
    }

    private static string DefaultSqlitePath(string? workingDirectory, string? baseDirectory)
    {
        // The checkout is found from where the program was started, or failing that from where it was built.
        foreach (var start in new[] { workingDirectory ?? Environment.CurrentDirectory, baseDirectory ?? AppContext.BaseDirectory })
        {
            if (CheckoutRoot(start) is { } root)
            {
                return Path.Combine(root, "data", "goldenthread.db");
            }
        }

        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "GoldenThread", "goldenthread.db");
    }

    public static StoreConnection Connection() => StoreConnection.Parse(Location());

    private static string? CheckoutRoot(string start)
    {
        for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "GoldenThread.slnx")))
            {
                return d.FullName;
            }
        }

        return null;
    }
}
