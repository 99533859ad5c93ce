using System.Text;
using GoldenThread.Core.Returns;
using GoldenThread.Data.Returns;

namespace GoldenThread.Data.Tests.Returns;

public sealed class CinCensusReaderTests
{
    private const string Xml2016 = """
        <Message>
          <Header><CollectionDetails><Collection>CIN</Collection><Year>2016</Year></CollectionDetails></Header>
          <Children>
            <Child>
              <ChildIdentifiers><LAchildID>X1</LAchildID><PersonBirthDate>2010-05-01</PersonBirthDate><GenderCurrent>1</GenderCurrent></ChildIdentifiers>
              <ChildCharacteristics><Ethnicity>WBRI</Ethnicity></ChildCharacteristics>
              <CINdetails>
                <CINreferralDate>2015-06-01</CINreferralDate>
                <ReferralSource>6</ReferralSource>
                <PrimaryNeedCode>N1</PrimaryNeedCode>
                <ReferralNFA>false</ReferralNFA>
                <Assessments><AssessmentActualStartDate>2015-06-01</AssessmentActualStartDate><AssessmentAuthorisationDate>2015-08-03</AssessmentAuthorisationDate></Assessments>
                <Section47><S47ActualStartDate>2015-06-10</S47ActualStartDate><DateOfInitialCPC>2015-07-01</DateOfInitialCPC></Section47>
                <ChildProtectionPlans>
                  <CPPstartDate>2015-07-01</CPPstartDate>
                  <InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>
                  <LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse>
                  <NumberOfPreviousCPP>0</NumberOfPreviousCPP>
                  <Reviews><CPPreviewDate>2015-09-20</CPPreviewDate></Reviews>
                </ChildProtectionPlans>
              </CINdetails>
            </Child>
          </Children>
        </Message>
        """;

    private static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void AddXml_TwoYears_MergesPlanAndUnitesReviews()
    {
        var reader = new CinCensusReader();
        reader.AddXml(Stream(Xml2016), 2016, "2016/cin.xml");
        var xml2017 = Xml2016
            .Replace("<NumberOfPreviousCPP>", "<CPPendDate>2016-06-30</CPPendDate><NumberOfPreviousCPP>")
            .Replace("<CPPreviewDate>2015-09-20</CPPreviewDate>", "<CPPreviewDate>2016-03-01</CPPreviewDate>");
        reader.AddXml(Stream(xml2017), 2017, "2017/cin.xml");

        var data = reader.Build();

        var plan = Assert.Single(data.Plans);
        Assert.Equal(new DateOnly(2016, 6, 30), plan.End);
        Assert.Equal([new DateOnly(2015, 9, 20), new DateOnly(2016, 3, 1)], plan.Reviews);
        Assert.Single(data.Referrals);
        Assert.Equal(new DateOnly(2015, 8, 3), Assert.Single(data.Assessments).Authorised);
        Assert.Equal(new DateOnly(2010, 5, 1), Assert.Single(data.Children).Birth);
    }

    [Theory]
    [InlineData("<ReferralSource>6</ReferralSource>", "<ReferralSource>11</ReferralSource>", "2016/cin.xml:9: column 'ReferralSource': '11' is not a referral source code in the 2015/16 census: expected one of 1A, 1B, 1C, 1D, 2A, 2B, 3A, 3B, 3C, 3D, 3E, 3F, 4, 5A, 5B, 5C, 6, 7, 8, 9, 10")]
    [InlineData("<PrimaryNeedCode>N1</PrimaryNeedCode>", "<PrimaryNeedCode>N10</PrimaryNeedCode>", "2016/cin.xml:10: column 'PrimaryNeedCode': 'N10' is not a primary need code in the 2015/16 census: expected one of N0, N1, N2, N3, N4, N5, N6, N7, N8, N9")]
    [InlineData("<InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>", "<InitialCategoryOfAbuse>FIN</InitialCategoryOfAbuse>", "2016/cin.xml:16: column 'InitialCategoryOfAbuse': 'FIN' is not a category of abuse code in the 2015/16 census: expected one of NEG, PHY, SAB, EMO, MUL")]
    [InlineData("<CINreferralDate>2015-06-01</CINreferralDate>", "<CINreferralDate>01/06/2015</CINreferralDate>", "2016/cin.xml:8: column 'CINreferralDate': is not a date in the form yyyy-MM-dd")]
    [InlineData("<CPPstartDate>2015-07-01</CPPstartDate>", "", "2016/cin.xml:14: column 'CPPstartDate': is missing: a date in the form yyyy-MM-dd is required")]
    public void AddXml_BadField_PositionedAtTheElement(string good, string bad, string expected)
    {
        var reader = new CinCensusReader();
        reader.AddXml(Stream(Xml2016.Replace(good, bad)), 2016, "2016/cin.xml");

        var ex = Assert.Throws<InputException>(reader.Build);

        Assert.Equal(expected, ex.Errors[0].ToString());
    }

    [Fact]
    public void AddXml_NotXml_SaysSo()
    {
        var reader = new CinCensusReader();
        reader.AddXml(Stream("<Message><Children>"), 2016, "cin.xml");

        var ex = Assert.Throws<InputException>(reader.Build);

        Assert.StartsWith("cin.xml:1: is not well-formed XML", ex.Errors[0].ToString());
    }

    [Fact]
    public void AddCsv_FlattenedLayout_SameAsXml()
    {
        var csv = string.Join(",", CinCensusReader.CsvColumns) + "\n" +
            "X1,2010-05-01,Referral,2015-06-01,6,N1,,,false,,,,,,,,,,\n" +
            "X1,2010-05-01,Assessment,2015-06-01,,,,,,2015-06-01,2015-08-03,,,,,,,,\n" +
            "X1,2010-05-01,Section47,2015-06-01,,,,,,,,2015-06-10,2015-07-01,,,,,,\n" +
            "X1,2010-05-01,Plan,2015-06-01,,,,,,,,,,2015-07-01,,NEG,NEG,0,\n" +
            "X1,2010-05-01,PlanReview,2015-06-01,,,,,,,,,,2015-07-01,,,,,2015-09-20\n";
        var fromCsv = new CinCensusReader();
        fromCsv.AddCsv(new StringReader(csv), 2016, "cin.csv");
        var fromXml = new CinCensusReader();
        fromXml.AddXml(Stream(Xml2016), 2016, "cin.xml");

        var a = fromCsv.Build();
        var b = fromXml.Build();

        Assert.Equal(b.Referrals, a.Referrals);
        Assert.Equal(b.Assessments, a.Assessments);
        Assert.Equal(b.Section47s, a.Section47s);
        Assert.Equal(b.Plans.Single().Reviews, a.Plans.Single().Reviews);
        Assert.Equal(b.Plans.Single() with { Reviews = [] }, a.Plans.Single() with { Reviews = [] });
    }

    [Fact]
    public void AddCsv_BadRecordType_Positioned()
    {
        var reader = new CinCensusReader();
        reader.AddCsv(new StringReader("LAchildID,RecordType,CINreferralDate\nX1,Visit,2015-06-01\n"), 2016, "cin.csv");

        var ex = Assert.Throws<InputException>(reader.Build);

        Assert.Equal("cin.csv:2: column 'RecordType': 'Visit' is not a record type code: expected one of Referral, Assessment, Section47, Plan, PlanReview", ex.Errors[0].ToString());
    }
}

/// <summary>
/// The CIN census's date order (DfE CIN rules 8608, 8630, 8841, 8925), dates whose bank holidays are not known, the sex
/// element by year (rule 4180: GenderCurrent to 2023/24, Sex from 2024/25), and what a folder of censuses must hold.
/// </summary>
public sealed class CinCensusReaderRuleTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "gt-cin-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, true);
        }
    }

    private static string Census(string details, string sex = "<GenderCurrent>1</GenderCurrent>") => $"""
        <Message>
          <Children>
            <Child>
              <ChildIdentifiers><LAchildID>X1</LAchildID><PersonBirthDate>2010-05-01</PersonBirthDate>{sex}</ChildIdentifiers>
              <CINdetails>
                <CINreferralDate>2015-06-01</CINreferralDate>
                <ReferralSource>6</ReferralSource>
                {details}
              </CINdetails>
            </Child>
          </Children>
        </Message>
        """;

    private static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));

    private static InputException Fails(string xml, int year = 2016)
    {
        var reader = new CinCensusReader();
        reader.AddXml(Stream(xml), year, $"{year}/cin.xml");
        return Assert.Throws<InputException>(reader.Build);
    }

    public static TheoryData<string, string> BadDates => new()
    {
        { "<CINclosureDate>2015-05-31</CINclosureDate><ReasonForClosure>RC1</ReasonForClosure>",
            "2016/cin.xml:8: column 'CINclosureDate': is before CINreferralDate: a case cannot close before it was referred (DfE CIN rule 8630)" },
        { "<Assessments><AssessmentActualStartDate>2015-06-10</AssessmentActualStartDate><AssessmentAuthorisationDate>2015-06-09</AssessmentAuthorisationDate></Assessments>",
            "2016/cin.xml:8: column 'AssessmentAuthorisationDate': is before AssessmentActualStartDate: an assessment cannot be authorised before it starts (DfE CIN rule 8608)" },
        { "<Assessments><AssessmentActualStartDate>1994-06-10</AssessmentActualStartDate></Assessments>",
            "2016/cin.xml:8: column 'AssessmentActualStartDate': falls in a year whose bank holidays are not known (GoldenThread knows 1995 to 2040), so working days cannot be counted" },
        { "<Section47><S47ActualStartDate>2015-06-10</S47ActualStartDate><DateOfInitialCPC>2015-06-09</DateOfInitialCPC></Section47>",
            "2016/cin.xml:8: column 'DateOfInitialCPC': is before S47ActualStartDate: the initial conference cannot come before the enquiry starts" },
        { "<ChildProtectionPlans><CPPstartDate>2015-07-01</CPPstartDate><CPPendDate>2015-06-30</CPPendDate><InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse></ChildProtectionPlans>",
            "2016/cin.xml:8: column 'CPPendDate': is before CPPstartDate: a child protection plan cannot end before it starts (DfE CIN rule 8925)" },
        { "<ChildProtectionPlans><CPPstartDate>2015-07-01</CPPstartDate><InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse><Reviews><CPPreviewDate>2015-07-01</CPPreviewDate></Reviews></ChildProtectionPlans>",
            "2016/cin.xml:8: column 'CPPreviewDate': is on or before CPPstartDate: a plan's review comes after the plan starts (DfE CIN rule 8841)" },
    };

    [Theory]
    [MemberData(nameof(BadDates))]
    public void AddXml_DatesOutOfOrder_PositionedError(string details, string expected) =>
        Assert.Equal(expected, Fails(Census(details)).Errors[0].ToString());

    public static TheoryData<string, string> BadCsvDates => new()
    {
        { "X1,2010-05-01,Plan,2015-06-01,,,,,,,,,,2015-07-01,2015-06-30,NEG,NEG,0,",
            "cin.csv:2: column 'CPPendDate': is before CPPstartDate: a child protection plan cannot end before it starts (DfE CIN rule 8925)" },
        { "X1,2010-05-01,Assessment,2015-06-01,,,,,,2015-06-10,2015-06-09,,,,,,,,",
            "cin.csv:2: column 'AssessmentAuthorisationDate': is before AssessmentActualStartDate: an assessment cannot be authorised before it starts (DfE CIN rule 8608)" },
        { "X1,2010-05-01,Assessment,2015-06-01,,,,,,2015-06-10,2041-01-02,,,,,,,,",
            "cin.csv:2: column 'AssessmentAuthorisationDate': falls in a year whose bank holidays are not known (GoldenThread knows 1995 to 2040), so working days cannot be counted" },
    };

    [Theory]
    [MemberData(nameof(BadCsvDates))]
    public void AddCsv_DatesOutOfOrder_PositionedError(string row, string expected)
    {
        var reader = new CinCensusReader();
        reader.AddCsv(new StringReader(string.Join(",", CinCensusReader.CsvColumns) + "\n" + row + "\n"), 2016, "cin.csv");

        Assert.Equal(expected, Assert.Throws<InputException>(reader.Build).Errors[0].ToString());
    }

    [Theory]
    [InlineData(2025, "<GenderCurrent>1</GenderCurrent>", "2025/cin.xml:4: column 'GenderCurrent': is not part of the 2024/25 census, which records the child's sex as Sex (M, F, U)")]
    [InlineData(2024, "<Sex>M</Sex>", "2024/cin.xml:4: column 'Sex': is not part of the 2023/24 census, which records the child's sex as GenderCurrent (0, 1, 2, 9)")]
    [InlineData(2025, "<Sex>1</Sex>", "2025/cin.xml:4: column 'Sex': '1' is not a sex code in the 2024/25 census: expected one of M, F, U")]
    public void AddXml_SexElementOfAnotherYear_ErrorNamesTheYear(int year, string sex, string expected) =>
        Assert.Equal(expected, Fails(Census("", sex), year).Errors[0].ToString());

    [Fact]
    public void AddXml_SexOfItsYear_Accepted()
    {
        var reader = new CinCensusReader();
        reader.AddXml(Stream(Census("", "<Sex>F</Sex>")), 2025, "2025/cin.xml");

        Assert.Single(reader.Build().Referrals);
    }

    [Fact]
    public void AddXml_YearNotKnown_Error() =>
        Assert.StartsWith("2099/cin.xml: 2099 is not a collection year GoldenThread knows", Fails(Census(""), 2099).Errors[0].ToString());

    [Theory]
    [InlineData("no file", "2017: has no CIN census file: every collection year's folder needs its census, as XML (cin.xml) or the flattened CSV (cin.csv) (here the 2016/17 census)")]
    [InlineData("no children", "2017/cin.xml: lists no children: the 2016/17 census must list the year's children in need")]
    [InlineData("csv header only", "2017/cin.csv: lists no children: the 2016/17 census must list the year's children in need")]
    [InlineData("year 2099", "2099: 2099 is not a collection year GoldenThread knows")]
    public void ReadFolder_BadYearFolder_ClearError(string problem, string expected)
    {
        void Write(int year, string file, string text)
        {
            var dir = Path.Combine(_root, year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Directory.CreateDirectory(dir);
            if (file.Length > 0)
            {
                File.WriteAllText(Path.Combine(dir, file), text);
            }
        }

        Write(2016, "cin.xml", Census(""));
        switch (problem)
        {
            case "no file": Write(2017, "", ""); break;
            case "no children": Write(2017, "cin.xml", "<Message><Children></Children></Message>"); break;
            case "csv header only": Write(2017, "cin.csv", string.Join(",", CinCensusReader.CsvColumns) + "\n"); break;
            case "year 2099": Write(2099, "cin.xml", Census("")); break;
        }

        var ex = Assert.Throws<InputException>(() => CinCensusReader.ReadFolder(_root));

        Assert.StartsWith(expected, Assert.Single(ex.Errors).ToString().Replace(_root + Path.DirectorySeparatorChar, ""));
    }

    [Fact]
    public void ReadFolder_Years_Coverage()
    {
        foreach (var year in new[] { 2016, 2017 })
        {
            Directory.CreateDirectory(Path.Combine(_root, $"{year}"));
            File.WriteAllText(Path.Combine(_root, $"{year}", "cin.xml"), Census(""));
        }

        Assert.Equal([2016, 2017], CinCensusReader.ReadFolder(_root).Coverage.Years);
    }
}
