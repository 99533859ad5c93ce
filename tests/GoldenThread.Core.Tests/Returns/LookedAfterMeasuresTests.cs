using GoldenThread.Core.Measures;
using GoldenThread.Core.Returns;

namespace GoldenThread.Core.Tests.Returns;

/// <summary>
/// A hand-built council of eleven children; every expected figure below is worked out by hand in the comments.
/// Window: 2015/16 (1 April 2015 to 31 March 2016) unless a test says otherwise.
/// </summary>
public sealed class LookedAfterMeasuresTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static Episode E(int child, DateOnly start, DateOnly? end, string rne, string ls, string place, string provider, string? rec) =>
        new(child, start, end, rne, ls, place, provider, rec);

    private static readonly LookedAfterData Council = new()
    {
        Children =
        [
            new("A", 1, D(2005, 6, 1)),   // 0: aged 10 at 31/3/16
            new("B", 2, D(2012, 2, 10)),  // 1: aged 4
            new("C", 1, D(2011, 7, 20)),  // 2: adopted by foster carers
            new("D", 2, D(2014, 1, 5)),   // 3: adopted after a move
            new("E", 1, D(1999, 9, 15)),  // 4: short breaks only (V3)
            new("F", 2, D(1996, 6, 1)),   // 5: care leaver, 19 on 1/6/15
            new("G", 1, D(1994, 10, 10)), // 6: care leaver, 21 on 10/10/15
            new("H", 2, D(1995, 12, 1)),  // 7: care leaver, 20 on 1/12/15
            new("I", 1, D(1997, 1, 1)),   // 8: care leaver, died
            new("J", 2, D(1998, 2, 1)),   // 9: care leaver, only 18 on 1/2/16
            new("K", 1, D(2008, 3, 1)),   // 10: aged 8, settled since 2013
        ],
        Episodes =
        [
            E(0, D(2013, 1, 10), D(2014, 5, 1), "S", "C2", "U4", "PR1", "X1"),
            E(0, D(2014, 5, 1), D(2015, 6, 1), "P", "C2", "U4", "PR4", "X1"),
            E(0, D(2015, 6, 1), D(2015, 9, 1), "L", "C1", "U4", "PR4", "X1"),
            E(0, D(2015, 9, 1), null, "P", "C1", "K2", "PR1", null),
            E(1, D(2015, 4, 10), D(2015, 5, 10), "S", "V2", "U6", "PR1", "X1"),
            E(1, D(2015, 5, 10), D(2015, 8, 15), "P", "V2", "U4", "PR4", "X1"),
            E(1, D(2015, 8, 15), D(2016, 2, 1), "P", "C2", "U1", "PR1", "X1"),
            E(1, D(2016, 2, 1), null, "P", "C2", "U3", "PR1", null),
            E(2, D(2013, 3, 1), D(2014, 6, 1), "S", "C2", "U4", "PR1", "X1"),
            E(2, D(2014, 6, 1), D(2014, 9, 1), "L", "E1", "U4", "PR1", "X1"),
            E(2, D(2014, 9, 1), D(2015, 11, 30), "U", "E1", "A5", "PR1", "E12"),
            E(3, D(2014, 2, 1), D(2015, 5, 1), "S", "C2", "U6", "PR4", "X1"),
            E(3, D(2015, 5, 1), D(2016, 1, 20), "T", "E1", "A6", "PR1", "E11"),
            E(4, D(2015, 5, 1), null, "S", "V3", "U4", "PR1", null),
            E(5, D(2012, 1, 1), D(2014, 6, 1), "S", "C2", "U4", "PR1", "E45"),
            E(10, D(2012, 5, 1), D(2013, 2, 1), "S", "C2", "U6", "PR1", "X1"),
            E(10, D(2013, 2, 1), D(2014, 1, 10), "P", "C2", "U4", "PR1", "X1"),
            E(10, D(2014, 1, 10), null, "L", "C1", "U4", "PR1", null),
        ],
        Health =
        [
            // Child, year, SDQ, convicted, HEALTH_CHECK (under-5s only: blank here), HEALTH_ASSESSMENT, immunisations, teeth, substance misuse.
            new(0, 2016, 12, false, null, true, true, false, null),
            new(10, 2016, 20, null, null, true, false, true, null),
            new(1, 2016, 30, null, true, true, true, true, null), // B is not in the 12-month cohort: ignored
            new(0, 2015, 5, false, null, false, false, false, null), // last year's row: ignored
        ],
        CareLeavers =
        [
            new(5, 2016, "YES", "F5", "U1"),
            new(6, 2016, "NO", "0", "0"),
            new(7, 2016, "REFU", "G5", "R2"),
            new(8, 2016, "DIED", "0", "0"),
            new(9, 2016, "YES", "F2", "U1"),
        ],
        Missing =
        [
            new(0, true, D(2015, 7, 1), D(2015, 7, 2)),
            new(0, true, D(2015, 8, 1), null),
            new(10, false, D(2015, 3, 30), D(2015, 4, 2)),
            new(3, true, D(2015, 3, 1), D(2015, 3, 5)),
            new(4, true, D(2015, 9, 1), D(2015, 9, 2)), // E's only care is short breaks (V3): left out everywhere
        ],
    };

    private static Dictionary<string, Observation> Derive(ReportingWindow window) =>
        LookedAfterMeasures.Derive(Council, window, new ReturnOptions { ChildPopulation = 20_000 }).ToDictionary(o => o.MeasureId);

    public static TheoryData<string, double?, double?, double?> FinancialYearFigures => new()
    {
        // Open on 31/3/16, not V3: A (K2), B (U3), K (U4). E is V3. = 3
        { ReturnMeasureIds.LookedAfterAtEnd, 3, null, null },
        // 3 / 20,000 * 10,000
        { ReturnMeasureIds.LookedAfterRate, 1.5, 3, 20_000 },
        // RNE S in the year: B (10/4/15); E is V3. = 1
        { ReturnMeasureIds.StartedToBeLookedAfter, 1, null, null },
        // Ceased (not X1) in the year: C (E12, 30/11/15), D (E11, 20/1/16). = 2
        { ReturnMeasureIds.CeasedToBeLookedAfter, 2, null, null },
        // Placements in year: A open U4 (1) + L (no) + P K2 (2) = 2; B S,P,P,P = 4; K L open from 2014 = 1. 1 of 3.
        { ReturnMeasureIds.ThreeOrMorePlacements, 100.0 / 3, 1, 3 },
        // Under 16, in care since before 30/9/13: A (10/1/13, same placement since 1/9/15: no), K (1/5/12, with the
        // same carers since 1/2/13 through an L change: yes). 1 of 2.
        { ReturnMeasureIds.LongTermStability, 50, 1, 2 },
        { ReturnMeasureIds.OwnChildrensHomes, 1, null, null },
        { ReturnMeasureIds.KinshipFosterCare, 1, null, null },
        { ReturnMeasureIds.InHouseFosterCare, 1, null, null },
        { ReturnMeasureIds.AgencyFosterCare, 0, null, null },
        { ReturnMeasureIds.PlacedForAdoptionAtEnd, 0, null, null },
        { ReturnMeasureIds.Adopted, 2, null, null },
        { ReturnMeasureIds.AdoptedShareOfCeased, 100, 2, 2 },
        // C moved in with the adopters (her foster carers, via L then U) on 1/3/13, the day she entered care: 0 days.
        // D entered care 1/2/14, moved to adopters (T) 1/5/15: 365 + 28 + 31 + 30 = 454 days. Mean (0 + 454) / 2.
        { ReturnMeasureIds.AdoptionDaysEntryToMoveIn, 227, 454, 2 },
        // Within 426 days: C only.
        { ReturnMeasureIds.AdoptionWithinThreshold, 50, 1, 2 },
        // Adoption placements starting in the year: D on 1/5/15, 454 days after entering care.
        { ReturnMeasureIds.ChildrenPlacedForAdoption, 1, null, null },
        { ReturnMeasureIds.AdoptionDaysEntryToPlacement, 454, 454, 1 },
        // Birthdays in the year at 19-21, not died or returned home: F (19), G (21), H (20); I died, J is 18.
        { ReturnMeasureIds.CareLeavers, 3, null, null },
        // Accommodation known (H's R2 = residence not known is left out): F U1 suitable, G 0 not. 1 of 2.
        { ReturnMeasureIds.CareLeaversSuitableAccommodation, 50, 1, 2 },
        // EET: F (F5). 1 of 3.
        { ReturnMeasureIds.CareLeaversInEet, 100.0 / 3, 1, 3 },
        { ReturnMeasureIds.CareLeaversInTouch, 100.0 / 3, 1, 3 },
        // Looked after continuously since 1/4/15 or earlier at 31/3/16: A, K. Their 2016 OC2 rows (HEALTH_ASSESSMENT):
        { ReturnMeasureIds.HealthChecks, 100, 2, 2 },
        { ReturnMeasureIds.Immunisations, 50, 1, 2 },
        { ReturnMeasureIds.DentalChecks, 50, 1, 2 },
        // SDQ: A 12 (aged 10), K 20 (aged 8): (12 + 20) / 2.
        { ReturnMeasureIds.AverageSdq, 16, 32, 2 },
        // Looked after at some time in the year (not V3): A, B, C, D, K = 5. Missing: A. Away: K (30/3/15 to 2/4/15
        // runs into the year). D's spell ended before the year.
        { ReturnMeasureIds.Missing, 20, 1, 5 },
        { ReturnMeasureIds.Away, 20, 1, 5 },
        // Missing spells starting in the year: A's two (E's, on short breaks only, is left out as in cla-missing).
        { ReturnMeasureIds.MissingIncidents, 2, null, null },
    };

    [Theory]
    [MemberData(nameof(FinancialYearFigures))]
    public void Derive_FinancialYear_MatchesHandWorkedFigures(string measureId, double? value, double? numerator, double? denominator)
    {
        var o = Derive(ReportingWindow.FinancialYear(2015))[measureId];

        Assert.Equal(value!.Value, o.Value!.Value, 6);
        Assert.Equal(numerator, o.Numerator);
        Assert.Equal(denominator, o.Denominator);
        Assert.Equal("2015/16", o.Period.Label);
    }

    public static TheoryData<string, double> RollingYearFigures => new()
    {
        // Twelve months to 31/12/15. Open on 31/12/15: A, B (U1), K, D (A6). C ceased 30/11/15.
        { ReturnMeasureIds.LookedAfterAtEnd, 4 },
        { ReturnMeasureIds.PlacedForAdoptionAtEnd, 1 },
        { ReturnMeasureIds.KinshipFosterCare, 1 },
        // Ceased 1/1/15-31/12/15: C only (D's adoption is in January 2016).
        { ReturnMeasureIds.CeasedToBeLookedAfter, 1 },
        { ReturnMeasureIds.Adopted, 1 },
        { ReturnMeasureIds.AdoptionDaysEntryToMoveIn, 0 },
        { ReturnMeasureIds.StartedToBeLookedAfter, 1 },
        // Missing spells starting 1/1/15-31/12/15: D's (1/3/15) and A's two; not E's (short breaks only).
        { ReturnMeasureIds.MissingIncidents, 3 },
    };

    [Theory]
    [MemberData(nameof(RollingYearFigures))]
    public void Derive_RollingYearToDecember_MatchesHandWorkedFigures(string measureId, double value)
    {
        var all = Derive(ReportingWindow.RollingYearTo(2015, 3));

        Assert.Equal(value, all[measureId].Value!.Value, 6);
        Assert.Equal("2015/16 Q3", all[measureId].Period.Label);
    }

    [Fact]
    public void Derive_RollingYear_LeavesOutTheHealthCohortDefinedOnlyAt31March()
    {
        var all = Derive(ReportingWindow.RollingYearTo(2015, 3));

        Assert.False(all.ContainsKey(ReturnMeasureIds.HealthChecks));
        Assert.False(all.ContainsKey(ReturnMeasureIds.AverageSdq));
    }

    [Fact]
    public void Derive_NoPopulation_LeavesOutRates()
    {
        var all = LookedAfterMeasures.Derive(Council, ReportingWindow.FinancialYear(2015), new ReturnOptions());

        Assert.DoesNotContain(all, o => o.MeasureId == ReturnMeasureIds.LookedAfterRate);
    }

    [Fact]
    public void Derive_EmptyCohort_NoValueRatherThanZero()
    {
        var all = LookedAfterMeasures.Derive(Council, ReportingWindow.FinancialYear(2005), new ReturnOptions()).ToDictionary(o => o.MeasureId);

        Assert.Null(all[ReturnMeasureIds.ThreeOrMorePlacements].Value);
        Assert.Null(all[ReturnMeasureIds.ThreeOrMorePlacements].Denominator);
        Assert.Equal(0, all[ReturnMeasureIds.LookedAfterAtEnd].Value);
    }

    [Theory]
    [InlineData("U4", "PR1", PlacementGroup.InHouseFosterCare)]
    [InlineData("U6", "PR4", PlacementGroup.AgencyFosterCare)]
    [InlineData("U5", "PR5", PlacementGroup.AgencyFosterCare)]
    [InlineData("U2", "PR1", PlacementGroup.KinshipFosterCare)]
    [InlineData("K2", "PR1", PlacementGroup.OwnChildrensHome)]
    [InlineData("K2", "PR4", PlacementGroup.IndependentChildrensHome)]
    [InlineData("H5", "PR4", PlacementGroup.SupportedLodgings)]
    [InlineData("A3", "PR1", PlacementGroup.PlacedForAdoption)]
    [InlineData("P1", "PR0", PlacementGroup.PlacedWithParents)]
    [InlineData("R1", "PR3", PlacementGroup.Other)]
    public void Classify_PlaceAndProvider_SeedReportGroup(string place, string provider, PlacementGroup expected) =>
        Assert.Equal(expected, LookedAfterMeasures.Classify(place, provider));

    [Theory]
    [InlineData(2005, 6, 1, 2016, 3, 31, 10)]
    [InlineData(2005, 6, 1, 2016, 6, 1, 11)]
    [InlineData(2004, 2, 29, 2016, 2, 28, 11)]
    [InlineData(2004, 2, 29, 2016, 2, 29, 12)]
    public void AgeOn_Birthdays_FullYears(int by, int bm, int bd, int y, int m, int d, int expected) =>
        Assert.Equal(expected, LookedAfterMeasures.AgeOn(new DateOnly(by, bm, bd), new DateOnly(y, m, d)));

    [Fact]
    public void Episode_WithCodes_RoundTripsThroughItsCompactForm()
    {
        var e = E(3, D(2015, 1, 1), null, "T", "E1", "A6", "PR1", null) with { End = D(2015, 2, 1), ReasonCeased = "E11" };

        Assert.Equal(("T", "E1", "A6", "PR1", "E11"), (e.ReasonNewEpisode, e.LegalStatus, e.Place, e.Provider, e.ReasonCeased));
        Assert.Equal(D(2015, 2, 1), e.End);
        Assert.False(e.IsOpenOn(D(2015, 2, 1)));
        Assert.True(e.IsOpenOn(D(2015, 1, 31)));
    }
}
