using System.CommandLine;
using GoldenThread.Data.Workspace;

namespace GoldenThread.Cli;

internal static class SamplesCommand
{
    public static Command Create()
    {
        var command = new Command("samples", "List the bundled samples: dashboards for 'report --sample NAME', area comparisons for 'compare --sample NAME'.");
        command.SetAction(_ => Guarded.Run(() =>
        {
            var names = SampleCatalogue.Names();
            if (names.Count == 0)
            {
                Console.Error.WriteLine("No samples folder was found; run from the repository.");
                return ExitCodes.BadInput;
            }

            foreach (var name in names)
            {
                Console.WriteLine(name);
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
