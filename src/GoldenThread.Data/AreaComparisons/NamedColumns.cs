using System.Globalization;
using GoldenThread.Data.Values;

namespace GoldenThread.Data.AreaComparisons;

/// <summary>A CSV table whose columns are found by header name, for the two area-comparison files.</summary>
internal sealed class NamedColumns
{
    private readonly Dictionary<string, int> _positions;
    private readonly IReadOnlyList<string> _header;

    private NamedColumns(Dictionary<string, int> positions, IReadOnlyList<string> header)
    {
        _positions = positions;
        _header = header;
    }

    /// <summary>Parses the text and its header; null when the file cannot be read as a table (errors say why).</summary>
    public static (NamedColumns Columns, RawTable Table)? Parse(TextReader reader, string fileName, IReadOnlyList<string> known, IReadOnlyList<string> required, List<InputError> errors)
    {
        var table = CsvText.Parse(CsvText.ReadText(reader, out var truncated), fileName, errors, truncated);
        if (table is null)
        {
            return null;
        }

        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < table.Header.Count; i++)
        {
            var written = table.Header[i].Trim();
            var name = written.ToLowerInvariant();
            if (name.Length == 0)
            {
                if (table.Rows.Any(r => !string.IsNullOrWhiteSpace(r.Cell(i))))
                {
                    errors.Add(new InputError(fileName, 1, null, $"column {(i + 1).ToString(CultureInfo.InvariantCulture)} has values but no name; expected one of {string.Join(", ", known)}"));
                }
            }
            else if (!known.Contains(name))
            {
                var hint = Suggestions.Closest(name, known) is { } c ? $"did you mean '{c}'?" : "expected one of " + string.Join(", ", known);
                errors.Add(new InputError(fileName, 1, written, "unknown column; " + hint));
            }
            else if (!positions.TryAdd(name, i))
            {
                errors.Add(new InputError(fileName, 1, written, $"a second '{name}' column; expected each column once"));
            }
        }

        foreach (var name in required.Where(r => !positions.ContainsKey(r)))
        {
            errors.Add(new InputError(fileName, 1, null, $"no '{name}' column; expected a header naming at least {string.Join(", ", required)}"));
        }

        return (new NamedColumns(positions, table.Header), table);
    }

    public int HeaderCount => _header.Count;

    public bool Has(string column) => _positions.ContainsKey(column);

    /// <summary>The trimmed cell, or null when the column is absent or the cell blank.</summary>
    public string? Text(RawRow row, string column) =>
        _positions.TryGetValue(column, out var i) && row.Cell(i).Trim() is { Length: > 0 } t ? t : null;

    /// <summary>The column's name as the file writes it, for messages.</summary>
    public string Written(string column) => _positions.TryGetValue(column, out var i) ? _header[i].Trim() : column;
}
