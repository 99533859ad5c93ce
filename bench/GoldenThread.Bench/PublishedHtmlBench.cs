using System.Diagnostics;
using System.Globalization;
using System.Text;
using GoldenThread.Core.Dashboard;
using GoldenThread.Core.Disclosure;
using GoldenThread.Data.Lait;
using GoldenThread.Data.Workspace;
using GoldenThread.Views.Rendering;

namespace GoldenThread.Bench;

/// <summary>
/// Issue 8's speed requirement: writing dashboard.html for every council (report --la all) with the Razor components
/// stays within 1.5 times the time of the string renderer they replaced (<see cref="Baseline.DashboardHtmlRenderer"/>),
/// both measured in one run. The dashboards are built once (as report --la all builds them, disclosure control
/// applied); then each repetition writes all of them with one renderer and then the other, the order alternating, into
/// UTF-8 writers over <see cref="Stream.Null"/> so that the disk is not measured.
/// </summary>
internal static class PublishedHtmlBench
{
    public static void Run(string bds, string dict, string sn, int repetitions)
    {
        var data = LaitLoader.Load(bds, dict, sn);
        var sample = SampleCatalogue.Resolve("leicestershire-2020-23");
        var inputs = ReportLoader.Load(sample, data);
        var homePeriods = inputs.Values.Where(o => o.Value is not null).Select(o => o.Period).Distinct().ToList();
        var councils = data.Areas.Values.Where(a => a.IsLocalAuthority).OrderBy(a => a.LaNumber).ToList();
        var dashboards = councils.Select(c => DashboardDisclosure.Apply(
            DashboardBuilder.Build(inputs with { HomeLa = c.LaNumber, Values = c.LaNumber == inputs.HomeLa ? inputs.Values : [], OtherPeriodsWithData = homePeriods }),
            DisclosureRules.Default)).ToList();

        var baseline = new Renderer("string renderer (before issue 8)", (d, w) => Baseline.DashboardHtmlRenderer.Render(d, w));
        var components = new Renderer("Razor components (PublishedHtml.WriteDashboard)", PublishedHtml.WriteDashboard);
        Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}; dashboard.html for {dashboards.Count} councils, "
            + $"{repetitions} repetitions after one warm-up of each, alternating which goes first");

        WriteAll(baseline, dashboards);
        WriteAll(components, dashboards);
        for (var i = 0; i < repetitions; i++)
        {
            var (first, second) = i % 2 == 0 ? (baseline, components) : (components, baseline);
            WriteAll(first, dashboards);
            WriteAll(second, dashboards);
        }

        Console.WriteLine();
        Console.WriteLine($"{"renderer",-50} {"median ms",10} {"min ms",10} {"max ms",10} {"MB written",11}");
        foreach (var r in new[] { baseline, components })
        {
            var t = r.Times.Skip(1).Order().ToList();
            Console.WriteLine($"{r.Name,-50} {F(t[t.Count / 2]),10} {F(t[0]),10} {F(t[^1]),10} {F(r.Bytes / 1e6),11}");
        }

        var ratio = Median(components) / Median(baseline);
        Console.WriteLine($"ratio (components / string renderer, medians): {ratio.ToString("F2", CultureInfo.InvariantCulture)} (requirement: at most 1.5)");
    }

    private static void WriteAll(Renderer renderer, List<Dashboard> dashboards)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        long bytes = 0;
        var sw = Stopwatch.StartNew();
        foreach (var dashboard in dashboards)
        {
            using var counting = new CountingStream();
            using (var writer = new StreamWriter(counting, new UTF8Encoding(false)))
            {
                renderer.Write(dashboard, writer);
            }

            bytes += counting.Length;
        }

        renderer.Times.Add(sw.Elapsed.TotalMilliseconds);
        renderer.Bytes = bytes;
    }

    // The first time of each is the warm-up, left out.
    private static double Median(Renderer r)
    {
        var t = r.Times.Skip(1).Order().ToList();
        return t[t.Count / 2];
    }

    private static string F(double v) => v.ToString("F1", CultureInfo.InvariantCulture);

    private sealed class Renderer(string name, Action<Dashboard, TextWriter> write)
    {
        public string Name => name;

        public List<double> Times { get; } = [];

        public long Bytes { get; set; }

        public void Write(Dashboard d, TextWriter w) => write(d, w);
    }

    // Stream.Null that counts: what each renderer wrote, without the disk.
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
    }
}
