using GoldenThread.Core;
using GoldenThread.Core.AreaComparisons;
using GoldenThread.Core.Statistics;
using GoldenThread.Data.AreaComparisons;
using GoldenThread.Data.Workspace;

namespace GoldenThread.Data.Tests.AreaComparisons;

public sealed class AreaComparisonReaderTests
{
    private const string Header = "indicator,group,area,value,lower,upper,numerator,denominator,note";

    private static readonly IReadOnlyList<ComparisonIndicator> Indicators =
    [
        ComparisonIndicator.Create("obese", "Obese", Polarity.LowerIsBetter).Value,
        ComparisonIndicator.Create("underweight", "Underweight", Polarity.NoJudgement).Value,
    ];

    private static IReadOnlyList<AreaFigure> Read(string csv) =>
        AreaFiguresReader.Read(new StringReader(csv), "data.csv", Indicators, "indicators.csv");

    [Fact]
    public void Read_GivenInterval_LabelledGiven()
    {
        var f = Assert.Single(Read(Header + "\nobese,Reception,Leicestershire,7.5,6.9,8.2,,,\n"));

        Assert.Equal(7.5, f.ValuePercent);
        Assert.Equal(IntervalProvenance.Given, f.Interval95!.Value.Provenance);
        Assert.Equal((6.9, 8.2), (f.Interval95.Value.Lower!.Value, f.Interval95.Value.Upper!.Value));
    }

    [Fact]
    public void Read_CountsOnly_WilsonIntervalLabelledComputed()
    {
        var f = Assert.Single(Read(Header + "\nobese,Reception,Leicestershire,,,,1540,7624,\n"));

        Assert.Equal(IntervalProvenance.Computed, f.Interval95!.Value.Provenance);
        Assert.Equal(IntervalMethod.WilsonScore, f.Interval95.Value.Method);
        Assert.Equal(19.3, Math.Round(f.Interval95.Value.Lower!.Value, 1));
    }

    [Fact]
    public void Read_LowerBoundOnly_KeptAsPartialInterval()
    {
        var f = Assert.Single(Read(Header + "\nobese,Reception,Blaby,6.9,5.5,,,,\n"));

        Assert.False(f.Interval95!.Value.IsComplete);
        Assert.Equal(5.5, f.Interval95.Value.Lower);
    }

    [Fact]
    public void Read_BlankValueWithNote_NotPublished()
    {
        var f = Assert.Single(Read(Header + "\nunderweight,Reception,Harborough,,,,,,suppressed in source (X)\n"));

        Assert.False(f.IsPublished);
        Assert.Equal("suppressed in source (X)", f.Note);
    }

    [Theory]
    [InlineData("obese,Reception,Blaby,20.3,19.3,20.1,,,",
        "data.csv:2: column 'value': 20.3 lies outside its confidence interval (19.3 to 20.1); expected lower <= value <= upper")]
    [InlineData("obese,Reception,Blaby,20.3,21.1,19.3,,,",
        "data.csv:2: column 'lower': 21.1 is above the upper bound 19.3; expected lower <= upper")]
    [InlineData("obese,Reception,Blaby,X,X,X,,,",
        "data.csv:2: column 'value': 'x' marks a figure suppressed in the source; expected the value, lower and upper left blank and the reason in note, such as suppressed in source (X)")]
    [InlineData("obese,Reception,Blaby,,,,,,",
        "data.csv:2: column 'note': blank for a figure with no value; expected the reason, such as suppressed in source (X)")]
    [InlineData("obese,Reception,Blaby,,6.9,8.2,,,x",
        "data.csv:2: column 'value': blank while a confidence bound is given; expected the value with its interval, or value, lower and upper all blank for a figure that is not published")]
    [InlineData("obese,Reception,Blaby,7,,,12,,",
        "data.csv:2: column 'denominator': blank while the numerator is given; expected both counts or neither")]
    [InlineData("obese,Reception,Blaby,,,,12.5,100,",
        "data.csv:2: column 'numerator': '12.5' is not a whole number; expected a count of children such as 1540")]
    [InlineData("obese,Reception,Blaby,,,,120,100,",
        "data.csv:2: column 'numerator': the numerator is larger than the denominator; expected a count from 0 up to the denominator")]
    [InlineData("obese,Reception,Blaby,20.5,,,1540,7624,",
        "data.csv:2: column 'value': 20.5 does not match the counts (1540/7624 = 20.199%); expected the per-cent from the counts, rounded as written, or a blank value")]
    [InlineData("obese,Reception,Blaby,7.5%,,,,,",
        "data.csv:2: column 'value': '7.5%' is not a number; expected a per-cent such as 20.2 (a point for decimals), or blank")]
    [InlineData("obese,Reception,Blaby,120,,,,,",
        "data.csv:2: column 'value': 120 is not a per-cent; expected a number from 0 to 100")]
    [InlineData("obeses,Reception,Blaby,7.5,,,,,",
        "data.csv:2: column 'indicator': 'obeses' is not in indicators.csv; did you mean 'obese'?")]
    [InlineData("obese,Reception,,7.5,,,,,",
        "data.csv:2: column 'area': blank; expected the area's name, such as Leicestershire")]
    [InlineData("obese,Reception,Blaby,7.5,,,,,,extra",
        "data.csv:2: has values beyond the 9 named columns; expected no more fields than the header has")]
    public void Read_BadRow_ErrorNamesFileLineColumnAndExpectedForm(string row, string expected)
    {
        var e = Assert.Throws<InputException>(() => Read(Header + "\n" + row + "\n"));

        Assert.Equal(expected, Assert.Single(e.Errors).ToString());
    }

    [Fact]
    public void Read_DuplicateRow_PointsAtTheFirst()
    {
        var e = Assert.Throws<InputException>(() => Read(Header + "\nobese,Reception,Blaby,7.5,,,,,\nobese,Reception,Blaby,7.6,,,,,\n"));

        Assert.Equal("data.csv:3: a second row for indicator 'obese', group 'Reception', area 'Blaby' (first at line 2); expected one row per indicator, group and area",
            Assert.Single(e.Errors).ToString());
    }

    [Fact]
    public void Read_BadHeader_ReportsUnknownAndMissingColumns()
    {
        var e = Assert.Throws<InputException>(() => Read("indicator,group,areas,value\nobese,Reception,Blaby,7.5\n"));

        Assert.Equal(
            [
                "data.csv:1: column 'areas': unknown column; did you mean 'area'?",
                "data.csv:1: no 'area' column; expected a header naming at least indicator, area, value",
            ],
            e.Errors.Select(x => x.ToString()));
    }

    [Theory]
    [InlineData("obese,Obese,up-ish,percent,1,", "indicators.csv:2: column 'polarity': 'up-ish' is not a polarity; expected higher-is-better, lower-is-better or no-judgement")]
    [InlineData("obese,Obese,lower-is-better,rate,1,", "indicators.csv:2: column 'unit': 'rate' is not supported; expected percent (values from 0 to 100; intervals from counts are Wilson intervals for a proportion)")]
    [InlineData("obese,Obese,lower-is-better,percent,one,", "indicators.csv:2: column 'decimals': 'one' is not a whole number; expected the decimal places to show, 0 to 4")]
    [InlineData("obese,Obese,lower-is-better,percent,1,{value} in {town}", "indicators.csv:2: column 'statement': the statement uses '{town}'; expected only {value}, {group}, {area}")]
    public void ReadIndicators_BadRow_ErrorWithExpectedForm(string row, string expected)
    {
        var e = Assert.Throws<InputException>(() =>
            ComparisonIndicatorsReader.Read(new StringReader("indicator,title,polarity,unit,decimals,statement\n" + row + "\n"), "indicators.csv"));

        Assert.Equal(expected, Assert.Single(e.Errors).ToString());
    }

    [Fact]
    public void Sample_AppendixC_ReadsEveryRow()
    {
        var dir = Path.Combine(RepoFiles.Root, "samples", "ncmp-2014-15");
        using var manifest = File.OpenText(Path.Combine(dir, "sample.yaml"));
        var sources = AreaComparisonManifest.Read(manifest, Path.Combine(dir, "sample.yaml"));

        var result = AreaComparisonLoader.Load(sources);

        // 5 indicators x 2 groups x 11 areas; 8 figures printed as X.
        Assert.Equal(["England", "East Midlands"], sources.Benchmarks);
        Assert.Equal(10, result.Tables.Count);
        Assert.Equal(110, result.Tables.Sum(t => t.Rows.Count));
        Assert.Equal(8, result.Tables.Sum(t => t.Rows.Count(r => r.State == FigureState.NotPublished)));
        Assert.Equal("20.2% of Reception children in Leicestershire are overweight or obese, significantly lower than the England and East Midlands averages (21.9% and 21.7% respectively).",
            result.FocusSentences[8]);
    }

    [Fact]
    public void SampleCatalogue_AreaComparisonSample_PointsToCompare()
    {
        var e = Assert.Throws<InputException>(() => SampleCatalogue.Resolve("ncmp-2014-15"));

        Assert.EndsWith("column 'kind': this sample is an area comparison, not a dashboard; run 'goldenthread compare --sample ncmp-2014-15'", e.Message);
    }

    [Theory]
    [InlineData("leicestershire-2015-16-q3")]
    [InlineData("leicestershire-2020-23")]
    public void SampleCatalogue_DashboardSamples_StillResolve(string name)
    {
        Assert.EndsWith("plan.yaml", SampleCatalogue.Resolve(name).PlanPath);
    }

    [Fact]
    public void Manifest_DashboardSample_PointsToReport()
    {
        var e = Assert.Throws<InputException>(() => AreaComparisonManifest.Read(new StringReader("plan: plan.yaml\n"), "/x/leicestershire-2020-23/sample.yaml"));

        Assert.Equal("/x/leicestershire-2020-23/sample.yaml: column 'kind': this sample is a dashboard, not an area comparison; run 'goldenthread report --sample leicestershire-2020-23'", e.Message);
    }
}
