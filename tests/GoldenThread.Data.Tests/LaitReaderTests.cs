using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GoldenThread.Core;
using GoldenThread.Core.Periods;
using GoldenThread.Data.Lait;

namespace GoldenThread.Data.Tests;

public class LaitBdsReaderTests
{
    private const string Header = "Short Desc,Data item,Years,LA and Regions,Values,LA Number,Region\n";

    private static LaitBdsContent Read(string body, YearBasis? basis = YearBasis.Academic) =>
        LaitBdsReader.Read(new StringReader(Header + body), "bds.csv", _ => basis);

    [Fact]
    public void Read_TitleOnFirstRowOnly_FillsDownWithinCodeNotAcross()
    {
        var c = Read(
            "A,\"Title, with comma\",2025,Leicestershire,4.0999999999999996,855,East Midlands\n" +
            "A,,2025,Norfolk,-,926,East of England\n" +
            "B,,2025,Leicestershire,1,855,East Midlands\n");
        Assert.Equal("Title, with comma", c.Measures["A"].Title);
        Assert.Null(c.Measures["B"].Title);
        var values = c.Measures["A"].Periods.Single();
        Assert.Equal(Period.AcademicYear(2024), values.Period);
        Assert.Equal(4.1, values.ByArea[855]);
        Assert.False(values.ByArea.ContainsKey(926));
    }

    [Fact]
    public void Read_RegionNames_MatchedToRegionAreas()
    {
        var c = Read(
            "A,t,2025,Barking and Dagenham,1,301,Outer London\n" +
            "A,t,2025,London (Outer),1,988,NA\n" +
            "A,t,2025,Barnsley,1,370,Yorkshire and The Humber\n" +
            "A,t,2025,Yorkshire and the Humber,1,982,NA\n");
        Assert.Equal("London (Outer)", c.Areas[301].RegionName);
        Assert.Equal("Yorkshire and the Humber", c.Areas[370].RegionName);
        Assert.Null(c.Areas[988].RegionName);
    }

    [Fact]
    public void Read_ZeroYears_SkippedWithCountedWarning()
    {
        var c = Read("A,t,0,Leicestershire,-,855,East Midlands\nA,t,0,Norfolk,-,926,East of England\nA,t,2025,Norfolk,3,926,East of England\n");
        Assert.Equal(2, c.ZeroYearRowCount);
        Assert.Equal("bds.csv: measure 'A': skipped 2 rows with Years '0' (a placeholder, not a period; all their values are '-')", c.Warnings[0]);
        Assert.Equal("bds.csv: LA 855 (Leicestershire) has region 'East Midlands', which matches no region area (980-990); its region benchmark will be missing", c.Warnings[1]);
        Assert.Single(c.Measures["A"].Periods);
    }

    [Fact]
    public void Read_PeriodsOutOfOrder_SortedByEnd()
    {
        var c = Read("A,t,2025,L,1,855,R\nA,t,2023,L,1,855,R\nA,t,2024,L,1,855,R\n");
        Assert.Equal([2022, 2023, 2024], c.Measures["A"].Periods.Select(p => p.Period.Start.Year));
    }

    [Theory]
    [InlineData("A,t,2025,L,abc,855,R\n", "bds.csv:2: column 'Values': 'abc' is not a number; expected a number such as 12.5, or '-' for a missing value")]
    [InlineData("A,t,2025,L,1,x55,R\n", "bds.csv:2: column 'LA Number': 'x55' is not an LA number; expected a whole number such as 855")]
    [InlineData("A,t,2025,L,1,855\n", "bds.csv:2: expected 7 columns; found 6")]
    [InlineData(",t,2025,L,1,855,R\n", "bds.csv:2: column 'Short Desc': expected a measure code; found an empty field")]
    [InlineData("A,t,Spring 25,L,1,855,R\n", "bds.csv:2: column 'Years': 'Spring 25' is not a period; expected a period such as 2015/16 Q3, Q3 2015/16, 2015/16, 2015, 2014-16, 2013/14-15/16, Dec-15, 2015-12, 31/12/2015 or 2015-12-31, optionally followed by (Rev), (Final), (OT) or (prov)")]
    [InlineData("A,\"open,2025,L,1,855,R\n", "bds.csv:2: a quoted field is not closed; expected a closing double quote")]
    [InlineData("A,t,2025,L,1,855,R\nA,t,2025,L,2,855,R\n", "bds.csv:3: a second value for measure 'A', period '2025', LA 855; expected one row per measure, period and area")]
    [InlineData("A,t,2025,L,1,855,R\nA,t,2024,M,2,855,R\n", "bds.csv:3: column 'LA and Regions': LA 855 is named 'M' here and 'L' on line 2; expected one name per LA number")]
    public void Read_BadRow_ThrowsPositionedError(string body, string expected)
    {
        var ex = Assert.Throws<InputException>(() => Read(body));
        Assert.Equal(expected, ex.Errors[0].ToString());
    }

    [Fact]
    public void Read_WrongHeader_Throws()
    {
        var ex = Assert.Throws<InputException>(() => LaitBdsReader.Read(new StringReader("Code,Years\n"), "bds.csv", _ => null));
        Assert.Equal("bds.csv:1: expected the header 'Short Desc,Data item,Years,LA and Regions,Values,LA Number,Region'; found 'Code,Years'", ex.Message);
    }

    [Fact]
    public void Read_SeveralBadRows_AllCollected()
    {
        var ex = Assert.Throws<InputException>(() => Read("A,t,2025,L,x,855,R\nA,t,2025,M,y,856,R\n"));
        Assert.Equal([2, 3], ex.Errors.Select(e => e.Line!.Value));
    }
}

public class LaitDictionaryReaderTests
{
    private const string Header = "\"Measure_code\",\"Topic\",\"Measure\",\"Measure_short\",\"Polarity\",\"y_axis_name\",\"Description\",\"Methodology\",\"dps\",\"Year_Type\",\"No_Quartile\"\n";

    private static LaitDictionaryContent Read(string body) => LaitDictionaryReader.Read(new StringReader(Header + body), "dict.csv");

    [Fact]
    public void Read_MultiLineQuotedFields_OneMeasure()
    {
        var c = Read("\"4\",\"Health\",\"Infant Mortality\",\"InfMort\",\"Low\",\"Rate\",\"d\",\"line one\n\nline \"\"three\"\"\",\"NA\",\"Calendar Year\",NA\n" +
                     "\"5\",\"KS2\",\"Scaled\",\"KS2R\",\"High\",NA,NA,NA,\"2\",\"Academic Year\",\"N\"\n");
        var inf = c.Measures["InfMort"];
        Assert.Equal((Polarity.LowerIsBetter, (int?)null, (YearBasis?)YearBasis.Calendar, false), (inf.Polarity, inf.DecimalPlaces, inf.YearBasis, inf.NoQuartile));
        Assert.Equal("line one\n\nline \"three\"", inf.Methodology);
        var ks2 = c.Measures["KS2R"];
        Assert.Equal((Polarity.HigherIsBetter, (int?)2, true, (string?)null), (ks2.Polarity, ks2.DecimalPlaces, ks2.NoQuartile, ks2.AxisName));
    }

    [Theory]
    [InlineData("-", Polarity.NoJudgement)]
    [InlineData("NA", Polarity.NoJudgement)]
    [InlineData("High", Polarity.HigherIsBetter)]
    public void Read_Polarity_Parsed(string text, Polarity expected) =>
        Assert.Equal(expected, Read($"1,T,M,C,\"{text}\",y,d,m,1,Financial Year,NA\n").Measures["C"].Polarity);

    [Theory]
    [InlineData("Annual", YearBasis.Financial)]
    [InlineData("Annual (end of Sept)", YearBasis.Calendar)]
    [InlineData("Annual - January", YearBasis.Calendar)]
    [InlineData("Academic Year", YearBasis.Academic)]
    public void Read_YearType_MapsToBasis(string text, YearBasis expected) =>
        Assert.Equal(expected, Read($"1,T,M,C,High,y,d,m,1,{text},NA\n").Measures["C"].YearBasis);

    [Fact]
    public void Read_CodeUnderTwoTopics_MergedWithWarning()
    {
        var c = Read("1,KS4,M,C,High,y,d,m,1,Academic Year,NA\n2,SEN,M2,C,High,y,d,m,1,Academic Year,N\n");
        Assert.Equal(("KS4 / SEN", true), (c.Measures["C"].Topic, c.Measures["C"].NoQuartile));
        Assert.Equal("dict.csv:3: measure 'C' is listed again (first on line 2); merged: topics 'KS4 / SEN', No_Quartile N", Assert.Single(c.Warnings));
    }

    [Theory]
    [InlineData("1,T,M,C,Up-ish,y,d,m,1,Academic Year,NA\n", "dict.csv:2: column 'Polarity': 'Up-ish' is not a polarity; expected High, Low, - or NA")]
    [InlineData("1,T,M,C,High,y,d,m,one,Academic Year,NA\n", "dict.csv:2: column 'dps': 'one' is not a number of decimal places; expected a whole number such as 1, or NA")]
    [InlineData("1,T,M,C,High,y,d,m,1,Termly,NA\n", "dict.csv:2: column 'Year_Type': 'Termly' is not a year type; expected Academic Year, Financial Year, Calendar Year, Annual, Annual (end of Sept), Annual - January or NA")]
    [InlineData("1,T,M,C,High,y,d,m,1,Academic Year,Y\n", "dict.csv:2: column 'No_Quartile': 'Y' is not a No_Quartile flag; expected N (no quartile banding) or NA")]
    [InlineData("1,T,M,C,High,y,d,m,1\n", "dict.csv:2: expected 11 columns; found 9")]
    [InlineData("1,T,M,,High,y,d,m,1,Academic Year,NA\n", "dict.csv:2: column 'Measure_short': expected a measure code; found an empty field")]
    public void Read_BadRow_ThrowsPositionedError(string body, string expected) =>
        Assert.Equal(expected, Assert.Throws<InputException>(() => Read(body)).Errors[0].ToString());

    [Fact]
    public void Read_MissingColumn_Throws()
    {
        var ex = Assert.Throws<InputException>(() => LaitDictionaryReader.Read(new StringReader("Measure_short,Topic\n"), "dict.csv"));
        Assert.Equal("dict.csv:1: the header lacks 'Measure', 'Polarity', 'dps', 'Year_Type', 'No_Quartile'; expected the columns Measure_short, Topic, Measure, Polarity, dps, Year_Type, No_Quartile", ex.Message);
    }
}

public class LaitNeighbourReaderTests
{
    /// <summary>A workbook laid out as DfE's: two junk rows, the header on row 3, shared strings, sparse cells.</summary>
    private static MemoryStream Workbook(params string?[][] dataRows)
    {
        var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var sst = wb.AddNewPart<SharedStringTablePart>();
            sst.SharedStringTable = new SharedStringTable();
            var ws = wb.AddNewPart<WorksheetPart>();
            var sheetData = new SheetData();
            ws.Worksheet = new Worksheet(sheetData);
            wb.Workbook.AppendChild(new Sheets(new Sheet { Id = wb.GetIdOfPart(ws), SheetId = 1, Name = "LA SN Groups" }));

            var header = new List<string?> { "LA num", "LA Name", "LA number", "GOInd", "GOReg" };
            for (var i = 1; i <= 10; i++)
            {
                header.Add($"SN{i}");
                header.Add("SNP");
            }

            var all = new List<string?[]> { new[] { "A", "B" }, new[] { "1", "2" }, header.ToArray() };
            all.AddRange(dataRows);
            uint r = 1;
            foreach (var row in all)
            {
                var xr = new Row { RowIndex = r };
                for (var c = 0; c < row.Length; c++)
                {
                    if (row[c] is null)
                    {
                        continue; // sparse: no cell at all
                    }

                    var idx = sst.SharedStringTable.ChildElements.Count;
                    sst.SharedStringTable.AppendChild(new SharedStringItem(new Text(row[c]!)));
                    xr.AppendChild(new Cell
                    {
                        CellReference = $"{(char)('A' + c)}{r}",
                        DataType = CellValues.SharedString,
                        CellValue = new CellValue(idx.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    });
                }

                sheetData.AppendChild(xr);
                r++;
            }
        }

        ms.Position = 0;
        return ms;
    }

    private static string?[] Group(string la, string name, params string[] sns)
    {
        var row = new List<string?> { la, name, la, "4", "East Midlands" };
        foreach (var sn in sns)
        {
            row.Add(sn);
            row.Add("Close");
        }

        return row.ToArray();
    }

    [Fact]
    public void Read_SparseSharedStrings_NeighboursInOrder()
    {
        using var wb = Workbook(
            Group("855", "Leicestershire", "830", "931", "886", "919", "881", "850", "937", "941", "895", "838"),
            [null, "Old SNs:"],
            Group("928", "Northamptonshire", "886", "891", "-", "-", "-", "-", "-", "-", "-", "-"));
        var c = LaitNeighbourReader.Read(wb, "sn.xlsx");
        Assert.Equal([830, 931, 886, 919, 881, 850, 937, 941, 895, 838], c.Neighbours[855]);
        Assert.Equal([886, 891], c.Neighbours[928]);
        Assert.Equal(
            ["sn.xlsx [LA SN Groups]:6: LA 928 (Northamptonshire) has 2 statistical neighbours listed, not 10",
             "sn.xlsx [LA SN Groups]: 1 groups below the 'Old SNs:' row (authorities since reorganised) are kept, as LAIT keeps them"],
            c.Warnings);
    }

    [Theory]
    [InlineData("85x", "830", "sn.xlsx [LA SN Groups]:4: column 'LA num': '85x' is not an LA number; expected a whole number such as 855")]
    [InlineData("855", "Rutland", "sn.xlsx [LA SN Groups]:4: column 'SN1': 'Rutland' is not an LA number; expected a whole number such as 855, or '-' for none")]
    public void Read_BadCell_ThrowsPositionedError(string la, string sn1, string expected)
    {
        using var wb = Workbook(Group(la, "L", sn1, "1", "2", "3", "4", "5", "6", "7", "8", "9"));
        Assert.Equal(expected, Assert.Throws<InputException>(() => LaitNeighbourReader.Read(wb, "sn.xlsx")).Errors[0].ToString());
    }

    [Fact]
    public void Read_DuplicateLa_Throws()
    {
        using var wb = Workbook(Group("855", "L", "1"), Group("855", "L", "2"));
        Assert.Equal(
            "sn.xlsx [LA SN Groups]:5: column 'LA num': LA 855 is listed again (first on row 4); expected one row per LA",
            Assert.Throws<InputException>(() => LaitNeighbourReader.Read(wb, "sn.xlsx")).Errors[0].ToString());
    }

    [Fact]
    public void Read_NotAWorkbook_Throws()
    {
        using var ms = new MemoryStream("not a zip"u8.ToArray());
        Assert.Equal(
            "sn.xlsx: the file is not an Excel workbook (.xlsx); expected DfE's statistical neighbour workbook",
            Assert.Throws<InputException>(() => LaitNeighbourReader.Read(ms, "sn.xlsx")).Message);
    }
}

public class LaitBdsReaderHostileTests
{
    private const string Header = "Short Desc,Data item,Years,LA and Regions,Values,LA Number,Region\n";

    private static InputError Fails(string body, YearBasis? basis) =>
        Assert.Single(Assert.Throws<InputException>(() => LaitBdsReader.Read(new StringReader(Header + body), "bds.csv", _ => basis)).Errors);

    [Theory]
    [InlineData("9999/00", YearBasis.Financial)]
    [InlineData("0000-01", YearBasis.Academic)]
    [InlineData("9999", YearBasis.Academic)]
    [InlineData("1899", null)]
    [InlineData("9998-99", null)]
    public void Years_OutsideTheSupportedRange_IsRefusedAtItsCell(string years, YearBasis? basis)
    {
        var error = Fails($"A,t,{years},Leicestershire,4,855,East Midlands\n", basis);

        Assert.Equal($"bds.csv:2: column 'Years': '{years}' is outside the periods GoldenThread reads; expected a period from 1900 to 2100", error.ToString());
    }
}

public class LaitBdsReaderNumberTests
{
    private const string Header = "Short Desc,Data item,Years,LA and Regions,Values,LA Number,Region\n";

    [Theory]
    [InlineData("NaN", "'NaN' is not a figure (NaN and Infinity cannot be shown or compared)")]
    [InlineData("Infinity", "'Infinity' is not a figure (NaN and Infinity cannot be shown or compared)")]
    [InlineData("-1e999", "'-1e999' is not a figure (NaN and Infinity cannot be shown or compared)")]
    [InlineData("2e15", "'2e15' is beyond the largest figure GoldenThread reads (1E+15 either side of zero)")]
    [InlineData("n/a", "'n/a' is not a number")]
    public void Values_NotAFigure_IsRefusedAtItsCell(string value, string expected)
    {
        var ex = Assert.Throws<InputException>(() => LaitBdsReader.Read(new StringReader(Header + $"A,t,2025,Leicestershire,{value},855,East Midlands\n"), "bds.csv", _ => YearBasis.Academic));

        Assert.Equal($"bds.csv:2: column 'Values': {expected}; expected a number such as 12.5, or '-' for a missing value", Assert.Single(ex.Errors).ToString());
    }
}

public class LaitBdsReaderSizeTests
{
    private const string Header = "Short Desc,Data item,Years,LA and Regions,Values,LA Number,Region\n";

    [Theory]
    [InlineData(1, "Data item", 5_000)]
    [InlineData(4, "Values", 20_000_000)]
    public void AHugeField_IsRefusedNamingItsColumnAndLine(int column, string name, int length)
    {
        var fields = new[] { "A", "t", "2025", "Leicestershire", "4", "855", "East Midlands" };
        fields[column] = new string('9', length);

        var ex = Assert.Throws<InputException>(() => LaitBdsReader.Read(new StringReader(Header + string.Join(",", fields) + "\n"), "bds.csv", _ => YearBasis.Academic));

        Assert.Equal($"bds.csv:2: column '{name}': the field is {length:N0} bytes long; expected at most 4,096 (docs/formats.md, Limits)", Assert.Single(ex.Errors).ToString());
    }

    [Fact]
    public void AHugeHeader_IsQuotedOnlyInPart()
    {
        var ex = Assert.Throws<InputException>(() => LaitBdsReader.Read(new StringReader(new string('h', 10_000_000) + "\n"), "bds.csv", _ => YearBasis.Academic));

        Assert.Equal("bds.csv:1: expected the header 'Short Desc,Data item,Years,LA and Regions,Values,LA Number,Region'; found '…'", Assert.Single(ex.Errors).ToString());
    }
}
