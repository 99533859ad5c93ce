namespace GoldenThread.Data.Returns.Synthetic;

/// <summary>
/// The plan of one period of care while it is being built: legal statuses and placements by the day they start,
/// temporary placements, and the day and reason care ends. <see cref="LookedAfterSimulation"/> turns it into episodes.
/// </summary>
internal sealed class Timeline(DateOnly start, DateOnly eighteen)
{
    private readonly SortedDictionary<DateOnly, string> _legal = [];
    private readonly SortedDictionary<DateOnly, (Placement Where, string Reason)> _moves = [];
    private readonly List<(DateOnly From, DateOnly To, Placement Where)> _temporary = [];

    public DateOnly Start => start;

    public DateOnly? End { get; private set; }

    public string Exit { get; private set; } = "E8";

    public void Legal(DateOnly day, string status) => _legal[day] = status;

    /// <summary>A placement from <paramref name="day"/>; a later call for the same day replaces it.</summary>
    public void Move(DateOnly day, Placement where, string reason) => _moves[day] = (where, reason);

    public void DropLegalFrom(DateOnly day)
    {
        foreach (var k in _legal.Keys.Where(k => k >= day).ToList())
        {
            _legal.Remove(k);
        }
    }

    public void DropMovesFrom(DateOnly day)
    {
        foreach (var k in _moves.Keys.Where(k => k >= day).ToList())
        {
            _moves.Remove(k);
        }
    }

    public void Temporary(DateOnly from, DateOnly to, Placement where) => _temporary.Add((from, to, where));

    /// <summary>Care ends on <paramref name="day"/> (at 18 at the latest) for <paramref name="exit"/> (REC).</summary>
    /// <remarks>
    /// Not on 31 March, except on an 18th birthday: DfE's rules count a child who leaves on the last day of the year as
    /// looked after all year (their "continuously looked after" cohort asks DEC &lt; 31 March), so a child adopted that
    /// day would need an OC2 row and could not have AD1 (rules 187, 601). Such a leaving day is moved to the day before.
    /// </remarks>
    public void Finish(DateOnly day, string exit)
    {
        if (day > eighteen)
        {
            day = eighteen;
        }

        if (day is { Month: 3, Day: 31 } && day != eighteen)
        {
            var last = ChangeDays().Where(d => d < day).DefaultIfEmpty(start).Max();
            day = day.AddDays(-1) <= last ? day.AddDays(1) : day.AddDays(-1);
        }

        if (day <= start)
        {
            day = start.AddDays(1);
        }

        End = day;
        Exit = exit.Length > 0 ? exit : "E8";
    }

    public string LegalOn(DateOnly day)
    {
        var status = "V2";
        foreach (var (k, v) in _legal)
        {
            if (k > day)
            {
                break;
            }

            status = v;
        }

        return status;
    }

    /// <summary>The first day after <paramref name="day"/> the legal status changes to <paramref name="status"/>, if it does.</summary>
    public DateOnly? LegalChangeTo(string status, DateOnly day) =>
        _legal.Where(l => l.Key > day && l.Value == status).Select(l => (DateOnly?)l.Key).FirstOrDefault();

    public Placement PlacementOn(DateOnly day)
    {
        Placement? where = null;
        foreach (var (k, v) in _moves)
        {
            if (k > day && where is not null)
            {
                break;
            }

            where = v.Where;
        }

        return where ?? throw new InvalidOperationException("a period of care starts with a placement");
    }

    /// <summary>The placement the child is actually in: a temporary one over the normal one.</summary>
    public Placement EffectiveOn(DateOnly day)
    {
        foreach (var (from, to, where) in _temporary)
        {
            if (from <= day && day < to)
            {
                return where;
            }
        }

        return PlacementOn(day);
    }

    public string ReasonOn(DateOnly day) => _moves.TryGetValue(day, out var m) ? m.Reason : "";

    /// <summary>Every day something changes, in order.</summary>
    public IEnumerable<DateOnly> ChangeDays() =>
        new[] { start }.Concat(_legal.Keys).Concat(_moves.Keys).Concat(_temporary.SelectMany(t => new[] { t.From, t.To }))
            .Where(d => d >= start).Distinct().Order();

    /// <summary>The normal placements, each from the day it starts to the next move or the end of care.</summary>
    public List<(DateOnly From, DateOnly To, Placement Where)> Stints()
    {
        var end = End ?? eighteen;
        var days = _moves.Keys.Where(d => d < end).ToList();
        var list = new List<(DateOnly, DateOnly, Placement)>();
        for (var i = 0; i < days.Count; i++)
        {
            list.Add((days[i], i + 1 < days.Count ? days[i + 1] : end, _moves[days[i]].Where));
        }

        return list;
    }

    /// <summary>True when no legal status or placement changes from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public bool QuietBetween(DateOnly from, DateOnly to) =>
        !_legal.Keys.Any(k => k >= from && k <= to) && !_moves.Keys.Any(k => k >= from && k <= to)
        && !_temporary.Exists(t => t.From <= to.AddDays(3) && t.To >= from.AddDays(-3));
}
