using System.Globalization;
using GoldenThread.Core.Measures;

namespace GoldenThread.Data.Values;

/// <summary>Writes observations in the values file's long format (docs/formats.md), which <see cref="ValuesReader"/> reads back.</summary>
public static class ValuesWriter
{
    public static void WriteCsv(IEnumerable<Observation> observations, TextWriter writer)
    {
        writer.Write("measure,period,value,numerator,denominator,status,note\n");
        foreach (var o in observations)
        {
            writer.Write(string.Join(',',
                Field(o.MeasureId),
                Field(o.Period.Label),
                Number(o.Value),
                Number(o.Numerator),
                Number(o.Denominator),
                o.Status == ValueStatus.Provisional ? "provisional" : "final",
                Field(o.Note ?? "")));
            writer.Write('\n');
        }
    }

    // "R" keeps every digit so that a value read back agrees with its counts.
    private static string Number(double? v) => v is { } x ? x.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string Field(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
