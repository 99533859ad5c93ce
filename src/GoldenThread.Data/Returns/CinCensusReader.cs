using System.Xml;
using System.Xml.Linq;
using GoldenThread.Core.Returns;

namespace GoldenThread.Data.Returns;

/// <summary>
/// Reads the Children in Need census, as DfE's XML (Message/Children/Child) or as GoldenThread's flattened CSV
/// (docs/returns.md), one or several collection years, checks codes and dates, and merges the years into one
/// <see cref="CinData"/>. Add every file, then <see cref="Build"/>, which throws one <see cref="InputException"/> with
/// every problem found.
/// </summary>
/// <remarks>
/// Merging: years oldest first; a later year's record replaces an earlier one with the same key (child and referral
/// date; child and assessment start; child and section 47 start; child and plan start). A plan's review dates are the
/// union over the years, because each census lists only the reviews it saw.
/// </remarks>
public sealed class CinCensusReader
{
    /// <summary>The flattened CSV's columns, in order.</summary>
    public static readonly IReadOnlyList<string> CsvColumns =
    [
        "LAchildID", "PersonBirthDate", "RecordType", "CINreferralDate", "ReferralSource", "PrimaryNeedCode", "CINclosureDate",
        "ReasonForClosure", "ReferralNFA", "AssessmentActualStartDate", "AssessmentAuthorisationDate", "S47ActualStartDate",
        "DateOfInitialCPC", "CPPstartDate", "CPPendDate", "InitialCategoryOfAbuse", "LatestCategoryOfAbuse",
        "NumberOfPreviousCPP", "CPPreviewDate",
    ];

    public static readonly CodeList RecordTypes = new("record type", "Referral", "Assessment", "Section47", "Plan", "PlanReview");

    private readonly ErrorLog _log = new();
    private readonly List<CinChild> _children = [];
    private readonly Dictionary<string, int> _childIndex = new(StringComparer.Ordinal);
    private readonly List<(int Year, int Order, CinReferral Row)> _referrals = [];
    private readonly List<(int Year, int Order, CinAssessment Row)> _assessments = [];
    private readonly List<(int Year, int Order, Section47Enquiry Row)> _s47 = [];
    private readonly List<(int Year, int Order, ChildProtectionPlan Row)> _plans = [];
    private readonly List<(int Child, DateOnly PlanStart, DateOnly Review)> _csvReviews = [];
    private readonly Dictionary<int, (string File, int Children, bool Readable)> _censuses = [];
    private int _order;

    /// <summary>Reads <c>root/&lt;year&gt;/*.xml</c> and <c>root/&lt;year&gt;/*.csv</c> (the year of the census's 31 March).</summary>
    public static CinData ReadFolder(string root)
    {
        var reader = new CinCensusReader();
        var years = CollectionYears.In(root);
        foreach (var (year, dir) in years)
        {
            var files = Directory.GetFiles(dir).Where(f => f.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)).ToList();
            if (files.Count == 0)
            {
                reader._log.Add(new InputError(Path.GetRelativePath(root, dir), null, null,
                    $"has no CIN census file: every collection year's folder needs its census, as XML (cin.xml) or the flattened CSV (cin.csv) (here the {ReturnCodes.YearLabel(year)} census)"));
            }

            foreach (var file in files.Order(StringComparer.Ordinal))
            {
                var name = Path.GetRelativePath(root, file);
                if (file.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
                {
                    if (ReturnFiles.TooLarge(file, name, reader._log))
                    {
                        reader.Counted(year, name, 0, false);
                        continue;
                    }

                    using var s = File.OpenRead(file);
                    reader.AddXml(s, year, name);
                }
                else if (ReturnFiles.OpenText(file, name, reader._log) is { } text)
                {
                    using (text)
                    {
                        reader.AddCsv(text, year, name);
                    }
                }
                else
                {
                    reader.Counted(year, name, 0, false);
                }
            }
        }

        foreach (var (year, _) in years)
        {
            if (reader._censuses.TryGetValue(year, out var census) && census.Readable && census.Children == 0)
            {
                reader._log.Add(new InputError(census.File, null, null,
                    $"lists no children: the {ReturnCodes.YearLabel(year)} census must list the year's children in need"));
            }
        }

        return reader.Build();
    }

    /// <summary>Children (XML) or records (CSV) read for <paramref name="collectionYear"/>; null when no census file was added for it.</summary>
    public int? ChildrenRead(int collectionYear) => _censuses.TryGetValue(collectionYear, out var c) ? c.Children : null;

    private void Counted(int year, string file, int children, bool readable)
    {
        var (_, before, ok) = _censuses.GetValueOrDefault(year, (file, 0, true));
        _censuses[year] = (file, before + children, ok && readable);
    }

    /// <summary>False, with an error, for a year whose code lists GoldenThread does not know.</summary>
    private bool KnownYear(int collectionYear, string fileName)
    {
        if (ReturnCodes.IsKnownYear(collectionYear))
        {
            return true;
        }

        _log.Add(new InputError(fileName, null, null, CollectionYears.Unknown(collectionYear)));
        return false;
    }

    private int ChildIndex(string id, DateOnly? birth)
    {
        if (_childIndex.TryGetValue(id, out var i))
        {
            if (birth is not null)
            {
                _children[i] = _children[i] with { Birth = birth };
            }

            return i;
        }

        i = _children.Count;
        _childIndex.Add(id, i);
        _children.Add(new CinChild(id, birth));
        return i;
    }

    // ---- XML ------------------------------------------------------------------------------------------------------

    /// <summary>The deepest nesting of elements read: DfE's CIN message nests about eight (docs/formats.md, "Limits").</summary>
    public const int MaxXmlDepth = 64;

    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        MaxCharactersInDocument = ReturnFiles.MaxBytes,
    };

    /// <summary>The line of the first element nested beyond <see cref="MaxXmlDepth"/>, or null.</summary>
    private static int? TooDeep(Stream xml)
    {
        using var reader = XmlReader.Create(xml, new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 0,
            MaxCharactersInDocument = ReturnFiles.MaxBytes,
            CloseInput = false,
        });
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth >= MaxXmlDepth)
            {
                return ((IXmlLineInfo)reader).LineNumber;
            }
        }

        return null;
    }

    public void AddXml(Stream xml, int collectionYear, string fileName)
    {
        if (!KnownYear(collectionYear, fileName))
        {
            return;
        }

        var codes = ReturnCodes.In(collectionYear);
        XDocument doc;
        try
        {
            // The depth is checked on a first, forward-only pass: building the tree of a file nested a hundred thousand
            // deep took a time growing with the square of the depth before any check could run.
            if (!xml.CanSeek)
            {
                var copy = new MemoryStream();
                xml.CopyTo(copy);
                copy.Position = 0;
                xml = copy;
            }

            var start = xml.Position;
            if (TooDeep(xml) is { } at)
            {
                _log.Add(new InputError(fileName, at, null,
                    $"elements nested more than {MaxXmlDepth} deep; expected a CIN census message, which nests about eight (docs/formats.md, Limits)"));
                Counted(collectionYear, fileName, 0, false);
                return;
            }

            xml.Position = start;
            using var reader = XmlReader.Create(xml, XmlSettings);
            doc = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            var problem = ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase)
                ? "declares a DTD, which a CIN census message never does; expected the XML DfE's schema describes"
                : $"is not well-formed XML (line {ex.LineNumber}, position {ex.LinePosition}); expected the XML DfE's schema describes";
            _log.Add(new InputError(fileName, ex.LineNumber > 0 ? ex.LineNumber : null, null, problem));
            Counted(collectionYear, fileName, 0, false);
            return;
        }

        var x = new XmlFields(fileName, _log);
        var children = doc.Root?.Element("Children");
        if (doc.Root?.Name.LocalName != "Message" || children is null)
        {
            _log.Add(new InputError(fileName, 1, null, "expected a CIN census message: <Message> holding <Children>"));
            Counted(collectionYear, fileName, 0, false);
            return;
        }

        Counted(collectionYear, fileName, children.Elements("Child").Count(), true);
        foreach (var child in children.Elements("Child"))
        {
            var ids = child.Element("ChildIdentifiers");
            var id = (string?)ids?.Element("LAchildID");
            if (string.IsNullOrWhiteSpace(id))
            {
                x.Fail(ids ?? child, "LAchildID", "is missing or blank: every child needs an LAchildID");
                continue;
            }

            var birth = x.OptionalDate(ids!, "PersonBirthDate");
            x.OptionalCode(child.Element("ChildCharacteristics"), "Ethnicity", codes.Ethnicity);
            // The census records sex as GenderCurrent (0, 1, 2, 9) up to 2023/24 and as Sex (M, F, U) from 2024/25.
            x.OptionalCode(ids, codes.ChildSexElement, codes.ChildSex);
            if (ids!.Element(codes.RetiredChildSexElement) is { } retired)
            {
                x.Fail(retired, retired.Name.LocalName,
                    $"is not part of the {ReturnCodes.YearLabel(collectionYear)} census, which records the child's sex as {codes.ChildSexElement} ({codes.ChildSex.Allowed})");
            }

            var c = ChildIndex(id.Trim(), birth);
            foreach (var details in child.Elements("CINdetails"))
            {
                ReadDetails(x, details, c, collectionYear, codes);
            }
        }
    }

    private void ReadDetails(XmlFields x, XElement d, int c, int year, ReturnCodeSet codes)
    {
        var errorsBefore = _log.Errors.Count;
        var referral = x.Date(d, "CINreferralDate");
        var source = x.Code(d, "ReferralSource", codes.ReferralSource);
        var need = x.OptionalCode(d, "PrimaryNeedCode", codes.PrimaryNeed);
        var closure = x.OptionalDate(d, "CINclosureDate");
        var reason = x.OptionalCode(d, "ReasonForClosure", codes.ReasonForClosure);
        var nfa = x.OptionalCode(d, "ReferralNFA", codes.Boolean) is "1" or "true";
        if (_log.Errors.Count == errorsBefore && DateRules.ClosedBeforeReferral(referral, closure) is { } closedEarly)
        {
            x.Fail(d.Element("CINclosureDate")!, "CINclosureDate", closedEarly);
        }

        if (_log.Errors.Count == errorsBefore)
        {
            _referrals.Add((year, _order++, new CinReferral(c, referral, closure, source, need, reason, nfa)));
        }

        foreach (var a in d.Elements("Assessments"))
        {
            var before = _log.Errors.Count;
            var start = x.Date(a, "AssessmentActualStartDate");
            x.OptionalDate(a, "AssessmentInternalReviewDate");
            var done = x.OptionalDate(a, "AssessmentAuthorisationDate");
            if (_log.Errors.Count == before)
            {
                foreach (var (field, problem) in DateRules.Assessment(start, done))
                {
                    x.Fail(a.Element(field) ?? a, field, problem);
                }
            }

            if (_log.Errors.Count == before)
            {
                _assessments.Add((year, _order++, new CinAssessment(c, start, done)));
            }
        }

        foreach (var s in d.Elements("Section47"))
        {
            var before = _log.Errors.Count;
            var start = x.Date(s, "S47ActualStartDate");
            var icpc = x.OptionalDate(s, "DateOfInitialCPC");
            if (_log.Errors.Count == before)
            {
                foreach (var (field, problem) in DateRules.Section47(start, icpc))
                {
                    x.Fail(s.Element(field) ?? s, field, problem);
                }
            }

            if (_log.Errors.Count == before)
            {
                _s47.Add((year, _order++, new Section47Enquiry(c, start, icpc)));
            }
        }

        foreach (var p in d.Elements("ChildProtectionPlans"))
        {
            var before = _log.Errors.Count;
            var start = x.Date(p, "CPPstartDate");
            var end = x.OptionalDate(p, "CPPendDate");
            var initial = x.Code(p, "InitialCategoryOfAbuse", codes.CategoryOfAbuse);
            var latest = x.OptionalCode(p, "LatestCategoryOfAbuse", codes.CategoryOfAbuse);
            var previous = x.OptionalInt(p, "NumberOfPreviousCPP") ?? 0;
            if (_log.Errors.Count == before && DateRules.PlanEndedBeforeStart(start, end) is { } endedEarly)
            {
                x.Fail(p.Element("CPPendDate")!, "CPPendDate", endedEarly);
            }

            var reviews = new List<DateOnly>();
            foreach (var r in p.Elements("Reviews").Elements("CPPreviewDate"))
            {
                if (x.ParseDate(r) is { } day)
                {
                    if (_log.Errors.Count == before && DateRules.ReviewNotAfterStart(start, day) is { } early)
                    {
                        x.Fail(r, "CPPreviewDate", early);
                    }

                    reviews.Add(day);
                }
            }

            if (_log.Errors.Count == before)
            {
                _plans.Add((year, _order++, new ChildProtectionPlan(c, start, end, initial, latest, previous, [.. reviews.Order()])));
            }
        }
    }

    /// <summary>Field access on CIN XML elements, errors positioned at the element's line.</summary>
    private sealed class XmlFields(string file, ErrorLog log)
    {
        public void Fail(XObject at, string name, string message) =>
            log.Add(new InputError(file, ((IXmlLineInfo)at).HasLineInfo() ? ((IXmlLineInfo)at).LineNumber : null, name, message));

        public DateOnly Date(XElement parent, string name)
        {
            var e = parent.Element(name);
            if (e is null || string.IsNullOrWhiteSpace(e.Value))
            {
                Fail(parent, name, "is missing: a date in the form yyyy-MM-dd is required");
                return default;
            }

            return ParseDate(e) ?? default;
        }

        public DateOnly? OptionalDate(XElement parent, string name)
        {
            var e = parent.Element(name);
            return e is null || string.IsNullOrWhiteSpace(e.Value) ? null : ParseDate(e);
        }

        public DateOnly? ParseDate(XElement e)
        {
            var parsed = ReturnDates.ParseIso(e.Value.AsSpan().Trim());
            if (parsed is null)
            {
                Fail(e, e.Name.LocalName, "is not a date in the form yyyy-MM-dd");
            }

            return parsed;
        }

        public string Code(XElement parent, string name, CodeList list)
        {
            var e = parent.Element(name);
            if (e is null || string.IsNullOrWhiteSpace(e.Value))
            {
                Fail(parent, name, $"is missing: expected a {list.Name} code, one of {list.Allowed}");
                return "";
            }

            return Check(e, list) ?? "";
        }

        public string? OptionalCode(XElement? parent, string name, CodeList list)
        {
            var e = parent?.Element(name);
            return e is null || string.IsNullOrWhiteSpace(e.Value) ? null : Check(e, list);
        }

        private string? Check(XElement e, CodeList list)
        {
            var raw = e.Value.Trim();
            var code = list.Find(raw);
            if (code is null)
            {
                Fail(e, e.Name.LocalName, list.Rejection(raw, "census"));
            }

            return code;
        }

        public int? OptionalInt(XElement parent, string name)
        {
            var e = parent.Element(name);
            if (e is null || string.IsNullOrWhiteSpace(e.Value))
            {
                return null;
            }

            if (int.TryParse(e.Value.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v))
            {
                return v;
            }

            Fail(e, name, "is not a whole number of 0 or more");
            return null;
        }
    }

    // ---- flattened CSV ----------------------------------------------------------------------------------------------

    public void AddCsv(TextReader text, int collectionYear, string fileName)
    {
        if (!KnownYear(collectionYear, fileName))
        {
            return;
        }

        var codes = ReturnCodes.In(collectionYear);
        var t = new ReturnTable(text, fileName, _log, DateLayout.Iso, ["LAchildID", "RecordType", "CINreferralDate"], "census");
        int id = t.Column("LAchildID"), dob = t.Column("PersonBirthDate"), type = t.Column("RecordType"), referral = t.Column("CINreferralDate"),
            source = t.Column("ReferralSource"), need = t.Column("PrimaryNeedCode"), closure = t.Column("CINclosureDate"),
            reason = t.Column("ReasonForClosure"), nfa = t.Column("ReferralNFA"), aStart = t.Column("AssessmentActualStartDate"),
            aDone = t.Column("AssessmentAuthorisationDate"), sStart = t.Column("S47ActualStartDate"), icpc = t.Column("DateOfInitialCPC"),
            pStart = t.Column("CPPstartDate"), pEnd = t.Column("CPPendDate"), initial = t.Column("InitialCategoryOfAbuse"),
            latest = t.Column("LatestCategoryOfAbuse"), previous = t.Column("NumberOfPreviousCPP"), review = t.Column("CPPreviewDate");
        while (t.Next())
        {
            var raw = t.Required(id, "LAchildID");
            var birth = t.OptionalDate(dob, "PersonBirthDate");
            var kind = t.Code(type, "RecordType", RecordTypes);
            t.Date(referral, "CINreferralDate");
            if (!t.RowOk)
            {
                continue;
            }

            var c = ChildIndex(raw.ToString(), birth);
            switch (kind)
            {
                case "Referral":
                    var row = new CinReferral(c, t.Date(referral, "CINreferralDate"), t.OptionalDate(closure, "CINclosureDate"),
                        t.Code(source, "ReferralSource", codes.ReferralSource), t.OptionalCode(need, "PrimaryNeedCode", codes.PrimaryNeed),
                        t.OptionalCode(reason, "ReasonForClosure", codes.ReasonForClosure),
                        t.OptionalCode(nfa, "ReferralNFA", codes.Boolean) is "1" or "true");
                    if (t.RowOk && DateRules.ClosedBeforeReferral(row.ReferralDate, row.ClosureDate) is { } closedEarly) t.Fail("CINclosureDate", closedEarly);
                    if (t.RowOk) _referrals.Add((collectionYear, _order++, row));
                    break;
                case "Assessment":
                    var a = new CinAssessment(c, t.Date(aStart, "AssessmentActualStartDate"), t.OptionalDate(aDone, "AssessmentAuthorisationDate"));
                    if (t.RowOk) foreach (var (field, problem) in DateRules.Assessment(a.Start, a.Authorised)) t.Fail(field, problem);
                    if (t.RowOk) _assessments.Add((collectionYear, _order++, a));
                    break;
                case "Section47":
                    var s = new Section47Enquiry(c, t.Date(sStart, "S47ActualStartDate"), t.OptionalDate(icpc, "DateOfInitialCPC"));
                    if (t.RowOk) foreach (var (field, problem) in DateRules.Section47(s.Start, s.InitialConference)) t.Fail(field, problem);
                    if (t.RowOk) _s47.Add((collectionYear, _order++, s));
                    break;
                case "Plan":
                    var p = new ChildProtectionPlan(c, t.Date(pStart, "CPPstartDate"), t.OptionalDate(pEnd, "CPPendDate"),
                        t.Code(initial, "InitialCategoryOfAbuse", codes.CategoryOfAbuse),
                        t.OptionalCode(latest, "LatestCategoryOfAbuse", codes.CategoryOfAbuse),
                        t.OptionalInt(previous, "NumberOfPreviousCPP", 0, 99) ?? 0, []);
                    if (t.RowOk && DateRules.PlanEndedBeforeStart(p.Start, p.End) is { } endedEarly) t.Fail("CPPendDate", endedEarly);
                    if (t.RowOk) _plans.Add((collectionYear, _order++, p));
                    break;
                case "PlanReview":
                    var planStart = t.Date(pStart, "CPPstartDate");
                    var date = t.Date(review, "CPPreviewDate");
                    if (t.RowOk && DateRules.ReviewNotAfterStart(planStart, date) is { } early) t.Fail("CPPreviewDate", early);
                    if (t.RowOk) _csvReviews.Add((c, planStart, date));
                    break;
            }
        }

        Counted(collectionYear, fileName, t.Rows, t.HeaderOk);
    }

    // ---- merge ------------------------------------------------------------------------------------------------------

    public CinData Build()
    {
        _log.ThrowIfAny();
        var plans = Latest(_plans, p => (p.Child, p.Start.DayNumber));
        var reviews = new Dictionary<(int, int), SortedSet<DateOnly>>();
        foreach (var (_, _, p) in _plans)
        {
            Reviews(reviews, p.Child, p.Start).UnionWith(p.Reviews);
        }

        foreach (var (child, start, date) in _csvReviews)
        {
            Reviews(reviews, child, start).Add(date);
        }

        return new CinData
        {
            Coverage = ReturnCoverage.Of(_censuses.Keys),
            Children = [.. _children],
            Referrals = Latest(_referrals, r => (r.Child, r.ReferralDate.DayNumber)),
            Assessments = Latest(_assessments, a => (a.Child, a.Start.DayNumber)),
            Section47s = Latest(_s47, s => (s.Child, s.Start.DayNumber)),
            Plans = [.. plans.Select(p => p with { Reviews = [.. Reviews(reviews, p.Child, p.Start)] })],
        };
    }

    private static SortedSet<DateOnly> Reviews(Dictionary<(int, int), SortedSet<DateOnly>> all, int child, DateOnly start)
    {
        if (!all.TryGetValue((child, start.DayNumber), out var set))
        {
            all[(child, start.DayNumber)] = set = [];
        }

        return set;
    }

    private static T[] Latest<T>(List<(int Year, int Order, T Row)> rows, Func<T, (int, int)> key) =>
        [.. rows.OrderBy(r => r.Year).ThenBy(r => r.Order)
            .GroupBy(r => key(r.Row))
            .Select(g => g.Last().Row)
            .OrderBy(r => key(r).Item1).ThenBy(r => key(r).Item2)];
}
