using System.Diagnostics;
using GoldenThread.Cli;

// Taken first, so that `report --timings` counts the time the command line itself takes to start.
var mainStarted = Stopwatch.GetTimestamp();
return GoldenThreadCommand.Run(args, Console.Out, Console.Error, mainStarted);
