using System.Globalization;
using System.Text;
using GoldenThread.Core;
using GoldenThread.Core.Judgements;
using GoldenThread.Core.Measures;
using GoldenThread.Core.Periods;
using GoldenThread.Core.Plans;

namespace GoldenThread.Data.Values;

/// <summary>One row of a values file, read: the line (CSV) or row number (XLSX) it came from and its value.</summary>
public sealed record ValuesRow(int Line, Observation Observation);

/// <summary>
/// Reads the council's own values (docs/formats.md, "The values file"): one row per measure and period, from CSV or the
/// first worksheet of an XLSX workbook. All or nothing: every problem is collected and thrown once as an
/// <see cref="InputException"/>; nothing is returned from a file with any bad row.
/// </summary>
public static class ValuesReader
{
    private const string Measure = "measure";
    private const string PeriodColumn = "period";
    private const string Value = "value";
    private const string Numerator = "numerator";
    private const string Denominator = "denominator";
    private const string Status = "status";
    private const string Note = "note";
    private const string England = "england";
    private const string Region = "region";
    private const string SnAverage = "sn_average";
    private const string Quartile = "quartile";
    private const string Updated = "updated";
    private const string DirectionColumn = "direction";
    private const string DirectionReason = "direction_reason";
    private const string RagColumn = "rag";
    private const string RagReason = "rag_reason";

    private static readonly string[] Columns =
    [
        Measure, PeriodColumn, Value, Numerator, Denominator, Status, Note, England, Region, SnAverage, Quartile, Updated,
        DirectionColumn, DirectionReason, RagColumn, RagReason,
    ];

    private const string NumberExpected = "expected a number such as 12.5 (a point for decimals, no thousands separators)";

    /// <summary>Reads a .csv or .xlsx file, choosing by its extension.</summary>
    public static IReadOnlyList<Observation> ReadFile(string path, Plan plan) =>
        ReadFileRows(path, plan).Select(r => r.Observation).ToList();

    /// <summary>Reads a .csv or .xlsx file into rows with their lines, choosing by its extension.</summary>
    public static IReadOnlyList<ValuesRow> ReadFileRows(string path, Plan plan)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(plan);
        var name = Path.GetFileName(path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".csv" or ".xlsx"))
        {
            var hint = extension == ".xls" ? " (an old Excel workbook: save it as .xlsx)" : "";
            throw new InputException(new InputError(name, null, null,
                $"has the extension '{extension}'{hint}; expected a .csv or .xlsx file"));
        }

        FileStream stream;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException(new InputError(name, null, null, "cannot be opened: " + ex.Message));
        }

        using (stream)
        {
            if (extension == ".xlsx")
            {
                return ReadXlsxRows(stream, name, plan);
            }

            // Checked first so that a byte that is not UTF-8 is refused at its line and column, not for the whole file.
            Utf8Text.Require(path, name, TextLayout.Csv, 4L * CsvText.MaxCharacters);
            using var reader = new StreamReader(stream, Utf8Text.Strict, detectEncodingFromByteOrderMarks: true);
            return ReadCsvRows(reader, name, plan);
        }
    }

    /// <summary>Reads CSV text (UTF-8, with or without a byte-order mark when read from a file).</summary>
    public static IReadOnlyList<Observation> ReadCsv(TextReader reader, string fileName, Plan plan) =>
        ReadCsvRows(reader, fileName, plan).Select(r => r.Observation).ToList();

    /// <summary>Reads the first worksheet of an XLSX workbook, header in row 1.</summary>
    public static IReadOnlyList<Observation> ReadXlsx(Stream stream, string fileName, Plan plan) =>
        ReadXlsxRows(stream, fileName, plan).Select(r => r.Observation).ToList();

    /// <summary>
    /// Reads one figure typed into a form, by the same rules and with the same messages as a file's row: the fields are
    /// keyed by column name (<c>measure</c>, <c>period</c>, <c>value</c> …), blank or absent fields are empty cells.
    /// </summary>
    public static Observation ReadEntry(IReadOnlyDictionary<string, string?> fields, string source, Plan plan)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(plan);
        var header = fields.Keys.ToList();
        var table = new RawTable(header, [new RawRow(2, header.Select(h => fields[h] ?? "").ToList())]);
        return Interpret(table, source, plan, []).Single().Observation;
    }

    /// <summary>Reads CSV text into rows with the line each came from (for previews that position every problem).</summary>
    public static IReadOnlyList<ValuesRow> ReadCsvRows(TextReader reader, string fileName, Plan plan)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(plan);
        var errors = new List<InputError>();
        string text;
        bool truncated;
        try
        {
            text = CsvText.ReadText(reader, out truncated);
        }
        catch (DecoderFallbackException)
        {
            throw new InputException(new InputError(fileName, null, null,
                "is not UTF-8 text (a binary file, or a CSV saved in another encoding?); expected a CSV file saved as CSV UTF-8"));
        }

        var table = CsvText.Parse(text, fileName, errors, truncated);
        return Interpret(table, fileName, plan, errors);
    }

    /// <summary>
    /// Reads CSV bytes (UTF-8, with or without a byte-order mark) into rows with their lines; a byte that is not UTF-8 is
    /// refused at its line and column rather than replaced.
    /// </summary>
    public static IReadOnlyList<ValuesRow> ReadCsvRows(byte[] utf8, string fileName, Plan plan)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        Utf8Text.Require(utf8, fileName, TextLayout.Csv);
        return ReadCsvRows(new StringReader(Utf8Text.Strict.GetString(utf8)), fileName, plan);
    }

    /// <summary>Reads the first worksheet of an XLSX workbook into rows with their row numbers.</summary>
    public static IReadOnlyList<ValuesRow> ReadXlsxRows(Stream stream, string fileName, Plan plan)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(plan);
        var errors = new List<InputError>();
        var table = XlsxSheet.Read(stream, fileName, errors);
        return Interpret(table, fileName, plan, errors);
    }

    private static IReadOnlyList<ValuesRow> Interpret(RawTable? table, string fileName, Plan plan, List<InputError> errors)
    {
        if (table is null || errors.Count > 0)
        {
            throw new InputException(errors);
        }

        var columns = ReadHeader(table, fileName, errors);
        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }

        var observations = new List<ValuesRow>();
        var firstLine = new Dictionary<(string, Period), int>();
        foreach (var row in table.Rows)
        {
            if (row.IsBlank)
            {
                continue;
            }

            var o = new RowReader(fileName, row, columns, table.Header, errors).Read(plan);
            if (o is null)
            {
                continue;
            }

            var key = (o.MeasureId, o.Period);
            if (firstLine.TryGetValue(key, out var earlier))
            {
                errors.Add(new InputError(fileName, row.Line, table.Header[columns[PeriodColumn]].Trim(),
                    $"a second row for measure '{o.MeasureId}' in {o.Period.Label} (first at line {earlier.ToString(CultureInfo.InvariantCulture)}); expected one row per measure and period"));
                continue;
            }

            firstLine[key] = row.Line;
            observations.Add(new ValuesRow(row.Line, o));
        }

        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }

        return observations;
    }

    /// <summary>Column name (normalised) to position; reports unknown, repeated and missing columns.</summary>
    private static Dictionary<string, int> ReadHeader(RawTable table, string fileName, List<InputError> errors)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < table.Header.Count; i++)
        {
            var written = table.Header[i].Trim();
            if (written.Length == 0)
            {
                // A column with no name is tolerated only while it is empty (spreadsheets leave formatted blank columns).
                if (table.Rows.Any(r => !string.IsNullOrWhiteSpace(r.Cell(i))))
                {
                    errors.Add(new InputError(fileName, 1, null,
                        $"column {(i + 1).ToString(CultureInfo.InvariantCulture)} has values but no name; expected one of {string.Join(", ", Columns)}"));
                }

                continue;
            }

            var name = written.ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
            if (!Columns.Contains(name))
            {
                var hint = Suggestions.Closest(name, Columns) is { } c ? $"did you mean '{c}'?" : "expected one of " + string.Join(", ", Columns);
                errors.Add(new InputError(fileName, 1, Shown(written), "unknown column; " + hint));
            }
            else if (!columns.TryAdd(name, i))
            {
                errors.Add(new InputError(fileName, 1, written, $"a second '{Shown(name)}' column; expected each column once"));
            }
        }

        foreach (var required in new[] { Measure, PeriodColumn })
        {
            if (!columns.ContainsKey(required))
            {
                errors.Add(new InputError(fileName, 1, null, $"no '{required}' column; expected a header naming measure, period and value (or numerator and denominator)"));
            }
        }

        if (!columns.ContainsKey(Value) && !(columns.ContainsKey(Numerator) && columns.ContainsKey(Denominator)))
        {
            errors.Add(new InputError(fileName, 1, null, "no 'value' column, nor both 'numerator' and 'denominator'; expected at least one of them"));
        }

        return columns;
    }

    /// <summary>Reads one data row, reporting each bad cell under its header name.</summary>
    private sealed class RowReader(string fileName, RawRow row, Dictionary<string, int> columns, IReadOnlyList<string> header, List<InputError> errors)
    {
        private bool _failed;

        private string? Text(string column) =>
            columns.TryGetValue(column, out var i) && row.Cell(i).Trim() is { Length: > 0 } t ? t : null;

        private void Error(string? column, string message)
        {
            _failed = true;
            errors.Add(new InputError(fileName, row.Line, column is null ? null : header[columns[column]].Trim(), message));
        }

        public Observation? Read(Plan plan)
        {
            var extra = row.Cells.Skip(header.Count).Count(c => !string.IsNullOrWhiteSpace(c));
            if (extra > 0)
            {
                Error(null, $"has values beyond the {header.Count.ToString(CultureInfo.InvariantCulture)} named columns; expected no more fields than the header has");
            }

            Measure? measure = null;
            if (Text(Measure) is not { } measureId)
            {
                Error(Measure, "missing; expected a measure id of the plan");
            }
            else if (plan.FindMeasure(measureId) is not { } m)
            {
                var hint = Suggestions.Closest(measureId, plan.Measures.Select(x => x.Id)) is { } near
                    ? $"did you mean '{near}'?"
                    : $"expected a measure id of the plan '{plan.Name}'";
                Error(Measure, $"unknown measure '{Shown(measureId)}'; {hint}");
            }
            else
            {
                measure = m;
            }

            Period? period = null;
            if (Text(PeriodColumn) is not { } periodText)
            {
                Error(PeriodColumn, "missing; expected a period such as 2015/16 Q3, 2015/16 or 2015");
            }
            else
            {
                var basis = measure is null ? null : FrequencyNames.YearBasisFor(measure.Frequency);
                var r = Period.Parse(periodText, basis);
                if (r.Success)
                {
                    period = r.Value;
                }
                else
                {
                    Error(PeriodColumn, r.Error!);
                }
            }

            var value = Number(Value, measure);
            var numerator = Number(Numerator, measure: null);
            var denominator = Number(Denominator, measure: null);
            if (numerator < 0)
            {
                Error(Numerator, $"{Show(numerator.Value)} is negative; expected a count of zero or more");
            }

            if (denominator <= 0)
            {
                Error(Denominator, $"{Show(denominator.Value)} is not positive; expected a count above zero");
            }
            else if (denominator is { } whole && whole != Math.Floor(whole) && measure is not null && measure.Counts != Counted.Money)
            {
                // Counts of children, families, staff or places are whole; a fraction here is a value typed into the
                // wrong column, and the significance tests and disclosure control that take the counts would misread it.
                Error(Denominator, $"{Show(whole)} is not a whole number, but measure '{measure.Id}' counts {measure.Counts.Key()}; expected a whole count above zero");
            }

            if (numerator is { } part && denominator is { } all && all > 0 && part > all && measure?.Unit.Kind == UnitKind.Percentage)
            {
                Error(Numerator, $"{Show(part)} is more than the denominator {Show(all)}, but measure '{measure.Id}' is a percentage of it; expected a numerator no larger than the denominator");
            }

            var status = ValueStatus.Final;
            if (Text(Status) is { } statusText)
            {
                switch (statusText.ToLowerInvariant())
                {
                    case "final":
                        break;
                    case "provisional":
                        status = ValueStatus.Provisional;
                        break;
                    default:
                        Error(Status, $"'{Shown(statusText)}' is not a status; expected final or provisional (blank means final)");
                        break;
                }
            }

            var benchmarks = new SuppliedBenchmarks
            {
                England = Number(England, measure),
                Region = Number(Region, measure),
                StatisticalNeighbourAverage = Number(SnAverage, measure),
                Quartile = QuartileNumber(),
            };
            var updated = UpdatedFlag();
            var direction = SuppliedDirection(measure);
            var rag = SuppliedRag();

            if (_failed || measure is null || period is null)
            {
                return null;
            }

            var computed = numerator is { } n && denominator is { } d ? Ratio(n, d, measure.Unit) : (double?)null;
            if (computed is { } huge && Math.Abs(huge) > LargestNumber)
            {
                Error(Numerator, $"numerator/denominator gives {Show(huge)}, beyond the largest figure GoldenThread reads ({Show(LargestNumber)}); expected counts whose ratio is a figure of this measure");
                return null;
            }

            if (value is null && computed is null && !measure.Qualitative)
            {
                var given = numerator is not null ? Numerator : denominator is not null ? Denominator : Value;
                Error(given, "no value; expected a value, or both a numerator and a denominator to compute it from");
                return null;
            }

            if (value is { } v && computed is { } c && !Agrees(v, c, Text(Value)!, measure.DecimalPlaces))
            {
                Error(Value, $"{Show(v)} does not match numerator/denominator, which gives {Show(c)}; expected the value computed from the counts (allowing for rounding), or leave value blank");
                return null;
            }

            return new Observation
            {
                MeasureId = measure.Id,
                Period = period.Value,
                Value = value ?? computed,
                Numerator = numerator,
                Denominator = denominator,
                Status = status,
                Note = Text(Note),
                Benchmarks = benchmarks.IsEmpty ? null : benchmarks,
                Updated = updated,
                SuppliedDirection = direction,
                SuppliedRag = rag,
                Provenance = Provenance.Supplied,
            };
        }

        /// <summary>
        /// A direction of travel given with the value (a report's "Better", "Same", "Worse"), which needs its reason.
        /// Better and worse need a polarity; higher and lower are for a measure without one.
        /// </summary>
        private SuppliedJudgement<Direction>? SuppliedDirection(Measure? measure)
        {
            var reason = Reason(DirectionColumn, DirectionReason, "direction of travel");
            if (Text(DirectionColumn) is not { } t)
            {
                return null;
            }

            Direction? d = t.ToLowerInvariant() switch
            {
                "improved" or "better" => Direction.Improved,
                "no significant change" or "same" or "similar" or "no change" => Direction.NoSignificantChange,
                "declined" or "worse" => Direction.Declined,
                "higher" => Direction.Higher,
                "lower" => Direction.Lower,
                _ => null,
            };
            if (d is not { } direction)
            {
                Error(DirectionColumn, $"'{Shown(t)}' is not a direction of travel; expected improved (or better), no significant change (or same, similar), declined (or worse), higher or lower; blank to compute it");
                return null;
            }

            if (measure is not null && (measure.Polarity == Polarity.NoJudgement) != (direction is Direction.Higher or Direction.Lower)
                && direction != Direction.NoSignificantChange)
            {
                Error(DirectionColumn, measure.Polarity == Polarity.NoJudgement
                    ? $"'{Shown(t)}' judges better or worse, but measure '{measure.Id}' has no polarity; expected higher, lower or no significant change"
                    : $"'{Shown(t)}' says only which way the value moved, but measure '{measure.Id}' is {measure.Polarity.ToWords()}; expected improved, no significant change or declined");
                return null;
            }

            return reason is null ? null : new SuppliedJudgement<Direction>(direction, reason);
        }

        /// <summary>A RAG rating given with the value (a report's "R", "A", "G"), which needs its reason.</summary>
        private SuppliedJudgement<Rag>? SuppliedRag()
        {
            var reason = Reason(RagColumn, RagReason, "RAG rating");
            if (Text(RagColumn) is not { } t)
            {
                return null;
            }

            Rag? r = t.ToLowerInvariant() switch
            {
                "red" or "r" => Rag.Red,
                "amber" or "a" => Rag.Amber,
                "green" or "g" => Rag.Green,
                _ => null,
            };
            if (r is not { } rag)
            {
                Error(RagColumn, $"'{Shown(t)}' is not a RAG rating; expected red, amber or green (or R, A, G); blank to compute it");
                return null;
            }

            return reason is null ? null : new SuppliedJudgement<Rag>(rag, reason);
        }

        /// <summary>The reason for a supplied judgement: required with the judgement, and only with it.</summary>
        private string? Reason(string judgementColumn, string reasonColumn, string what)
        {
            var judgement = Text(judgementColumn);
            var reason = Text(reasonColumn);
            if (judgement is not null && reason is null)
            {
                Error(columns.ContainsKey(reasonColumn) ? reasonColumn : judgementColumn,
                    $"a {what} is supplied without its reason; expected the reason in '{reasonColumn}' (where the judgement was stated, e.g. \"Appendix A: Better\")");
            }
            else if (judgement is null && reason is not null)
            {
                Error(reasonColumn, $"a reason is given but no {what}; expected the {what} in '{judgementColumn}', or no reason");
            }

            return reason;
        }

        /// <summary>A number in the invariant culture; a trailing % only where the measure is a percentage.</summary>
        private double? Number(string column, Measure? measure)
        {
            if (Text(column) is not { } t)
            {
                return null;
            }

            var s = t;
            if (s.EndsWith('%'))
            {
                if (measure is not null && measure.Unit.Kind != UnitKind.Percentage)
                {
                    Error(column, $"'{Shown(t)}' has a % sign but measure '{measure.Id}' is in {measure.Unit}; expected a plain number");
                    return null;
                }

                s = s[..^1].TrimEnd();
            }

            if (ParseNumber(s) is { } n)
            {
                return n;
            }

            Error(column, NotANumber(t));
            return null;
        }

        private bool? UpdatedFlag()
        {
            if (Text(Updated) is not { } t)
            {
                return null;
            }

            switch (t.ToLowerInvariant())
            {
                case "y" or "yes" or "true":
                    return true;
                case "n" or "no" or "false":
                    return false;
                default:
                    Error(Updated, $"'{Shown(t)}' is not a yes or no; expected y or n (blank: worked out from the periods)");
                    return null;
            }
        }

        private int? QuartileNumber()
        {
            if (Text(Quartile) is not { } t)
            {
                return null;
            }

            if (int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var q) && q is >= 1 and <= 4)
            {
                return q;
            }

            Error(Quartile, $"'{Shown(t)}' is not a quartile; expected 1, 2, 3 or 4 (1 the best)");
            return null;
        }
    }

    private static string Show(double v) => Math.Abs(v) >= 1e15
        ? v.ToString("0.######E+0", CultureInfo.InvariantCulture)
        : v.ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>
    /// The largest figure read, in magnitude (docs/formats.md, "Limits"): far above any council's count, rate or
    /// budget, and far enough below a double's range that averages and differences of figures stay finite.
    /// </summary>
    internal const double LargestNumber = 1e15;

    internal static double? ParseNumber(string s)
    {
        const NumberStyles styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
        return s.Length <= LongestNumber && double.TryParse(s, styles, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) && Math.Abs(v) <= LargestNumber
            ? v
            : null;
    }

    /// <summary>The most characters a number is written with: 17 significant digits, a sign, a point and an exponent, with room to spare.</summary>
    internal const int LongestNumber = 64;

    /// <summary>Why <paramref name="text"/> is not a figure, quoting at most the first 40 characters of it.</summary>
    internal static string NotANumber(string text)
    {
        var s = text.TrimEnd('%').Trim();
        if (s.Length > LongestNumber)
        {
            return $"'{Shown(text)}' is {text.Length.ToString(CultureInfo.InvariantCulture)} characters long, longer than any number ({LongestNumber.ToString(CultureInfo.InvariantCulture)} characters at most); {NumberExpected}";
        }

        const NumberStyles styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
        if (double.TryParse(s, styles, CultureInfo.InvariantCulture, out var v))
        {
            return double.IsFinite(v)
                ? $"'{Shown(text)}' is beyond the largest figure GoldenThread reads ({Show(LargestNumber)} either side of zero); {NumberExpected}"
                : $"'{Shown(text)}' is not a figure (NaN and Infinity cannot be shown or compared); {NumberExpected}";
        }

        return $"'{Shown(text)}' is not a number; {NumberExpected}";
    }

    private static string Shown(string text) => Quoted.Text(text);

    /// <summary>numerator / denominator in the measure's unit: × 100 for a percentage, × the base for a rate, else the plain ratio.</summary>
    public static double Ratio(double numerator, double denominator, MeasureUnit unit) => unit.Kind switch
    {
        UnitKind.Percentage => numerator / denominator * 100,
        UnitKind.Rate => numerator / denominator * unit.RateBase!.Value,
        _ => numerator / denominator,
    };

    /// <summary>
    /// Whether a supplied value agrees with the one computed from its counts: they may differ by rounding, either to the
    /// places the value is written with or to one place more than the measure shows, whichever is looser.
    /// </summary>
    internal static bool Agrees(double value, double computed, string written, int decimalPlaces)
    {
        var writtenPlaces = WrittenDecimalPlaces(written) ?? int.MaxValue;
        var places = Math.Min(writtenPlaces, decimalPlaces + 1);
        var halfUnit = 0.5 * Math.Pow(10, -places);
        return Math.Abs(value - computed) <= halfUnit + (1e-9 * Math.Max(1, Math.Abs(computed)));
    }

    private static int? WrittenDecimalPlaces(string written)
    {
        var s = written.Trim().TrimEnd('%').TrimEnd();
        if (s.Contains('e', StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var point = s.IndexOf('.', StringComparison.Ordinal);
        return point < 0 ? 0 : s.Length - point - 1;
    }
}
