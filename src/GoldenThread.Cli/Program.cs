using System.CommandLine;
using System.Diagnostics;
using GoldenThread.Cli;
using GoldenThread.Data;

var mainStarted = Stopwatch.GetTimestamp();
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

try
{
    return root.Parse(args).Invoke();
}
catch (InputException e)
{
    Console.Error.WriteLine(e.Message);
    return ExitCodes.BadInput;
}
