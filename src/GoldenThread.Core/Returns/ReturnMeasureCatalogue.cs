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
public static class ReturnMeasureCatalogue
{
    private static Measure M(string id, string title, MeasureUnit unit, Polarity polarity, string? lait, int dp = 1, Frequency f = Frequency.RollingTwelveMonths) =>
        new() { Id = id, Title = title, Unit = unit, Polarity = polarity, LaitCode = lait, DecimalPlaces = dp, Frequency = f, Source = "SSDA903 / CIN census, derived by GoldenThread" };

    private static readonly MeasureUnit Pct = MeasureUnit.Percentage;
    private static readonly MeasureUnit N = MeasureUnit.Count;
    private static readonly MeasureUnit Per10k = MeasureUnit.RatePer(10000);

    public static IReadOnlyList<Measure> All { get; } =
    [
        M(ReturnMeasureIds.LookedAfterAtEnd, "Children looked after at the period end", N, Polarity.NoJudgement, "LACnum", 0, Frequency.Snapshot),
        M(ReturnMeasureIds.LookedAfterRate, "Children looked after per 10,000 children aged under 18", Per10k, Polarity.NoJudgement, "LAC", 0, Frequency.Snapshot),
        M(ReturnMeasureIds.StartedToBeLookedAfter, "Children who started to be looked after", N, Polarity.NoJudgement, "LACnum_Start", 0),
        M(ReturnMeasureIds.CeasedToBeLookedAfter, "Children who ceased to be looked after", N, Polarity.NoJudgement, "LACceased", 0),
        M(ReturnMeasureIds.ThreeOrMorePlacements, "Children looked after with three or more placements in the year (%)", Pct, Polarity.LowerIsBetter, "LACStable_2016on"),
        M(ReturnMeasureIds.LongTermStability, "Long-term placement stability (%)", Pct, Polarity.HigherIsBetter, "LAC_LongStable%"),
        M(ReturnMeasureIds.InHouseFosterCare, "Children placed with in-house foster carers", N, Polarity.NoJudgement, null, 0, Frequency.Snapshot),
        M(ReturnMeasureIds.KinshipFosterCare, "Children placed with kinship (connected) carers", N, Polarity.NoJudgement, null, 0, Frequency.Snapshot),
        M(ReturnMeasureIds.AgencyFosterCare, "Children placed with independent fostering agencies", N, Polarity.NoJudgement, null, 0, Frequency.Snapshot),
        M(ReturnMeasureIds.OwnChildrensHomes, "Children living in the council's own children's homes", N, Polarity.NoJudgement, null, 0, Frequency.Snapshot),
        M(ReturnMeasureIds.IndependentChildrensHomes, "Children living in independent children's homes", N, Polarity.NoJudgement, null, 0, Frequency.Snapshot),
        M(ReturnMeasureIds.SupportedLodgings, "Young people in semi-independent living or supported lodgings", N, Polarity.NoJudgement, null, 0, Frequency.Snapshot),
        M(ReturnMeasureIds.PlacedForAdoptionAtEnd, "Children in adoption placements", N, Polarity.NoJudgement, null, 0, Frequency.Snapshot),
        M(ReturnMeasureIds.PlacedWithParents, "Children placed with parents", N, Polarity.NoJudgement, null, 0, Frequency.Snapshot),
        M(ReturnMeasureIds.OtherPlacements, "Children in other placements", N, Polarity.NoJudgement, null, 0, Frequency.Snapshot),
        M(ReturnMeasureIds.Adopted, "Children adopted from care", N, Polarity.NoJudgement, "No_of LAC Adopted", 0),
        M(ReturnMeasureIds.AdoptedShareOfCeased, "Children ceasing to be looked after who were adopted (%)", Pct, Polarity.HigherIsBetter, "%_of LAC Adopted"),
        M(ReturnMeasureIds.AdoptionDaysEntryToMoveIn, "Average days between entering care and moving in with the adoptive family", MeasureUnit.Days, Polarity.LowerIsBetter, null, 0),
        M(ReturnMeasureIds.AdoptionWithinThreshold, "Adopted children who moved in with their adoptive family within the threshold (%)", Pct, Polarity.HigherIsBetter, null),
        M(ReturnMeasureIds.ChildrenPlacedForAdoption, "Children placed for adoption", N, Polarity.NoJudgement, null, 0),
        M(ReturnMeasureIds.AdoptionDaysEntryToPlacement, "Average days between entering care and being placed for adoption", MeasureUnit.Days, Polarity.LowerIsBetter, null, 0),
        M(ReturnMeasureIds.CareLeavers, "Care leavers aged 19 to 21", N, Polarity.NoJudgement, "NoCareLeavers", 0),
        M(ReturnMeasureIds.CareLeaversSuitableAccommodation, "Care leavers aged 19 to 21 in suitable accommodation (%)", Pct, Polarity.HigherIsBetter, "CareLeaverAcc"),
        M(ReturnMeasureIds.CareLeaversInEet, "Care leavers aged 19 to 21 in education, employment or training (%)", Pct, Polarity.HigherIsBetter, "CareLeaverEET"),
        M(ReturnMeasureIds.CareLeaversInTouch, "Care leavers aged 19 to 21 the council is in touch with (%)", Pct, Polarity.HigherIsBetter, null),
        M(ReturnMeasureIds.HealthChecks, "Children looked after 12 months with health assessments up to date (%)", Pct, Polarity.HigherIsBetter, "LACHealth%", 1, Frequency.FinancialYear),
        M(ReturnMeasureIds.Immunisations, "Children looked after 12 months with immunisations up to date (%)", Pct, Polarity.HigherIsBetter, "LACVaccinations%", 1, Frequency.FinancialYear),
        M(ReturnMeasureIds.DentalChecks, "Children looked after 12 months with dental checks (%)", Pct, Polarity.HigherIsBetter, "LACDental%", 1, Frequency.FinancialYear),
        M(ReturnMeasureIds.AverageSdq, "Average SDQ score of children looked after 12 months, aged 4 to 16", MeasureUnit.Score, Polarity.LowerIsBetter, "Emotional_LAC", 1, Frequency.FinancialYear),
        M(ReturnMeasureIds.Missing, "Children looked after who went missing (%)", Pct, Polarity.NoJudgement, "Children_missing"),
        M(ReturnMeasureIds.Away, "Children looked after who were away from placement without authorisation (%)", Pct, Polarity.NoJudgement, "Children_Away"),
        M(ReturnMeasureIds.MissingIncidents, "Missing incidents of children looked after", N, Polarity.NoJudgement, null, 0),
        M(ReturnMeasureIds.Referrals, "Referrals to children's social care", N, Polarity.NoJudgement, "CPP_Total_NumRef", 0),
        M(ReturnMeasureIds.ReferralRate, "Referrals per 10,000 children", Per10k, Polarity.NoJudgement, "CPP_Total_Rateper10,000", 0),
        M(ReturnMeasureIds.ReReferrals, "Re-referrals within 12 months of a previous referral (%)", Pct, Polarity.LowerIsBetter, "ReReferral"),
        M(ReturnMeasureIds.AssessmentsIn45Days, "Assessments completed within 45 working days (%)", Pct, Polarity.HigherIsBetter, "Continue_Assess_Comp"),
        M(ReturnMeasureIds.Section47s, "Section 47 enquiries started", N, Polarity.NoJudgement, null, 0),
        M(ReturnMeasureIds.ConferencesIn15Days, "Initial child protection conferences within 15 working days of the section 47 (%)", Pct, Polarity.HigherIsBetter, "CP_conf_15days"),
        M(ReturnMeasureIds.PlansAtEnd, "Children subject of a child protection plan at the period end", N, Polarity.NoJudgement, "CPP_Num", 0, Frequency.Snapshot),
        M(ReturnMeasureIds.PlanRate, "Children subject of a child protection plan per 10,000 children", Per10k, Polarity.NoJudgement, "CPP_rate", 1, Frequency.Snapshot),
        M(ReturnMeasureIds.PlansStarted, "Child protection plans started", N, Polarity.NoJudgement, "CPP_Abuse", 0),
        M(ReturnMeasureIds.SecondOrSubsequentPlans, "Child protection plans started that were a second or subsequent plan (%)", Pct, Polarity.LowerIsBetter, "PrevRegCPR"),
        M(ReturnMeasureIds.PlansTwoYearsOpen, "Child protection plans open at the period end that had lasted 2 years or more (%)", Pct, Polarity.LowerIsBetter, "CPPlans2yrsActive"),
        M(ReturnMeasureIds.PlansTwoYearsCeased, "Child protection plans ceasing that had lasted 2 years or more (%)", Pct, Polarity.LowerIsBetter, "CPPlans2yrs"),
        M(ReturnMeasureIds.PlansReviewedInTime, "Child protection plans reviewed within timescales (%)", Pct, Polarity.HigherIsBetter, "RevCP"),
    ];
}
