using System.Globalization;
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
        "H5" or "K3" => PlacementGroup.SupportedLodgings,
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

    /// <summary>Ages at 31 March whose SDQ scores DfE averages: 5 to 16 (docs/returns.md).</summary>
    public const int SdqYoungestAge = 5, SdqOldestAge = 16;

    /// <summary>How far long-term stability looks back from the period end: looked after 2½ years.</summary>
    public const int StabilityLookBackMonths = 30;

    public static IReadOnlyList<Observation> Derive(LookedAfterData data, ReportingWindow w, ReturnOptions options)
    {
        var sink = new ObservationSink(w);
        if (!data.Coverage.Reaches(w.First, w.Last))
        {
            sink.Block($"the SSDA903 returns in the files are for {data.Coverage.Describe()}, which do not cover the whole window");
        }

        var eps = data.Episodes;
        var childCount = data.Children.Count;
        var inWindow = new bool[childCount];
        var healthCohort = new bool[childCount];
        var groups = new int[Enum.GetValues<PlacementGroup>().Length];
        int atEnd = 0, started = 0, ceased = 0, adopted = 0, threePlus = 0, stableDen = 0, stableNum = 0, anyInWindow = 0;
        int adoptN = 0, adoptTimely = 0, placedN = 0;
        long adoptDays = 0, placedDays = 0;
        bool adoptionStartUnknown = false, placementStartUnknown = false;
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
                    placements += CountsAsPlacement(eps, first, i, placements == 0) ? 1 : 0;
                }

                if (w.Contains(e.Start))
                {
                    startedHere |= e.ReasonNewEpisode == "S";
                    var continuesAdoption = i > first && eps[i - 1].End == e.Start && IsAdoptionPlacement(eps[i - 1].Place);
                    if (IsAdoptionPlacement(e.Place) && !continuesAdoption)
                    {
                        placedN++;
                        placementStartUnknown |= !StartsWithEntryToCare(eps, first, i);
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
                    adoptionStartUnknown |= !StartsWithEntryToCare(eps, first, lastCease);
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

        var historyStart = data.Coverage.StartBefore(w.Last);
        var stabilityFrom = w.Last.AddMonths(-StabilityLookBackMonths);
        var stabilityWhyNot = historyStart is { } hs && hs > stabilityFrom
            ? $"long-term stability looks back 2½ years, to {Day(stabilityFrom)}, but the SSDA903 returns in the files begin on {Day(hs)}"
            : null;
        const string entryUnknown = "entered care before the first episode the SSDA903 files hold for them, so their days from entering care are unknown";
        var adoptionWhyNot = adoptionStartUnknown ? "some children adopted in the window " + entryUnknown : null;
        var placementWhyNot = placementStartUnknown ? "some children placed for adoption in the window " + entryUnknown : null;

        sink.Count(ReturnMeasureIds.LookedAfterAtEnd, atEnd);
        sink.Rate(ReturnMeasureIds.LookedAfterRate, atEnd, options.ChildPopulation);
        sink.Count(ReturnMeasureIds.StartedToBeLookedAfter, started);
        sink.Count(ReturnMeasureIds.CeasedToBeLookedAfter, ceased);
        sink.Percent(ReturnMeasureIds.ThreeOrMorePlacements, threePlus, atEnd);
        sink.Percent(ReturnMeasureIds.LongTermStability, stableNum, stableDen, stabilityWhyNot);
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
        sink.Average(ReturnMeasureIds.AdoptionDaysEntryToMoveIn, adoptDays, adoptN, adoptionWhyNot);
        sink.Percent(ReturnMeasureIds.AdoptionWithinThreshold, adoptTimely, adoptN, adoptionWhyNot);
        sink.Count(ReturnMeasureIds.ChildrenPlacedForAdoption, placedN);
        sink.Average(ReturnMeasureIds.AdoptionDaysEntryToPlacement, placedDays, placedN, placementWhyNot);

        CareLeavers(data, w, sink);
        if (w.IsFinancialYear)
        {
            Health(data, w, healthCohort, sink);
        }

        Missing(data, w, inWindow, anyInWindow, sink);
        return sink.Items;
    }

    /// <summary>The start of the period of care the episode belongs to: back through contiguous episodes to one that started care.</summary>
    internal static DateOnly PeriodOfCareStart(Episode[] eps, int first, int i) => eps[PeriodOfCareFirst(eps, first, i)].Start;

    /// <summary>
    /// Whether the files hold the start of the episode's period of care: the walk back through contiguous episodes ends
    /// at one with RNE S. When it ends elsewhere, the child entered care before the earliest return read (or the chain is
    /// broken), and <see cref="PeriodOfCareStart"/> is only the earliest day known, not the day the child entered care.
    /// </summary>
    internal static bool StartsWithEntryToCare(Episode[] eps, int first, int i) =>
        eps[PeriodOfCareFirst(eps, first, i)].ReasonNewEpisode == "S";

    private static int PeriodOfCareFirst(Episode[] eps, int first, int i)
    {
        while (i > first && eps[i].ReasonNewEpisode != "S" && eps[i - 1].End == eps[i].Start)
        {
            i--;
        }

        return i;
    }

    /// <summary>
    /// The placements child <paramref name="child"/> had in the window, as the three-or-more measure counts them: the
    /// first (not temporary) episode in the window counts as one, whatever its RNE, since the placement open on the
    /// window's first day counts; after it, each <see cref="IsNewPlacement"/>. Short breaks (V3, V4) are left out.
    /// </summary>
    public static int PlacementsInWindow(LookedAfterData data, int child, ReportingWindow w)
    {
        var (first, end) = data.EpisodeRange(child);
        var placements = 0;
        for (var i = first; i < end; i++)
        {
            var e = data.Episodes[i];
            if (!e.IsShortTermBreak && e.Overlaps(w.First, w.Last))
            {
                placements += CountsAsPlacement(data.Episodes, first, i, placements == 0) ? 1 : 0;
            }
        }

        return placements;
    }

    private static bool CountsAsPlacement(Episode[] eps, int first, int i, bool firstInWindow) =>
        !IsTemporaryPlacement(eps[i].Place) && (firstInWindow || IsNewPlacement(eps, first, i));

    /// <summary>
    /// Whether episode <paramref name="i"/> starts a new placement: its RNE is S, P or T (a new carer), and it is not the
    /// child's return to their usual placement after a temporary one. DfE's guide does not count a temporary absence
    /// (T0–T4: holiday, hospital, short custody) and the return from it as placement changes, and 903 rule 383 makes the
    /// episode after a temporary placement the return: RNE P to the same placement type as before it.
    /// </summary>
    public static bool IsNewPlacement(Episode[] eps, int first, int i) =>
        eps[i].ReasonNewEpisode is "S" or "P" or "T" && ReturnFromTemporaryPlacement(eps, first, i) < 0;

    /// <summary>
    /// When episode <paramref name="i"/> is a return after one or more contiguous temporary placements (RNE P, the same
    /// PLACE as the episode before the temporary ones: rule 383), the index of that earlier episode; otherwise -1.
    /// Postcodes are not read, so the same placement type is taken as the same placement, as rule 383 up to 2024/25 does.
    /// </summary>
    internal static int ReturnFromTemporaryPlacement(Episode[] eps, int first, int i)
    {
        if (eps[i].ReasonNewEpisode != "P")
        {
            return -1;
        }

        var j = i - 1;
        while (j >= first && eps[j].End == eps[j + 1].Start && IsTemporaryPlacement(eps[j].Place))
        {
            j--;
        }

        var afterTemporary = j < i - 1;
        return afterTemporary && j >= first && eps[j].End == eps[j + 1].Start && eps[j].Place == eps[i].Place ? j : -1;
    }

    private static string Day(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>
    /// The day the child moved in with the carers of episode <paramref name="i"/>: back through contiguous episodes that
    /// changed legal status only (L) or kept the same carers (U, B), and through a temporary absence and the return from
    /// it (<see cref="ReturnFromTemporaryPlacement"/>). With <paramref name="joinAdoption"/>, an adoptive
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
            else if (ReturnFromTemporaryPlacement(eps, first, i) is >= 0 and var before)
            {
                i = before; // back from a temporary absence: the same placement, which began before it
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

        // OC3 rows describe their collection year: every collection the window touches must have its OC3 table.
        var whyNot = data.CareLeaverCoverage.Reaches(w.First, w.Last)
            ? null
            : $"the SSDA903 returns in the files have OC3 (care leaver) tables for {data.CareLeaverCoverage.Describe()}, not for every year the window touches";
        sink.Count(ReturnMeasureIds.CareLeavers, cohort, whyNot);
        sink.Percent(ReturnMeasureIds.CareLeaversSuitableAccommodation, suitable, accommodationKnown, whyNot);
        sink.Percent(ReturnMeasureIds.CareLeaversInEet, eet, cohort, whyNot);
        sink.Percent(ReturnMeasureIds.CareLeaversInTouch, inTouch, cohort, whyNot);
    }

    /// <summary>
    /// The OC2 cohort of a financial year: looked after at 31 March, continuously since 1 April a year before. Health
    /// assessments count HEALTH_ASSESSMENT (HEALTH_CHECK is the under-5s' health promotion item, blank from age 5); the
    /// SDQ average is over the cohort aged 5 to 16 at 31 March with a score, the age band DfE publishes.
    /// </summary>
    private static void Health(LookedAfterData data, ReportingWindow w, bool[] cohort, ObservationSink sink)
    {
        var size = cohort.Count(x => x);
        int assessed = 0, immunised = 0, teeth = 0, sdqN = 0;
        double sdqSum = 0;
        foreach (var h in data.Health)
        {
            if (h.CollectionYear != w.Last.Year || !cohort[h.Child])
            {
                continue;
            }

            assessed += h.HealthAssessment == true ? 1 : 0;
            immunised += h.Immunisations == true ? 1 : 0;
            teeth += h.TeethCheck == true ? 1 : 0;
            var age = AgeOn(data.Children[h.Child].Birth, w.Last);
            if (h.SdqScore is >= 0 and <= 40 && age is >= SdqYoungestAge and <= SdqOldestAge)
            {
                sdqN++;
                sdqSum += h.SdqScore.Value;
            }
        }

        // Without the year's OC2 table every child in the cohort would count as not assessed: say so instead.
        var whyNot = data.HealthCoverage.Reaches(w.Last, w.Last)
            ? null
            : $"the {ReturnCodes.YearLabel(w.Last.Year)} SSDA903 return in the files has no OC2 table";
        sink.Percent(ReturnMeasureIds.HealthChecks, assessed, size, whyNot);
        sink.Percent(ReturnMeasureIds.Immunisations, immunised, size, whyNot);
        sink.Percent(ReturnMeasureIds.DentalChecks, teeth, size, whyNot);
        sink.Average(ReturnMeasureIds.AverageSdq, sdqSum, sdqN, whyNot);
    }

    private static void Missing(LookedAfterData data, ReportingWindow w, bool[] inWindow, int lookedAfter, ObservationSink sink)
    {
        var missing = new HashSet<int>();
        var away = new HashSet<int>();
        var incidents = 0;
        foreach (var m in data.Missing)
        {
            // Like the children counted, incidents leave out children whose only care in the window was short breaks.
            if (m.IsMissing && inWindow[m.Child] && w.Contains(m.Start))
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
