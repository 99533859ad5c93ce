using System.Text;

namespace GoldenThread.Views;

internal static class Slugs
{
    /// <summary>A fragment id from a theme or measure id: lower-case letters and digits, anything else a hyphen.</summary>
    public static string Of(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        return sb.ToString();
    }
}
