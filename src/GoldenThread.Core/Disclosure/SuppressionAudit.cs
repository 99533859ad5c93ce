namespace GoldenThread.Core.Disclosure;

/// <summary>
/// A place in the grid of a table with its totals: rows 0…R-1 and columns 0…C-1 are the cells, column C holds the row
/// totals, row R the column totals, and (R, C) the grand total.
/// </summary>
public readonly record struct GridPosition(int Row, int Column);

/// <summary>What someone holding every published figure can work out about one withheld figure: its least and greatest possible values.</summary>
/// <param name="Minimum">The least value consistent with every published figure (never below 0).</param>
/// <param name="Maximum">The greatest; null when nothing published bounds it.</param>
public readonly record struct FeasibleRange(long Minimum, long? Maximum)
{
    /// <summary>Maximum minus minimum; null when unbounded.</summary>
    public long? Width => Maximum - Minimum;

    /// <summary>True when the range is wider than <paramref name="threshold"/>: the figure cannot be pinned down to within the counts that are withheld.</summary>
    public bool IsWiderThan(int threshold) => Maximum is not { } max || max - Minimum > threshold;
}

/// <summary>
/// Audits a suppression pattern: for every withheld figure of a table published with its row, column and grand totals,
/// the range of values consistent with everything published, by any combination of additions and subtractions. Pure.
/// </summary>
/// <remarks>
/// Each row and column of the grid is an equation (its cells add up to its total); the withheld figures are unknowns
/// at least 0, the published ones constants. The least and greatest value of each unknown are found by linear
/// programming (<see cref="LinearProgram"/>); because the equations of a two-way table are totally unimodular, these
/// real bounds are whole numbers and equal the bounds over whole-number tables. What is not covered: other tables
/// sharing cells or totals with this one, published percentages whose denominators are withheld, and knowledge from
/// outside the table (docs/statistics.md).
/// </remarks>
public static class SuppressionAudit
{
    /// <summary>The feasible range of every figure withheld in <paramref name="table"/>.</summary>
    public static IReadOnlyDictionary<GridPosition, FeasibleRange> Ranges(SuppressedTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var (grid, hidden) = table.ToGrid();
        return Ranges(grid, hidden);
    }

    /// <summary>
    /// The feasible range of every withheld figure of a grid that includes its totals (see <see cref="GridPosition"/>);
    /// <paramref name="grid"/> holds the true figures, which must add up.
    /// </summary>
    public static IReadOnlyDictionary<GridPosition, FeasibleRange> Ranges(long[,] grid, bool[,] hidden)
    {
        var program = Program(grid, hidden, out var unknowns);
        var ranges = new Dictionary<GridPosition, FeasibleRange>();
        for (var v = 0; v < unknowns.Count; v++)
        {
            ranges[unknowns[v]] = ToRange(program.Range(v));
        }

        return ranges;
    }

    /// <summary>The feasible range of one withheld figure.</summary>
    public static FeasibleRange RangeOf(long[,] grid, bool[,] hidden, GridPosition figure)
    {
        var program = Program(grid, hidden, out var unknowns);
        var v = unknowns.IndexOf(figure);
        if (v < 0)
        {
            throw new ArgumentException($"the figure at row {figure.Row}, column {figure.Column} is not withheld", nameof(figure));
        }

        return ToRange(program.Range(v));
    }

    private static FeasibleRange ToRange((double Minimum, double? Maximum) range) =>
        new((long)Math.Round(range.Minimum), range.Maximum is { } max ? (long)Math.Round(max) : null);

    private static LinearProgram Program(long[,] grid, bool[,] hidden, out List<GridPosition> unknowns)
    {
        var rows = grid.GetLength(0) - 1;
        var columns = grid.GetLength(1) - 1;
        if (rows < 1 || columns < 1 || hidden.GetLength(0) != rows + 1 || hidden.GetLength(1) != columns + 1)
        {
            throw new ArgumentException("the grid must have at least one cell plus its totals, and the hidden flags the same shape");
        }

        unknowns = [];
        var index = new Dictionary<GridPosition, int>();
        for (var r = 0; r <= rows; r++)
        {
            for (var c = 0; c <= columns; c++)
            {
                if (hidden[r, c])
                {
                    index[new GridPosition(r, c)] = unknowns.Count;
                    unknowns.Add(new GridPosition(r, c));
                }
            }
        }

        // One equation per line of the grid: parts minus total = 0, the published figures moved to the right-hand side.
        var equations = new List<(double[], double)>();
        void Line(IEnumerable<GridPosition> parts, GridPosition total, int count)
        {
            var a = new double[count];
            double b = 0;
            var any = false;
            foreach (var (p, sign) in parts.Select(p => (p, 1.0)).Append((total, -1.0)))
            {
                if (index.TryGetValue(p, out var v))
                {
                    a[v] += sign;
                    any = true;
                }
                else
                {
                    b -= sign * grid[p.Row, p.Column];
                }
            }

            if (any)
            {
                equations.Add((a, b));
            }
        }

        for (var r = 0; r <= rows; r++)
        {
            Line(Enumerable.Range(0, columns).Select(c => new GridPosition(r, c)), new GridPosition(r, columns), unknowns.Count);
        }

        for (var c = 0; c <= columns; c++)
        {
            Line(Enumerable.Range(0, rows).Select(r => new GridPosition(r, c)), new GridPosition(rows, c), unknowns.Count);
        }

        return LinearProgram.Feasible(unknowns.Count, equations)
            ?? throw new ArgumentException("the figures do not add up to their totals");
    }
}
