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

/// <summary>Opening a return's file within its limits (docs/formats.md, "Limits"), as UTF-8 only.</summary>
internal static class ReturnFiles
{
    /// <summary>The largest table or census file read: a large council's return is a few megabytes.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    /// <summary>Null, with the problem logged, when the file is larger than the limit or not UTF-8 text; else the file's text.</summary>
    public static StreamReader? OpenText(string path, string fileName, ErrorLog log)
    {
        return TooLarge(path, fileName, log) ? null : Checked(path, fileName, log);
    }

    /// <summary>True, with the problem logged, when the file is larger than the limit.</summary>
    public static bool TooLarge(string path, string fileName, ErrorLog log)
    {
        var length = new FileInfo(path).Length;
        if (length <= MaxBytes)
        {
            return false;
        }

        log.Add(new InputError(fileName, null, null,
            $"is {(length / (1024 * 1024)).ToString("N0", CultureInfo.InvariantCulture)} MB, more than the {MaxBytes / (1024 * 1024)} MB a return's file may be (a large council's is a few MB); expected one collection year's table (docs/formats.md, Limits)"));
        return true;
    }

    private static StreamReader? Checked(string path, string fileName, ErrorLog log)
    {
        try
        {
            Utf8Text.Require(path, fileName, TextLayout.Csv, MaxBytes);
        }
        catch (InputException e)
        {
            foreach (var error in e.Errors)
            {
                log.Add(error);
            }

            return null;
        }

        return new StreamReader(path, Utf8Text.Strict, detectEncodingFromByteOrderMarks: true);
    }
}
