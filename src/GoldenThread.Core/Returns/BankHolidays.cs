namespace GoldenThread.Core.Returns;

/// <summary>
/// Bank holidays in England and Wales, computed by rule with the one-off changes written out, for 1995 to 2040.
/// </summary>
/// <remarks>
/// Rules (Banking and Financial Dealings Act 1971 and royal proclamations): New Year's Day, Good Friday, Easter Monday,
/// the first Monday in May, the last Monday in May, the last Monday in August, Christmas Day and Boxing Day; a holiday
/// falling on a weekend moves to the next weekday not already a holiday. One-offs: 8 May 1995 (VE Day, moving the May
/// holiday), 31 December 1999, 2002 (spring holiday 4 June plus 3 June), 29 April 2011, 2012 (4 and 5 June), 2020 (8 May
/// instead of 4 May), 2022 (2 and 3 June instead of 30 May; 19 September), 8 May 2023. Years after 2040 are refused
/// rather than guessed, because proclamations add days the rule cannot know.
/// </remarks>
public static class BankHolidays
{
    public const int FirstYear = 1995;
    public const int LastYear = 2040;

    private static readonly HashSet<DateOnly> Days = Build();

    public static bool IsBankHoliday(DateOnly day)
    {
        if (day.Year is < FirstYear or > LastYear)
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, $"Bank holidays are known for {FirstYear} to {LastYear}.");
        }

        return Days.Contains(day);
    }

    public static bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsBankHoliday(day);

    /// <summary>
    /// Working days after <paramref name="from"/> up to and including <paramref name="to"/>: a task started on a Monday
    /// and finished the next Monday took 5 working days; finished the same day, 0.
    /// </summary>
    public static int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            if (IsWorkingDay(d))
            {
                count++;
            }
        }

        return count;
    }

    public static IEnumerable<DateOnly> InYear(int year) => Days.Where(d => d.Year == year).Order();

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private static HashSet<DateOnly> Build()
    {
        var set = new HashSet<DateOnly>();
        for (var y = FirstYear; y <= LastYear; y++)
        {
            var yearDays = new List<DateOnly>();
            var easter = EasterSunday(y);
            yearDays.Add(easter.AddDays(-2));
            yearDays.Add(easter.AddDays(1));
            yearDays.Add(y switch
            {
                1995 => new DateOnly(1995, 5, 8),
                2020 => new DateOnly(2020, 5, 8),
                _ => FirstMonday(y, 5),
            });
            switch (y)
            {
                case 2002: yearDays.Add(new(2002, 6, 3)); yearDays.Add(new(2002, 6, 4)); break;
                case 2012: yearDays.Add(new(2012, 6, 4)); yearDays.Add(new(2012, 6, 5)); break;
                case 2022: yearDays.Add(new(2022, 6, 2)); yearDays.Add(new(2022, 6, 3)); break;
                default: yearDays.Add(LastMonday(y, 5)); break;
            }

            yearDays.Add(LastMonday(y, 8));
            foreach (var d in yearDays)
            {
                set.Add(d);
            }

            // Weekend holidays move to the next weekday not already taken, in date order.
            foreach (var fixedDay in new[] { new DateOnly(y, 1, 1), new DateOnly(y, 12, 25), new DateOnly(y, 12, 26) })
            {
                var d = fixedDay;
                while (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || set.Contains(d))
                {
                    d = d.AddDays(1);
                }

                set.Add(d);
            }
        }

        foreach (var oneOff in new DateOnly[] { new(1999, 12, 31), new(2011, 4, 29), new(2022, 9, 19), new(2023, 5, 8) })
        {
            set.Add(oneOff);
        }

        return set;
    }

    private static DateOnly FirstMonday(int year, int month)
    {
        var d = new DateOnly(year, month, 1);
        while (d.DayOfWeek != DayOfWeek.Monday)
        {
            d = d.AddDays(1);
        }

        return d;
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var d = new DateOnly(year, month, 1).AddMonths(1).AddDays(-1);
        while (d.DayOfWeek != DayOfWeek.Monday)
        {
            d = d.AddDays(-1);
        }

        return d;
    }
}
