namespace GoldenThread.Data.Values;

/// <summary>One data row of a table file: its line (CSV) or row number (XLSX) and its cells as text, by column position.</summary>
internal sealed record RawRow(int Line, IReadOnlyList<string> Cells)
{
    public string Cell(int column) => column < Cells.Count ? Cells[column] : "";

    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>A table file's header (row 1) and data rows, before any meaning is given to the columns.</summary>
internal sealed record RawTable(IReadOnlyList<string> Header, IReadOnlyList<RawRow> Rows);
