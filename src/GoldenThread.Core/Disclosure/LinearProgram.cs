namespace GoldenThread.Core.Disclosure;

/// <summary>
/// The smallest and largest value each unknown can take subject to <c>A·x = b</c>, <c>x ≥ 0</c>: a dense two-phase
/// simplex with Bland's rule (no cycling). Pure; for the small systems of disclosure auditing (a few dozen equations).
/// </summary>
/// <remarks>
/// The equations of a two-way table with its totals form a totally unimodular matrix (every column has two non-zero
/// entries, and the rows split into two sets that meet the Heller-Tompkins condition), so with whole-number right-hand
/// sides every vertex is whole: the pivots stay whole numbers and the real ranges found here are the whole-number
/// ranges (docs/statistics.md, "Secondary suppression").
/// </remarks>
internal sealed class LinearProgram
{
    private const double Epsilon = 1e-9;

    private readonly int _variables;
    private readonly double[][] _rows;
    private readonly int[] _basis;

    private LinearProgram(int variables, double[][] rows, int[] basis)
    {
        _variables = variables;
        _rows = rows;
        _basis = basis;
    }

    /// <summary>
    /// A feasible starting point for <c>A·x = b, x ≥ 0</c> (phase one); null when the system has no solution.
    /// </summary>
    /// <param name="equations">Each equation's coefficients (length <paramref name="variables"/>) and right-hand side.</param>
    public static LinearProgram? Feasible(int variables, IReadOnlyList<(double[] Coefficients, double RightHandSide)> equations)
    {
        var m = equations.Count;
        var columns = variables + m + 1; // x, artificials, right-hand side
        var rows = new double[m][];
        var basis = new int[m];
        for (var i = 0; i < m; i++)
        {
            var (a, b) = equations[i];
            var sign = b < 0 ? -1.0 : 1.0;
            rows[i] = new double[columns];
            for (var j = 0; j < variables; j++)
            {
                rows[i][j] = sign * a[j];
            }

            rows[i][variables + i] = 1;
            rows[i][^1] = sign * b;
            basis[i] = variables + i;
        }

        // Phase one: maximise -Σ artificials. The objective row holds z - c·x in canonical form.
        var objective = new double[columns];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                if (j < variables || j == columns - 1)
                {
                    objective[j] -= rows[i][j];
                }
            }
        }

        if (Optimise(rows, objective, basis, enterable: columns - 1) is not true || objective[^1] < -Epsilon)
        {
            return null;
        }

        // Drive the artificials (all at zero now) out of the basis; a row where none can leave is redundant.
        var kept = new List<int>();
        for (var i = 0; i < m; i++)
        {
            if (basis[i] >= variables)
            {
                var entering = Enumerable.Range(0, variables).FirstOrDefault(j => Math.Abs(rows[i][j]) > Epsilon, -1);
                if (entering < 0)
                {
                    continue;
                }

                Pivot(rows, objective, basis, i, entering);
            }

            kept.Add(i);
        }

        return new LinearProgram(
            variables,
            kept.Select(i => rows[i][..variables].Append(rows[i][^1]).ToArray()).ToArray(),
            kept.Select(i => basis[i]).ToArray());
    }

    /// <summary>The range of unknown <paramref name="variable"/>: its minimum, and its maximum (null when unbounded).</summary>
    public (double Minimum, double? Maximum) Range(int variable)
    {
        var maximum = Maximise(variable, +1);
        var minimum = -Maximise(variable, -1)!.Value; // the minimum of x ≥ 0 is always bounded
        return (minimum, maximum);
    }

    /// <summary>max of sign·x[variable]; null when unbounded.</summary>
    private double? Maximise(int variable, double sign)
    {
        var rows = _rows.Select(r => (double[])r.Clone()).ToArray();
        var basis = (int[])_basis.Clone();
        var objective = new double[_variables + 1];
        objective[variable] = -sign;
        // Canonical form: zero the objective on the basic columns.
        for (var i = 0; i < rows.Length; i++)
        {
            var factor = objective[basis[i]];
            if (factor != 0)
            {
                for (var j = 0; j <= _variables; j++)
                {
                    objective[j] -= factor * rows[i][j];
                }
            }
        }

        return Optimise(rows, objective, basis, enterable: _variables) is true ? objective[^1] : null;
    }

    /// <summary>Primal simplex with Bland's rule. True at an optimum, false when unbounded.</summary>
    private static bool? Optimise(double[][] rows, double[] objective, int[] basis, int enterable)
    {
        while (true)
        {
            var entering = -1;
            for (var j = 0; j < enterable; j++)
            {
                if (objective[j] < -Epsilon)
                {
                    entering = j;
                    break;
                }
            }

            if (entering < 0)
            {
                return true;
            }

            var leaving = -1;
            var best = double.PositiveInfinity;
            for (var i = 0; i < rows.Length; i++)
            {
                var a = rows[i][entering];
                if (a > Epsilon)
                {
                    var ratio = rows[i][^1] / a;
                    if (ratio < best - Epsilon || (Math.Abs(ratio - best) <= Epsilon && basis[i] < basis[leaving]))
                    {
                        best = ratio;
                        leaving = i;
                    }
                }
            }

            if (leaving < 0)
            {
                return false;
            }

            Pivot(rows, objective, basis, leaving, entering);
        }
    }

    private static void Pivot(double[][] rows, double[] objective, int[] basis, int row, int column)
    {
        var pivotRow = rows[row];
        var pivot = pivotRow[column];
        for (var j = 0; j < pivotRow.Length; j++)
        {
            pivotRow[j] /= pivot;
        }

        void Eliminate(double[] target)
        {
            var factor = target[column];
            if (factor != 0)
            {
                for (var j = 0; j < target.Length; j++)
                {
                    target[j] -= factor * pivotRow[j];
                }
            }
        }

        for (var i = 0; i < rows.Length; i++)
        {
            if (i != row)
            {
                Eliminate(rows[i]);
            }
        }

        Eliminate(objective);
        basis[row] = column;
    }
}
