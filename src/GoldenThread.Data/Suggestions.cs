namespace GoldenThread.Data;

/// <summary>"Did you mean" hints for misspelt keys, column names and ids.</summary>
internal static class Suggestions
{
    /// <summary>The closest candidate within a small edit distance, or null when nothing is close enough to be a likely typo.</summary>
    public static string? Closest(string written, IEnumerable<string> candidates)
    {
        // Nothing longer than a key or id is a typo of one, and the distance takes time in proportion to the length.
        if (written.Length > 200)
        {
            return null;
        }

        var w = written.ToLowerInvariant();

        // A third of the length, at most 3: "polarty" finds "polarity" but "id" does not find "la".
        var allowed = Math.Min(3, Math.Max(1, w.Length / 3));
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var d = Distance(w, candidate.ToLowerInvariant());
            if (d <= allowed && d < bestDistance)
            {
                best = candidate;
                bestDistance = d;
            }
        }

        return best;
    }

    /// <summary>"; did you mean 'x'?" or the empty string.</summary>
    public static string DidYouMean(string written, IEnumerable<string> candidates) =>
        Closest(written, candidates) is { } c ? $"; did you mean '{c}'?" : "";

    // Levenshtein distance with two rows; inputs here are short keys and ids.
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
