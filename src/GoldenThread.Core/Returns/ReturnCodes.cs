namespace GoldenThread.Core.Returns;

/// <summary>
/// The SSDA903 and CIN census code lists, as DfE's guides and validation rules for each collection year define them
/// (docs/returns.md cites each change). The static lists are the union over the years GoldenThread knows, which records
/// store positions in; <see cref="In"/> gives one collection year's lists, which the readers check against, so a code
/// from another year is refused with a message naming the year.
/// </summary>
/// <remarks>
/// Years are named by the calendar year of the collection's 31 March (2016 for the 2015/16 return). The years known are
/// those whose code lists could be confirmed: 2015/16 (the oldest layout in Social Finance's published 903 schemas) to
/// 2026/27 (the newest ruleset in DfE's validator as Data to Insight implements it). Every one of them lies within the
/// years whose bank holidays <see cref="BankHolidays"/> knows, so working days can be counted in any of them.
/// </remarks>
public static class ReturnCodes
{
    /// <summary>The oldest collection year known: 2015/16.</summary>
    public const int FirstCollectionYear = 2016;

    /// <summary>The newest collection year known: 2026/27.</summary>
    public const int LastCollectionYear = 2027;

    /// <summary>The first collection year in which the 903 Header and the CIN census record sex as M, F or U (2024/25).</summary>
    public const int FirstYearOfSexLetters = 2025;

    public static bool IsKnownYear(int collectionYear) => collectionYear is >= FirstCollectionYear and <= LastCollectionYear;

    /// <summary>"2015/16" for 2016, as councils name a return.</summary>
    public static string YearLabel(int collectionYear) => $"{collectionYear - 1}/{collectionYear % 100:00}";

    /// <summary>The years known, for messages: "2016 (2015/16) to 2027 (2026/27)".</summary>
    public static string KnownYears => $"{FirstCollectionYear} ({YearLabel(FirstCollectionYear)}) to {LastCollectionYear} ({YearLabel(LastCollectionYear)})";

    /// <summary>SEX (Header, UASC): 1 male, 2 female up to 2023/24; M, F, U (unknown) from 2024/25 (903 rules 101 and 232 of 2024/25).</summary>
    public static readonly CodeList Sex = new("sex", "1", "2", "M", "F", "U");

    public static readonly CodeList Ethnicity = new("ethnic origin",
        "WBRI", "WIRI", "WOTH", "WIRT", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN", "ABAN", "AOTH",
        "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT");

    /// <summary>RNE. S started; L legal status change only; P placement and carer change only; T legal status and placement
    /// and carer change; U legal status and placement change, same carer; B placement change, same carer.</summary>
    public static readonly CodeList ReasonNewEpisode = new("reason for new episode", "S", "L", "P", "T", "U", "B");

    public static readonly CodeList LegalStatus = new("legal status",
        "C1", "C2", "D1", "E1", "V2", "V3", "V4", "L1", "L2", "L3", "J1", "J2", "J3");

    public static readonly CodeList CategoryOfNeed = new("category of need", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8");

    /// <summary>PLACE. K3 (supported accommodation) from 2024/25; H5, P2 and Z1 up to 2024/25; Z11–Z14 from 2025/26 (903 rule 146 by year).</summary>
    public static readonly CodeList Placement = new("placement type",
        "A3", "A4", "A5", "A6", "H5", "K1", "K2", "K3", "P1", "P2", "P3", "R1", "R2", "R3", "R5", "S1",
        "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z1", "Z11", "Z12", "Z13", "Z14");

    /// <summary>PR0 parents; PR1 own provision; PR2 other LA; PR3 other public; PR4 private; PR5 voluntary or third sector.</summary>
    public static readonly CodeList PlacementProvider = new("placement provider", "PR0", "PR1", "PR2", "PR3", "PR4", "PR5");

    /// <summary>REC. E43 and E44 (special guardianship) up to 2017/18, replaced by E45–E48 from 2018/19 (903 rule 149).</summary>
    public static readonly CodeList ReasonEpisodeCeased = new("reason episode ceased",
        "X1", "E11", "E12", "E13", "E14", "E15", "E16", "E17", "E2", "E3", "E41", "E43", "E44", "E45", "E46", "E47", "E48",
        "E4A", "E4B", "E5", "E6", "E7", "E8", "E9");

    public static readonly CodeList ReasonPlaceChange = new("reason for placement change",
        "CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO", "CHILD", "LAREQ", "PLACE", "CUSTOD", "OTHER");

    public static readonly CodeList ReviewParticipation = new("review participation",
        "PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7");

    public static readonly CodeList YesNo = new("flag", "0", "1");

    public static readonly CodeList SdqReason = new("SDQ reason", "SDQ1", "SDQ2", "SDQ3", "SDQ4", "SDQ5");

    public static readonly CodeList InTouch = new("in touch", "YES", "NO", "DIED", "REFU", "NREQ", "RHOM");

    /// <summary>F full-time, P part-time: 1 higher education, 2 other education, 4 training, 5 employment; G4–G6 NEET; 0 not known.</summary>
    public static readonly CodeList Activity = new("care leaver activity",
        "F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6", "0");

    /// <summary>A letter for the kind of accommodation and 1 (suitable) or 2 (not suitable); 0 not known. S (no fixed abode)
    /// and X (custody) can be suitable (S1, X1) only up to 2021/22 (903 rule 133 from 2022/23).</summary>
    public static readonly CodeList Accommodation = new("care leaver accommodation",
        "B1", "B2", "C1", "C2", "D1", "D2", "E1", "E2", "G1", "G2", "H1", "H2", "K1", "K2", "R1", "R2", "S1", "S2",
        "T1", "T2", "U1", "U2", "V1", "V2", "W1", "W2", "X1", "X2", "Y1", "Y2", "Z1", "Z2", "0");

    public static readonly CodeList MissingType = new("missing type", "M", "A");

    public static readonly CodeList AdoptionDecisionCeased = new("reason adoption decision ceased", "RD1", "RD2", "RD3", "RD4");

    public static readonly CodeList PreviousPermanenceOrder = new("previous permanence", "P1", "P2", "P3", "P4", "Z1");

    public static readonly CodeList AdopterSex = new("sex of adopters", "M1", "F1", "MM", "FF", "MF");

    public static readonly CodeList AdopterLegalStatus = new("legal status of adopters", "L0", "L11", "L12", "L2", "L3", "L4");

    // ---- CIN census ----

    public static readonly CodeList ReferralSource = new("referral source",
        "1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E", "3F", "4", "5A", "5B", "5C", "6", "7", "8", "9", "10");

    public static readonly CodeList PrimaryNeed = new("primary need", "N0", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9");

    public static readonly CodeList ReasonForClosure = new("reason for closure",
        "RC1", "RC2", "RC3", "RC4", "RC5", "RC6", "RC7", "RC8", "RC9");

    public static readonly CodeList CategoryOfAbuse = new("category of abuse", "NEG", "PHY", "SAB", "EMO", "MUL");

    /// <summary>CIN census GenderCurrent: 0 not known, 1 male, 2 female, 9 not specified; up to 2023/24 (CIN rule 4180).</summary>
    public static readonly CodeList Gender = new("gender", "0", "1", "2", "9");

    /// <summary>CIN census Sex, which replaces GenderCurrent from 2024/25: M, F, U (CIN rule 4180 of 2024/25).</summary>
    public static readonly CodeList CinSex = new("sex", "M", "F", "U");

    public static readonly CodeList Boolean = new("true or false", "true", "false", "1", "0");

    private const int Newest = int.MaxValue;

    private static CodeYears UpTo(int last) => new(int.MinValue, last);

    private static CodeYears From(int first) => new(first, Newest);

    /// <summary>Codes valid only in some years, by union list; every other code is valid in every year known.</summary>
    private static readonly Dictionary<CodeList, Dictionary<string, CodeYears>> Limits = new()
    {
        // 903 rule 101: "1", "2" (2022/23 ruleset); "M", "F", "U" (2024/25 ruleset, "reported sex"; rule 232 queries U).
        [Sex] = new() { ["1"] = UpTo(2024), ["2"] = UpTo(2024), ["M"] = From(2025), ["F"] = From(2025), ["U"] = From(2025) },
        // Rule 149 was amended for 2018/19 (DfE, validation checks 2018 to 2019, v1.2); the 2016 and 2017 schemas hold
        // E43 and E44 and not E45–E48; rule 149 of 2022/23 holds E45–E48 and not E43 or E44.
        [ReasonEpisodeCeased] = new()
        {
            ["E43"] = UpTo(2018), ["E44"] = UpTo(2018),
            ["E45"] = From(2019), ["E46"] = From(2019), ["E47"] = From(2019), ["E48"] = From(2019),
        },
        // Rule 146: 2024/25 adds K3; 2025/26 drops H5, P2 and Z1 and adds Z11–Z14 (rule 503D maps last year's H5 to K3).
        [Placement] = new()
        {
            ["K3"] = From(2025), ["H5"] = UpTo(2025), ["P2"] = UpTo(2025), ["Z1"] = UpTo(2025),
            ["Z11"] = From(2026), ["Z12"] = From(2026), ["Z13"] = From(2026), ["Z14"] = From(2026),
        },
        // Rule 133 of 2022/23 lists S2 and X2 but not S1 or X1; the 2016 and 2017 schemas list both.
        [Accommodation] = new() { ["S1"] = UpTo(2022), ["X1"] = UpTo(2022) },
        // CIN rule 4180: GenderCurrent 0, 1, 2, 9 (2022/23 ruleset); Sex M, F, U (2024/25 ruleset).
        [Gender] = new() { ["0"] = UpTo(2024), ["1"] = UpTo(2024), ["2"] = UpTo(2024), ["9"] = UpTo(2024) },
        [CinSex] = new() { ["M"] = From(2025), ["F"] = From(2025), ["U"] = From(2025) },
    };

    private static readonly ReturnCodeSet?[] ByYear = new ReturnCodeSet?[LastCollectionYear - FirstCollectionYear + 1];

    /// <summary>The years <paramref name="code"/> of the union list <paramref name="list"/> is valid in, clipped to the years known.</summary>
    public static CodeYears? YearsValid(CodeList list, string code)
    {
        if (!list.Union.Contains(code))
        {
            return null;
        }

        var years = Limits.TryGetValue(list.Union, out var limited) && limited.TryGetValue(code, out var y) ? y : new CodeYears(int.MinValue, Newest);
        return new CodeYears(Math.Max(years.First, FirstCollectionYear), Math.Min(years.Last, LastCollectionYear));
    }

    /// <summary>"valid up to the 2017/18 return", "valid from the 2018/19 census", for messages.</summary>
    public static string Describe(CodeYears years, string collection = "return") => (years.First <= FirstCollectionYear, years.Last >= LastCollectionYear) switch
    {
        (true, true) => $"valid in every {collection}",
        (true, false) => $"valid up to the {YearLabel(years.Last)} {collection}",
        (false, true) => $"valid from the {YearLabel(years.First)} {collection}",
        _ => $"valid in the {YearLabel(years.First)} to {YearLabel(years.Last)} {collection}s",
    };

    /// <summary>The code lists of one collection year. Throws for a year not known: readers check <see cref="IsKnownYear"/> first.</summary>
    public static ReturnCodeSet In(int collectionYear)
    {
        if (!IsKnownYear(collectionYear))
        {
            throw new ArgumentOutOfRangeException(nameof(collectionYear), collectionYear, $"Code lists are known for the collection years {KnownYears}.");
        }

        ref var slot = ref ByYear[collectionYear - FirstCollectionYear];
        return slot ??= new ReturnCodeSet(collectionYear);
    }

    internal static CodeList ForYear(CodeList union, int collectionYear) =>
        union.ForYear(collectionYear, code => YearsValid(union, code) is { } y && collectionYear >= y.First && collectionYear <= y.Last);
}

/// <summary>Every code list of one collection year (<see cref="ReturnCodes.In"/>): what a reader of that year's files checks against.</summary>
public sealed class ReturnCodeSet
{
    internal ReturnCodeSet(int collectionYear)
    {
        CollectionYear = collectionYear;
        CodeList Y(CodeList union) => ReturnCodes.ForYear(union, collectionYear);
        Sex = Y(ReturnCodes.Sex);
        Ethnicity = Y(ReturnCodes.Ethnicity);
        ReasonNewEpisode = Y(ReturnCodes.ReasonNewEpisode);
        LegalStatus = Y(ReturnCodes.LegalStatus);
        CategoryOfNeed = Y(ReturnCodes.CategoryOfNeed);
        Placement = Y(ReturnCodes.Placement);
        PlacementProvider = Y(ReturnCodes.PlacementProvider);
        ReasonEpisodeCeased = Y(ReturnCodes.ReasonEpisodeCeased);
        ReasonPlaceChange = Y(ReturnCodes.ReasonPlaceChange);
        ReviewParticipation = Y(ReturnCodes.ReviewParticipation);
        YesNo = Y(ReturnCodes.YesNo);
        SdqReason = Y(ReturnCodes.SdqReason);
        InTouch = Y(ReturnCodes.InTouch);
        Activity = Y(ReturnCodes.Activity);
        Accommodation = Y(ReturnCodes.Accommodation);
        MissingType = Y(ReturnCodes.MissingType);
        AdoptionDecisionCeased = Y(ReturnCodes.AdoptionDecisionCeased);
        PreviousPermanenceOrder = Y(ReturnCodes.PreviousPermanenceOrder);
        AdopterSex = Y(ReturnCodes.AdopterSex);
        AdopterLegalStatus = Y(ReturnCodes.AdopterLegalStatus);
        ReferralSource = Y(ReturnCodes.ReferralSource);
        PrimaryNeed = Y(ReturnCodes.PrimaryNeed);
        ReasonForClosure = Y(ReturnCodes.ReasonForClosure);
        CategoryOfAbuse = Y(ReturnCodes.CategoryOfAbuse);
        Boolean = Y(ReturnCodes.Boolean);
        var letters = collectionYear >= ReturnCodes.FirstYearOfSexLetters;
        ChildSexElement = letters ? "Sex" : "GenderCurrent";
        RetiredChildSexElement = letters ? "GenderCurrent" : "Sex";
        ChildSex = Y(letters ? ReturnCodes.CinSex : ReturnCodes.Gender);
    }

    public int CollectionYear { get; }

    public CodeList Sex { get; }
    public CodeList Ethnicity { get; }
    public CodeList ReasonNewEpisode { get; }
    public CodeList LegalStatus { get; }
    public CodeList CategoryOfNeed { get; }
    public CodeList Placement { get; }
    public CodeList PlacementProvider { get; }
    public CodeList ReasonEpisodeCeased { get; }
    public CodeList ReasonPlaceChange { get; }
    public CodeList ReviewParticipation { get; }
    public CodeList YesNo { get; }
    public CodeList SdqReason { get; }
    public CodeList InTouch { get; }
    public CodeList Activity { get; }
    public CodeList Accommodation { get; }
    public CodeList MissingType { get; }
    public CodeList AdoptionDecisionCeased { get; }
    public CodeList PreviousPermanenceOrder { get; }
    public CodeList AdopterSex { get; }
    public CodeList AdopterLegalStatus { get; }
    public CodeList ReferralSource { get; }
    public CodeList PrimaryNeed { get; }
    public CodeList ReasonForClosure { get; }
    public CodeList CategoryOfAbuse { get; }
    public CodeList Boolean { get; }

    /// <summary>The CIN census element holding the child's sex this year: GenderCurrent up to 2023/24, Sex from 2024/25.</summary>
    public string ChildSexElement { get; }

    /// <summary>The other element, which this year's census does not have.</summary>
    public string RetiredChildSexElement { get; }

    /// <summary>The codes of <see cref="ChildSexElement"/>.</summary>
    public CodeList ChildSex { get; }
}
