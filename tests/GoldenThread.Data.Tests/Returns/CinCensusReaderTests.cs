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
    [InlineData("<ReferralSource>6</ReferralSource>", "<ReferralSource>11</ReferralSource>", "2016/cin.xml:9: column 'ReferralSource': '11' is not a referral source code: expected one of 1A, 1B, 1C, 1D, 2A, 2B, 3A, 3B, 3C, 3D, 3E, 3F, 4, 5A, 5B, 5C, 6, 7, 8, 9, 10")]
    [InlineData("<PrimaryNeedCode>N1</PrimaryNeedCode>", "<PrimaryNeedCode>N10</PrimaryNeedCode>", "2016/cin.xml:10: column 'PrimaryNeedCode': 'N10' is not a primary need code: expected one of N0, N1, N2, N3, N4, N5, N6, N7, N8, N9")]
    [InlineData("<InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>", "<InitialCategoryOfAbuse>FIN</InitialCategoryOfAbuse>", "2016/cin.xml:16: column 'InitialCategoryOfAbuse': 'FIN' is not a category of abuse code: expected one of NEG, PHY, SAB, EMO, MUL")]
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
