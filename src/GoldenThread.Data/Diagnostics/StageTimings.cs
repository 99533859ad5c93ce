using System.Diagnostics;
using System.Globalization;

namespace GoldenThread.Data.Diagnostics;

/// <summary>
/// A stopwatch breakdown of one command, for finding where its time goes (the CLI's <c>--timings</c>): each
/// <see cref="Mark"/> closes the stage that ran since the previous mark. The first line is the time from the process's
/// start to the first instruction of <c>Main</c> (the runtime's own start-up and the host resolving assemblies).
/// </summary>
public sealed class StageTimings
{
    private readonly List<(string Stage, double Ms, double CpuMs, double JitMs, long Methods)> _stages = [];
    private readonly long _mainStarted;
    private readonly double _cpuAtMain;
    private double _last;
    private double _lastCpu;
    private double _lastJit;
    private long _lastMethods;

    /// <param name="mainStarted">The <see cref="Stopwatch.GetTimestamp"/> taken on entering <c>Main</c>.</param>
    public StageTimings(long mainStarted)
    {
        _mainStarted = mainStarted;
        _cpuAtMain = _lastCpu = CpuMs();
        _lastJit = JitMs();
        _lastMethods = JitMethods();
    }

    /// <summary>Time the JIT has spent compiling, on every thread (it counts ReadyToRun code it had to reject too).</summary>
    private static double JitMs() => System.Runtime.JitInfo.GetCompilationTime(currentThread: false).TotalMilliseconds;

    private static long JitMethods() => System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: false);

    /// <summary>CPU time of the whole process (every thread: the JIT's background compiles and the GC's too).</summary>
    private static double CpuMs()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime.TotalMilliseconds;
    }

    private double SinceMain => Stopwatch.GetElapsedTime(_mainStarted).TotalMilliseconds;

    /// <summary>Closes the stage that ran since the previous mark (or since <c>Main</c>).</summary>
    public void Mark(string stage)
    {
        var now = SinceMain;
        var cpu = CpuMs();
        var jit = JitMs();
        var methods = JitMethods();
        _stages.Add((stage, now - _last, cpu - _lastCpu, jit - _lastJit, methods - _lastMethods));
        _last = now;
        _lastCpu = cpu;
        _lastJit = jit;
        _lastMethods = methods;
    }

    /// <summary>One line per stage, wall and CPU milliseconds, then the totals and the peak working set.</summary>
    public IEnumerable<string> Lines()
    {
        var culture = CultureInfo.InvariantCulture;
        using var self = Process.GetCurrentProcess();
        var sinceMain = SinceMain;
        // The process's start time has the kernel's clock-tick resolution (10 ms).
        var beforeMain = Math.Max(0, (DateTime.Now - self.StartTime).TotalMilliseconds - sinceMain);
        yield return string.Create(culture, $"{"stage",-36} {"wall ms",9} {"CPU ms",9} {"JIT ms",9} {"methods",8}");
        yield return string.Create(culture, $"{"process start -> Main",-36} {beforeMain,9:F1} {_cpuAtMain,9:F1}");
        foreach (var (stage, ms, cpu, jit, methods) in _stages)
        {
            yield return string.Create(culture, $"{stage,-36} {ms,9:F1} {cpu,9:F1} {jit,9:F1} {methods,8}");
        }

        yield return string.Create(culture, $"{"total",-36} {beforeMain + sinceMain,9:F1} {self.TotalProcessorTime.TotalMilliseconds,9:F1} {JitMs(),9:F1} {JitMethods(),8}");
        yield return string.Create(culture, $"{"peak working set",-36} {self.PeakWorkingSet64 / (1024.0 * 1024),9:F1} MB");
    }
}
