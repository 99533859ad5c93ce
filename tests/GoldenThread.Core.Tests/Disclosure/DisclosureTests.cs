using GoldenThread.Core.Disclosure;

namespace GoldenThread.Core.Tests.Disclosure;

public class DisclosureTests
{
    [Theory]
    [InlineData(0, false, "0")]
    [InlineData(1, true, "*")]
    [InlineData(5, true, "*")]
    [InlineData(6, false, "6")]
    [InlineData(120, false, "120")]
    public void Count_DefaultThreshold(long count, bool suppressed, string display)
    {
        var value = SmallNumbers.Count(count);

        Assert.Equal(suppressed, value.Suppressed);
        Assert.Equal(display, value.Display);
        Assert.Equal(suppressed ? null : count, value.Value);
    }

    [Theory]
    [InlineData(9, true)]
    [InlineData(10, true)]
    [InlineData(11, false)]
    public void Count_ThresholdTen(long count, bool suppressed) =>
        Assert.Equal(suppressed, SmallNumbers.Count(count, new DisclosureRules(threshold: 10, marker: "c")).Suppressed);

    [Theory]
    [InlineData(3, true, "*")]
    [InlineData(0, false, "0.0%")]
    [InlineData(12, false, "4.6%")]
    public void Derived_FollowsItsNumerator(long numerator, bool suppressed, string display)
    {
        var value = SmallNumbers.Derived(numerator / 263.0 * 100, numerator, numerator == 12 ? "4.6%" : numerator == 0 ? "0.0%" : "1.1%");

        Assert.Equal(suppressed, value.Suppressed);
        Assert.Equal(display, value.Display);
    }

    [Fact]
    public void Rules_Footnote_NamesTheRange() =>
        Assert.StartsWith("* Suppressed: counts from 1 to 5", DisclosureRules.Default.Footnote);

    [Fact]
    public void Rules_ThresholdBelowOne_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new DisclosureRules(threshold: 0));

    [Fact]
    public void SecondarySuppression_OneSmallCellInRow_HidesNextSmallestInRowAndColumn()
    {
        // Row 0: 3 is small; next smallest non-zero in row 0 is 20. Column 0: 3 then needs a partner: 15.
        // Then row 1 has 15 hidden alone -> its smallest other non-zero, 18; column 1 then holds 20 and 18: two, fine.
        long[,] cells =
        {
            { 3, 20, 40 },
            { 15, 18, 60 },
            { 30, 25, 50 },
        };

        var t = SecondarySuppression.Apply(cells);

        bool[,] expected =
        {
            { true, true, false },
            { true, true, false },
            { false, false, false },
        };
        Assert.Equal(expected, t.CellSuppressed);
        Assert.Equal([63L, 93L, 105L], t.RowTotals);
        Assert.Equal([48L, 63L, 150L], t.ColumnTotals);
        Assert.Equal(261L, t.GrandTotal);
        Assert.Equal(4, t.SuppressedCount);
    }

    [Fact]
    public void SecondarySuppression_ZeroIsNotChosenWhileNonZeroRemains()
    {
        long[,] cells =
        {
            { 2, 0, 40 },
            { 30, 0, 60 },
        };

        var t = SecondarySuppression.Apply(cells);

        Assert.True(t.CellSuppressed[0, 0]);
        Assert.False(t.CellSuppressed[0, 1]);
        Assert.True(t.CellSuppressed[0, 2]);
        Assert.True(t.CellSuppressed[1, 0]);
        Assert.True(t.CellSuppressed[1, 2]);
    }

    [Fact]
    public void SecondarySuppression_NoSmallCells_NothingHidden()
    {
        long[,] cells = { { 10, 0 }, { 7, 12 } };

        var t = SecondarySuppression.Apply(cells);

        Assert.Equal(0, t.SuppressedCount);
    }

    [Fact]
    public void SecondarySuppression_Result_NoLineHasExactlyOneHiddenFigure()
    {
        long[,] cells =
        {
            { 1, 9, 14, 0 },
            { 7, 4, 22, 8 },
            { 11, 16, 2, 30 },
        };

        var t = SecondarySuppression.Apply(cells);

        for (var r = 0; r < 3; r++)
        {
            var count = Enumerable.Range(0, 4).Count(c => t.CellSuppressed[r, c]) + (t.RowTotalSuppressed[r] ? 1 : 0);
            Assert.NotEqual(1, count);
        }

        for (var c = 0; c < 4; c++)
        {
            var count = Enumerable.Range(0, 3).Count(r => t.CellSuppressed[r, c]) + (t.ColumnTotalSuppressed[c] ? 1 : 0);
            Assert.NotEqual(1, count);
        }

        Assert.NotEqual(1, t.RowTotalSuppressed.Count(s => s) + (t.GrandTotalSuppressed ? 1 : 0));
        Assert.NotEqual(1, t.ColumnTotalSuppressed.Count(s => s) + (t.GrandTotalSuppressed ? 1 : 0));
        Assert.True(t.CellSuppressed[0, 0] && t.CellSuppressed[1, 1] && t.CellSuppressed[2, 2]);
    }

    [Fact]
    public void SecondarySuppression_SmallTotal_IsHiddenToo()
    {
        // Row total 4 (4, 0) is small; hiding the 4 alone would leave it as the total minus 0.
        long[,] cells = { { 4, 0 }, { 20, 30 } };

        var t = SecondarySuppression.Apply(cells);

        Assert.True(t.CellSuppressed[0, 0]);
        Assert.True(t.RowTotalSuppressed[0]);
    }
}
