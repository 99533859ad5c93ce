using System.Text.Json;
using GoldenThread.Reporting.AreaComparisons;

namespace GoldenThread.Reporting.Tests.AreaComparisons;

public sealed class AreaComparisonJsonRendererTests
{
    [Fact]
    public void RenderJson_Rows_CarryProvenanceJudgementReasonAndNoSuppressedCounts()
    {
        using var stream = new MemoryStream();
        AreaComparisonJsonRenderer.Render(AreaComparisonFixture.Result(), stream);

        using var json = JsonDocument.Parse(stream.ToArray());
        var rows = json.RootElement.GetProperty("tables")[0].GetProperty("rows");
        var leics = rows[2];
        Assert.Equal("given", leics.GetProperty("interval").GetString());
        Assert.Equal(6.9, leics.GetProperty("lower").GetDouble());
        var vsEngland = leics.GetProperty("comparisons")[0];
        Assert.Equal("Better", vsEngland.GetProperty("outcome").GetString());
        Assert.Equal("England (9.1) lies above the 95% confidence interval (6.9 to 8.2): significantly better", vsEngland.GetProperty("reason").GetString());
        var tiny = rows[5];
        Assert.Equal("suppressed-small-count", tiny.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, tiny.GetProperty("value").ValueKind);
        Assert.False(tiny.TryGetProperty("numerator", out _));
    }
}
