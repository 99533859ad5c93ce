using System.Globalization;
using System.Text;
using System.Xml;

namespace GoldenThread.Data.Returns.Synthetic;

/// <summary>What <see cref="SyntheticReturns.Write"/> wrote.</summary>
public sealed record SyntheticSummary(int LookedAfterChildren, int EpisodeRows, int CinChildren, int ReferralRecords, int FirstCollectionYear, int LastCollectionYear, long Bytes);

/// <summary>
/// Writes realistic, internally consistent synthetic SSDA903 and CIN census returns for a made-up council: no real
/// child is in them. The same arguments always give the same files (one <see cref="Random"/> seeded once).
/// </summary>
/// <remarks>
/// Layout: <c>folder/ssda903/&lt;year&gt;/&lt;table&gt;.csv</c> and <c>folder/cin/&lt;year&gt;/cin.xml</c> (or <c>cin.csv</c>
/// in the flattened layout), year being the calendar year of each collection's 31 March. As in real returns, an episode
/// open at a year's end appears again, finished, in the next year's file; the readers' merge rules put it back together.
/// </remarks>
public static class SyntheticReturns
{
    /// <summary>The collection year the newest files are for (2024/25).</summary>
    public const int DefaultLastCollectionYear = 2025;

    public static SyntheticSummary Write(string folder, int children, int years, int seed) =>
        Write(folder, children, years, seed, DefaultLastCollectionYear, cinAsCsv: false);

    /// <param name="folder">Created if missing; existing files of the same names are replaced.</param>
    /// <param name="children">Children looked after at some time in the years written (the CIN census gets twice as many).</param>
    /// <param name="years">Collection years, ending with <paramref name="lastCollectionYear"/>.</param>
    public static SyntheticSummary Write(string folder, int children, int years, int seed, int lastCollectionYear, bool cinAsCsv)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(children, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(years, 1);
        var firstYear = lastCollectionYear - years + 1;
        var random = new Random(seed);
        var lac = new LookedAfterSimulation(random, firstYear, lastCollectionYear);
        var population = Enumerable.Range(0, children).Select(lac.Child).ToList();
        var cin = new CinSimulation(random, firstYear, lastCollectionYear);
        var cinChildren = Enumerable.Range(0, children * 2).Select(cin.Child).ToList();

        long bytes = 0;
        var episodeRows = 0;
        for (var year = firstYear; year <= lastCollectionYear; year++)
        {
            var dir = Path.Combine(folder, "ssda903", year.ToString(CultureInfo.InvariantCulture));
            Directory.CreateDirectory(dir);
            var (rows, written) = lac.WriteYear(dir, population, year);
            episodeRows += rows;
            bytes += written;

            var cinDir = Path.Combine(folder, "cin", year.ToString(CultureInfo.InvariantCulture));
            Directory.CreateDirectory(cinDir);
            bytes += cinAsCsv
                ? cin.WriteCsv(Path.Combine(cinDir, "cin.csv"), cinChildren, year)
                : cin.WriteXml(Path.Combine(cinDir, "cin.xml"), cinChildren, year);
        }

        return new SyntheticSummary(children, episodeRows, cinChildren.Count, cinChildren.Sum(c => c.Referrals.Count), firstYear, lastCollectionYear, bytes);
    }

    internal static string D(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    internal static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static T Pick<T>(this Random r, params (T Value, int Weight)[] choices)
    {
        var total = choices.Sum(c => c.Weight);
        var x = r.Next(total);
        foreach (var (value, weight) in choices)
        {
            if (x < weight)
            {
                return value;
            }

            x -= weight;
        }

        return choices[^1].Value;
    }

    internal static DateOnly Between(this Random r, DateOnly first, DateOnly last) =>
        last <= first ? first : first.AddDays(r.Next(last.DayNumber - first.DayNumber + 1));

    internal static StreamWriter Create(string path) => new(path, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
}

internal sealed class SimEpisode
{
    public DateOnly Start;
    public DateOnly? End;
    public string Rne = "S";
    public string LegalStatus = "C2";
    public string Cin = "N1";
    public string Place = "U4";
    public string Provider = "PR1";
    public string? Rec;
    public string? ReasonChange;
}

internal sealed class SimChild
{
    public required string Id;
    public byte Sex;
    public DateOnly Birth;
    public required string Ethnic;
    public List<SimEpisode> Episodes = [];
    public List<(bool Missing, DateOnly Start, DateOnly? End)> MissingSpells = [];
    public DateOnly? LeftCareAtEighteen;
    public bool Uasc;
    public DateOnly? AdoptionDecision;
    public DateOnly? AdoptionPlacement;
    public bool AdoptedByFosterCarer;
    public int SdqBase;
}

internal sealed class LookedAfterSimulation(Random r, int firstYear, int lastYear)
{
    private static readonly string[] Ethnicities = ["WBRI", "WBRI", "WBRI", "WBRI", "WBRI", "WBRI", "WOTH", "MWBC", "MOTH", "AIND", "APKN", "BAFR", "BCRB", "OOTH", "NOBT"];
    private readonly DateOnly _first = new(firstYear - 1, 4, 1);
    private readonly DateOnly _last = new(lastYear, 3, 31);

    public SimChild Child(int k)
    {
        var c = new SimChild { Id = "C" + k.ToString("D7", CultureInfo.InvariantCulture), Ethnic = Ethnicities[r.Next(Ethnicities.Length)], Sex = (byte)(1 + r.Next(2)), SdqBase = r.Next(4, 26) };
        var careStart = r.Between(_first.AddYears(-5), _last.AddDays(-30));
        var ageAtStart = r.Pick((0, 20), (1, 8), (3, 8), (6, 12), (10, 20), (14, 22), (16, 10));
        c.Birth = careStart.AddYears(-ageAtStart).AddDays(-r.Next(365));
        c.Uasc = ageAtStart >= 14 && r.Next(100) < 25;
        var periods = r.Next(100) < 15 ? 2 : 1;
        var start = careStart;
        for (var p = 0; p < periods && start <= _last; p++)
        {
            var end = Period(c, start);
            if (end is null)
            {
                break;
            }

            start = end.Value.AddDays(60 + r.Next(400));
        }

        AddMissing(c);
        return c;
    }

    /// <summary>One period of care from <paramref name="start"/>; returns the day it ended, or null if still open.</summary>
    private DateOnly? Period(SimChild c, DateOnly start)
    {
        var eighteen = c.Birth.AddYears(18);
        if (start >= eighteen.AddDays(-30))
        {
            return null;
        }

        var age = LookedAfterAge(c.Birth, start);
        var respite = r.Next(100) < 3 && age < 16;
        var adopt = !respite && age < 5 && r.Next(100) < 45;
        var durationDays = respite ? 200 + r.Next(600) : adopt ? 500 + r.Next(500) : r.Pick((40 + r.Next(150), 30), (200 + r.Next(500), 35), (700 + r.Next(3000), 35));
        var planned = start.AddDays(durationDays);
        var ends = planned <= eighteen ? planned : eighteen;
        var cin = r.Pick(("N1", 60), ("N2", 6), ("N3", 4), ("N4", 8), ("N5", 14), ("N6", 2), ("N7", 1), ("N8", 5));
        var legal = respite ? "V3" : r.Pick(("C2", 45), ("V2", 35), ("C1", 10), ("L2", 5), ("J2", 5));
        var e = NewPlacement(c, start, age, adopt: false);
        e.Rne = "S";
        e.LegalStatus = legal;
        e.Cin = cin;
        c.Episodes.Add(e);
        var adoptionPlaced = false;
        while (!adoptionPlaced)
        {
            var next = e.Start.AddDays(respite ? 400 : adopt ? 30 + r.Next(200) : r.Pick((20 + r.Next(150), 45), (150 + r.Next(400), 35), (500 + r.Next(900), 20)));
            if (adopt && !adoptionPlaced && next >= ends.AddDays(-200))
            {
                next = ends.AddDays(-(120 + r.Next(120)));
                if (next <= e.Start)
                {
                    next = e.Start.AddDays(1);
                }
            }

            if (next >= ends || respite)
            {
                break;
            }

            var prev = e;
            string rne;
            if (adopt && !adoptionPlaced && next >= ends.AddDays(-250))
            {
                adoptionPlaced = true;
                var byFoster = prev.Place is "U4" or "U5" or "U6" && r.Next(100) < 20;
                c.AdoptedByFosterCarer = byFoster;
                e = NewPlacement(c, next, LookedAfterAge(c.Birth, next), adopt: true);
                e.LegalStatus = "E1";
                rne = byFoster ? "U" : "T";
                c.AdoptionPlacement = byFoster ? PlacementStart(c) : next;
                c.AdoptionDecision = next.AddDays(-(90 + r.Next(200)));
            }
            else
            {
                rne = r.Pick(("P", 55), ("L", 25), ("T", 10), ("B", 10));
                e = rne == "L" ? Copy(prev, next) : NewPlacement(c, next, LookedAfterAge(c.Birth, next), adopt: false);
                e.LegalStatus = rne is "L" or "T" ? r.Pick(("C2", 50), ("C1", 20), ("V2", 30)) : prev.LegalStatus;
                if (rne == "B")
                {
                    e.Provider = prev.Provider;
                }

                if (rne is "P" or "T" or "B")
                {
                    e.ReasonChange = r.Pick(("CARPL", 40), ("CHILD", 15), ("LAREQ", 15), ("STAND", 10), ("OTHER", 10), ("PLACE", 10));
                }
            }

            e.Rne = rne;
            e.Cin = prev.Cin;

            prev.End = next;
            prev.Rec = "X1";
            c.Episodes.Add(e);
        }

        if (ends > _last.AddYears(2))
        {
            return null;
        }

        e.End = ends;
        if (ends == eighteen)
        {
            e.Rec = r.Pick(("E41", 30), ("E45", 20), ("E46", 15), ("E47", 20), ("E48", 15));
            c.LeftCareAtEighteen = ends;
        }
        else if (adopt && adoptionPlaced)
        {
            e.Rec = r.Pick(("E11", 60), ("E12", 40));
        }
        else
        {
            e.Rec = respite ? "E13" : r.Pick(("E13", 35), ("E4A", 20), ("E43", 10), ("E44", 5), ("E15", 10), ("E8", 10), ("E3", 5), ("E7", 5));
            if (age >= 16 && r.Next(2) == 0)
            {
                c.LeftCareAtEighteen = ends;
            }
        }

        return ends;
    }

    private DateOnly PlacementStart(SimChild c)
    {
        var i = c.Episodes.Count - 1;
        while (i > 0 && c.Episodes[i].Rne is "L" or "U" or "B" && c.Episodes[i - 1].End == c.Episodes[i].Start)
        {
            i--;
        }

        return c.Episodes[i].Start;
    }

    private static SimEpisode Copy(SimEpisode prev, DateOnly start) => new()
    {
        Start = start, Place = prev.Place, Provider = prev.Provider, Cin = prev.Cin, LegalStatus = prev.LegalStatus,
    };

    private SimEpisode NewPlacement(SimChild c, DateOnly start, int age, bool adopt)
    {
        var e = new SimEpisode { Start = start };
        if (adopt)
        {
            e.Place = r.Pick(("A5", 50), ("A6", 40), ("A3", 5), ("A4", 5));
            e.Provider = "PR1";
            return e;
        }

        e.Place = age >= 16
            ? r.Pick(("U4", 25), ("U6", 15), ("U3", 10), ("K2", 15), ("H5", 25), ("P2", 5), ("Z1", 5))
            : r.Pick(("U4", 25), ("U6", 25), ("U1", 8), ("U3", 12), ("K2", 12), ("P1", 6), ("R1", 2), ("S1", 2), ("T1", 1), ("U5", 2), ("U2", 2), ("K1", 1), ("R5", 1), ("Z1", 1));
        e.Provider = e.Place switch
        {
            "U1" or "U2" or "U3" => "PR1",
            "U4" or "U5" or "U6" => r.Next(100) < 60 ? "PR1" : r.Pick(("PR4", 80), ("PR5", 20)),
            "K2" => r.Next(100) < 20 ? "PR1" : r.Pick(("PR4", 90), ("PR5", 10)),
            "P1" => "PR0",
            "H5" or "P2" => r.Pick(("PR4", 70), ("PR1", 30)),
            "R1" or "R5" => "PR3",
            _ => "PR4",
        };
        return e;
    }

    private void AddMissing(SimChild c)
    {
        if (r.Next(100) >= 12)
        {
            return;
        }

        var spells = 1 + r.Next(4);
        for (var i = 0; i < spells; i++)
        {
            var e = c.Episodes[r.Next(c.Episodes.Count)];
            var until = e.End ?? _last;
            if (until.DayNumber - e.Start.DayNumber < 5)
            {
                continue;
            }

            var start = r.Between(e.Start, until.AddDays(-4));
            DateOnly? end = r.Next(100) < 97 ? start.AddDays(r.Next(4)) : null;
            if (c.MissingSpells.Any(s => s.Start == start))
            {
                continue;
            }

            c.MissingSpells.Add((r.Next(100) < 80, start, end));
        }
    }

    /// <summary>FNV-1a of the id and a salt: string.GetHashCode is randomised per process, this is not.</summary>
    internal static uint Stable(string id, int salt)
    {
        var h = 2166136261u;
        foreach (var ch in id)
        {
            h = (h ^ ch) * 16777619u;
        }

        return ((h ^ (uint)salt) * 16777619u) >> 3;
    }

    internal static int LookedAfterAge(DateOnly birth, DateOnly day) => GoldenThread.Core.Returns.LookedAfterMeasures.AgeOn(birth, day);

    public (int EpisodeRows, long Bytes) WriteYear(string dir, List<SimChild> children, int year)
    {
        var first = new DateOnly(year - 1, 4, 1);
        var last = new DateOnly(year, 3, 31);
        var rows = 0;
        using var header = SyntheticReturns.Create(Path.Combine(dir, "header.csv"));
        using var episodes = SyntheticReturns.Create(Path.Combine(dir, "episodes.csv"));
        using var reviews = SyntheticReturns.Create(Path.Combine(dir, "reviews.csv"));
        using var uasc = SyntheticReturns.Create(Path.Combine(dir, "uasc.csv"));
        using var oc2 = SyntheticReturns.Create(Path.Combine(dir, "oc2.csv"));
        using var oc3 = SyntheticReturns.Create(Path.Combine(dir, "oc3.csv"));
        using var ad1 = SyntheticReturns.Create(Path.Combine(dir, "ad1.csv"));
        using var placed = SyntheticReturns.Create(Path.Combine(dir, "placedadoption.csv"));
        using var prevPerm = SyntheticReturns.Create(Path.Combine(dir, "prevperm.csv"));
        using var missing = SyntheticReturns.Create(Path.Combine(dir, "missing.csv"));
        header.WriteLine("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB");
        episodes.WriteLine("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN");
        reviews.WriteLine("CHILD,DOB,REVIEW,REVIEW_CODE");
        uasc.WriteLine("CHILD,SEX,DOB,DUC");
        oc2.WriteLine("CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED");
        oc3.WriteLine("CHILD,DOB,IN_TOUCH,ACTIV,ACCOM");
        ad1.WriteLine("CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR");
        placed.WriteLine("CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED");
        prevPerm.WriteLine("CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM");
        missing.WriteLine("CHILD,DOB,MISSING,MIS_START,MIS_END");
        var line = new StringBuilder(128);
        foreach (var c in children)
        {
            var dob = SyntheticReturns.D(c.Birth);
            var inYear = c.Episodes.Where(e => e.Start <= last && (e.End is null || e.End.Value > first)).ToList();
            var leaver = CareLeaverRow(c, year);
            if (inYear.Count == 0 && leaver is null)
            {
                continue;
            }

            header.WriteLine($"{c.Id},{c.Sex},{dob},{c.Ethnic},,,");
            foreach (var e in inYear)
            {
                var ended = e.End is { } end && end <= last;
                line.Clear();
                line.Append(c.Id).Append(',').Append(SyntheticReturns.D(e.Start)).Append(',').Append(e.Rne).Append(',')
                    .Append(e.LegalStatus).Append(',').Append(e.Cin).Append(',').Append(e.Place).Append(',').Append(e.Provider).Append(',')
                    .Append(ended ? SyntheticReturns.D(e.End!.Value) : "").Append(',').Append(ended ? e.Rec : "").Append(',')
                    .Append(e.ReasonChange).Append(",,,");
                episodes.WriteLine(line);
                rows++;
                if (e.Rne == "S" && e.Start >= first && c.Episodes.IndexOf(e) == 0)
                {
                    prevPerm.WriteLine($"{c.Id},{dob},Z1,,");
                }
            }

            if (inYear.Count == 0)
            {
                oc3.WriteLine($"{c.Id},{dob},{leaver}");
                continue;
            }

            if (leaver is not null)
            {
                oc3.WriteLine($"{c.Id},{dob},{leaver}");
            }

            WriteReviews(reviews, c, dob, first, last);
            if (c.Uasc)
            {
                uasc.WriteLine($"{c.Id},{c.Sex},{dob},");
            }

            WriteOc2(oc2, c, dob, first, last);
            WriteAdoption(ad1, placed, c, dob, first, last);
            foreach (var (isMissing, start, end) in c.MissingSpells.Where(s => s.Start >= first && s.Start <= last))
            {
                var endText = end is { } e && e <= last ? SyntheticReturns.D(e) : "";
                missing.WriteLine($"{c.Id},{dob},{(isMissing ? "M" : "A")},{SyntheticReturns.D(start)},{endText}");
            }
        }

        long bytes = 0;
        foreach (var w in new[] { header, episodes, reviews, uasc, oc2, oc3, ad1, placed, prevPerm, missing })
        {
            w.Flush();
            bytes += w.BaseStream.Length;
        }

        return (rows, bytes);
    }

    private static void WriteReviews(StreamWriter w, SimChild c, string dob, DateOnly first, DateOnly last)
    {
        var careStart = c.Episodes[0].Start;
        for (var d = careStart.AddDays(20); d <= last; d = d == careStart.AddDays(20) ? careStart.AddMonths(4) : d.AddMonths(6))
        {
            if (d >= first && c.Episodes.Any(e => e.Start < d && (e.End is null || e.End.Value > d)) && !c.Episodes.Any(e => e.LegalStatus is "V3" && e.Start < d))
            {
                w.WriteLine($"{c.Id},{dob},{SyntheticReturns.D(d)},PN{1 + ((c.Id[^1] + d.Month) % 6)}");
            }
        }
    }

    private void WriteOc2(StreamWriter w, SimChild c, string dob, DateOnly first, DateOnly last)
    {
        var open = c.Episodes.FindIndex(e => e.Start <= last && (e.End is null || e.End.Value > last));
        if (open < 0 || c.Episodes[open].LegalStatus is "V3" or "V4")
        {
            return;
        }

        var i = open;
        while (i > 0 && c.Episodes[i].Rne != "S" && c.Episodes[i - 1].End == c.Episodes[i].Start)
        {
            i--;
        }

        if (c.Episodes[i].Start > first)
        {
            return;
        }

        var age = LookedAfterAge(c.Birth, last);
        var sdq = age is >= 4 and <= 16 && r.Next(100) < 80 ? Math.Clamp(c.SdqBase + r.Next(-3, 4), 0, 40).ToString(CultureInfo.InvariantCulture) : "";
        var reason = age is >= 4 and <= 16 ? (sdq.Length > 0 ? "SDQ1" : r.Pick(("SDQ2", 30), ("SDQ3", 30), ("SDQ4", 20), ("SDQ5", 20))) : "";
        var convicted = age >= 10 ? (r.Next(100) < 4 ? "1" : "0") : "";
        string Flag(int percent) => r.Next(100) < percent ? "1" : "0";
        w.WriteLine($"{c.Id},{dob},{sdq},{reason},{convicted},{Flag(90)},{Flag(85)},{Flag(84)},{Flag(90)},{(age >= 10 ? Flag(3) : "")},,");
    }

    private static void WriteAdoption(StreamWriter ad1, StreamWriter placed, SimChild c, string dob, DateOnly first, DateOnly last)
    {
        if (c.AdoptionDecision is not { } decided || decided > last)
        {
            return;
        }

        var adoption = c.Episodes[^1].End;
        if (adoption is { } a && a < first)
        {
            return;
        }

        var ceased = adoption is { } done && done <= last;
        placed.WriteLine($"{c.Id},{dob},{SyntheticReturns.D(decided)},{(ceased ? SyntheticReturns.D(adoption!.Value) : "")},{(ceased ? "RD1" : "")}");
        if (ceased)
        {
            var match = c.AdoptionPlacement!.Value.AddDays(-20) < decided ? decided : c.AdoptionPlacement!.Value.AddDays(-20);
            ad1.WriteLine($"{c.Id},{dob},{SyntheticReturns.D(decided)},{SyntheticReturns.D(match)},{(c.AdoptedByFosterCarer ? 1 : 0)},2,MF,L0");
        }
    }

    /// <summary>The OC3 row of a care leaver whose 17th to 21st birthday falls in the year, or null.</summary>
    private string? CareLeaverRow(SimChild c, int year)
    {
        if (c.LeftCareAtEighteen is not { } left)
        {
            return null;
        }

        var birthday = GoldenThread.Core.Returns.LookedAfterMeasures.BirthdayInCollectionYear(c.Birth, year);
        var age = birthday.Year - c.Birth.Year;
        if (age is < 17 or > 21 || birthday < left)
        {
            return null;
        }

        // Hash rather than draw, so a child's row does not depend on which years are written.
        var roll = (int)(Stable(c.Id, age) % 100);
        var inTouch = roll < 85 ? "YES" : roll < 92 ? "NO" : roll < 96 ? "REFU" : roll < 99 ? "NREQ" : "DIED";
        if (inTouch is "NO" or "DIED")
        {
            return $"{inTouch},0,0";
        }

        var activity = (roll * 7 % 100) switch
        {
            < 8 => "F1",
            < 25 => "F2",
            < 32 => "P2",
            < 40 => "F4",
            < 55 => "F5",
            < 60 => "P5",
            < 75 => "G5",
            < 88 => "G4",
            _ => "G6",
        };
        var kind = "BDEKTUZ"[(roll * 3) % 7];
        var suitable = roll * 13 % 100 < 88 ? '1' : '2';
        return $"{inTouch},{activity},{kind}{suitable}";
    }
}
