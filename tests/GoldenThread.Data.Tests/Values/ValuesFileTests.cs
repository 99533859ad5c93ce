using GoldenThread.Core.Measures;
using System.Text;
using GoldenThread.Data.Values;

namespace GoldenThread.Data.Tests.Values;

public sealed class ValuesFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("goldenthread-values-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void ReadFile_CsvWithBomAndCrLf_Reads()
    {
        var bytes = new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes("measure,period,value,note\r\npct-fsm,2018/19,56.2,Café data\r\n")).ToArray();

        var o = Assert.Single(ValuesReader.ReadFile(Write("values.csv", bytes), TestPlan.Instance));

        Assert.Equal(56.2, o.Value);
        Assert.Equal("Café data", o.Note);
    }

    [Theory]
    [InlineData("values.txt", "values.txt: has the extension '.txt'; expected a .csv or .xlsx file")]
    [InlineData("values.xls", "values.xls: has the extension '.xls' (an old Excel workbook: save it as .xlsx); expected a .csv or .xlsx file")]
    public void ReadFile_OtherExtension_IsAnError(string name, string expected)
    {
        var ex = Assert.Throws<InputException>(() => ValuesReader.ReadFile(Write(name, [1, 2, 3]), TestPlan.Instance));

        Assert.Equal(expected, Assert.Single(ex.Errors).ToString());
    }

    [Fact]
    public void ReadFile_WorkbookNamedCsv_SaysItIsBinary()
    {
        // The start of a zip file followed by bytes that are not UTF-8.
        byte[] zip = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0xC3, 0x28, 0xFF, 0xFE];

        var ex = Assert.Throws<InputException>(() => ValuesReader.ReadFile(Write("values.csv", zip), TestPlan.Instance));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("values.csv", error.File);
        Assert.Contains("binary", error.Message);
    }

    [Fact]
    public void ReadFile_CsvInWindows1252_AsksForUtf8AtTheByte()
    {
        // "£5" in Windows-1252: 0xA3 is not valid UTF-8 on its own.
        byte[] bytes = [.. Encoding.ASCII.GetBytes("measure,period,value,note\npct-fsm,2018/19,5,"), 0xA3, (byte)'5', (byte)'\n'];

        var ex = Assert.Throws<InputException>(() => ValuesReader.ReadFile(Write("values.csv", bytes), TestPlan.Instance));

        Assert.Equal("values.csv:2: column 'note': is not UTF-8 text (byte 0xA3 at character 19 of the line; a binary file, or text saved in another encoding?); expected text saved as UTF-8 (in Excel: CSV UTF-8)", Assert.Single(ex.Errors).ToString());
    }

    [Fact]
    public void ReadCsvRows_UploadedBytesInWindows1252_AreRefusedAtTheByte()
    {
        // As an upload through the API arrives: bytes, with a byte-order mark; "£5" in Windows-1252 on line 2.
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.ASCII.GetBytes("measure,period,value,note\npct-fsm,2018/19,5,"), 0xA3, (byte)'5', (byte)'\n'];

        var ex = Assert.Throws<InputException>(() => ValuesReader.ReadCsvRows(bytes, "upload.csv", TestPlan.Instance));

        Assert.Equal((2, "note"), (Assert.Single(ex.Errors).Line, ex.Errors[0].Column));
    }

    [Fact]
    public void ReadCsvRows_UploadedBytesWithAByteOrderMark_AreRead() =>
        Assert.Equal(5, Assert.Single(ValuesReader.ReadCsvRows([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("measure,period,value\npct-fsm,2018/19,5\n")], "upload.csv", TestPlan.Instance)).Observation.Value);

    [Fact]
    public void ReadFile_Missing_IsAnInputError()
    {
        var ex = Assert.Throws<InputException>(() => ValuesReader.ReadFile(Path.Combine(_dir, "absent.csv"), TestPlan.Instance));

        Assert.StartsWith("absent.csv: cannot be opened: ", Assert.Single(ex.Errors).ToString());
    }
}

public class ValuesWriterTests
{
    [Fact]
    public void WriteCsv_EveryColumn_ReadsBackTheSameObservations()
    {
        var written = new[]
        {
            new Observation
            {
                MeasureId = "pct-fsm", Period = GoldenThread.Core.Periods.Period.AcademicYear(2018), Value = 56.2, Note = "a, \"quoted\" note",
                Benchmarks = new SuppliedBenchmarks { England = 57.1, StatisticalNeighbourAverage = 56.8, Quartile = 2 }, Updated = true,
                SuppliedDirection = new(GoldenThread.Core.Judgements.Direction.Improved, "Appendix A: Better"),
                SuppliedRag = new(GoldenThread.Core.Judgements.Rag.Amber, "Appendix A: A"),
            },
            new Observation { MeasureId = "cla-rate", Period = GoldenThread.Core.Periods.Period.FinancialYear(2019), Value = 53, Status = ValueStatus.Provisional },
        };
        var text = new StringWriter();

        ValuesWriter.WriteCsv(written, text);
        var read = ValuesReader.ReadCsv(new StringReader(text.ToString()), "v.csv", TestPlan.Instance);

        Assert.Equal(2, read.Count);
        Assert.Equal((56.2, "a, \"quoted\" note", true), (read[0].Value, read[0].Note, read[0].Updated));
        Assert.Equal((57.1, null, 56.8, 2), (read[0].Benchmarks!.England, read[0].Benchmarks!.Region, read[0].Benchmarks!.StatisticalNeighbourAverage, read[0].Benchmarks!.Quartile));
        Assert.Equal(written[0].SuppliedDirection, read[0].SuppliedDirection);
        Assert.Equal(written[0].SuppliedRag, read[0].SuppliedRag);
        Assert.Equal((ValueStatus.Provisional, (bool?)null, (SuppliedBenchmarks?)null), (read[1].Status, read[1].Updated, read[1].Benchmarks));
        Assert.Null(read[1].SuppliedDirection);
    }

    [Fact]
    public void WriteCsv_FiguresOnly_WritesTheNarrowHeader()
    {
        var text = new StringWriter();

        ValuesWriter.WriteCsv([new Observation { MeasureId = "m", Period = GoldenThread.Core.Periods.Period.FinancialYear(2019), Value = 1 }], text);

        Assert.StartsWith("measure,period,value,numerator,denominator,status,note\n", text.ToString());
    }
}
