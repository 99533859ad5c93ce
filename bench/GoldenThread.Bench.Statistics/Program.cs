// Wilson 95% and 99.8% intervals plus a two-level comparison with a benchmark for a million area-period values,
// against a baseline loop over the same arrays, in one run. Median of five timed runs after a warm-up.
// Run: dotnet run -c Release --project bench/GoldenThread.Bench.Statistics [-- count]
using System.Diagnostics;
using System.Globalization;
using GoldenThread.Core;
using GoldenThread.Core.Judgements;
using GoldenThread.Core.Statistics;

var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
const int runs = 5;

// Fixed seed: the same synthetic numerators and denominators every run.
var random = new Random(20251122);
var numerators = new long[count];
var denominators = new long[count];
for (var i = 0; i < count; i++)
{
    denominators[i] = random.Next(1, 20_000);
    numerators[i] = random.NextInt64(0, denominators[i] + 1);
}

var comparer = BenchmarkComparerFactory.Create(ComparisonMethod.ConfidenceIntervals95And998);
var england = new Benchmark("England", 0.5);

double Baseline()
{
    double sum = 0;
    for (var i = 0; i < count; i++)
    {
        sum += (double)numerators[i] / denominators[i];
    }

    return sum;
}

double Statistics()
{
    var better = 0;
    for (var i = 0; i < count; i++)
    {
        var area = AreaEstimate.ForProportion(numerators[i], denominators[i]);
        if (comparer.Compare(area, england, Polarity.HigherIsBetter).Outcome == Comparison.Better)
        {
            better++;
        }
    }

    return better;
}

static (double MedianMs, double Check) Measure(Func<double> work)
{
    var check = work(); // warm-up (JIT, tiered compilation)
    check = work();
    var times = new double[runs];
    for (var r = 0; r < runs; r++)
    {
        var stopwatch = Stopwatch.StartNew();
        check = work();
        times[r] = stopwatch.Elapsed.TotalMilliseconds;
    }

    Array.Sort(times);
    return (times[runs / 2], check);
}

var baseline = Measure(Baseline);
var statistics = Measure(Statistics);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"values: {count:N0}, runs: {runs} (median after warm-up)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"baseline (sum of proportions): {baseline.MedianMs:F1} ms  (check {baseline.Check:F3})"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wilson 95% + 99.8% + two-level comparison: {statistics.MedianMs:F1} ms  ({statistics.MedianMs * 1e6 / count:F1} ns per value; {statistics.Check:F0} better)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio statistics / baseline: {statistics.MedianMs / baseline.MedianMs:F1}"));
