using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GoldenThread.Core.Measures;
using GoldenThread.Core.Periods;
using GoldenThread.Data.Values;

namespace GoldenThread.Data.Tests.Values;

public class ValuesXlsxTests
{
    /// <summary>A cell to write: shared string, inline string, number, or a number shown with a date format.</summary>
    private abstract record XCell(string Reference);

    private sealed record Shared(string Reference, string Text) : XCell(Reference);

    private sealed record Inline(string Reference, string Text) : XCell(Reference);

    private sealed record Num(string Reference, string Invariant) : XCell(Reference);

    private sealed record DateSerial(string Reference, int Serial) : XCell(Reference);

    /// <summary>Writes a workbook whose first sheet holds the given rows (a row number and its cells) and a second sheet that must be ignored.</summary>
    private static MemoryStream Workbook(params (uint Row, XCell[] Cells)[] rows)
    {
        var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var sst = wb.AddNewPart<SharedStringTablePart>();
            sst.SharedStringTable = new SharedStringTable();
            var styles = wb.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font()),
                new Fills(new Fill()),
                new Borders(new Border()),
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));

            var sharedIndex = new Dictionary<string, int>();
            var data = new SheetData();
            foreach (var (rowNumber, cells) in rows)
            {
                var row = new Row { RowIndex = rowNumber };
                foreach (var c in cells)
                {
                    var reference = c.Reference + rowNumber;
                    row.Append(c switch
                    {
                        Shared s => new Cell
                        {
                            CellReference = reference, DataType = CellValues.SharedString,
                            CellValue = new CellValue(SharedIndex(s.Text).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                        },
                        Inline i => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(i.Text)) },
                        Num n => new Cell { CellReference = reference, CellValue = new CellValue(n.Invariant) },
                        DateSerial d => new Cell { CellReference = reference, StyleIndex = 1, CellValue = new CellValue(d.Serial.ToString(System.Globalization.CultureInfo.InvariantCulture)) },
                        _ => throw new ArgumentOutOfRangeException(nameof(rows)),
                    });
                }

                data.Append(row);
            }

            // The ignored sheet's part is created first, so only the workbook's sheet order picks the right one.
            var second = wb.AddNewPart<WorksheetPart>();
            var first = wb.AddNewPart<WorksheetPart>();
            first.Worksheet = new Worksheet(data);
            second.Worksheet = new Worksheet(new SheetData(new Row(new Cell { CellReference = "A1", DataType = CellValues.InlineString, InlineString = new InlineString(new Text("not this sheet")) }) { RowIndex = 1 }));
            wb.Workbook.AppendChild(new Sheets(
                new Sheet { Id = wb.GetIdOfPart(first), SheetId = 1, Name = "Values" },
                new Sheet { Id = wb.GetIdOfPart(second), SheetId = 2, Name = "Notes" }));

            int SharedIndex(string text)
            {
                if (!sharedIndex.TryGetValue(text, out var index))
                {
                    index = sharedIndex.Count;
                    sharedIndex[text] = index;
                    sst.SharedStringTable.AppendChild(new SharedStringItem(new Text(text)));
                }

                return index;
            }
        }

        stream.Position = 0;
        return stream;
    }

    private static readonly (uint, XCell[]) HeaderRow =
        (1, [new Shared("A", "measure"), new Shared("B", "Period"), new Inline("C", "value"), new Shared("D", "numerator"), new Shared("E", "denominator"), new Shared("F", "status"), new Shared("G", "quartile")]);

    [Fact]
    public void ReadXlsx_FirstSheet_ReadsSharedInlineNumericDateAndMissingCells()
    {
        using var xlsx = Workbook(
            HeaderRow,
            (2, [new Shared("A", "pct-fsm"), new Shared("B", "2018/19"), new Num("C", "56.200000000000003"), new Num("G", "2")]),
            (3, [new Shared("A", "cla-rate"), new Inline("B", "2019/20"), new Num("D", "460"), new Num("E", "86000"), new Inline("F", "provisional")]),
            (5, [new Shared("A", "cp-plans"), new DateSerial("B", 43555), new Num("C", "412")]),
            (6, [new Shared("A", "count-m"), new Num("B", "2019"), new Num("C", "1.68E2")]));

        var o = ValuesReader.ReadXlsx(xlsx, "v.xlsx", TestPlan.Instance);

        Assert.Equal(4, o.Count);
        Assert.Equal(("pct-fsm", Period.AcademicYear(2018), 56.2, 2), (o[0].MeasureId, o[0].Period, o[0].Value!.Value, o[0].Benchmarks!.Quartile!.Value));
        Assert.Equal(53.48837209302326, o[1].Value!.Value, 1e-9);
        Assert.Equal(ValueStatus.Provisional, o[1].Status);

        // Serial 43555 is 31 March 2019 (python: date(1899, 12, 30) + 43555 days).
        Assert.Equal(Period.Snapshot(new DateOnly(2019, 3, 31)), o[2].Period);
        Assert.Equal(412, o[2].Value);
        Assert.Equal((Period.CalendarYear(2019), 168.0), (o[3].Period, o[3].Value!.Value));
    }

    [Fact]
    public void ReadXlsx_BadCells_NameRowNumberAndHeader()
    {
        using var xlsx = Workbook(
            HeaderRow,
            (2, [new Shared("A", "pct-fsm"), new Shared("B", "2018/19"), new Num("C", "56.2")]),
            (4, [new Shared("A", "pct-fsm"), new Shared("B", "2019/20"), new Shared("C", "n/a")]),
            (7, [new Shared("A", "pct-fsm"), new Shared("B", "2020/21"), new Num("C", "3"), new Num("G", "0")]));

        var ex = Assert.Throws<InputException>(() => ValuesReader.ReadXlsx(xlsx, "v.xlsx", TestPlan.Instance));

        Assert.Equal(
            [
                "v.xlsx:4: column 'value': 'n/a' is not a number; expected a number such as 12.5 (a point for decimals, no thousands separators)",
                "v.xlsx:7: column 'quartile': '0' is not a quartile; expected 1, 2, 3 or 4 (1 the best)",
            ],
            ex.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void ReadXlsx_HeaderNotInRowOne_IsAnError()
    {
        using var xlsx = Workbook((3, [new Shared("A", "measure"), new Shared("B", "period"), new Shared("C", "value")]));

        var ex = Assert.Throws<InputException>(() => ValuesReader.ReadXlsx(xlsx, "v.xlsx", TestPlan.Instance));

        Assert.Equal("v.xlsx:3: no header row in row 1 of the first worksheet; expected column names in row 1, e.g. measure, period, value", Assert.Single(ex.Errors).ToString());
    }

    [Fact]
    public void ReadXlsx_NotAZip_SaysItIsNotAWorkbook()
    {
        using var notZip = new MemoryStream(Encoding.UTF8.GetBytes("measure,period,value\npct-fsm,2018/19,5\n"));

        var ex = Assert.Throws<InputException>(() => ValuesReader.ReadXlsx(notZip, "v.xlsx", TestPlan.Instance));

        Assert.Equal("v.xlsx: is not an XLSX workbook (not a valid zip package); expected an .xlsx file saved by Excel or LibreOffice, or a .csv file", Assert.Single(ex.Errors).ToString());
    }
}
