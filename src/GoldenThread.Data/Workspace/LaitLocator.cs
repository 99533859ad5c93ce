namespace GoldenThread.Data.Workspace;

/// <summary>Finds the published LAIT files that sit beside the repository (<c>../shared/data/lait</c>).</summary>
public static class LaitLocator
{
    /// <summary>Environment variable that names the LAIT folder, for installations that keep it elsewhere.</summary>
    public const string EnvironmentVariable = "GOLDENTHREAD_LAIT_DIR";

    /// <summary>
    /// The LAIT folder: the environment variable if set, else the first <c>shared/data/lait</c> found walking up from the
    /// current directory and from the program's own folder. Null when none is found.
    /// </summary>
    public static string? FindDirectory()
    {
        var fromEnv = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnv))
        {
            return Directory.Exists(fromEnv) ? Path.GetFullPath(fromEnv) : null;
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "data", "lait");
                if (File.Exists(Path.Combine(candidate, "bds_long.csv")))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
