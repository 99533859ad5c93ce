using System.Net;
using GoldenThread.Store;
using GoldenThread.Web.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace GoldenThread.Web.Tests;

/// <summary>
/// What the application does at start so that its first visitors wait less (docs/benchmarks.md, "The web application's
/// start"): the endpoints built once for every reader, and the public dashboards built in the background. Neither may
/// change what a page shows.
/// </summary>
public sealed class StartupTests
{
    private sealed class CountingSource : EndpointDataSource
    {
        public int Builds { get; private set; }

        public override IReadOnlyList<Endpoint> Endpoints
        {
            get
            {
                Builds++;
                return [new Endpoint(_ => Task.CompletedTask, EndpointMetadataCollection.Empty, "test")];
            }
        }

        public override IChangeToken GetChangeToken() => new CancellationChangeToken(CancellationToken.None);
    }

    [Fact]
    public void EndpointsBuiltOnce_ReadByEveryReader_BuildsTheInnerSourceOnce()
    {
        var inner = new CountingSource();
        var once = new EndpointsBuiltOnce(inner);

        var first = once.Endpoints;
        var second = once.Endpoints;
        var fromAnotherComposite = new CompositeEndpointDataSource([once]).Endpoints;

        Assert.Equal(1, inner.Builds);
        Assert.Same(first, second);
        Assert.Same(Assert.Single(first), Assert.Single(fromAnotherComposite));
    }

    [Fact]
    public async Task TheApplication_EveryEndpointSource_IsBuiltOnce_AndThePagesAnswer()
    {
        using var app = new AppFactory();
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/w/leicestershire-2020-23/dashboard")).StatusCode);

        // The composite that authorization and the rest of the application read, over every source that was mapped.
        var composite = Assert.IsType<CompositeEndpointDataSource>(app.Services.GetRequiredService<EndpointDataSource>());
        Assert.NotEmpty(composite.DataSources);
        Assert.All(composite.DataSources, s => Assert.IsType<EndpointsBuiltOnce>(s));
        Assert.True(composite.Endpoints.Count > 100, $"{composite.Endpoints.Count} endpoints");
    }

    [Fact]
    public async Task WarmUp_BuildsEveryPublicDashboard_AndThePageIsTheSameAsWithout()
    {
        using var cold = new AppFactory();
        using var warm = new AppFactory { Settings = new Dictionary<string, string> { ["GoldenThread:WarmUpOnStart"] = "true" } };
        var warmClient = warm.CreateClient();

        IReadOnlyList<WorkspaceInfo> workspaces;
        using (var scope = warm.Services.CreateScope())
        {
            workspaces = await scope.ServiceProvider.GetRequiredService<WorkspaceStore>().ListAsync();
        }

        // The bundled samples' dashboards are all public, and each has a period to show.
        var published = workspaces.Count(w => w.DashboardPublic);
        Assert.True(published > 1, $"{published} public dashboards among the samples");
        Assert.Equal(Math.Min(published, StartupWarmUp.MaxDashboards), await StartupWarmUp.PublicDashboardsAsync(warm.Services, CancellationToken.None));

        foreach (var w in workspaces.Where(w => w.DashboardPublic))
        {
            var url = $"/w/{w.Id}/dashboard?format=json";
            var fromWarm = await warmClient.GetStringAsync(url);
            var fromCold = await cold.CreateClient().GetStringAsync(url);
            Assert.Equal(fromCold, fromWarm);
        }
    }

    [Fact]
    public void WarmUp_Off_DoesNothing()
    {
        using var app = new AppFactory();
        _ = app.Services;
        var warmUp = StartupWarmUp.Start(app.Services, Task.CompletedTask);
        Assert.True(warmUp.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task WarmUp_StoreNeverReady_EndsQuietly()
    {
        using var app = new AppFactory { Settings = new Dictionary<string, string> { ["GoldenThread:WarmUpOnStart"] = "true" } };
        _ = app.Services;
        var warmUp = StartupWarmUp.Start(app.Services, Task.FromCanceled(new CancellationToken(canceled: true)));
        await warmUp.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.True(warmUp.IsCompletedSuccessfully);
    }
}
