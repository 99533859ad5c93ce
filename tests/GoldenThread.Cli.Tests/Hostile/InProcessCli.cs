namespace GoldenThread.Cli.Tests.Hostile;

/// <summary>The hostile-input and mutation tests share the console the command writes to, so they run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class InProcessCollection
{
    public const string Name = "goldenthread in-process";
}

/// <summary>
/// Runs <c>goldenthread</c> in this process (<see cref="GoldenThreadCommand.Run"/>): thousands of runs cost milliseconds
/// each, where starting the program costs about a second.
/// </summary>
internal static class InProcessCli
{
    /// <param name="AllocatedBytes">Bytes allocated by the process during the run: an upper bound on what the run held.</param>
    public sealed record Result(int ExitCode, string Output, string Error, long AllocatedBytes);

    public static Result Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var before = GC.GetTotalAllocatedBytes(precise: false);
        var code = GoldenThreadCommand.Run(args, output, error);
        var allocated = GC.GetTotalAllocatedBytes(precise: false) - before;
        return new Result(code, output.ToString(), error.ToString(), allocated);
    }
}
