using GoldenThread.Store;
using GoldenThread.Web.Workspaces;
using Microsoft.Extensions.Options;

namespace GoldenThread.Web.Hosting;

/// <summary>
/// Does in the background, from the moment the endpoints are mapped, what the first visitor would otherwise wait
/// for: EF Core's model (needed by the store's checks at start and by every page), then, once the store is ready, the
/// default dashboard of each workspace that visitors may see, as they see it (the workspace's plan parsed, its values,
/// LAIT, every judgement). A request that comes while this runs joins the load it needs rather than starting its own
/// (<see cref="WorkspaceService"/> loads each thing once), so nothing is computed twice and nothing waits for the
/// warm-up that would not have waited anyway.
/// </summary>
/// <remarks>
/// Measured in docs/benchmarks.md (issue 13's third round). A failure here changes nothing: it is logged, and the
/// request that needs the same thing meets it and reports it as it always did. <c>GoldenThread:WarmUpOnStart=false</c>
/// turns it off (the tests do, so that what a test counts is what it asked for).
/// </remarks>
public static class StartupWarmUp
{
    /// <summary>At most this many dashboards: an installation with many public workspaces warms the first few.</summary>
    public const int MaxDashboards = 8;

    /// <summary>Starts the warm-up; <paramref name="storeReady"/> completes once the store is migrated and seeded.</summary>
    public static Task Start(IServiceProvider services, Task storeReady)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(storeReady);
        if (!services.GetRequiredService<IOptions<GoldenThreadOptions>>().Value.WarmUpOnStart)
        {
            return Task.CompletedTask;
        }

        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StartupWarmUp).FullName!);
        var stopping = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        return Task.Run(async () =>
        {
            try
            {
                await using (var scope = services.CreateAsyncScope())
                {
                    // Building the model touches no database, so it need not wait for the store's checks, which wait for it.
                    _ = scope.ServiceProvider.GetRequiredService<GoldenThreadDbContext>().Model;
                }

                await storeReady;
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                var warmed = await PublicDashboardsAsync(services, stopping);
                log.LogInformation("Warmed {Count} public dashboard(s) in {Ms:0} ms", warmed, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            catch (OperationCanceledException)
            {
                // The application is stopping, or the store could not be made ready (start reports why).
            }
#pragma warning disable CA1031 // a warm-up's failure changes nothing: the request that needs the same work meets it and reports it
            catch (Exception e)
#pragma warning restore CA1031
            {
                log.LogWarning(e, "The warm-up at start stopped; pages load on their first request instead");
            }
        }, CancellationToken.None);
    }

    /// <summary>
    /// Builds the default dashboard of each workspace whose dashboard is public (at most <see cref="MaxDashboards"/>), as
    /// a visitor sees it, into <see cref="WorkspaceService"/>'s cache; returns how many were built.
    /// </summary>
    public static async Task<int> PublicDashboardsAsync(IServiceProvider services, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(services);
        IReadOnlyList<WorkspaceInfo> workspaces;
        await using (var scope = services.CreateAsyncScope())
        {
            workspaces = await scope.ServiceProvider.GetRequiredService<WorkspaceStore>().ListAsync(stopping);
        }

        var warmed = 0;
        foreach (var info in workspaces.Where(w => w.DashboardPublic).Take(MaxDashboards))
        {
            stopping.ThrowIfCancellationRequested();
            // A scope per workspace, as a request has: the service remembers the workspace it has read.
            await using var scope = services.CreateAsyncScope();
            var svc = scope.ServiceProvider.GetRequiredService<WorkspaceService>();
            if (await svc.GetAsync(info.Id, stopping) is not { } ws)
            {
                continue;
            }

            // The view of someone who is not a member: the published figures of the default period.
            var (period, problem) = WorkspaceService.VisiblePeriod(ws, null, published: true);
            if (problem is null)
            {
                try
                {
                    _ = await svc.GetDashboardAsync(ws, period, published: true);
                    warmed++;
                }
                catch (Core.Dashboard.NothingToReportException)
                {
                    // A workspace with nothing to report yet: its page says so, with nothing to warm.
                }
            }
        }

        return warmed;
    }
}
