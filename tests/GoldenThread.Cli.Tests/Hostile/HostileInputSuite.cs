using System.Text;

namespace GoldenThread.Cli.Tests.Hostile;

/// <summary>The valid files, written once for the whole suite.</summary>
public sealed class HostileFilesFixture : IDisposable
{
    public HostileFilesFixture()
    {
        Root = CliRunner.TempDirectory();
        Files = new HostileFiles(Path.Combine(Root, "base"));
    }

    internal HostileFiles Files { get; }

    public string Root { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

/// <summary>
/// Every class of hostile input issue 14 names, against every reader the command line has, run in-process: each ends
/// with exit code 2 (or 0 where the input is only odd, not wrong), a message naming the file and, where there is one,
/// the line and column, no stack trace, nothing written, and fewer bytes allocated than its bound. Big inputs are made
/// here at run time; nothing large is committed.
/// </summary>
[Collection(InProcessCollection.Name)]
public sealed class HostileInputSuite(HostileFilesFixture fixture) : IClassFixture<HostileFilesFixture>
{
    private const long MB = 1024 * 1024;

    /// <summary>What a reader may allocate on a hostile input: a few hundred megabytes, never gigabytes.</summary>
    private const long DefaultBound = 400 * MB;

    private const string OutsideTheRange = "is outside the periods GoldenThread reads; expected a period from 1900 to 2100";
    private const string NotUtf8 = "is not UTF-8 text (byte 0xFF at character";

    internal enum Run
    {
        Validate,
        Report,
        ReportXlsx,
        ReportLait,
        Derive,
        Compare,
    }

    internal sealed record Case(string Name, Run Command, Action<HostileFiles> Damage, string Expected, int ExitCode = 2, string[]? Extra = null, string? Absent = null);

    private static void Replace(string path, string from, string to, int count = 1)
    {
        var text = File.ReadAllText(path);
        var at = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{from}' not found in {path}");
        for (var i = 0; i < count && at >= 0; i++)
        {
            text = text[..at] + to + text[(at + from.Length)..];
            at = text.IndexOf(from, at + to.Length, StringComparison.Ordinal);
        }

        File.WriteAllText(path, text);
    }

    /// <summary>Replaces the first field after <paramref name="before"/> with <paramref name="value"/>.</summary>
    private static void ReplaceValue(string path, string before, string value)
    {
        var text = File.ReadAllText(path);
        var start = text.IndexOf(before, StringComparison.Ordinal) + before.Length;
        var end = text.IndexOf(',', start);
        File.WriteAllText(path, text[..start] + value + text[end..]);
    }

    /// <summary>Writes <paramref name="text"/> with the byte 0xFF put where <c>¤</c> stands: a byte no UTF-8 text holds.</summary>
    private static void WithBadByte(string path, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text).ToList();
        var at = bytes.IndexOf(0xC2);
        Assert.True(bytes[at + 1] == 0xA4, "the marker ¤ is C2 A4");
        bytes.RemoveAt(at);
        bytes[at] = 0xFF;
        File.WriteAllBytes(path, [.. bytes]);
    }

    private static void BadByteAt(string path, int line, int character)
    {
        var lines = File.ReadAllText(path).Split('\n');
        lines[line - 1] = lines[line - 1].Insert(character - 1, "¤");
        WithBadByte(path, string.Join('\n', lines));
    }

    private static string Year903(HostileFiles f) => Path.GetFileName(Directory.GetDirectories(f.Ssda903Folder).Order(StringComparer.Ordinal).First());

    private static string Table903(HostileFiles f, string table) => Path.Combine(f.Ssda903Folder, Year903(f), table);

    private static string CinXml(HostileFiles f) => Directory.GetFiles(Path.Combine(f.CinFolder, f.CinYear), "*.xml").Single();

    private static void WriteXlsx(HostileFiles f, Action<Dictionary<string, string>> damage, string sheetData = ValuesRows)
    {
        var parts = HostileFiles.WorkbookParts("Values", sheetData);
        damage(parts);
        File.WriteAllBytes(f.ValuesXlsxPath, HostileFiles.Zip(parts));
    }

    private const string ValuesRows =
        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>measure</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>period</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>value</t></is></c></row>" +
        "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>m2</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>2016/17</t></is></c><c r=\"C2\"><v>1200</v></c></row>";

    private static string Values(string rows) => "measure,period,value,numerator,denominator,status,note\n" + rows;

    private static string Deep(string open, string close, int depth) =>
        new StringBuilder(open.Length * depth + close.Length * depth).Insert(0, open, depth).Insert(open.Length * depth, close, depth).ToString();

    public static TheoryData<string> Names => [.. Cases.Select(c => c.Name)];

    internal static readonly Case[] Cases =
    [
        // ---- periods outside the supported range ----
        new("period 9999/00 in the values file", Run.Report, f => File.WriteAllText(f.ValuesCsvPath, Values("m1,9999/00,96.5,,,,\n")),
            $"values.csv:2: column 'period': '9999/00' {OutsideTheRange}"),
        new("period 0001-01 in the values file", Run.Report, f => File.WriteAllText(f.ValuesCsvPath, Values("m2,0001-01,5,,,,\n")),
            $"values.csv:2: column 'period': '0001-01' {OutsideTheRange}"),
        new("period 0000/01 as a plan target", Run.Validate, f => Replace(f.PlanPath, "2016/17: 95", "0000/01: 95"),
            $"'0000/01' {OutsideTheRange}"),
        new("period 9999 in bds_long.csv", Run.ReportLait, f => Replace(f.BdsPath, ",2017,", ",9999,"),
            "bds_long.csv:12: column 'Years': '9999'"),
        new("--period Dec-9999", Run.Report, _ => { }, $"column '--period': 'Dec-9999' {OutsideTheRange}", Extra: ["--period", "Dec-9999"]),

        // ---- malformed workbooks ----
        new("values workbook without its sheet part", Run.ReportXlsx, f => WriteXlsx(f, p => p.Remove("xl/worksheets/sheet1.xml")),
            "values.xlsx: is not a readable XLSX workbook: the part 'xl/worksheets/sheet1.xml' (sheet 'Values') is missing"),
        new("values workbook without its workbook part", Run.ReportXlsx, f => WriteXlsx(f, p => p.Remove("xl/workbook.xml")),
            "values.xlsx: is not a readable XLSX workbook: the part 'xl/workbook.xml' (the workbook) is missing"),
        new("values workbook whose sheet id points nowhere", Run.ReportXlsx, f => WriteXlsx(f, p => p["xl/workbook.xml"] = p["xl/workbook.xml"].Replace("rId1", "rId9", StringComparison.Ordinal)),
            "values.xlsx: is not a readable XLSX workbook: sheet 'Values' points at relationship 'rId9'"),
        new("values workbook with malformed sheet XML", Run.ReportXlsx, f => WriteXlsx(f, p => p["xl/worksheets/sheet1.xml"] = p["xl/worksheets/sheet1.xml"].Replace("</sheetData>", "", StringComparison.Ordinal)),
            "values.xlsx: is not a readable XLSX workbook: sheet 'Values' ('xl/worksheets/sheet1.xml') is not well-formed XML (line 1, position"),
        new("values workbook with a DTD", Run.ReportXlsx, f => WriteXlsx(f, p => p["xl/worksheets/sheet1.xml"] = "<!DOCTYPE worksheet [<!ENTITY a \"aaaaaaaa\">]>" + p["xl/worksheets/sheet1.xml"]),
            "values.xlsx: is not a readable XLSX workbook: sheet 'Values' ('xl/worksheets/sheet1.xml') declares a DTD"),
        new("values workbook that is not a zip", Run.ReportXlsx, f => File.WriteAllText(f.ValuesXlsxPath, "measure,period,value\n"),
            "values.xlsx: "),
        new("values workbook whose zip directory miscounts its entries", Run.ReportXlsx, f => MiscountEntries(f.ValuesXlsxPath),
            "values.xlsx: is not an XLSX workbook (not a valid zip package)"),
        new("neighbour workbook truncated", Run.ReportLait, f => File.WriteAllBytes(f.NeighboursPath, File.ReadAllBytes(f.NeighboursPath)[..4000]),
            "sn.xlsx: "),
        new("neighbour workbook with a DTD", Run.ReportLait, f => File.WriteAllBytes(f.NeighboursPath, HostileFiles.Zip(new Dictionary<string, string>(HostileFiles.WorkbookParts("LA SN Groups", "")) { ["xl/workbook.xml"] = "<!DOCTYPE x []><workbook/>" })),
            "sn.xlsx: is not a readable XLSX workbook: the workbook ('xl/workbook.xml') declares a DTD"),

        // ---- plan YAML ----
        new("plan with an unclosed bracket", Run.Validate, f => File.WriteAllText(f.PlanPath, "plan: [a\nyears: 2020-2023\n"),
            "plan.yaml:1: column '7': YAML syntax: a list or mapping opened here"),
        new("plan nested 30,000 deep", Run.Validate, f => File.WriteAllText(f.PlanPath, Deep("[", "]", 30_000)),
            "plan.yaml:1: column '65': lists and mappings nested more than 64 levels deep"),
        new("plan of 8 MB of whitespace", Run.Validate, f => File.WriteAllText(f.PlanPath, new string(' ', 8 * (int)MB)),
            "plan.yaml: is more than 4 MB of text"),

        // ---- CIN dates outside the bank-holiday table ----
        new("CIN assessment started in 1994", Run.Derive, f => AssessmentIn(f, "1994-06-15"),
            "column 'AssessmentActualStartDate': falls in a year whose bank holidays are not known", Absent: "1994-06-15"),
        new("CIN collection year 2045", Run.Derive, f => CopyCinYear(f, "2045"),
            "2045 is not a collection year GoldenThread knows"),
        new("CIN collection year 2099", Run.Derive, f => CopyCinYear(f, "2099"),
            "2099 is not a collection year GoldenThread knows"),

        // ---- huge cell references and row-count bombs ----
        new("values workbook cell ZZZZZZ2", Run.ReportXlsx, f => WriteXlsx(f, _ => { }, ValuesRows.Replace("C2", "ZZZZZZ2", StringComparison.Ordinal)),
            "values.xlsx: is not a readable XLSX workbook: sheet 'Values' row 2 has a cell 'ZZZZZZ2' beyond column XFD"),
        new("values workbook row numbered ten million", Run.ReportXlsx, f => WriteXlsx(f, _ => { }, ValuesRows + "<row r=\"10000000\"><c r=\"A10000000\"><v>1</v></c></row>"),
            "values.xlsx: is not a readable XLSX workbook: sheet 'Values' has a row numbered '10000000'"),
        new("values workbook of 100,001 rows of values", Run.ReportXlsx, f => WriteXlsx(f, _ => { }, ValuesRows + ManyRows(100_001)),
            "values.xlsx: sheet 'Values' has more than 100,000 rows holding values (row 100001 is beyond the limit)"),
        new("values CSV of 1.1 million lines", Run.Report, f => File.WriteAllText(f.ValuesCsvPath, Values(new string('\n', 1_100_000))),
            "values.csv:1048577: the file has more than 1,048,576 lines"),
        new("SSDA903 table of 1.1 million lines", Run.Derive, f => File.AppendAllText(Table903(f, "header.csv"), new string('\n', 1_100_000)),
            "header.csv:1048577: the file has more than 1,048,576 lines"),
        new("CIN CSV of 1.1 million lines", Run.Derive, f => CinCsv(f, "C1,2010-01-01,Referral,2024-05-01,1A,N4,,,0" + new string('\n', 1_100_000)),
            "cin.csv:1048577: the file has more than 1,048,576 lines"),

        // ---- whitespace bombs ----
        new("values CSV with 2 MB of spaces in a field", Run.Report, f => File.WriteAllText(f.ValuesCsvPath, Values("m2,2016/17,5,,,," + new string(' ', 2 * (int)MB) + "\n")),
            "values.csv:2: column 'note' is more than 32,767 characters long"),
        new("bds_long.csv with 2 MB of spaces", Run.ReportLait, f => File.AppendAllText(f.BdsPath, new string(' ', 2 * (int)MB) + "\n"),
            "bds_long.csv:32: expected 7 columns; found 1"),
        new("values workbook with 2 MB of whitespace between cells", Run.ReportXlsx, f => WriteXlsx(f, _ => { }, ValuesRows.Replace("</c><c", "</c>" + new string(' ', 2 * (int)MB) + "<c", StringComparison.Ordinal)),
            "", ExitCode: 0),
        new("CIN XML with 2 MB of whitespace", Run.Derive, f => Replace(CinXml(f), "<Children>", "<Children>" + new string(' ', 2 * (int)MB)),
            "", ExitCode: 0),
        new("SSDA903 table with 2 MB of spaces on a line", Run.Derive, f => File.AppendAllText(Table903(f, "header.csv"), new string(' ', 2 * (int)MB) + "\n"),
            "header.csv:"),
        new("plan of 2 MB of newlines", Run.Validate, f => File.WriteAllText(f.PlanPath, new string('\n', 2 * (int)MB)),
            "plan.yaml:1: column '1': the file is empty"),

        // ---- huge fields and numbers ----
        new("values CSV field of 40 MB", Run.Report, f => File.WriteAllText(f.ValuesCsvPath, Values("m2,2016/17,5,,,,\"" + new string('x', 40 * (int)MB) + "\"\n")),
            "values.csv:2: column 'note' is more than 32,767 characters long"),
        new("values CSV number of 30,000 digits", Run.Report, f => File.WriteAllText(f.ValuesCsvPath, Values("m2,2016/17," + new string('9', 30_000) + ",,,,\n")),
            "values.csv:2: column 'value': '9999999999999999999999999999999999999999…' is 30000 characters long, longer than any number (64 characters at most)"),
        new("values CSV number of 200 KB", Run.Report, f => File.WriteAllText(f.ValuesCsvPath, Values("m2,2016/17," + new string('9', 200_000) + ",,,,\n")),
            "values.csv:2: column 'value' is more than 32,767 characters long"),
        new("bds_long.csv field of 5 MB", Run.ReportLait, f => Replace(f.BdsPath, "Review of child protection cases", new string('x', 5 * (int)MB)),
            "bds_long.csv:2: column 'Data item': the field is 5,242,880 bytes long"),
        new("dictionary field of 5 MB", Run.ReportLait, f => Replace(f.DictionaryPath, "Reviews held on time", new string('x', 5 * (int)MB)),
            "lait_data_dictionary.csv:2: column 'Description': the field is 5,242,907 bytes long"),
        new("SSDA903 field of 5 MB", Run.Derive, f => File.AppendAllText(Table903(f, "header.csv"), new string('7', 5 * (int)MB) + ",1,01/01/2010,WBRI\n"),
            "header.csv:52: column 'CHILD': is more than 32,767 characters long"),
        new("area comparison field of 40 MB", Run.Compare, f => File.AppendAllText(f.ComparisonData, "obese,Reception,\"" + new string('x', 40 * (int)MB) + "\",1,,,,,\n"),
            "data.csv:"),

        // ---- deep CIN XML ----
        new("CIN XML nested 100,000 deep", Run.Derive, f => Replace(CinXml(f), "<Children>", "<Children>" + Deep("<a>", "</a>", 100_000)),
            "elements nested more than 64 deep"),
        new("CIN XML with a DTD", Run.Derive, f => File.WriteAllText(CinXml(f), "<?xml version=\"1.0\"?><!DOCTYPE Message [<!ENTITY e \"e\">]><Message/>"),
            "declares a DTD, which a CIN census message never does"),

        // ---- figures that are not figures ----
        new("NaN in the values file", Run.Report, f => File.WriteAllText(f.ValuesCsvPath, Values("m2,2016/17,NaN,,,,\n")),
            "values.csv:2: column 'value': 'NaN' is not a figure"),
        new("Infinity as a benchmark in the values file", Run.Validate, f => File.WriteAllText(f.ValuesCsvPath, "measure,period,value,england\nm1,2016/17,5,Infinity\n"),
            "values.csv:2: column 'england': 'Infinity' is not a figure"),
        new("-Infinity in bds_long.csv", Run.ReportLait, f => ReplaceValue(f.BdsPath, "Leicestershire,", "-Infinity"),
            "column 'Values': '-Infinity' is not a figure"),
        new("NaN in bds_long.csv", Run.ReportLait, f => ReplaceValue(f.BdsPath, "England,", "NaN"),
            "bds_long.csv:2: column 'Values': 'NaN' is not a figure"),
        new("numerator above the denominator", Run.Report, f => File.WriteAllText(f.ValuesCsvPath, Values("m1,2016/17,,300,200,,\n")),
            "values.csv:2: column 'numerator': 300 is more than the denominator 200"),
        new("fractional denominator of a count", Run.Report, f => File.WriteAllText(f.ValuesCsvPath, Values("m1,2016/17,,100,200.5,,\n")),
            "values.csv:2: column 'denominator': 200.5 is not a whole number, but measure 'm1' counts children"),

        // ---- invalid UTF-8 ----
        new("invalid UTF-8 in the values CSV", Run.Report, f => BadByteAt(f.ValuesCsvPath, 3, 20),
            $"values.csv:3: column 'status': {NotUtf8} 20 of the line;"),
        new("invalid UTF-8 in the plan", Run.Validate, f => BadByteAt(f.PlanPath, 4, 9),
            $"plan.yaml:4: column '9': {NotUtf8} 9 of the line;"),
        new("invalid UTF-8 in bds_long.csv", Run.ReportLait, f => BadByteAt(f.BdsPath, 4, 15),
            $"bds_long.csv:4: column 'LA and Regions': {NotUtf8} 15 of the line;"),
        new("invalid UTF-8 in the dictionary's header", Run.ReportLait, f => BadByteAt(f.DictionaryPath, 1, 2),
            $"lait_data_dictionary.csv:1: column 'field 1': {NotUtf8} 2 of the line;"),
        new("invalid UTF-8 in a quoted multi-line field", Run.ReportLait, f => BadByteAt(f.DictionaryPath, 3, 5),
            $"lait_data_dictionary.csv:3: column 'Description': {NotUtf8} 5 of the line;"),
        new("invalid UTF-8 in an SSDA903 table", Run.Derive, f => BadByteAt(Table903(f, "header.csv"), 2, 1),
            $"header.csv:2: column 'CHILD': {NotUtf8} 1 of the line;"),
        new("invalid UTF-8 in a CIN CSV", Run.Derive, f => CinCsv(f, "C1,2010-01-01,Referral,2024-05-01,1¤A,N4,,,0\n"),
            $"cin.csv:2: column 'ReferralSource': {NotUtf8} 36 of the line;"),
        new("invalid UTF-8 in CIN XML", Run.Derive, f => BadByteAt(CinXml(f), 2, 2),
            "is not well-formed XML (line 2, position"),
        new("invalid UTF-8 in an area comparison", Run.Compare, f => BadByteAt(f.ComparisonData, 2, 3),
            $"data.csv:2: column 'indicator': {NotUtf8} 3 of the line;"),
    ];

    /// <summary>Adds one to the entry counts of the zip's end-of-central-directory record (found by a mutation: it crashed the reader).</summary>
    private static void MiscountEntries(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var end = bytes.AsSpan().LastIndexOf([(byte)0x50, (byte)0x4B, (byte)0x05, (byte)0x06]);
        Assert.True(end >= 0, "the zip has its end record");
        bytes[end + 8]++;
        bytes[end + 10]++;
        File.WriteAllBytes(path, bytes);
    }

    private static string ManyRows(int count)
    {
        var rows = new StringBuilder();
        for (var r = 3; r < count + 3; r++)
        {
            rows.Append("<row r=\"").Append(r).Append("\"><c r=\"A").Append(r).Append("\" t=\"inlineStr\"><is><t>m2</t></is></c></row>");
        }

        return rows.ToString();
    }

    private static void AssessmentIn(HostileFiles f, string date)
    {
        var xml = CinXml(f);
        var text = File.ReadAllText(xml);
        var at = text.IndexOf("<AssessmentActualStartDate>", StringComparison.Ordinal);
        Assert.True(at >= 0, "the synthetic census has an assessment");
        var start = at + "<AssessmentActualStartDate>".Length;
        File.WriteAllText(xml, text[..start] + date + text[(start + 10)..]);
    }

    private static void CopyCinYear(HostileFiles f, string year)
    {
        var folder = Path.Combine(f.CinFolder, year);
        Directory.CreateDirectory(folder);
        File.Copy(CinXml(f), Path.Combine(folder, "cin.xml"));
    }

    private static void CinCsv(HostileFiles f, string rows)
    {
        File.Delete(CinXml(f));
        WithBadByteIfMarked(Path.Combine(f.CinFolder, f.CinYear, "cin.csv"),
            "LAchildID,PersonBirthDate,RecordType,CINreferralDate,ReferralSource,PrimaryNeedCode,CINclosureDate,ReasonForClosure,ReferralNFA\n" + rows);
    }

    private static void WithBadByteIfMarked(string path, string text)
    {
        if (text.Contains('¤', StringComparison.Ordinal))
        {
            WithBadByte(path, text);
        }
        else
        {
            File.WriteAllText(path, text);
        }
    }

    internal static string[] Arguments(Run command, HostileFiles f, string outDir) => command switch
    {
        Run.Validate => ["validate", "--plan", f.PlanPath, "--data", f.ValuesCsvPath],
        Run.Report => ["report", "--plan", f.PlanPath, "--data", f.ValuesCsvPath, "--out", outDir, "--store", "none"],
        Run.ReportXlsx => ["report", "--plan", f.PlanPath, "--data", f.ValuesXlsxPath, "--out", outDir, "--store", "none"],
        Run.ReportLait => ["report", "--plan", f.PlanPath, "--data", f.ValuesCsvPath, "--benchmarks", f.BdsPath, "--dictionary", f.DictionaryPath,
            "--neighbours", f.NeighboursPath, "--la", "855", "--out", outDir, "--store", "none"],
        Run.Derive => ["derive", "--ssda903", f.Ssda903Folder, "--cin", f.CinFolder, "--out", Path.Combine(outDir, "derived.csv")],
        Run.Compare => ["compare", "--data", f.ComparisonData, "--indicators", f.ComparisonIndicators, "--benchmark", "England", "--out", outDir],
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    };

    [Fact]
    public void TheValidFiles_AreReadByEveryCommand()
    {
        foreach (var command in Enum.GetValues<Run>())
        {
            var outDir = Path.Combine(fixture.Root, "valid-" + command);
            var result = InProcessCli.Run(Arguments(command, fixture.Files, outDir));

            Assert.True(result.ExitCode == 0, $"{command}: exit {result.ExitCode}: {result.Error}");
            Assert.True(command == Run.Validate || Directory.EnumerateFiles(outDir).Any(), $"{command} wrote its files");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void HostileInput_IsRefusedAtItsPosition_WithNothingWritten(string name)
    {
        var c = Cases.Single(x => x.Name == name);
        var folder = Path.Combine(fixture.Root, "case-" + Array.IndexOf(Cases, c));
        var files = fixture.Files.CopyTo(folder);
        c.Damage(files);
        var outDir = Path.Combine(folder, "out");

        var result = InProcessCli.Run([.. Arguments(c.Command, files, outDir), .. c.Extra ?? []]);
        var wrote = Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any();
        Directory.Delete(folder, recursive: true);

        Assert.True(result.ExitCode == c.ExitCode, $"exit {result.ExitCode}, expected {c.ExitCode}: {result.Error}");
        Assert.True(result.Error.Contains(c.Expected, StringComparison.Ordinal), $"expected '{c.Expected}' in: {result.Error[..Math.Min(result.Error.Length, 600)]}");
        Assert.DoesNotContain("   at ", result.Error);
        Assert.DoesNotContain("failed unexpectedly", result.Error);
        Assert.True(result.Error.Length < 8_000, $"the message is {result.Error.Length} characters: nothing is quoted whole");
        if (c.Absent is { } absent)
        {
            Assert.DoesNotContain(absent, result.Error);
        }

        if (c.ExitCode != 0)
        {
            Assert.False(wrote, "nothing is written when the input is refused");
        }

        Assert.True(result.AllocatedBytes < DefaultBound, $"allocated {result.AllocatedBytes / MB} MB, more than {DefaultBound / MB} MB: {result.Error[..Math.Min(result.Error.Length, 600)]}");
    }
}
