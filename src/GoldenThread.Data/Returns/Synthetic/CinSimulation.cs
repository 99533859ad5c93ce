using System.Globalization;
using System.Xml;
using GoldenThread.Core.Returns;

namespace GoldenThread.Data.Returns.Synthetic;

internal sealed class SimPlan
{
    public DateOnly Start;
    public DateOnly? End;
    public string Initial = "NEG";
    public string Latest = "NEG";
    public int Previous;
    public List<DateOnly> Reviews = [];
}

/// <summary>A CIN plan (CINPlanDates): never open while a child protection plan is (DfE rules 4001, 4016, 4017).</summary>
internal readonly record struct SimCinPlan(DateOnly Start, DateOnly? End);

/// <summary>One CIN episode (CINdetails): the referral and what followed it.</summary>
internal sealed class SimReferral
{
    public DateOnly Date;
    public DateOnly? Closure;
    public string Source = "2A";
    public string Need = "N1";
    public string? Reason;
    public bool Nfa;
    public DateOnly? AssessmentStart;
    public DateOnly? AssessmentDone;
    public string[] Factors = [];
    public DateOnly? S47Start;
    public DateOnly? IcpcTarget;
    public DateOnly? Icpc;
    public bool IcpcNotRequired;
    public SimPlan? Plan;
    public List<SimCinPlan> CinPlans = [];
}

internal sealed class SimCinChild
{
    public required string Id;
    public DateOnly Birth;
    public required string Ethnic;
    public bool Male;
    public string[] Disabilities = ["NONE"];
    public string Upn = "";
    public DateOnly SchoolFrom;
    public List<SimReferral> Referrals = [];
}

/// <summary>
/// Children in need for the CIN census: referrals (some with no further action), assessments with the factors found,
/// section 47 enquiries with their initial conferences or a decision that none is needed, child protection plans with
/// their reviews, and CIN plans, each written in the census years DfE's CIN validation rules place it in.
/// </summary>
/// <remarks>
/// Each census holds the CIN episodes open at some time in its year (8620): an assessment authorised in the year or
/// started in it and still open (8696, 8736), a section 47 whose conference is in the year or which started in it (8715,
/// 8740), plans open in the year (8720, 8930, 4010, 4013); a referral with no further action only in the year of the
/// referral, without a closure date (8569Q, 8815). Conferences and reviews are on working days (8875).
/// </remarks>
internal sealed class CinSimulation(Random r, int firstYear, int lastYear, UpnRegistry upns)
{
    private static readonly (string Code, int Weight)[] Factors =
    [
        ("3A", 30), ("3B", 26), ("4B", 25), ("16A", 18), ("17A", 18), ("2B", 13), ("1B", 12), ("4A", 13), ("18B", 7),
        ("18C", 3), ("19B", 4), ("19C", 2), ("14A", 5), ("10A", 5), ("11A", 3), ("23A", 3), ("5B", 4), ("6B", 4),
        ("7A", 2), ("15A", 4), ("2A", 3), ("1A", 2), ("13A", 1), ("22A", 1), ("12A", 1), ("8B", 1), ("9A", 1), ("20", 1),
    ];

    private static readonly (string Code, int Weight)[] DisabilityCodes =
    [
        ("AUT", 30), ("BEH", 20), ("LD", 20), ("COMM", 15), ("CON", 8), ("MOB", 6), ("HEAR", 4), ("VIS", 4), ("HAND", 3),
        ("PC", 3), ("INC", 3), ("DDA", 4),
    ];

    private readonly DateOnly _first = new(firstYear - 1, 4, 1);
    private readonly DateOnly _last = new(lastYear, 3, 31);

    public SimCinChild Child(int k)
    {
        var c = new SimCinChild
        {
            Id = "N" + k.ToString("D7", CultureInfo.InvariantCulture),
            Ethnic = r.Pick(("WBRI", 70), ("WOTH", 5), ("MWBC", 5), ("APKN", 5), ("BAFR", 5), ("OOTH", 5), ("NOBT", 5)),
            Male = r.Next(100) < 51,
        };
        var day = WorkingDay(SyntheticReturns.Between(r, _first.AddYears(-2), _last.AddDays(-10)));
        c.Birth = day.AddDays(-(r.Next(100) < 10 ? r.Next(365) : 365 + r.Next(17 * 365)));
        c.Birth = c.Birth is { Month: 2, Day: 29 } ? c.Birth.AddDays(-1) : c.Birth;
        if (r.Next(100) < 12)
        {
            var codes = new HashSet<string>();
            var n = r.Pick((1, 65), (2, 25), (3, 10));
            while (codes.Count < n)
            {
                codes.Add(r.Pick(DisabilityCodes));
            }

            c.Disabilities = [.. codes];
        }

        var four = c.Birth.AddYears(4);
        c.SchoolFrom = new DateOnly(four.Month <= 8 ? four.Year : four.Year + 1, 9, 1);
        c.Upn = upns.Allocate(r, c.SchoolFrom, secondary: false);

        // Plans before the years the data cover: NumberOfPreviousCPP counts them.
        var previousPlans = r.Pick((0, 82), (1, 13), (2, 5));
        var eighteen = c.Birth.AddYears(18);
        while (day <= _last && day < eighteen.AddDays(-30))
        {
            var f = Referral(day, ref previousPlans);
            c.Referrals.Add(f);
            var ended = f.Closure ?? f.Date;
            if (r.Next(100) >= 50)
            {
                break;
            }

            day = WorkingDay(ended.AddDays(r.Pick((10 + r.Next(200), 60), (210 + r.Next(800), 40))));
        }

        return c;
    }

    private SimReferral Referral(DateOnly day, ref int previousPlans)
    {
        var f = new SimReferral
        {
            Date = day,
            Source = r.Pick(("6", 29), ("2A", 18), ("3A", 4), ("3B", 3), ("3E", 4), ("3F", 3), ("5A", 5), ("1A", 5), ("1C", 2), ("8", 6), ("4", 2), ("7", 3), ("9", 1), ("10", 2), ("5B", 3), ("2B", 2), ("1B", 1), ("1D", 1), ("3C", 1), ("3D", 1), ("5C", 4)),
            Need = r.Pick(("N1", 55), ("N2", 8), ("N3", 3), ("N4", 8), ("N5", 14), ("N6", 2), ("N7", 1), ("N8", 4), ("N9", 5)),
        };
        if (r.Next(100) < 12)
        {
            // No further action: no assessment or anything after it (rules 8831, 8832), no closure (8815).
            f.Nfa = true;
            f.Need = "N0";
            return f;
        }

        f.AssessmentStart = WorkingDay(day.AddDays(r.Next(4)));
        var workingDays = r.Pick((10 + r.Next(36), 84), (46 + r.Next(15), 9), (61 + r.Next(30), 7));
        f.AssessmentDone = AddWorkingDays(f.AssessmentStart.Value, workingDays);
        f.Factors = DrawFactors(); // the parental and child factors found (rule 8897Q)
        var last = f.AssessmentDone.Value;
        if (r.Next(100) < 20)
        {
            f.S47Start = WorkingDay(f.AssessmentStart.Value.AddDays(r.Next(8)));
            f.IcpcTarget = AddWorkingDays(f.S47Start.Value, 15);
            if (r.Next(100) < 55)
            {
                f.Icpc = AddWorkingDays(f.S47Start.Value, r.Next(100) < 78 ? 4 + r.Next(12) : 16 + r.Next(15));
                if (f.AssessmentDone < f.Icpc)
                {
                    // The assessment is completed after the conference it led to, so both are in the same census.
                    f.AssessmentDone = AddWorkingDays(f.Icpc.Value, r.Next(10));
                }

                var plan = new SimPlan { Start = f.Icpc.Value, Initial = r.Pick(("NEG", 50), ("EMO", 35), ("PHY", 7), ("SAB", 4), ("MUL", 4)), Previous = previousPlans };
                plan.Latest = r.Next(100) < 90 ? plan.Initial : "EMO";
                var planEnd = WorkingDay(plan.Start.AddDays(r.Pick((90 + r.Next(270), 60), (360 + r.Next(360), 28), (730 + r.Next(180), 4), (910 + r.Next(200), 2))));
                var review = WorkingDay(plan.Start.AddDays(r.Next(100) < 96 ? 55 + r.Next(33) : 92 + r.Next(20)));
                while (review < planEnd)
                {
                    plan.Reviews.Add(review);
                    review = WorkingDay(review.AddDays(r.Next(100) < 96 ? 140 + r.Next(40) : 185 + r.Next(20)));
                }

                plan.End = planEnd;
                plan.Reviews.Add(planEnd); // the review conference that ends the plan
                f.Plan = plan;
                previousPlans++;
                last = planEnd;
                if (r.Next(100) < 55)
                {
                    // Stepped down to a CIN plan from the day the protection plan ends (allowed by rule 4016).
                    var cinEnd = WorkingDay(planEnd.AddDays(60 + r.Next(240)));
                    f.CinPlans.Add(new SimCinPlan(planEnd, cinEnd));
                    last = cinEnd;
                }

                f.Closure = last;
                f.Reason = r.Pick(("RC7", 88), ("RC3", 4), ("RC4", 3), ("RC5", 5));
                return f;
            }

            f.IcpcNotRequired = true;
        }

        var done = f.AssessmentDone.Value;
        var outcome = f.S47Start is null ? r.Pick((0, 45), (1, 45), (2, 10)) : r.Pick((1, 60), (2, 40));
        if (outcome == 0)
        {
            // Closed after assessment (RC8, or RC9 with a step down to early help): nothing after it (rule 2990).
            f.Closure = done;
            f.Reason = r.Next(100) < 70 ? "RC8" : "RC9";
            f.Factors = r.Next(100) < 25 ? ["21"] : DrawFactors();
            return f;
        }

        if (outcome == 1)
        {
            var from = WorkingDay(done.AddDays(r.Next(10)));
            var to = WorkingDay(from.AddDays(90 + r.Next(410)));
            f.CinPlans.Add(new SimCinPlan(from, to));
            f.Closure = to;
        }
        else
        {
            f.Closure = WorkingDay(done.AddDays(30 + r.Next(170)));
        }

        f.Reason = r.Pick(("RC7", 85), ("RC5", 5), ("RC3", 5), ("RC6", 5));
        return f;
    }

    private string[] DrawFactors()
    {
        var set = new HashSet<string>();
        var n = r.Pick((1, 35), (2, 30), (3, 20), (4, 15));
        while (set.Count < n)
        {
            set.Add(r.Pick(Factors));
        }

        return [.. set];
    }

    // ---- what each census year holds ---------------------------------------------------------------------------

    private static bool Within(DateOnly? d, DateOnly first, DateOnly last) => d is { } x && x >= first && x <= last;

    private static bool InYear(SimReferral f, DateOnly first, DateOnly last) =>
        f.Date <= last && (f.Nfa ? f.Date >= first : f.Closure is not { } closed || closed >= first);

    private static bool AssessmentInYear(SimReferral f, DateOnly first, DateOnly last) =>
        f.AssessmentStart is { } start && start <= last
        && (Within(f.AssessmentDone, first, last) || ((f.AssessmentDone is not { } done || done > last) && start >= first));

    private static bool Section47InYear(SimReferral f, DateOnly first, DateOnly last) =>
        f.S47Start is { } start && start <= last && (Within(f.Icpc, first, last) || start >= first);

    private static bool PlanInYear(SimPlan p, DateOnly first, DateOnly last) => p.Start <= last && (p.End is not { } end || end >= first);

    private static DateOnly? Until(DateOnly? day, DateOnly last) => day is { } d && d <= last ? d : null;

    public long WriteXml(string path, List<SimCinChild> children, int year)
    {
        var first = new DateOnly(year - 1, 4, 1);
        var last = new DateOnly(year, 3, 31);
        using (var w = XmlWriter.Create(path, new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) }))
        {
            w.WriteStartElement("Message");
            w.WriteStartElement("Header");
            w.WriteStartElement("CollectionDetails");
            w.WriteElementString("Collection", "CIN");
            w.WriteElementString("Year", year.ToString(CultureInfo.InvariantCulture));
            w.WriteElementString("ReferenceDate", SyntheticReturns.Iso(last));
            w.WriteEndElement();
            w.WriteStartElement("Source");
            w.WriteElementString("SourceLevel", "L");
            w.WriteElementString("LEA", Geography.HomeLaNumber.ToString(CultureInfo.InvariantCulture));
            w.WriteElementString("SoftwareCode", "GoldenThread synthetic");
            w.WriteElementString("Release", "v" + SyntheticReturns.Version.ToString(CultureInfo.InvariantCulture));
            w.WriteElementString("SerialNo", "001");
            w.WriteElementString("DateTime", SyntheticReturns.Iso(last.AddDays(1)) + "T09:00:00");
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteStartElement("Children");
            foreach (var c in children)
            {
                var referrals = c.Referrals.Where(f => InYear(f, first, last)).ToList();
                if (referrals.Count == 0)
                {
                    continue;
                }

                w.WriteStartElement("Child");
                w.WriteStartElement("ChildIdentifiers");
                w.WriteElementString("LAchildID", c.Id);
                if (c.SchoolFrom <= last)
                {
                    w.WriteElementString("UPN", c.Upn);
                }
                else
                {
                    // Not yet at school: unknown UPN, reason UN1 (rule 8770Q asks for one or the other from age 6).
                    w.WriteElementString("UPNunknown", "UN1");
                }

                w.WriteElementString("PersonBirthDate", SyntheticReturns.Iso(c.Birth));
                if (year >= Ssda903Writer.FirstYearOfSexLetters)
                {
                    // 2024/25 replaced GenderCurrent (1, 2) with Sex (M, F, U): CIN rule 4180.
                    w.WriteElementString("Sex", c.Male ? "M" : "F");
                }
                else
                {
                    w.WriteElementString("GenderCurrent", c.Male ? "1" : "2");
                }

                w.WriteEndElement();
                w.WriteStartElement("ChildCharacteristics");
                w.WriteElementString("Ethnicity", c.Ethnic);
                w.WriteStartElement("Disabilities");
                foreach (var d in c.Disabilities)
                {
                    w.WriteElementString("Disability", d);
                }

                w.WriteEndElement();
                w.WriteEndElement();
                foreach (var f in referrals)
                {
                    WriteDetails(w, f, first, last);
                }

                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndElement();
        }

        return new FileInfo(path).Length;
    }

    private static void WriteDetails(XmlWriter w, SimReferral f, DateOnly first, DateOnly last)
    {
        w.WriteStartElement("CINdetails");
        w.WriteElementString("CINreferralDate", SyntheticReturns.Iso(f.Date));
        w.WriteElementString("ReferralSource", f.Source);
        w.WriteElementString("PrimaryNeedCode", f.Need);
        if (Until(f.Closure, last) is { } closed)
        {
            w.WriteElementString("CINclosureDate", SyntheticReturns.Iso(closed));
            w.WriteElementString("ReasonForClosure", f.Reason);
        }

        if (AssessmentInYear(f, first, last))
        {
            w.WriteStartElement("Assessments");
            w.WriteElementString("AssessmentActualStartDate", SyntheticReturns.Iso(f.AssessmentStart!.Value));
            if (Until(f.AssessmentDone, last) is { } done)
            {
                w.WriteElementString("AssessmentAuthorisationDate", SyntheticReturns.Iso(done));
                w.WriteStartElement("FactorsIdentifiedAtAssessment");
                foreach (var factor in f.Factors)
                {
                    w.WriteElementString("AssessmentFactors", factor);
                }

                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        foreach (var plan in f.CinPlans.Where(p => p.Start <= last && (p.End is not { } end || end >= first)))
        {
            w.WriteStartElement("CINPlanDates");
            w.WriteElementString("CINPlanStartDate", SyntheticReturns.Iso(plan.Start));
            if (Until(plan.End, last) is { } end)
            {
                w.WriteElementString("CINPlanEndDate", SyntheticReturns.Iso(end));
            }

            w.WriteEndElement();
        }

        if (Section47InYear(f, first, last))
        {
            w.WriteStartElement("Section47");
            w.WriteElementString("S47ActualStartDate", SyntheticReturns.Iso(f.S47Start!.Value));
            w.WriteElementString("InitialCPCtarget", SyntheticReturns.Iso(f.IcpcTarget!.Value));
            if (Until(f.Icpc, last) is { } icpc)
            {
                w.WriteElementString("DateOfInitialCPC", SyntheticReturns.Iso(icpc));
            }

            w.WriteElementString("ICPCnotRequired", f.IcpcNotRequired ? "true" : "false");
            w.WriteEndElement();
        }

        w.WriteElementString("ReferralNFA", f.Nfa ? "true" : "false");
        if (f.Plan is { } p && PlanInYear(p, first, last))
        {
            w.WriteStartElement("ChildProtectionPlans");
            w.WriteElementString("CPPstartDate", SyntheticReturns.Iso(p.Start));
            if (Until(p.End, last) is { } end)
            {
                w.WriteElementString("CPPendDate", SyntheticReturns.Iso(end));
            }

            w.WriteElementString("InitialCategoryOfAbuse", p.Initial);
            w.WriteElementString("LatestCategoryOfAbuse", p.Latest);
            w.WriteElementString("NumberOfPreviousCPP", p.Previous.ToString(CultureInfo.InvariantCulture));
            var reviews = p.Reviews.Where(d => d >= first && d <= last).ToList();
            if (reviews.Count > 0)
            {
                w.WriteStartElement("Reviews");
                foreach (var d in reviews)
                {
                    w.WriteElementString("CPPreviewDate", SyntheticReturns.Iso(d));
                }

                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    /// <summary>GoldenThread's flattened CIN layout (docs/returns.md): the same records as the XML, year by year
    /// (CIN plans, UPNs and disabilities have no columns in it).</summary>
    public long WriteCsv(string path, List<SimCinChild> children, int year)
    {
        var first = new DateOnly(year - 1, 4, 1);
        var last = new DateOnly(year, 3, 31);
        using (var w = SyntheticReturns.Create(path))
        {
            w.WriteLine(string.Join(",", CinCensusReader.CsvColumns));
            static string I(DateOnly? d) => d is { } x ? SyntheticReturns.Iso(x) : "";
            foreach (var c in children)
            {
                var dob = SyntheticReturns.Iso(c.Birth);
                foreach (var f in c.Referrals.Where(f => InYear(f, first, last)))
                {
                    var refDate = SyntheticReturns.Iso(f.Date);
                    var closed = Until(f.Closure, last);
                    w.WriteLine($"{c.Id},{dob},Referral,{refDate},{f.Source},{f.Need},{I(closed)},{(closed is null ? "" : f.Reason)},{(f.Nfa ? "true" : "false")},,,,,,,,,,");
                    if (AssessmentInYear(f, first, last))
                    {
                        w.WriteLine($"{c.Id},{dob},Assessment,{refDate},,,,,,{I(f.AssessmentStart)},{I(Until(f.AssessmentDone, last))},,,,,,,,");
                    }

                    if (Section47InYear(f, first, last))
                    {
                        w.WriteLine($"{c.Id},{dob},Section47,{refDate},,,,,,,,{I(f.S47Start)},{I(Until(f.Icpc, last))},,,,,,");
                    }

                    if (f.Plan is { } p && PlanInYear(p, first, last))
                    {
                        w.WriteLine($"{c.Id},{dob},Plan,{refDate},,,,,,,,,,{I(p.Start)},{I(Until(p.End, last))},{p.Initial},{p.Latest},{p.Previous},");
                        foreach (var d in p.Reviews.Where(d => d >= first && d <= last))
                        {
                            w.WriteLine($"{c.Id},{dob},PlanReview,{refDate},,,,,,,,,,{I(p.Start)},,,,,{I(d)}");
                        }
                    }
                }
            }
        }

        return new FileInfo(path).Length;
    }

    private static DateOnly WorkingDay(DateOnly day)
    {
        while (!BankHolidays.IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private static DateOnly AddWorkingDays(DateOnly day, int n)
    {
        for (var i = 0; i < n; i++)
        {
            day = WorkingDay(day.AddDays(1));
        }

        return day;
    }
}
