namespace GoldenThread.Core.Returns;

/// <summary>
/// A closed list of codes for one field of a return. Looking a code up returns the list's own string instance, so
/// records hold shared strings rather than a copy per row (a national 903 has a million episodes and ~30 distinct codes).
/// </summary>
public sealed class CodeList
{
    private readonly Dictionary<string, string> _codes;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private readonly string[] _byIndex;
    private readonly Dictionary<string, byte> _positions;

    public CodeList(string name, params string[] codes)
    {
        Name = name;
        _byIndex = ["", .. codes];
        _positions = codes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => (byte)(x.i + 1), StringComparer.Ordinal);
        _codes = codes.ToDictionary(c => c, c => c, StringComparer.Ordinal);
        _lookup = _codes.GetAlternateLookup<ReadOnlySpan<char>>();
        Allowed = string.Join(", ", codes);
    }

    /// <summary>What the field holds, for messages ("legal status").</summary>
    public string Name { get; }

    /// <summary>The allowed codes, comma-separated, for messages.</summary>
    public string Allowed { get; }

    public IEnumerable<string> Codes => _codes.Keys;

    /// <summary>The shared instance of <paramref name="code"/>, or null when it is not in the list.</summary>
    public string? Find(ReadOnlySpan<char> code) => _lookup.TryGetValue(code, out _, out var value) ? value : null;

    public bool Contains(string code) => _codes.ContainsKey(code);

    /// <summary>1-based position of <paramref name="code"/>, 0 for null: records store a byte instead of a reference.</summary>
    public byte IndexOf(string? code)
    {
        if (code is null)
        {
            return 0;
        }

        return _positions.TryGetValue(code, out var i) ? i : throw new ArgumentException($"'{code}' is not a {Name} code: expected one of {Allowed}", nameof(code));
    }

    /// <summary>The code at a position from <see cref="IndexOf"/>; null for 0.</summary>
    public string? At(byte index) => index == 0 ? null : _byIndex[index];
}

/// <summary>
/// The SSDA903 and CIN census code lists, as DfE's guides for the collections define them (docs/returns.md cites them).
/// Lists are the union over the years supported (2014/15 on), so older files with retired codes still read.
/// </summary>
public static class ReturnCodes
{
    /// <summary>SEX: 1 male, 2 female up to 2023/24; M, F, U (unknown) from 2024/25 (DfE 903 guide 2024 to 2025, rule 101).</summary>
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

    public static readonly CodeList Placement = new("placement type",
        "A3", "A4", "A5", "A6", "H5", "K1", "K2", "P1", "P2", "P3", "R1", "R2", "R3", "R5", "S1",
        "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z1");

    /// <summary>PR0 parents; PR1 own provision; PR2 other LA; PR3 other public; PR4 private; PR5 voluntary or third sector.</summary>
    public static readonly CodeList PlacementProvider = new("placement provider", "PR0", "PR1", "PR2", "PR3", "PR4", "PR5");

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

    /// <summary>A letter for the kind of accommodation and 1 (suitable) or 2 (not suitable); 0 not known.</summary>
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

    public static readonly CodeList Gender = new("gender", "0", "1", "2", "9");

    public static readonly CodeList Boolean = new("true or false", "true", "false", "1", "0");
}
