using GoldenThread.Core;
using GoldenThread.Core.AreaComparisons;

namespace GoldenThread.Reporting.Tests.AreaComparisons;

/// <summary>An area comparison for the renderers' tests (shared with GoldenThread.Views.Tests).</summary>
public static class AreaComparisonFixture
{
    // Appendix C, reception obese, four of its rows, plus a suppressed area and one with a small count.
    public static AreaComparisonResult Result()
    {
        var indicator = ComparisonIndicator.Create("obese", "Obese", Polarity.LowerIsBetter, 1, "{value} of {group} children in {area} are obese").Value;
        AreaFigure F(string area, double v, double l, double u) => AreaFigure.Published("obese", "Reception", area, v, l, u).Value;
        var figures = new[]
        {
            F("England", 9.1, 9.0, 9.2),
            F("East Midlands", 8.6, 8.3, 8.8),
            F("Leicestershire & <Rutland>", 7.5, 6.9, 8.2),
            F("Charnwood", 9.0, 7.8, 10.4),
            AreaFigure.NotPublished("obese", "Reception", "Harborough", "suppressed in source (X)"),
            AreaFigure.FromCounts("obese", "Reception", "Tiny", 3, 40).Value,
        };
        return AreaComparisonEvaluator.Evaluate([indicator], figures, new AreaComparisonOptions(["England", "East Midlands"], "Leicestershire & <Rutland>")).Value;
    }
}
