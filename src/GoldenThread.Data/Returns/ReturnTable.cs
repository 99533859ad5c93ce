using GoldenThread.Core.Returns;

namespace GoldenThread.Data.Returns;

/// <summary>Collects a reader's problems; past <see cref="Limit"/> it only counts them.</summary>
internal sealed class ErrorLog
{
    public const int Limit = 1000;

    public List<InputError> Errors { get; } = [];

    public int Dropped { get; private set; }

    public void Add(InputError error)
    {
        if (Errors.Count < Limit)
        {
            Errors.Add(error);
        }
        else
        {
            Dropped++;
        }
    }

    public void ThrowIfAny()
    {
        if (Errors.Count == 0)
        {
            return;
        }

        var all = new List<InputError>(Errors);
        if (Dropped > 0)
        {
            all.Add(new InputError(Errors[^1].File, null, null, $"{Dropped} more problems not listed"));
        }

        throw new InputException(all);
    }
}

/// <summary>Date layouts of the returns: the 903 writes dd/MM/yyyy, the CIN census XML yyyy-MM-dd.</summary>
internal enum DateLayout
{
    DayMonthYear,
    Iso,
}

/// <summary>
/// One CSV table of a return: the header mapped to column positions, then typed field access row by row, each problem
/// logged with file, line and column. Values of personal fields (identifiers, dates) are never echoed; a bad code is,
/// because it is a code, not a fact about a child.
/// </summary>
internal sealed class ReturnTable
{
    private readonly CsvRecordReader _csv;
    private readonly ErrorLog _log;
    private readonly Dictionary<string, int> _columns = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _header = [];
    private readonly DateLayout _layout;
    private readonly string _collection;

    public ReturnTable(TextReader reader, string file, ErrorLog log, DateLayout layout, IReadOnlyList<string> required, string collection = "return")
    {
        _collection = collection;
        _csv = new CsvRecordReader(reader);
        _log = log;
        _layout = layout;
        File = file;
        if (!_csv.Read())
        {
            log.Add(_csv.Problem is null
                ? new InputError(file, null, null, "the file is empty: expected a header row naming the columns")
                : LimitPassed());
            HeaderOk = false;
            return;
        }

        for (var i = 0; i < _csv.FieldCount; i++)
        {
            var name = _csv[i].ToString().TrimStart('\uFEFF');
            _columns.TryAdd(name, i);
            _header.Add(name);
        }

        HeaderOk = true;
        foreach (var name in required)
        {
            if (!_columns.ContainsKey(name))
            {
                log.Add(new InputError(file, 1, name, $"column '{name}' is missing: expected the columns {string.Join(", ", required)}"));
                HeaderOk = false;
            }
        }
    }

    public string File { get; }

    public bool HeaderOk { get; }

    public int Line => _csv.Line;

    /// <summary>False once any field of the current row was wrong.</summary>
    public bool RowOk { get; private set; }

    /// <summary>Rows read so far, not counting the header.</summary>
    public int Rows { get; private set; }

    public bool Next()
    {
        if (!HeaderOk)
        {
            return false;
        }

        if (!_csv.Read())
        {
            if (_csv.Problem is not null)
            {
                _log.Add(LimitPassed());
            }

            return false;
        }

        RowOk = true;
        Rows++;
        return true;
    }

    /// <summary>The limit the CSV reader stopped at, positioned at its line and (when it is one field) its column.</summary>
    private InputError LimitPassed()
    {
        var field = _csv.ProblemField;
        var column = field < 0 ? null
            : field < _header.Count && _header[field].Length > 0 ? Data.Quoted.Text(_header[field])
            : $"field {(field + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        return new InputError(File, _csv.Line, column, _csv.Problem!);
    }

    /// <summary>The position of a column, or -1 when the file does not have it (optional columns).</summary>
    public int Column(string name) => _columns.TryGetValue(name, out var i) ? i : -1;

    public ReadOnlySpan<char> Raw(int column) => column < 0 ? default : _csv[column];

    public void Fail(string column, string message)
    {
        RowOk = false;
        _log.Add(new InputError(File, Line, column, message));
    }

    public ReadOnlySpan<char> Required(int column, string name)
    {
        var raw = Raw(column);
        if (raw.IsEmpty)
        {
            Fail(name, "is blank: a value is required");
        }

        return raw;
    }

    public DateOnly Date(int column, string name)
    {
        var raw = Raw(column);
        if (raw.IsEmpty)
        {
            Fail(name, "is blank: a date is required");
            return default;
        }

        return ParseDate(raw, name) ?? default;
    }

    public DateOnly? OptionalDate(int column, string name)
    {
        var raw = Raw(column);
        return raw.IsEmpty ? null : ParseDate(raw, name);
    }

    private DateOnly? ParseDate(ReadOnlySpan<char> raw, string name)
    {
        var parsed = _layout == DateLayout.DayMonthYear ? ReturnDates.ParseDayMonthYear(raw) : ReturnDates.ParseIso(raw);
        if (parsed is null)
        {
            Fail(name, _layout == DateLayout.DayMonthYear
                ? "is not a date in the form dd/MM/yyyy"
                : "is not a date in the form yyyy-MM-dd");
        }

        return parsed;
    }

    public string Code(int column, string name, CodeList list)
    {
        var raw = Raw(column);
        if (raw.IsEmpty)
        {
            Fail(name, $"is blank: expected a {list.Name} code, one of {list.Allowed}");
            return "";
        }

        return Check(raw, name, list) ?? "";
    }

    public string? OptionalCode(int column, string name, CodeList list)
    {
        var raw = Raw(column);
        return raw.IsEmpty ? null : Check(raw, name, list);
    }

    private string? Check(ReadOnlySpan<char> raw, string name, CodeList list)
    {
        var code = list.Find(raw);
        if (code is null)
        {
            Fail(name, list.Rejection(raw, _collection));
        }

        return code;
    }

    /// <summary>0 or 1 (<paramref name="flags"/>: the year's list), as a bool; null when blank.</summary>
    public bool? OptionalFlag(int column, string name, CodeList flags)
    {
        var code = OptionalCode(column, name, flags);
        return code is null ? null : code == "1";
    }

    public int? OptionalInt(int column, string name, int min, int max)
    {
        var raw = Raw(column);
        if (raw.IsEmpty)
        {
            return null;
        }

        if (int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        Fail(name, $"is not a whole number from {min} to {max}");
        return null;
    }
}

public static class ReturnDates
{
    /// <summary>dd/MM/yyyy, strictly (two-digit day and month, four-digit year).</summary>
    public static DateOnly? ParseDayMonthYear(ReadOnlySpan<char> s)
    {
        if (s.Length != 10 || s[2] != '/' || s[5] != '/')
        {
            return null;
        }

        return Make(Digits(s.Slice(6, 4)), Digits(s.Slice(3, 2)), Digits(s[..2]));
    }

    /// <summary>yyyy-MM-dd, strictly.</summary>
    public static DateOnly? ParseIso(ReadOnlySpan<char> s)
    {
        if (s.Length != 10 || s[4] != '-' || s[7] != '-')
        {
            return null;
        }

        return Make(Digits(s[..4]), Digits(s.Slice(5, 2)), Digits(s.Slice(8, 2)));
    }

    private static DateOnly? Make(int y, int m, int d) =>
        y >= 1900 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, d) : null;

    private static int Digits(ReadOnlySpan<char> s)
    {
        var v = 0;
        foreach (var ch in s)
        {
            if (ch is < '0' or > '9')
            {
                return -1;
            }

            v = (v * 10) + (ch - '0');
        }

        return v;
    }
}
