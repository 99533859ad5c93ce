using System.Globalization;
using System.Text;
using GoldenThread.Core;
using GoldenThread.Core.Benchmarks;
using GoldenThread.Core.Periods;
using GoldenThread.Data.Values;

namespace GoldenThread.Data.Lait;

/// <summary>One measure code as <c>bds_long.csv</c> gives it: the title its first rows carry and its values by period.</summary>
public sealed record LaitBdsMeasure(string Code, string? Title, IReadOnlyList<PeriodValues> Periods);

/// <summary>What <see cref="LaitBdsReader"/> read: measures, areas, and what it skipped on purpose.</summary>
public sealed record LaitBdsContent(
    IReadOnlyDictionary<string, LaitBdsMeasure> Measures,
    IReadOnlyDictionary<int, Area> Areas,
    int RowCount,
    int ZeroYearRowCount,
    IReadOnlyList<string> Warnings);

/// <summary>
/// Reads LAIT's long benchmarking table <c>bds_long.csv</c> (Short Desc, Data item, Years, LA and Regions, Values,
/// LA Number, Region) as it is published.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>Data item</c> (the title) is given only on the first rows of a measure and is filled down within the same code,
/// never across codes.</item>
/// <item><c>-</c> in <c>Values</c> is a missing or suppressed value and is left out; any other value must be a number in
/// invariant culture (float noise such as 4.0999999999999996 is kept as the double it denotes).</item>
/// <item><c>Years</c> is parsed by <see cref="Period.Parse"/> with the code's year basis (from the data dictionary), cached
/// per (text, basis). Rows whose <c>Years</c> is <c>0</c> are skipped and counted: in the published file they are 170 rows
/// of <c>CINPermExclusion</c>, every value <c>-</c>, a placeholder period with no data (LAIT derives its year as 0 and
/// never shows it).</item>
/// <item>An area's name and region come from its first row; region <c>NA</c> (England and the regions) is no region.
/// LA regions are matched to the region areas (980–990), so <c>Inner London</c> becomes <c>London (Inner)</c>.</item>
/// </list>
/// The whole input is read into memory and scanned as UTF-8 bytes: strings are made only when a code, a title, a period
/// text or an area changes, which keeps the 40 MB file well under a second. All problems are collected and thrown
/// together as one <see cref="InputException"/>.
/// </remarks>
public static class LaitBdsReader
{
    public static readonly string[] Header = ["Short Desc", "Data item", "Years", "LA and Regions", "Values", "LA Number", "Region"];

    private const int MaxErrors = 1000;

    /// <summary>The largest file read (docs/formats.md, "Limits"): DfE's file is about 40 MB, and is read whole into memory.</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    /// <summary>The longest field, in bytes: the longest title in DfE's file is under 400 characters.</summary>
    public const int MaxFieldBytes = 4096;

    public static LaitBdsContent ReadFile(string path, Func<string, YearBasis?> yearBasisOf)
    {
        var name = Path.GetFileName(path);
        if (new FileInfo(path).Length > MaxBytes)
        {
            throw TooLarge(name);
        }

        return Read(File.ReadAllBytes(path), name, yearBasisOf);
    }

    public static LaitBdsContent Read(Stream stream, string fileName, Func<string, YearBasis?> yearBasisOf)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[1 << 16];
        int n;
        while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, n);
            if (buffer.Length > MaxBytes)
            {
                throw TooLarge(fileName);
            }
        }

        return Read(buffer.ToArray(), fileName, yearBasisOf);
    }

    private static InputException TooLarge(string fileName) => new(new InputError(fileName, null, null,
        $"is more than {MaxBytes / (1024 * 1024)} MB, larger than any LAIT data file (DfE's is about 40 MB); expected LAIT's bds_long.csv (docs/formats.md, Limits)"));

    public static LaitBdsContent Read(TextReader reader, string fileName, Func<string, YearBasis?> yearBasisOf) =>
        Read(Encoding.UTF8.GetBytes(reader.ReadToEnd()), fileName, yearBasisOf);

    public static LaitBdsContent Read(byte[] utf8, string fileName, Func<string, YearBasis?> yearBasisOf)
    {
        Utf8Text.Require(utf8, fileName, TextLayout.Csv);
        var csv = new Utf8CsvReader(utf8);
        var errors = new List<InputError>();
        var warnings = new List<string>();

        if (!csv.Read())
        {
            throw new InputException(new InputError(fileName, null, null, $"the file is empty; expected the header '{string.Join(",", Header)}'"));
        }

        CheckHeader(csv, fileName);

        var measures = new Dictionary<string, MeasureBuilder>(StringComparer.Ordinal);
        var periodCache = new Dictionary<(string Text, YearBasis? Basis), ParseResult<Period>>();
        var areas = new Dictionary<int, AreaBuilder>();
        var zeroYearByCode = new Dictionary<string, (int Rows, int WithValue)>(StringComparer.Ordinal);

        MeasureBuilder? measure = null;
        byte[]? codeBytes = null;
        byte[]? yearsBytes = null;
        Dictionary<int, double>? block = null;
        var blockIsZeroYear = false;
        var blockIsBad = false;
        var rows = 0;
        var zeroRows = 0;

        while (csv.Read())
        {
            if (csv.UnterminatedQuote)
            {
                Add(errors, new InputError(fileName, csv.Line, null, "a quoted field is not closed; expected a closing double quote"));
                break;
            }

            if (csv.FieldCount == 1 && csv.IsEmpty(0))
            {
                continue; // a blank line
            }

            if (csv.FieldCount != Header.Length)
            {
                Add(errors, new InputError(fileName, csv.Line, null, $"expected {Header.Length} columns; found {csv.FieldCount}"));
                continue;
            }

            var longField = -1;
            for (var i = 0; i < Header.Length && longField < 0; i++)
            {
                longField = csv.Raw(i).Length > MaxFieldBytes ? i : -1;
            }

            if (longField >= 0)
            {
                Add(errors, new InputError(fileName, csv.Line, Header[longField],
                    $"the field is {csv.Raw(longField).Length.ToString("N0", CultureInfo.InvariantCulture)} bytes long; expected at most {MaxFieldBytes.ToString("N0", CultureInfo.InvariantCulture)} (docs/formats.md, Limits)"));
                continue;
            }

            rows++;
            var code = csv.Raw(0);
            if (code.IsEmpty)
            {
                Add(errors, new InputError(fileName, csv.Line, Header[0], "expected a measure code; found an empty field"));
                continue;
            }

            var newCode = codeBytes is null || !code.SequenceEqual(codeBytes);
            if (newCode)
            {
                codeBytes = code.ToArray();
                var codeText = csv.GetString(0);
                if (!measures.TryGetValue(codeText, out measure))
                {
                    measure = new MeasureBuilder(codeText, yearBasisOf(codeText));
                    measures.Add(codeText, measure);
                }

                yearsBytes = null;
            }

            // Fill-down: a blank title continues the code's own title; a new code starts with none.
            if (!csv.IsEmpty(1) && measure!.Title is null)
            {
                measure.Title = csv.GetString(1);
            }

            var years = csv.Raw(2);
            if (yearsBytes is null || !years.SequenceEqual(yearsBytes))
            {
                yearsBytes = years.ToArray();
                var yearsText = csv.GetString(2).Trim();
                blockIsZeroYear = yearsText == "0";
                blockIsBad = false;
                block = null;
                if (!blockIsZeroYear)
                {
                    var key = (yearsText, measure!.Basis);
                    if (!periodCache.TryGetValue(key, out var parsed))
                    {
                        parsed = Period.Parse(yearsText, measure.Basis);
                        periodCache.Add(key, parsed);
                    }

                    if (parsed.Success)
                    {
                        block = measure.Block(parsed.Value);
                    }
                    else
                    {
                        blockIsBad = true;
                    }
                }
            }

            if (blockIsBad)
            {
                Add(errors, new InputError(fileName, csv.Line, Header[2], Period.Parse(csv.GetString(2).Trim(), measure!.Basis).Error!));
                continue;
            }

            if (!int.TryParse(csv.Raw(5), NumberStyles.None, CultureInfo.InvariantCulture, out var laNumber))
            {
                Add(errors, new InputError(fileName, csv.Line, Header[5], $"'{Quoted.Text(csv.GetString(5))}' is not an LA number; expected a whole number such as 855"));
                continue;
            }

            var value = csv.Raw(4);
            var missing = value.Length == 1 && value[0] == (byte)'-';
            double number = 0;
            if (!missing && (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out number) || !double.IsFinite(number) || Math.Abs(number) > ValuesReader.LargestNumber))
            {
                var problem = double.IsNaN(number) || double.IsInfinity(number) ? "is not a figure (NaN and Infinity cannot be shown or compared)"
                    : number != 0 ? $"is beyond the largest figure GoldenThread reads (1E+15 either side of zero)"
                    : "is not a number";
                Add(errors, new InputError(fileName, csv.Line, Header[4], $"'{Quoted.Text(csv.GetString(4))}' {problem}; expected a number such as 12.5, or '-' for a missing value"));
                continue;
            }

            if (!areas.TryGetValue(laNumber, out var area))
            {
                area = new AreaBuilder(laNumber, csv.Raw(3).ToArray(), csv.GetString(3), csv.GetString(6), csv.Line);
                areas.Add(laNumber, area);
            }
            else if (!csv.Raw(3).SequenceEqual(area.NameBytes))
            {
                Add(errors, new InputError(fileName, csv.Line, Header[3], $"LA {laNumber} is named '{Quoted.Text(csv.GetString(3))}' here and '{area.Name}' on line {area.FirstLine}; expected one name per LA number"));
                continue;
            }

            if (blockIsZeroYear)
            {
                zeroRows++;
                var codeText = measure!.Code;
                zeroYearByCode.TryGetValue(codeText, out var z);
                zeroYearByCode[codeText] = (z.Rows + 1, z.WithValue + (missing ? 0 : 1));
                continue;
            }

            if (missing)
            {
                continue;
            }

            if (!block!.TryAdd(laNumber, number))
            {
                Add(errors, new InputError(fileName, csv.Line, null, $"a second value for measure '{measure!.Code}', period '{Quoted.Text(csv.GetString(2))}', LA {laNumber}; expected one row per measure, period and area"));
            }
        }

        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }

        foreach (var (code, z) in zeroYearByCode)
        {
            warnings.Add(z.WithValue == 0
                ? $"{fileName}: measure '{code}': skipped {z.Rows} rows with Years '0' (a placeholder, not a period; all their values are '-')"
                : $"{fileName}: measure '{code}': skipped {z.Rows} rows with Years '0' (a placeholder, not a period), {z.WithValue} of them with a value that is therefore not loaded");
        }

        var builtAreas = BuildAreas(areas, fileName, warnings);
        var builtMeasures = new Dictionary<string, LaitBdsMeasure>(measures.Count, StringComparer.Ordinal);
        foreach (var (code, m) in measures)
        {
            builtMeasures.Add(code, m.Build());
        }

        return new LaitBdsContent(builtMeasures, builtAreas, rows, zeroRows, warnings);
    }

    private static void CheckHeader(Utf8CsvReader csv, string fileName)
    {
        // A header of thousands of fields or of megabytes is quoted only in part.
        var found = new string[Math.Min(csv.FieldCount, Header.Length + 1)];
        for (var i = 0; i < found.Length; i++)
        {
            found[i] = csv.Raw(i).Length > MaxFieldBytes ? "…" : Quoted.Text(csv.GetString(i).Trim());
        }

        if (csv.FieldCount != Header.Length || !found.SequenceEqual(Header, StringComparer.Ordinal))
        {
            throw new InputException(new InputError(fileName, csv.Line, null,
                $"expected the header '{string.Join(",", Header)}'; found '{string.Join(",", found)}{(csv.FieldCount > found.Length ? ",…" : "")}'"));
        }
    }

    private static void Add(List<InputError> errors, InputError error)
    {
        if (errors.Count < MaxErrors)
        {
            errors.Add(error);
        }
    }

    private static Dictionary<int, Area> BuildAreas(Dictionary<int, AreaBuilder> builders, string fileName, List<string> warnings)
    {
        var regionNames = builders.Values
            .Where(b => b.Number is >= 980 and <= 990)
            .Select(b => b.Name)
            .ToList();

        var result = new Dictionary<int, Area>(builders.Count);
        foreach (var b in builders.Values.OrderBy(b => b.Number))
        {
            string? region = null;
            if (b.Region is { Length: > 0 } raw && !raw.Equals("NA", StringComparison.OrdinalIgnoreCase))
            {
                region = MatchRegion(raw, regionNames);
                if (region is null)
                {
                    region = raw;
                    warnings.Add($"{fileName}: LA {b.Number} ({b.Name}) has region '{raw}', which matches no region area (980-990); its region benchmark will be missing");
                }
            }

            result.Add(b.Number, new Area(b.Number, b.Name, region));
        }

        return result;
    }

    /// <summary>
    /// The region area name for an LA's region text. LAIT's data names London's sub-regions "Inner London" and
    /// "Outer London" in the Region column but "London (Inner)" and "London (Outer)" as areas, and writes
    /// "Yorkshire and The Humber" against the area "Yorkshire and the Humber".
    /// </summary>
    internal static string? MatchRegion(string raw, IReadOnlyList<string> regionNames)
    {
        var exact = regionNames.FirstOrDefault(n => n.Equals(raw, StringComparison.OrdinalIgnoreCase));
        if (exact is not null)
        {
            return exact;
        }

        var parts = raw.Split(' ', 2);
        if (parts.Length == 2 && parts[1].Equals("London", StringComparison.OrdinalIgnoreCase))
        {
            var flipped = $"London ({parts[0]})";
            return regionNames.FirstOrDefault(n => n.Equals(flipped, StringComparison.OrdinalIgnoreCase));
        }

        return null;
    }

    private sealed class AreaBuilder(int number, byte[] nameBytes, string name, string region, int firstLine)
    {
        public int Number { get; } = number;

        public byte[] NameBytes { get; } = nameBytes;

        public string Name { get; } = name;

        public string Region { get; } = region;

        public int FirstLine { get; } = firstLine;
    }

    private sealed class MeasureBuilder(string code, YearBasis? basis)
    {
        private readonly Dictionary<Period, (Period Period, Dictionary<int, double> Values)> _periods = [];

        public string Code { get; } = code;

        public YearBasis? Basis { get; } = basis;

        public string? Title { get; set; }

        public Dictionary<int, double> Block(Period period)
        {
            if (!_periods.TryGetValue(period, out var entry))
            {
                entry = (period, new Dictionary<int, double>(200));
                _periods.Add(period, entry);
            }

            return entry.Values;
        }

        public LaitBdsMeasure Build()
        {
            var list = _periods.Values
                .Select(e => new PeriodValues(e.Period, e.Values))
                .ToList();
            list.Sort((a, b) => Period.ByEnd.Compare(a.Period, b.Period));
            return new LaitBdsMeasure(Code, Title, list);
        }
    }
}
