using System.Globalization;

namespace GoldenThread.Data.Returns;

/// <summary>
/// The collection-year sub-folders of a returns folder: four digits naming the year of the collection's 31 March
/// (<c>2016</c> for 2015/16), from 1991 to 2099. One rule, so the readers and the windows derived from them agree.
/// </summary>
public static class CollectionYears
{
    public static IReadOnlyList<(int Year, string Folder)> In(string root) =>
        Directory.GetDirectories(root)
            .Select(d => (Name: Path.GetFileName(d), Folder: d))
            .Where(d => d.Name.Length == 4 && int.TryParse(d.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is > 1990 and < 2100)
            .Select(d => (int.Parse(d.Name, CultureInfo.InvariantCulture), d.Folder))
            .OrderBy(d => d.Item1)
            .ToList();
}
