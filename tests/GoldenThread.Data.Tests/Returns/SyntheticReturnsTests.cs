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
        Assert.InRange(lac.Children.Count, 250, 500);
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
