namespace GoldenThread.Core.Returns;

/// <summary>One child in the SSDA903 Header table. Children are referred to elsewhere by their index in <see cref="LookedAfterData.Children"/>.</summary>
/// <param name="Id">The council's own child identifier (CHILD).</param>
/// <param name="Sex">1 male, 2 female, 0 unknown (SEX: 1 or 2 up to 2023/24; M, F or U from 2024/25).</param>
/// <param name="Birth">Date of birth (DOB).</param>
public readonly record struct LookedAfterChild(string Id, byte Sex, DateOnly Birth);

/// <summary>One SSDA903 episode: a span of care with one legal status and one placement.</summary>
/// <remarks>
/// Codes are the 903 codes as written. <see cref="End"/> is the day the episode ceased (DEC); null while it is open. The
/// episode covers the days <see cref="Start"/> to the day before <see cref="End"/>: a child whose episode ceased on
/// 31 March is not looked after at 31 March. A national 903 has a million episodes, so the struct keeps each code as a
/// byte position in its <see cref="CodeList"/> and the end as a day number: 20 bytes an episode.
/// </remarks>
public readonly record struct Episode
{
    private const int Open = -1;
    private readonly int _endDay;
    private readonly byte _rne, _legalStatus, _place, _provider, _reasonCeased, _reasonPlaceChange;

    public Episode(int child, DateOnly start, DateOnly? end, string reasonNewEpisode, string legalStatus, string place,
        string? provider, string? reasonCeased, string? reasonPlaceChange = null)
    {
        Child = child;
        Start = start;
        _endDay = end?.DayNumber ?? Open;
        _rne = ReturnCodes.ReasonNewEpisode.IndexOf(reasonNewEpisode);
        _legalStatus = ReturnCodes.LegalStatus.IndexOf(legalStatus);
        _place = ReturnCodes.Placement.IndexOf(place);
        _provider = ReturnCodes.PlacementProvider.IndexOf(provider);
        _reasonCeased = ReturnCodes.ReasonEpisodeCeased.IndexOf(reasonCeased);
        _reasonPlaceChange = ReturnCodes.ReasonPlaceChange.IndexOf(reasonPlaceChange);
    }

    public int Child { get; init; }

    public DateOnly Start { get; init; }

    public DateOnly? End
    {
        get => _endDay == Open ? null : DateOnly.FromDayNumber(_endDay);
        init => _endDay = value?.DayNumber ?? Open;
    }

    /// <summary>RNE.</summary>
    public string ReasonNewEpisode { get => ReturnCodes.ReasonNewEpisode.At(_rne)!; init => _rne = ReturnCodes.ReasonNewEpisode.IndexOf(value); }

    /// <summary>LS.</summary>
    public string LegalStatus { get => ReturnCodes.LegalStatus.At(_legalStatus)!; init => _legalStatus = ReturnCodes.LegalStatus.IndexOf(value); }

    /// <summary>PLACE.</summary>
    public string Place { get => ReturnCodes.Placement.At(_place)!; init => _place = ReturnCodes.Placement.IndexOf(value); }

    /// <summary>PLACE_PROVIDER.</summary>
    public string? Provider { get => ReturnCodes.PlacementProvider.At(_provider); init => _provider = ReturnCodes.PlacementProvider.IndexOf(value); }

    /// <summary>REC.</summary>
    public string? ReasonCeased { get => ReturnCodes.ReasonEpisodeCeased.At(_reasonCeased); init => _reasonCeased = ReturnCodes.ReasonEpisodeCeased.IndexOf(value); }

    /// <summary>REASON_PLACE_CHANGE.</summary>
    public string? ReasonPlaceChange { get => ReturnCodes.ReasonPlaceChange.At(_reasonPlaceChange); init => _reasonPlaceChange = ReturnCodes.ReasonPlaceChange.IndexOf(value); }

    /// <summary>Whether the child is in this episode on <paramref name="day"/> (open at the end of that day).</summary>
    public bool IsOpenOn(DateOnly day) => Start <= day && (_endDay == Open || _endDay > day.DayNumber);

    /// <summary>Whether any day of the episode falls within <paramref name="first"/>..<paramref name="last"/>.</summary>
    public bool Overlaps(DateOnly first, DateOnly last) => Start <= last && (_endDay == Open || _endDay > first.DayNumber);

    /// <summary>Respite: an agreed series of short-term placements (V3, V4), which DfE leaves out of almost every figure.</summary>
    public bool IsShortTermBreak => LegalStatus is "V3" or "V4";
}

/// <summary>OC2: outcomes for a child looked after continuously for 12 months at 31 March of <see cref="CollectionYear"/>.</summary>
/// <param name="CollectionYear">The calendar year in which the collection's 31 March falls (2016 for 2015/16).</param>
/// <param name="HealthCheck">HEALTH_CHECK: health promotion (development checks) of a child under 5; blank from age 5 (903 rules 545, 546).</param>
/// <param name="HealthAssessment">HEALTH_ASSESSMENT: the annual health assessment was up to date (two for an under-5): what DfE's health figure counts.</param>
public readonly record struct HealthOutcome(
    int Child,
    int CollectionYear,
    int? SdqScore,
    bool? Convicted,
    bool? HealthCheck,
    bool? HealthAssessment,
    bool? Immunisations,
    bool? TeethCheck,
    bool? SubstanceMisuse);

/// <summary>OC3: a care leaver's activity and accommodation around their birthday in the collection year.</summary>
public readonly record struct CareLeaverOutcome(int Child, int CollectionYear, string InTouch, string Activity, string Accommodation);

/// <summary>A Missing-table row: an episode of going missing (M) or away without authorisation (A).</summary>
public readonly record struct MissingEpisode(int Child, bool IsMissing, DateOnly Start, DateOnly? End);

/// <summary>A looked-after-child review (Reviews table).</summary>
public readonly record struct LookedAfterReview(int Child, DateOnly Date, string ParticipationCode);

/// <summary>A decision that the child should be placed for adoption (PlacedAdoption table).</summary>
public readonly record struct AdoptionDecision(int Child, DateOnly Decided, DateOnly? Ceased, string? ReasonCeased);

/// <summary>AD1: an adoption, with the dates of the decision and the match.</summary>
public readonly record struct AdoptionRecord(int Child, DateOnly DecisionDate, DateOnly MatchDate, bool ByFosterCarer, int NumberOfAdopters);

/// <summary>UASC table: the date a child ceased to be an unaccompanied asylum-seeking child (null when still one).</summary>
public readonly record struct AsylumStatus(int Child, DateOnly? Ceased);

/// <summary>PrevPerm: the permanence order the child had before entering care.</summary>
public readonly record struct PreviousPermanence(int Child, string Order, DateOnly? Date);

/// <summary>
/// Several years of SSDA903 returns merged into one history: every array is de-duplicated, and
/// <see cref="Episodes"/> is sorted by child then start with no overlaps (see docs/returns.md for the rules).
/// </summary>
public sealed class LookedAfterData
{
    public required IReadOnlyList<LookedAfterChild> Children { get; init; }

    /// <summary>Sorted by child index, then start; episodes of one child do not overlap.</summary>
    public required Episode[] Episodes { get; init; }

    public HealthOutcome[] Health { get; init; } = [];

    public CareLeaverOutcome[] CareLeavers { get; init; } = [];

    public MissingEpisode[] Missing { get; init; } = [];

    public LookedAfterReview[] Reviews { get; init; } = [];

    public AdoptionDecision[] AdoptionDecisions { get; init; } = [];

    public AdoptionRecord[] Adoptions { get; init; } = [];

    public AsylumStatus[] Asylum { get; init; } = [];

    public PreviousPermanence[] PreviousPermanence { get; init; } = [];

    /// <summary>The collection years whose returns were read (Header and Episodes); <see cref="ReturnCoverage.Complete"/> for data built by hand.</summary>
    public ReturnCoverage Coverage { get; init; } = ReturnCoverage.Complete;

    /// <summary>The collection years that had an OC2 table (the 12-month cohort's outcomes).</summary>
    public ReturnCoverage HealthCoverage { get; init; } = ReturnCoverage.Complete;

    /// <summary>The collection years that had an OC3 table (care leavers).</summary>
    public ReturnCoverage CareLeaverCoverage { get; init; } = ReturnCoverage.Complete;

    /// <summary>Index of each child's first episode in <see cref="Episodes"/> and one past its last.</summary>
    public (int First, int End) EpisodeRange(int child)
    {
        _ranges ??= BuildRanges();
        return _ranges[child];
    }

    private (int, int)[]? _ranges;

    private (int, int)[] BuildRanges()
    {
        var ranges = new (int, int)[Children.Count];
        var i = 0;
        while (i < Episodes.Length)
        {
            var child = Episodes[i].Child;
            var j = i;
            while (j < Episodes.Length && Episodes[j].Child == child)
            {
                j++;
            }

            ranges[child] = (i, j);
            i = j;
        }

        return ranges;
    }
}
