using System.CommandLine;
using GoldenThread.Data;

namespace GoldenThread.Cli;

/// <summary>
/// The <c>goldenthread</c> command as a call: the hostile-input and mutation tests run it in-process, thousands of
/// times, where starting a process for each would cost about a second.
/// </summary>
public static class GoldenThreadCommand
{
    // The commands write to Console; an in-process caller's writers are swapped in for the call, one call at a time.
    private static readonly Lock OneAtATime = new();

    /// <summary>
    /// Runs the command line <paramref name="args"/> with its output and errors going to the writers given; returns the
    /// exit code. <paramref name="mainStarted"/>: the timestamp the process's Main began at, for <c>report --timings</c>.
    /// </summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, long mainStarted = 0)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        lock (OneAtATime)
        {
            var (outBefore, errorBefore) = (Console.Out, Console.Error);
            var swap = !ReferenceEquals(output, outBefore) || !ReferenceEquals(error, errorBefore);
            if (swap)
            {
                Console.SetOut(output);
                Console.SetError(error);
            }

            try
            {
                return Create(mainStarted).Parse(args).Invoke();
            }
            catch (InputException e)
            {
                Console.Error.WriteLine(e.Message);
                return ExitCodes.BadInput;
            }
            finally
            {
                if (swap)
                {
                    Console.SetOut(outBefore);
                    Console.SetError(errorBefore);
                }
            }
        }
    }

    private static RootCommand Create(long mainStarted)
    {
        var root = new RootCommand("GoldenThread: a children's services department's plan, measures and quarterly performance dashboard.");
        root.Subcommands.Add(ReportCommand.Create(mainStarted));
        root.Subcommands.Add(PackCommand.Create());
        root.Subcommands.Add(SamplesCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(DeriveCommand.Create());
        root.Subcommands.Add(SynthCommand.Create());
        root.Subcommands.Add(CompareCommand.Create());
        root.Subcommands.Add(DbCommand.Create());
        root.Subcommands.Add(UserCommand.Create());
        root.Subcommands.Add(FiguresCommand.Create());
        return root;
    }
}
