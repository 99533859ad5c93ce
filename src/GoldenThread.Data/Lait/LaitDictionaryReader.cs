using System.Globalization;
using System.Text;
using GoldenThread.Core;
using GoldenThread.Core.Benchmarks;
using GoldenThread.Core.Periods;

namespace GoldenThread.Data.Lait;

/// <summary>What <see cref="LaitDictionaryReader"/> read: one info per measure code, and what it merged.</summary>
public sealed record LaitDictionaryContent(IReadOnlyDictionary<string, LaitMeasureInfo> Measures, IReadOnlyList<string> Warnings);

/// <summary>
/// Reads LAIT's data dictionary <c>lait_data_dictionary.csv</c>: one row per measure and topic, with quoted multi-line
/// description and methodology fields.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>The key is <c>Measure_short</c> (trimmed, as LAIT trims it), which is the <c>Short Desc</c> code of <c>bds_long.csv</c>.
/// <c>Measure_code</c> is a topic-group number and not unique.</item>
/// <item><c>Polarity</c>: <c>High</c>, <c>Low</c>, or <c>-</c> / <c>NA</c> for no judgement.</item>
/// <item><c>dps</c>: a whole number, or <c>NA</c> for none given (LAIT then shows 1 decimal place; we leave it null).</item>
/// <item><c>Year_Type</c> gives the year basis used to read the code's <c>Years</c>: Academic Year, Financial Year and
/// Calendar Year as named; <c>Annual</c> (children looked after, in need and on plans, counted at 31 March) is
/// financial; <c>Annual (end of Sept)</c> (social-worker workforce, September guarantee) and <c>Annual - January</c>
/// (January school census) are counts at a date inside the calendar year named, so calendar.</item>
/// <item><c>No_Quartile</c>: <c>N</c> means "no quartile banding" (LAIT: <c>no_qb_indicators &lt;- filter(No_Quartile == "N")</c>,
/// "indicators with too small a range for QB'ing"); <c>NA</c> or blank means the measure is banded.</item>
/// <item>A code listed under two topics (14 in the published file) becomes one info: the first row's fields, the topics
/// joined with " / " as LAIT joins them, and No_Quartile set when either row sets it.</item>
/// </list>
/// </remarks>
public static class LaitDictionaryReader
{
    private static readonly string[] Required = ["Measure_short", "Topic", "Measure", "Polarity", "dps", "Year_Type", "No_Quartile"];

    private const string SourceColumn = "Data Owner (DO) /Supplier and Contact Details";

    /// <summary>The largest dictionary read (docs/formats.md, "Limits"): DfE's is under 1 MB, and is read whole into memory.</summary>
    public const long MaxBytes = 16L * 1024 * 1024;

    /// <summary>The longest field, in bytes: Excel's limit for a cell; DfE's longest methodology is a few thousand.</summary>
    public const int MaxFieldBytes = 32_767;

    public static LaitDictionaryContent ReadFile(string path)
    {
        var name = Path.GetFileName(path);
        if (new FileInfo(path).Length > MaxBytes)
        {
            throw TooLarge(name);
        }

        return Read(File.ReadAllBytes(path), name);
    }

    public static LaitDictionaryContent Read(Stream stream, string fileName)
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

        return Read(buffer.ToArray(), fileName);
    }

    private static InputException TooLarge(string fileName) => new(new InputError(fileName, null, null,
        $"is more than {MaxBytes / (1024 * 1024)} MB, larger than any LAIT data dictionary (DfE's is under 1 MB); expected LAIT's lait_data_dictionary.csv (docs/formats.md, Limits)"));

    public static LaitDictionaryContent Read(TextReader reader, string fileName) =>
        Read(Encoding.UTF8.GetBytes(reader.ReadToEnd()), fileName);

    /// <summary>Maps a <c>Year_Type</c> to the basis its <c>Years</c> are read on; see the type's remarks.</summary>
    public static ParseResult<YearBasis?> ParseYearType(string? text) => (text ?? "").Trim() switch
    {
        "Academic Year" => ParseResult<YearBasis?>.Ok(YearBasis.Academic),
        "Financial Year" or "Annual" => ParseResult<YearBasis?>.Ok(YearBasis.Financial),
        "Calendar Year" or "Annual (end of Sept)" or "Annual - January" => ParseResult<YearBasis?>.Ok(YearBasis.Calendar),
        "" or "NA" => ParseResult<YearBasis?>.Ok(null),
        _ => ParseResult<YearBasis?>.Fail($"'{Quoted.Text(text ?? "")}' is not a year type; expected Academic Year, Financial Year, Calendar Year, Annual, Annual (end of Sept), Annual - January or NA"),
    };

    public static LaitDictionaryContent Read(byte[] utf8, string fileName)
    {
        Utf8Text.Require(utf8, fileName, TextLayout.Csv);
        var csv = new Utf8CsvReader(utf8);
        if (!csv.Read())
        {
            throw new InputException(new InputError(fileName, null, null, $"the file is empty; expected a header with {string.Join(", ", Required)}"));
        }

        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < csv.FieldCount; i++)
        {
            if (csv.Raw(i).Length <= MaxFieldBytes)
            {
                columns.TryAdd(csv.GetString(i).Trim(), i);
            }
        }

        var missing = Required.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new InputException(new InputError(fileName, 1, null,
                $"the header lacks {string.Join(", ", missing.Select(m => $"'{m}'"))}; expected the columns {string.Join(", ", Required)}"));
        }

        var headerCount = csv.FieldCount;
        var errors = new List<InputError>();
        var warnings = new List<string>();
        var result = new Dictionary<string, LaitMeasureInfo>(StringComparer.Ordinal);
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);

        while (csv.Read())
        {
            if (csv.UnterminatedQuote)
            {
                errors.Add(new InputError(fileName, csv.Line, null, "a quoted field is not closed; expected a closing double quote"));
                break;
            }

            if (csv.FieldCount == 1 && csv.IsEmpty(0))
            {
                continue;
            }

            if (csv.FieldCount != headerCount)
            {
                errors.Add(new InputError(fileName, csv.Line, null, $"expected {headerCount} columns; found {csv.FieldCount}"));
                continue;
            }

            var longField = -1;
            for (var i = 0; i < csv.FieldCount && longField < 0; i++)
            {
                longField = csv.Raw(i).Length > MaxFieldBytes ? i : -1;
            }

            if (longField >= 0)
            {
                var name = columns.FirstOrDefault(c => c.Value == longField).Key ?? $"field {longField + 1}";
                errors.Add(new InputError(fileName, csv.Line, name,
                    $"the field is {csv.Raw(longField).Length.ToString("N0", CultureInfo.InvariantCulture)} bytes long; expected at most {MaxFieldBytes.ToString("N0", CultureInfo.InvariantCulture)} (docs/formats.md, Limits)"));
                continue;
            }

            string Get(string column) => csv.GetString(columns[column]);
            string? Text(string column) => columns.ContainsKey(column) ? NullIfNa(Get(column)) : null;

            var code = Get("Measure_short").Trim();
            if (code.Length == 0)
            {
                errors.Add(new InputError(fileName, csv.Line, "Measure_short", "expected a measure code; found an empty field"));
                continue;
            }

            var ok = true;
            var polarity = PolarityExtensions.Parse(Get("Polarity"));
            if (!polarity.Success)
            {
                errors.Add(new InputError(fileName, csv.Line, "Polarity", $"'{Quoted.Text(Get("Polarity"))}' is not a polarity; expected High, Low, - or NA"));
                ok = false;
            }

            int? dps = null;
            var dpsText = Get("dps").Trim();
            if (dpsText is not ("" or "NA"))
            {
                if (int.TryParse(dpsText, NumberStyles.None, CultureInfo.InvariantCulture, out var d))
                {
                    dps = d;
                }
                else
                {
                    errors.Add(new InputError(fileName, csv.Line, "dps", $"'{Quoted.Text(dpsText)}' is not a number of decimal places; expected a whole number such as 1, or NA"));
                    ok = false;
                }
            }

            var yearType = ParseYearType(Get("Year_Type"));
            if (!yearType.Success)
            {
                errors.Add(new InputError(fileName, csv.Line, "Year_Type", yearType.Error!));
                ok = false;
            }

            var nq = Get("No_Quartile").Trim();
            if (nq is not ("" or "NA" or "N"))
            {
                errors.Add(new InputError(fileName, csv.Line, "No_Quartile", $"'{Quoted.Text(nq)}' is not a No_Quartile flag; expected N (no quartile banding) or NA"));
                ok = false;
            }

            if (!ok)
            {
                continue;
            }

            var info = new LaitMeasureInfo
            {
                Code = code,
                Title = NullIfNa(Get("Measure")) ?? code,
                Polarity = polarity.Value,
                DecimalPlaces = dps,
                YearBasis = yearType.Value,
                NoQuartile = nq == "N",
                Topic = Text("Topic"),
                AxisName = Text("y_axis_name"),
                Description = Text("Description"),
                Methodology = Text("Methodology"),
                Source = Text(SourceColumn),
                InDictionary = true,
            };

            if (result.TryGetValue(code, out var earlier))
            {
                if (earlier.Polarity != info.Polarity || earlier.YearBasis != info.YearBasis)
                {
                    errors.Add(new InputError(fileName, csv.Line, null,
                        $"measure '{Quoted.Text(code)}' is listed again (first on line {firstLine[code]}) with a different polarity or year type; expected the same"));
                    continue;
                }

                var topics = earlier.Topic is null || info.Topic is null || earlier.Topic.Split(" / ").Contains(info.Topic)
                    ? earlier.Topic ?? info.Topic
                    : $"{earlier.Topic} / {info.Topic}";
                result[code] = earlier with { Topic = topics, NoQuartile = earlier.NoQuartile || info.NoQuartile };
                warnings.Add($"{fileName}:{csv.Line}: measure '{code}' is listed again (first on line {firstLine[code]}); merged: topics '{topics}', No_Quartile {(earlier.NoQuartile || info.NoQuartile ? "N" : "NA")}");
            }
            else
            {
                result.Add(code, info);
                firstLine.Add(code, csv.Line);
            }
        }

        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }

        return new LaitDictionaryContent(result, warnings);
    }

    private static string? NullIfNa(string text)
    {
        var t = text.Trim();
        return t.Length == 0 || t == "NA" ? null : t;
    }
}
