using System.Collections;
using System.Reflection;
using GoldenThread.Data.Lait;

namespace GoldenThread.Data.Tests;

/// <summary>
/// The LAIT cache gives exactly what parsing gives, or parses: on a small copy of the published files (the first 20,000
/// rows of bds_long.csv, the real dictionary and neighbour workbook) in a temporary folder.
/// </summary>
public sealed class LaitCacheTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "goldenthread-tests", "lait-cache-" + Guid.NewGuid().ToString("N"));
    private readonly string _bds;
    private readonly string _dictionary;
    private readonly string _sn;
    private readonly string _cache;

    public LaitCacheTests()
    {
        var lait = FindLaitDirectory();
        var sources = Path.Combine(_root, "lait");
        Directory.CreateDirectory(sources);
        _bds = Path.Combine(sources, "bds_long.csv");
        _dictionary = Path.Combine(sources, "lait_data_dictionary.csv");
        _sn = Path.Combine(sources, "sn_may_2025.xlsx");
        File.WriteAllLines(_bds, File.ReadLines(Path.Combine(lait, "bds_long.csv")).Take(20_001));
        File.Copy(Path.Combine(lait, "lait_data_dictionary.csv"), _dictionary);
        File.Copy(Path.Combine(lait, "sn_may_2025.xlsx"), _sn);
        _cache = Path.Combine(_root, "cache");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private LaitLoadReport Parsed() => LaitLoader.LoadWithReport(_bds, _dictionary, _sn);

    private (LaitLoadReport Report, LaitCacheOutcome Outcome) Cached(string? folder = null) => LaitCache.Load(_bds, _dictionary, _sn, folder ?? _cache);

    private string CacheFile() => Assert.Single(Directory.GetFiles(_cache, "*.cache"));

    [Fact]
    public void FirstRunBuilds_SecondReads_BothEqualToParsing()
    {
        var parsed = Parsed();
        var first = Cached();
        var second = Cached();

        Assert.Equal((LaitCacheOutcome.Built, LaitCacheOutcome.Hit), (first.Outcome, second.Outcome));
        AssertSame(parsed, first.Report);
        AssertSame(parsed, second.Report);
        Assert.Empty(Directory.GetFiles(_cache, "*.tmp"));
    }

    [Fact]
    public void NoFolder_ParsesAndWritesNothing()
    {
        var (report, outcome) = LaitCache.Load(_bds, _dictionary, _sn, null);

        Assert.Equal(LaitCacheOutcome.Off, outcome);
        AssertSame(Parsed(), report);
        Assert.False(Directory.Exists(_cache));
    }

    public static TheoryData<string> Damage => ["truncated", "byte flipped in the payload", "byte flipped in the header", "empty", "garbage appended"];

    [Theory]
    [MemberData(nameof(Damage))]
    public void DamagedCache_IsRebuilt_NotBelieved(string damage)
    {
        Cached();
        var file = CacheFile();
        var bytes = File.ReadAllBytes(file);
        bytes = damage switch
        {
            "truncated" => bytes[..(bytes.Length / 2)],
            "byte flipped in the payload" => Flip(bytes, bytes.Length - 100),
            "byte flipped in the header" => Flip(bytes, 8 + 32 + 16 + 20),
            "empty" => [],
            _ => [.. bytes, 1, 2, 3],
        };
        File.WriteAllBytes(file, bytes);

        var rebuilt = Cached();
        var after = Cached();

        Assert.Equal((LaitCacheOutcome.Rebuilt, LaitCacheOutcome.Hit), (rebuilt.Outcome, after.Outcome));
        AssertSame(Parsed(), rebuilt.Report);
        AssertSame(Parsed(), after.Report);
    }

    [Fact]
    public void SourceChangedInPlace_SameSizeAndTime_IsNoticedByItsContent()
    {
        var before = Cached().Report;
        var written = File.GetLastWriteTimeUtc(_bds);
        var size = new FileInfo(_bds).Length;
        var lines = File.ReadAllLines(_bds);
        // Row 2 of the file: Short Desc, Data item, Years, LA and Regions, Values, LA Number, Region; one digit of its value changed.
        var row = Array.FindIndex(lines, 1, l => l.Split(',') is { Length: 7 } f && f[4].Length > 0 && char.IsAsciiDigit(f[4][^1]));
        var fields = lines[row].Split(',');
        var value = fields[4];
        fields[4] = value[..^1] + (char)('0' + ((value[^1] - '0' + 1) % 10));
        lines[row] = string.Join(',', fields);
        File.WriteAllLines(_bds, lines);
        File.SetLastWriteTimeUtc(_bds, written);
        Assert.Equal(size, new FileInfo(_bds).Length);

        var (report, outcome) = Cached();

        Assert.Equal(LaitCacheOutcome.Rebuilt, outcome);
        AssertSame(Parsed(), report);
        var code = fields[0];
        Assert.NotEqual(
            before.Data.Measures[code].Periods.SelectMany(p => p.ByArea.Values).Sum(),
            report.Data.Measures[code].Periods.SelectMany(p => p.ByArea.Values).Sum());
    }

    [Fact]
    public void DictionaryTouched_IsRebuilt()
    {
        Cached();
        File.SetLastWriteTimeUtc(_dictionary, File.GetLastWriteTimeUtc(_dictionary).AddDays(1));

        var (report, outcome) = Cached();

        Assert.Equal(LaitCacheOutcome.Rebuilt, outcome);
        AssertSame(Parsed(), report);
    }

    [Fact]
    public void FolderThatCannotBeWritten_GivesTheSameFiguresAndNoCache()
    {
        // A file where the folder would be: no folder can be made there, whoever runs the test (root ignores permissions).
        var blocked = Path.Combine(_root, "blocked");
        File.WriteAllText(blocked, "");
        var folder = Path.Combine(blocked, "cache");

        var first = Cached(folder);
        var second = Cached(folder);

        Assert.Equal((LaitCacheOutcome.Built, LaitCacheOutcome.Built), (first.Outcome, second.Outcome));
        AssertSame(Parsed(), first.Report);
        AssertSame(Parsed(), second.Report);
    }

    [Fact]
    public void BadSource_IsReportedAsWithoutACache()
    {
        Cached();
        File.AppendAllText(_bds, "only,three,fields\n");

        var cached = Assert.Throws<InputException>(() => Cached());
        var parsed = Assert.Throws<InputException>(Parsed);

        Assert.Equal(parsed.Message, cached.Message);
    }

    private static byte[] Flip(byte[] bytes, int at)
    {
        var copy = bytes.ToArray();
        copy[at] ^= 0x5A;
        return copy;
    }

    /// <summary>
    /// Every public property, recursively, in enumeration order (dictionaries too, as their order is what callers see):
    /// a property added to the loaded types later is compared without this test knowing of it.
    /// </summary>
    private static void AssertSame(object? expected, object? actual, string path = "report")
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{path}: {expected ?? "null"} against {actual ?? "null"}");
            return;
        }

        Assert.True(expected.GetType() == actual.GetType() || (expected is IEnumerable && actual is IEnumerable), $"{path}: {expected.GetType()} against {actual.GetType()}");
        switch (expected)
        {
            case string or ValueType when expected.GetType().IsPrimitive || expected is string or DateOnly or Enum or decimal:
                Assert.True(expected.Equals(actual), $"{path}: {expected} against {actual}");
                return;
            case IEnumerable e:
                var a = ((IEnumerable)actual).Cast<object?>().ToList();
                var x = e.Cast<object?>().ToList();
                Assert.True(x.Count == a.Count, $"{path}: {x.Count} items against {a.Count}");
                for (var i = 0; i < x.Count; i++)
                {
                    AssertSame(x[i], a[i], $"{path}[{i}]");
                }

                return;
        }

        foreach (var p in expected.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            AssertSame(p.GetValue(expected), p.GetValue(actual), $"{path}.{p.Name}");
        }
    }

    private static string FindLaitDirectory()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, "shared", "data", "lait");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("No shared/data/lait directory above " + AppContext.BaseDirectory);
    }
}
