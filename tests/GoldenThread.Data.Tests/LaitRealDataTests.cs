using GoldenThread.Core.Benchmarks;
using GoldenThread.Core.Periods;
using GoldenThread.Data.Lait;

namespace GoldenThread.Data.Tests;

/// <summary>Loads the real published LAIT files once for all real-data tests.</summary>
public sealed class LaitFixture
{
    public LaitFixture()
    {
        Directory = FindLaitDirectory();
        Report = LaitLoader.LoadWithReport(
            Path.Combine(Directory, "bds_long.csv"),
            Path.Combine(Directory, "lait_data_dictionary.csv"),
            Path.Combine(Directory, "sn_may_2025.xlsx"));
    }

    public string Directory { get; }

    public LaitLoadReport Report { get; }

    public BenchmarkData Data => Report.Data;

    /// <summary>shared/data/lait, found by walking up from the test binaries (CI: /work/&lt;clone&gt;/ beside /work/shared).</summary>
    private static string FindLaitDirectory()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, "shared", "data", "lait");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("No shared/data/lait directory above " + AppContext.BaseDirectory);
    }
}

public class LaitRealDataTests(LaitFixture fixture) : IClassFixture<LaitFixture>
{
    private readonly BenchmarkData _data = fixture.Data;

    [Fact]
    public void Load_PublishedFiles_CountsAsInspected()
    {
        var r = fixture.Report;
        Assert.Equal((641_070, 170, 434, 170, 158), (r.RowCount, r.ZeroYearRowCount, r.Data.Measures.Count, r.Data.Areas.Count, r.Data.Neighbours.Count));
        Assert.Contains("bds_long.csv: measure 'CINPermExclusion': skipped 170 rows with Years '0' (a placeholder, not a period; all their values are '-')", r.Warnings);
        Assert.DoesNotContain(r.Warnings, w => w.Contains("has no values in the benchmark file") || w.Contains("no statistical neighbour group"));
        Assert.All(r.Data.Measures.Values, m => Assert.True(m.Info.InDictionary));
    }

    [Fact]
    public void Load_PublishedFiles_AreasAndRegions()
    {
        Assert.Equal(("Leicestershire", "East Midlands"), (_data.Areas[855].Name, _data.Areas[855].RegionName));
        Assert.Equal(983, _data.RegionOf(855)!.LaNumber);
        Assert.Equal(988, _data.RegionOf(301)!.LaNumber);
        Assert.Equal(982, _data.RegionOf(370)!.LaNumber);
        Assert.All(_data.Areas.Values.Where(a => a.IsLocalAuthority), a => Assert.NotNull(_data.RegionOf(a.LaNumber)));
        Assert.Equal(10, _data.Neighbours[855].Count);
        Assert.DoesNotContain(855, _data.Neighbours[855]);
    }

    // Years text of each code read with the basis its Year_Type gives (see docs/lait.md).
    [Theory]
    [InlineData("EngMaths9-4", "2025", PeriodKind.AcademicYear, "2024-09-01", "2025-08-31")]
    [InlineData("LAC", "2025", PeriodKind.FinancialYear, "2024-04-01", "2025-03-31")]
    [InlineData("Work_Force_Agecy_Rate", "2024", PeriodKind.CalendarYear, "2024-01-01", "2024-12-31")]
    [InlineData("HE_19_FSM", "2023-24", PeriodKind.AcademicYear, "2023-09-01", "2024-08-31")]
    [InlineData("RTA", "2020-22", PeriodKind.MultiYear, "2020-01-01", "2022-12-31")]
    [InlineData("Hosp_Adm_Alc_<18yrs", "2021/22-23/24", PeriodKind.MultiYear, "2021-04-01", "2024-03-31")]
    [InlineData("LACFinance", "2024-25 (OT)", PeriodKind.FinancialYear, "2024-04-01", "2025-03-31")]
    [InlineData("TotPermEx", "2023/24", PeriodKind.AcademicYear, "2023-09-01", "2024-08-31")]
    public void Load_YearsText_ReadOnCodesBasis(string code, string years, PeriodKind kind, string start, string end)
    {
        var series = _data.Measures[code];
        var p = Period.Parse(years, series.Info.YearBasis).Value;
        var loaded = Assert.Single(series.Periods, v => v.Period == p).Period;
        Assert.Equal((kind, DateOnly.Parse(start), DateOnly.Parse(end)), (loaded.Kind, loaded.Start, loaded.End));
    }

    [Fact]
    public void Load_EveryCode_PeriodsDistinctAndOrdered()
    {
        foreach (var s in _data.Measures.Values)
        {
            for (var i = 1; i < s.Periods.Count; i++)
            {
                Assert.True(Period.ByEnd.Compare(s.Periods[i - 1].Period, s.Periods[i].Period) < 0, $"{s.Info.Code}: {s.Periods[i - 1].Period} then {s.Periods[i].Period}");
            }
        }
    }

    // Literals printed by tests/GoldenThread.Data.Tests/independent/lait_benchmarks.py (python3 csv module, R type 7).
    // code, years, LA, value, rank, ranked, quartile, Q1, median, Q3, SN mean, SN count, England, region LA, region value
    // (the region's area is London, 986, for a London borough whose sub-region has no value in the period)
    [Theory]
    [InlineData("EngMaths9-4", "2025", 855, 66.6, 53, 152, 2, 61.375, 64.69999999999999, 68.14999999999999, 65.76, 10, 64.8, 983, 64.0)]
    [InlineData("EngMaths9-4", "2025", 301, 68.0, 40, 152, 2, 61.375, 64.69999999999999, 68.14999999999999, 65.05000000000001, 10, 64.8, 988, 71.2)]
    [InlineData("EngMaths9-4", "2025", 926, 65.3, 63, 152, 2, 61.375, 64.69999999999999, 68.14999999999999, 63.92999999999999, 10, 64.8, 985, 65.9)]
    [InlineData("PriTotAbs", "2025", 855, 4.57, 10, 152, 1, 4.925, 5.18, 5.4624999999999995, 4.996, 10, 5.2, 983, 5.02)]
    [InlineData("PriTotAbs", "2025", 301, 5.45, 113, 152, 3, 4.925, 5.18, 5.4624999999999995, 5.369999999999999, 10, 5.2, 986, 5.31)]
    [InlineData("PriTotAbs", "2025", 926, 5.27, 87, 152, 3, 4.925, 5.18, 5.4624999999999995, 5.138, 10, 5.2, 985, 5.16)]
    [InlineData("RTA", "2020-22", 855, 12.25, 55, 147, 2, 10.719999999999999, 14.26, 19.725, 12.571000000000002, 10, 16.45, 983, 15.06)]
    [InlineData("RTA", "2020-22", 301, 15.12, 81, 147, 3, 10.719999999999999, 14.26, 19.725, 14.493, 10, 16.45, 986, 11.28)]
    [InlineData("RTA", "2020-22", 926, 17.18, 93, 147, 3, 10.719999999999999, 14.26, 19.725, 14.724999999999998, 10, 16.45, 985, 14.24)]
    [InlineData("Hosp_Adm_Alc_<18yrs", "2021/22-23/24", 855, 9.79, 12, 146, 1, 14.474999999999998, 20.33, 29.56, 32.782000000000004, 10, 22.56, 983, 16.31)]
    [InlineData("Hosp_Adm_Alc_<18yrs", "2021/22-23/24", 301, 7.84, 8, 146, 1, 14.474999999999998, 20.33, 29.56, 13.846, 10, 22.56, 986, 13.58)]
    [InlineData("Hosp_Adm_Alc_<18yrs", "2021/22-23/24", 926, 19.96, 71, 146, 2, 14.474999999999998, 20.33, 29.56, 30.807, 10, 22.56, 985, 19.6)]
    [InlineData("HE_19_FSM", "2023-24", 855, 24.1, 70, 149, 2, 20.1, 23.4, 32.6, 19.33, 10, 28.9, 983, 22.0)]
    [InlineData("HE_19_FSM", "2023-24", 301, 41.6, 26, 149, 1, 20.1, 23.4, 32.6, 41.88000000000001, 10, 28.9, 988, 46.1)]
    [InlineData("HE_19_FSM", "2023-24", 926, 18.1, 133, 149, 4, 20.1, 23.4, 32.6, 19.240000000000002, 10, 28.9, 985, 23.2)]
    [InlineData("KS2R_AVG_Scaled_Score", "2025", 855, 106.0, 37, 151, null, 105.0, 106.0, 106.0, 105.5, 10, 106.0, 983, 105.0)]
    // London boroughs (LAIT's clean_ldn_region, per period): the sub-region where it has a value, London where it has
    // none, neither where London has none either. Run as: python3 lait_benchmarks.py ../shared/data/lait
    //   '[["TotPermEx","2021/22",[301,202]],["TotPermEx","2022/23",[301,202]],["InfMort","2017",[202]],
    //     ["InfMort","2018",[202]],["CareApplications","2025",[301]]]'
    [InlineData("TotPermEx", "2021/22", 301, 0.03566, 35, 152, 1, 0.040732500000000005, 0.07842, 0.1117425, 0.07063399999999999, 10, 0.07761, 988, 0.04681)]
    [InlineData("TotPermEx", "2021/22", 202, 0.05926, 57, 152, 2, 0.040732500000000005, 0.07842, 0.1117425, 0.034869, 10, 0.07761, 987, 0.03434)]
    [InlineData("TotPermEx", "2022/23", 301, 0.03965, 20, 152, 1, 0.05974, 0.10973, 0.1553825, 0.081296, 10, 0.11121, 986, 0.0608)]
    [InlineData("TotPermEx", "2022/23", 202, 0.07883, 54, 152, 2, 0.05974, 0.10973, 0.1553825, 0.052537, 10, 0.11121, 986, 0.0608)]
    [InlineData("InfMort", "2017", 202, 1.7, 3, 152, 1, 3.075, 3.6, 4.525, 3.29, 10, 3.9, 986, 3.3)]
    [InlineData("InfMort", "2018", 202, 3.6, 60, 147, 2, 3.1, 3.8, 4.45, 3.22, 10, 3.9, 987, 3.2)]
    [InlineData("CareApplications", "2025", 301, 8.7, null, 148, null, 7.0249999999999995, 9.1, 12.075, 7.15, 10, 9.1, 988, null)]
    public void For_PublishedData_MatchesIndependentComputation(
        string code, string years, int la, double value, int? rank, int ranked, int? quartile, double q1, double median, double q3,
        double snMean, int snCount, double england, int regionLa, double? region)
    {
        var series = _data.Measures[code];
        var period = Period.Parse(years, series.Info.YearBasis).Value;
        var p = NationalBenchmark.For(_data, code, period, la);

        Assert.Equal(value, p.Value);
        Assert.Equal((rank, ranked, quartile), (p.Rank, p.RankedCount, p.Quartile));
        Assert.Equal((q1, median, q3), (p.Boundaries!.Q1, p.Boundaries.Median, p.Boundaries.Q3));
        Assert.Equal(snMean, p.NeighbourAverage!.Value, 9);
        Assert.Equal(snCount, p.NeighbourCount);
        Assert.Equal(england, p.England);
        Assert.Equal(regionLa, p.RegionArea!.LaNumber);
        Assert.Equal(region, p.Region);
    }

    [Fact]
    public void NeighbourReader_April2021_CumberlandHasNone()
    {
        var c = LaitNeighbourReader.ReadFile(Path.Combine(fixture.Directory, "sn_april_2021.xlsx"));
        Assert.Empty(c.Groups[942].Neighbours);
        Assert.Equal(10, c.Groups[855].Neighbours.Count);
    }
}
