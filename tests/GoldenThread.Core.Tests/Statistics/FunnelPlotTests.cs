using GoldenThread.Core.Statistics;

namespace GoldenThread.Core.Tests.Statistics;

// Expected values: independent/expected_values.py (normal approximation, clipped to [0, 1]).
public class FunnelPlotTests
{
    [Theory]
    [InlineData(0.2, 100, 0.121601440618, 0.278398559382, 0.076390707753, 0.323609292247)]
    [InlineData(0.2, 1000, 0.175208198708, 0.224791801292, 0.160911309654, 0.239088690346)]
    [InlineData(0.05, 20, 0.0, 0.145516829403, 0.0, 0.20059929383)]
    [InlineData(0.5, 10, 0.190102483848, 0.809897516152, 0.011391370674, 0.988608629326)]
    public void ProportionLimits_Table(double p0, long n, double lower95, double upper95, double lower998, double upper998)
    {
        var limits = FunnelPlot.ProportionLimits(p0, n);

        Assert.Equal(n, limits.Denominator);
        Assert.Equal(lower95, limits.Lower95, 1e-9);
        Assert.Equal(upper95, limits.Upper95, 1e-9);
        Assert.Equal(lower998, limits.Lower998, 1e-9);
        Assert.Equal(upper998, limits.Upper998, 1e-9);
    }

    [Fact]
    public void ProportionLimits_Range_OnePointPerDenominatorInOrder()
    {
        var limits = FunnelPlot.ProportionLimits(0.2, [1000L, 100L]);

        Assert.Equal([1000L, 100L], limits.Select(l => l.Denominator));
        Assert.True(limits[0].Upper998 < limits[1].Upper998);
    }
}
