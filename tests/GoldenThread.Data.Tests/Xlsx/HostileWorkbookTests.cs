using System.IO.Compression;
using System.Text;
using GoldenThread.Data.Lait;
using GoldenThread.Data.Tests.Values;
using GoldenThread.Data.Values;

namespace GoldenThread.Data.Tests.Xlsx;

/// <summary>
/// Damaged and hostile workbooks (issue 14), written part by part as a zip so each fault is exactly the one named:
/// every one is a single error naming the file and what is wrong, for the values file and the SN workbook alike.
/// </summary>
public class HostileWorkbookTests
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string Expected = "expected an .xlsx file saved by Excel or LibreOffice";

    private static Dictionary<string, string> Parts(string sheetName, string sheetData) => new()
    {
        ["[Content_Types].xml"] = "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
        ["_rels/.rels"] = $"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{Rel}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
        ["xl/workbook.xml"] = $"<workbook xmlns=\"{Main}\" xmlns:r=\"{Rel}\"><sheets><sheet name=\"{sheetName}\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
        ["xl/_rels/workbook.xml.rels"] = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
            $"<Relationship Id=\"rId1\" Type=\"{Rel}/worksheet\" Target=\"worksheets/sheet1.xml\"/>" +
            $"<Relationship Id=\"rId2\" Type=\"{Rel}/sharedStrings\" Target=\"sharedStrings.xml\"/>" +
            $"<Relationship Id=\"rId3\" Type=\"{Rel}/styles\" Target=\"styles.xml\"/></Relationships>",
        ["xl/sharedStrings.xml"] = $"<sst xmlns=\"{Main}\"><si><t>measure</t></si><si><t>period</t></si><si><t>value</t></si></sst>",
        ["xl/styles.xml"] = $"<styleSheet xmlns=\"{Main}\"><cellXfs count=\"1\"><xf numFmtId=\"0\"/></cellXfs></styleSheet>",
        ["xl/worksheets/sheet1.xml"] = $"<worksheet xmlns=\"{Main}\"><sheetData>{sheetData}</sheetData></worksheet>",
    };

    private const string ValuesRows =
        "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c></row>" +
        "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>count-m</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>2019</t></is></c><c r=\"C2\"><v>168</v></c></row>";

    private static MemoryStream Zip(Dictionary<string, string> parts, Action<ZipArchive>? more = null)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in parts)
            {
                using var w = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                w.Write(text);
            }

            more?.Invoke(zip);
        }

        ms.Position = 0;
        return ms;
    }

    private static string ValuesError(MemoryStream xlsx) =>
        Assert.Single(Assert.Throws<InputException>(() => ValuesReader.ReadXlsx(xlsx, "v.xlsx", TestPlan.Instance)).Errors).ToString();

    [Fact]
    public void TheBaseWorkbook_Reads() =>
        Assert.Equal(168, Assert.Single(ValuesReader.ReadXlsx(Zip(Parts("Values", ValuesRows)), "v.xlsx", TestPlan.Instance)).Value);

    public static TheoryData<string, Action<Dictionary<string, string>>, string> Damage => new()
    {
        // Positions below counted from the text: the sheet's end tag </worksheet> starts after 329 characters, its name at 332;
        // the shared strings' attribute with no '=' ends at 107, the parser stopping at 108.
        { "no package relationships", p => p.Remove("_rels/.rels"), $"v.xlsx: is not a readable XLSX workbook: the part '_rels/.rels' (the relationships part '_rels/.rels') is missing; {Expected}" },
        { "no workbook part", p => p.Remove("xl/workbook.xml"), $"v.xlsx: is not a readable XLSX workbook: the part 'xl/workbook.xml' (the workbook) is missing; {Expected}" },
        { "no sheet part", p => p.Remove("xl/worksheets/sheet1.xml"), $"v.xlsx: is not a readable XLSX workbook: the part 'xl/worksheets/sheet1.xml' (sheet 'Values') is missing; {Expected}" },
        {
            "a sheet id pointing nowhere", p => p["xl/workbook.xml"] = p["xl/workbook.xml"].Replace("rId1", "rId9"),
            $"v.xlsx: is not a readable XLSX workbook: sheet 'Values' points at relationship 'rId9', which the workbook does not have; {Expected}"
        },
        {
            "a sheet id pointing at the styles", p => p["xl/workbook.xml"] = p["xl/workbook.xml"].Replace("rId1", "rId3"),
            $"v.xlsx: is not a readable XLSX workbook: sheet 'Values' points at a part that is not a worksheet (styles.xml); {Expected}"
        },
        {
            "malformed sheet XML", p => p["xl/worksheets/sheet1.xml"] = p["xl/worksheets/sheet1.xml"].Replace("</sheetData>", ""),
            $"v.xlsx: is not a readable XLSX workbook: sheet 'Values' ('xl/worksheets/sheet1.xml') is not well-formed XML (line 1, position 332); {Expected}"
        },
        {
            "malformed shared strings", p => p["xl/sharedStrings.xml"] = p["xl/sharedStrings.xml"].Replace("<si><t>period", "<si><t period"),
            $"v.xlsx: is not a readable XLSX workbook: the shared strings ('xl/sharedStrings.xml') is not well-formed XML (line 1, position 108); {Expected}"
        },
        {
            "a DTD in the sheet", p => p["xl/worksheets/sheet1.xml"] = "<!DOCTYPE worksheet [<!ENTITY a \"aaaa\">]>" + p["xl/worksheets/sheet1.xml"],
            $"v.xlsx: is not a readable XLSX workbook: sheet 'Values' ('xl/worksheets/sheet1.xml') declares a DTD, which no workbook from Excel or LibreOffice does; {Expected}"
        },
        {
            "a DTD in the workbook", p => p["xl/workbook.xml"] = "<!DOCTYPE x SYSTEM \"http://example.invalid/x.dtd\">" + p["xl/workbook.xml"],
            $"v.xlsx: is not a readable XLSX workbook: the workbook ('xl/workbook.xml') declares a DTD, which no workbook from Excel or LibreOffice does; {Expected}"
        },
        {
            "a cell reference beyond column XFD", p => p["xl/worksheets/sheet1.xml"] = p["xl/worksheets/sheet1.xml"].Replace("r=\"C2\"", "r=\"ZZZZZZ2\""),
            "v.xlsx: is not a readable XLSX workbook: sheet 'Values' row 2 has a cell 'ZZZZZZ2' beyond column XFD; expected cells within Excel's 16,384 columns"
        },
        {
            "a row numbered ten million", p => p["xl/worksheets/sheet1.xml"] = p["xl/worksheets/sheet1.xml"].Replace("row r=\"2\"", "row r=\"10000000\""),
            "v.xlsx: is not a readable XLSX workbook: sheet 'Values' has a row numbered '10000000'; expected row numbers from 1 to 1,048,576 (Excel's limit)"
        },
        {
            "a value far to the right", p => p["xl/worksheets/sheet1.xml"] = p["xl/worksheets/sheet1.xml"].Replace("r=\"C2\"", "r=\"XFD2\""),
            "v.xlsx:2: has a value in column 16384, beyond the 64 columns a values workbook may use; expected the values in the named columns (docs/formats.md, Limits)"
        },
    };

    [Theory]
    [MemberData(nameof(Damage))]
    public void DamagedValuesWorkbook_IsOneErrorNamingTheFileAndTheFault(string scenario, Action<Dictionary<string, string>> damage, string expected)
    {
        var parts = Parts("Values", ValuesRows);
        damage(parts);

        Assert.True(expected == ValuesError(Zip(parts)), scenario + ": " + ValuesError(Zip(parts)));
    }

    [Fact]
    public void MillionsOfEmptyRows_AreRefusedAtExcelsRowLimit()
    {
        // About ten million <row/> elements compress to a few megabytes; reading stops at the 1,048,577th.
        var parts = Parts("Values", "");
        parts.Remove("xl/worksheets/sheet1.xml");
        var xlsx = Zip(parts, zip =>
        {
            using var w = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open());
            w.Write($"<worksheet xmlns=\"{Main}\"><sheetData>");
            for (var i = 0; i < 10_000_000; i++)
            {
                w.Write("<row/>");
            }

            w.Write("</sheetData></worksheet>");
        });

        Assert.Equal($"v.xlsx: sheet 'Values' has more than 1,048,576 rows (Excel's limit); {Expected}", ValuesError(xlsx));
    }

    [Fact]
    public void RowsHoldingValuesBeyondTheLimit_AreRefusedAtTheFirstRowBeyond()
    {
        var rows = new StringBuilder(ValuesRows.Replace("<row r=\"2\">", "<row>").Replace("r=\"A2\"", "").Replace("r=\"B2\"", "").Replace("r=\"C2\"", ""));
        var data = rows.ToString();
        var one = data[data.IndexOf("<row>", StringComparison.Ordinal)..];
        for (var i = 0; i < 100_000; i++)
        {
            rows.Append(one);
        }

        Assert.Equal(
            "v.xlsx: sheet 'Values' has more than 100,000 rows holding values (row 100001 is beyond the limit); expected at most 100,000 rows (docs/formats.md, Limits)",
            ValuesError(Zip(Parts("Values", rows.ToString()))));
    }

    [Fact]
    public void ACellOfMegabytes_IsRefusedAtExcelsCellLimit()
    {
        var parts = Parts("Values", ValuesRows.Replace("<v>168</v>", "<v>" + new string('9', 5_000_000) + "</v>"));

        Assert.Equal($"v.xlsx: holds a cell of more than 32,767 characters (Excel's limit for a cell); {Expected}", ValuesError(Zip(parts)));
    }

    [Fact]
    public void ASheetPartBeyondItsSizeLimit_IsRefusedFromItsDeclaredSize()
    {
        var parts = Parts("Values", ValuesRows);
        parts["xl/sharedStrings.xml"] = $"<sst xmlns=\"{Main}\"><si><t>measure</t></si>" + string.Concat(Enumerable.Repeat("<si><t>x</t></si>", 5_000_000)) + "</sst>";

        Assert.Equal(
            $"v.xlsx: the shared strings ('xl/sharedStrings.xml') is more than 64 MB uncompressed, more than any workbook GoldenThread reads holds; {Expected} (docs/formats.md, Limits)",
            ValuesError(Zip(parts)));
    }

    [Theory]
    [InlineData("no sheet part")]
    [InlineData("malformed sheet XML")]
    [InlineData("a DTD in the sheet")]
    [InlineData("a cell reference beyond column XFD")]
    [InlineData("a row numbered ten million")]
    public void DamagedNeighbourWorkbook_IsOneErrorNamingTheFileAndTheFault(string scenario)
    {
        var (_, damage, expected) = Damage.Select(d => ((string)d[0], (Action<Dictionary<string, string>>)d[1], (string)d[2])).Single(d => d.Item1 == scenario);
        var parts = Parts("LA SN Groups", ValuesRows);
        damage(parts);

        var ex = Assert.Throws<InputException>(() => LaitNeighbourReader.Read(Zip(parts), "v.xlsx"));

        Assert.Equal(expected.Replace("'Values'", "'LA SN Groups'"), Assert.Single(ex.Errors).ToString());
    }

    [Theory]
    [InlineData(20_000_000, "sn.xlsx: sheet 'LA SN Groups' ('xl/worksheets/sheet1.xml') is more than 256 MB uncompressed, more than any workbook GoldenThread reads holds; expected an .xlsx file saved by Excel or LibreOffice (docs/formats.md, Limits)")]
    [InlineData(150_000, "sn.xlsx: sheet 'LA SN Groups' has more than 100,000 rows holding values (row 100001 is beyond the limit); expected at most 100,000 rows (docs/formats.md, Limits)")]
    public void NeighbourWorkbookOfMillionsOfRows_IsRefusedAtALimit(int rows, string expected)
    {
        var parts = Parts("LA SN Groups", "");
        parts.Remove("xl/worksheets/sheet1.xml");
        var xlsx = Zip(parts, zip =>
        {
            using var w = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open());
            w.Write($"<worksheet xmlns=\"{Main}\"><sheetData>");
            for (var i = 0; i < rows; i++)
            {
                w.Write("<row><c><v>1</v></c></row>");
            }

            w.Write("</sheetData></worksheet>");
        });

        var ex = Assert.Throws<InputException>(() => LaitNeighbourReader.Read(xlsx, "sn.xlsx"));

        Assert.Equal(expected, Assert.Single(ex.Errors).ToString());
    }
}
