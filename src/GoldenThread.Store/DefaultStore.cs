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

    /// <summary>The path or connection string, as <c>--store</c> would take it.</summary>
    public static string Location(string? workingDirectory = null, string? baseDirectory = null)
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured)
        {
            return configured;
        }

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
