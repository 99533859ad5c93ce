using System.Text.Json;

namespace GoldenThread.Reporting.Tests;

public sealed class DashboardJsonRendererTests
{
    private static readonly JsonDocument Json = Render();

    private static JsonDocument Render()
    {
        using var stream = new MemoryStream();
        DashboardJsonRenderer.Render(DashboardFixture.Build(), stream);
        return JsonDocument.Parse(stream.ToArray());
    }

    private static JsonElement Root => Json.RootElement;

    private static JsonElement Measure(string id) =>
        Root.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("measures").EnumerateArray())
            .Single(m => m.GetProperty("id").GetString() == id);

    public static TheoryData<string> RequiredMeasureKeys => new(
        "id", "title", "laitCode", "period", "value", "numerator", "denominator", "direction", "rag", "rank", "quartile",
        "snAverage", "snComparison", "england", "region", "target", "updated", "directionReason", "directionMethod", "ragReason",
        "quartileReason", "snComparisonReason", "rankedCount", "neighboursWithValues", "previousPeriod", "previousValue",
        "valueText", "unit", "polarity", "decimals", "status", "targetYear", "englandProvenance", "regionProvenance",
        "snAverageProvenance", "quartileProvenance", "trend", "trajectory", "gap", "outcomeId", "outcomeTitle", "note");

    [Theory]
    [MemberData(nameof(RequiredMeasureKeys))]
    public void Render_EveryMeasure_HasKey(string key)
    {
        var measures = Root.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("measures").EnumerateArray()).ToList();
        Assert.Equal(5, measures.Count);
        Assert.All(measures, m => Assert.True(m.TryGetProperty(key, out _), $"{m.GetProperty("id")} lacks {key}"));
    }

    [Fact]
    public void Render_TopLevel_DescribesTheReport()
    {
        Assert.Equal("Children & Families Outcomes Framework", Root.GetProperty("plan").GetString());
        Assert.Equal("Leicestershire County Council", Root.GetProperty("council").GetString());
        Assert.Equal(855, Root.GetProperty("laNumber").GetInt32());
        Assert.Equal("East Midlands", Root.GetProperty("region").GetString());
        Assert.Equal("2015/16 Q3", Root.GetProperty("reportingPeriod").GetString());
        Assert.Equal("2015/16 Q2", Root.GetProperty("previousReportingPeriod").GetString());
        Assert.Equal(
            ["safe", "achieve"],
            Root.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("themeId").GetString()));
        var overview = Root.GetProperty("overview");
        Assert.Equal(3, overview.GetProperty("withNewData").GetInt32());
        Assert.Equal(1, overview.GetProperty("quartile4").GetInt32());
        Assert.Equal(DashboardFixture.Build().Overview.Sentences, overview.GetProperty("sentences").EnumerateArray().Select(s => s.GetString()));
    }

    [Theory]
    [InlineData("PLAC3", "value", 12.55)]
    [InlineData("PLAC3", "numerator", 67)]
    [InlineData("PLAC3", "denominator", 534)]
    [InlineData("PLAC3", "previousValue", 13.1)]
    [InlineData("PLAC3", "snAverage", 11.8)]
    [InlineData("PLAC3", "england", 10.0)]
    [InlineData("PLAC3", "region", 10.7)]
    [InlineData("PLAC3", "rank", 110)]
    [InlineData("PLAC3", "rankedCount", 152)]
    [InlineData("PLAC3", "quartile", 3)]
    [InlineData("PLAC3", "neighboursWithValues", 10)]
    [InlineData("PLAC3", "decimals", 2)]
    [InlineData("CPP2Y", "value", 0.59)]
    [InlineData("CPP2Y", "numerator", 2)]
    [InlineData("CPP2Y", "quartile", 1)]
    [InlineData("SLF1", "value", 2476)]
    [InlineData("KS2FSM", "region", 61.2)]
    public void Render_Figures_AreNumbersAsHeld(string id, string key, double expected)
    {
        var element = Measure(id).GetProperty(key);
        Assert.Equal(JsonValueKind.Number, element.ValueKind);
        Assert.Equal(expected, element.GetDouble());
    }

    [Theory]
    [InlineData("PLAC3", "direction", "improved")]
    [InlineData("CPP2Y", "direction", "no significant change")]
    [InlineData("CIN<1>", "direction", "no comparison")]
    [InlineData("SLF1", "direction", "higher")]
    [InlineData("PLAC3", "directionMethod", "tolerance")]
    [InlineData("CPP2Y", "directionMethod", "significance")]
    [InlineData("PLAC3", "rag", "amber")]
    [InlineData("CPP2Y", "rag", "green")]
    [InlineData("KS2FSM", "rag", "red")]
    [InlineData("PLAC3", "snComparison", "worse")]
    [InlineData("CPP2Y", "snComparison", "better")]
    [InlineData("KS2FSM", "snComparison", "similar")]
    [InlineData("PLAC3", "englandProvenance", "computed")]
    [InlineData("CPP2Y", "englandProvenance", "supplied")]
    [InlineData("CPP2Y", "snAverageProvenance", "supplied")]
    [InlineData("CPP2Y", "quartileProvenance", "supplied")]
    [InlineData("KS2FSM", "regionProvenance", "supplied")]
    [InlineData("PLAC3", "period", "2015/16 Q3")]
    [InlineData("KS2FSM", "period", "2014/15")]
    [InlineData("PLAC3", "previousPeriod", "2015/16 Q2")]
    [InlineData("PLAC3", "target", "Below 9.00%")]
    [InlineData("PLAC3", "targetYear", "2017/18")]
    [InlineData("PLAC3", "laitCode", "CLA_3PLAC")]
    [InlineData("PLAC3", "unit", "percentage")]
    [InlineData("CIN<1>", "unit", "rate per 10000")]
    [InlineData("PLAC3", "polarity", "lower-is-better")]
    [InlineData("SLF1", "polarity", "no-judgement")]
    [InlineData("CPP2Y", "valueText", "0.59% (2)")]
    [InlineData("CPP2Y", "status", "provisional")]
    [InlineData("CIN<1>", "valueText", "awaiting local data")]
    [InlineData("CIN<1>", "title", DashboardFixture.SpecialTitle)]
    [InlineData("CPP2Y", "note", "Small numbers: 2 children")]
    [InlineData("PLAC3", "outcomeId", "S1")]
    [InlineData("PLAC3", "directionReason", "Down from 13.10% in 2015/16 Q2, beyond the tolerance of 0.5 points")]
    [InlineData("PLAC3", "quartileReason", "Ranked 110 of 152 councils (lower is better)")]
    public void Render_Words_AsExpected(string id, string key, string expected)
    {
        Assert.Equal(expected, Measure(id).GetProperty(key).GetString());
    }

    [Theory]
    [InlineData("CIN<1>", "value")]
    [InlineData("CIN<1>", "period")]
    [InlineData("CIN<1>", "rag")]
    [InlineData("CIN<1>", "quartile")]
    [InlineData("CIN<1>", "snAverage")]
    [InlineData("CIN<1>", "snComparison")]
    [InlineData("CIN<1>", "englandProvenance")]
    [InlineData("CIN<1>", "updated")]
    [InlineData("CIN<1>", "status")]
    [InlineData("SLF1", "rag")]
    [InlineData("CIN<1>", "target")]
    [InlineData("PLAC3", "trajectory")]
    [InlineData("PLAC3", "gap")]
    [InlineData("PLAC3", "note")]
    [InlineData("CPP2Y", "laitCode")]
    public void Render_AbsentFigures_AreNull(string id, string key)
    {
        Assert.Equal(JsonValueKind.Null, Measure(id).GetProperty(key).ValueKind);
    }

    [Theory]
    [InlineData("PLAC3", true)]
    [InlineData("SLF1", false)]
    public void Render_Updated_IsBoolean(string id, bool expected)
    {
        Assert.Equal(expected, Measure(id).GetProperty("updated").GetBoolean());
    }

    [Fact]
    public void Render_Trend_ListsPeriodsAndValues()
    {
        var trend = Measure("PLAC3").GetProperty("trend").EnumerateArray()
            .Select(p => (p.GetProperty("period").GetString(), p.GetProperty("value").GetDouble())).ToList();
        Assert.Equal([("2015/16 Q1", 13.4), ("2015/16 Q2", 13.1), ("2015/16 Q3", 12.55)], trend);
        Assert.Empty(Measure("CIN<1>").GetProperty("trend").EnumerateArray());
    }

    [Fact]
    public void Render_TrajectoryAndGap_WrittenWhenPresent()
    {
        var trajectory = Measure("KS2FSM").GetProperty("trajectory");
        Assert.Equal("2013/14", trajectory.GetProperty("baselinePeriod").GetString());
        Assert.Equal(57.3, trajectory.GetProperty("baselineValue").GetDouble());
        Assert.Equal("2016/17", trajectory.GetProperty("targetYear").GetString());
        Assert.Equal(66.0, trajectory.GetProperty("targetValue").GetDouble());
        Assert.Equal(60.2, trajectory.GetProperty("expectedNow").GetDouble());
        Assert.Equal(0.31, trajectory.GetProperty("shareOfDistanceCovered").GetDouble());
        Assert.False(trajectory.GetProperty("onTrack").GetBoolean());

        var gap = Measure("KS2FSM").GetProperty("gap");
        Assert.Equal(-18.5, gap.GetProperty("gap").GetDouble());
        Assert.Equal(-20.1, gap.GetProperty("previousGap").GetDouble());
        Assert.Equal("2013/14", gap.GetProperty("previousPeriod").GetString());
        Assert.Equal("narrowing", gap.GetProperty("trend").GetString());
    }
}
