using GoldenThread.Core.Returns;
using GoldenThread.Data.Returns;

namespace GoldenThread.Data.Tests.Returns;

public sealed class Ssda903ReaderTests
{
    private const string Header = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nA1,1,01/06/2005,WBRI,,,\nB2,2,10/02/2012,NOBT,,,\n";
    private const string Oc2Columns = "CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED\n";
    private const string EpisodeColumns = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n";

    private static LookedAfterData Read(params (Ssda903Table Table, int Year, string Text)[] files)
    {
        var reader = new Ssda903Reader();
        foreach (var (table, year, text) in files)
        {
            reader.Add(table, year, new StringReader(text), $"{year}/{table}.csv");
        }

        return reader.Build();
    }

    private static InputException Fails(params (Ssda903Table Table, int Year, string Text)[] files) =>
        Assert.Throws<InputException>(() => Read(files));

    [Fact]
    public void Build_TwoYears_LaterYearClosesTheOpenEpisode()
    {
        // 2016: A1's episode open at 31/3/16. 2017: the same episode (same DECOM) with its end, then a move.
        var data = Read(
            (Ssda903Table.Header, 2016, Header),
            (Ssda903Table.Episodes, 2016, EpisodeColumns + "A1,01/01/2016,S,C2,N1,U4,PR1,,,,,,\n"),
            (Ssda903Table.Header, 2017, Header),
            (Ssda903Table.Episodes, 2017, EpisodeColumns + "A1,01/01/2016,S,C2,N1,U4,PR1,01/07/2016,X1,,,,\nA1,01/07/2016,P,C2,N1,K2,PR4,,,CARPL,,,\n"));

        Assert.Equal(2, data.Episodes.Length);
        Assert.Equal(new DateOnly(2016, 7, 1), data.Episodes[0].End);
        Assert.Equal("X1", data.Episodes[0].ReasonCeased);
        Assert.Equal("K2", data.Episodes[1].Place);
        Assert.Equal("CARPL", data.Episodes[1].ReasonPlaceChange);
    }

    [Fact]
    public void Build_YearsAddedNewestFirst_OlderYearDoesNotWin()
    {
        var data = Read(
            (Ssda903Table.Header, 2017, Header),
            (Ssda903Table.Episodes, 2017, EpisodeColumns + "A1,01/01/2016,S,C2,N1,U4,PR1,01/07/2016,E13,,,,\n"),
            (Ssda903Table.Header, 2016, Header),
            (Ssda903Table.Episodes, 2016, EpisodeColumns + "A1,01/01/2016,S,C2,N1,U4,PR1,,,,,,\n"));

        Assert.Equal(new DateOnly(2016, 7, 1), Assert.Single(data.Episodes).End);
    }

    [Fact]
    public void Build_OverlappingEpisodes_EarlierClosedWhenTheNextStarts()
    {
        // A stale open episode from 2015 and a new one starting 1/9/15 with no record of the first ending.
        var data = Read(
            (Ssda903Table.Header, 2016, Header),
            (Ssda903Table.Episodes, 2016, EpisodeColumns + "A1,01/01/2015,S,C2,N1,U4,PR1,,,,,,\nA1,01/09/2015,P,C2,N1,U6,PR1,,,,,,\n"));

        Assert.Equal(new DateOnly(2015, 9, 1), data.Episodes[0].End);
        Assert.Equal("X1", data.Episodes[0].ReasonCeased);
        Assert.Null(data.Episodes[1].End);
    }

    [Fact]
    public void Build_DuplicateRowsInOneFile_KeptOnce()
    {
        var data = Read(
            (Ssda903Table.Header, 2016, Header + "A1,1,01/06/2005,WBRI,,,\n"),
            (Ssda903Table.Episodes, 2016, EpisodeColumns + "A1,01/01/2015,S,C2,N1,U4,PR1,,,,,,\nA1,01/01/2015,S,C2,N1,U4,PR1,,,,,,\n"),
            (Ssda903Table.Missing, 2016, "CHILD,DOB,MISSING,MIS_START,MIS_END\nA1,01/06/2005,M,01/05/2015,02/05/2015\nA1,01/06/2005,M,01/05/2015,02/05/2015\n"));

        Assert.Single(data.Episodes);
        Assert.Single(data.Missing);
        Assert.Equal(2, data.Children.Count);
    }

    public static TheoryData<string, string> BadEpisodes => new()
    {
        { "A1,01/01/2015,S,C9,N1,U4,PR1,,,,,,", "2016/Episodes.csv:2: column 'LS': 'C9' is not a legal status code in the 2015/16 return: expected one of C1, C2, D1, E1, V2, V3, V4, L1, L2, L3, J1, J2, J3" },
        { "A1,01/01/2015,Q,C2,N1,U4,PR1,,,,,,", "2016/Episodes.csv:2: column 'RNE': 'Q' is not a reason for new episode code in the 2015/16 return: expected one of S, L, P, T, U, B" },
        { "A1,01/01/2015,S,C2,N1,U9,PR1,,,,,,", "2016/Episodes.csv:2: column 'PLACE': 'U9' is not a placement type code in the 2015/16 return: expected one of A3, A4, A5, A6, H5, K1, K2, P1, P2, P3, R1, R2, R3, R5, S1, T0, T1, T2, T3, T4, U1, U2, U3, U4, U5, U6, Z1" },
        { "A1,01/01/2015,S,C2,N1,U4,PR9,,,,,,", "2016/Episodes.csv:2: column 'PLACE_PROVIDER': 'PR9' is not a placement provider code in the 2015/16 return: expected one of PR0, PR1, PR2, PR3, PR4, PR5" },
        { "A1,01/01/2015,S,C2,N1,U4,PR1,01/02/2015,E99,,,,", "2016/Episodes.csv:2: column 'REC': 'E99' is not a reason episode ceased code in the 2015/16 return: expected one of X1, E11, E12, E13, E14, E15, E16, E17, E2, E3, E41, E43, E44, E4A, E4B, E5, E6, E7, E8, E9" },
        { "A1,01/01/2015,S,C2,N1,U4,PR1,,,MOVED,,,", "2016/Episodes.csv:2: column 'REASON_PLACE_CHANGE': 'MOVED' is not a reason for placement change code in the 2015/16 return: expected one of CARPL, CLOSE, ALLEG, STAND, APPRR, CREQB, CREQO, CHILD, LAREQ, PLACE, CUSTOD, OTHER" },
        { "A1,2015-01-01,S,C2,N1,U4,PR1,,,,,,", "2016/Episodes.csv:2: column 'DECOM': is not a date in the form dd/MM/yyyy" },
        { "A1,31/02/2015,S,C2,N1,U4,PR1,,,,,,", "2016/Episodes.csv:2: column 'DECOM': is not a date in the form dd/MM/yyyy" },
        { "A1,01/01/2015,S,C2,N1,U4,PR1,01/12/2014,E13,,,,", "2016/Episodes.csv:2: column 'DEC': is before DECOM: an episode cannot cease before it starts" },
        { "A1,01/01/2015,S,C2,N1,U4,PR1,01/02/2015,,,,,", "2016/Episodes.csv:2: column 'REC': is blank but DEC is given: expected the reason the episode ceased" },
        { ",01/01/2015,S,C2,N1,U4,PR1,,,,,,", "2016/Episodes.csv:2: column 'CHILD': is blank: a value is required" },
    };

    [Theory]
    [MemberData(nameof(BadEpisodes))]
    public void Add_BadEpisodeField_NamesFileLineColumnCodeAndAllowed(string row, string expected)
    {
        var ex = Fails((Ssda903Table.Header, 2016, Header), (Ssda903Table.Episodes, 2016, EpisodeColumns + row + "\n"));

        Assert.Equal(expected, ex.Errors[0].ToString());
    }

    [Fact]
    public void Add_BadDateOfBirth_NeverEchoesTheValue()
    {
        var ex = Fails((Ssda903Table.Header, 2016, "CHILD,SEX,DOB,ETHNIC\nA1,1,1/6/2005,WBRI\n"));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("2016/Header.csv:2: column 'DOB': is not a date in the form dd/MM/yyyy", error.ToString());
        Assert.DoesNotContain("2005", ex.Message);
    }

    [Fact]
    public void Build_ChildWithoutHeader_ErrorWithoutTheIdentifier()
    {
        var ex = Fails((Ssda903Table.Header, 2016, Header), (Ssda903Table.Episodes, 2016, EpisodeColumns + "Z9SECRET,01/01/2015,S,C2,N1,U4,PR1,,,,,,\n"));

        Assert.Equal("2016/Episodes.csv:2: column 'CHILD': this child is in no Header table: every child must have a Header row", ex.Errors[0].ToString());
        Assert.DoesNotContain("Z9SECRET", ex.Message);
    }

    [Fact]
    public void Add_MissingColumn_ListsExpectedColumns()
    {
        var ex = Fails((Ssda903Table.Oc3, 2016, "CHILD,DOB,IN_TOUCH,ACTIV\n"));

        Assert.Equal("2016/Oc3.csv:1: column 'ACCOM': column 'ACCOM' is missing: expected the columns CHILD, DOB, IN_TOUCH, ACTIV, ACCOM", ex.Errors[0].ToString());
    }

    public static TheoryData<Ssda903Table, string, string> BadOtherTables => new()
    {
        { Ssda903Table.Oc3, "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\nA1,01/06/2005,MAYBE,F1,U1\n", "column 'IN_TOUCH': 'MAYBE' is not a in touch code in the 2015/16 return: expected one of YES, NO, DIED, REFU, NREQ, RHOM" },
        { Ssda903Table.Oc3, "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\nA1,01/06/2005,YES,F3,U1\n", "column 'ACTIV': 'F3' is not a care leaver activity code in the 2015/16 return: expected one of F1, P1, F2, P2, F4, P4, F5, P5, G4, G5, G6, 0" },
        { Ssda903Table.Oc3, "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\nA1,01/06/2005,YES,F1,U3\n", "column 'ACCOM': 'U3' is not a care leaver accommodation code in the 2015/16 return: expected one of B1, B2, C1, C2, D1, D2, E1, E2, G1, G2, H1, H2, K1, K2, R1, R2, S1, S2, T1, T2, U1, U2, V1, V2, W1, W2, X1, X2, Y1, Y2, Z1, Z2, 0" },
        { Ssda903Table.Oc2, Oc2Columns + "A1,01/06/2005,41,,0,,1,1,1,0,,\n", "column 'SDQ_SCORE': is not a whole number from 0 to 40" },
        { Ssda903Table.Oc2, Oc2Columns + "A1,01/06/2005,12,,0,,1,1,Y,0,,\n", "column 'HEALTH_ASSESSMENT': 'Y' is not a flag code in the 2015/16 return: expected one of 0, 1" },
        { Ssda903Table.Missing, "CHILD,DOB,MISSING,MIS_START,MIS_END\nA1,01/06/2005,X,01/05/2015,\n", "column 'MISSING': 'X' is not a missing type code in the 2015/16 return: expected one of M, A" },
        { Ssda903Table.Reviews, "CHILD,DOB,REVIEW,REVIEW_CODE\nA1,01/06/2005,01/05/2015,PN9\n", "column 'REVIEW_CODE': 'PN9' is not a review participation code in the 2015/16 return: expected one of PN0, PN1, PN2, PN3, PN4, PN5, PN6, PN7" },
        { Ssda903Table.PrevPerm, "CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM\nA1,01/06/2005,P5,,\n", "column 'PREV_PERM': 'P5' is not a previous permanence code in the 2015/16 return: expected one of P1, P2, P3, P4, Z1" },
    };

    [Theory]
    [MemberData(nameof(BadOtherTables))]
    public void Add_BadCodeInOtherTables_Positioned(Ssda903Table table, string text, string expected)
    {
        var ex = Fails((Ssda903Table.Header, 2016, Header), (table, 2016, text));

        Assert.Equal($"2016/{table}.csv:2: {expected}", ex.Errors[0].ToString());
    }

    [Fact]
    public void Add_SeveralProblems_AllReportedAtOnce()
    {
        var ex = Fails((Ssda903Table.Header, 2016, Header),
            (Ssda903Table.Episodes, 2016, EpisodeColumns + "A1,01/01/2015,S,C9,N1,U9,PR1,,,,,,\nB2,01/01/2015,S,C2,N1,U4,PR1,xx,,,,,\n"));

        Assert.Equal(["LS", "PLACE", "DEC"], ex.Errors.Select(e => e.Column));
        Assert.Equal([2, 2, 3], ex.Errors.Select(e => e.Line));
    }

    [Fact]
    public void Add_QuotedFieldsAndCrLf_Read()
    {
        var data = Read(
            (Ssda903Table.Header, 2016, "\"CHILD\",SEX,DOB,ETHNIC\r\n\"A1\",1,01/06/2005,\"WBRI\"\r\n\r\n"),
            (Ssda903Table.Episodes, 2016, EpisodeColumns.Replace("\n", "\r\n") + "A1,01/01/2015,S,C2,N1,U4,PR1,,,,\"12 High St, Town\",,\r\n"));

        Assert.Equal("A1", Assert.Single(data.Children).Id);
        Assert.Single(data.Episodes);
    }

    [Theory]
    [InlineData("episodes.csv", Ssda903Table.Episodes)]
    [InlineData("SSDA903_2016_Header.csv", Ssda903Table.Header)]
    [InlineData("placedadoption.csv", Ssda903Table.PlacedAdoption)]
    [InlineData("OC3.csv", Ssda903Table.Oc3)]
    [InlineData("notes.csv", null)]
    public void TableFromFileName_Names_Table(string file, Ssda903Table? expected) =>
        Assert.Equal(expected, Ssda903Reader.TableFromFileName(file));
}

/// <summary>
/// Each collection year's codes and columns (DfE's 903 guide and validation rules of that year; docs/returns.md cites each
/// change), the date-of-birth rules 301 and 302, and what a folder of returns must hold.
/// </summary>
public sealed class Ssda903ReaderYearTests : IDisposable
{
    private const string EpisodeColumns = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC\n";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "gt-903-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, true);
        }
    }

    private static string HeaderFor(int year) => $"CHILD,SEX,DOB,ETHNIC\nA1,{(year >= 2025 ? "F" : "2")},01/06/2005,WBRI\n";

    private static Ssda903Reader Reader(int year, Ssda903Table table, string text)
    {
        var reader = new Ssda903Reader();
        reader.Add(Ssda903Table.Header, year, new StringReader(HeaderFor(year)), $"{year}/Header.csv");
        reader.Add(table, year, new StringReader(text), $"{year}/{table}.csv");
        return reader;
    }

    public static TheoryData<int, Ssda903Table, string, string> WrongYear => new()
    {
        { 2025, Ssda903Table.Header, "CHILD,SEX,DOB,ETHNIC\nB2,1,01/06/2005,WBRI\n",
            "2025/Header.csv:2: column 'SEX': '1' is not a sex code in the 2024/25 return (valid up to the 2023/24 return by DfE's guides): expected one of M, F, U" },
        { 2024, Ssda903Table.Header, "CHILD,SEX,DOB,ETHNIC\nB2,M,01/06/2005,WBRI\n",
            "2024/Header.csv:2: column 'SEX': 'M' is not a sex code in the 2023/24 return (valid from the 2024/25 return by DfE's guides): expected one of 1, 2" },
        { 2019, Ssda903Table.Episodes, EpisodeColumns + "A1,01/05/2018,S,C2,N1,U4,PR1,01/02/2019,E43\n",
            "2019/Episodes.csv:2: column 'REC': 'E43' is not a reason episode ceased code in the 2018/19 return (valid up to the 2017/18 return by DfE's guides): expected one of X1, E11, E12, E13, E14, E15, E16, E17, E2, E3, E41, E45, E46, E47, E48, E4A, E4B, E5, E6, E7, E8, E9" },
        { 2018, Ssda903Table.Episodes, EpisodeColumns + "A1,01/05/2017,S,C2,N1,U4,PR1,01/02/2018,E45\n",
            "2018/Episodes.csv:2: column 'REC': 'E45' is not a reason episode ceased code in the 2017/18 return (valid from the 2018/19 return by DfE's guides): expected one of X1, E11, E12, E13, E14, E15, E16, E17, E2, E3, E41, E43, E44, E4A, E4B, E5, E6, E7, E8, E9" },
        { 2026, Ssda903Table.Episodes, EpisodeColumns + "A1,01/05/2025,S,C2,N1,H5,PR4,,\n",
            "2026/Episodes.csv:2: column 'PLACE': 'H5' is not a placement type code in the 2025/26 return (valid up to the 2024/25 return by DfE's guides): expected one of A3, A4, A5, A6, K1, K2, K3, P1, P3, R1, R2, R3, R5, S1, T0, T1, T2, T3, T4, U1, U2, U3, U4, U5, U6, Z11, Z12, Z13, Z14" },
        { 2024, Ssda903Table.Episodes, EpisodeColumns + "A1,01/05/2023,S,C2,N1,K3,PR4,,\n",
            "2024/Episodes.csv:2: column 'PLACE': 'K3' is not a placement type code in the 2023/24 return (valid from the 2024/25 return by DfE's guides): expected one of A3, A4, A5, A6, H5, K1, K2, P1, P2, P3, R1, R2, R3, R5, S1, T0, T1, T2, T3, T4, U1, U2, U3, U4, U5, U6, Z1" },
        { 2023, Ssda903Table.Oc3, "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\nA1,01/06/2005,YES,F1,S1\n",
            "2023/Oc3.csv:2: column 'ACCOM': 'S1' is not a care leaver accommodation code in the 2022/23 return (valid up to the 2021/22 return by DfE's guides): expected one of B1, B2, C1, C2, D1, D2, E1, E2, G1, G2, H1, H2, K1, K2, R1, R2, S2, T1, T2, U1, U2, V1, V2, W1, W2, X2, Y1, Y2, Z1, Z2, 0" },
    };

    [Theory]
    [MemberData(nameof(WrongYear))]
    public void Add_CodeOfAnotherYear_ErrorNamesTheReturnsYear(int year, Ssda903Table table, string text, string expected)
    {
        var ex = Assert.Throws<InputException>(Reader(year, table, text).Build);

        Assert.Equal(expected, ex.Errors[0].ToString());
    }

    [Theory]
    [InlineData(2025, Ssda903Table.Header, "CHILD,SEX,DOB,ETHNIC\nB2,U,01/06/2005,WBRI\n")]
    [InlineData(2018, Ssda903Table.Episodes, "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC\nA1,01/05/2017,S,C2,N1,U4,PR1,01/02/2018,E44\n")]
    [InlineData(2019, Ssda903Table.Episodes, "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC\nA1,01/05/2018,S,C2,N1,U4,PR1,01/02/2019,E48\n")]
    [InlineData(2025, Ssda903Table.Episodes, "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC\nA1,01/05/2024,S,C2,N1,K3,PR4,,\nA1,01/06/2024,P,C2,N1,H5,PR4,,\n")]
    [InlineData(2026, Ssda903Table.Episodes, "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC\nA1,01/05/2025,S,C2,N1,Z11,,,\n")]
    [InlineData(2022, Ssda903Table.Oc3, "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\nA1,01/06/2005,YES,F1,S1\n")]
    public void Add_CodesOfTheirYear_Accepted(int year, Ssda903Table table, string text) =>
        Assert.NotNull(Reader(year, table, text).Build());

    [Fact]
    public void Add_SexLetters_StoredAsNumbers()
    {
        var reader = new Ssda903Reader();
        reader.Add(Ssda903Table.Header, 2025, new StringReader("CHILD,SEX,DOB,ETHNIC\nA1,M,01/06/2005,WBRI\nB2,F,01/06/2005,WBRI\nC3,U,01/06/2005,WBRI\n"), "2025/Header.csv");

        Assert.Equal([1, 2, 0], reader.Build().Children.Select(c => (int)c.Sex));
    }

    [Fact]
    public void Add_YearNotKnown_ErrorNamingTheYearsKnown()
    {
        var ex = Assert.Throws<InputException>(Reader(2099, Ssda903Table.Episodes, EpisodeColumns).Build);

        Assert.Equal("2099/Header.csv: 2099 is not a collection year GoldenThread knows: its code lists and bank holidays are known for the collection years " +
            "2016 (2015/16) to 2027 (2026/27), each folder named by the year of its 31 March", ex.Errors[0].ToString());
    }

    [Fact]
    public void Add_Oc2WithoutHealthAssessment_ListsTheYearsColumns()
    {
        var ex = Assert.Throws<InputException>(Reader(2024, Ssda903Table.Oc2,
            "CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED\n").Build);

        Assert.Equal("2024/Oc2.csv:1: column 'HEALTH_ASSESSMENT': column 'HEALTH_ASSESSMENT' is missing: expected the columns CHILD, DOB, SDQ_SCORE, SDQ_REASON, " +
            "CONVICTED, HEALTH_CHECK, IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT, SUBSTANCE_MISUSE, INTERVENTION_RECEIVED, INTERVENTION_OFFERED", ex.Errors[0].ToString());
    }

    [Fact]
    public void Add_Oc2_ReadsHealthAssessmentApartFromHealthCheck()
    {
        var data = Reader(2024, Ssda903Table.Oc2,
            "CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED\n" +
            "A1,01/06/2005,14,,0,,1,0,1,0,,\n").Build();

        var h = Assert.Single(data.Health);
        Assert.Equal((null, true, true, false), (h.HealthCheck, h.HealthAssessment, h.Immunisations, h.TeethCheck));
    }

    [Fact]
    public void Build_DateOfBirthAfterTheFirstEpisode_ErrorAtTheHeaderRow()
    {
        // Rule 302: the Header says born 1/6/2015, the first episode began 1/1/2015.
        var reader = new Ssda903Reader();
        reader.Add(Ssda903Table.Header, 2016, new StringReader("CHILD,SEX,DOB,ETHNIC\nA1,1,01/06/2015,WBRI\n"), "2016/Header.csv");
        reader.Add(Ssda903Table.Episodes, 2016, new StringReader(EpisodeColumns + "A1,01/01/2015,S,C2,N1,U4,PR1,01/02/2015,X1\nA1,01/02/2015,P,C2,N1,U6,PR1,,\n"), "2016/Episodes.csv");

        var ex = Assert.Throws<InputException>(reader.Build);

        Assert.Equal("2016/Header.csv:2: column 'DOB': is after the child's first episode starts (2016/Episodes.csv:2): a child cannot be looked after before being born (DfE 903 rule 302)",
            Assert.Single(ex.Errors).ToString());
        Assert.DoesNotContain("2015", ex.Errors[0].Message.Replace("2016/Episodes.csv", ""));
    }

    [Fact]
    public void Add_DateOfBirthAfterTheCollectionYear_Error()
    {
        var reader = new Ssda903Reader();
        reader.Add(Ssda903Table.Header, 2016, new StringReader("CHILD,SEX,DOB,ETHNIC\nA1,1,01/04/2016,WBRI\n"), "2016/Header.csv");

        var ex = Assert.Throws<InputException>(reader.Build);

        Assert.Equal("2016/Header.csv:2: column 'DOB': is after the 2015/16 collection year ends (31 March 2016): a child in the return must be born by then (DfE 903 rule 301)", ex.Errors[0].ToString());
    }

    private void WriteYear(int year, string? header = "default", string? episodes = "default")
    {
        var dir = Path.Combine(_root, year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(dir);
        if (header is not null)
        {
            File.WriteAllText(Path.Combine(dir, "Header.csv"), header == "default" ? HeaderFor(year) : header);
        }

        if (episodes is not null)
        {
            File.WriteAllText(Path.Combine(dir, "Episodes.csv"), episodes == "default" ? EpisodeColumns + $"A1,01/05/{year - 1},S,C2,N1,U4,PR1,,\n" : episodes);
        }
    }

    public static TheoryData<string, string> BadFolders => new()
    {
        { "episodes missing", "2017: has no Episodes table: every collection year's folder needs its Episodes.csv (here the 2016/17 return)" },
        { "episodes header only", "2017/Episodes.csv: has no rows: the 2016/17 return's Episodes table must list the year's episodes" },
        { "episodes empty file", "2017/Episodes.csv: the file is empty: expected a header row naming the columns" },
        { "header missing", "2017: has no Header table: every collection year's folder needs its Header.csv (here the 2016/17 return)" },
        { "year 2099", "2099: 2099 is not a collection year GoldenThread knows" },
        { "year 2015", "2015: 2015 is not a collection year GoldenThread knows" },
    };

    [Theory]
    [MemberData(nameof(BadFolders))]
    public void ReadFolder_BadYearFolder_ClearError(string problem, string expected)
    {
        WriteYear(2016);
        switch (problem)
        {
            case "episodes missing": WriteYear(2017, episodes: null); break;
            case "episodes header only": WriteYear(2017, episodes: EpisodeColumns); break;
            case "episodes empty file": WriteYear(2017, episodes: ""); break;
            case "header missing": WriteYear(2017, header: null); break;
            case "year 2099": WriteYear(2099); break;
            case "year 2015": WriteYear(2015); break;
        }

        var ex = Assert.Throws<InputException>(() => Ssda903Reader.ReadFolder(_root));

        Assert.StartsWith(expected, Assert.Single(ex.Errors).ToString().Replace(_root + Path.DirectorySeparatorChar, ""));
    }

    [Fact]
    public void ReadFolder_YearsAndTables_CoverageOfEach()
    {
        WriteYear(2016);
        WriteYear(2017);
        Directory.CreateDirectory(Path.Combine(_root, "notes")); // not a year: left alone
        File.WriteAllText(Path.Combine(_root, "2017", "OC2.csv"), "CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED\n");

        var data = Ssda903Reader.ReadFolder(_root);

        Assert.Equal([2016, 2017], data.Coverage.Years);
        Assert.Equal([2017], data.HealthCoverage.Years);
        Assert.Empty(data.CareLeaverCoverage.Years);
    }
}
