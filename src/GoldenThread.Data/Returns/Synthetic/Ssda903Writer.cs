using System.Globalization;
using System.Text;

namespace GoldenThread.Data.Returns.Synthetic;

/// <summary>
/// Writes one collection year's SSDA903 tables (DfE's CSV layout, the columns of each table exactly as the 903 guide
/// lists them) from the simulated children: what a council's system would extract on the day after 31 March.
/// </summary>
/// <remarks>
/// Each table holds what the 903 guide asks of the year: episodes open at any time in it (an episode still open on
/// 31 March is written without DEC and appears again, finished, next year), the health items (OC2) of children looked
/// after for the whole year, care leavers (OC3) whose 17th to 21st birthday falls in it, and so on. Codes follow the
/// year's guide where they changed: SEX is 1/2 up to 2023/24 and M/F from 2024/25.
/// </remarks>
internal sealed class Ssda903Writer(Random r)
{
    public const string HeaderColumns = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB";
    public const string EpisodeColumns = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN";

    /// <summary>The first collection year whose guide codes SEX as M, F or U (2024/25; DfE rule 101 of that year).</summary>
    public const int FirstYearOfSexLetters = 2025;

    public (int EpisodeRows, long Bytes) WriteYear(string dir, IReadOnlyList<SimChild> children, int year)
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
        header.WriteLine(HeaderColumns);
        episodes.WriteLine(EpisodeColumns);
        reviews.WriteLine("CHILD,DOB,REVIEW,REVIEW_CODE");
        uasc.WriteLine("CHILD,SEX,DOB,DUC");
        oc2.WriteLine("CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED");
        oc3.WriteLine("CHILD,DOB,IN_TOUCH,ACTIV,ACCOM");
        ad1.WriteLine("CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR");
        placed.WriteLine("CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED");
        prevPerm.WriteLine("CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM");
        missing.WriteLine("CHILD,DOB,MISSING,MIS_START,MIS_END");
        var line = new StringBuilder(160);
        foreach (var c in children)
        {
            var inYear = c.Episodes.Where(e => e.Start <= last && (e.End is null || e.End.Value >= first)).ToList();
            var leaver = c.Leaver.Where(l => l.Birthday >= first && l.Birthday <= last).ToList();
            if (inYear.Count == 0 && leaver.Count == 0)
            {
                continue;
            }

            var dob = SyntheticReturns.D(c.Birth);
            var sex = year >= FirstYearOfSexLetters ? (c.Male ? "M" : "F") : (c.Male ? "1" : "2");
            var lookedAfter = inYear.Exists(e => e.LegalStatus is not ("V3" or "V4"));

            // MOTHER for every girl looked after other than for short breaks (rules 165, 393, 399, 628).
            var (mother, childBorn) = c.Male || !lookedAfter ? ("", "")
                : c.FirstChildBorn is { } born && born <= last ? ("1", SyntheticReturns.D(born)) : ("0", "");
            var upn = c.SchoolFrom <= last ? c.UpnCode : "UN1";
            header.WriteLine($"{c.Id},{sex},{dob},{c.Ethnic},{upn},{mother},{childBorn}");

            foreach (var e in inYear)
            {
                var ended = e.End is { } end && end <= last;
                line.Clear();
                line.Append(c.Id).Append(',').Append(SyntheticReturns.D(e.Start)).Append(',').Append(e.Rne).Append(',')
                    .Append(e.LegalStatus).Append(',').Append(e.Period.CategoryOfNeed).Append(',').Append(e.Placement.Place).Append(',')
                    .Append(e.Placement.Provider).Append(',')
                    .Append(ended ? SyntheticReturns.D(e.End!.Value) : "").Append(',').Append(ended ? e.Rec : "").Append(',')
                    .Append(ended ? e.ReasonChange : "").Append(',')
                    .Append(e.Period.Home?.Postcode).Append(',')
                    .Append(e.Placement.Post?.Postcode).Append(',')
                    .Append(e.Placement.Urn);
                episodes.WriteLine(line);
                rows++;
            }

            foreach (var row in leaver)
            {
                oc3.WriteLine($"{c.Id},{dob},{row.InTouch},{row.Activity},{row.Accommodation}");
            }

            if (inYear.Count == 0)
            {
                continue;
            }

            if (c.Kind == ChildKind.Uasc)
            {
                // UASC status ceases at 18 (DUC): the same date every year (rules 104, 205B, 304).
                uasc.WriteLine($"{c.Id},{sex},{dob},{SyntheticReturns.D(c.Eighteen)}");
            }

            foreach (var review in c.Reviews.Where(d => d >= first && d <= last))
            {
                reviews.WriteLine($"{c.Id},{dob},{SyntheticReturns.D(review)},{Participation(c, review)}");
            }

            var started = c.Periods.LastOrDefault(p => p.Start >= first && p.Start <= last);
            if (started is not null)
            {
                // Previous permanence for every child who started to be looked after in the year (rule 630).
                var perm = started.PreviousPermanence;
                prevPerm.WriteLine(perm == "Z1"
                    ? $"{c.Id},{dob},Z1,,"
                    : $"{c.Id},{dob},{perm},{started.PreviousPermanenceLa},{SyntheticReturns.D(started.PreviousPermanenceDate!.Value)}");
            }

            if (LookedAfterAllYear(c, first, last))
            {
                oc2.WriteLine(HealthRow(c, dob, first, last));
            }

            Adoption(ad1, placed, c, dob, first, last);
            foreach (var spell in c.Missing.Where(s => s.Start >= first && s.Start <= last))
            {
                missing.WriteLine($"{c.Id},{dob},{(spell.Missing ? "M" : "A")},{SyntheticReturns.D(spell.Start)},{SyntheticReturns.D(spell.End)}");
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

    /// <summary>
    /// Looked after continuously for the whole year to 31 March, as DfE's rules define the OC2 cohort: one period of
    /// care, begun on or before 1 April and not ended before 31 March, and no short break. Periods of care end on
    /// 31 March only on an 18th birthday; otherwise this is also the derived measures' cohort (looked after at 31 March,
    /// period of care begun by 1 April a year earlier).
    /// </summary>
    internal static bool LookedAfterAllYear(SimChild c, DateOnly first, DateOnly last)
    {
        var overlapping = c.Periods.Where(p => p.Start <= last && (p.End is not { } end || end >= first)).ToList();
        return overlapping is [{ ShortBreak: false } only] && only.Start <= first && (only.End is not { } ended || ended >= last);
    }

    /// <summary>
    /// The OC2 row: immunisations, teeth check, health assessment and substance misuse for all (rule 191), the
    /// health-promotion check only for under-fives at 31 March (545, 546), convictions only from age 10 (542, 543), the
    /// SDQ score or the reason there is none for children who are 4 to 16 during the year (157, 186, 188, 189, 197).
    /// </summary>
    private string HealthRow(SimChild c, string dob, DateOnly first, DateOnly last)
    {
        var age = GoldenThread.Core.Returns.LookedAfterMeasures.AgeOn(c.Birth, last);
        string Flag(int percent) => r.Next(100) < percent ? "1" : "0";
        var sdq = "";
        var reason = "";
        if (c.Birth.AddYears(4) <= last && c.Birth.AddYears(17) >= first)
        {
            var fullYear = c.Birth.AddYears(4) <= first && c.Birth.AddYears(16) >= last;
            if (r.Next(100) < (fullYear ? 80 : 40))
            {
                sdq = Math.Clamp(c.SdqBase + r.Next(-3, 4), 0, 40).ToString(CultureInfo.InvariantCulture);
            }
            else
            {
                // SDQ1 (under 4 or over 16 at the assessment) only for a child who turned 4 or 17 in the year (rule 157).
                reason = !fullYear ? "SDQ1" : c.Disabled && r.Next(100) < 60 ? "SDQ3" : r.Pick(("SDQ2", 30), ("SDQ4", 40), ("SDQ5", 30));
            }
        }

        var convicted = c.Birth.AddYears(10) < last ? Flag(age >= 14 ? 5 : 1) : "";
        var healthCheck = c.Birth.AddYears(5) > last ? Flag(88) : "";
        var misuse = age >= 13 ? Flag(9) : age >= 10 ? Flag(2) : "0";
        var (received, offered) = misuse == "1" ? (r.Next(100) < 60 ? ("1", "") : ("0", Flag(70))) : ("", "");
        return $"{c.Id},{dob},{sdq},{reason},{convicted},{healthCheck},{Flag(86)},{Flag(age < 2 ? 55 : 82)},{Flag(91)},{misuse},{received},{offered}";
    }

    /// <summary>How the child took part in the review: PN0 under 4 (rules 440, 441), otherwise PN1 to PN7.</summary>
    private string Participation(SimChild c, DateOnly review) =>
        review < c.Birth.AddYears(4) ? "PN0" : r.Pick(("PN1", 45), ("PN2", 5), ("PN3", 6), ("PN4", 6), ("PN5", 10), ("PN6", 18), ("PN7", 10));

    /// <summary>
    /// PlacedAdoption every year the decision that the child should be placed is in force (553, 559, 560), with the
    /// reversal in the year it happened (118, 557); AD1 in the year of the adoption order (601, 602), its date the
    /// child should be placed the same as the decision (523).
    /// </summary>
    private static void Adoption(StreamWriter ad1, StreamWriter placed, SimChild c, string dob, DateOnly first, DateOnly last)
    {
        if (c.Adoption is not { } a || a.Decided > last || a.Reversed is { } gone && gone < first)
        {
            return;
        }

        var reversed = a.Reversed is { } when && when <= last;
        placed.WriteLine($"{c.Id},{dob},{SyntheticReturns.D(a.Decided)},{(reversed ? SyntheticReturns.D(a.Reversed!.Value) : "")},{(reversed ? a.ReversedWhy : "")}");
        if (a.Adopted is { } adopted && adopted >= first && adopted <= last && c.Periods[^1].Exit is "E11" or "E12")
        {
            ad1.WriteLine($"{c.Id},{dob},{SyntheticReturns.D(a.Decided)},{SyntheticReturns.D(a.Matched!.Value)},{(a.ByFosterCarers ? 1 : 0)},{a.Adopters},{a.AdopterSex},{a.AdopterLegalStatus}");
        }
    }
}
