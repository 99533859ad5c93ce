using System.Globalization;
using GoldenThread.Core.Returns;

namespace GoldenThread.Data.Returns;

/// <summary>
/// The collection-year sub-folders of a returns folder: four digits naming the year of the collection's 31 March
/// (<c>2016</c> for 2015/16). One rule, so the readers and the windows derived from them agree. A four-digit folder for a
/// year whose code lists (and bank holidays) GoldenThread does not know is an error, not a folder silently read with
/// another year's codes; folders with other names (notes, archives) are not returns and are left alone.
/// </summary>
public static class CollectionYears
{
    public static IReadOnlyList<(int Year, string Folder)> In(string root)
    {
        var found = new List<(int Year, string Folder)>();
        var errors = new List<InputError>();
        foreach (var dir in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(dir);
            if (name.Length != 4 || !int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                continue;
            }

            if (!ReturnCodes.IsKnownYear(year))
            {
                errors.Add(new InputError(dir, null, null, Unknown(year)));
                continue;
            }

            found.Add((year, dir));
        }

        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }

        return [.. found.OrderBy(d => d.Year)];
    }

    /// <summary>The message for a collection year outside the years known.</summary>
    public static string Unknown(int year) =>
        $"{year} is not a collection year GoldenThread knows: its code lists and bank holidays are known for the collection years " +
        $"{ReturnCodes.KnownYears}, each folder named by the year of its 31 March";
}
