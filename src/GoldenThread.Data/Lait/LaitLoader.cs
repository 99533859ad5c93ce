using GoldenThread.Core;
using GoldenThread.Core.Benchmarks;

namespace GoldenThread.Data.Lait;

/// <summary>The loaded benchmarks and every deliberate skip or mismatch the readers noted.</summary>
public sealed record LaitLoadReport(BenchmarkData Data, IReadOnlyList<string> Warnings, int RowCount, int ZeroYearRowCount);

/// <summary>Loads LAIT's three files into <see cref="BenchmarkData"/>: the dictionary first (it says how to read each code's years), then the values, then the statistical neighbours.</summary>
/// <remarks>
/// Codes in the values with no dictionary entry get an info with <see cref="LaitMeasureInfo.InDictionary"/> false, no
/// polarity (so no rank or band), the title the values carry (or the code) and no year basis (single years read as
/// calendar years, split years as financial years). Statistical neighbours whose LA number has no values in the file,
/// and LAs with values but no neighbour group, are reported as warnings.
/// </remarks>
public static class LaitLoader
{
    public static BenchmarkData Load(string bdsPath, string dictionaryPath, string snPath) =>
        LoadWithReport(bdsPath, dictionaryPath, snPath).Data;

    public static LaitLoadReport LoadWithReport(string bdsPath, string dictionaryPath, string snPath)
    {
        var dictionary = LaitDictionaryReader.ReadFile(dictionaryPath);
        var bds = LaitBdsReader.ReadFile(bdsPath, YearBasisOf(dictionary));
        var sn = LaitNeighbourReader.ReadFile(snPath);
        return Combine(dictionary, bds, sn);
    }

    public static BenchmarkData Load(Stream bds, Stream dictionary, Stream sn) =>
        LoadWithReport(bds, "bds_long.csv", dictionary, "lait_data_dictionary.csv", sn, "sn.xlsx").Data;

    public static LaitLoadReport LoadWithReport(Stream bds, string bdsName, Stream dictionary, string dictionaryName, Stream sn, string snName)
    {
        var dict = LaitDictionaryReader.Read(dictionary, dictionaryName);
        var values = LaitBdsReader.Read(bds, bdsName, YearBasisOf(dict));
        var groups = LaitNeighbourReader.Read(sn, snName);
        return Combine(dict, values, groups);
    }

    /// <summary>The three files' contents already in memory (the cache hashes exactly the bytes it parses).</summary>
    internal static LaitLoadReport LoadWithReport(byte[] bds, string bdsName, byte[] dictionary, string dictionaryName, byte[] sn, string snName)
    {
        var dict = LaitDictionaryReader.Read(dictionary, dictionaryName);
        var values = LaitBdsReader.Read(bds, bdsName, YearBasisOf(dict));
        using var snStream = new MemoryStream(sn, writable: false);
        var groups = LaitNeighbourReader.Read(snStream, snName);
        return Combine(dict, values, groups);
    }

    private static Func<string, Core.Periods.YearBasis?> YearBasisOf(LaitDictionaryContent dictionary) =>
        code => dictionary.Measures.TryGetValue(code, out var info) ? info.YearBasis : null;

    private static LaitLoadReport Combine(LaitDictionaryContent dictionary, LaitBdsContent bds, LaitNeighbourContent sn)
    {
        var warnings = new List<string>(dictionary.Warnings);
        warnings.AddRange(bds.Warnings);
        warnings.AddRange(sn.Warnings);

        var measures = new Dictionary<string, MeasureSeries>(bds.Measures.Count, StringComparer.Ordinal);
        var notInDictionary = 0;
        foreach (var (code, m) in bds.Measures)
        {
            if (!dictionary.Measures.TryGetValue(code, out var info))
            {
                notInDictionary++;
                info = new LaitMeasureInfo
                {
                    Code = code,
                    Title = m.Title ?? code,
                    Polarity = Polarity.NoJudgement,
                    InDictionary = false,
                };
            }

            measures.Add(code, new MeasureSeries(info, m.Periods));
        }

        if (notInDictionary > 0)
        {
            warnings.Add($"{notInDictionary} measure codes in the values have no data dictionary entry: loaded with no polarity, so without rank or band");
        }

        var neighbours = new Dictionary<int, IReadOnlyList<int>>();
        foreach (var (la, group) in sn.Groups)
        {
            neighbours.Add(la, group.Neighbours);
            if (!bds.Areas.ContainsKey(la))
            {
                warnings.Add($"statistical neighbour group of LA {la} ({group.Name}): the LA has no values in the benchmark file");
            }

            foreach (var n in group.Neighbours.Where(n => !bds.Areas.ContainsKey(n)))
            {
                warnings.Add($"statistical neighbour {n} of LA {la} ({group.Name}) has no values in the benchmark file");
            }
        }

        foreach (var area in bds.Areas.Values.Where(a => a.IsLocalAuthority && !sn.Groups.ContainsKey(a.LaNumber)))
        {
            warnings.Add($"LA {area.LaNumber} ({area.Name}) has no statistical neighbour group");
        }

        return new LaitLoadReport(new BenchmarkData(measures, bds.Areas, neighbours), warnings, bds.RowCount, bds.ZeroYearRowCount);
    }
}
