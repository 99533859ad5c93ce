using System.Globalization;
using System.IO.Compression;
using System.Text;
using GoldenThread.Data.Workspace;

namespace GoldenThread.Cli.Tests.Hostile;

/// <summary>
/// Small, valid inputs for every reader the command line has, written at run time into a temporary folder: a plan, its
/// values as CSV and XLSX, a LAIT subset (bds_long.csv, dictionary, DfE's neighbour workbook), synthetic SSDA903 and CIN
/// returns, and an area comparison. Each hostile case and each mutation starts from a copy of these.
/// </summary>
internal sealed class HostileFiles
{
    public const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    public const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public const string Plan = """
        plan: Hostile inputs plan
        council: Leicestershire
        la: 855
        years: 2015-2018
        themes:
          - id: T1
            title: Safe
            outcomes:
              - id: O1
                title: Children are safe
                measures: [m1, m2]
        measures:
          - id: m1
            title: Child protection reviews on time
            unit: percentage
            polarity: higher-is-better
            frequency: financial-year
            lait: RevCP
            targets:
              2016/17: 95
          - id: m2
            title: Children in need
            unit: count
            polarity: no-judgement
            frequency: financial-year
            decimals: 0
        """;

    public const string ValuesCsv = """
        measure,period,value,numerator,denominator,status,note
        m1,2015/16,96.5,193,200,final,first year
        m1,2016/17,97.1,,,final,
        m1,2017/18,"98.0",196,200,provisional,"a note, with a comma"
        m2,2016/17,1200,,,final,
        m2,2017/18,1185,,,final,
        """;

    public static readonly (int Number, string Name, string Region)[] Areas =
    [
        (970, "England", "NA"), (982, "East Midlands", "NA"), (855, "Leicestershire", "East Midlands"),
        (856, "Leicester", "East Midlands"), (830, "Derbyshire", "East Midlands"), (831, "Derby", "East Midlands"),
        (891, "Nottinghamshire", "East Midlands"), (925, "Lincolnshire", "East Midlands"), (940, "Northamptonshire", "East Midlands"),
        (857, "Rutland", "East Midlands"),
    ];

    public HostileFiles(string folder)
    {
        Folder = folder;
        Directory.CreateDirectory(folder);
        File.WriteAllText(PlanPath, Plan + "\n");
        File.WriteAllText(ValuesCsvPath, ValuesCsv + "\n");
        File.WriteAllBytes(ValuesXlsxPath, Workbook("Values", ValuesSheet()));
        File.WriteAllText(BdsPath, Bds());
        File.WriteAllText(DictionaryPath, Dictionary());
        File.Copy(NeighbourWorkbook(), NeighboursPath);
        var synth = InProcessCli.Run("synth", "--children", "40", "--years", "2", "--seed", "14", "--out", ReturnsFolder);
        if (synth.ExitCode != 0)
        {
            throw new InvalidOperationException("synth failed: " + synth.Error);
        }

        var census = Directory.GetFiles(CinFolder, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        CinYear = Path.GetFileName(Path.GetDirectoryName(census)!);
        Directory.CreateDirectory(Path.Combine(Folder, "comparison"));
        foreach (var name in new[] { "data.csv", "indicators.csv" })
        {
            File.Copy(Path.Combine(CliRunner.RepositoryRoot, "samples", "ncmp-2014-15", name), Path.Combine(Folder, "comparison", name));
        }
    }

    public string Folder { get; }

    public string PlanPath => Path.Combine(Folder, "plan.yaml");

    public string ValuesCsvPath => Path.Combine(Folder, "values.csv");

    public string ValuesXlsxPath => Path.Combine(Folder, "values.xlsx");

    public string BdsPath => Path.Combine(Folder, "bds_long.csv");

    public string DictionaryPath => Path.Combine(Folder, "lait_data_dictionary.csv");

    public string NeighboursPath => Path.Combine(Folder, "sn.xlsx");

    public string ReturnsFolder => Path.Combine(Folder, "returns");

    public string Ssda903Folder => Path.Combine(ReturnsFolder, "ssda903");

    public string CinFolder => Path.Combine(ReturnsFolder, "cin");

    /// <summary>The first CIN census year's folder name, e.g. 2025.</summary>
    public string CinYear { get; }

    public string ComparisonData => Path.Combine(Folder, "comparison", "data.csv");

    public string ComparisonIndicators => Path.Combine(Folder, "comparison", "indicators.csv");

    /// <summary>A copy of these files in a folder of their own, for a case or a mutation to damage.</summary>
    public HostileFiles CopyTo(string folder)
    {
        CopyFolder(Folder, folder);
        return new HostileFiles(folder, CinYear);
    }

    private HostileFiles(string folder, string cinYear)
    {
        Folder = folder;
        CinYear = cinYear;
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>DfE's neighbour workbook as published, from the LAIT folder beside the repository.</summary>
    private static string NeighbourWorkbook() =>
        Path.Combine(LaitLocator.FindDirectory() ?? throw new InvalidOperationException("The LAIT folder (../shared/data/lait) was not found."), "sn_may_2025.xlsx");

    private static string Bds()
    {
        var text = new StringBuilder("Short Desc,Data item,Years,LA and Regions,Values,LA Number,Region\n");
        var first = true;
        foreach (var year in new[] { 2016, 2017, 2018 })
        {
            for (var i = 0; i < Areas.Length; i++)
            {
                var (number, name, region) = Areas[i];
                var value = i == 5 && year == 2017 ? "-" : (90 + ((i * 7 + year) % 10) + 0.5).ToString(CultureInfo.InvariantCulture);
                text.Append(CultureInfo.InvariantCulture, $"RevCP,{(first ? "Review of child protection cases" : "")},{year},{name},{value},{number},{region}\n");
                first = false;
            }
        }

        return text.ToString();
    }

    private static string Dictionary() =>
        "\"Measure_code\",\"Topic\",\"Measure\",\"Measure_short\",\"Polarity\",\"y_axis_name\",\"Description\",\"dps\",\"Year_Type\",\"No_Quartile\"\n" +
        "\"12\",\"Children's social care\",\"Review of child protection cases\",\"RevCP\",\"High\",\"%\",\"Reviews held on time,\nas a share of all reviews\",\"1\",\"Financial Year\",NA\n";

    private static string Cell(string reference, string text) =>
        $"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{System.Security.SecurityElement.Escape(text)}</t></is></c>";

    private static string ValuesSheet()
    {
        var rows = new StringBuilder();
        var lines = ValuesCsv.Split('\n');
        for (var r = 0; r < 4; r++)
        {
            var cells = lines[r].Split(',');
            rows.Append(CultureInfo.InvariantCulture, $"<row r=\"{r + 1}\">");
            for (var c = 0; c < Math.Min(cells.Length, 3); c++)
            {
                var reference = $"{(char)('A' + c)}{r + 1}";
                rows.Append(r > 0 && c == 2 ? $"<c r=\"{reference}\"><v>{cells[c].Trim('"')}</v></c>" : Cell(reference, cells[c]));
            }

            rows.Append("</row>");
        }

        return rows.ToString();
    }

    /// <summary>The parts of a one-sheet workbook, by name; a case may damage any of them before <see cref="Zip"/>.</summary>
    public static Dictionary<string, string> WorkbookParts(string sheetName, string sheetData) => new(StringComparer.Ordinal)
    {
        ["[Content_Types].xml"] = "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
        ["_rels/.rels"] = $"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{Rel}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
        ["xl/workbook.xml"] = $"<workbook xmlns=\"{Main}\" xmlns:r=\"{Rel}\"><sheets><sheet name=\"{sheetName}\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
        ["xl/_rels/workbook.xml.rels"] = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
            $"<Relationship Id=\"rId1\" Type=\"{Rel}/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>",
        ["xl/worksheets/sheet1.xml"] = $"<worksheet xmlns=\"{Main}\"><sheetData>{sheetData}</sheetData></worksheet>",
    };

    public static byte[] Workbook(string sheetName, string sheetData) => Zip(WorkbookParts(sheetName, sheetData));

    public static byte[] Zip(IReadOnlyDictionary<string, string> parts)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in parts)
            {
                using var w = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                w.Write(text);
            }
        }

        return ms.ToArray();
    }
}
