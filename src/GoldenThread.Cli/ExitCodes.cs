namespace GoldenThread.Cli;

internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>An input file or option was wrong; the message says which and how.</summary>
    public const int BadInput = 2;

    /// <summary>A fault of GoldenThread itself (EX_SOFTWARE).</summary>
    public const int InternalError = 70;
}
