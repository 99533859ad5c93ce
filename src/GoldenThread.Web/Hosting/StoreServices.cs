using System.Xml.Linq;
using GoldenThread.Data;
using GoldenThread.Data.Workspace;
using GoldenThread.Store;
using GoldenThread.Store.Entities;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GoldenThread.Web.Hosting;

public static class StoreServices
{
    /// <summary>Options, the store (pooled contexts), data-protection keys in the store, and the health check.</summary>
    public static WebApplicationBuilder AddGoldenThreadStore(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<GoldenThreadOptions>()
            .Bind(builder.Configuration.GetSection(GoldenThreadOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<GoldenThreadOptions>>().Value.Store.ToConnection(contentRoot));
        builder.Services.AddDbContextPool<GoldenThreadDbContext>((sp, o) => sp.GetRequiredService<StoreConnection>().Configure(o));
        builder.Services.AddScoped<WorkspaceStore>();
        builder.Services.AddScoped<GoldenThread.Store.Cycle.CycleStore>();
        builder.Services.AddSingleton(TimeProvider.System);

        // Keys live in the store so that every instance behind a load balancer can read what another wrote (antiforgery
        // tokens, cookies). IXmlRepository by hand: Microsoft.AspNetCore.DataProtection.EntityFrameworkCore does not restore here.
        builder.Services.AddDataProtection().SetApplicationName("GoldenThread");
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new StoreXmlRepository(sp.GetRequiredService<IServiceScopeFactory>())));

        builder.Services.AddHealthChecks().AddCheck<StoreHealthCheck>("store");
        return builder;
    }

    /// <summary>Migrates (when configured) and loads the bundled samples into an empty store, before the first request.</summary>
    public static async Task InitialiseStoreAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<GoldenThreadOptions>>().Value;
        var connection = app.Services.GetRequiredService<StoreConnection>();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("GoldenThread.Store");
        if (options.Store.MigrateOnStart)
        {
            var applied = await StoreMigrator.MigrateAsync(connection, message => log.LogWarning("{Notice}", message));
            log.LogInformation("Store {Store}: {Count} migration(s) applied", connection.Describe(), applied.Count);
        }

        if (!options.SeedSamples)
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<WorkspaceStore>();
        if ((await store.ListAsync()).Count > 0)
        {
            return;
        }

        // All or nothing, and said once: a sample that cannot be loaded stops the start with the reason, rather than
        // leaving a store with some samples and a warning on every start.
        var imports = new List<(string Name, WorkspaceImport Import)>();
        var problems = new List<string>();
        foreach (var name in SampleCatalogue.DashboardNames())
        {
            try
            {
                // The samples are councils' published documents, so their dashboards are public.
                imports.Add((name, WorkspaceImportSources.From(SampleCatalogue.Resolve(name), name) with { DashboardPublic = true }));
            }
            catch (InputException e)
            {
                problems.Add($"sample '{name}': {e.Message}");
            }
        }

        if (problems.Count > 0)
        {
            throw new StartupException(
                $"The bundled samples cannot be loaded into the empty store ({connection.Describe()}): {string.Join("; ", problems)}. "
                + "Put LAIT's files in ../shared/data/lait beside the repository or set GoldenThread:LaitFolder (GOLDENTHREAD_LAIT_DIR), "
                + "or start without the samples with GoldenThread:SeedSamples=false.");
        }

        foreach (var (name, import) in imports)
        {
            await store.ImportAsync(import);
            log.LogInformation("Loaded sample {Sample}", name);
        }
    }
}

/// <summary>The application cannot start, for a reason its operator can fix: said in words, without a stack trace.</summary>
public sealed class StartupException(string message) : Exception(message);

/// <summary>Data-protection keys as rows of the store.</summary>
internal sealed class StoreXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GoldenThreadDbContext>();
        return db.DataProtectionKeys.AsNoTracking().AsEnumerable().Select(k => XElement.Parse(k.Xml)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GoldenThreadDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKeyRow { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}

internal sealed class StoreHealthCheck(GoldenThreadDbContext db) : Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck
{
    public async Task<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult> CheckHealthAsync(
        Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy()
            : Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Unhealthy("the store cannot be reached");
}
