using GoldenThread.Core.Periods;

namespace GoldenThread.Core.Tests;

/// <summary>The Years forms of LAIT's bds_long.csv, each with the year basis its data dictionary gives.</summary>
public class PeriodTests
{
    [Theory]
    [InlineData("2025", YearBasis.Academic, PeriodKind.AcademicYear, "2024-09-01", "2025-08-31", null)]
    [InlineData("2025", YearBasis.Financial, PeriodKind.FinancialYear, "2024-04-01", "2025-03-31", null)]
    [InlineData("2022", YearBasis.Calendar, PeriodKind.CalendarYear, "2022-01-01", "2022-12-31", null)]
    [InlineData("2016/17", YearBasis.Academic, PeriodKind.AcademicYear, "2016-09-01", "2017-08-31", null)]
    [InlineData("2023-24", YearBasis.Academic, PeriodKind.AcademicYear, "2023-09-01", "2024-08-31", null)]
    [InlineData("2016-17 (OT)", YearBasis.Financial, PeriodKind.FinancialYear, "2016-04-01", "2017-03-31", "OT")]
    [InlineData("2025-26", YearBasis.Financial, PeriodKind.FinancialYear, "2025-04-01", "2026-03-31", null)]
    [InlineData("2014-16", YearBasis.Calendar, PeriodKind.MultiYear, "2014-01-01", "2016-12-31", null)]
    [InlineData("2013/14-15/16", YearBasis.Financial, PeriodKind.MultiYear, "2013-04-01", "2016-03-31", null)]
    [InlineData("2022 (Rev)", YearBasis.Academic, PeriodKind.AcademicYear, "2021-09-01", "2022-08-31", "Rev")]
    [InlineData("2020 (Final)", YearBasis.Academic, PeriodKind.AcademicYear, "2019-09-01", "2020-08-31", "Final")]
    [InlineData("2025 (prov)", YearBasis.Academic, PeriodKind.AcademicYear, "2024-09-01", "2025-08-31", "prov")]
    public void Parse_LaitYearsForms_GivesSpan(string text, YearBasis basis, PeriodKind kind, string start, string end, string? qualifier)
    {
        var p = Period.Parse(text, basis).Value;
        Assert.Equal((kind, DateOnly.Parse(start), DateOnly.Parse(end), qualifier), (p.Kind, p.Start, p.End, p.Qualifier));
    }

    [Fact]
    public void Parse_LaitZeroYear_Fails() =>
        Assert.StartsWith("'0' is not a period; expected", Period.Parse("0", YearBasis.Academic).Error);
}
