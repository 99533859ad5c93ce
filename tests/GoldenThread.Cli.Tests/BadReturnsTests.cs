namespace GoldenThread.Cli.Tests;

/// <summary>
/// Statutory returns that used to pass and must not (issue 12): each is a clear error naming the file, row and column (or
/// the option), exit code 2, never exit 70 or a parser's type name, and nothing is written. The fixture is a small
/// hand-made council: SSDA903 2023/24 and 2024/25, CIN census 2024/25 (no real child).
/// </summary>
public class BadReturnsTests
{
    private const string EpisodeColumns = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC\n";

    private const string Census = """
        <Message>
          <Children>
            <Child>
              <ChildIdentifiers><LAchildID>C1</LAchildID><PersonBirthDate>2015-05-01</PersonBirthDate><Sex>F</Sex></ChildIdentifiers>
              <CINdetails>
                <CINreferralDate>2024-06-03</CINreferralDate>
                <ReferralSource>6</ReferralSource>
                <Assessments><AssessmentActualStartDate>2024-06-03</AssessmentActualStartDate><AssessmentAuthorisationDate>2024-07-15</AssessmentAuthorisationDate></Assessments>
                <ChildProtectionPlans><CPPstartDate>2024-08-01</CPPstartDate><InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse></ChildProtectionPlans>
              </CINdetails>
            </Child>
          </Children>
        </Message>
        """;

    /// <summary>Writes the good fixture under a new folder; returns (903 root, CIN root, derive's output file).</summary>
    private static (string Ssda903, string Cin, string Out) Fixture()
    {
        var dir = CliRunner.TempDirectory();
        var lac = Path.Combine(dir, "ssda903");
        var cin = Path.Combine(dir, "cin");
        void Write(string path, string text)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        Write(Path.Combine(lac, "2024", "Header.csv"), "CHILD,SEX,DOB,ETHNIC\nA1,1,01/06/2012,WBRI\n");
        Write(Path.Combine(lac, "2024", "Episodes.csv"), EpisodeColumns + "A1,01/05/2023,S,C2,N1,U4,PR1,,\n");
        Write(Path.Combine(lac, "2025", "Header.csv"), "CHILD,SEX,DOB,ETHNIC\nA1,M,01/06/2012,WBRI\n");
        Write(Path.Combine(lac, "2025", "Episodes.csv"), EpisodeColumns + "A1,01/05/2023,S,C2,N1,U4,PR1,,\n");
        Write(Path.Combine(cin, "2025", "cin.xml"), Census);
        return (lac, cin, Path.Combine(dir, "derived.csv"));
    }

    [Fact]
    public void Derive_GoodFixture_Writes()
    {
        var (lac, cin, output) = Fixture();

        var result = CliRunner.Run("derive", "--ssda903", lac, "--cin", cin, "--population", "1000", "--out", output);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.True(File.Exists(output));
        // Its file keeps every count, small ones too: it says the file is for the council's own use, as its --help does.
        Assert.Contains("for the council's own use, not for publication", result.Output);
        Assert.Contains("for the council's own use, not for publication", CliRunner.Run("derive", "--help").Output);
    }

    public static TheoryData<string, string> BadReturns => new()
    {
        { "latest Episodes missing", "has no Episodes table: every collection year's folder needs its Episodes.csv (here the 2024/25 return)" },
        { "latest Episodes empty", "2025/Episodes.csv: has no rows: the 2024/25 return's Episodes table must list the year's episodes" },
        { "CIN file missing", "has no CIN census file: every collection year's folder needs its census" },
        { "CIN empty", "2025/cin.xml: lists no children: the 2024/25 census must list the year's children in need" },
        { "plan ends before it starts", "column 'CPPendDate': is before CPPstartDate: a child protection plan cannot end before it starts (DfE CIN rule 8925)" },
        { "assessment authorised before it starts", "column 'AssessmentAuthorisationDate': is before AssessmentActualStartDate: an assessment cannot be authorised before it starts (DfE CIN rule 8608)" },
        { "date of birth after the episodes", "2025/Header.csv:2: column 'DOB': is after the child's first episode starts (2024/Episodes.csv:2)" },
        { "year folder 2099", "2099 is not a collection year GoldenThread knows: its code lists and bank holidays are known for the collection years 2016 (2015/16) to 2027 (2026/27)" },
        { "CIN year whose bank holidays are not known", "2045 is not a collection year GoldenThread knows: its code lists and bank holidays are known" },
        { "date whose bank holidays are not known", "column 'AssessmentAuthorisationDate': falls in a year whose bank holidays are not known (GoldenThread knows 1995 to 2040)" },
        { "code from another year", "2025/Episodes.csv:2: column 'REC': 'E44' is not a reason episode ceased code in the 2024/25 return (valid up to the 2017/18 return by DfE's guides)" },
    };

    [Theory]
    [MemberData(nameof(BadReturns))]
    public void Derive_BadReturn_ClearErrorExit2NothingWritten(string problem, string expected)
    {
        var (lac, cin, output) = Fixture();
        var census = Path.Combine(cin, "2025", "cin.xml");
        switch (problem)
        {
            case "latest Episodes missing": File.Delete(Path.Combine(lac, "2025", "Episodes.csv")); break;
            case "latest Episodes empty": File.WriteAllText(Path.Combine(lac, "2025", "Episodes.csv"), EpisodeColumns); break;
            case "CIN file missing": File.Delete(census); break;
            case "CIN empty": File.WriteAllText(census, "<Message><Children></Children></Message>"); break;
            case "plan ends before it starts":
                File.WriteAllText(census, Census.Replace("<InitialCategoryOfAbuse>", "<CPPendDate>2024-07-31</CPPendDate><InitialCategoryOfAbuse>"));
                break;
            case "assessment authorised before it starts": File.WriteAllText(census, Census.Replace("2024-07-15", "2024-06-02")); break;
            case "date of birth after the episodes": File.WriteAllText(Path.Combine(lac, "2025", "Header.csv"), "CHILD,SEX,DOB,ETHNIC\nA1,M,01/06/2023,WBRI\n"); break;
            case "year folder 2099": Directory.CreateDirectory(Path.Combine(lac, "2099")); break;
            case "CIN year whose bank holidays are not known": Directory.CreateDirectory(Path.Combine(cin, "2045")); break;
            case "date whose bank holidays are not known": File.WriteAllText(census, Census.Replace("2024-07-15", "2041-01-07")); break;
            case "code from another year":
                File.WriteAllText(Path.Combine(lac, "2025", "Episodes.csv"), EpisodeColumns + "A1,01/05/2023,S,C2,N1,U4,PR1,01/06/2024,E44\n");
                break;
        }

        var result = CliRunner.Run("derive", "--ssda903", lac, "--cin", cin, "--out", output);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.DoesNotContain("Exception", result.Error);
        Assert.False(File.Exists(output), "nothing is written when the returns are rejected");
    }

    [Theory]
    [InlineData("abc", "'abc' is not a number")]
    [InlineData("0", "'0' is not above zero")]
    [InlineData("-5", "'-5' is not above zero")]
    [InlineData("NaN", "'NaN' is not a number")]
    [InlineData("12.5", "'12.5' is not a whole number")]
    public void DeriveAndReport_BadPopulation_NamesTheOption(string population, string expected)
    {
        var (lac, cin, output) = Fixture();
        var outDir = Path.Combine(Path.GetDirectoryName(output)!, "out");

        foreach (var result in new[]
        {
            CliRunner.Run("derive", "--ssda903", lac, "--cin", cin, $"--population={population}", "--out", output),
            CliRunner.Run("report", "--sample", "synthetic-social-care", $"--population={population}", "--out", outDir),
        })
        {
            Assert.Equal(2, result.ExitCode);
            Assert.Contains("command line: column '--population': " + expected, result.Error);
            Assert.Contains("a whole number above zero", result.Error);
            Assert.DoesNotContain("System.", result.Error);
        }

        Assert.False(File.Exists(output));
        Assert.False(Directory.Exists(outDir));
    }
}
