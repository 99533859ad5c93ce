using System.Globalization;
using GoldenThread.Data.Returns.Synthetic;

namespace GoldenThread.Data.Workspace;

/// <summary>
/// Synthetic returns for a sample, generated on first use into the temporary folder and reused after: generated files are
/// never part of the repository, and the same seed always gives the same files.
/// </summary>
internal static class SyntheticReturnsCache
{
    public static (string Ssda903, string Cin) Folders(string manifest, IReadOnlyDictionary<string, string> fields)
    {
        int Whole(string key, int fallback)
        {
            if (!fields.TryGetValue(key, out var text) || string.IsNullOrWhiteSpace(text))
            {
                return fallback;
            }

            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n
                : throw new InputException(new InputError(manifest, null, key, $"'{text}' is not a whole number above zero"));
        }

        var children = Whole("synthetic-children", 0);
        var years = Whole("synthetic-years", 3);
        var seed = Whole("synthetic-seed", 1);
        var folder = Path.Combine(Path.GetTempPath(), "goldenthread-synthetic", $"{children}-{years}-{seed}-v{SyntheticReturns.Version}");
        var done = Path.Combine(folder, "complete");
        if (!File.Exists(done))
        {
            // Write beside, then move into place, so that an interrupted run never leaves half a set of files to reuse.
            var staging = folder + "." + Guid.NewGuid().ToString("N");
            SyntheticReturns.Write(staging, children, years, seed);
            File.WriteAllText(Path.Combine(staging, "complete"), "");
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(folder)!);
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true); // left incomplete by an earlier run
                }

                Directory.Move(staging, folder);
            }
            catch (IOException) when (File.Exists(done))
            {
                Directory.Delete(staging, recursive: true); // another run finished first: use its files
            }
        }

        return (Path.Combine(folder, "ssda903"), Path.Combine(folder, "cin"));
    }
}
