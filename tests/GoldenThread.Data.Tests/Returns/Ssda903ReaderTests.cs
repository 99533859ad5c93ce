using GoldenThread.Core.Returns;
using GoldenThread.Data.Returns;

namespace GoldenThread.Data.Tests.Returns;

public sealed class Ssda903ReaderTests
{
    private const string Header = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nA1,1,01/06/2005,WBRI,,,\nB2,2,10/02/2012,NOBT,,,\n";
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
        // 2015: A1's episode open at 31/3/15. 2016: the same episode (same DECOM) with its end, then a move.
        var data = Read(
            (Ssda903Table.Header, 2015, Header),
            (Ssda903Table.Episodes, 2015, EpisodeColumns + "A1,01/01/2015,S,C2,N1,U4,PR1,,,,,,\n"),
            (Ssda903Table.Header, 2016, Header),
            (Ssda903Table.Episodes, 2016, EpisodeColumns + "A1,01/01/2015,S,C2,N1,U4,PR1,01/07/2015,X1,,,,\nA1,01/07/2015,P,C2,N1,K2,PR4,,,CARPL,,,\n"));

        Assert.Equal(2, data.Episodes.Length);
        Assert.Equal(new DateOnly(2015, 7, 1), data.Episodes[0].End);
        Assert.Equal("X1", data.Episodes[0].ReasonCeased);
        Assert.Equal("K2", data.Episodes[1].Place);
        Assert.Equal("CARPL", data.Episodes[1].ReasonPlaceChange);
    }

    [Fact]
    public void Build_YearsAddedNewestFirst_OlderYearDoesNotWin()
    {
        var data = Read(
            (Ssda903Table.Header, 2016, Header),
            (Ssda903Table.Episodes, 2016, EpisodeColumns + "A1,01/01/2015,S,C2,N1,U4,PR1,01/07/2015,E13,,,,\n"),
            (Ssda903Table.Header, 2015, Header),
            (Ssda903Table.Episodes, 2015, EpisodeColumns + "A1,01/01/2015,S,C2,N1,U4,PR1,,,,,,\n"));

        Assert.Equal(new DateOnly(2015, 7, 1), Assert.Single(data.Episodes).End);
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
        { "A1,01/01/2015,S,C9,N1,U4,PR1,,,,,,", "2016/Episodes.csv:2: column 'LS': 'C9' is not a legal status code: expected one of C1, C2, D1, E1, V2, V3, V4, L1, L2, L3, J1, J2, J3" },
        { "A1,01/01/2015,Q,C2,N1,U4,PR1,,,,,,", "2016/Episodes.csv:2: column 'RNE': 'Q' is not a reason for new episode code: expected one of S, L, P, T, U, B" },
        { "A1,01/01/2015,S,C2,N1,U9,PR1,,,,,,", "2016/Episodes.csv:2: column 'PLACE': 'U9' is not a placement type code: expected one of A3, A4, A5, A6, H5, K1, K2, P1, P2, P3, R1, R2, R3, R5, S1, T0, T1, T2, T3, T4, U1, U2, U3, U4, U5, U6, Z1" },
        { "A1,01/01/2015,S,C2,N1,U4,PR9,,,,,,", "2016/Episodes.csv:2: column 'PLACE_PROVIDER': 'PR9' is not a placement provider code: expected one of PR0, PR1, PR2, PR3, PR4, PR5" },
        { "A1,01/01/2015,S,C2,N1,U4,PR1,01/02/2015,E99,,,,", "2016/Episodes.csv:2: column 'REC': 'E99' is not a reason episode ceased code: expected one of X1, E11, E12, E13, E14, E15, E16, E17, E2, E3, E41, E43, E44, E45, E46, E47, E48, E4A, E4B, E5, E6, E7, E8, E9" },
        { "A1,01/01/2015,S,C2,N1,U4,PR1,,,MOVED,,,", "2016/Episodes.csv:2: column 'REASON_PLACE_CHANGE': 'MOVED' is not a reason for placement change code: expected one of CARPL, CLOSE, ALLEG, STAND, APPRR, CREQB, CREQO, CHILD, LAREQ, PLACE, CUSTOD, OTHER" },
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
        { Ssda903Table.Oc3, "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\nA1,01/06/2005,MAYBE,F1,U1\n", "column 'IN_TOUCH': 'MAYBE' is not a in touch code: expected one of YES, NO, DIED, REFU, NREQ, RHOM" },
        { Ssda903Table.Oc3, "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\nA1,01/06/2005,YES,F3,U1\n", "column 'ACTIV': 'F3' is not a care leaver activity code: expected one of F1, P1, F2, P2, F4, P4, F5, P5, G4, G5, G6, 0" },
        { Ssda903Table.Oc3, "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\nA1,01/06/2005,YES,F1,U3\n", "column 'ACCOM': 'U3' is not a care leaver accommodation code: expected one of B1, B2, C1, C2, D1, D2, E1, E2, G1, G2, H1, H2, K1, K2, R1, R2, S1, S2, T1, T2, U1, U2, V1, V2, W1, W2, X1, X2, Y1, Y2, Z1, Z2, 0" },
        { Ssda903Table.Oc2, "CHILD,DOB,SDQ_SCORE,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK\nA1,01/06/2005,41,0,1,1,1\n", "column 'SDQ_SCORE': is not a whole number from 0 to 40" },
        { Ssda903Table.Oc2, "CHILD,DOB,SDQ_SCORE,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK\nA1,01/06/2005,12,0,Y,1,1\n", "column 'HEALTH_CHECK': 'Y' is not a flag code: expected one of 0, 1" },
        { Ssda903Table.Missing, "CHILD,DOB,MISSING,MIS_START,MIS_END\nA1,01/06/2005,X,01/05/2015,\n", "column 'MISSING': 'X' is not a missing type code: expected one of M, A" },
        { Ssda903Table.Reviews, "CHILD,DOB,REVIEW,REVIEW_CODE\nA1,01/06/2005,01/05/2015,PN9\n", "column 'REVIEW_CODE': 'PN9' is not a review participation code: expected one of PN0, PN1, PN2, PN3, PN4, PN5, PN6, PN7" },
        { Ssda903Table.PrevPerm, "CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM\nA1,01/06/2005,P5,,\n", "column 'PREV_PERM': 'P5' is not a previous permanence code: expected one of P1, P2, P3, P4, Z1" },
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
