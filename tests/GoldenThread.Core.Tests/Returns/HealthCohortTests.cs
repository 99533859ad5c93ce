using GoldenThread.Core.Returns;

namespace GoldenThread.Core.Tests.Returns;

/// <summary>
/// The OC2 cohort (looked after at 31 March continuously for 12 months): health assessments count HEALTH_ASSESSMENT, not
/// HEALTH_CHECK, which DfE's guide and 903 rules 545 to 547 make the health promotion item of children under 5, blank from
/// age 5; the average SDQ covers ages 5 to 16 at 31 March, the band DfE publishes (LAIT Emotional_LAC, from DfE's
/// "Children looked after in England including adoptions"). Window 2015/16; ages at 31/3/16 worked out by hand.
/// </summary>
public sealed class HealthCohortTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static readonly LookedAfterData Cohort = new()
    {
        Children =
        [
            new("P", 1, D(2012, 6, 1)),   // 0: 3
            new("Q", 2, D(2011, 4, 1)),   // 1: 4 (5 on 1/4/16)
            new("R", 1, D(2011, 3, 31)),  // 2: 5 on the day
            new("S", 2, D(1999, 4, 1)),   // 3: 16 (17 on 1/4/16)
            new("T", 1, D(1999, 3, 31)),  // 4: 17 on the day
            new("U", 2, D(2008, 1, 1)),   // 5: 8, no OC2 row
            new("W", 1, D(2008, 1, 1)),   // 6: in care only since 1/5/15: not in the cohort
        ],
        Episodes =
        [
            new(0, D(2014, 1, 1), null, "S", "C2", "U4", "PR1", null),
            new(1, D(2014, 1, 1), null, "S", "C2", "U4", "PR1", null),
            new(2, D(2014, 1, 1), null, "S", "C2", "U4", "PR1", null),
            new(3, D(2014, 1, 1), null, "S", "C2", "U4", "PR1", null),
            new(4, D(2014, 1, 1), null, "S", "C2", "U4", "PR1", null),
            new(5, D(2014, 1, 1), null, "S", "C2", "U4", "PR1", null),
            new(6, D(2015, 5, 1), null, "S", "C2", "U4", "PR1", null),
        ],
        Health =
        [
            // Child, year, SDQ, convicted, HEALTH_CHECK, HEALTH_ASSESSMENT, immunisations, teeth, substance misuse.
            new(0, 2016, null, null, true, false, true, true, false),
            new(1, 2016, 30, null, true, true, true, true, false),
            new(2, 2016, 10, null, null, true, true, true, false),
            new(3, 2016, 20, false, null, true, true, true, false),
            new(4, 2016, 25, false, null, false, true, true, false),
            new(6, 2016, 2, null, null, true, true, true, false),
        ],
    };

    public static TheoryData<string, double, double, double> Figures => new()
    {
        // Cohort P, Q, R, S, T, U = 6. HEALTH_ASSESSMENT = 1: Q, R, S = 3 (HEALTH_CHECK would have given P, Q = 2).
        { ReturnMeasureIds.HealthChecks, 50, 3, 6 },
        // Immunisations and teeth: all but U (no OC2 row: not had it) = 5 of 6.
        { ReturnMeasureIds.Immunisations, 500.0 / 6, 5, 6 },
        { ReturnMeasureIds.DentalChecks, 500.0 / 6, 5, 6 },
        // Aged 5 to 16 with a score: R 10, S 20 = 30 / 2 = 15 (Q, aged 4, and T, 17, are outside the band; 4 to 16 would give 20).
        { ReturnMeasureIds.AverageSdq, 15, 30, 2 },
    };

    [Theory]
    [MemberData(nameof(Figures))]
    public void Derive_TwelveMonthCohort_HealthAssessmentAndSdqBand(string measureId, double value, double numerator, double denominator)
    {
        var o = LookedAfterMeasures.Derive(Cohort, ReportingWindow.FinancialYear(2015), new ReturnOptions()).Single(x => x.MeasureId == measureId);

        Assert.Equal(value, o.Value!.Value, 9);
        Assert.Equal((numerator, denominator), (o.Numerator!.Value, o.Denominator!.Value));
    }

    [Fact]
    public void Catalogue_AverageSdq_DefinitionStatesTheAgeBand()
    {
        var m = ReturnMeasureCatalogue.All.Single(x => x.Id == ReturnMeasureIds.AverageSdq);

        Assert.Contains("aged 5 to 16", m.Title);
        Assert.Contains("aged 5 to 16", m.Definition);
    }
}
