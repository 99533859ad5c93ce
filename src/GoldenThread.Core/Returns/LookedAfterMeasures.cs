using GoldenThread.Core.Measures;

namespace GoldenThread.Core.Returns;

/// <summary>The placement groups of the council's fostering and adoption reports (seed 001), from PLACE and PLACE_PROVIDER.</summary>
public enum PlacementGroup
{
    InHouseFosterCare,
    KinshipFosterCare,
    AgencyFosterCare,
    OwnChildrensHome,
    IndependentChildrensHome,
    SupportedLodgings,
    PlacedForAdoption,
    PlacedWithParents,
    Other,
}

/// <summary>The SSDA903 figures, derived as DfE defines them (docs/returns.md gives each definition and its source).</summary>
public static class LookedAfterMeasures
{
    public static PlacementGroup Classify(string place, string? provider) => place switch
    {
        "U1" or "U2" or "U3" => PlacementGroup.KinshipFosterCare,
        "U4" or "U5" or "U6" => provider is "PR4" or "PR5" ? PlacementGroup.AgencyFosterCare : PlacementGroup.InHouseFosterCare,
        "K2" => provider switch
        {
            "PR1" => PlacementGroup.OwnChildrensHome,
            "PR4" or "PR5" => PlacementGroup.IndependentChildrensHome,
            _ => PlacementGroup.Other,
        },
        "H5" => PlacementGroup.SupportedLodgings,
        "A3" or "A4" or "A5" or "A6" => PlacementGroup.PlacedForAdoption,
        "P1" => PlacementGroup.PlacedWithParents,
        _ => PlacementGroup.Other,
    };

    public static bool IsAdoptionPlacement(string place) => place is "A3" or "A4" or "A5" or "A6";

    /// <summary>T0–T4 are temporary placements (holidays, hospital, custody of less than 7 days): not placement moves.</summary>
    public static bool IsTemporaryPlacement(string place) => place.Length == 2 && place[0] == 'T';

    /// <summary>Full years of age on <paramref name="day"/> (a child born on 29 February turns a year older on 28 February).</summary>
    public static int AgeOn(DateOnly birth, DateOnly day)
    {
        var age = day.Year - birth.Year;
        return day < birth.AddYears(age) ? age - 1 : age;
    }

    /// <summary>The day the child's birthday falls on in the collection year ending 31 March <paramref name="collectionYear"/>.</summary>
    public static DateOnly BirthdayInCollectionYear(DateOnly birth, int collectionYear)
    {
        var first = new DateOnly(collectionYear - 1, 4, 1);
        var b = birth.AddYears(collectionYear - 1 - birth.Year);
        return b < first ? birth.AddYears(collectionYear - birth.Year) : b;
    }

    public static IReadOnlyList<Observation> Derive(LookedAfterData data, ReportingWindow w, ReturnOptions options)
    {
        var sink = new ObservationSink(w);
        var eps = data.Episodes;
        var childCount = data.Children.Count;
        var inWindow = new bool[childCount];
        var healthCohort = new bool[childCount];
        var groups = new int[Enum.GetValues<PlacementGroup>().Length];
        int atEnd = 0, started = 0, ceased = 0, adopted = 0, threePlus = 0, stableDen = 0, stableNum = 0, anyInWindow = 0;
        int adoptN = 0, adoptTimely = 0, placedN = 0;
        long adoptDays = 0, placedDays = 0;
        var stabilityCut = w.Last.AddMonths(-30);
        var samePlacementCut = w.Last.AddYears(-2);

        for (var c = 0; c < childCount; c++)
        {
            var (first, end) = data.EpisodeRange(c);
            if (first == end)
            {
                continue;
            }

            int open = -1, lastCease = -1, placements = 0;
            bool startedHere = false, seen = false;
            for (var i = first; i < end; i++)
            {
                var e = eps[i];
                if (e.IsShortTermBreak)
                {
                    continue;
                }

                if (e.IsOpenOn(w.Last))
                {
                    open = i;
                }

                if (e.Overlaps(w.First, w.Last))
                {
                    seen = true;
                    if (!IsTemporaryPlacement(e.Place))
                    {
                        placements += placements == 0 || e.ReasonNewEpisode is "S" or "P" or "T" ? 1 : 0;
                    }
                }

                if (w.Contains(e.Start))
                {
                    startedHere |= e.ReasonNewEpisode == "S";
                    var continuesAdoption = i > first && eps[i - 1].End == e.Start && IsAdoptionPlacement(eps[i - 1].Place);
                    if (IsAdoptionPlacement(e.Place) && !continuesAdoption)
                    {
                        placedN++;
                        placedDays += e.Start.DayNumber - PeriodOfCareStart(eps, first, i).DayNumber;
                    }
                }

                if (e.End is { } ended && w.Contains(ended) && e.ReasonCeased is { } rec && rec != "X1")
                {
                    lastCease = i;
                }
            }

            if (seen)
            {
                inWindow[c] = true;
                anyInWindow++;
            }

            if (startedHere)
            {
                started++;
            }

            if (lastCease >= 0)
            {
                ceased++;
                if (eps[lastCease].ReasonCeased is "E11" or "E12")
                {
                    adopted++;
                    var days = PlacementStart(eps, first, lastCease, false).DayNumber - PeriodOfCareStart(eps, first, lastCease).DayNumber;
                    adoptN++;
                    adoptDays += days;
                    if (days <= options.AdoptionThresholdDays)
                    {
                        adoptTimely++;
                    }
                }
            }

            if (open < 0)
            {
                continue;
            }

            atEnd++;
            groups[(int)Classify(eps[open].Place, eps[open].Provider)]++;
            if (placements >= 3)
            {
                threePlus++;
            }

            var careStart = PeriodOfCareStart(eps, first, open);
            if (AgeOn(data.Children[c].Birth, w.Last) < 16 && careStart <= stabilityCut)
            {
                stableDen++;
                if (PlacementStart(eps, first, open, true) <= samePlacementCut)
                {
                    stableNum++;
                }
            }

            healthCohort[c] = w.IsFinancialYear && careStart <= w.First;
        }

        sink.Count(ReturnMeasureIds.LookedAfterAtEnd, atEnd);
        sink.Rate(ReturnMeasureIds.LookedAfterRate, atEnd, options.ChildPopulation);
        sink.Count(ReturnMeasureIds.StartedToBeLookedAfter, started);
        sink.Count(ReturnMeasureIds.CeasedToBeLookedAfter, ceased);
        sink.Percent(ReturnMeasureIds.ThreeOrMorePlacements, threePlus, atEnd);
        sink.Percent(ReturnMeasureIds.LongTermStability, stableNum, stableDen);
        sink.Count(ReturnMeasureIds.InHouseFosterCare, groups[(int)PlacementGroup.InHouseFosterCare]);
        sink.Count(ReturnMeasureIds.KinshipFosterCare, groups[(int)PlacementGroup.KinshipFosterCare]);
        sink.Count(ReturnMeasureIds.AgencyFosterCare, groups[(int)PlacementGroup.AgencyFosterCare]);
        sink.Count(ReturnMeasureIds.OwnChildrensHomes, groups[(int)PlacementGroup.OwnChildrensHome]);
        sink.Count(ReturnMeasureIds.IndependentChildrensHomes, groups[(int)PlacementGroup.IndependentChildrensHome]);
        sink.Count(ReturnMeasureIds.SupportedLodgings, groups[(int)PlacementGroup.SupportedLodgings]);
        sink.Count(ReturnMeasureIds.PlacedForAdoptionAtEnd, groups[(int)PlacementGroup.PlacedForAdoption]);
        sink.Count(ReturnMeasureIds.PlacedWithParents, groups[(int)PlacementGroup.PlacedWithParents]);
        sink.Count(ReturnMeasureIds.OtherPlacements, groups[(int)PlacementGroup.Other]);
        sink.Count(ReturnMeasureIds.Adopted, adopted);
        sink.Percent(ReturnMeasureIds.AdoptedShareOfCeased, adopted, ceased);
        sink.Average(ReturnMeasureIds.AdoptionDaysEntryToMoveIn, adoptDays, adoptN);
        sink.Percent(ReturnMeasureIds.AdoptionWithinThreshold, adoptTimely, adoptN);
        sink.Count(ReturnMeasureIds.ChildrenPlacedForAdoption, placedN);
        sink.Average(ReturnMeasureIds.AdoptionDaysEntryToPlacement, placedDays, placedN);

        CareLeavers(data, w, sink);
        if (w.IsFinancialYear)
        {
            Health(data, w, healthCohort, sink);
        }

        Missing(data, w, inWindow, anyInWindow, sink);
        return sink.Items;
    }

    /// <summary>The start of the period of care the episode belongs to: back through contiguous episodes to one that started care.</summary>
    internal static DateOnly PeriodOfCareStart(Episode[] eps, int first, int i)
    {
        while (i > first && eps[i].ReasonNewEpisode != "S" && eps[i - 1].End == eps[i].Start)
        {
            i--;
        }

        return eps[i].Start;
    }

    /// <summary>
    /// The day the child moved in with the carers of episode <paramref name="i"/>: back through contiguous episodes that
    /// changed legal status only (L) or kept the same carers (U, B). With <paramref name="joinAdoption"/>, an adoptive
    /// placement also counts the placement before it (the long-term stability rule).
    /// </summary>
    internal static DateOnly PlacementStart(Episode[] eps, int first, int i, bool joinAdoption)
    {
        var joined = !joinAdoption || !IsAdoptionPlacement(eps[i].Place);
        while (i > first && eps[i - 1].End == eps[i].Start)
        {
            var rne = eps[i].ReasonNewEpisode;
            if (rne is "L" or "U" or "B")
            {
                i--;
            }
            else if (!joined && rne is "P" or "T")
            {
                joined = true;
                i--;
            }
            else
            {
                break;
            }
        }

        return eps[i].Start;
    }

    private static void CareLeavers(LookedAfterData data, ReportingWindow w, ObservationSink sink)
    {
        int cohort = 0, accommodationKnown = 0, suitable = 0, eet = 0, inTouch = 0;
        foreach (var r in data.CareLeavers)
        {
            var birth = data.Children[r.Child].Birth;
            var birthday = BirthdayInCollectionYear(birth, r.CollectionYear);
            var age = birthday.Year - birth.Year;
            if (age is < 19 or > 21 || !w.Contains(birthday) || r.InTouch is "DIED" or "RHOM")
            {
                continue;
            }

            cohort++;
            if (r.Accommodation[0] is not ('G' or 'H' or 'R'))
            {
                accommodationKnown++;
                if (r.Accommodation.Length == 2 && r.Accommodation[1] == '1')
                {
                    suitable++;
                }
            }

            if (r.Activity is "F1" or "P1" or "F2" or "P2" or "F4" or "P4" or "F5" or "P5")
            {
                eet++;
            }

            if (r.InTouch == "YES")
            {
                inTouch++;
            }
        }

        sink.Count(ReturnMeasureIds.CareLeavers, cohort);
        sink.Percent(ReturnMeasureIds.CareLeaversSuitableAccommodation, suitable, accommodationKnown);
        sink.Percent(ReturnMeasureIds.CareLeaversInEet, eet, cohort);
        sink.Percent(ReturnMeasureIds.CareLeaversInTouch, inTouch, cohort);
    }

    private static void Health(LookedAfterData data, ReportingWindow w, bool[] cohort, ObservationSink sink)
    {
        var size = cohort.Count(x => x);
        int checks = 0, immunised = 0, teeth = 0, sdqN = 0;
        double sdqSum = 0;
        foreach (var h in data.Health)
        {
            if (h.CollectionYear != w.Last.Year || !cohort[h.Child])
            {
                continue;
            }

            checks += h.HealthCheck == true ? 1 : 0;
            immunised += h.Immunisations == true ? 1 : 0;
            teeth += h.TeethCheck == true ? 1 : 0;
            var age = AgeOn(data.Children[h.Child].Birth, w.Last);
            if (h.SdqScore is >= 0 and <= 40 && age is >= 4 and <= 16)
            {
                sdqN++;
                sdqSum += h.SdqScore.Value;
            }
        }

        sink.Percent(ReturnMeasureIds.HealthChecks, checks, size);
        sink.Percent(ReturnMeasureIds.Immunisations, immunised, size);
        sink.Percent(ReturnMeasureIds.DentalChecks, teeth, size);
        sink.Average(ReturnMeasureIds.AverageSdq, sdqSum, sdqN);
    }

    private static void Missing(LookedAfterData data, ReportingWindow w, bool[] inWindow, int lookedAfter, ObservationSink sink)
    {
        var missing = new HashSet<int>();
        var away = new HashSet<int>();
        var incidents = 0;
        foreach (var m in data.Missing)
        {
            if (m.IsMissing && w.Contains(m.Start))
            {
                incidents++;
            }

            if (inWindow[m.Child] && m.Start <= w.Last && (m.End is null || m.End.Value >= w.First))
            {
                (m.IsMissing ? missing : away).Add(m.Child);
            }
        }

        sink.Percent(ReturnMeasureIds.Missing, missing.Count, lookedAfter);
        sink.Percent(ReturnMeasureIds.Away, away.Count, lookedAfter);
        sink.Count(ReturnMeasureIds.MissingIncidents, incidents);
    }
}
