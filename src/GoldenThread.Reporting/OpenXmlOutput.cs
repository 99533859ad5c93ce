using System.IO.Packaging;

namespace GoldenThread.Reporting;

/// <summary>What every Word and Excel file here is written with.</summary>
internal static class OpenXmlOutput
{
    /// <summary>
    /// Deflate's fastest level: the files grow by a few per cent (every council's four files, 45 MB to 47 MB) and take
    /// about a tenth less CPU to write (docs/benchmarks.md, issue 13's third round).
    /// </summary>
    public const CompressionOption Compression = CompressionOption.SuperFast;
}
