namespace GoldenThread.Data.Returns.Synthetic;

/// <summary>What kind of looked-after child the simulation makes: each has its own path through care.</summary>
internal enum ChildKind
{
    /// <summary>Looked after under a care order, a placement order or section 20.</summary>
    Regular,

    /// <summary>An unaccompanied asylum-seeking child: section 20, no home postcode, UASC table until 18.</summary>
    Uasc,

    /// <summary>A disabled child whose only care is an agreed series of short breaks (legal status V3).</summary>
    ShortBreaks,
}

/// <summary>Where a child lives during an episode: placement type, provider, the carer's or home's postcode and URN.</summary>
/// <param name="Carer">Identifies the carer or home: a change of placement type with the same carer keeps it (RNE T or U).</param>
/// <param name="Urn">The Ofsted unique reference number of the provider, or null when the placement has none.</param>
/// <param name="UrnOnceRegistered">For supported accommodation (H5) before Ofsted registration began on 28 October
/// 2023: the URN the provider has from that day.</param>
internal sealed record Placement(string Place, string? Provider, string? Urn, PostcodePoint? Post, int Carer, string? UrnOnceRegistered = null)
{
    public bool IsTemporary => Place[0] == 'T';

    public bool IsFoster => Place[0] == 'U';

    public bool IsAdoption => Place[0] == 'A';
}

/// <summary>One period of care: contiguous episodes from a start (RNE S) to leaving care.</summary>
internal sealed class SimPeriod
{
    public DateOnly Start;
    public DateOnly? End;

    /// <summary>The reason the period ended (the last episode's REC), or null while it is open.</summary>
    public string? Exit;

    /// <summary>The child's home postcode when the period began; null for an unaccompanied asylum-seeking child.</summary>
    public PostcodePoint? Home;

    public string CategoryOfNeed = "N1";
    public bool ShortBreak;

    /// <summary>PrevPerm: the permanence order (P1 adoption, P2 special guardianship, P3 residence or child arrangements)
    /// that ended before this period, or Z1.</summary>
    public string PreviousPermanence = "Z1";

    public int? PreviousPermanenceLa;
    public DateOnly? PreviousPermanenceDate;
}

/// <summary>One SSDA903 episode as the child lived it (written, cut at each collection year's end, by the writer).</summary>
internal sealed class SimEpisode
{
    public required SimPeriod Period;
    public DateOnly Start;
    public DateOnly? End;
    public string Rne = "S";
    public string LegalStatus = "C2";
    public required Placement Placement;
    public string? Rec;
    public string? ReasonChange;
}

/// <summary>A spell missing (M) or away without authorisation (A), always within one collection year and one period of care.</summary>
internal readonly record struct MissingSpell(bool Missing, DateOnly Start, DateOnly End);

/// <summary>The adoption path of a child: the decision that the child should be placed, and what followed.</summary>
internal sealed class AdoptionStory
{
    public DateOnly Decided;
    public DateOnly? Matched;
    public DateOnly? Placed;
    public DateOnly? Adopted;
    public DateOnly? Reversed;
    public string? ReversedWhy;
    public bool ByFosterCarers;
    public int Adopters = 2;
    public string AdopterSex = "MF";
    public string AdopterLegalStatus = "L11";
}

/// <summary>The care-leaver (OC3) information for one birthday, 17th to 21st.</summary>
internal readonly record struct LeaverRow(DateOnly Birthday, string InTouch, string Activity, string Accommodation);

/// <summary>A simulated looked-after child: everything the writer needs for every year's tables.</summary>
internal sealed class SimChild
{
    public required string Id;
    public bool Male;
    public DateOnly Birth;
    public required string Ethnic;
    public ChildKind Kind;
    public bool Disabled;
    public List<SimPeriod> Periods = [];
    public List<SimEpisode> Episodes = [];
    public List<MissingSpell> Missing = [];
    public List<DateOnly> Reviews = [];
    public AdoptionStory? Adoption;

    /// <summary>For a girl who became a mother while looked after: her first child's date of birth.</summary>
    public DateOnly? FirstChildBorn;

    /// <summary>The child's UPN once a school has allocated one (from <see cref="SchoolFrom"/>); UN1 before.</summary>
    public required string UpnCode;

    public DateOnly SchoolFrom;
    public int SdqBase;
    public List<LeaverRow> Leaver = [];

    public DateOnly Eighteen => Birth.AddYears(18);
}
