using GoldenThread.Core.Measures;

namespace GoldenThread.Core.Returns;

/// <summary>The ids of the measures derived from the 903 and the CIN census (docs/returns.md defines each).</summary>
public static class ReturnMeasureIds
{
    public const string LookedAfterAtEnd = "cla-at-end";
    public const string LookedAfterRate = "cla-rate-per-10000";
    public const string StartedToBeLookedAfter = "cla-started";
    public const string CeasedToBeLookedAfter = "cla-ceased";
    public const string ThreeOrMorePlacements = "cla-3plus-placements";
    public const string LongTermStability = "cla-long-term-stability";
    public const string InHouseFosterCare = "cla-placed-in-house-foster";
    public const string KinshipFosterCare = "cla-placed-kinship-connected";
    public const string AgencyFosterCare = "cla-placed-ifa";
    public const string OwnChildrensHomes = "cla-placed-own-homes";
    public const string IndependentChildrensHomes = "cla-placed-independent-homes";
    public const string SupportedLodgings = "cla-placed-supported-lodgings";
    public const string PlacedForAdoptionAtEnd = "cla-placed-for-adoption";
    public const string PlacedWithParents = "cla-placed-with-parents";
    public const string OtherPlacements = "cla-placed-other";
    public const string Adopted = "cla-adopted";
    public const string AdoptedShareOfCeased = "cla-adopted-share-of-ceased";
    public const string AdoptionDaysEntryToMoveIn = "adoption-days-entry-to-move-in";
    public const string AdoptionWithinThreshold = "adoption-within-threshold";
    public const string ChildrenPlacedForAdoption = "adoption-children-placed";
    public const string AdoptionDaysEntryToPlacement = "adoption-days-entry-to-placement";
    public const string CareLeavers = "care-leavers-19-21";
    public const string CareLeaversSuitableAccommodation = "care-leavers-suitable-accommodation";
    public const string CareLeaversInEet = "care-leavers-eet";
    public const string CareLeaversInTouch = "care-leavers-in-touch";
    public const string HealthChecks = "cla-health-checks";
    public const string Immunisations = "cla-immunisations";
    public const string DentalChecks = "cla-dental-checks";
    public const string AverageSdq = "cla-average-sdq";
    public const string Missing = "cla-missing";
    public const string Away = "cla-away";
    public const string MissingIncidents = "cla-missing-incidents";
    public const string Referrals = "cin-referrals";
    public const string ReferralRate = "cin-referrals-rate-per-10000";
    public const string ReReferrals = "cin-re-referrals-12m";
    public const string AssessmentsIn45Days = "cin-assessments-45-working-days";
    public const string Section47s = "cin-section-47s";
    public const string ConferencesIn15Days = "cp-conferences-15-working-days";
    public const string PlansAtEnd = "cp-plans-at-end";
    public const string PlanRate = "cp-plans-rate-per-10000";
    public const string PlansStarted = "cp-plans-started";
    public const string SecondOrSubsequentPlans = "cp-second-or-subsequent";
    public const string PlansTwoYearsOpen = "cp-2-years-open-at-end";
    public const string PlansTwoYearsCeased = "cp-2-years-ceased";
    public const string PlansReviewedInTime = "cp-reviewed-in-time";
}

/// <summary>The measures derived from the returns, ready for a plan to reference by id.</summary>
/// <remarks>
/// Each definition says what is counted, including every choice made where DfE's sources leave room (docs/returns.md
/// gives the sources); a plan measure naming the figure with <c>return:</c> shows this definition unless it writes its own.
/// </remarks>
public static class ReturnMeasureCatalogue
{
    private static Measure M(string id, string title, MeasureUnit unit, Polarity polarity, string? lait, string definition, int dp = 1, Frequency f = Frequency.RollingTwelveMonths) =>
        new() { Id = id, Title = title, Unit = unit, Polarity = polarity, LaitCode = lait, DecimalPlaces = dp, Frequency = f, Definition = definition, Source = "SSDA903 / CIN census, derived by GoldenThread" };

    private static readonly MeasureUnit Pct = MeasureUnit.Percentage;
    private static readonly MeasureUnit N = MeasureUnit.Count;
    private static readonly MeasureUnit Per10k = MeasureUnit.RatePer(10000);

    private const string ShortBreaks = " Children whose only care is an agreed series of short breaks (V3, V4) are left out.";
    private const string LookBack = " Not computable for a window the files do not reach back far enough for.";

    public static IReadOnlyList<Measure> All { get; } =
    [
        M(ReturnMeasureIds.LookedAfterAtEnd, "Children looked after at the period end", N, Polarity.NoJudgement, "LACnum",
            "Children with an episode open at the end of the period's last day." + ShortBreaks, 0, Frequency.Snapshot),
        M(ReturnMeasureIds.LookedAfterRate, "Children looked after per 10,000 children aged under 18", Per10k, Polarity.NoJudgement, "LAC",
            "Children looked after at the period end per 10,000 children aged 0 to 17 (the population given).", 0, Frequency.Snapshot),
        M(ReturnMeasureIds.StartedToBeLookedAfter, "Children who started to be looked after", N, Polarity.NoJudgement, "LACnum_Start",
            "Children with an episode starting a period of care (RNE S) in the window, each child once." + ShortBreaks, 0),
        M(ReturnMeasureIds.CeasedToBeLookedAfter, "Children who ceased to be looked after", N, Polarity.NoJudgement, "LACceased",
            "Children whose care ended in the window (a reason other than X1), each child once, on the last occasion." + ShortBreaks, 0),
        M(ReturnMeasureIds.ThreeOrMorePlacements, "Children looked after with three or more placements in the year (%)", Pct, Polarity.LowerIsBetter, "LACStable_2016on",
            "Of children looked after at the period end, those with three or more placements in the window, counting the placement open on its first day. " +
            "Not placement changes: a change of legal status only (L), a move with the same carers (U, B, including being placed for adoption with the foster carers), " +
            "temporary placements (T0 to T4) and the return to the usual placement after one (RNE P to the same placement type; postcodes are not read)." + ShortBreaks),
        M(ReturnMeasureIds.LongTermStability, "Long-term placement stability (%)", Pct, Polarity.HigherIsBetter, "LAC_LongStable%",
            "Of children under 16 looked after at the period end for at least 2½ years, those in the same placement for at least 2 years, or placed for adoption " +
            "with the adoptive and previous placements together lasting 2 years; a temporary absence and return does not end a placement." + LookBack),
        M(ReturnMeasureIds.InHouseFosterCare, "Children placed with in-house foster carers", N, Polarity.NoJudgement, null,
            "Children looked after at the period end placed with foster carers (U4 to U6) other than through a private or voluntary provider.", 0, Frequency.Snapshot),
        M(ReturnMeasureIds.KinshipFosterCare, "Children placed with kinship (connected) carers", N, Polarity.NoJudgement, null,
            "Children looked after at the period end placed with relatives or friends (U1 to U3).", 0, Frequency.Snapshot),
        M(ReturnMeasureIds.AgencyFosterCare, "Children placed with independent fostering agencies", N, Polarity.NoJudgement, null,
            "Children looked after at the period end placed with foster carers (U4 to U6) through a private or voluntary provider (PR4, PR5).", 0, Frequency.Snapshot),
        M(ReturnMeasureIds.OwnChildrensHomes, "Children living in the council's own children's homes", N, Polarity.NoJudgement, null,
            "Children looked after at the period end in children's homes (K2) the council provides (PR1).", 0, Frequency.Snapshot),
        M(ReturnMeasureIds.IndependentChildrensHomes, "Children living in independent children's homes", N, Polarity.NoJudgement, null,
            "Children looked after at the period end in children's homes (K2) from a private or voluntary provider (PR4, PR5).", 0, Frequency.Snapshot),
        M(ReturnMeasureIds.SupportedLodgings, "Young people in semi-independent living or supported lodgings", N, Polarity.NoJudgement, null,
            "Children looked after at the period end in semi-independent living (H5) or supported accommodation (K3, from 2024/25).", 0, Frequency.Snapshot),
        M(ReturnMeasureIds.PlacedForAdoptionAtEnd, "Children in adoption placements", N, Polarity.NoJudgement, null,
            "Children looked after at the period end placed for adoption (A3 to A6).", 0, Frequency.Snapshot),
        M(ReturnMeasureIds.PlacedWithParents, "Children placed with parents", N, Polarity.NoJudgement, null,
            "Children looked after at the period end placed with parents (P1).", 0, Frequency.Snapshot),
        M(ReturnMeasureIds.OtherPlacements, "Children in other placements", N, Polarity.NoJudgement, null,
            "Children looked after at the period end in any other placement.", 0, Frequency.Snapshot),
        M(ReturnMeasureIds.Adopted, "Children adopted from care", N, Polarity.NoJudgement, "No_of LAC Adopted",
            "Children whose last ending in the window was an adoption (E11, E12).", 0),
        M(ReturnMeasureIds.AdoptedShareOfCeased, "Children ceasing to be looked after who were adopted (%)", Pct, Polarity.HigherIsBetter, "%_of LAC Adopted",
            "Children adopted as a share of children who ceased to be looked after in the window."),
        M(ReturnMeasureIds.AdoptionDaysEntryToMoveIn, "Average days between entering care and moving in with the adoptive family", MeasureUnit.Days, Polarity.LowerIsBetter, null,
            "For children adopted in the window, the mean days from entering care (the start of the period of care) to moving in with the adopters." +
            " Not computable when a child's entry to care is older than the files.", 0),
        M(ReturnMeasureIds.AdoptionWithinThreshold, "Adopted children who moved in with their adoptive family within the threshold (%)", Pct, Polarity.HigherIsBetter, null,
            "Of children adopted in the window, those who moved in with the adopters within 426 days (14 months) of entering care." +
            " Not computable when a child's entry to care is older than the files."),
        M(ReturnMeasureIds.ChildrenPlacedForAdoption, "Children placed for adoption", N, Polarity.NoJudgement, null,
            "Adoption placements (A3 to A6) starting in the window, not continuing an earlier adoption placement.", 0),
        M(ReturnMeasureIds.AdoptionDaysEntryToPlacement, "Average days between entering care and being placed for adoption", MeasureUnit.Days, Polarity.LowerIsBetter, null,
            "For adoption placements starting in the window, the mean days from entering care to the placement." +
            " Not computable when a child's entry to care is older than the files.", 0),
        M(ReturnMeasureIds.CareLeavers, "Care leavers aged 19 to 21", N, Polarity.NoJudgement, "NoCareLeavers",
            "Care leavers whose 19th, 20th or 21st birthday falls in the window, leaving out those who died or returned home to parents for 6 months or more.", 0),
        M(ReturnMeasureIds.CareLeaversSuitableAccommodation, "Care leavers aged 19 to 21 in suitable accommodation (%)", Pct, Polarity.HigherIsBetter, "CareLeaverAcc",
            "Of care leavers aged 19 to 21 whose accommodation is known (not gone abroad, deported or residence not known), those in suitable accommodation."),
        M(ReturnMeasureIds.CareLeaversInEet, "Care leavers aged 19 to 21 in education, employment or training (%)", Pct, Polarity.HigherIsBetter, "CareLeaverEET",
            "Of care leavers aged 19 to 21, those in higher or other education, training or employment, full or part time."),
        M(ReturnMeasureIds.CareLeaversInTouch, "Care leavers aged 19 to 21 the council is in touch with (%)", Pct, Polarity.HigherIsBetter, null,
            "Of care leavers aged 19 to 21, those the council is in touch with (IN_TOUCH = YES)."),
        M(ReturnMeasureIds.HealthChecks, "Children looked after 12 months with health assessments up to date (%)", Pct, Polarity.HigherIsBetter, "LACHealth%",
            "Of children looked after at 31 March continuously for 12 months, those whose annual health assessment was up to date (OC2 HEALTH_ASSESSMENT, " +
            "not HEALTH_CHECK, which is the under-5s' health promotion item); a child without an OC2 row counts as not assessed.", 1, Frequency.FinancialYear),
        M(ReturnMeasureIds.Immunisations, "Children looked after 12 months with immunisations up to date (%)", Pct, Polarity.HigherIsBetter, "LACVaccinations%",
            "Of children looked after at 31 March continuously for 12 months, those whose immunisations were up to date.", 1, Frequency.FinancialYear),
        M(ReturnMeasureIds.DentalChecks, "Children looked after 12 months with dental checks (%)", Pct, Polarity.HigherIsBetter, "LACDental%",
            "Of children looked after at 31 March continuously for 12 months, those who had their teeth checked by a dentist.", 1, Frequency.FinancialYear),
        M(ReturnMeasureIds.AverageSdq, "Average SDQ score of children looked after 12 months, aged 5 to 16", MeasureUnit.Score, Polarity.LowerIsBetter, "Emotional_LAC",
            "Mean SDQ score (0 to 40) of children looked after at 31 March continuously for 12 months and aged 5 to 16 then, with a score: the age band DfE publishes " +
            "(the return asks for scores from age 4).", 1, Frequency.FinancialYear),
        M(ReturnMeasureIds.Missing, "Children looked after who went missing (%)", Pct, Polarity.NoJudgement, "Children_missing",
            "Of children looked after at any time in the window, those with a missing spell in it, including spells open at its start." + ShortBreaks),
        M(ReturnMeasureIds.Away, "Children looked after who were away from placement without authorisation (%)", Pct, Polarity.NoJudgement, "Children_Away",
            "Of children looked after at any time in the window, those away from placement without authorisation in it, including spells open at its start." + ShortBreaks),
        M(ReturnMeasureIds.MissingIncidents, "Missing incidents of children looked after", N, Polarity.NoJudgement, null,
            "Missing spells starting in the window of children looked after in it." + ShortBreaks, 0),
        M(ReturnMeasureIds.Referrals, "Referrals to children's social care", N, Polarity.NoJudgement, "CPP_Total_NumRef",
            "Referrals with a referral date in the window, each counted, including those with no further action.", 0),
        M(ReturnMeasureIds.ReferralRate, "Referrals per 10,000 children", Per10k, Polarity.NoJudgement, "CPP_Total_Rateper10,000",
            "Referrals in the window per 10,000 children aged 0 to 17 (the population given).", 0),
        M(ReturnMeasureIds.ReReferrals, "Re-referrals within 12 months of a previous referral (%)", Pct, Polarity.LowerIsBetter, "ReReferral",
            "Of referrals in the window, those within 12 months of the same child's previous referral." + LookBack),
        M(ReturnMeasureIds.AssessmentsIn45Days, "Assessments completed within 45 working days (%)", Pct, Polarity.HigherIsBetter, "Continue_Assess_Comp",
            "Of assessments authorised in the window, those authorised within 45 working days of starting (days after the start up to the authorisation, " +
            "leaving out weekends and England and Wales bank holidays)."),
        M(ReturnMeasureIds.Section47s, "Section 47 enquiries started", N, Polarity.NoJudgement, null,
            "Section 47 enquiries starting in the window.", 0),
        M(ReturnMeasureIds.ConferencesIn15Days, "Initial child protection conferences within 15 working days of the section 47 (%)", Pct, Polarity.HigherIsBetter, "CP_conf_15days",
            "Of initial child protection conferences held in the window, those within 15 working days of the section 47 enquiry starting."),
        M(ReturnMeasureIds.PlansAtEnd, "Children subject of a child protection plan at the period end", N, Polarity.NoJudgement, "CPP_Num",
            "Children with a plan open at the end of the period's last day.", 0, Frequency.Snapshot),
        M(ReturnMeasureIds.PlanRate, "Children subject of a child protection plan per 10,000 children", Per10k, Polarity.NoJudgement, "CPP_rate",
            "Children on a plan at the period end per 10,000 children aged 0 to 17 (the population given).", 1, Frequency.Snapshot),
        M(ReturnMeasureIds.PlansStarted, "Child protection plans started", N, Polarity.NoJudgement, "CPP_Abuse",
            "Plans starting in the window.", 0),
        M(ReturnMeasureIds.SecondOrSubsequentPlans, "Child protection plans started that were a second or subsequent plan (%)", Pct, Polarity.LowerIsBetter, "PrevRegCPR",
            "Of plans starting in the window, those for a child who had a plan before, however long ago."),
        M(ReturnMeasureIds.PlansTwoYearsOpen, "Child protection plans open at the period end that had lasted 2 years or more (%)", Pct, Polarity.LowerIsBetter, "CPPlans2yrsActive",
            "Of plans open at the period end, those open more than 729 days counting the first and last day."),
        M(ReturnMeasureIds.PlansTwoYearsCeased, "Child protection plans ceasing that had lasted 2 years or more (%)", Pct, Polarity.LowerIsBetter, "CPPlans2yrs",
            "Of plans ending in the window, those that lasted more than 729 days counting both ends."),
        M(ReturnMeasureIds.PlansReviewedInTime, "Child protection plans reviewed within timescales (%)", Pct, Polarity.HigherIsBetter, "RevCP",
            "Of plans open at the period end that had reached three months (start plus three calendar months on or before the last day), those whose first review " +
            "came within three months of the start and each later one within six months of the one before. A review on its due date is in time; a review due " +
            "on or before the period's last day and not held by then is overdue." + LookBack),
    ];
}
