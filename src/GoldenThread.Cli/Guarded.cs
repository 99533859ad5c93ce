using GoldenThread.Data;

namespace GoldenThread.Cli;

/// <summary>Runs a command's body so that users see a message and an exit code, never a stack trace.</summary>
internal static class Guarded
{
    public static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (InputException e)
        {
            Console.Error.WriteLine(e.Message);
            return ExitCodes.BadInput;
        }
        catch (GoldenThread.Store.StoreBackupException e)
        {
            Console.Error.WriteLine(e.Message);
            return ExitCodes.BadInput;
        }
        catch (GoldenThread.Store.StoreBusyException e)
        {
            Console.Error.WriteLine(e.Message);
            return ExitCodes.BadInput;
        }
        catch (GoldenThread.Core.Dashboard.NothingToReportException e)
        {
            Console.Error.WriteLine(e.Message);
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or IOException)
        {
            Console.Error.WriteLine(e.Message);
            return ExitCodes.BadInput;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"GoldenThread failed unexpectedly: {e.GetType().Name}: {e.Message}");
            Console.Error.WriteLine("This is a fault in GoldenThread, not in your files; please report it with the command you ran.");
            return ExitCodes.InternalError;
        }
    }
}
