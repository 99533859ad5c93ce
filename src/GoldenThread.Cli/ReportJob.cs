using GoldenThread.Views.Rendering;
using GoldenThread.Core.Benchmarks;
using GoldenThread.Core.Dashboard;
using GoldenThread.Core.Disclosure;
using GoldenThread.Data;
using GoldenThread.Data.Diagnostics;
using GoldenThread.Data.Workspace;
using GoldenThread.Reporting;
using GoldenThread.Reporting.CommitteePack;

namespace GoldenThread.Cli;

/// <summary>Loads the sources, builds the dashboard(s) and writes the three dashboard formats and the committee report; returns lines to print.</summary>
internal static class ReportJob
{
    /// <summary>Reads and checks everything the report needs; nothing is written until this has succeeded.</summary>
    /// <param name="laitCache">Where to keep LAIT's parsed files (<see cref="GoldenThread.Store.DefaultStore.CacheFolder"/>); none when null.</param>
    public static DashboardInputs Load(ReportSources sources, StageTimings? timings = null, string? laitCache = null)
    {
        if (AllCouncils(sources) && sources.BenchmarksPath is null)
        {
            throw new InputException(new InputError("command line", null, "--la", "'all' needs --benchmarks: the list of councils comes from the LAIT data"));
        }

        return ReportLoader.Load(sources, timings: timings, laitCache: laitCache);
    }

    public static IReadOnlyList<string> Run(ReportSources sources, DashboardInputs inputs, string outDir, DisclosureRules? disclosure, StageTimings? timings = null)
    {
        if (!AllCouncils(sources))
        {
            var dashboard = Publish(Build(inputs, null), disclosure);
            timings?.Mark("build dashboard (judgements)");
            var files = Write(dashboard, outDir, disclosure, timings);
            return
            [
                $"{dashboard.PlanName}: {dashboard.CouncilName}, {dashboard.ReportingPeriod.Label}",
                .. dashboard.Overview.Sentences,
                .. files.Select(f => "wrote " + f),
            ];
        }

        var councils = inputs.Benchmarks!.Areas.Values.Where(a => a.IsLocalAuthority).OrderBy(a => a.LaNumber).ToList();

        // Every dashboard is built before any is written, so that a council whose data cannot be reported writes nothing
        // for any council (all or nothing). A period the home council's own values reach is open to every council.
        var homePeriods = inputs.Values.Where(o => o.Value is not null).Select(o => o.Period).Distinct().ToList();
        // The home council is built first, so that a period with nothing to report is named for the run, not for another council.
        var order = councils.OrderBy(c => c.LaNumber == inputs.HomeLa ? 0 : 1).ToList();
        var built = InOrderOnAllCores(order, council =>
        {
            // The values file and the returns are the plan's council's own: the other councils get their published figures only.
            var home = council.LaNumber == inputs.HomeLa;
            var councilInputs = inputs with { HomeLa = council.LaNumber, Values = home ? inputs.Values : [], OtherPeriodsWithData = homePeriods };
            return (Council: council, Dashboard: Publish(Build(councilInputs, home ? null : council.Name), disclosure));
        });
        var dashboards = built.OrderBy(d => d.Council.LaNumber).ToList();
        timings?.Mark($"build {dashboards.Count} dashboards (judgements)");

        var folders = InOrderOnAllCores(dashboards, d =>
        {
            var folder = Path.Combine(outDir, $"{d.Council.LaNumber}-{Slug(d.Council.Name)}");
            WriteOneByOne(d.Dashboard, folder, disclosure);
            return folder;
        });
        var lines = dashboards.Zip(folders, (d, folder) => $"{d.Council.LaNumber} {d.Council.Name}: {folder}").ToList();
        timings?.Mark($"write {dashboards.Count} councils' files");
        lines.Add($"wrote dashboards for {councils.Count} councils under {Path.GetFullPath(outDir)}");
        return lines;
    }

    /// <summary>
    /// Builds the committee pack for the home council from the published dashboard and writes pack.docx and pack.xlsx, and pack.pdf when Chromium is installed
    /// (else <paramref name="warn"/> is told what to install).
    /// The previous report's dashboard (built from the same inputs) gives each measure's previous quartile.
    /// </summary>
    public static IReadOnlyList<string> Pack(DashboardInputs inputs, string outDir, DisclosureRules? disclosure, PackOptions options, Action<string> warn)
    {
        var dashboard = Publish(Build(inputs, null), disclosure);
        Dashboard? previous = null;
        if (dashboard.PreviousReportingPeriod is { } pp)
        {
            try
            {
                previous = Publish(DashboardBuilder.Build(inputs with { ReportingPeriod = pp }), disclosure);
            }
            catch (NothingToReportException)
            {
                // No previous report to compare quartiles with: no measure is notable for a change of quartile.
            }
        }

        var pack = CommitteePackBuilder.Build(dashboard, inputs.Plan, options with
        {
            PreviousDashboard = previous,
            SuppressionThresholdCount = (disclosure ?? DisclosureRules.Default).Threshold,
        });

        Directory.CreateDirectory(outDir);
        var docx = Path.GetFullPath(Path.Combine(outDir, "pack.docx"));
        var xlsx = Path.GetFullPath(Path.Combine(outDir, "pack.xlsx"));
        using (var s = File.Create(docx))
        {
            CommitteePackDocxRenderer.Render(pack, s);
        }

        using (var s = File.Create(xlsx))
        {
            CommitteePackXlsxRenderer.Render(pack, s);
        }

        List<string> lines =
        [
            $"{dashboard.PlanName}: {dashboard.CouncilName}, {dashboard.ReportingPeriod.Label}",
            $"{pack.NotableMeasures.Count} notable measures stated in words; appendices {string.Join(", ", pack.Appendices.Select(a => a.Letter))}",
            "wrote " + docx,
            "wrote " + xlsx,
        ];

        // The PDF is printed from the pack's HTML page with Chromium; without Chromium the DOCX and XLSX still stand.
        var pdf = Path.GetFullPath(Path.Combine(outDir, "pack.pdf"));
        if (PackPdf.ChromiumInstalled)
        {
            PackPdf.Print(pack, pdf);
            lines.Add("wrote " + pdf);
        }
        else
        {
            // A stale pack.pdf from an earlier run would not match the new DOCX and XLSX.
            File.Delete(pdf);
            warn(PackPdf.MissingChromium);
        }

        return lines;
    }

    /// <summary>
    /// Builds one dashboard; a reporting period given with --period that has nothing to report (beyond the data or before
    /// any) is an error of that option, naming the periods with data.
    /// </summary>
    private static Dashboard Build(DashboardInputs inputs, string? council)
    {
        try
        {
            return DashboardBuilder.Build(inputs);
        }
        catch (NothingToReportException e) when (inputs.ReportingPeriod is not null)
        {
            throw new InputException(new InputError("command line", null, "--period", council is null ? e.Message : $"{council}: {e.Message}"));
        }
    }

    private static bool AllCouncils(ReportSources sources) => string.Equals(sources.Council, "all", StringComparison.OrdinalIgnoreCase);

    /// <summary>What is written is published: small counts are withheld unless the user turned disclosure control off.</summary>
    private static Dashboard Publish(Dashboard dashboard, DisclosureRules? disclosure) =>
        disclosure is null ? dashboard : DashboardDisclosure.Apply(dashboard, disclosure);

    private static IReadOnlyList<string> Write(Dashboard dashboard, string outDir, DisclosureRules? disclosure, StageTimings? timings = null)
    {
        Directory.CreateDirectory(outDir);
        var html = Path.GetFullPath(Path.Combine(outDir, "dashboard.html"));
        var xlsx = Path.GetFullPath(Path.Combine(outDir, "dashboard.xlsx"));
        var json = Path.GetFullPath(Path.Combine(outDir, "dashboard.json"));
        var docx = Path.GetFullPath(Path.Combine(outDir, "report.docx"));
        // The four writers share nothing: the Word report and the JSON on the other core while the page and the workbook
        // are written here (most of each is the JIT compiling its writer the first time).
        var other = Task.Run(() =>
        {
            using (var s = File.Create(docx))
            {
                // With disclosure control off nothing is withheld, so the threshold in the wording is never used.
                CommitteeReportDocxRenderer.Render(dashboard, s, (disclosure ?? DisclosureRules.Default).Threshold);
            }

            using (var s = File.Create(json))
            {
                DashboardJsonRenderer.Render(dashboard, s);
            }
        });
        try
        {
            using (var w = new StreamWriter(html))
            {
                PublishedHtml.WriteDashboard(dashboard, w);
            }

            using (var s = File.Create(xlsx))
            {
                DashboardXlsxRenderer.Render(dashboard, s);
            }
        }
        finally
        {
            // A failure here still waits for the other writer, so that nothing writes into the folder after the caller has
            // given up on it; the other writer's own failure is the one thrown when this side succeeded.
            if (!other.IsCompleted)
            {
                ((IAsyncResult)other).AsyncWaitHandle.WaitOne();
            }
        }

        other.GetAwaiter().GetResult();
        timings?.Mark("write html + xlsx | docx + json");
        return [html, xlsx, json, docx];
    }

    /// <summary>The four files one after another, for runs that already keep every core busy with one council each.</summary>
    private static void WriteOneByOne(Dashboard dashboard, string outDir, DisclosureRules? disclosure)
    {
        Directory.CreateDirectory(outDir);
        using (var w = new StreamWriter(Path.Combine(outDir, "dashboard.html")))
        {
            PublishedHtml.WriteDashboard(dashboard, w);
        }

        using (var s = File.Create(Path.Combine(outDir, "dashboard.xlsx")))
        {
            DashboardXlsxRenderer.Render(dashboard, s);
        }

        using (var s = File.Create(Path.Combine(outDir, "dashboard.json")))
        {
            DashboardJsonRenderer.Render(dashboard, s);
        }

        using (var s = File.Create(Path.Combine(outDir, "report.docx")))
        {
            CommitteeReportDocxRenderer.Render(dashboard, s, (disclosure ?? DisclosureRules.Default).Threshold);
        }
    }

    /// <summary>
    /// <paramref name="work"/> on every item, spread over the cores, results in the items' order; when items fail, the
    /// failure of the first of them in order is thrown, the one a run item by item would have stopped at.
    /// </summary>
    private static List<TResult> InOrderOnAllCores<TItem, TResult>(IReadOnlyList<TItem> items, Func<TItem, TResult> work)
    {
        var results = new TResult[items.Count];
        var failures = new Exception?[items.Count];
        Parallel.For(0, items.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            try
            {
                results[i] = work(items[i]);
            }
            catch (Exception e)
            {
                failures[i] = e;
            }
        });

        if (failures.FirstOrDefault(f => f is not null) is { } first)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
        }

        return [.. results];
    }

    private static string Slug(string name) =>
        string.Concat(name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-')).Trim('-');
}
