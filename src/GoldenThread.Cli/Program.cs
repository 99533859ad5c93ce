using GoldenThread.Cli;

return GoldenThreadCommand.Run(args, Console.Out, Console.Error);
