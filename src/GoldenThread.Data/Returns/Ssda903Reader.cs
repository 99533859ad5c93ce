using GoldenThread.Core.Returns;

namespace GoldenThread.Data.Returns;

/// <summary>The SSDA903 tables, named as DfE's CSV upload names them.</summary>
public enum Ssda903Table
{
    Header,
    Episodes,
    Reviews,
    Uasc,
    Oc2,
    Oc3,
    Ad1,
    PlacedAdoption,
    PrevPerm,
    Missing,
}

/// <summary>
/// Reads SSDA903 CSV tables, one or several collection years, checks every field against the 903 code lists and merges
/// the years into one <see cref="LookedAfterData"/>. Add every file, then call <see cref="Build"/>, which throws one
/// <see cref="InputException"/> holding every problem found.
/// </summary>
/// <remarks>
/// Merging (docs/returns.md): years are applied oldest first and a later year's row replaces an earlier one with the same
/// key (Header: child; Episodes: child and DECOM; OC2, OC3: child and collection year; Missing: child and start;
/// Reviews: child and date; the rest: child and their date). After that, an episode still open (or ending after) when the
/// child's next episode starts is closed on that day, with reason X1 if it had none.
/// </remarks>
public sealed class Ssda903Reader
{
    private readonly ErrorLog _log = new();
    private readonly ChildRegistry _children = new();
    private readonly List<(int Year, LookedAfterChild Child, int File, int Line)> _headers = [];
    private readonly List<Episode> _episodes = [];
    private readonly List<(int Year, int Order)> _episodeOrigin = [];
    private readonly List<(int File, int Line)> _episodeSource = [];
    private readonly List<string> _fileNames = [];
    private readonly Dictionary<(Ssda903Table Table, int Year), (string File, int Rows, bool HeaderOk)> _tables = [];
    private readonly List<(long Key, HealthOutcome Row)> _health = [];
    private readonly List<(long Key, CareLeaverOutcome Row)> _leavers = [];
    private readonly List<(long Key, MissingEpisode Row)> _missing = [];
    private readonly List<(long Key, LookedAfterReview Row)> _reviews = [];
    private readonly List<(long Key, AdoptionDecision Row)> _decisions = [];
    private readonly List<(long Key, AdoptionRecord Row)> _adoptions = [];
    private readonly List<(long Key, AsylumStatus Row)> _asylum = [];
    private readonly List<(long Key, PreviousPermanence Row)> _prevPerm = [];
    private int _order;

    /// <summary>
    /// The columns a table must have in <paramref name="collectionYear"/>'s return. The layouts have not changed over the
    /// years known (the 2016 and 2017 schemas and DfE's validator for 2022/23 to 2026/27 agree), so the year is here for
    /// the next change: OC2 has HEALTH_ASSESSMENT, the health figure, besides HEALTH_CHECK, the under-5s' item.
    /// </summary>
    public static IReadOnlyList<string> RequiredColumns(Ssda903Table table, int collectionYear) => table switch
    {
        Ssda903Table.Header => ["CHILD", "SEX", "DOB", "ETHNIC"],
        Ssda903Table.Episodes => ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC"],
        Ssda903Table.Reviews => ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"],
        Ssda903Table.Uasc => ["CHILD", "SEX", "DOB", "DUC"],
        Ssda903Table.Oc2 => ["CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK",
            "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"],
        Ssda903Table.Oc3 => ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"],
        Ssda903Table.Ad1 => ["CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"],
        Ssda903Table.PlacedAdoption => ["CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
        Ssda903Table.PrevPerm => ["CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"],
        Ssda903Table.Missing => ["CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"],
        _ => throw new ArgumentOutOfRangeException(nameof(table)),
    };

    /// <summary>The table a file holds, from its name: the name (without extension) ends with the table's name, any case (<c>episodes.csv</c>, <c>SSDA903_2016_Episodes.csv</c>).</summary>
    public static Ssda903Table? TableFromFileName(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path).ToLowerInvariant();
        foreach (var t in Enum.GetValues<Ssda903Table>())
        {
            if (name.EndsWith(t.ToString().ToLowerInvariant(), StringComparison.Ordinal))
            {
                return t;
            }
        }

        return null;
    }

    /// <summary>
    /// Reads a folder of returns laid out as <c>root/&lt;year&gt;/&lt;table&gt;.csv</c>, the year being the calendar year of
    /// the collection's 31 March (2016 for 2015/16). Files whose names match no table are ignored.
    /// </summary>
    public static LookedAfterData ReadFolder(string root)
    {
        var reader = new Ssda903Reader();
        var years = CollectionYears.In(root);
        foreach (var (year, dir) in years)
        {
            foreach (var file in Directory.GetFiles(dir, "*.csv").Order(StringComparer.Ordinal))
            {
                var name = Path.GetRelativePath(root, file);
                if (TableFromFileName(file) is { } table && ReturnFiles.OpenText(file, name, reader._log) is { } text)
                {
                    using (text)
                    {
                        reader.Add(table, year, text, name);
                    }
                }
            }
        }

        foreach (var (year, dir) in years)
        {
            reader.RequireCoreTables(year, Path.GetRelativePath(root, dir));
        }

        return reader.Build();
    }

    /// <summary>Reads one table of the collection ending 31 March <paramref name="collectionYear"/>.</summary>
    public void Add(Ssda903Table table, int collectionYear, TextReader text, string fileName)
    {
        if (!ReturnCodes.IsKnownYear(collectionYear))
        {
            _log.Add(new InputError(fileName, null, null, CollectionYears.Unknown(collectionYear)));
            return;
        }

        var codes = ReturnCodes.In(collectionYear);
        _fileNames.Add(fileName);
        var t = new ReturnTable(text, fileName, _log, DateLayout.DayMonthYear, RequiredColumns(table, collectionYear));
        switch (table)
        {
            case Ssda903Table.Header: ReadHeader(t, collectionYear, codes); break;
            case Ssda903Table.Episodes: ReadEpisodes(t, collectionYear, codes); break;
            case Ssda903Table.Reviews: ReadReviews(t, codes); break;
            case Ssda903Table.Uasc: ReadUasc(t, codes); break;
            case Ssda903Table.Oc2: ReadOc2(t, collectionYear, codes); break;
            case Ssda903Table.Oc3: ReadOc3(t, collectionYear, codes); break;
            case Ssda903Table.Ad1: ReadAd1(t, codes); break;
            case Ssda903Table.PlacedAdoption: ReadPlacedAdoption(t, codes); break;
            case Ssda903Table.PrevPerm: ReadPrevPerm(t, codes); break;
            case Ssda903Table.Missing: ReadMissing(t, codes); break;
        }

        var key = (table, collectionYear);
        var (_, rows, headerOk) = _tables.GetValueOrDefault(key, (fileName, 0, true));
        _tables[key] = (fileName, rows + t.Rows, headerOk && t.HeaderOk);
    }

    /// <summary>Data rows read from <paramref name="table"/> of <paramref name="collectionYear"/>; null when no such table was added.</summary>
    public int? RowsRead(Ssda903Table table, int collectionYear) =>
        _tables.TryGetValue((table, collectionYear), out var t) ? t.Rows : null;

    /// <summary>
    /// Every collection year's return has its Header and Episodes tables, each listing at least one row: a year without
    /// them would leave a gap in every child's history, which figures would silently be built on.
    /// </summary>
    private void RequireCoreTables(int year, string folder)
    {
        foreach (var table in new[] { Ssda903Table.Header, Ssda903Table.Episodes })
        {
            if (!_tables.TryGetValue((table, year), out var t))
            {
                _log.Add(new InputError(folder, null, null,
                    $"has no {table} table: every collection year's folder needs its {table}.csv (here the {ReturnCodes.YearLabel(year)} return)"));
            }
            else if (t.HeaderOk && t.Rows == 0)
            {
                _log.Add(new InputError(t.File, null, null,
                    $"has no rows: the {ReturnCodes.YearLabel(year)} return's {table} table must list the year's {(table == Ssda903Table.Header ? "children" : "episodes")}"));
            }
        }
    }

    private int Child(ReturnTable t, int column)
    {
        var raw = t.Required(column, "CHILD");
        return raw.IsEmpty ? -1 : _children.Reference(raw, t.File, t.Line);
    }

    private static long Key(int child, int value) => ((long)child << 32) | (uint)value;

    private void ReadHeader(ReturnTable t, int year, ReturnCodeSet codes)
    {
        int child = t.Column("CHILD"), sex = t.Column("SEX"), dob = t.Column("DOB"), ethnic = t.Column("ETHNIC"), mother = t.Column("MOTHER"), mcDob = t.Column("MC_DOB");
        while (t.Next())
        {
            var c = Child(t, child);
            var s = t.Code(sex, "SEX", codes.Sex);
            var birth = t.Date(dob, "DOB");
            if (t.RowOk && birth > new DateOnly(year, 3, 31))
            {
                t.Fail("DOB", $"is after the {ReturnCodes.YearLabel(year)} collection year ends (31 March {year}): a child in the return must be born by then (DfE 903 rule 301)");
            }

            t.Code(ethnic, "ETHNIC", codes.Ethnicity);
            t.OptionalFlag(mother, "MOTHER", codes.YesNo);
            t.OptionalDate(mcDob, "MC_DOB");
            if (c >= 0)
            {
                // A header row with a bad field is already an error; do not add "no header" for the same child.
                _children.HasHeader(c);
            }

            if (t.RowOk)
            {
                // One slot per child: a later (or same) year's header replaces an earlier one.
                while (_headers.Count <= c)
                {
                    _headers.Add((int.MinValue, default, -1, 0));
                }

                if (year >= _headers[c].Year)
                {
                    _headers[c] = (year, new LookedAfterChild(_children.Id(c), SexNumber(s), birth), _fileNames.Count - 1, t.Line);
                }
            }
        }
    }

    /// <summary>1 male, 2 female, 0 unknown, whichever year's codes (1/2 or M/F/U) the return used.</summary>
    private static byte SexNumber(string code) => code switch
    {
        "1" or "M" => 1,
        "2" or "F" => 2,
        _ => 0,
    };

    private void ReadEpisodes(ReturnTable t, int year, ReturnCodeSet codes)
    {
        int child = t.Column("CHILD"), decom = t.Column("DECOM"), rne = t.Column("RNE"), ls = t.Column("LS"), cin = t.Column("CIN"),
            place = t.Column("PLACE"), provider = t.Column("PLACE_PROVIDER"), dec = t.Column("DEC"), rec = t.Column("REC"),
            change = t.Column("REASON_PLACE_CHANGE");
        while (t.Next())
        {
            var c = Child(t, child);
            var start = t.Date(decom, "DECOM");
            var r = t.Code(rne, "RNE", codes.ReasonNewEpisode);
            var l = t.Code(ls, "LS", codes.LegalStatus);
            t.Code(cin, "CIN", codes.CategoryOfNeed);
            var p = t.Code(place, "PLACE", codes.Placement);
            var pr = t.OptionalCode(provider, "PLACE_PROVIDER", codes.PlacementProvider);
            var end = t.OptionalDate(dec, "DEC");
            var reason = t.OptionalCode(rec, "REC", codes.ReasonEpisodeCeased);
            var why = t.OptionalCode(change, "REASON_PLACE_CHANGE", codes.ReasonPlaceChange);
            if (end is { } e && t.RowOk && e < start)
            {
                t.Fail("DEC", "is before DECOM: an episode cannot cease before it starts");
            }

            if (end is not null && reason is null && t.RowOk)
            {
                t.Fail("REC", "is blank but DEC is given: expected the reason the episode ceased");
            }

            if (t.RowOk)
            {
                _episodes.Add(new Episode(c, start, end, r, l, p, pr, reason, why));
                _episodeOrigin.Add((year, _order++));
                _episodeSource.Add((_fileNames.Count - 1, t.Line));
            }
        }
    }

    private void ReadReviews(ReturnTable t, ReturnCodeSet codes)
    {
        int child = t.Column("CHILD"), dob = t.Column("DOB"), date = t.Column("REVIEW"), code = t.Column("REVIEW_CODE");
        while (t.Next())
        {
            var c = Child(t, child);
            t.Date(dob, "DOB");
            var d = t.Date(date, "REVIEW");
            var pn = t.Code(code, "REVIEW_CODE", codes.ReviewParticipation);
            if (t.RowOk)
            {
                _reviews.Add((Key(c, d.DayNumber), new LookedAfterReview(c, d, pn)));
            }
        }
    }

    private void ReadUasc(ReturnTable t, ReturnCodeSet codes)
    {
        int child = t.Column("CHILD"), sex = t.Column("SEX"), dob = t.Column("DOB"), duc = t.Column("DUC");
        while (t.Next())
        {
            var c = Child(t, child);
            t.Code(sex, "SEX", codes.Sex);
            t.Date(dob, "DOB");
            var ceased = t.OptionalDate(duc, "DUC");
            if (t.RowOk)
            {
                _asylum.Add((Key(c, 0), new AsylumStatus(c, ceased)));
            }
        }
    }

    private void ReadOc2(ReturnTable t, int year, ReturnCodeSet codes)
    {
        int child = t.Column("CHILD"), dob = t.Column("DOB"), sdq = t.Column("SDQ_SCORE"), reason = t.Column("SDQ_REASON"),
            convicted = t.Column("CONVICTED"), health = t.Column("HEALTH_CHECK"), assessment = t.Column("HEALTH_ASSESSMENT"),
            imm = t.Column("IMMUNISATIONS"), teeth = t.Column("TEETH_CHECK"), misuse = t.Column("SUBSTANCE_MISUSE"),
            received = t.Column("INTERVENTION_RECEIVED"), offered = t.Column("INTERVENTION_OFFERED");
        var flags = codes.YesNo;
        while (t.Next())
        {
            var c = Child(t, child);
            t.Date(dob, "DOB");
            var score = t.OptionalInt(sdq, "SDQ_SCORE", 0, 40);
            t.OptionalCode(reason, "SDQ_REASON", codes.SdqReason);
            var row = new HealthOutcome(c, year, score, t.OptionalFlag(convicted, "CONVICTED", flags), t.OptionalFlag(health, "HEALTH_CHECK", flags),
                t.OptionalFlag(assessment, "HEALTH_ASSESSMENT", flags), t.OptionalFlag(imm, "IMMUNISATIONS", flags),
                t.OptionalFlag(teeth, "TEETH_CHECK", flags), t.OptionalFlag(misuse, "SUBSTANCE_MISUSE", flags));
            t.OptionalFlag(received, "INTERVENTION_RECEIVED", flags);
            t.OptionalFlag(offered, "INTERVENTION_OFFERED", flags);
            if (t.RowOk)
            {
                _health.Add((Key(c, year), row));
            }
        }
    }

    private void ReadOc3(ReturnTable t, int year, ReturnCodeSet codes)
    {
        int child = t.Column("CHILD"), dob = t.Column("DOB"), inTouch = t.Column("IN_TOUCH"), activ = t.Column("ACTIV"), accom = t.Column("ACCOM");
        while (t.Next())
        {
            var c = Child(t, child);
            t.Date(dob, "DOB");
            var row = new CareLeaverOutcome(c, year, t.Code(inTouch, "IN_TOUCH", codes.InTouch),
                t.Code(activ, "ACTIV", codes.Activity), t.Code(accom, "ACCOM", codes.Accommodation));
            if (t.RowOk)
            {
                _leavers.Add((Key(c, year), row));
            }
        }
    }

    private void ReadAd1(ReturnTable t, ReturnCodeSet codes)
    {
        int child = t.Column("CHILD"), dob = t.Column("DOB"), dateInt = t.Column("DATE_INT"), dateMatch = t.Column("DATE_MATCH"),
            foster = t.Column("FOSTER_CARE"), number = t.Column("NB_ADOPTR"), sex = t.Column("SEX_ADOPTR"), ls = t.Column("LS_ADOPTR");
        while (t.Next())
        {
            var c = Child(t, child);
            t.Date(dob, "DOB");
            var decided = t.Date(dateInt, "DATE_INT");
            var matched = t.Date(dateMatch, "DATE_MATCH");
            var byFoster = t.Code(foster, "FOSTER_CARE", codes.YesNo) == "1";
            var adopters = t.OptionalInt(number, "NB_ADOPTR", 1, 2);
            if (adopters is null && t.Raw(number).IsEmpty)
            {
                t.Fail("NB_ADOPTR", "is blank: expected 1 or 2");
            }

            t.Code(sex, "SEX_ADOPTR", codes.AdopterSex);
            t.Code(ls, "LS_ADOPTR", codes.AdopterLegalStatus);
            if (t.RowOk)
            {
                _adoptions.Add((Key(c, decided.DayNumber), new AdoptionRecord(c, decided, matched, byFoster, adopters ?? 0)));
            }
        }
    }

    private void ReadPlacedAdoption(ReturnTable t, ReturnCodeSet codes)
    {
        int child = t.Column("CHILD"), dob = t.Column("DOB"), placed = t.Column("DATE_PLACED"), ceased = t.Column("DATE_PLACED_CEASED"), reason = t.Column("REASON_PLACED_CEASED");
        while (t.Next())
        {
            var c = Child(t, child);
            t.Date(dob, "DOB");
            var decided = t.Date(placed, "DATE_PLACED");
            var end = t.OptionalDate(ceased, "DATE_PLACED_CEASED");
            var why = t.OptionalCode(reason, "REASON_PLACED_CEASED", codes.AdoptionDecisionCeased);
            if (t.RowOk)
            {
                _decisions.Add((Key(c, decided.DayNumber), new AdoptionDecision(c, decided, end, why)));
            }
        }
    }

    private void ReadPrevPerm(ReturnTable t, ReturnCodeSet codes)
    {
        int child = t.Column("CHILD"), dob = t.Column("DOB"), perm = t.Column("PREV_PERM"), date = t.Column("DATE_PERM");
        while (t.Next())
        {
            var c = Child(t, child);
            t.Date(dob, "DOB");
            var order = t.Code(perm, "PREV_PERM", codes.PreviousPermanenceOrder);
            var when = t.OptionalDate(date, "DATE_PERM");
            if (t.RowOk)
            {
                _prevPerm.Add((Key(c, 0), new PreviousPermanence(c, order, when)));
            }
        }
    }

    private void ReadMissing(ReturnTable t, ReturnCodeSet codes)
    {
        int child = t.Column("CHILD"), dob = t.Column("DOB"), type = t.Column("MISSING"), start = t.Column("MIS_START"), end = t.Column("MIS_END");
        while (t.Next())
        {
            var c = Child(t, child);
            t.Date(dob, "DOB");
            var kind = t.Code(type, "MISSING", codes.MissingType);
            var s = t.Date(start, "MIS_START");
            var e = t.OptionalDate(end, "MIS_END");
            if (e is { } ended && t.RowOk && ended < s)
            {
                t.Fail("MIS_END", "is before MIS_START");
            }

            if (t.RowOk)
            {
                _missing.Add((Key(c, s.DayNumber), new MissingEpisode(c, kind == "M", s, e)));
            }
        }
    }

    /// <summary>Merges everything added; throws <see cref="InputException"/> listing every problem.</summary>
    public LookedAfterData Build()
    {
        _children.CheckHeaders(_log);
        CheckBornBeforeCare();
        _log.ThrowIfAny();

        var children = new LookedAfterChild[_children.Count];
        for (var i = 0; i < _headers.Count; i++)
        {
            children[i] = _headers[i].Child;
        }

        ReturnCoverage YearsWith(params Ssda903Table[] tables) =>
            ReturnCoverage.Of(_tables.Keys.Where(k => k.Table == tables[0]).Select(k => k.Year)
                .Where(y => tables.All(t => _tables.ContainsKey((t, y)))));

        return new LookedAfterData
        {
            Coverage = YearsWith(Ssda903Table.Episodes, Ssda903Table.Header),
            HealthCoverage = YearsWith(Ssda903Table.Oc2),
            CareLeaverCoverage = YearsWith(Ssda903Table.Oc3),
            Children = children,
            Episodes = MergeEpisodes(),
            Health = LastByKey(_health),
            CareLeavers = LastByKey(_leavers),
            Missing = LastByKey(_missing),
            Reviews = LastByKey(_reviews),
            AdoptionDecisions = LastByKey(_decisions),
            Adoptions = LastByKey(_adoptions),
            Asylum = LastByKey(_asylum),
            PreviousPermanence = LastByKey(_prevPerm),
        };
    }

    /// <summary>
    /// DfE 903 rule 302: no episode starts before the child was born. Reported at the Header row whose date of birth is
    /// kept (the latest year's), naming the earliest episode that starts before it; dates are not echoed.
    /// </summary>
    private void CheckBornBeforeCare()
    {
        var earliest = new Dictionary<int, int>();
        for (var i = 0; i < _episodes.Count; i++)
        {
            var c = _episodes[i].Child;
            if (c < _headers.Count && _headers[c].File >= 0 && _episodes[i].Start < _headers[c].Child.Birth
                && (!earliest.TryGetValue(c, out var e) || _episodes[i].Start < _episodes[e].Start))
            {
                earliest[c] = i;
            }
        }

        foreach (var (c, i) in earliest.OrderBy(x => x.Key))
        {
            var header = _headers[c];
            var (file, line) = _episodeSource[i];
            _log.Add(new InputError(_fileNames[header.File], header.Line, "DOB",
                $"is after the child's first episode starts ({_fileNames[file]}:{line}): a child cannot be looked after before being born (DfE 903 rule 302)"));
        }
    }

    /// <summary>Rows in key order, the last added of equal keys kept (files are added oldest year first).</summary>
    private static T[] LastByKey<T>(List<(long Key, T Row)> rows)
    {
        var keys = new long[rows.Count];
        var order = new int[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            keys[i] = rows[i].Key;
            order[i] = i;
        }

        Array.Sort(order, (a, b) => keys[a] != keys[b] ? keys[a].CompareTo(keys[b]) : a.CompareTo(b));
        var result = new List<T>(rows.Count);
        for (var i = 0; i < order.Length; i++)
        {
            if (i + 1 < order.Length && keys[order[i + 1]] == keys[order[i]])
            {
                continue;
            }

            result.Add(rows[order[i]].Row);
        }

        return [.. result];
    }

    private Episode[] MergeEpisodes()
    {
        var n = _episodes.Count;
        var items = _episodes.ToArray();
        _episodes.Clear();
        _episodes.TrimExcess();
        var keys = new long[n];
        var packed = _children.Count < (1 << 20) && n < (1 << 23);
        for (var i = 0; i < n; i++)
        {
            // child (20 bits) | day number (20 bits: years to 2871) | year-ordered arrival (23 bits): one primitive sort.
            var (year, order) = _episodeOrigin[i];
            keys[i] = packed
                ? ((long)items[i].Child << 43) | ((long)items[i].Start.DayNumber << 23) | (uint)RankOf(year, order, i)
                : i;
        }

        if (packed)
        {
            Array.Sort(keys, items);
        }
        else
        {
            var origin = _episodeOrigin;
            var idx = Enumerable.Range(0, n).ToArray();
            Array.Sort(idx, (a, b) =>
            {
                var c = items[a].Child.CompareTo(items[b].Child);
                if (c == 0) c = items[a].Start.CompareTo(items[b].Start);
                if (c == 0) c = origin[a].Year.CompareTo(origin[b].Year);
                return c != 0 ? c : origin[a].Order.CompareTo(origin[b].Order);
            });
            var copy = items;
            items = idx.Select(i => copy[i]).ToArray();
        }

        // Compact in place: drop superseded duplicates, close episodes overlapped by the next.
        var kept = 0;
        for (var i = 0; i < n; i++)
        {
            var e = items[i];
            if (i + 1 < n && items[i + 1].Child == e.Child && items[i + 1].Start == e.Start)
            {
                continue;
            }

            if (kept > 0 && items[kept - 1].Child == e.Child && (items[kept - 1].End is null || items[kept - 1].End > e.Start))
            {
                var prev = items[kept - 1];
                items[kept - 1] = prev with { End = e.Start, ReasonCeased = prev.End is null ? "X1" : prev.ReasonCeased };
            }

            items[kept++] = e;
        }

        Array.Resize(ref items, kept);
        return items;
    }

    private int[]? _rank;

    private bool? _ascending;

    private bool IsAscending()
    {
        if (_ascending is null)
        {
            _ascending = true;
            for (var k = 1; k < _episodeOrigin.Count; k++)
            {
                if (_episodeOrigin[k].Year < _episodeOrigin[k - 1].Year)
                {
                    _ascending = false;
                    break;
                }
            }
        }

        return _ascending.Value;
    }

    /// <summary>Arrival order with years ascending: files may be added in any order of years.</summary>
    private int RankOf(int year, int order, int i)
    {
        if (_rank is null && IsAscending())
        {
            return i;
        }

        if (_rank is null)
        {
            var idx = Enumerable.Range(0, _episodeOrigin.Count).ToArray();
            var origin = _episodeOrigin;
            Array.Sort(idx, (a, b) => origin[a].Year != origin[b].Year ? origin[a].Year.CompareTo(origin[b].Year) : origin[a].Order.CompareTo(origin[b].Order));
            _rank = new int[idx.Length];
            for (var r = 0; r < idx.Length; r++)
            {
                _rank[idx[r]] = r;
            }
        }

        return _rank[i];
    }
}

/// <summary>Gives each child identifier an index, remembering where each was first seen and whether a header named it.</summary>
internal sealed class ChildRegistry
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<string> _ids = [];
    private readonly List<(string File, int Line)> _firstSeen = [];
    private readonly List<bool> _hasHeader = [];

    public ChildRegistry() => _lookup = _index.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count => _ids.Count;

    public int Reference(ReadOnlySpan<char> id, string file, int line)
    {
        if (_lookup.TryGetValue(id, out var i))
        {
            return i;
        }

        var s = id.ToString();
        i = _ids.Count;
        _index.Add(s, i);
        _ids.Add(s);
        _firstSeen.Add((file, line));
        _hasHeader.Add(false);
        return i;
    }

    public string Id(int child) => _ids[child];

    public int Index(string id) => _index[id];

    public void HasHeader(int child) => _hasHeader[child] = true;

    public void CheckHeaders(ErrorLog log)
    {
        for (var i = 0; i < _ids.Count; i++)
        {
            if (!_hasHeader[i])
            {
                log.Add(new InputError(_firstSeen[i].File, _firstSeen[i].Line, "CHILD", "this child is in no Header table: every child must have a Header row"));
            }
        }
    }
}
