using System.ComponentModel.DataAnnotations;
using GoldenThread.Store;

namespace GoldenThread.Web.Hosting;

/// <summary>The application's settings (section <c>GoldenThread</c>; environment variables <c>GoldenThread__Store__Provider</c> and so on).</summary>
/// <remarks>The address is ASP.NET Core's own: <c>--urls</c> or <c>ASPNETCORE_URLS</c> (default http://127.0.0.1:5080, launchSettings.json and appsettings.json).</remarks>
public sealed class GoldenThreadOptions : IValidatableObject
{
    public const string Section = "GoldenThread";

    [Required]
    public StoreOptions Store { get; set; } = new();

    /// <summary>The folder holding LAIT's bds_long.csv, data dictionary and sn_may_2025.xlsx; empty to look for shared/data/lait beside the repository.</summary>
    public string? LaitFolder { get; set; }

    /// <summary>Load the bundled samples into an empty store on start.</summary>
    public bool SeedSamples { get; set; } = true;

    /// <summary>
    /// On start, build EF Core's model and the public dashboards in the background, so that the first visitors do not
    /// wait for them (StartupWarmUp).
    /// </summary>
    public bool WarmUpOnStart { get; set; } = true;

    /// <summary>
    /// Counts from 1 to this, and figures worked out from them, are withheld from every page and download (disclosure
    /// control; default 5). 0 turns it off, for an installation only the council's own staff can reach.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(0, 100)]
    public int DisclosureThreshold { get; set; } = 5;

    /// <summary>
    /// The addresses of the reverse proxies or load balancers that end TLS in front of the application: their
    /// <c>X-Forwarded-Proto</c> and <c>X-Forwarded-For</c> are believed, anyone else's ignored (ProxyHeaders).
    /// </summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of such proxies in CIDR form (10.1.0.0/16), for a pool of them.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>The Chromium that prints the committee pack's PDF; default GOLDENTHREAD_CHROMIUM, else Debian's /usr/bin/chromium.</summary>
    public string? Chromium { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(p => !System.Net.IPAddress.TryParse(p, out _)))
        {
            yield return new ValidationResult($"GoldenThread:KnownProxies: '{proxy}' is not an IP address (e.g. 10.0.0.5).", [nameof(KnownProxies)]);
        }

        foreach (var network in KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _)))
        {
            yield return new ValidationResult($"GoldenThread:KnownNetworks: '{network}' is not a network in CIDR form (e.g. 10.1.0.0/16).", [nameof(KnownNetworks)]);
        }

        if (Store.Provider == StoreProvider.Postgres && string.IsNullOrWhiteSpace(Store.ConnectionString))
        {
            yield return new ValidationResult("GoldenThread:Store:ConnectionString is required when the provider is Postgres (Host=...;Database=...;Username=...).", ["Store.ConnectionString"]);
        }

        if (!string.IsNullOrWhiteSpace(LaitFolder) && !File.Exists(Path.Combine(LaitFolder, "bds_long.csv")))
        {
            yield return new ValidationResult($"GoldenThread:LaitFolder '{LaitFolder}' does not hold bds_long.csv.", [nameof(LaitFolder)]);
        }
    }
}

public sealed class StoreOptions
{
    /// <summary><c>Sqlite</c> (default: an embedded file) or <c>Postgres</c>.</summary>
    [EnumDataType(typeof(StoreProvider))]
    public StoreProvider Provider { get; set; } = StoreProvider.Sqlite;

    /// <summary>
    /// For Postgres, the connection string; for SQLite, optional (a file path or <c>Data Source=...</c>). When empty, the
    /// SQLite file is in <see cref="DataFolder"/> if that is set, else the command line's default store
    /// (<see cref="GoldenThread.Store.DefaultStore"/>), so that what <c>report</c> saved shows here.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Where the SQLite file goes when no connection string is given (relative to the content root); empty for the shared default store.</summary>
    public string DataFolder { get; set; } = "";

    /// <summary>Apply pending migrations on start. Turn off where a deployment step runs <c>goldenthread db migrate</c>.</summary>
    public bool MigrateOnStart { get; set; } = true;

    public StoreConnection ToConnection(string contentRoot) => Provider switch
    {
        StoreProvider.Postgres => new StoreConnection(StoreProvider.Postgres, ConnectionString!),
        _ when !string.IsNullOrWhiteSpace(ConnectionString) => StoreConnection.Parse(ConnectionString),
        _ when !string.IsNullOrWhiteSpace(DataFolder) => StoreConnection.ForSqliteFile(Path.Combine(Path.GetFullPath(DataFolder, contentRoot), "goldenthread.db")),
        _ => DefaultStore.Connection(),
    };
}
