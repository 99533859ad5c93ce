using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;

namespace GoldenThread.Bench.Web;

/// <summary>What one open-loop run does: GET <see cref="Url"/> at a fixed rate for a warm-up and then a measured time.</summary>
/// <param name="Cookie">A Cookie header sent with every request (a signed-in person's session), or null.</param>
public sealed record LoadSettings(Uri Url, double RequestsPerSecond, TimeSpan WarmUp, TimeSpan Duration, TimeSpan Timeout, string? Cookie = null);

/// <summary>
/// The measured part of one run. Latencies are from each request's scheduled start to the end of its response body, in
/// milliseconds, nearest-rank percentiles over every measured request (errors included: a slow failure is still slow).
/// </summary>
/// <param name="Requests">Requests scheduled in the measured time (after the warm-up).</param>
/// <param name="Errors">Of those, the ones that did not end in 200 (another status, a refused connection, a timeout).</param>
/// <param name="AchievedRequestsPerSecond">Requests sent per second in the measured time, by the send clock.</param>
/// <param name="SendLagP99Ms">How late the generator itself sent the request after its scheduled time (99th percentile):
/// part of every latency above; large values mean the generator, not the server, was starved of CPU.</param>
public sealed record LoadResult(
    string Url,
    double RequestsPerSecond,
    double WarmUpSeconds,
    double DurationSeconds,
    int Requests,
    int Errors,
    double AchievedRequestsPerSecond,
    double P50Ms,
    double P90Ms,
    double P99Ms,
    double MaxMs,
    double SendLagP99Ms,
    double SendLagMaxMs,
    string? FirstError);

/// <summary>
/// An open-loop load generator: request i is due at start + i / rate and is sent then, whatever happened to the requests
/// before it (they are not awaited), and its latency is counted from when it was due. A server that stalls therefore
/// shows the stall in every request that should have been sent during it, instead of the generator quietly waiting
/// ("coordinated omission", which a closed loop such as wrk's connections suffers).
/// </summary>
public static class OpenLoop
{
    public static async Task<LoadResult> RunAsync(LoadSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.RequestsPerSecond <= 0 || settings.Duration <= TimeSpan.Zero || settings.WarmUp < TimeSpan.Zero)
        {
            throw new ArgumentException("The rate and the duration must be positive, the warm-up not negative.", nameof(settings));
        }

        using var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            MaxConnectionsPerServer = int.MaxValue, // a stalled server gets more connections, never a queue in the client
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        };
        using var client = new HttpClient(handler) { Timeout = settings.Timeout };
        if (settings.Cookie is { } cookie)
        {
            client.DefaultRequestHeaders.Add("Cookie", cookie);
        }

        var warmUp = (int)Math.Round(settings.WarmUp.TotalSeconds * settings.RequestsPerSecond);
        var measured = Math.Max(1, (int)Math.Round(settings.Duration.TotalSeconds * settings.RequestsPerSecond));
        var total = warmUp + measured;
        var due = new long[total];
        var sent = new long[total];
        var done = new long[total];
        var status = new int[total];
        string? firstError = null;
        var inFlight = new Task[total];

        var ticksPerRequest = Stopwatch.Frequency / settings.RequestsPerSecond;
        var start = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 50; // 20 ms from now

        async Task SendAsync(int i)
        {
            sent[i] = Stopwatch.GetTimestamp();
            try
            {
                using var response = await client.GetAsync(settings.Url, HttpCompletionOption.ResponseContentRead, cancellationToken);
                status[i] = (int)response.StatusCode;
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.CompareExchange(ref firstError, $"HTTP {(int)response.StatusCode}", null);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                status[i] = 0;
                Interlocked.CompareExchange(ref firstError, e.Message, null);
            }

            done[i] = Stopwatch.GetTimestamp();
        }

        // One dedicated thread keeps the schedule; each request's own work continues on the thread pool.
        await Task.Factory.StartNew(
            () =>
            {
                for (var i = 0; i < total && !cancellationToken.IsCancellationRequested; i++)
                {
                    due[i] = start + (long)(i * ticksPerRequest);
                    Clock.SleepUntil(due[i]);
                    inFlight[i] = SendAsync(i);
                }
            },
            cancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        cancellationToken.ThrowIfCancellationRequested();
        await Task.WhenAll(inFlight);

        static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
        var latencies = new double[measured];
        var lags = new double[measured];
        var errors = 0;
        for (var k = 0; k < measured; k++)
        {
            var i = warmUp + k;
            latencies[k] = Ms(done[i] - due[i]);
            lags[k] = Ms(sent[i] - due[i]);
            if (status[i] != 200)
            {
                errors++;
            }
        }

        Array.Sort(latencies);
        Array.Sort(lags);
        var sendSpan = (sent[total - 1] - sent[warmUp]) / (double)Stopwatch.Frequency;
        return new LoadResult(
            settings.Url.ToString(),
            settings.RequestsPerSecond,
            settings.WarmUp.TotalSeconds,
            settings.Duration.TotalSeconds,
            measured,
            errors,
            measured > 1 && sendSpan > 0 ? (measured - 1) / sendSpan : double.NaN,
            Percentile.NearestRank(latencies, 50),
            Percentile.NearestRank(latencies, 90),
            Percentile.NearestRank(latencies, 99),
            latencies[^1],
            Percentile.NearestRank(lags, 99),
            lags[^1],
            firstError);
    }
}

/// <summary>Sleeping until a <see cref="Stopwatch"/> timestamp, precisely and without spinning where the system allows.</summary>
internal static partial class Clock
{
    private const int ClockMonotonic = 1;
    private const int TimerAbsoluteTime = 1;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

#pragma warning disable SYSLIB1054 // DllImport keeps this project free of unsafe code; the call is not on a hot path's allocation budget.
    [DllImport("libc", EntryPoint = "clock_nanosleep")]
    private static extern int ClockNanosleep(int clockId, int flags, ref TimeSpec request, IntPtr remaining);

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clockId, out TimeSpec time);
#pragma warning restore SYSLIB1054

    /// <summary>
    /// On Linux, .NET's Stopwatch reads CLOCK_MONOTONIC in nanoseconds, so a thread can sleep to an absolute timestamp with
    /// clock_nanosleep (woken within tens of microseconds). Checked once at start; elsewhere, sleep in whole milliseconds and
    /// yield through the last one.
    /// </summary>
    private static readonly bool Monotonic = CheckMonotonic();

    private static bool CheckMonotonic()
    {
        if (!OperatingSystem.IsLinux() || Stopwatch.Frequency != 1_000_000_000)
        {
            return false;
        }

        try
        {
            var before = Stopwatch.GetTimestamp();
            if (ClockGetTime(ClockMonotonic, out var now) != 0)
            {
                return false;
            }

            var after = Stopwatch.GetTimestamp();
            var ns = now.Seconds * 1_000_000_000 + now.Nanoseconds;
            return ns >= before - 1_000_000 && ns <= after + 1_000_000;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    public static void SleepUntil(long timestamp)
    {
        if (Monotonic)
        {
            var request = new TimeSpec { Seconds = timestamp / 1_000_000_000, Nanoseconds = timestamp % 1_000_000_000 };
            while (Stopwatch.GetTimestamp() < timestamp && ClockNanosleep(ClockMonotonic, TimerAbsoluteTime, ref request, IntPtr.Zero) != 0)
            {
                // interrupted by a signal: sleep again to the same absolute time
            }

            return;
        }

        while (true)
        {
            var remainingMs = (timestamp - Stopwatch.GetTimestamp()) * 1000.0 / Stopwatch.Frequency;
            if (remainingMs <= 0)
            {
                return;
            }

            if (remainingMs > 1.5)
            {
                Thread.Sleep((int)(remainingMs - 0.5));
            }
            else
            {
                Thread.Yield();
            }
        }
    }
}
