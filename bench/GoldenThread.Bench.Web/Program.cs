// Open-loop HTTP load generator for the web benchmark (bench/web/run.sh drives it).
//
//   run   --url http://127.0.0.1:5080/health [--rate 200] [--warmup 3] [--duration 20] [--timeout 10]
//         [--store S --page P --version before|after --round N]
//         GETs the URL at a fixed rate, each request sent on schedule whatever the earlier ones are doing, and prints one
//         JSON line (a RunRecord) to stdout and a readable line to stderr. Exit code 0 even with errors (they are counted).
//   table FILE [--goal-ms 50]
//         reads the JSON lines of many runs and prints the Markdown before/after table (medians over rounds, ratios).
//   cycle --url BASE --workspace WS --label "2015/16 Q3" --people FILE --pages "P1 P2" [--think-ms 1000] [--rate ...]
//         the quarterly cycle (bench/web/cycle.sh drives it): the pages read at a fixed rate by the first person of FILE
//         while the others save a figure each, pausing about --think-ms between saves (0: as fast as answered);
//         --warm-server S first reads the pages in turn for S seconds in all, recorded as round 0, version "warm-up".
using System.Globalization;
using System.Text.Json;
using GoldenThread.Bench.Web;

if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.Error.WriteLine("usage: run --url URL [--rate 200] [--warmup 3] [--duration 20] [--timeout 10] [--store S --page P --version V --round N]");
    Console.Error.WriteLine("       table FILE [--goal-ms 50]");
    Console.Error.WriteLine("       cycle --url BASE --workspace WS --label L --people FILE --pages \"P1 P2\" [--think-ms 1000] [--rate 200] [--warmup 3] [--duration 20]");
    return args.Length == 0 ? 2 : 0;
}

var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 1; i < args.Length; i++)
{
    if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
    {
        if (args[0] == "table" && i == 1)
        {
            options["file"] = args[i];
            continue;
        }

        Console.Error.WriteLine($"unexpected argument '{args[i]}'");
        return 2;
    }

    options[args[i][2..]] = args[++i];
}

double Number(string name, double fallback) =>
    options.TryGetValue(name, out var text) ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;

switch (args[0])
{
    case "run":
    {
        if (!options.TryGetValue("url", out var url))
        {
            Console.Error.WriteLine("run: --url is required");
            return 2;
        }

        var settings = new LoadSettings(
            new Uri(url),
            Number("rate", 200),
            TimeSpan.FromSeconds(Number("warmup", 3)),
            TimeSpan.FromSeconds(Number("duration", 20)),
            TimeSpan.FromSeconds(Number("timeout", 10)));
        var result = await OpenLoop.RunAsync(settings);
        var record = new RunRecord(
            options.GetValueOrDefault("store", ""),
            options.GetValueOrDefault("page", new Uri(url).AbsolutePath),
            options.GetValueOrDefault("version", ""),
            (int)Number("round", 1),
            result);
        Console.WriteLine(JsonSerializer.Serialize(record, Summary.Json));
        Console.Error.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{record.Store} {record.Version} round {record.Round} {result.Url}: {result.Requests} requests at {result.AchievedRequestsPerSecond:0.0}/s, "
            + $"{result.Errors} errors, p50 {result.P50Ms:0.00} p90 {result.P90Ms:0.00} p99 {result.P99Ms:0.00} max {result.MaxMs:0.00} ms "
            + $"(send lag p99 {result.SendLagP99Ms:0.00} ms){(result.FirstError is null ? "" : $"; first error: {result.FirstError}")}"));
        return 0;
    }

    case "table":
    {
        if (!options.TryGetValue("file", out var file))
        {
            Console.Error.WriteLine("table: a file of run records is required");
            return 2;
        }

        using var reader = File.OpenText(file);
        Console.Write(Summary.Markdown(Summary.Rows(Summary.Read(reader)), Number("goal-ms", 50)));
        return 0;
    }

    case "cycle":
    {
        // The quarterly cycle: pages read at a fixed rate by a signed-in performance officer while owners save.
        foreach (var required in new[] { "url", "workspace", "label", "people", "pages" })
        {
            if (!options.ContainsKey(required))
            {
                Console.Error.WriteLine($"cycle: --{required} is required");
                return 2;
            }
        }

        var baseUrl = new Uri(options["url"]);
        var label = options["label"];
        var slug = new string(label.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray());
        var people = File.ReadAllLines(options["people"]).Where(l => l.Trim().Length > 0)
            .Select(l => l.Split(',')).Select(f => new BenchPerson(f[0], f[1], null)).ToList();
        var (reader, readerCookies) = await CycleLoad.SignInAsync(baseUrl, people[0], CancellationToken.None);
        var measures = await CycleLoad.OpenAsync(reader, options["workspace"], label, slug, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30));
        if (measures.Count < people.Count - 1)
        {
            Console.Error.WriteLine($"cycle: the board lists {measures.Count} figures, fewer than the {people.Count - 1} owners");
            return 2;
        }

        var owners = new List<(BenchPerson, HttpClient)>();
        foreach (var (person, i) in people.Skip(1).Select((p, i) => (p, i)))
        {
            owners.Add((person with { MeasureId = measures[i] }, (await CycleLoad.SignInAsync(baseUrl, person, CancellationToken.None)).Client));
        }

        using var stop = new CancellationTokenSource();
        var think = TimeSpan.FromMilliseconds(Number("think-ms", 1000));
        var saving = CycleLoad.RunOwnersAsync(baseUrl, options["workspace"], slug, owners, think, stop.Token);
        var pages = options["pages"].Replace("{period}", slug, StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);

        // The server's warm-up, recorded but apart: the pages read in turn at the same rate while the owners save, so that
        // the runtime has compiled the hot code optimised before anything is measured (the first half minute of load after
        // a start, docs/benchmarks.md). Round 0, version "warm-up".
        var warmServer = Number("warm-server", 0);
        var stages = warmServer > 0
            ? pages.Select(p => (Page: p, Version: "warm-up", Round: 0, WarmUp: 0.0, Duration: warmServer / pages.Length))
            : [];
        stages = stages.Concat(pages.Select(p => (Page: p, Version: options.GetValueOrDefault("version", "current"), Round: (int)Number("round", 1), WarmUp: Number("warmup", 3), Duration: Number("duration", 20))));
        foreach (var (page, version, round, warmUp, duration) in stages)
        {
            var settings = new LoadSettings(
                new Uri(baseUrl, page), Number("rate", 200), TimeSpan.FromSeconds(warmUp), TimeSpan.FromSeconds(duration),
                TimeSpan.FromSeconds(Number("timeout", 10)), readerCookies.GetCookieHeader(baseUrl));
            var result = await OpenLoop.RunAsync(settings);
            var record = new RunRecord(options.GetValueOrDefault("store", ""), page, version, round, result);
            Console.WriteLine(JsonSerializer.Serialize(record, Summary.Json));
            Console.Error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{record.Store} {page} ({version}): {result.Requests} requests at {result.AchievedRequestsPerSecond:0.0}/s, {result.Errors} errors, "
                + $"p50 {result.P50Ms:0.00} p99 {result.P99Ms:0.00} max {result.MaxMs:0.00} ms{(result.FirstError is null ? "" : $"; first error: {result.FirstError}")}"));
        }

        await stop.CancelAsync();
        var owned = await saving;
        Console.Error.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{options.GetValueOrDefault("store", "")} owners: {owned.Owners} saving at once, {think.TotalMilliseconds:0} ms between saves, {owned.Saves} saves, {owned.Conflicts} conflicts, {owned.Errors} errors, "
            + $"{owned.LostUpdates} lost updates{(owned.FirstError is null ? "" : $"; first error: {owned.FirstError}")}"));
        reader.Dispose();
        return owned.Errors == 0 && owned.LostUpdates == 0 ? 0 : 1;
    }

    default:
        Console.Error.WriteLine($"unknown command '{args[0]}' (run, table, cycle)");
        return 2;
}
