namespace GoldenThread.Core.Returns;

/// <summary>
/// The collection years a set of returns holds, so a derivation can tell whether the files reach back far enough for a
/// window: a figure that needs history the files do not hold is reported as not computable, never computed on part of
/// it (docs/returns.md, "Windows without history").
/// </summary>
/// <remarks>
/// A collection year's return holds every episode, referral and plan open at any time in its year (1 April to 31
/// March), so years held without a gap from the first day needed to the window's end are enough. Years are named by
/// their 31 March (2016 for 2015/16). <see cref="Complete"/> stands for data built by hand, taken as the whole history.
/// </remarks>
public sealed class ReturnCoverage
{
    private readonly SortedSet<int> _years;

    private ReturnCoverage(IEnumerable<int> years, bool complete)
    {
        _years = [.. years];
        IsComplete = complete;
    }

    /// <summary>Every day: the whole history (records built in code rather than read from a folder of returns).</summary>
    public static ReturnCoverage Complete { get; } = new([], true);

    /// <summary>The returns of the given collection years.</summary>
    public static ReturnCoverage Of(IEnumerable<int> collectionYears) => new(collectionYears, false);

    public bool IsComplete { get; }

    public IReadOnlyCollection<int> Years => _years;

    /// <summary>The collection year a day falls in: 1 April 2015 to 31 March 2016 is 2016.</summary>
    public static int CollectionYearOf(DateOnly day) => day.Month >= 4 ? day.Year + 1 : day.Year;

    /// <summary>The first day from which the returns run without a gap up to <paramref name="last"/>; null when the year of <paramref name="last"/> is not held.</summary>
    public DateOnly? StartBefore(DateOnly last)
    {
        if (IsComplete)
        {
            return DateOnly.MinValue;
        }

        var year = CollectionYearOf(last);
        if (!_years.Contains(year))
        {
            return null;
        }

        while (_years.Contains(year - 1))
        {
            year--;
        }

        return new DateOnly(year - 1, 4, 1);
    }

    /// <summary>Whether every day from <paramref name="first"/> to <paramref name="last"/> is held.</summary>
    public bool Reaches(DateOnly first, DateOnly last) => StartBefore(last) is { } start && start <= first;

    /// <summary>"2022/23 to 2024/25", for reasons; "none" when empty.</summary>
    public string Describe()
    {
        if (IsComplete)
        {
            return "every year";
        }

        if (_years.Count == 0)
        {
            return "no year";
        }

        var runs = new List<string>();
        int? from = null, to = null;
        foreach (var y in _years.Append(int.MaxValue))
        {
            if (from is not null && y == to + 1)
            {
                to = y;
                continue;
            }

            if (from is { } f)
            {
                runs.Add(f == to ? ReturnCodes.YearLabel(f) : $"{ReturnCodes.YearLabel(f)} to {ReturnCodes.YearLabel(to!.Value)}");
            }

            from = to = y;
        }

        return string.Join(", ", runs);
    }
}
