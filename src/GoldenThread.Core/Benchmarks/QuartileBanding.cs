namespace GoldenThread.Core.Benchmarks;

/// <summary>LAIT's quartile bands A–D, as 1–4 with 1 (band A) the best.</summary>
public static class QuartileBanding
{
    /// <summary>
    /// The band of <paramref name="value"/> against the national quartiles: 1 = A (best) … 4 = D (worst). Null for no
    /// polarity, or a value outside [min, max] (LAIT's "Error": only an authority's own value is banded).
    /// </summary>
    /// <remarks>
    /// Method (LAIT's <c>calculate_quartile_band</c>, R/fn_analysis.R in dfe-analytical-services/local-authority-interactive-tool):
    /// the intervals are the same for both polarities, closed at the top: [min, Q1], (Q1, median], (median, Q3], (Q3, max].
    /// Low polarity labels them A, B, C, D; High polarity labels them D, C, B, A. So with High polarity a value exactly
    /// on Q3 is B (not A), on the median C, on Q1 D. Measures flagged <c>No_Quartile = "N"</c> get no band; that is the
    /// caller's decision (<see cref="NationalBenchmark"/> makes it).
    /// </remarks>
    public static int? Band(double value, QuartileBoundaries quartiles, Polarity polarity)
    {
        if (polarity == Polarity.NoJudgement || double.IsNaN(value))
        {
            return null;
        }

        int interval;
        if (value >= quartiles.Min && value <= quartiles.Q1)
        {
            interval = 1;
        }
        else if (value > quartiles.Q1 && value <= quartiles.Median)
        {
            interval = 2;
        }
        else if (value > quartiles.Median && value <= quartiles.Q3)
        {
            interval = 3;
        }
        else if (value > quartiles.Q3 && value <= quartiles.Max)
        {
            interval = 4;
        }
        else
        {
            return null;
        }

        return polarity == Polarity.LowerIsBetter ? interval : 5 - interval;
    }

    /// <summary>The letter LAIT shows: 1 → A … 4 → D.</summary>
    public static char Letter(int quartile) => quartile is >= 1 and <= 4
        ? (char)('A' + quartile - 1)
        : throw new ArgumentOutOfRangeException(nameof(quartile), quartile, "A quartile is 1 to 4.");
}
