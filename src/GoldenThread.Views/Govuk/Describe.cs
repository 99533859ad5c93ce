namespace GoldenThread.Views.Govuk;

internal static class Describe
{
    /// <summary>The <c>aria-describedby</c> of a field: its hint and its error message, when it has them.</summary>
    public static string? By(string id, string? hint, string? error)
    {
        var parts = new List<string>(2);
        if (hint is not null)
        {
            parts.Add(id + "-hint");
        }

        if (error is not null)
        {
            parts.Add(id + "-error");
        }

        return parts.Count == 0 ? null : string.Join(' ', parts);
    }
}
