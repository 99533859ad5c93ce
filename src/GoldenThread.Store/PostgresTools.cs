using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace GoldenThread.Store;

/// <summary>Finds and runs PostgreSQL's own client programs (<c>pg_dump</c>, <c>pg_restore</c>) against a store.</summary>
/// <remarks>
/// The programs are started directly with an argument list, never through a shell, so nothing in a connection string can
/// become a command; the password goes in <c>PGPASSWORD</c>, never on the command line, where <c>ps</c> would show it.
/// </remarks>
public static class PostgresTools
{
    /// <summary>Where Debian and Ubuntu put each installed version's programs (<c>/usr/lib/postgresql/16/bin</c>).</summary>
    public const string DebianVersionsRoot = "/usr/lib/postgresql";

    /// <summary>
    /// The path of <paramref name="program"/>: the first on <paramref name="searchPath"/> (default: <c>PATH</c>), else in the
    /// highest version under <paramref name="versionsRoot"/>, which Debian does not put on <c>PATH</c> without the
    /// postgresql-client-common wrappers.
    /// </summary>
    public static string Find(string program, string? searchPath = null, string versionsRoot = DebianVersionsRoot)
    {
        var file = OperatingSystem.IsWindows() ? program + ".exe" : program;
        searchPath ??= Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in searchPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, file);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        if (Directory.Exists(versionsRoot))
        {
            var newest = Directory.GetDirectories(versionsRoot)
                .Select(d => (Dir: d, Version: VersionOf(Path.GetFileName(d))))
                .Where(d => d.Version is not null && File.Exists(Path.Combine(d.Dir, "bin", file)))
                .OrderByDescending(d => d.Version)
                .FirstOrDefault();
            if (newest.Dir is not null)
            {
                return Path.Combine(newest.Dir, "bin", file);
            }
        }

        throw new StoreBackupException(
            $"{program} was not found on PATH nor in {versionsRoot}/*/bin: install PostgreSQL's client programs " +
            "(Debian and Ubuntu: apt-get install postgresql-client), of the server's major version or newer");
    }

    /// <summary>
    /// Runs <paramref name="program"/> with the connection options of <paramref name="connectionString"/> followed by
    /// <paramref name="arguments"/> (none when null: <c>pg_restore --list</c> reads only the file); returns its
    /// standard output. A non-zero exit throws with the program's own standard error, which says what went wrong in PostgreSQL's words (a version mismatch, a refused connection).
    /// </summary>
    public static async Task<string> RunAsync(string program, IEnumerable<string> arguments, string? connectionString, CancellationToken ct)
    {
        var path = Find(program);
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The connection's options come first, so that a file name among the arguments is last, where every getopt takes it.
        if (connectionString is not null)
        {
            AddConnection(start, new NpgsqlConnectionStringBuilder(connectionString));
        }

        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new StoreBackupException($"{path} could not be started");
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            throw new StoreBackupException($"{program} failed (exit code {process.ExitCode}): {(await error).Trim()}");
        }

        return await output;
    }

    private static void AddConnection(ProcessStartInfo start, NpgsqlConnectionStringBuilder b)
    {
        if (string.IsNullOrEmpty(b.Database))
        {
            throw new StoreBackupException("--store: the PostgreSQL connection string names no database (Database=...)");
        }

        // Never prompt: a backup run by a scheduler would wait for ever on a password nobody types.
        start.ArgumentList.Add("--no-password");
        if (!string.IsNullOrEmpty(b.Host))
        {
            start.ArgumentList.Add("--host=" + b.Host);
        }

        start.ArgumentList.Add("--port=" + b.Port.ToString(CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(b.Username))
        {
            start.ArgumentList.Add("--username=" + b.Username);
        }

        start.ArgumentList.Add("--dbname=" + b.Database);
        if (b.Password is { Length: > 0 } password)
        {
            start.Environment["PGPASSWORD"] = password;
        }

        start.Environment["PGSSLMODE"] = b.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        };
    }

    /// <summary>A version folder's name as a number to sort by (<c>9.6</c> before <c>16</c>); null for anything else.</summary>
    private static Version? VersionOf(string name) =>
        Version.TryParse(name.Contains('.') ? name : name + ".0", out var v) ? v : null;
}
