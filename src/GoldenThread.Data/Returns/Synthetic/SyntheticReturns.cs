using System.Globalization;
using System.Text;
using System.Xml;

namespace GoldenThread.Data.Returns.Synthetic;

/// <summary>What <see cref="SyntheticReturns.Write"/> wrote.</summary>
public sealed record SyntheticSummary(int LookedAfterChildren, int EpisodeRows, int CinChildren, int ReferralRecords, int FirstCollectionYear, int LastCollectionYear, long Bytes);

/// <summary>
/// Writes realistic, internally consistent synthetic SSDA903 and CIN census returns for a made-up council: no real
/// child is in them. The same arguments always give the same files (one <see cref="Random"/> seeded once).
/// </summary>
/// <remarks>
/// Layout: <c>folder/ssda903/&lt;year&gt;/&lt;table&gt;.csv</c> and <c>folder/cin/&lt;year&gt;/cin.xml</c> (or <c>cin.csv</c>
/// in the flattened layout), year being the calendar year of each collection's 31 March. As in real returns, an episode
/// open at a year's end appears again, finished, in the next year's file; the readers' merge rules put it back together.
/// </remarks>
public static class SyntheticReturns
{
    /// <summary>The collection year the newest files are for (2024/25).</summary>
    public const int DefaultLastCollectionYear = 2025;

    /// <summary>The newest collection year whose codes the generator knows (2024/25: the 2025/26 guide replaces Z1 and H5).</summary>
    public const int LatestKnownCollectionYear = 2025;

    /// <summary>Changes whenever the same arguments would give different files, so that cached copies are made again.</summary>
    public const int Version = 2;

    public static SyntheticSummary Write(string folder, int children, int years, int seed) =>
        Write(folder, children, years, seed, DefaultLastCollectionYear, cinAsCsv: false);

    /// <param name="folder">Created if missing; existing files of the same names are replaced.</param>
    /// <param name="children">Children looked after at some time in the years written (the CIN census gets twice as many).</param>
    /// <param name="years">Collection years, ending with <paramref name="lastCollectionYear"/>.</param>
    public static SyntheticSummary Write(string folder, int children, int years, int seed, int lastCollectionYear, bool cinAsCsv)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(children, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(years, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lastCollectionYear, LatestKnownCollectionYear);
        var firstYear = lastCollectionYear - years + 1;
        var random = new Random(seed);
        var upns = new UpnRegistry();
        var lac = new LookedAfterSimulation(random, firstYear, lastCollectionYear, upns);
        var population = lac.Population(children);
        var writer = new Ssda903Writer(random);
        var cin = new CinSimulation(random, firstYear, lastCollectionYear, upns);
        var cinChildren = Enumerable.Range(0, children * 2).Select(cin.Child).ToList();

        long bytes = 0;
        var episodeRows = 0;
        for (var year = firstYear; year <= lastCollectionYear; year++)
        {
            var dir = Path.Combine(folder, "ssda903", year.ToString(CultureInfo.InvariantCulture));
            Directory.CreateDirectory(dir);
            var (rows, written) = writer.WriteYear(dir, population, year);
            episodeRows += rows;
            bytes += written;

            var cinDir = Path.Combine(folder, "cin", year.ToString(CultureInfo.InvariantCulture));
            Directory.CreateDirectory(cinDir);
            bytes += cinAsCsv
                ? cin.WriteCsv(Path.Combine(cinDir, "cin.csv"), cinChildren, year)
                : cin.WriteXml(Path.Combine(cinDir, "cin.xml"), cinChildren, year);
        }

        return new SyntheticSummary(children, episodeRows, cinChildren.Count, cinChildren.Sum(c => c.Referrals.Count), firstYear, lastCollectionYear, bytes);
    }

    internal static string D(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    internal static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static T Pick<T>(this Random r, params (T Value, int Weight)[] choices)
    {
        var total = choices.Sum(c => c.Weight);
        var x = r.Next(total);
        foreach (var (value, weight) in choices)
        {
            if (x < weight)
            {
                return value;
            }

            x -= weight;
        }

        return choices[^1].Value;
    }

    internal static DateOnly Between(this Random r, DateOnly first, DateOnly last) =>
        last <= first ? first : first.AddDays(r.Next(last.DayNumber - first.DayNumber + 1));

    internal static StreamWriter Create(string path) => new(path, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
}
