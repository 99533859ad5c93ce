using GoldenThread.Store;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace GoldenThread.Web.Tests;

/// <summary>A person with an account for a test: created in the store once the app has started.</summary>
/// <param name="Workspace">The workspace of <paramref name="Role"/>; null with Administrator for the installation's administrator.</param>
public sealed record TestPerson(string Email, string Name, string Password, WorkspaceRole Role, string? Workspace)
{
    public const string Leicestershire = "leicestershire-2020-23";

    /// <summary>Administers the whole installation, so every workspace, including those a test imports later.</summary>
    public static readonly TestPerson InstallationAdministrator = new("admin@council.example", "Installation Administrator", "granite meadow copper fable", WorkspaceRole.Administrator, null);

    public static readonly TestPerson HeadOfService = new("hos@council.example", "Head of Service <Early Years>", "lantern orchard pebble waltz", WorkspaceRole.PerformanceOfficer, Leicestershire);
}

/// <summary>The app over its own empty store (a temp SQLite file, or a new PostgreSQL database), seeded with the samples on start.</summary>
public sealed class AppFactory : WebApplicationFactory<Program>
{
    public const string PostgresVariable = "GOLDENTHREAD_TEST_POSTGRES";

    /// <summary>The accounts created once the app has started (none unless a test gives some).</summary>
    public IReadOnlyList<TestPerson> People { get; init; } = [];

    /// <summary>The host environment: Production (Secure cookies, https clients) unless a test needs plain http in a real browser.</summary>
    public string Environment { get; init; } = "Production";

    /// <summary>Further settings (GoldenThread:Accounts:RequireTwoFactorForAdministrators and so on).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Another instance's store (its <see cref="ConnectionString"/>) instead of this factory's own: two instances of one installation.</summary>
    public string? SharedConnectionString { get; init; }

    private readonly StoreProvider _provider;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "goldenthread-web-tests", Guid.NewGuid().ToString("N"));
    private readonly string? _pgServer;
    private readonly string _pgDatabase = "gtweb_" + Guid.NewGuid().ToString("N");

    /// <summary>Copied from <see cref="StoreTemplate"/>: its own store, already migrated and seeded, as a fresh store is after its first start.</summary>
    public AppFactory(StoreProvider provider = StoreProvider.Sqlite)
        : this(provider, StoreTemplate.For(provider))
    {
    }

    /// <param name="template">Null for an empty store, which the app migrates and seeds on start (how the template itself is made).</param>
    internal AppFactory(StoreProvider provider, StoreTemplate? template)
    {
        _provider = provider;
        Directory.CreateDirectory(_dir);

        // Outside development the cookies are Secure, so the test clients speak https like a browser in production would.
        ClientOptions.BaseAddress = new Uri("https://localhost");
        if (provider == StoreProvider.Postgres)
        {
            _pgServer = System.Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs
                ? cs
                : throw new InvalidOperationException($"{PostgresVariable} is not set: run `. scripts/postgres.sh` first (scripts/test.sh does).");
            using var conn = new NpgsqlConnection(_pgServer);
            conn.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE {_pgDatabase}" + (template is null ? "" : $" TEMPLATE {template.Source}"), conn);
            cmd.ExecuteNonQuery();
        }
        else if (template is not null)
        {
            File.Copy(template.Source, Path.Combine(_dir, StoreTemplate.SqliteFileName));
        }
    }

    /// <summary>Keeps the store when disposed: the template's own database outlives the app that made it.</summary>
    internal bool KeepStore { get; set; }

    public string ConnectionString => _provider == StoreProvider.Postgres
        ? new NpgsqlConnectionStringBuilder(_pgServer) { Database = _pgDatabase }.ConnectionString
        : "Data Source=" + Path.Combine(_dir, StoreTemplate.SqliteFileName);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("GoldenThread:Store:Provider", _provider.ToString());
        builder.UseSetting("GoldenThread:Store:ConnectionString", SharedConnectionString ?? ConnectionString);
        builder.UseSetting("GoldenThread:SeedSamples", "true");
        // What a test counts and caches is what it asked for; StartupWarmUpTests turn the warm-up on.
        builder.UseSetting("GoldenThread:WarmUpOnStart", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, TestAddressFilter>();

            // Every app reads LAIT on start; one reading serves the whole test run (the files do not change during it).
            if (!Settings.ContainsKey("GoldenThread:LaitFolder"))
            {
                services.AddSingleton(SharedLait.Instance);
            }
        });
    }

    /// <summary>The test server has no client address; a test names one with the X-Test-Address header (as a proxy's X-Forwarded-For would).</summary>
    public const string AddressHeader = "X-Test-Address";

    private sealed class TestAddressFilter : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            app.Use(next => http =>
            {
                // A request's own header comes after the client's default one.
                if (System.Net.IPAddress.TryParse(http.Request.Headers[AddressHeader].LastOrDefault(), out var ip))
                {
                    http.Connection.RemoteIpAddress = ip;
                }

                return next(http);
            });
            next(app);
        };
    }

    protected override Microsoft.Extensions.Hosting.IHost CreateHost(Microsoft.Extensions.Hosting.IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        using var scope = host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<GoldenThread.Store.Entities.PersonRow>>();
        var people = scope.ServiceProvider.GetRequiredService<PeopleStore>();
        foreach (var p in People)
        {
            var person = users.FindByEmailAsync(p.Email).GetAwaiter().GetResult();
            if (person is null)
            {
                var (created, errors) = GoldenThread.Store.Accounts.PersonAccounts.CreateAsync(users, TimeProvider.System, p.Email, p.Name, p.Password).GetAwaiter().GetResult();
                person = created ?? throw new InvalidOperationException($"{p.Email}: {string.Join("; ", errors)}");
            }

            if (p.Workspace is null)
            {
                person.IsInstallationAdministrator = true;
                users.UpdateAsync(person).GetAwaiter().GetResult();
            }
            else
            {
                people.SetRoleAsync(p.Workspace, person.Id, p.Role).GetAwaiter().GetResult();
            }
        }

        return host;
    }

    /// <summary>A client signed in as <paramref name="person"/> (through the sign-in form, as a browser would).</summary>
    public async Task<HttpClient> SignedInAsync(TestPerson person)
    {
        var client = Browser();
        var form = await client.GetStringAsync("/sign-in");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = System.Net.WebUtility.HtmlDecode(token),
            ["email"] = person.Email,
            ["password"] = person.Password,
        }));
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"{person.Email} could not sign in: {(int)response.StatusCode}");
        }

        return client;
    }

    /// <summary>A client over https (the session cookie is Secure outside development) that does not follow redirects.</summary>
    /// <remarks>Each client comes from an address of its own, as people at different desks do, so the per-address limits on
    /// signing in count each test's client separately.</remarks>
    public HttpClient Browser()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        client.DefaultRequestHeaders.Add(AddressHeader, $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}");
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing || KeepStore)
        {
            return;
        }

        if (_provider == StoreProvider.Postgres)
        {
            NpgsqlConnection.ClearAllPools();
            using var conn = new NpgsqlConnection(_pgServer);
            conn.Open();
            using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_pgDatabase} WITH (FORCE)", conn);
            cmd.ExecuteNonQuery();
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_dir, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by the server being shut down; the temp folder is cleaned by the system.
            }
        }
    }
}
