using GoldenThread.Core.Returns;

namespace GoldenThread.Core.Tests.Returns;

/// <summary>
/// Code lists by collection year (years named by their 31 March). Sources, as cited in docs/returns.md: DfE's 903
/// validation rules as Data to Insight's validator implements them for 2022/23 to 2026/27 (rule 101 sex, 146 placement
/// type, 149 reason episode ceased, 133 accommodation), DfE's 2018 to 2019 validation checks (rule 149 amended), Social
/// Finance's 903 schemas for 2016 and 2017, and the CIN validator's rule 4180 (GenderCurrent, then Sex from 2024/25).
/// </summary>
public sealed class ReturnCodesTests
{
    public static TheoryData<int, string, string, bool> Validity => new()
    {
        // SEX: 1 and 2 up to 2023/24; M, F, U from 2024/25 (rule 101 of 2024/25: "reported sex").
        { 2024, "Sex", "1", true }, { 2024, "Sex", "M", false }, { 2025, "Sex", "2", false }, { 2025, "Sex", "F", true }, { 2025, "Sex", "U", true },
        // REC: special guardianship E43/E44 to 2017/18, E45–E48 from 2018/19.
        { 2016, "ReasonEpisodeCeased", "E43", true }, { 2018, "ReasonEpisodeCeased", "E44", true }, { 2018, "ReasonEpisodeCeased", "E45", false },
        { 2019, "ReasonEpisodeCeased", "E43", false }, { 2019, "ReasonEpisodeCeased", "E48", true }, { 2025, "ReasonEpisodeCeased", "E44", false },
        // PLACE: K3 from 2024/25; H5, P2, Z1 to 2024/25; Z11–Z14 from 2025/26.
        { 2024, "Placement", "K3", false }, { 2025, "Placement", "K3", true }, { 2025, "Placement", "H5", true }, { 2026, "Placement", "H5", false },
        { 2026, "Placement", "Z1", false }, { 2025, "Placement", "Z11", false }, { 2026, "Placement", "Z14", true }, { 2027, "Placement", "P2", false },
        // ACCOM: S1 and X1 to 2021/22 (rule 133 of 2022/23 lists only S2 and X2).
        { 2022, "Accommodation", "S1", true }, { 2023, "Accommodation", "S1", false }, { 2023, "Accommodation", "X2", true },
        // CIN: GenderCurrent 0/1/2/9 to 2023/24, Sex M/F/U from 2024/25.
        { 2024, "ChildSex", "9", true }, { 2025, "ChildSex", "1", false }, { 2025, "ChildSex", "M", true },
        // Unchanged lists are the same every year.
        { 2016, "LegalStatus", "V3", true }, { 2027, "LegalStatus", "V3", true },
    };

    [Theory]
    [MemberData(nameof(Validity))]
    public void In_CollectionYear_HoldsThatYearsCodes(int year, string list, string code, bool valid)
    {
        var codes = ReturnCodes.In(year);
        var l = (CodeList)typeof(ReturnCodeSet).GetProperty(list)!.GetValue(codes)!;

        Assert.Equal(valid, l.Contains(code));
    }

    [Theory]
    [InlineData(2024, "GenderCurrent")]
    [InlineData(2025, "Sex")]
    public void In_CinCensus_SexElementByYear(int year, string element) =>
        Assert.Equal(element, ReturnCodes.In(year).ChildSexElement);

    [Theory]
    [InlineData(2020, "E43", "'E43' is not a reason episode ceased code in the 2019/20 return (valid up to the 2017/18 return by DfE's guides): expected one of X1, E11, E12, E13, E14, E15, E16, E17, E2, E3, E41, E45, E46, E47, E48, E4A, E4B, E5, E6, E7, E8, E9")]
    [InlineData(2017, "E46", "'E46' is not a reason episode ceased code in the 2016/17 return (valid from the 2018/19 return by DfE's guides): expected one of X1, E11, E12, E13, E14, E15, E16, E17, E2, E3, E41, E43, E44, E4A, E4B, E5, E6, E7, E8, E9")]
    [InlineData(2020, "E99", "'E99' is not a reason episode ceased code in the 2019/20 return: expected one of X1, E11, E12, E13, E14, E15, E16, E17, E2, E3, E41, E45, E46, E47, E48, E4A, E4B, E5, E6, E7, E8, E9")]
    public void Rejection_CodeFromAnotherYear_NamesTheYearAndWhenItIsValid(int year, string code, string expected) =>
        Assert.Equal(expected, ReturnCodes.In(year).ReasonEpisodeCeased.Rejection(code));

    [Theory]
    [InlineData(2015, false)]
    [InlineData(2016, true)]
    [InlineData(2027, true)]
    [InlineData(2028, false)]
    [InlineData(2099, false)]
    public void IsKnownYear_Years_FromTheOldestToTheNewestConfirmedList(int year, bool known) =>
        Assert.Equal(known, ReturnCodes.IsKnownYear(year));

    [Fact]
    public void KnownYears_Every_HasKnownBankHolidays()
    {
        // A collection year runs from 1 April of the year before: every day of every known year needs its bank holidays.
        Assert.True(ReturnCodes.FirstCollectionYear - 1 >= BankHolidays.FirstYear);
        Assert.True(ReturnCodes.LastCollectionYear <= BankHolidays.LastYear);
    }

    [Fact]
    public void Union_EveryYearsCode_CanBeStoredInARecord()
    {
        // Records store codes as positions in the union lists, so every year's codes must be in them.
        for (var y = ReturnCodes.FirstCollectionYear; y <= ReturnCodes.LastCollectionYear; y++)
        {
            var codes = ReturnCodes.In(y);
            Assert.All(codes.Placement.Codes, c => Assert.True(ReturnCodes.Placement.IndexOf(c) > 0));
            Assert.All(codes.ReasonEpisodeCeased.Codes, c => Assert.True(ReturnCodes.ReasonEpisodeCeased.IndexOf(c) > 0));
        }
    }
}
