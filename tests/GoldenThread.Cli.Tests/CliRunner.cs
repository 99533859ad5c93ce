using System.Diagnostics;

namespace GoldenThread.Cli.Tests;

/// <summary>Runs the built command-line program as a user would, capturing its output and exit code.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static string RepositoryRoot { get; } = FindRoot();

    public static Result Run(params string[] args) => RunWithInput(null, args);

    /// <summary>Runs with <paramref name="input"/> on standard input (closed after it), as a pipe would give it.</summary>
    public static Result RunWithInput(string? input, params string[] args) => RunWith(input, new Dictionary<string, string>(), args);

    /// <summary>Runs with extra environment variables, e.g. GOLDENTHREAD_CHROMIUM pointing at no Chromium.</summary>
    public static Result RunWithEnvironment(IReadOnlyDictionary<string, string> environment, params string[] args) => RunWith(null, environment, args);

    private static Result RunWith(string? input, IReadOnlyDictionary<string, string> environment, string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input is not null,
            WorkingDirectory = RepositoryRoot,
        };

        // Tests run reports side by side: none of them writes to the repository's default store unless it says so.
        start.Environment["GOLDENTHREAD_STORE"] = "none";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "goldenthread.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        if (input is not null)
        {
            process.StandardInput.Write(input);
            process.StandardInput.Close();
        }

        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("goldenthread did not finish in two minutes: " + string.Join(' ', args));
        }

        return new Result(process.ExitCode, output.Result, error.Result);
    }

    public static string TempDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "goldenthread-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GoldenThread.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (GoldenThread.slnx) was not found above the test assembly.");
    }
}
