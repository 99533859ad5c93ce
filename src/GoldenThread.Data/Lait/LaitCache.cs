using System.Security.Cryptography;
using System.Text;
using GoldenThread.Core;
using GoldenThread.Core.Benchmarks;
using GoldenThread.Core.Periods;

namespace GoldenThread.Data.Lait;

/// <summary>How <see cref="LaitCache.Load"/> came by the data.</summary>
public enum LaitCacheOutcome
{
    /// <summary>No cache folder: the files were parsed.</summary>
    Off,
    /// <summary>The cache matched the three files (size, time and content) and was read instead of parsing them.</summary>
    Hit,
    /// <summary>There was no cache: the files were parsed and a cache written (if the folder could be written).</summary>
    Built,
    /// <summary>A cache was there but did not match the files, or was truncated or corrupt: the files were parsed and it was replaced.</summary>
    Rebuilt,
}

/// <summary>
/// LAIT's three files parsed once and kept as a binary file in a cache folder, so that a run whose files have not changed
/// reads a few megabytes instead of parsing 641,000 rows of CSV and a workbook.
/// </summary>
/// <remarks>
/// The cache is believed only when it matches: the size, last-write time and SHA-256 of each of the three files, and the
/// builds of the code that parsed them (the module version ids of GoldenThread.Data and GoldenThread.Core, which
/// deterministic builds derive from their content, so a change to a reader or to <see cref="Period"/> rebuilds it), and
/// its payload's own SHA-256 (a truncated or damaged file). Anything else is a miss: the files are parsed with every
/// check the readers make, exactly as without a cache, and the cache is written anew beside, then moved into place, so
/// that a reader never sees half of one. The content hashes are computed from the source files on every hit (on the other
/// core, while the cache is decoded), so a file changed in place with its size and time kept is still noticed. A folder
/// that cannot be written gives no cache and the same figures.
/// </remarks>
public static class LaitCache
{
    private static readonly byte[] Magic = "GTLAIT\u0001\0"u8.ToArray();

    /// <summary>The builds whose parsing rules the cached data follows.</summary>
    private static readonly Guid[] CodeVersions =
    [
        typeof(LaitCache).Assembly.ManifestModule.ModuleVersionId,
        typeof(Period).Assembly.ManifestModule.ModuleVersionId,
    ];

    private const int HashBytes = 32;

    /// <summary>Loads the three files through a cache in <paramref name="cacheFolder"/> (none when null).</summary>
    public static (LaitLoadReport Report, LaitCacheOutcome Outcome) Load(string bdsPath, string dictionaryPath, string snPath, string? cacheFolder)
    {
        if (cacheFolder is null)
        {
            return (LaitLoader.LoadWithReport(bdsPath, dictionaryPath, snPath), LaitCacheOutcome.Off);
        }

        string[] paths = [Path.GetFullPath(bdsPath), Path.GetFullPath(dictionaryPath), Path.GetFullPath(snPath)];
        var stamps = paths.Select(Stamp).ToArray();
        var cachePath = CachePath(cacheFolder, paths);

        var outcome = File.Exists(cachePath) ? LaitCacheOutcome.Rebuilt : LaitCacheOutcome.Built;
        if (ReadCacheFile(cachePath) is { } cached)
        {
            if (cached.Header.Matches(stamps))
            {
                // Hashing 40 MB and decoding the payload are independent: one on each core.
                var hashing = Task.Run(() => paths.Select(HashFile).ToArray());
                var report = Decode(cached);
                var hashes = hashing.GetAwaiter().GetResult();
                if (report is not null && cached.Header.Matches(hashes))
                {
                    return (report, LaitCacheOutcome.Hit);
                }
            }
        }

        if (stamps[0].Length > LaitBdsReader.MaxBytes)
        {
            // The reader names the file and the limit.
            return (LaitLoader.LoadWithReport(bdsPath, dictionaryPath, snPath), outcome);
        }

        var contents = paths.Select(File.ReadAllBytes).ToArray();
        var loaded = LaitLoader.LoadWithReport(
            contents[0], Path.GetFileName(bdsPath), contents[1], Path.GetFileName(dictionaryPath), contents[2], Path.GetFileName(snPath));
        var header = new CacheHeader(stamps, contents.Select(c => SHA256.HashData(c)).ToArray());
        Write(cachePath, header, Encode(loaded));
        return (loaded, outcome);
    }

    /// <summary>One cache per set of source paths, so that two LAIT folders do not keep replacing each other's.</summary>
    internal static string CachePath(string cacheFolder, IReadOnlyList<string> fullPaths)
    {
        var key = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', fullPaths)));
        return Path.Combine(cacheFolder, $"lait-{Convert.ToHexStringLower(key, 0, 8)}.cache");
    }

    private static FileStamp Stamp(string path)
    {
        var info = new FileInfo(path);
        return new FileStamp(info.Length, info.LastWriteTimeUtc.Ticks);
    }

    private static byte[] HashFile(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return SHA256.HashData(file);
    }

    // ---- the file: magic, header, payload length and hash, payload --------------------------------------------------

    private sealed record FileStamp(long Length, long WriteTicks);

    private sealed record CacheHeader(IReadOnlyList<FileStamp> Stamps, IReadOnlyList<byte[]> Hashes)
    {
        public bool Matches(IReadOnlyList<FileStamp> stamps) => Stamps.SequenceEqual(stamps);

        public bool Matches(IReadOnlyList<byte[]> hashes) =>
            Hashes.Count == hashes.Count && Hashes.Zip(hashes).All(p => p.First.AsSpan().SequenceEqual(p.Second));
    }

    private sealed record CacheFile(CacheHeader Header, byte[] Payload, byte[] PayloadHash);

    private static CacheFile? ReadCacheFile(string cachePath)
    {
        try
        {
            using var file = new FileStream(cachePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            using var reader = new BinaryReader(file);
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
            {
                return null;
            }

            foreach (var version in CodeVersions)
            {
                if (new Guid(reader.ReadBytes(16)) != version)
                {
                    return null;
                }
            }

            var stamps = new FileStamp[3];
            var hashes = new byte[3][];
            for (var i = 0; i < 3; i++)
            {
                stamps[i] = new FileStamp(reader.ReadInt64(), reader.ReadInt64());
                hashes[i] = reader.ReadBytes(HashBytes);
            }

            var payloadLength = reader.ReadInt64();
            var payloadHash = reader.ReadBytes(HashBytes);
            if (payloadLength < 0 || payloadLength != file.Length - file.Position)
            {
                return null; // truncated, or something appended
            }

            var payload = reader.ReadBytes((int)payloadLength);
            return payload.Length == payloadLength ? new CacheFile(new CacheHeader(stamps, hashes), payload, payloadHash) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null; // missing, unreadable or too short: parse the files instead
        }
    }

    private static void Write(string cachePath, CacheHeader header, byte[] payload)
    {
        var staging = $"{cachePath}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(cachePath)!);
            using (var file = new FileStream(staging, FileMode.CreateNew, FileAccess.Write))
            using (var writer = new BinaryWriter(file))
            {
                writer.Write(Magic);
                foreach (var version in CodeVersions)
                {
                    writer.Write(version.ToByteArray());
                }

                for (var i = 0; i < 3; i++)
                {
                    writer.Write(header.Stamps[i].Length);
                    writer.Write(header.Stamps[i].WriteTicks);
                    writer.Write(header.Hashes[i]);
                }

                writer.Write((long)payload.Length);
                writer.Write(SHA256.HashData(payload));
                writer.Write(payload);
            }

            File.Move(staging, cachePath, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only or full folder: no cache, the same figures.
            TryDelete(staging);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing was written there, or it cannot be removed: either way it is never read (only *.cache is).
        }
    }

    // ---- the payload: everything LaitLoader returns, in the order it enumerates ---------------------------------------

    internal static byte[] Encode(LaitLoadReport report)
    {
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            var data = report.Data;
            w.Write(report.RowCount);
            w.Write(report.ZeroYearRowCount);
            w.Write(report.Warnings.Count);
            foreach (var warning in report.Warnings)
            {
                w.Write(warning);
            }

            w.Write(data.Areas.Count);
            foreach (var (key, area) in data.Areas)
            {
                w.Write(key);
                w.Write(area.LaNumber);
                w.Write(area.Name);
                WriteOptional(w, area.RegionName);
            }

            w.Write(data.Neighbours.Count);
            foreach (var (la, group) in data.Neighbours)
            {
                w.Write(la);
                w.Write(group.Count);
                foreach (var n in group)
                {
                    w.Write(n);
                }
            }

            w.Write(data.Measures.Count);
            foreach (var (code, series) in data.Measures)
            {
                w.Write(code);
                WriteInfo(w, series.Info);
                w.Write(series.Periods.Count);
                foreach (var pv in series.Periods)
                {
                    WritePeriod(w, pv.Period);
                    w.Write(pv.ByArea.Count);
                    foreach (var (la, value) in pv.ByArea)
                    {
                        w.Write(la);
                        w.Write(value);
                    }
                }
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The payload decoded, or null when its hash does not match it or it does not decode.</summary>
    private static LaitLoadReport? Decode(CacheFile cached)
    {
        if (!SHA256.HashData(cached.Payload).AsSpan().SequenceEqual(cached.PayloadHash))
        {
            return null;
        }

        try
        {
            return Decode(cached.Payload);
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidDataException or FormatException or OverflowException)
        {
            return null;
        }
    }

    internal static LaitLoadReport Decode(byte[] payload)
    {
        using var r = new BinaryReader(new MemoryStream(payload, writable: false), Encoding.UTF8);
        var rowCount = r.ReadInt32();
        var zeroYearRowCount = r.ReadInt32();
        var warnings = new string[Count(r)];
        for (var i = 0; i < warnings.Length; i++)
        {
            warnings[i] = r.ReadString();
        }

        var areaCount = Count(r);
        var areas = new Dictionary<int, Area>(areaCount);
        for (var i = 0; i < areaCount; i++)
        {
            areas.Add(r.ReadInt32(), new Area(r.ReadInt32(), r.ReadString(), ReadOptional(r)));
        }

        var groupCount = Count(r);
        var neighbours = new Dictionary<int, IReadOnlyList<int>>(groupCount);
        for (var i = 0; i < groupCount; i++)
        {
            var la = r.ReadInt32();
            var group = new int[Count(r)];
            for (var j = 0; j < group.Length; j++)
            {
                group[j] = r.ReadInt32();
            }

            neighbours.Add(la, group);
        }

        var measureCount = Count(r);
        var measures = new Dictionary<string, MeasureSeries>(measureCount, StringComparer.Ordinal);
        for (var i = 0; i < measureCount; i++)
        {
            var code = r.ReadString();
            var info = ReadInfo(r);
            var periods = new PeriodValues[Count(r)];
            for (var j = 0; j < periods.Length; j++)
            {
                var period = ReadPeriod(r);
                var valueCount = Count(r);
                var byArea = new Dictionary<int, double>(valueCount);
                for (var k = 0; k < valueCount; k++)
                {
                    byArea.Add(r.ReadInt32(), r.ReadDouble());
                }

                periods[j] = new PeriodValues(period, byArea);
            }

            measures.Add(code, new MeasureSeries(info, periods));
        }

        if (r.BaseStream.Position != r.BaseStream.Length)
        {
            throw new InvalidDataException("bytes left over after the last measure");
        }

        return new LaitLoadReport(new BenchmarkData(measures, areas, neighbours), warnings, rowCount, zeroYearRowCount);
    }

    private static int Count(BinaryReader r)
    {
        var n = r.ReadInt32();
        // Every counted item takes at least one byte, so a count beyond what is left is damage, not a reason to allocate.
        return n >= 0 && n <= r.BaseStream.Length - r.BaseStream.Position ? n : throw new InvalidDataException($"count {n} out of range");
    }

    private static void WriteOptional(BinaryWriter w, string? text)
    {
        w.Write(text is not null);
        if (text is not null)
        {
            w.Write(text);
        }
    }

    private static string? ReadOptional(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;

    private static void WriteInfo(BinaryWriter w, LaitMeasureInfo info)
    {
        w.Write(info.Code);
        w.Write(info.Title);
        w.Write((int)info.Polarity);
        w.Write(info.DecimalPlaces.HasValue);
        w.Write(info.DecimalPlaces ?? 0);
        w.Write(info.YearBasis.HasValue);
        w.Write((int)(info.YearBasis ?? 0));
        w.Write(info.NoQuartile);
        WriteOptional(w, info.Topic);
        WriteOptional(w, info.AxisName);
        WriteOptional(w, info.Description);
        WriteOptional(w, info.Methodology);
        WriteOptional(w, info.Source);
        w.Write(info.InDictionary);
    }

    private static LaitMeasureInfo ReadInfo(BinaryReader r)
    {
        var code = r.ReadString();
        var title = r.ReadString();
        var polarity = Defined<Polarity>(r.ReadInt32());
        var hasDecimals = r.ReadBoolean();
        var decimals = r.ReadInt32();
        var hasBasis = r.ReadBoolean();
        var basis = Defined<YearBasis>(r.ReadInt32());
        return new LaitMeasureInfo
        {
            Code = code,
            Title = title,
            Polarity = polarity,
            DecimalPlaces = hasDecimals ? decimals : null,
            YearBasis = hasBasis ? basis : null,
            NoQuartile = r.ReadBoolean(),
            Topic = ReadOptional(r),
            AxisName = ReadOptional(r),
            Description = ReadOptional(r),
            Methodology = ReadOptional(r),
            Source = ReadOptional(r),
            InDictionary = r.ReadBoolean(),
        };
    }

    private static void WritePeriod(BinaryWriter w, Period p)
    {
        w.Write((int)p.Kind);
        w.Write((int)p.Basis);
        w.Write(p.Start.DayNumber);
        w.Write(p.End.DayNumber);
        WriteOptional(w, p.Qualifier);
    }

    /// <summary>
    /// A period rebuilt through <see cref="Period"/>'s own factories from its kind and first year, then checked against the
    /// span written: a period that no factory makes is damage.
    /// </summary>
    private static Period ReadPeriod(BinaryReader r)
    {
        var kind = Defined<PeriodKind>(r.ReadInt32());
        var basis = Defined<YearBasis>(r.ReadInt32());
        var start = DateOnly.FromDayNumber(r.ReadInt32());
        var end = DateOnly.FromDayNumber(r.ReadInt32());
        var qualifier = ReadOptional(r);
        var period = kind switch
        {
            PeriodKind.FinancialQuarter => Period.FinancialQuarterContaining(start),
            PeriodKind.FinancialYear => Period.FinancialYear(start.Year),
            PeriodKind.AcademicYear => Period.AcademicYear(start.Year),
            PeriodKind.CalendarYear => Period.CalendarYear(start.Year),
            PeriodKind.Month => Period.Month(start.Year, start.Month),
            PeriodKind.Snapshot => Period.Snapshot(start),
            _ => Period.MultiYear(basis, start.Year, Period.YearOf(basis, end.Year).End == end ? end.Year : end.Year - 1),
        };

        if (period.Kind != kind || period.Basis != basis || period.Start != start || period.End != end)
        {
            throw new InvalidDataException($"'{kind} {start}-{end}' is not a period");
        }

        return period.WithQualifier(qualifier);
    }

    private static T Defined<T>(int value)
        where T : struct, Enum =>
        Enum.IsDefined(typeof(T), value) ? (T)Enum.ToObject(typeof(T), value) : throw new InvalidDataException($"{value} is not a {typeof(T).Name}");
}
