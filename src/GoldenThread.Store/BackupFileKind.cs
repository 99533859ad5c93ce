namespace GoldenThread.Store;

/// <summary>What a backup file is, told from its first bytes (not its name, which people change).</summary>
public enum BackupFileKind
{
    /// <summary>Neither of the two below: not something <c>db backup</c> wrote.</summary>
    Unknown,
    /// <summary>A SQLite database: starts with <c>"SQLite format 3\0"</c>.</summary>
    Sqlite,
    /// <summary>A PostgreSQL custom-format dump (<c>pg_dump --format=custom</c>): starts with <c>"PGDMP"</c>.</summary>
    PostgresCustomDump,
}

public static class BackupFiles
{
    private static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();
    private static readonly byte[] PostgresHeader = "PGDMP"u8.ToArray();

    /// <summary>Reads the start of <paramref name="path"/>; throws <see cref="StoreBackupException"/> when it does not exist.</summary>
    public static BackupFileKind Identify(string path)
    {
        if (!File.Exists(path))
        {
            throw new StoreBackupException(
                $"{path}: not found; expected a backup written by `goldenthread db backup` (a SQLite database or a PostgreSQL custom-format dump)");
        }

        var start = new byte[SqliteHeader.Length];
        int read;
        using (var stream = File.OpenRead(path))
        {
            read = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        }

        var head = start.AsSpan(0, read);
        return head.StartsWith(SqliteHeader) ? BackupFileKind.Sqlite
            : head.StartsWith(PostgresHeader) ? BackupFileKind.PostgresCustomDump
            : BackupFileKind.Unknown;
    }
}
