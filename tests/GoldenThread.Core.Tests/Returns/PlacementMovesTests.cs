using GoldenThread.Core.Returns;

namespace GoldenThread.Core.Tests.Returns;

/// <summary>
/// What counts as a placement: DfE's guide to the SSDA903 (definition of a placement change) and 903 rule 383 ("a child in
/// a temporary placement must subsequently return to his/her normal placement": the next episode has RNE P and the same
/// PLACE as before the temporary one). A temporary absence and the return are not placement changes. Window: 2015/16.
/// Every expected count is worked out by hand in the comments.
/// </summary>
public sealed class PlacementMovesTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static Episode E(int child, DateOnly start, DateOnly? end, string rne, string place, string ls = "C2") =>
        new(child, start, end, rne, ls, place, place[0] == 'T' ? null : "PR1", end is null ? null : "X1");

    private static readonly LookedAfterData Moves = new()
    {
        Children =
        [
            new("Y", 1, D(2008, 1, 1)), new("Z", 2, D(2008, 1, 1)), new("X", 1, D(2008, 1, 1)),
            new("W", 2, D(2008, 1, 1)), new("V", 1, D(2008, 1, 1)), new("U", 2, D(2008, 1, 1)),
        ],
        Episodes =
        [
            // 0 Y: to hospital (T1) and back to the same foster placement (P, U4), then a real move.
            E(0, D(2015, 5, 1), D(2015, 8, 1), "S", "U4"), E(0, D(2015, 8, 1), D(2015, 8, 15), "P", "T1"),
            E(0, D(2015, 8, 15), D(2015, 11, 1), "P", "U4"), E(0, D(2015, 11, 1), null, "P", "U6"),
            // 1 Z: after the temporary placement the child goes to a different placement (U6): a move.
            E(1, D(2015, 5, 1), D(2015, 8, 1), "S", "U4"), E(1, D(2015, 8, 1), D(2015, 8, 15), "P", "T1"),
            E(1, D(2015, 8, 15), D(2015, 11, 1), "P", "U6"), E(1, D(2015, 11, 1), null, "P", "K2"),
            // 2 X: two temporary placements in a row (T3 then T1), back to U4, then a move.
            E(2, D(2015, 5, 1), D(2015, 7, 1), "S", "U4"), E(2, D(2015, 7, 1), D(2015, 7, 10), "P", "T3"),
            E(2, D(2015, 7, 10), D(2015, 7, 20), "P", "T1"), E(2, D(2015, 7, 20), D(2015, 12, 1), "P", "U4"),
            E(2, D(2015, 12, 1), null, "P", "U6"),
            // 3 W: away (T2) on 1 April; the return is the first placement in the window, then two moves.
            E(3, D(2015, 1, 1), D(2015, 3, 20), "S", "U4"), E(3, D(2015, 3, 20), D(2015, 4, 5), "P", "T2"),
            E(3, D(2015, 4, 5), D(2015, 6, 1), "P", "U4"), E(3, D(2015, 6, 1), D(2015, 9, 1), "P", "K2"),
            E(3, D(2015, 9, 1), null, "P", "U6"),
            // 4 V: back after the temporary placement with RNE T (legal status and carer changed): not a return (rule 383 wants P).
            E(4, D(2015, 5, 1), D(2015, 8, 1), "S", "U4"), E(4, D(2015, 8, 1), D(2015, 8, 15), "P", "T1"),
            E(4, D(2015, 8, 15), D(2015, 11, 1), "T", "U4", "C1"), E(4, D(2015, 11, 1), null, "P", "U6", "C1"),
            // 5 U: a legal status change (L) and a move with the same carers (B) are not placement changes.
            E(5, D(2015, 5, 1), D(2015, 6, 1), "S", "U4"), E(5, D(2015, 6, 1), D(2015, 7, 1), "L", "U4", "C1"),
            E(5, D(2015, 7, 1), D(2015, 8, 1), "B", "U5", "C1"), E(5, D(2015, 8, 1), null, "P", "U6", "C1"),
        ],
    };

    [Theory]
    [InlineData(0, 2)] // U4, (T1, back to U4: not counted), U6
    [InlineData(1, 3)] // U4, (T1), U6, K2
    [InlineData(2, 2)] // U4, (T3, T1, back to U4), U6
    [InlineData(3, 3)] // (T2 open on 1 April), back to U4 counts as the placement open in the window, K2, U6
    [InlineData(4, 3)] // U4, (T1), U4 with RNE T, U6
    [InlineData(5, 2)] // U4, (L), (B), U6
    public void PlacementsInWindow_TemporaryAbsences_ReturnIsNotANewPlacement(int child, int expected) =>
        Assert.Equal(expected, LookedAfterMeasures.PlacementsInWindow(Moves, child, ReportingWindow.FinancialYear(2015)));

    [Fact]
    public void Derive_ThreeOrMorePlacements_CountsReturnsFromTemporaryPlacementsOnce()
    {
        // All six are looked after on 31/3/16; Z, W and V had three placements: 3 of 6.
        var o = LookedAfterMeasures.Derive(Moves, ReportingWindow.FinancialYear(2015), new ReturnOptions())
            .Single(x => x.MeasureId == ReturnMeasureIds.ThreeOrMorePlacements);

        Assert.Equal((3.0, 6.0, 50.0), (o.Numerator!.Value, o.Denominator!.Value, o.Value!.Value));
    }

    [Fact]
    public void Derive_LongTermStability_TemporaryAbsenceDoesNotEndThePlacement()
    {
        // Both aged 7, in care since 1/1/12 (before 30/9/13). S went to hospital in June 2015 and came back to the same
        // U4 placement: placed since 1/1/12, before 31/3/14: stable. M went from the hospital to a different placement
        // (U6) on 10/6/15: not stable. 1 of 2.
        var data = new LookedAfterData
        {
            Children = [new("S", 1, D(2008, 6, 1)), new("M", 2, D(2008, 6, 1))],
            Episodes =
            [
                E(0, D(2012, 1, 1), D(2015, 6, 1), "S", "U4"), E(0, D(2015, 6, 1), D(2015, 6, 10), "P", "T1"), E(0, D(2015, 6, 10), null, "P", "U4"),
                E(1, D(2012, 1, 1), D(2015, 6, 1), "S", "U4"), E(1, D(2015, 6, 1), D(2015, 6, 10), "P", "T1"), E(1, D(2015, 6, 10), null, "P", "U6"),
            ],
        };

        var o = LookedAfterMeasures.Derive(data, ReportingWindow.FinancialYear(2015), new ReturnOptions())
            .Single(x => x.MeasureId == ReturnMeasureIds.LongTermStability);

        Assert.Equal((1.0, 2.0), (o.Numerator!.Value, o.Denominator!.Value));
    }
}
