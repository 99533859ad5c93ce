using Npgsql;

namespace GoldenThread.Cli.Tests;

/// <summary><c>db backup</c> and <c>db restore</c> as a user runs them: one line on success, exit code 2 and a message on bad input.</summary>
public class DbBackupCommandTests
{
    private const string Sample = "leicestershire-2015-16-q3";

    /// <summary>A SQLite store holding the sample's workspace, saved by <c>report</c> as a user would.</summary>
    private static string StoreWithSample(string dir)
    {
        var store = Path.Combine(dir, "live.db");
        var report = CliRunner.Run("report", "--sample", Sample, "--out", Path.Combine(dir, "out"), "--store", store);
        Assert.True(report.ExitCode == 0, report.Error);
        return store;
    }

    private static void AssertBadInput(CliRunner.Result result, params string[] expected)
    {
        Assert.Equal(2, result.ExitCode);
        foreach (var e in expected)
        {
            Assert.Contains(e, result.Error);
        }

        Assert.DoesNotContain("   at ", result.Error);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public void BackupThenRestore_Sqlite_OneLineEachAndTheWorkspaceBack()
    {
        var dir = CliRunner.TempDirectory();
        var store = StoreWithSample(dir);
        var file = Path.Combine(dir, "backups", "nightly.db");
        var restored = Path.Combine(dir, "restored.db");

        var backup = CliRunner.Run("db", "backup", "--store", store, "--out", file);
        var restore = CliRunner.Run("db", "restore", "--store", restored, "--from", file);

        Assert.True(backup.ExitCode == 0, backup.Error);
        Assert.Equal($"SQLite {store}: backed up to {file} ({new FileInfo(file).Length:N0} bytes).", backup.Output.TrimEnd());
        Assert.True(restore.ExitCode == 0, restore.Error);
        Assert.Equal($"SQLite {restored}: restored from {file} (1 workspace).", restore.Output.TrimEnd());
    }

    [Fact]
    public void Restore_OverStoreWithWorkspaces_Exit2UnlessForced()
    {
        var dir = CliRunner.TempDirectory();
        var store = StoreWithSample(dir);
        var file = Path.Combine(dir, "nightly.db");
        Assert.Equal(0, CliRunner.Run("db", "backup", "--store", store, "--out", file).ExitCode);

        var refused = CliRunner.Run("db", "restore", "--store", store, "--from", file);
        var forced = CliRunner.Run("db", "restore", "--store", store, "--from", file, "--force");

        AssertBadInput(refused, $"SQLite {store} already holds 1 workspace ({Sample}); restoring {file} would replace everything in it. Add --force to overwrite it.");
        Assert.True(forced.ExitCode == 0, forced.Error);
        Assert.Equal($"SQLite {store}: restored from {file} (1 workspace).", forced.Output.TrimEnd());
    }

    [Fact]
    public void Restore_MissingFile_Exit2NamingTheFileAndWhatWasExpected()
    {
        var dir = CliRunner.TempDirectory();
        var missing = Path.Combine(dir, "nope.db");

        var result = CliRunner.Run("db", "restore", "--store", Path.Combine(dir, "store.db"), "--from", missing);

        AssertBadInput(result, $"{missing}: not found; expected a backup written by `goldenthread db backup` (a SQLite database or a PostgreSQL custom-format dump)");
    }

    [Fact]
    public void Restore_FileThatIsNotABackup_Exit2AndStoreNotCreated()
    {
        var dir = CliRunner.TempDirectory();
        var garbage = Path.Combine(dir, "values.csv");
        File.WriteAllText(garbage, "measure,period,value\n");
        var store = Path.Combine(dir, "store.db");

        var result = CliRunner.Run("db", "restore", "--store", store, "--from", garbage);

        AssertBadInput(result, $"{garbage}: not a GoldenThread backup; expected a SQLite database or a PostgreSQL custom-format dump");
        Assert.False(File.Exists(store));
    }

    [Fact]
    public void Backup_StoreMissing_Exit2AndNoFileWritten()
    {
        var dir = CliRunner.TempDirectory();
        var store = Path.Combine(dir, "none-here.db");
        var file = Path.Combine(dir, "backup.db");

        var result = CliRunner.Run("db", "backup", "--store", store, "--out", file);

        AssertBadInput(result, $"SQLite {store}: no such file; nothing to back up");
        Assert.Empty(Directory.GetFiles(dir));
    }

    [Fact]
    public void Backup_OutIsTheStoreItself_Exit2()
    {
        var dir = CliRunner.TempDirectory();
        var store = StoreWithSample(dir);

        var result = CliRunner.Run("db", "backup", "--store", store, "--out", store);

        AssertBadInput(result, $"{store}: is the store itself; give --out another file");
    }

    [Fact]
    public void BackupAndRestore_Postgres_DescribeTheStoreWithoutThePassword()
    {
        var server = Environment.GetEnvironmentVariable("GOLDENTHREAD_TEST_POSTGRES") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException("GOLDENTHREAD_TEST_POSTGRES is not set: run `. scripts/postgres.sh` first (scripts/test.sh does).");
        var name = "gt_" + Guid.NewGuid().ToString("N");
        Execute(server, $"CREATE DATABASE {name}");
        try
        {
            // The test server trusts loopback, so any password connects; it must still never be printed.
            var store = new NpgsqlConnectionStringBuilder(server) { Database = name, Password = "not-for-your-eyes" }.ConnectionString;
            var file = Path.Combine(CliRunner.TempDirectory(), "store.dump");
            Assert.Equal(0, CliRunner.Run("db", "migrate", "--store", store).ExitCode);

            var backup = CliRunner.Run("db", "backup", "--store", store, "--out", file);
            var restore = CliRunner.Run("db", "restore", "--store", store, "--from", file);
            var wrongKind = CliRunner.Run("db", "restore", "--store", Path.Combine(Path.GetDirectoryName(file)!, "sqlite.db"), "--from", file);

            Assert.True(backup.ExitCode == 0, backup.Error);
            Assert.StartsWith($"PostgreSQL {new NpgsqlConnectionStringBuilder(server).Host}:", backup.Output);
            Assert.Contains($"/{name}: backed up to {file}", backup.Output);
            Assert.True(restore.ExitCode == 0, restore.Error);
            Assert.Contains($"/{name}: restored from {file} (0 workspaces).", restore.Output);
            AssertBadInput(wrongKind, $"{file}: a PostgreSQL dump, but the store is SQLite ");
            Assert.DoesNotContain("not-for-your-eyes", backup.Output + backup.Error + restore.Output + restore.Error);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            Execute(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
    }

    private static void Execute(string connectionString, string sql)
    {
        using var conn = new NpgsqlConnection(connectionString);
        conn.Open();
        using var command = new NpgsqlCommand(sql, conn);
        command.ExecuteNonQuery();
    }
}
