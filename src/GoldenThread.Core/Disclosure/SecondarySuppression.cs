namespace GoldenThread.Core.Disclosure;

/// <summary>A table of counts after suppression: which cells, row totals, column totals and grand total are hidden.</summary>
public sealed record SuppressedTable(
    long[,] Cells,
    bool[,] CellSuppressed,
    long[] RowTotals,
    bool[] RowTotalSuppressed,
    long[] ColumnTotals,
    bool[] ColumnTotalSuppressed,
    long GrandTotal,
    bool GrandTotalSuppressed)
{
    /// <summary>How many figures (cells and totals) were hidden.</summary>
    public int SuppressedCount =>
        CellSuppressed.Cast<bool>().Count(s => s) + RowTotalSuppressed.Count(s => s) + ColumnTotalSuppressed.Count(s => s) + (GrandTotalSuppressed ? 1 : 0);
}

/// <summary>
/// Primary and secondary suppression for a two-way table published with its row, column and grand totals. Pure.
/// </summary>
/// <remarks>
/// Rule (docs/statistics.md): the table is treated with its totals as an (R+1)×(C+1) grid, each row and column of
/// which is a sum ("the cells add up to the total"). 1. Primary: every figure, cell or total, from 1 to the threshold
/// is suppressed. 2. Secondary: while any row or column of the grid has exactly one suppressed figure, that figure
/// could be recovered by subtraction, so a second figure in that line is suppressed: the smallest non-zero unsuppressed
/// figure other than the line's total; failing that, the smallest zero; failing that, the total. Repeat until no line
/// has exactly one suppressed figure. Ties go to the first in reading order, so the result is deterministic. This
/// protects against recovery from one total at a time; it is the common rule in official statistics, not an
/// optimal (fewest-cells) pattern, and not proof against every combination of linear equations.
/// </remarks>
public static class SecondarySuppression
{
    public static SuppressedTable Apply(long[,] cells, DisclosureRules? rules = null)
    {
        rules ??= DisclosureRules.Default;
        var rows = cells.GetLength(0);
        var columns = cells.GetLength(1);
        // The grid: interior cells, then the row totals in the last column and the column totals in the last row.
        var grid = new long[rows + 1, columns + 1];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                if (cells[r, c] < 0)
                {
                    throw new ArgumentOutOfRangeException(nameof(cells), $"cell ({r}, {c}) holds a negative count");
                }

                grid[r, c] = cells[r, c];
                grid[r, columns] += cells[r, c];
                grid[rows, c] += cells[r, c];
                grid[rows, columns] += cells[r, c];
            }
        }

        var hidden = new bool[rows + 1, columns + 1];
        for (var r = 0; r <= rows; r++)
        {
            for (var c = 0; c <= columns; c++)
            {
                hidden[r, c] = rules.IsSmall(grid[r, c]);
            }
        }

        var lines = new List<(int R, int C)[]>();
        for (var r = 0; r <= rows; r++)
        {
            lines.Add(Enumerable.Range(0, columns + 1).Select(c => (r, c)).ToArray());
        }

        for (var c = 0; c <= columns; c++)
        {
            lines.Add(Enumerable.Range(0, rows + 1).Select(r => (r, c)).ToArray());
        }

        // Each pass hides at least one more figure, so this ends within (R+1)(C+1) passes.
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var line in lines)
            {
                if (line.Count(p => hidden[p.R, p.C]) != 1)
                {
                    continue;
                }

                var parts = line[..^1].Where(p => !hidden[p.R, p.C]).ToList();
                var pick = parts.Where(p => grid[p.R, p.C] > 0).OrderBy(p => grid[p.R, p.C]).Cast<(int R, int C)?>().FirstOrDefault()
                    ?? parts.Cast<(int R, int C)?>().FirstOrDefault()
                    ?? (hidden[line[^1].R, line[^1].C] ? null : line[^1]);
                if (pick is { } chosen)
                {
                    hidden[chosen.R, chosen.C] = true;
                    changed = true;
                }
            }
        }

        var outCells = new long[rows, columns];
        var outHidden = new bool[rows, columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                outCells[r, c] = grid[r, c];
                outHidden[r, c] = hidden[r, c];
            }
        }

        return new SuppressedTable(
            outCells,
            outHidden,
            Enumerable.Range(0, rows).Select(r => grid[r, columns]).ToArray(),
            Enumerable.Range(0, rows).Select(r => hidden[r, columns]).ToArray(),
            Enumerable.Range(0, columns).Select(c => grid[rows, c]).ToArray(),
            Enumerable.Range(0, columns).Select(c => hidden[rows, c]).ToArray(),
            grid[rows, columns],
            hidden[rows, columns]);
    }
}
