namespace GoldenThread.Data;

/// <summary>Text from an input quoted in a message: whole when short, else its first 40 characters and an ellipsis.</summary>
/// <remarks>A message names a file, a row and a column; a field of megabytes copied into it would bury all three.</remarks>
internal static class Quoted
{
    public const int Longest = 40;

    public static string Text(string text) => text.Length <= Longest ? text : text[..Longest] + "…";
}
