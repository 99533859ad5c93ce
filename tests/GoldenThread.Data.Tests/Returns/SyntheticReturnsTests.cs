using System.Globalization;
using GoldenThread.Core.Returns;
using GoldenThread.Data.Returns;
using GoldenThread.Data.Returns.Synthetic;

namespace GoldenThread.Data.Tests.Returns;

public sealed class SyntheticReturnsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "gt-synth-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, true);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Write_FiveHundredChildrenThreeYears_ReadersAcceptEveryFile(bool cinAsCsv)
    {
        var summary = SyntheticReturns.Write(_folder, 500, 3, seed: 7, lastCollectionYear: 2025, cinAsCsv);

        var lac = Ssda903Reader.ReadFolder(Path.Combine(_folder, "ssda903"));
        var cin = CinCensusReader.ReadFolder(Path.Combine(_folder, "cin"));

        Assert.Equal(2023, summary.FirstCollectionYear);
        Assert.True(summary.EpisodeRows > 500);
        // Exactly the children asked for were looked after in the years written; care leavers who left before them
        // are in the Header tables too (OC3).
        Assert.Equal(500, lac.Episodes.Select(e => e.Child).Distinct().Count());
        Assert.True(lac.Children.Count > 500, "care leavers of earlier years appear in OC3");
        Assert.True(lac.Episodes.Length < summary.EpisodeRows, "episodes repeated across years are merged");
        Assert.NotEmpty(lac.Health);
        Assert.NotEmpty(lac.CareLeavers);
        Assert.NotEmpty(lac.Missing);
        Assert.NotEmpty(cin.Referrals);
        Assert.NotEmpty(cin.Plans);
        AssertNoOverlaps(lac);
    }

    [Fact]
    public void Write_SameSeedTwice_SameBytes()
    {
        SyntheticReturns.Write(Path.Combine(_folder, "a"), 200, 2, seed: 11);
        SyntheticReturns.Write(Path.Combine(_folder, "b"), 200, 2, seed: 11);

        foreach (var file in Directory.GetFiles(Path.Combine(_folder, "a"), "*", SearchOption.AllDirectories))
        {
            var twin = file.Replace(Path.Combine(_folder, "a"), Path.Combine(_folder, "b"));
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(twin));
        }
    }

    [Fact]
    public void Derive_GeneratedCouncil_EveryPercentageBetweenZeroAndHundred()
    {
        SyntheticReturns.Write(_folder, 500, 3, seed: 3);
        var lac = Ssda903Reader.ReadFolder(Path.Combine(_folder, "ssda903"));
        var cin = CinCensusReader.ReadFolder(Path.Combine(_folder, "cin"));

        var observations = ReturnMeasures.Derive(lac, cin, ReportingWindow.FinancialYear(2024), new ReturnOptions { ChildPopulation = 100_000 });
        var rolling = ReturnMeasures.Derive(lac, cin, ReportingWindow.RollingYearTo(2024, 3));

        Assert.Equal(ReturnMeasureCatalogue.All.Count, observations.Count);
        Assert.True(observations.Single(o => o.MeasureId == ReturnMeasureIds.LookedAfterAtEnd).Value > 50);
        foreach (var o in observations.Concat(rolling).Where(o => o.Denominator is not null && o.MeasureId.Contains("rate") is false && o.MeasureId.Contains("days") is false && o.MeasureId != ReturnMeasureIds.AverageSdq))
        {
            Assert.InRange(o.Value!.Value, 0, 100);
        }
    }

    // Hand calculations with DfE's method (GDSC data standard "Unique Pupil Number" 2.0): each of the twelve digits times
    // its position (2 to 13), summed, modulo 23, read in ABCDEFGHJKLMNPQRTUVWXYZ. The first is the example valid UPN of
    // python-stdnum's gb.upn documentation (B801200005001).
    [Theory]
    [InlineData("801200005001", 'B')] // 8*2 + 1*4 + 2*5 + 5*10 + 1*13 = 93 = 4*23 + 1
    [InlineData("207000016049", 'P')] // 2*2 + 7*4 + 1*9 + 6*10 + 4*12 + 9*13 = 266 = 11*23 + 13
    [InlineData("318200023123", 'N')] // 3*2 + 1*3 + 8*4 + 2*5 + 2*9 + 3*10 + 1*11 + 2*12 + 3*13 = 173 = 7*23 + 12
    [InlineData("000000000000", 'A')] // 0
    [InlineData("000000000007", 'Z')] // 7*13 = 91 = 3*23 + 22
    public void CheckLetter_HandCalculatedUpns_MatchesDfEMethod(string digits, char expected)
    {
        Assert.Equal(expected, Upn.CheckLetter(digits));
    }

    [Fact]
    public void Write_EveryYear_UpnsValidUniqueAndSexCodedAsThatYearsGuide()
    {
        SyntheticReturns.Write(_folder, 400, 3, seed: 5);
        foreach (var year in new[] { 2023, 2024, 2025 })
        {
            var header = File.ReadAllLines(Path.Combine(_folder, "ssda903", year.ToString(CultureInfo.InvariantCulture), "header.csv")).Skip(1).Select(l => l.Split(',')).ToList();
            var upns = header.Select(h => h[4]).Where(u => u != "UN1").ToList();
            Assert.Equal(upns.Count, upns.Distinct().Count());
            foreach (var upn in upns)
            {
                // DfE rule 168's pattern (a check letter other than I, O, S and twelve digits) and the right letter.
                Assert.Matches("^[A-HJ-NP-RT-Z][0-9]{12}$", upn);
                Assert.Equal(upn[0], Upn.CheckLetter(upn.AsSpan(1)));
            }

            // SEX: 1 and 2 to 2023/24, M and F from 2024/25 (rule 101 of each year).
            Assert.All(header, h => Assert.Contains(h[1], year >= 2025 ? ["M", "F"] : new[] { "1", "2" }));
        }
    }

    [Fact]
    public void Write_LastYearBeyondTheKnownGuides_Refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticReturns.Write(_folder, 10, 1, seed: 1, lastCollectionYear: 2026, cinAsCsv: false));
    }

    [Fact]
    public void Write_EpisodeOpenAtYearEnd_RepeatedFinishedInTheNextYear()
    {
        SyntheticReturns.Write(_folder, 300, 2, seed: 9);
        var open = File.ReadAllLines(Path.Combine(_folder, "ssda903", "2024", "episodes.csv")).Skip(1).Select(l => l.Split(','))
            .Where(e => e[7].Length == 0).Select(e => (e[0], e[1])).ToList();
        var next = File.ReadAllLines(Path.Combine(_folder, "ssda903", "2025", "episodes.csv")).Skip(1).Select(l => l.Split(','))
            .Select(e => (e[0], e[1])).ToHashSet();

        Assert.NotEmpty(open);
        Assert.All(open, key => Assert.Contains(key, next));
    }

    private static void AssertNoOverlaps(LookedAfterData lac)
    {
        for (var i = 1; i < lac.Episodes.Length; i++)
        {
            var (a, b) = (lac.Episodes[i - 1], lac.Episodes[i]);
            if (a.Child == b.Child)
            {
                Assert.True(a.End is not null && a.End.Value <= b.Start, $"episodes {i - 1} and {i} overlap");
            }
        }
    }
}
