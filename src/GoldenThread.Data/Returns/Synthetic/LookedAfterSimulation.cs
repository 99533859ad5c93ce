using System.Globalization;

namespace GoldenThread.Data.Returns.Synthetic;

/// <summary>
/// Lives the care histories of made-up children, day by day, so that every table of every year's SSDA903 return can be
/// written from one consistent story (docs/returns.md, "Synthetic returns"). Pure given its <see cref="Random"/>.
/// </summary>
/// <remarks>
/// Children enter care uniformly over the 22 years before the last collection year ends, so that the children looked
/// after during the years written include long stayers in the right proportion, and young people who left care before
/// those years still appear as care leavers. Each entrant follows a route chosen by age at entry (return home,
/// adoption, special guardianship, long-term care to 18, custody or transfer; unaccompanied asylum-seeking children and
/// short breaks have their own), with the legal statuses, placements, moves, temporary placements, reviews, missing
/// spells and health items such a route has in DfE's 903 guide and validation rules.
/// </remarks>
internal sealed class LookedAfterSimulation
{
    /// <summary>Supported accommodation (H5) registered with Ofsted from this day, so it has a URN from then
    /// (Supported Accommodation (England) Regulations 2023; DfE rules 222 and 230).</summary>
    public static readonly DateOnly SupportedAccommodationRegistered = new(2023, 10, 28);

    private enum Route
    {
        Home,
        Adopt,
        Guardianship,
        LongTerm,
        Other,
        Remand,
        Police,
    }

    private static readonly (string Code, int Weight)[] Ethnicities =
    [
        ("WBRI", 620), ("WIRI", 10), ("WOTH", 60), ("WIRT", 5), ("WROM", 10), ("MWBC", 40), ("MWBA", 15), ("MWAS", 15),
        ("MOTH", 30), ("AIND", 15), ("APKN", 20), ("ABAN", 10), ("AOTH", 15), ("BCRB", 15), ("BAFR", 40), ("BOTH", 10),
        ("CHNE", 3), ("OOTH", 30), ("REFU", 5), ("NOBT", 12),
    ];

    private static readonly (string Code, int Weight)[] AsylumEthnicities = [("AOTH", 35), ("BAFR", 30), ("OOTH", 25), ("WOTH", 10)];

    private readonly Random _r;
    private readonly Providers _providers;
    private readonly DateOnly _windowStart;
    private readonly DateOnly _windowEnd;
    private readonly DateOnly _leadStart;
    private readonly UpnRegistry _upns;
    private int _carers;

    public LookedAfterSimulation(Random r, int firstYear, int lastYear, UpnRegistry upns)
    {
        _r = r;
        _upns = upns;
        _providers = new Providers(r);
        _windowStart = new DateOnly(firstYear - 1, 4, 1);
        _windowEnd = new DateOnly(lastYear, 3, 31);
        _leadStart = _windowStart.AddYears(-22);
    }

    /// <summary>
    /// <paramref name="children"/> children looked after at some time in the years written, and the care leavers who
    /// left before those years and are 17 to 21 during them.
    /// </summary>
    public List<SimChild> Population(int children)
    {
        var list = new List<SimChild>(children + (children / 4));
        var looked = 0;
        while (looked < children)
        {
            var c = Candidate();
            var inWindow = c.Episodes.Exists(e => e.Start <= _windowEnd && (e.End is null || e.End.Value >= _windowStart));
            if (!inWindow && !c.Leaver.Exists(l => l.Birthday >= _windowStart && l.Birthday <= _windowEnd))
            {
                continue;
            }

            looked += inWindow ? 1 : 0;
            c.Id = "C" + (list.Count + 1).ToString("D7", CultureInfo.InvariantCulture);
            AssignUpn(c);
            list.Add(c);
        }

        return list;
    }

    private SimChild Candidate()
    {
        var entry = _r.Between(_leadStart, _windowEnd);
        var kind = _r.Pick((ChildKind.Regular, 820), (ChildKind.Uasc, 150), (ChildKind.ShortBreaks, 30));
        var c = new SimChild { Id = "", Ethnic = "", UpnCode = "", Kind = kind };
        switch (kind)
        {
            case ChildKind.Uasc:
                c.Birth = NoLeapDay(entry.AddDays(-(int)(365.25 * (14.5 + (_r.NextDouble() * 3.4)))));
                c.Male = _r.Next(100) < 95;
                c.Ethnic = _r.Pick(AsylumEthnicities);
                Asylum(c, entry);
                break;
            case ChildKind.ShortBreaks:
                c.Birth = NoLeapDay(entry.AddDays(-(int)(365.25 * (5 + (_r.NextDouble() * 10)))));
                c.Male = _r.Next(100) < 65;
                c.Ethnic = _r.Pick(Ethnicities);
                c.Disabled = true;
                ShortBreaks(c, entry);
                break;
            default:
                var age = _r.Pick((0, 180), (1, 40), (2, 35), (3, 35), (4, 30), (5, 28), (6, 28), (7, 28), (8, 28), (9, 28),
                    (10, 45), (11, 50), (12, 55), (13, 65), (14, 70), (15, 70), (16, 60), (17, 40));
                c.Birth = age == 0
                    ? NoLeapDay(entry.AddDays(-(_r.Next(100) < 45 ? _r.Next(8) : _r.Next(365))))
                    : NoLeapDay(entry.AddYears(-age).AddDays(-_r.Next(365)));
                c.Male = _r.Next(100) < 54;
                c.Ethnic = _r.Pick(Ethnicities);
                c.Disabled = _r.Next(100) < 6;
                Regular(c, entry);
                break;
        }

        c.SdqBase = Math.Clamp((int)Math.Round(14 + (Gaussian() * 6.5)), 0, 40);
        AddMissing(c);
        AddReviews(c);
        AddMotherhood(c);
        AddLeaverRows(c);
        return c;
    }

    // ---- routes ---------------------------------------------------------------------------------------------------

    private void Regular(SimChild c, DateOnly entry)
    {
        var start = entry;
        for (var n = 0; n < 3; n++)
        {
            var age = Age(c, start);
            if (start > _windowEnd || start >= c.Eighteen.AddDays(-30))
            {
                return;
            }

            var period = Period(c, start, ChooseRoute(c, age, n > 0), first: n == 0);
            if (period.End is not { } end || period.Exit is not ("E4A" or "E4B" or "E13" or "E41" or "E8") || _r.Next(100) >= 12)
            {
                return;
            }

            start = end.AddDays(45 + _r.Next(700));
        }
    }

    private Route ChooseRoute(SimChild c, int age, bool returning)
    {
        // Remand (J1) and PACE detention (J2) only from 12: DfE rule 358 wants a child older than 10 in a J status.
        if (age >= 12 && _r.Next(100) < 5)
        {
            return _r.Next(100) < 70 ? Route.Remand : Route.Police;
        }

        var route = age switch
        {
            0 when !returning => _r.Pick((Route.Adopt, 40), (Route.Guardianship, 17), (Route.Home, 26), (Route.LongTerm, 17)),
            < 5 => _r.Pick((Route.Adopt, returning ? 5 : 20), (Route.Guardianship, 24), (Route.Home, 34), (Route.LongTerm, 22)),
            < 10 => _r.Pick((Route.Adopt, 2), (Route.Guardianship, 15), (Route.Home, 40), (Route.LongTerm, 43)),
            < 16 => _r.Pick((Route.Guardianship, 4), (Route.Home, 44), (Route.LongTerm, 40), (Route.Other, 12)),
            _ => _r.Pick((Route.Home, 30), (Route.LongTerm, 58), (Route.Other, 12)),
        };
        return c.Disabled && route == Route.Adopt ? Route.LongTerm : route;
    }

    /// <summary>The special guardianship code by who the guardians are (rule 516: E45, E46 only from foster care).</summary>
    private string Guardianship(Placement before) => before.Place switch
    {
        "U1" or "U2" or "U3" => "E45",
        "U4" or "U5" or "U6" => "E46",
        _ => _r.Next(100) < 60 ? "E47" : "E48",
    };

    /// <summary>Builds one period of care from <paramref name="start"/> along <paramref name="route"/>.</summary>
    private SimPeriod Period(SimChild c, DateOnly start, Route route, bool first)
    {
        var age = Age(c, start);
        var p = new SimPeriod
        {
            Start = start,
            Home = HomePostcode(),
            CategoryOfNeed = c.Disabled && _r.Next(100) < 40 ? "N2"
                : _r.Pick(("N1", 620), ("N2", 25), ("N3", 30), ("N4", 85), ("N5", 150), ("N6", age >= 10 ? 40 : 5), ("N7", 5), ("N8", 45)),
        };
        if (first)
        {
            // A later period's previous permanence would be the order that ended the earlier one, dated inside that
            // period, which DfE's rule 632 (as the validator reads the year's first episode) refuses: Z1 then.
            PreviousPermanence(c, p, start);
        }

        var t = new Timeline(start, c.Eighteen);
        var eighteen = c.Eighteen;

        switch (route)
        {
            case Route.Police:
                // Detained under PACE (J2), placed overnight, then home: at most 21 days as J2 (rule 364).
                t.Legal(start, "J2");
                t.Move(start, Place(c, p, _r.Next(100) < 60 ? "U6" : "K2", start), "");
                t.Finish(start.AddDays(1 + _r.Next(3)), _r.Pick(("E13", 40), ("E4B", 30), ("E8", 30)));
                break;
            case Route.Remand:
                t.Legal(start, "J1");
                t.Move(start, Place(c, p, _r.Pick(("K2", 45), ("U6", 30), ("R5", 25)), start), "");
                t.Finish(start.AddDays(14 + _r.Next(150)), _r.Next(100) < 65 ? "E14" : "E9");
                break;
            case Route.Home:
                Entry(c, p, t, start, age, careOrder: _r.Next(100) < 40);
                var home = start.AddDays(_r.Pick((7 + _r.Next(80), 25), (90 + _r.Next(300), 45), (390 + _r.Next(800), 30)));
                ShortTermMoves(c, p, t, start, home);
                var withParents = home.AddDays(-(90 + _r.Next(360)));
                if (t.LegalOn(withParents) is "C1" or "C2" && withParents > start.AddDays(60) && _r.Next(100) < 70)
                {
                    // Placed with parents under the care order before it is discharged (P1 may not be section 20: rule 378).
                    t.DropMovesFrom(withParents);
                    t.Move(withParents, Place(c, p, "P1", home), "CARPL");
                }

                t.Finish(home, t.LegalOn(home.AddDays(-1)) is "C1" or "C2"
                    ? _r.Pick(("E4A", 60), ("E41", 30), ("E13", 10))
                    : _r.Pick(("E4A", 45), ("E13", 25), ("E4B", 15), ("E41", 5), ("E8", 10)));
                break;
            case Route.Adopt:
                Adoption(c, p, t, start);
                break;
            case Route.Guardianship:
                Entry(c, p, t, start, age, careOrder: true, kinship: _r.Next(100) < 65);
                var order = start.AddDays(280 + _r.Next(520));
                LongTermPlacement(c, p, t, start.AddDays(100 + _r.Next(150)), order, age);
                t.Finish(order, Guardianship(t.PlacementOn(order.AddDays(-1))));
                break;
            case Route.LongTerm:
                Entry(c, p, t, start, age, careOrder: age < 13 || _r.Next(100) < 40, kinship: _r.Next(100) < 15);
                LongTerm(c, p, t, start, age, eighteen);
                break;
            default:
                Entry(c, p, t, start, age, careOrder: _r.Next(100) < 30);
                var leaves = start.AddDays(30 + _r.Next(400));
                ShortTermMoves(c, p, t, start, leaves);
                var older = Age(c, leaves);
                t.Finish(leaves, older >= 16
                    ? _r.Pick(("E5", 35), ("E6", 10), ("E3", 15), ("E8", 25), ("E16", 5), ("E9", 10))
                    : _r.Pick(("E3", 35), ("E8", 40), ("E16", 10), ("E9", older >= 12 ? 15 : 0)));
                break;
        }

        Complete(c, p, t);
        return p;
    }

    private void Complete(SimChild c, SimPeriod p, Timeline t)
    {
        // A supported-accommodation placement open on 28 October 2023 becomes a registered one that day: the same
        // carers, a new episode with the provider's URN (RNE T, reason PLACE: a change in the status of the placement).
        foreach (var (from, to, where) in t.Stints())
        {
            if (where.UrnOnceRegistered is { } urn && from < SupportedAccommodationRegistered && to > SupportedAccommodationRegistered)
            {
                t.Move(SupportedAccommodationRegistered, where with { Urn = urn, UrnOnceRegistered = null }, "PLACE");
            }
        }

        Temporary(t, p.Home);
        Emit(c, p, t);
    }

    /// <summary>The first legal status and placement, and an early change from police protection or an EPO.</summary>
    private void Entry(SimChild c, SimPeriod p, Timeline t, DateOnly start, int age, bool careOrder, bool kinship = false)
    {
        var first = _r.Pick(("", 85), ("L1", 8), ("L2", 7));
        var settled = careOrder ? "C1" : "V2";
        var day = start;
        if (first.Length > 0)
        {
            // Police protection lasts at most 72 hours (rule 361), an emergency protection order at most 21 days (362).
            t.Legal(start, first);
            day = start.AddDays(first == "L1" ? 1 + _r.Next(3) : 4 + _r.Next(15));
        }

        t.Legal(day, settled);
        var where = kinship ? "U3" : age switch
        {
            0 when _r.Next(100) < 6 => "R3",
            < 10 => _r.Next(100) < 12 ? "U3" : "U6",
            < 16 => _r.Pick(("U6", 55), ("U3", 10), ("K2", 30), ("K1", 1), ("Z1", 2), ("S1", 2)),
            _ => _r.Pick(("U6", 32), ("U3", 6), ("H5", 38), ("K2", 22), ("Z1", 2)),
        };
        t.Move(start, Place(c, p, where, start), "");
        if (careOrder && t.End is null)
        {
            // A final care order after the interim one: care proceedings take about 30 to 45 weeks.
            t.Legal(day.AddDays(200 + _r.Next(130)), "C2");
        }
    }

    /// <summary>Moves between short-term placements before <paramref name="until"/>, about one a year.</summary>
    private void ShortTermMoves(SimChild c, SimPeriod p, Timeline t, DateOnly from, DateOnly until)
    {
        var day = from;
        while (true)
        {
            day = day.AddDays(20 + (int)(Exponential(1.6) * 365));
            if (day >= until.AddDays(-14))
            {
                return;
            }

            var age = Age(c, day);
            var current = t.PlacementOn(day).Place;
            var next = current switch
            {
                "K2" or "K1" or "H5" => age >= 16 && _r.Next(100) < 50 ? "H5" : _r.Next(100) < 60 ? "K2" : "U6",
                "R3" or "Z1" or "S1" => "U6",
                _ => age >= 12 && _r.Next(100) < 15 ? "K2" : _r.Next(100) < 15 ? "U3" : "U6",
            };
            t.Move(day, Fresh(c, p, t, next, day), MoveReason(age));
        }
    }

    /// <summary>Long-term care to 18 (or earlier independence, a later special guardianship order or a return home).</summary>
    private void LongTerm(SimChild c, SimPeriod p, Timeline t, DateOnly start, int age, DateOnly eighteen)
    {
        var ends = eighteen;
        var exit = "";
        var roll = _r.Next(100);
        if (roll < 30 && age < 14)
        {
            ends = start.AddDays(700 + _r.Next(1500));
            exit = _r.Pick(("SGO", 35), ("E4A", 55), ("E41", 10));
        }
        else if (roll < 40)
        {
            ends = c.Birth.AddYears(16).AddDays(_r.Next(700));
            exit = _r.Pick(("E5", 55), ("E6", 15), ("E4A", 15), ("E8", 15));
        }

        if (ends <= start.AddDays(200))
        {
            ends = start.AddDays(200 + _r.Next(200));
        }

        if (ends > eighteen)
        {
            ends = eighteen;
            exit = "";
        }

        var settle = start.AddDays(60 + _r.Next(300));
        if (t.LegalChangeTo("C2", start) is { } careOrder && careOrder < ends.AddDays(-60) && _r.Next(100) < 30)
        {
            // The care plan is carried out the day the court makes the final care order: a change of legal status and
            // placement together (RNE B with new carers, U with the same ones).
            settle = careOrder;
        }

        if (settle >= ends.AddDays(-30))
        {
            settle = start.AddDays(Math.Max(1, (ends.DayNumber - start.DayNumber) / 2));
        }

        ShortTermMoves(c, p, t, start, settle);
        LongTermPlacement(c, p, t, settle, ends, age);
        var home = ends.AddDays(-(365 + _r.Next(900)));
        if (exit == "E4A" && _r.Next(100) < 85 && home > settle.AddDays(60) && t.LegalOn(home) is "C1" or "C2")
        {
            // Home on placement with parents under the care order for months or years before it is discharged.
            t.DropMovesFrom(home);
            t.Move(home, Place(c, p, "P1", home), "CARPL");
        }

        if (exit == "SGO")
        {
            exit = Guardianship(t.PlacementOn(ends.AddDays(-1)));
        }

        if (ends == eighteen)
        {
            var last = t.PlacementOn(ends.AddDays(-1));
            exit = last.IsFoster
                ? _r.Pick(("E17", 40), ("E5", 30), ("E6", 5), ("E4A", 8), ("E13", 5), ("E8", 9), ("E7", c.Disabled ? 15 : 0))
                : _r.Pick(("E5", 50), ("E6", 12), ("E4A", 10), ("E13", 5), ("E8", 18), ("E7", c.Disabled ? 15 : 0));
        }

        t.Finish(ends, exit);
    }

    /// <summary>From <paramref name="from"/>, a long-term placement (often the same carers, RNE T), then moves by hazard.</summary>
    private void LongTermPlacement(SimChild c, SimPeriod p, Timeline t, DateOnly from, DateOnly until, int ageAtEntry)
    {
        var current = t.PlacementOn(from);
        var age = Age(c, from);
        Placement settled;
        if (current.Place is "U6" or "U3" && _r.Next(100) < 55)
        {
            // The short-term carers keep the child long term: a change of placement with the same carers (RNE T).
            settled = current with { Place = current.Place == "U3" ? "U1" : "U4" };
        }
        else if (current.Place is "H5" or "K2" && age >= 15 && _r.Next(100) < 60)
        {
            settled = current;
        }
        else
        {
            settled = Fresh(c, p, t, age >= 12 && _r.Next(100) < 55 ? "K2" : current.Place is "U3" or "U2" or "U1" || _r.Next(100) < 15 ? "U1" : "U4", from);
        }

        if (settled != current)
        {
            t.Move(from, settled, "CARPL");
        }

        var day = from;
        var movedToSupported = false;
        while (true)
        {
            var a = Age(c, day);
            var rate = settled.Place switch
            {
                "K2" or "K1" => 0.5,
                "H5" => 0.4,
                _ => a < 10 ? 0.09 : 0.2,
            };
            var next = day.AddDays(20 + (int)(Exponential(rate) * 365));
            var sixteen = c.Birth.AddYears(16).AddDays(30 + _r.Next(400));
            if (!movedToSupported && sixteen < next && sixteen > day && sixteen < until.AddDays(-60) && _r.Next(100) < (settled.IsFoster ? 30 : 65))
            {
                next = sixteen;
                movedToSupported = true;
                if (next >= until.AddDays(-20))
                {
                    return;
                }

                settled = Fresh(c, p, t, "H5", next);
                t.Move(next, settled, "CARPL");
                day = next;
                continue;
            }

            if (next >= until.AddDays(-20))
            {
                return;
            }

            var older = Age(c, next);
            var kind = settled.Place switch
            {
                "K2" or "K1" => older >= 16 && _r.Next(100) < 40 ? "H5" : _r.Next(100) < 70 ? "K2" : "U4",
                "H5" => _r.Next(100) < 70 ? "H5" : "K2",
                "U1" => _r.Next(100) < 50 ? "U1" : "U4",
                _ => older >= 12 && _r.Next(100) < 30 ? "K2" : "U4",
            };
            settled = Fresh(c, p, t, kind, next);
            t.Move(next, settled, MoveReason(older));
            day = next;
        }
    }

    /// <summary>The adoption route: a decision that the child should be placed, a placement order (E1), placement with
    /// adopters (A6, or A5 with the foster carers), and the adoption order; or the decision reversed.</summary>
    private void Adoption(SimChild c, SimPeriod p, Timeline t, DateOnly start)
    {
        var ffa = _r.Next(100) < 22;
        Entry(c, p, t, start, Age(c, start), careOrder: true);
        if (ffa)
        {
            // Fostering for adoption: placed with approved adopters as foster carers from the start (U5).
            t.Move(start, Place(c, p, "U5", start), "");
        }

        var story = new AdoptionStory { Decided = start.AddDays(100 + _r.Next(150)) };
        c.Adoption = story;
        var order = story.Decided.AddDays(80 + _r.Next(200));
        t.DropLegalFrom(order);
        t.Legal(order, "E1");
        if (!ffa)
        {
            ShortTermMoves(c, p, t, start, order);
        }

        if (_r.Next(100) < 12)
        {
            // The decision is reversed before a placement: the placement order is revoked and the child stays in care
            // (rule 557: a child who leaves care unadopted has the reversal recorded).
            var reversed = order.AddDays(60 + _r.Next(250));
            story.Reversed = reversed;
            story.ReversedWhy = _r.Pick(("RD1", 35), ("RD2", 15), ("RD3", 30), ("RD4", 20));
            t.Legal(reversed, "C2");
            var age = Age(c, reversed);
            if (_r.Next(100) < 55)
            {
                var sgo = reversed.AddDays(120 + _r.Next(400));
                LongTermPlacement(c, p, t, reversed.AddDays(15 + _r.Next(60)), sgo, age);
                t.Finish(sgo, Guardianship(t.PlacementOn(sgo.AddDays(-1))));
            }
            else
            {
                LongTerm(c, p, t, reversed.AddDays(1), age, c.Eighteen);
            }

            return;
        }

        var placed = order.AddDays(30 + _r.Next(150));
        var foster = t.PlacementOn(placed.AddDays(-1));
        story.ByFosterCarers = ffa || (foster.IsFoster && _r.Next(100) < 12);
        story.Matched = placed.AddDays(-(7 + _r.Next(60)));
        if (story.Matched < story.Decided)
        {
            story.Matched = story.Decided;
        }

        story.Placed = placed;
        Placement adopters;
        if (story.ByFosterCarers)
        {
            // Placed for adoption with the current foster carers (A5): the same carers, RNE T (rule 217).
            var (urn, code) = AdoptionAgency();
            adopters = foster with { Place = "A5", Provider = code, Urn = urn };
        }
        else
        {
            adopters = Fresh(c, p, t, "A6", placed);
        }

        t.Move(placed, adopters, "CARPL");
        var adopted = placed.AddDays(120 + _r.Next(240));
        (story.Adopters, story.AdopterSex, story.AdopterLegalStatus) = _r.Pick(
            ((2, "MF", "L11"), 55), ((2, "MF", "L3"), 10), ((2, "MF", "L2"), 2), ((2, "FF", "L12"), 5), ((2, "MM", "L12"), 4),
            ((2, "FF", "L2"), 3), ((2, "MM", "L4"), 2), ((1, "F1", "L0"), 16), ((1, "M1", "L0"), 3));
        t.Finish(adopted, _r.Next(100) < 61 ? "E11" : "E12");
        story.Adopted = t.End;
    }

    private void Asylum(SimChild c, DateOnly entry)
    {
        var p = new SimPeriod { Start = entry, Home = null, CategoryOfNeed = "N8" };
        var t = new Timeline(entry, c.Eighteen);
        t.Legal(entry, "V2");
        var age = Age(c, entry);
        t.Move(entry, Place(c, p, age >= 16 ? _r.Pick(("H5", 45), ("U6", 40), ("K2", 15)) : _r.Pick(("U6", 75), ("K2", 25)), entry), "");
        var roll = _r.Next(100);
        if (roll < 10)
        {
            // Transferred to another authority under the National Transfer Scheme.
            t.Finish(entry.AddDays(20 + _r.Next(60)), "E3");
        }
        else if (roll < 13)
        {
            // An age assessment finds the young person is an adult (no further episodes: rule 437).
            t.Finish(entry.AddDays(30 + _r.Next(150)), "E15");
        }
        else
        {
            LongTermPlacement(c, p, t, entry.AddDays(60 + _r.Next(200)), c.Eighteen, age);
            var last = t.PlacementOn(c.Eighteen.AddDays(-1));
            t.Finish(c.Eighteen, last.IsFoster ? _r.Pick(("E17", 30), ("E5", 50), ("E8", 20)) : _r.Pick(("E5", 60), ("E6", 15), ("E8", 25)));
        }

        Complete(c, p, t);
    }

    /// <summary>An agreed series of short breaks (V3): each break a new period (RNE S) of 1 to 7 nights, about monthly,
    /// at most 75 days a year (rules 365 to 367), in a short-break home or with short-break foster carers.</summary>
    private void ShortBreaks(SimChild c, DateOnly entry)
    {
        var until = entry.AddDays(365 + _r.Next(1800));
        if (until > c.Eighteen.AddDays(-1))
        {
            until = c.Eighteen.AddDays(-1);
        }

        // No postcode or URN for short breaks (rules 214, 398, 420); never long-term foster care (384).
        var site = _r.Next(100) < 60
            ? Home() with { Post = null, Urn = null }
            : new Placement("U6", _r.Next(100) < 80 ? "PR1" : "PR4", null, null, ++_carers);
        var day = entry;
        var nightsInYear = 0;
        var year = CollectionYear(day);
        while (day < until)
        {
            var nights = 1 + _r.Pick((1, 40), (2, 35), (3, 10), (4, 10), (6, 5));
            if (CollectionYear(day) != year)
            {
                (year, nightsInYear) = (CollectionYear(day), 0);
            }

            if (nightsInYear + nights > 70 || CollectionYear(day.AddDays(nights)) != year)
            {
                day = day.AddDays(14 + _r.Next(35));
                continue;
            }

            nightsInYear += nights;
            var p = new SimPeriod { Start = day, Home = null, CategoryOfNeed = "N2", ShortBreak = true, End = day.AddDays(nights), Exit = "E13" };
            c.Periods.Add(p);
            c.Episodes.Add(new SimEpisode { Period = p, Start = day, End = p.End, Rne = "S", LegalStatus = "V3", Placement = site, Rec = "E13" });
            day = p.End.Value.AddDays(14 + _r.Next(35));
        }
    }

    // ---- placements -----------------------------------------------------------------------------------------------

    /// <summary>A placement to move to: new carers at another postcode than the current ones (the same home is the same
    /// carers), so that the episode data show the move (DfE rule 435).</summary>
    private Placement Fresh(SimChild c, SimPeriod p, Timeline t, string type, DateOnly day)
    {
        var current = t.PlacementOn(day.AddDays(-1));
        for (var attempt = 0; ; attempt++)
        {
            var next = Place(c, p, type, day);
            if (next.Carer == current.Carer || next.Post != current.Post || attempt == 50)
            {
                return next;
            }
        }
    }

    /// <summary>A new placement of the given type: provider, URN and postcode as the type takes them.</summary>
    private Placement Place(SimChild c, SimPeriod p, string type, DateOnly day)
    {
        var home = p.Home;
        switch (type)
        {
            case "U1" or "U2" or "U3":
                // Family and friends carers, approved by the council's fostering service, living anywhere.
                return new Placement(type, _r.Next(100) < 95 ? "PR1" : "PR2", _providers.CouncilFostering,
                    Geography.Pick(_r, _r.Pick((0, 35), (1, 30), (2, 20), (3, 13), (4, 2)), home), ++_carers);
            case "U4" or "U5" or "U6":
                var roll = _r.Next(100);
                if (roll < 55)
                {
                    return new Placement(type, "PR1", _providers.CouncilFostering, Geography.Pick(_r, _r.Pick((0, 55), (1, 35), (2, 10)), home), ++_carers);
                }

                if (roll < 60)
                {
                    return new Placement(type, "PR2", _providers.OtherLaFostering[_r.Next(_providers.OtherLaFostering.Length)], Geography.Elsewhere(_r, home), ++_carers);
                }

                var (urn, code) = _providers.Agencies[_r.Next(_providers.Agencies.Length)];
                return new Placement(type, code, urn, Geography.Pick(_r, _r.Pick((1, 35), (2, 40), (3, 23), (4, 2)), home), ++_carers);
            case "K2":
                return Home();
            case "K1":
                return Site(type, _providers.SecureHomes[_r.Next(_providers.SecureHomes.Length)]);
            case "H5":
                // Supported accommodation has a URN only once Ofsted registers it (rules 222 before, 230 after).
                var s = _providers.Supported[_r.Next(_providers.Supported.Length)];
                return day >= SupportedAccommodationRegistered
                    ? new Placement("H5", s.Code, s.Urn, s.Post, Carer(s))
                    : new Placement("H5", s.Code, null, s.Post, Carer(s), s.Urn);
            case "S1":
                return Site(type, _providers.Schools[_r.Next(_providers.Schools.Length)]);
            case "R3":
                return Site(type, _providers.FamilyCentres[_r.Next(_providers.FamilyCentres.Length)]);
            case "R5":
                // A young offender institution: another public body, no Ofsted URN (rules 222, 527).
                return new Placement("R5", "PR3", null, Geography.Pick(_r, _r.Pick((2, 50), (3, 50)), home), ++_carers);
            case "P1":
                // With parents: provider PR0 (rule 550), at the child's home postcode (rule 392d allows it).
                return new Placement("P1", "PR0", null, home ?? Geography.Pick(_r, 0), ++_carers);
            case "Z1":
                return new Placement("Z1", null, null, Geography.Pick(_r, _r.Pick((0, 50), (1, 35), (2, 15)), home), ++_carers);
            case "A6":
                var (agency, agencyCode) = AdoptionAgency();
                return new Placement("A6", agencyCode, agency, Geography.Pick(_r, _r.Pick((0, 20), (1, 35), (2, 30), (3, 15)), home), ++_carers);
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "no placement of this type is generated");
        }
    }

    /// <summary>The family's home when the child comes into care: in the council's area mostly, never at a provider's site.</summary>
    private PostcodePoint HomePostcode()
    {
        while (true)
        {
            var home = Geography.Pick(_r, _r.Next(100) < 93 ? 0 : 1);
            if (!_providers.IsSite(home))
            {
                return home;
            }
        }
    }

    private (string Urn, string Code) AdoptionAgency()
    {
        var roll = _r.Next(100);
        return roll < 60 ? (_providers.CouncilAdoption, "PR1") : _providers.AdoptionAgencies[_r.Next(_providers.AdoptionAgencies.Length)];
    }

    private Placement Home()
    {
        var pool = _providers.Homes;
        var weights = pool.Select(h => h.Code switch { "PR1" => 7, "PR2" => 3, "PR4" => 4, _ => 3 }).ToArray();
        var x = _r.Next(weights.Sum());
        for (var i = 0; i < pool.Length; i++)
        {
            if (x < weights[i])
            {
                return Site("K2", pool[i]);
            }

            x -= weights[i];
        }

        return Site("K2", pool[^1]);
    }

    private static Placement Site(string type, ProviderSite s) => new(type, s.Code, s.Urn, s.Post, Carer(s));

    /// <summary>A home's carer number: the same home is the same carer whoever is placed there.</summary>
    private static int Carer(ProviderSite s) => -(int)(LookedAfterSimulation.Stable(s.Urn, 0) & 0x3FFFFFFF) - 1;

    private string MoveReason(int age) => _r.Pick(("CARPL", 38), ("CREQB", 14), ("CREQO", 10), ("CHILD", age >= 10 ? 9 : 1), ("LAREQ", 8),
        ("PLACE", 4), ("STAND", 3), ("ALLEG", 3), ("APPRR", 2), ("CLOSE", 2), ("CUSTOD", age >= 12 ? 1 : 0), ("OTHER", 6));

    // ---- temporary placements and episodes ------------------------------------------------------------------------

    /// <summary>Now and then a foster child spends a few days elsewhere (hospital, respite while the carers are on
    /// holiday) and returns to the same carers: a temporary placement T0 to T4 between two episodes of the normal one
    /// (rules 375 to 383).</summary>
    private void Temporary(Timeline t, PostcodePoint? home)
    {
        var stints = t.Stints();
        var last = DateOnly.MinValue;
        foreach (var (from, to, where) in stints)
        {
            if (!where.IsFoster || to.DayNumber - from.DayNumber < 120 || _r.Next(100) >= Math.Min(60, (to.DayNumber - from.DayNumber) * 7 / 365))
            {
                continue;
            }

            var kind = _r.Pick(("T3", 40), ("T1", 25), ("T4", 20), ("T0", 10), ("T2", 5));
            var days = kind switch { "T3" => 5 + _r.Next(12), "T1" => 2 + _r.Next(20), "T4" => 2 + _r.Next(6), _ => 3 + _r.Next(12) };
            var begin = from.AddDays(20 + _r.Next(to.DayNumber - from.DayNumber - 40 - days));
            var end = begin.AddDays(days);
            if (begin <= last.AddDays(365) || !t.QuietBetween(begin.AddDays(-3), end.AddDays(3)))
            {
                continue;
            }

            var ring = kind switch { "T2" => 3, "T1" => _r.Next(2), _ => _r.Next(3) };
            t.Temporary(begin, end, new Placement(kind, null, null, Geography.Pick(_r, ring, home), ++_carers));
            last = begin;
        }
    }

    /// <summary>Turns a period's timeline into episodes: a new episode at each change, its RNE from what changed.</summary>
    private void Emit(SimChild c, SimPeriod p, Timeline t)
    {
        var end = t.End ?? throw new InvalidOperationException("a period of care must end (at 18 at the latest)");
        var days = t.ChangeDays().Where(d => d < end).ToList();
        SimEpisode? prev = null;
        foreach (var day in days)
        {
            var ls = t.LegalOn(day);
            var where = t.EffectiveOn(day);
            if (prev is not null && prev.LegalStatus == ls && prev.Placement == where)
            {
                continue;
            }

            var e = new SimEpisode { Period = p, Start = day, LegalStatus = ls, Placement = where };
            if (prev is not null)
            {
                var lsChanged = prev.LegalStatus != ls;
                var moved = prev.Placement != where;
                var sameCarer = prev.Placement.Carer == where.Carer;
                e.Rne = !moved ? "L" : !lsChanged ? (sameCarer ? "T" : "P") : (sameCarer ? "U" : "B");
                prev.End = day;
                prev.Rec = "X1";
                if (moved && !prev.Placement.IsTemporary && !where.IsTemporary)
                {
                    prev.ReasonChange = t.ReasonOn(day) is { Length: > 0 } why ? why : "CARPL";
                }
            }

            c.Episodes.Add(e);
            prev = e;
        }

        prev!.End = end;
        prev.Rec = t.Exit;
        p.End = end;
        p.Exit = t.Exit;
        c.Periods.Add(p);
    }

    // ---- the rest of the child's story ----------------------------------------------------------------------------

    private void PreviousPermanence(SimChild c, SimPeriod p, DateOnly start)
    {
        var age = Age(c, start);
        if (age < 2 || _r.Next(100) >= 10)
        {
            return;
        }

        p.PreviousPermanence = _r.Pick(("P1", 20), ("P2", 50), ("P3", 30));
        p.PreviousPermanenceLa = _r.Next(100) < 70 ? Geography.HomeLaNumber : _r.Pick((319, 1), (314, 1), (212, 1), (936, 1), (307, 1), (870, 1));
        p.PreviousPermanenceDate = c.Birth.AddDays(200 + _r.Next(Math.Max(1, start.DayNumber - c.Birth.DayNumber - 230)));
    }

    /// <summary>Missing (M) and away without authorisation (A) spells, mostly of teenagers, each within one episode
    /// and one collection year and ended before the child leaves care (rules 570 to 581).</summary>
    private void AddMissing(SimChild c)
    {
        // A minority of children run away often; most never do (about one looked-after child in ten goes missing in a
        // year, most of them teenagers, several times each).
        var runner = _r.Next(100) < 22;
        var away = runner && _r.Next(100) < 30;
        foreach (var e in c.Episodes)
        {
            if (e.LegalStatus is "V3" or "V4" || e.End is not { } end || end.DayNumber - e.Start.DayNumber < 10)
            {
                continue;
            }

            var day = e.Start;
            while (true)
            {
                var age = Age(c, day);
                var rate = !runner ? 0.02 : age switch { < 10 => 0.05, < 13 => 2.5, < 16 => 8.0, _ => 8.0 };
                day = day.AddDays(2 + (int)(Exponential(rate) * 365));
                if (day >= end.AddDays(-5))
                {
                    break;
                }

                var length = _r.Pick((0, 30), (1, 40), (2, 15), (3, 10), (6, 5));
                var back = day.AddDays(length);
                var yearEnd = new DateOnly(day.Month >= 4 ? day.Year + 1 : day.Year, 3, 31);
                if (back >= end.AddDays(-1) || back > yearEnd || back == c.Eighteen)
                {
                    continue;
                }

                if (c.Missing.Count > 0 && c.Missing[^1].End >= day)
                {
                    continue;
                }

                c.Missing.Add(new MissingSpell(!away || _r.Next(100) < 60, day, back));
                day = back;
            }
        }
    }

    /// <summary>Looked-after reviews: the first within 20 working days, the second within three months, then every six
    /// months (Care Planning Regulations 2010, reg. 33); about one in ten late. None for short breaks.</summary>
    private void AddReviews(SimChild c)
    {
        foreach (var p in c.Periods)
        {
            if (p.ShortBreak || p.End is not { } end)
            {
                continue;
            }

            var review = p.Start.AddDays(_r.Next(100) < 92 ? 10 + _r.Next(18) : 29 + _r.Next(14));
            var n = 0;
            while (review < end)
            {
                c.Reviews.Add(review);
                n++;
                var late = _r.Next(100) < 8;
                review = n == 1
                    ? review.AddDays(late ? 93 + _r.Next(30) : 70 + _r.Next(21))
                    : review.AddDays(late ? 184 + _r.Next(40) : 140 + _r.Next(42));
            }
        }
    }

    /// <summary>A few girls looked after at 15 or older become mothers (MOTHER, MC_DOB).</summary>
    private void AddMotherhood(SimChild c)
    {
        if (c.Male || c.Kind == ChildKind.ShortBreaks || _r.Next(1000) >= 25)
        {
            return;
        }

        var fifteen = c.Birth.AddYears(15).AddDays(90);
        var spans = c.Episodes.Where(e => e.End is { } end && end > fifteen.AddDays(30)).ToList();
        if (spans.Count == 0)
        {
            return;
        }

        var e = spans[_r.Next(spans.Count)];
        var from = e.Start > fifteen ? e.Start : fifteen;
        var born = _r.Between(from.AddDays(1), e.End!.Value.AddDays(-1));
        // DfE rule 625: the child's birth is not after the latest end of an episode in that year's return.
        var yearStart = new DateOnly(born.Month >= 4 ? born.Year : born.Year - 1, 4, 1);
        var yearEnd = yearStart.AddYears(1).AddDays(-1);
        var latestEnd = c.Episodes.Where(x => x.End is { } d && d >= yearStart && d <= yearEnd).Select(x => x.End!.Value).DefaultIfEmpty(yearEnd).Max();
        if (born > latestEnd)
        {
            born = latestEnd.AddDays(-_r.Next(30));
        }

        if (born <= from)
        {
            return;
        }

        c.FirstChildBorn = born;
    }

    /// <summary>
    /// Care-leaver rows (OC3) for each birthday from the 17th to the 21st after the young person left care, if they
    /// are a relevant or former relevant child: looked after for at least 13 weeks from age 14, including some time
    /// after 16 (Children (Leaving Care) Act 2000; 903 guide), and left other than by adoption, transfer or an age
    /// assessment. At 17 and 18 only for those who left before that birthday (rules 1007, 1016).
    /// </summary>
    private void AddLeaverRows(SimChild c)
    {
        if (c.Kind == ChildKind.ShortBreaks || c.Periods.Count == 0 || c.Periods[^1].End is not { } left
            || c.Periods[^1].Exit is "E11" or "E12" or "E3" or "E15" or "E2")
        {
            return;
        }

        var fourteen = c.Birth.AddYears(14);
        var sixteen = c.Birth.AddYears(16);
        var since14 = 0;
        var after16 = false;
        foreach (var p in c.Periods.Where(p => !p.ShortBreak))
        {
            var from = p.Start > fourteen ? p.Start : fourteen;
            since14 += Math.Max(0, p.End!.Value.DayNumber - from.DayNumber);
            after16 |= p.End.Value > sixteen;
        }

        if (since14 < 91 || !after16)
        {
            return;
        }

        var died = false;
        var home = false;
        var eet = _r.Next(100) < 60;
        for (var age = 17; age <= 21; age++)
        {
            var birthday = c.Birth.AddYears(age);
            if (birthday <= left)
            {
                continue;
            }

            died |= _r.Next(1000) < 1;
            home |= !died && age >= 19 && _r.Next(100) < 1;
            var inTouch = died ? "DIED" : home ? "RHOM" : _r.Pick(("YES", 910), ("NO", 45), ("REFU", 20), ("NREQ", 25));
            if (inTouch is not ("YES" or "NREQ"))
            {
                c.Leaver.Add(new LeaverRow(birthday, inTouch, "0", "0"));
                continue;
            }

            eet = _r.Next(100) < 80 ? eet : _r.Next(100) < 55;
            var activity = eet
                ? _r.Pick(("F1", 10), ("P1", 2), ("F2", 30), ("P2", 8), ("F4", 28), ("P4", 12), ("F5", 6), ("P5", 4))
                : _r.Pick(("G4", 30), ("G5", 55), ("G6", 15));
            var kind = age < 18
                ? _r.Pick(("B", 20), ("D", 30), ("E", 15), ("U", 10), ("K", 10), ("Y", 10), ("V", 5))
                : _r.Pick(("B", 12), ("D", 15), ("E", 10), ("U", 30), ("K", 8), ("T", 3), ("Z", 10), ("Y", 6), ("V", 3), ("X", 1), ("W", 1), ("S", 1));
            var suitable = kind is "X" or "S" || _r.Next(100) >= 95 ? '2' : '1';
            c.Leaver.Add(new LeaverRow(birthday, inTouch, activity, kind + suitable));
        }
    }

    private void AssignUpn(SimChild c)
    {
        // A school allocates the UPN when the child starts reception: the September after the fourth birthday (or
        // on arrival, for a child who comes to England older).
        var four = c.Birth.AddYears(4);
        var reception = new DateOnly(four.Month <= 8 ? four.Year : four.Year + 1, 9, 1);
        var firstCare = c.Episodes.Count > 0 ? c.Episodes[0].Start : reception;
        c.SchoolFrom = c.Kind == ChildKind.Uasc && firstCare > reception ? firstCare : reception;
        c.UpnCode = _upns.Allocate(_r, c.SchoolFrom, secondary: c.SchoolFrom != reception);
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private static int CollectionYear(DateOnly day) => day.Month >= 4 ? day.Year + 1 : day.Year;

    private static int Age(SimChild c, DateOnly day) => GoldenThread.Core.Returns.LookedAfterMeasures.AgeOn(c.Birth, day);

    /// <summary>No child is born on 29 February: DfE's validator cannot compute the birthday of one in other years
    /// (its rule 1007 fails, a fault of the validator named in its README).</summary>
    private static DateOnly NoLeapDay(DateOnly d) => d is { Month: 2, Day: 29 } ? d.AddDays(-1) : d;

    private double Exponential(double ratePerYear) => -Math.Log(1 - _r.NextDouble()) / ratePerYear;

    private double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - _r.NextDouble())) * Math.Cos(2 * Math.PI * _r.NextDouble());

    /// <summary>FNV-1a of the id and a salt: string.GetHashCode is randomised per process, this is not.</summary>
    internal static uint Stable(string id, int salt)
    {
        var h = 2166136261u;
        foreach (var ch in id)
        {
            h = (h ^ ch) * 16777619u;
        }

        return ((h ^ (uint)salt) * 16777619u) >> 3;
    }
}
