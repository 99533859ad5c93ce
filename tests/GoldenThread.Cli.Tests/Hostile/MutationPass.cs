using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace GoldenThread.Cli.Tests.Hostile;

/// <summary>
/// Random damage to the valid inputs of every reader, from a fixed seed: byte flips, truncation, lines duplicated,
/// deleted or repeated, fields swapped, huge numbers, NaN, dates outside the calendar or the bank-holiday table, bytes
/// that are not UTF-8, stray quotes and brackets; workbooks damaged as zip bytes or in their sheet's XML. Every run
/// must end with exit code 0 or 2, and a run that ends with 2 must have written nothing and printed no stack trace.
/// </summary>
/// <remarks>
/// 500 runs by default (about half a minute); <c>GOLDENTHREAD_MUTATIONS=5000</c> runs more and
/// <c>GOLDENTHREAD_MUTATION_SEED</c> another sequence (docs/hostile-inputs.md).
/// </remarks>
[Collection(InProcessCollection.Name)]
public sealed class MutationPass(HostileFilesFixture fixture) : IClassFixture<HostileFilesFixture>
{
    private const int DefaultRuns = 500;
    private const int DefaultSeed = 14;

    private sealed record Target(string File, Func<HostileFiles, string, string[]> Arguments, int Weight);

    private static string[] Validate(HostileFiles f, string data) => ["validate", "--plan", f.PlanPath, "--data", data];

    private static readonly Target[] Targets =
    [
        new("values.csv", (f, _) => Validate(f, f.ValuesCsvPath), 14),
        new("values.csv", (f, o) => HostileInputSuite.Arguments(HostileInputSuite.Run.Report, f, o), 3),
        new("values.xlsx", (f, _) => Validate(f, f.ValuesXlsxPath), 12),
        new("plan.yaml", (f, _) => Validate(f, f.ValuesCsvPath), 14),
        new("bds_long.csv", (f, o) => HostileInputSuite.Arguments(HostileInputSuite.Run.ReportLait, f, o), 9),
        new("lait_data_dictionary.csv", (f, o) => HostileInputSuite.Arguments(HostileInputSuite.Run.ReportLait, f, o), 5),
        new("sn.xlsx", (f, o) => HostileInputSuite.Arguments(HostileInputSuite.Run.ReportLait, f, o), 5),
        new("returns/ssda903/*/header.csv", (f, o) => HostileInputSuite.Arguments(HostileInputSuite.Run.Derive, f, o), 5),
        new("returns/ssda903/*/episodes.csv", (f, o) => HostileInputSuite.Arguments(HostileInputSuite.Run.Derive, f, o), 8),
        new("returns/ssda903/*/oc2.csv", (f, o) => HostileInputSuite.Arguments(HostileInputSuite.Run.Derive, f, o), 3),
        new("returns/ssda903/*/missing.csv", (f, o) => HostileInputSuite.Arguments(HostileInputSuite.Run.Derive, f, o), 2),
        new("returns/cin/*/cin.xml", (f, o) => HostileInputSuite.Arguments(HostileInputSuite.Run.Derive, f, o), 10),
        new("comparison/data.csv", (f, o) => HostileInputSuite.Arguments(HostileInputSuite.Run.Compare, f, o), 3),
        new("comparison/indicators.csv", (f, o) => HostileInputSuite.Arguments(HostileInputSuite.Run.Compare, f, o), 2),
    ];

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : fallback;

    [Fact]
    public void EveryMutation_EndsWithExitCode0Or2_AndAFailedRunWritesNothing()
    {
        var runs = Setting("GOLDENTHREAD_MUTATIONS", DefaultRuns);
        var random = new Random(Setting("GOLDENTHREAD_MUTATION_SEED", DefaultSeed));
        var work = fixture.Files.CopyTo(Path.Combine(fixture.Root, "mutations"));
        var totalWeight = Targets.Sum(t => t.Weight);
        var faults = new List<string>();
        var refused = 0;
        var read = 0;
        long mostAllocated = 0;
        for (var run = 0; run < runs; run++)
        {
            var pick = random.Next(totalWeight);
            var target = Targets.First(t => (pick -= t.Weight) < 0);
            var path = Resolve(work.Folder, target.File);
            var original = File.ReadAllBytes(path);
            var (damaged, how) = Mutate(original, path, random);
            File.WriteAllBytes(path, damaged);
            var outDir = Path.Combine(fixture.Root, "mutation-out");
            try
            {
                var result = InProcessCli.Run(target.Arguments(work, outDir));
                var wrote = Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any();
                mostAllocated = Math.Max(mostAllocated, result.AllocatedBytes);
                var where = $"run {run}: {target.File}: {how}";
                if (result.ExitCode == 0)
                {
                    read++;
                }
                else if (result.ExitCode == 2)
                {
                    refused++;
                    if (wrote)
                    {
                        faults.Add($"{where}: exit 2 but files were written");
                    }
                }
                else
                {
                    faults.Add($"{where}: exit {result.ExitCode}: {First(result.Error)}");
                }

                if (result.ExitCode is 0 or 2 && (result.Error.Contains("   at ", StringComparison.Ordinal) || result.Error.Contains("failed unexpectedly", StringComparison.Ordinal)))
                {
                    faults.Add($"{where}: a stack trace or 'failed unexpectedly': {First(result.Error)}");
                }
            }
            finally
            {
                File.WriteAllBytes(path, original);
                if (Directory.Exists(outDir))
                {
                    Directory.Delete(outDir, recursive: true);
                }
            }
        }

        // One line for the report in docs/hostile-inputs.md.
        Console.WriteLine($"mutation pass: {runs} runs, {read} read (exit 0), {refused} refused (exit 2), {faults.Count} faults; most allocated by a run {mostAllocated / (1024 * 1024)} MB");
        Assert.True(faults.Count == 0, $"{faults.Count} of {runs} mutated inputs ended badly:\n" + string.Join("\n", faults.Take(30)));
        Assert.True(mostAllocated < 400L * 1024 * 1024, $"a run allocated {mostAllocated / (1024 * 1024)} MB");
    }

    private static string First(string error) => error.Length <= 500 ? error : error[..500];

    private static string Resolve(string folder, string pattern)
    {
        var parts = pattern.Split('/');
        var dir = folder;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            dir = parts[i] == "*" ? Directory.GetDirectories(dir).Order(StringComparer.Ordinal).Last() : Path.Combine(dir, parts[i]);
        }

        return Path.Combine(dir, parts[^1]);
    }

    private static (byte[] Bytes, string How) Mutate(byte[] original, string path, Random random)
    {
        if (path.EndsWith(".xlsx", StringComparison.Ordinal) && random.Next(3) > 0)
        {
            return MutateWorkbookPart(original, random);
        }

        var bytes = original;
        var how = new List<string>();
        var count = 1 + random.Next(3);
        for (var i = 0; i < count; i++)
        {
            (bytes, var one) = MutateOnce(bytes, random);
            how.Add(one);
        }

        return (bytes, string.Join(", ", how));
    }

    /// <summary>Damages the text of one part of a workbook and zips it again, so the damage reaches the XML reader rather than the zip's checksum.</summary>
    private static (byte[] Bytes, string How) MutateWorkbookPart(byte[] original, Random random)
    {
        var parts = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        try
        {
            using var zip = new ZipArchive(new MemoryStream(original), ZipArchiveMode.Read);
            foreach (var entry in zip.Entries)
            {
                using var s = entry.Open();
                using var ms = new MemoryStream();
                s.CopyTo(ms);
                parts[entry.FullName] = ms.ToArray();
            }
        }
        catch (InvalidDataException)
        {
            return (original, "unchanged");
        }

        var names = parts.Keys.Order(StringComparer.Ordinal).ToList();
        var sheet = names.FirstOrDefault(n => n.Contains("worksheets/", StringComparison.Ordinal) && random.Next(3) > 0);
        var name = sheet ?? names[random.Next(names.Count)];
        var (damaged, how) = MutateOnce(parts[name], random);
        parts[name] = damaged;
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var n in names)
            {
                using var s = zip.CreateEntry(n).Open();
                s.Write(parts[n]);
            }
        }

        return (output.ToArray(), $"part {name}: {how}");
    }

    private static readonly byte[] NotUtf8 = [0xFF, 0xC3, 0x28];

    private static readonly string[] Replacements =
    [
        "NaN", "Infinity", "-Infinity", "1e400", "-1e308", "99999999999999999999", "0", "-1", "0.5", "1E+15", "", " ", "\"", "\"\"",
        "9999/00", "0000-01", "Dec-9999", "2100/01", "31/02/2019", "00/00/0000", "1994-01-01", "2045-03-31", "1899-12-31", "9999-12-31",
        "29/02/2023", "01/01/1900", "[", "{", "]", "}", ": ", "- ", "&amp;", "&#0;", "<x>", "</x>", "<!DOCTYPE x>", "]]>", "ZZZZZZ2",
        "r=\"10000000\"", "\u00e9", "\u202e", "\uFEFF", ",,,,,,", "\t", "\r", "*", "&", "<", "%", "1,000", "12.5%",
    ];

    private static (byte[] Bytes, string How) MutateOnce(byte[] bytes, Random random)
    {
        if (bytes.Length == 0)
        {
            return (Encoding.UTF8.GetBytes("x"), "an empty file given one byte");
        }

        var at = random.Next(bytes.Length);
        switch (random.Next(11))
        {
            case 0:
                var flipped = (byte[])bytes.Clone();
                flipped[at] = (byte)random.Next(256);
                return (flipped, $"byte {at} set to 0x{flipped[at]:X2}");
            case 1:
                return (bytes[..at], $"truncated to {at} bytes");
            case 2:
                return (Splice(bytes, at, 0, NotUtf8[random.Next(NotUtf8.Length)..]), $"bytes that are not UTF-8 at {at}");
            case 3:
            case 4:
            case 5:
                return MutateLines(bytes, random);
            default:
                var (start, length) = Token(bytes, at);
                var replacement = Replacements[random.Next(Replacements.Length)];
                return (Splice(bytes, start, length, Encoding.UTF8.GetBytes(replacement)), $"token at {start} replaced by '{replacement}'");
        }
    }

    /// <summary>The run of letters, digits and number or date punctuation around <paramref name="at"/>.</summary>
    private static (int Start, int Length) Token(byte[] bytes, int at)
    {
        static bool Part(byte b) => char.IsAsciiLetterOrDigit((char)b) || b is (byte)'.' or (byte)'/' or (byte)'-' or (byte)'_';
        var start = at;
        while (start > 0 && Part(bytes[start - 1]))
        {
            start--;
        }

        var end = at;
        while (end < bytes.Length && Part(bytes[end]))
        {
            end++;
        }

        return (start, end - start);
    }

    private static byte[] Splice(byte[] bytes, int at, int remove, byte[] insert)
    {
        var result = new byte[bytes.Length - remove + insert.Length];
        bytes.AsSpan(0, at).CopyTo(result);
        insert.CopyTo(result.AsSpan(at));
        bytes.AsSpan(at + remove).CopyTo(result.AsSpan(at + insert.Length));
        return result;
    }

    private static (byte[] Bytes, string How) MutateLines(byte[] bytes, Random random)
    {
        var lines = Encoding.UTF8.GetString(bytes).Split('\n').ToList();
        var i = random.Next(lines.Count);
        switch (random.Next(5))
        {
            case 0:
                lines.Insert(i, lines[i]);
                return (Lines(lines), $"line {i + 1} duplicated");
            case 1:
                lines.RemoveAt(i);
                return (Lines(lines), $"line {i + 1} deleted");
            case 2:
                var times = 1 + random.Next(3000);
                lines.InsertRange(i, Enumerable.Repeat(lines[i], times));
                return (Lines(lines), $"line {i + 1} repeated {times} times");
            case 3:
                var fields = lines[i].Split(',');
                if (fields.Length > 1)
                {
                    var a = random.Next(fields.Length);
                    var b = random.Next(fields.Length);
                    (fields[a], fields[b]) = (fields[b], fields[a]);
                    lines[i] = string.Join(',', fields);
                }

                return (Lines(lines), $"fields swapped on line {i + 1}");
            default:
                var j = random.Next(lines.Count);
                (lines[i], lines[j]) = (lines[j], lines[i]);
                return (Lines(lines), $"lines {i + 1} and {j + 1} swapped");
        }
    }

    private static byte[] Lines(List<string> lines) => Encoding.UTF8.GetBytes(string.Join('\n', lines));
}
