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

    /// <summary>The table with its totals as one (R+1)×(C+1) grid (see <see cref="GridPosition"/>), with which figures are hidden.</summary>
    public (long[,] Grid, bool[,] Hidden) ToGrid()
    {
        var rows = Cells.GetLength(0);
        var columns = Cells.GetLength(1);
        var grid = new long[rows + 1, columns + 1];
        var hidden = new bool[rows + 1, columns + 1];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                (grid[r, c], hidden[r, c]) = (Cells[r, c], CellSuppressed[r, c]);
            }

            (grid[r, columns], hidden[r, columns]) = (RowTotals[r], RowTotalSuppressed[r]);
        }

        for (var c = 0; c < columns; c++)
        {
            (grid[rows, c], hidden[rows, c]) = (ColumnTotals[c], ColumnTotalSuppressed[c]);
        }

        (grid[rows, columns], hidden[rows, columns]) = (GrandTotal, GrandTotalSuppressed);
        return (grid, hidden);
    }
}

/// <summary>
/// Primary and secondary suppression for a two-way table published with its row, column and grand totals. Pure.
/// </summary>
/// <remarks>
/// Rule (docs/statistics.md): the table is treated with its totals as an (R+1)×(C+1) grid, each row and column of
/// which is a sum ("the cells add up to the total").
/// 1. Primary: every figure, cell or total, from 1 to the threshold is suppressed.
/// 2. Lines: while any row or column of the grid has exactly one suppressed figure, that figure could be recovered by
///    subtraction, so a second figure in that line is suppressed: the smallest non-zero unsuppressed figure other than
///    the line's total; failing that, the smallest zero; failing that, the total.
/// 3. Audit: step 2 does not stop recovery by combining several lines (a withheld cell linking two groups of withheld
///    cells can be worked out exactly). So the feasible range of every withheld figure, over all tables that agree
///    with what is published, is found by linear programming (<see cref="SuppressionAudit"/>). While some withheld
///    figure's range is not wider than the threshold, one more figure is suppressed: the first candidate (cells in the
///    weak figure's row and column, then other cells, then totals; smallest non-zero first, then zeros; reading order
///    on ties) whose suppression makes that range wide enough, or, when no single one does, the first candidate; then
///    back to step 2. Suppressing every figure leaves every range unbounded, so this ends.
/// Guarantee: from this table's published figures alone, no withheld figure can be narrowed to a range of the
/// threshold's width or less (so no withheld small count can be recovered exactly, or to within a few). Not
/// guaranteed: the fewest figures (the choice is greedy), and protection against other tables that share cells or
/// totals with this one, which should be suppressed together.
/// </remarks>
public static class SecondarySuppression
{
    public static SuppressedTable Apply(long[,] cells, DisclosureRules? rules = null)
    {
        rules ??= DisclosureRules.Default;
        var rows = cells.GetLength(0);
        var columns = cells.GetLength(1);
        if (rows < 1 || columns < 1)
        {
            throw new ArgumentException("a table needs at least one row and one column", nameof(cells));
        }

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

        var lines = new List<GridPosition[]>();
        for (var r = 0; r <= rows; r++)
        {
            lines.Add(Enumerable.Range(0, columns + 1).Select(c => new GridPosition(r, c)).ToArray());
        }

        for (var c = 0; c <= columns; c++)
        {
            lines.Add(Enumerable.Range(0, rows + 1).Select(r => new GridPosition(r, c)).ToArray());
        }

        // Each round hides at least one more figure, so this ends within (R+1)(C+1) rounds.
        while (true)
        {
            CloseLines(grid, hidden, lines);
            if (WeakFigure(grid, hidden, rules.Threshold) is not { } weak)
            {
                break;
            }

            var candidates = Candidates(grid, hidden, weak, rows, columns);
            var pick = candidates.Cast<GridPosition?>().FirstOrDefault(c =>
            {
                hidden[c!.Value.Row, c.Value.Column] = true;
                var wide = SuppressionAudit.RangeOf(grid, hidden, weak).IsWiderThan(rules.Threshold);
                hidden[c.Value.Row, c.Value.Column] = false;
                return wide;
            }) ?? candidates[0];
            hidden[pick.Row, pick.Column] = true;
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

    /// <summary>Step 2: no line may hold exactly one hidden figure.</summary>
    private static void CloseLines(long[,] grid, bool[,] hidden, List<GridPosition[]> lines)
    {
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var line in lines)
            {
                if (line.Count(p => hidden[p.Row, p.Column]) != 1)
                {
                    continue;
                }

                var parts = line[..^1].Where(p => !hidden[p.Row, p.Column]).ToList();
                var pick = parts.Where(p => grid[p.Row, p.Column] > 0).OrderBy(p => grid[p.Row, p.Column]).Cast<GridPosition?>().FirstOrDefault()
                    ?? parts.Cast<GridPosition?>().FirstOrDefault()
                    ?? (hidden[line[^1].Row, line[^1].Column] ? null : line[^1]);
                if (pick is { } chosen)
                {
                    hidden[chosen.Row, chosen.Column] = true;
                    changed = true;
                }
            }
        }
    }

    /// <summary>The first withheld figure, in reading order, whose feasible range is not wider than the threshold.</summary>
    private static GridPosition? WeakFigure(long[,] grid, bool[,] hidden, int threshold)
    {
        var ranges = SuppressionAudit.Ranges(grid, hidden);
        return ranges.Where(kv => !kv.Value.IsWiderThan(threshold))
            .Select(kv => kv.Key)
            .OrderBy(p => p.Row).ThenBy(p => p.Column)
            .Cast<GridPosition?>()
            .FirstOrDefault();
    }

    /// <summary>
    /// Figures that could be hidden next to widen <paramref name="weak"/>'s range, best first: cells in its row and
    /// column, then other cells, then totals; within each, the smallest non-zero first, then zeros, reading order on ties.
    /// </summary>
    private static List<GridPosition> Candidates(long[,] grid, bool[,] hidden, GridPosition weak, int rows, int columns)
    {
        var all = new List<GridPosition>();
        for (var r = 0; r <= rows; r++)
        {
            for (var c = 0; c <= columns; c++)
            {
                if (!hidden[r, c])
                {
                    all.Add(new GridPosition(r, c));
                }
            }
        }

        return all
            .OrderBy(p => p.Row == rows || p.Column == columns ? 2 : p.Row == weak.Row || p.Column == weak.Column ? 0 : 1)
            .ThenBy(p => grid[p.Row, p.Column] == 0 ? 1 : 0)
            .ThenBy(p => grid[p.Row, p.Column])
            .ThenBy(p => p.Row)
            .ThenBy(p => p.Column)
            .ToList();
    }
}
