namespace GoldenThread.Core.Tests.Disclosure;

/// <summary>
/// An audit of a suppression pattern written independently of <c>SuppressionAudit</c>: it enumerates every table of
/// whole numbers that agrees with the published figures and records the least and greatest value each withheld figure
/// takes. Exact, but only for small tables; it gives up (returns null) beyond a budget of search steps.
/// </summary>
/// <remarks>
/// The withheld interior cells are the unknowns (withheld totals follow from them). Rows are filled in order; a row
/// with a published total has its withheld cells enumerated as the compositions of what is left of it, and a column
/// with a published total prunes any partial sum above it and fixes its cell in the last row. Cells in rows whose total is withheld run from 0 to
/// <c>cap</c>; cutting the search there can only make a range look narrower than it is, so the audit errs towards
/// reporting a leak, never towards missing one.
/// </remarks>
internal static class ExhaustiveAudit
{
    public static Dictionary<(int Row, int Column), (long Min, long Max)>? Ranges(long[,] grid, bool[,] hidden, long cap, long budget = 200_000)
    {
        var rows = grid.GetLength(0) - 1;
        var columns = grid.GetLength(1) - 1;
        var cells = new long[rows, columns];
        var ranges = new Dictionary<(int, int), (long Min, long Max)>();
        var steps = 0L;
        var columnSums = new long[columns];

        bool Fill(int r)
        {
            if (++steps > budget)
            {
                return false;
            }

            if (r == rows)
            {
                Record();
                return true;
            }

            var unknown = Enumerable.Range(0, columns).Where(c => hidden[r, c]).ToList();
            long known = 0;
            for (var c = 0; c < columns; c++)
            {
                if (!hidden[r, c])
                {
                    cells[r, c] = grid[r, c];
                    known += grid[r, c];
                }
            }

            long? rowLeft = hidden[r, columns] ? null : grid[r, columns] - known;
            if (rowLeft < 0)
            {
                return true;
            }

            return Place(r, unknown, 0, rowLeft);
        }

        bool Place(int r, List<int> unknown, int i, long? rowLeft)
        {
            if (++steps > budget)
            {
                return false;
            }

            if (i == unknown.Count)
            {
                if (rowLeft is { } left && left != 0)
                {
                    return true;
                }

                for (var c = 0; c < columns; c++)
                {
                    columnSums[c] += cells[r, c];
                }

                // A partial sum past a published column total is a dead end, not a reason to stop the search.
                var ok = !ColumnsFit(r) || Fill(r + 1);
                for (var c = 0; c < columns; c++)
                {
                    columnSums[c] -= cells[r, c];
                }

                return ok;
            }

            var column = unknown[i];
            // No more than what is left of the row's published total, nor of the column's (the rows above are in
            // columnSums; this row's cells join it once the row is complete), nor the cap.
            var high = Math.Min(rowLeft ?? cap, hidden[rows, column] ? cap : grid[rows, column] - columnSums[column]);
            var low = 0L;
            if (rowLeft is { } l && i == unknown.Count - 1)
            {
                low = l; // the last unknown of a row with a published total takes what is left
            }

            if (r == rows - 1 && !hidden[rows, column])
            {
                low = Math.Max(low, high); // in the last row, a column with a published total fixes its cell
            }

            if (low > high)
            {
                return true;
            }

            for (var v = low; v <= high; v++)
            {
                cells[r, column] = v;
                if (!Place(r, unknown, i + 1, rowLeft - v))
                {
                    return false;
                }
            }

            return true;
        }

        bool ColumnsFit(int lastRow)
        {
            for (var c = 0; c < columns; c++)
            {
                if (!hidden[rows, c] && (columnSums[c] > grid[rows, c] || (lastRow == rows - 1 && columnSums[c] != grid[rows, c])))
                {
                    return false;
                }
            }

            return true;
        }

        void Record()
        {
            long grand = 0;
            var rowTotals = new long[rows];
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < columns; c++)
                {
                    rowTotals[r] += cells[r, c];
                }

                grand += rowTotals[r];
            }

            if (!hidden[rows, columns] && grand != grid[rows, columns])
            {
                return;
            }

            void Note(int r, int c, long v) =>
                ranges[(r, c)] = ranges.TryGetValue((r, c), out var x) ? (Math.Min(x.Min, v), Math.Max(x.Max, v)) : (v, v);

            for (var r = 0; r <= rows; r++)
            {
                for (var c = 0; c <= columns; c++)
                {
                    if (!hidden[r, c])
                    {
                        continue;
                    }

                    var value = r < rows && c < columns ? cells[r, c]
                        : r < rows ? rowTotals[r]
                        : c < columns ? columnSums[c]
                        : grand;
                    Note(r, c, value);
                }
            }
        }

        // ColumnsFit on the last row needs the sums of all rows, which Place adds before calling it.
        return Fill(0) ? ranges : null;
    }
}
