using System.Globalization;
using GoldenThread.Data.Xlsx;

namespace GoldenThread.Data.Lait;

/// <summary>One LA's row of the statistical-neighbour workbook.</summary>
public sealed record LaitNeighbourGroup(int LaNumber, string Name, string? Region, IReadOnlyList<int> Neighbours, IReadOnlyList<string?> Closeness, int Row);

/// <summary>What <see cref="LaitNeighbourReader"/> read.</summary>
public sealed record LaitNeighbourContent(IReadOnlyDictionary<int, LaitNeighbourGroup> Groups, IReadOnlyList<string> Warnings)
{
    public IReadOnlyDictionary<int, IReadOnlyList<int>> Neighbours =>
        Groups.ToDictionary(g => g.Key, g => g.Value.Neighbours);
}

/// <summary>
/// Reads DfE's statistical-neighbour workbook (<c>sn_may_2025.xlsx</c>, <c>sn_april_2021.xlsx</c>), sheet "LA SN Groups".
/// </summary>
/// <remarks>
/// Layout: two rows of column letters and numbers above the header; the header row holds <c>LA num</c>, <c>LA Name</c>,
/// <c>LA number</c>, <c>GOInd</c>, <c>GOReg</c>, then <c>SN1</c>, <c>SNP</c>, <c>SN2</c>, <c>SNP</c> … <c>SN10</c>,
/// <c>SNP</c> (each neighbour's LA number followed by its closeness label, "Very close" and so on). Cells are sparse and
/// mostly shared strings. Below the main table a row reading "Old SNs:" introduces the groups of authorities since
/// reorganised (Northamptonshire, Cumbria, pre-2019 Dorset); LAIT keeps every row with an LA number
/// (<c>filter(!is.na(`LA num`))</c>), and so does this reader, because the benchmark file still holds those authorities'
/// earlier years. A neighbour written <c>-</c> or left blank is missing (the 2021 file lists Cumberland and Westmorland and
/// Furness with no neighbours); such LAs get fewer than ten, with a warning.
/// </remarks>
public static class LaitNeighbourReader
{
    public const string SheetName = "LA SN Groups";

    public static LaitNeighbourContent ReadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, Path.GetFileName(path));
    }

    /// <summary>The most rows holding values the workbook may have; DfE's has about 170 (docs/formats.md, "Limits").</summary>
    public const int MaxRows = 100_000;

    public static LaitNeighbourContent Read(Stream stream, string fileName)
    {
        XlsxWorkbook workbook;
        try
        {
            workbook = XlsxWorkbook.Open(stream, fileName);
        }
        catch (InputException ex) when (ex.Errors is [{ Message: var m }] && m.StartsWith("is not an XLSX workbook (not a valid zip package)", StringComparison.Ordinal))
        {
            throw new InputException(new InputError(fileName, null, null, "the file is not an Excel workbook (.xlsx); expected DfE's statistical neighbour workbook"));
        }

        using (workbook)
        {
            return Read(workbook, fileName);
        }
    }

    private static LaitNeighbourContent Read(XlsxWorkbook workbook, string fileName)
    {
        if (workbook.Sheets.Count == 0)
        {
            throw new InputException(new InputError(fileName, null, null, "the workbook has no sheets; expected a sheet 'LA SN Groups'"));
        }

        var sheet = workbook.Sheets.FirstOrDefault(s => s.Name == SheetName);
        if (sheet.Name is null)
        {
            throw new InputException(new InputError(fileName, null, null, $"there is no sheet '{SheetName}'; expected DfE's statistical neighbour workbook"));
        }

        var shared = workbook.SharedStrings();
        var rows = new List<(int Row, Dictionary<string, string> Cells)>();
        workbook.ReadRows(sheet.Name, sheet.RelationshipId, MaxRows, row =>
        {
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var cell in row.Cells)
            {
                var text = cell.Type == "s"
                    ? int.TryParse(cell.Raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Count ? shared[i] : null
                    : cell.Raw;
                if (!string.IsNullOrWhiteSpace(text))
                {
                    cells[ColumnLetters(cell.Column)] = text.Trim();
                }
            }

            rows.Add((row.Number, cells));
        });

        var headerIndex = rows.FindIndex(r => r.Cells.Values.Any(v => v == "LA num"));
        if (headerIndex < 0)
        {
            throw new InputException(new InputError($"{fileName} [{SheetName}]", null, null, "no header row with 'LA num'; expected a header LA num, LA Name, …, GOReg, SN1, SNP, … SN10, SNP"));
        }

        var header = rows[headerIndex];
        string? Col(string name) => header.Cells.FirstOrDefault(c => c.Value == name).Key;
        var laCol = Col("LA num");
        var nameCol = Col("LA Name");
        var regionCol = Col("GOReg");
        var snCols = Enumerable.Range(1, 10).Select(i => Col($"SN{i}")).ToArray();
        var where = $"{fileName} [{SheetName}]";
        var missingCols = new[] { ("LA Name", nameCol), ("GOReg", regionCol) }
            .Concat(snCols.Select((c, i) => ($"SN{i + 1}", c)))
            .Where(x => x.Item2 is null)
            .Select(x => x.Item1)
            .ToList();
        if (missingCols.Count > 0)
        {
            throw new InputException(new InputError(where, header.Row, null, $"the header lacks {string.Join(", ", missingCols)}; expected LA num, LA Name, GOReg and SN1 to SN10"));
        }

        var errors = new List<InputError>();
        var warnings = new List<string>();
        var groups = new Dictionary<int, LaitNeighbourGroup>();
        var inOldSection = false;
        var oldCount = 0;

        foreach (var (rowNumber, cells) in rows.Skip(headerIndex + 1))
        {
            if (!cells.TryGetValue(laCol!, out var laText))
            {
                if (cells.Values.Any(v => v.StartsWith("Old SN", StringComparison.OrdinalIgnoreCase)))
                {
                    inOldSection = true;
                }

                continue;
            }

            if (!TryWholeNumber(laText, out var la))
            {
                errors.Add(new InputError(where, rowNumber, "LA num", $"'{Quoted.Text(laText)}' is not an LA number; expected a whole number such as 855"));
                continue;
            }

            var neighbours = new List<int>(10);
            var closeness = new List<string?>(10);
            var ok = true;
            for (var i = 0; i < 10; i++)
            {
                var col = snCols[i]!;
                cells.TryGetValue(col, out var snText);
                cells.TryGetValue(NextColumn(col), out var closenessText);
                if (snText is null or "-")
                {
                    continue;
                }

                if (!TryWholeNumber(snText, out var sn))
                {
                    errors.Add(new InputError(where, rowNumber, $"SN{i + 1}", $"'{Quoted.Text(snText)}' is not an LA number; expected a whole number such as 855, or '-' for none"));
                    ok = false;
                    continue;
                }

                neighbours.Add(sn);
                closeness.Add(closenessText is null or "-" ? null : closenessText);
            }

            if (!ok)
            {
                continue;
            }

            cells.TryGetValue(nameCol!, out var name);
            cells.TryGetValue(regionCol!, out var region);
            var group = new LaitNeighbourGroup(la, name ?? "", region, neighbours, closeness, rowNumber);
            if (!groups.TryAdd(la, group))
            {
                errors.Add(new InputError(where, rowNumber, "LA num", $"LA {la} is listed again (first on row {groups[la].Row}); expected one row per LA"));
                continue;
            }

            if (inOldSection)
            {
                oldCount++;
            }

            if (neighbours.Count < 10)
            {
                warnings.Add($"{where}:{rowNumber}: LA {la} ({name}) has {neighbours.Count} statistical neighbours listed, not 10");
            }
        }

        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }

        if (oldCount > 0)
        {
            warnings.Add($"{where}: {oldCount} groups below the 'Old SNs:' row (authorities since reorganised) are kept, as LAIT keeps them");
        }

        return new LaitNeighbourContent(groups, warnings);
    }

    private static bool TryWholeNumber(string text, out int value)
    {
        value = 0;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || d != Math.Floor(d) || d is < 0 or > int.MaxValue)
        {
            return false;
        }

        value = (int)d;
        return true;
    }

    /// <summary>The letters of a 0-based column: 0 → "A", 26 → "AA".</summary>
    private static string ColumnLetters(int column)
    {
        var result = "";
        for (var number = column + 1; number > 0; number = (number - 1) / 26)
        {
            result = (char)('A' + ((number - 1) % 26)) + result;
        }

        return result;
    }

    /// <summary>The column to the right: "F" → "G", "Z" → "AA".</summary>
    internal static string NextColumn(string letters)
    {
        var number = 0;
        foreach (var c in letters)
        {
            number = (number * 26) + (c - 'A' + 1);
        }

        number++;
        var result = "";
        while (number > 0)
        {
            var rem = (number - 1) % 26;
            result = (char)('A' + rem) + result;
            number = (number - 1) / 26;
        }

        return result;
    }
}
