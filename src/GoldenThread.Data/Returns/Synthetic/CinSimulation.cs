using System.Globalization;
using System.Xml;

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
    public DateOnly? S47Start;
    public DateOnly? Icpc;
    public SimPlan? Plan;
}

internal sealed class SimCinChild
{
    public required string Id;
    public DateOnly Birth;
    public required string Ethnic;
    public byte Gender;
    public List<SimReferral> Referrals = [];
}

internal sealed class CinSimulation(Random r, int firstYear, int lastYear)
{
    private readonly DateOnly _first = new(firstYear - 1, 4, 1);
    private readonly DateOnly _last = new(lastYear, 3, 31);

    public SimCinChild Child(int k)
    {
        var c = new SimCinChild { Id = "N" + k.ToString("D7", CultureInfo.InvariantCulture), Ethnic = r.Pick(("WBRI", 70), ("WOTH", 5), ("MWBC", 5), ("APKN", 5), ("BAFR", 5), ("OOTH", 5), ("NOBT", 5)), Gender = (byte)(1 + r.Next(2)) };
        var day = SyntheticReturns.Between(r, _first.AddYears(-2), _last.AddDays(-10));
        c.Birth = day.AddYears(-r.Next(0, 17)).AddDays(-r.Next(365));
        var referrals = r.Pick((1, 65), (2, 25), (3, 10));
        var hadPlan = r.Next(100) < 12 ? 1 : 0;
        for (var i = 0; i < referrals && day <= _last; i++)
        {
            var f = Referral(day, ref hadPlan);
            c.Referrals.Add(f);
            var closed = f.Closure ?? _last.AddYears(5);
            day = closed.AddDays(r.Pick((20 + r.Next(300), 40), (300 + r.Next(700), 60)));
        }

        return c;
    }

    private SimReferral Referral(DateOnly day, ref int previousPlans)
    {
        var f = new SimReferral
        {
            Date = day,
            Source = r.Pick(("6", 29), ("2A", 18), ("3A", 4), ("3B", 3), ("3E", 4), ("3F", 3), ("5A", 5), ("1A", 5), ("1C", 2), ("8", 6), ("4", 2), ("7", 3), ("9", 1), ("10", 2), ("5B", 3), ("2B", 2), ("1B", 1), ("1D", 1), ("3C", 1), ("3D", 1), ("5C", 4)),
            Need = r.Pick(("N1", 55), ("N2", 8), ("N3", 3), ("N4", 8), ("N5", 14), ("N6", 2), ("N7", 1), ("N8", 4), ("N9", 3), ("N0", 2)),
        };
        if (r.Next(100) < 10)
        {
            f.Nfa = true;
            f.Closure = day;
            f.Reason = "RC8";
            f.Need = "N0";
            return f;
        }

        f.AssessmentStart = day.AddDays(r.Next(3));
        f.AssessmentDone = f.AssessmentStart.Value.AddDays(r.Pick((10 + r.Next(40), 60), (50 + r.Next(15), 25), (65 + r.Next(40), 15)));
        var closes = f.AssessmentDone.Value.AddDays(r.Pick((0, 35), (30 + r.Next(300), 65)));
        if (r.Next(100) < 22)
        {
            f.S47Start = f.AssessmentStart.Value.AddDays(r.Next(10));
            if (r.Next(100) < 55)
            {
                f.Icpc = f.S47Start.Value.AddDays(r.Pick((7 + r.Next(15), 80), (22 + r.Next(20), 20)));
                var plan = new SimPlan
                {
                    Start = f.Icpc.Value,
                    Initial = r.Pick(("NEG", 50), ("EMO", 35), ("PHY", 7), ("SAB", 4), ("MUL", 4)),
                    Previous = previousPlans,
                };
                plan.Latest = r.Next(100) < 90 ? plan.Initial : "EMO";
                var planEnd = plan.Start.AddDays(r.Pick((90 + r.Next(270), 60), (360 + r.Next(360), 32), (730 + r.Next(400), 8)));
                var review = plan.Start.AddDays(r.Pick((60 + r.Next(30), 95), (95 + r.Next(20), 5)));
                while (review < planEnd)
                {
                    plan.Reviews.Add(review);
                    review = review.AddDays(r.Pick((150 + r.Next(30), 96), (185 + r.Next(20), 4)));
                }

                plan.End = planEnd;
                plan.Reviews.Add(planEnd);
                f.Plan = plan;
                previousPlans++;
                closes = planEnd.AddDays(r.Next(120));
            }
        }

        f.Closure = closes;
        f.Reason = closes == f.AssessmentDone ? r.Pick(("RC8", 70), ("RC9", 30)) : r.Pick(("RC7", 80), ("RC1", 2), ("RC3", 3), ("RC4", 3), ("RC5", 7), ("RC6", 5));
        return f;
    }

    private static IEnumerable<SimReferral> InYear(SimCinChild c, DateOnly first, DateOnly last) =>
        c.Referrals.Where(f => f.Date <= last && (f.Closure is null || f.Closure.Value >= first));

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
            w.WriteEndElement();
            w.WriteStartElement("Children");
            foreach (var c in children)
            {
                var referrals = InYear(c, first, last).ToList();
                if (referrals.Count == 0)
                {
                    continue;
                }

                w.WriteStartElement("Child");
                w.WriteStartElement("ChildIdentifiers");
                w.WriteElementString("LAchildID", c.Id);
                w.WriteElementString("PersonBirthDate", SyntheticReturns.Iso(c.Birth));
                w.WriteElementString("GenderCurrent", c.Gender.ToString(CultureInfo.InvariantCulture));
                w.WriteEndElement();
                w.WriteStartElement("ChildCharacteristics");
                w.WriteElementString("Ethnicity", c.Ethnic);
                w.WriteEndElement();
                foreach (var f in referrals)
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

                    w.WriteElementString("ReferralNFA", f.Nfa ? "true" : "false");
                    if (f.AssessmentStart is { } aStart && aStart <= last)
                    {
                        w.WriteStartElement("Assessments");
                        w.WriteElementString("AssessmentActualStartDate", SyntheticReturns.Iso(aStart));
                        if (Until(f.AssessmentDone, last) is { } done)
                        {
                            w.WriteElementString("AssessmentAuthorisationDate", SyntheticReturns.Iso(done));
                        }

                        w.WriteEndElement();
                    }

                    if (f.S47Start is { } sStart && sStart <= last)
                    {
                        w.WriteStartElement("Section47");
                        w.WriteElementString("S47ActualStartDate", SyntheticReturns.Iso(sStart));
                        if (Until(f.Icpc, last) is { } icpc)
                        {
                            w.WriteElementString("DateOfInitialCPC", SyntheticReturns.Iso(icpc));
                        }

                        w.WriteEndElement();
                    }

                    if (f.Plan is { } p && p.Start <= last)
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

                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndElement();
        }

        return new FileInfo(path).Length;
    }

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
                foreach (var f in InYear(c, first, last))
                {
                    var refDate = SyntheticReturns.Iso(f.Date);
                    var closed = Until(f.Closure, last);
                    w.WriteLine($"{c.Id},{dob},Referral,{refDate},{f.Source},{f.Need},{I(closed)},{(closed is null ? "" : f.Reason)},{(f.Nfa ? "true" : "false")},,,,,,,,,,");
                    if (f.AssessmentStart is { } aStart && aStart <= last)
                    {
                        w.WriteLine($"{c.Id},{dob},Assessment,{refDate},,,,,,{I(aStart)},{I(Until(f.AssessmentDone, last))},,,,,,,,");
                    }

                    if (f.S47Start is { } sStart && sStart <= last)
                    {
                        w.WriteLine($"{c.Id},{dob},Section47,{refDate},,,,,,,,{I(sStart)},{I(Until(f.Icpc, last))},,,,,,");
                    }

                    if (f.Plan is { } p && p.Start <= last)
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
}
