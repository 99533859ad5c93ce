using GoldenThread.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GoldenThread.Store;

public enum StoreProvider
{
    /// <summary>An embedded file: the default for one person or one machine.</summary>
    Sqlite,
    /// <summary>A shared installation: several web instances behind a load balancer.</summary>
    Postgres,
}

/// <summary>Which database to use and how to reach it.</summary>
public sealed record StoreConnection(StoreProvider Provider, string ConnectionString)
{
    /// <summary>
    /// Reads <c>--store</c>'s argument: a PostgreSQL connection string (<c>Host=...;Database=...</c>, or a
    /// <c>postgres://</c> / <c>postgresql://</c> URL), a SQLite connection string (<c>Data Source=...</c>) or a plain path
    /// to a SQLite file.
    /// </summary>
    public static StoreConnection Parse(string pathOrConnectionString)
    {
        var text = pathOrConnectionString.Trim();
        if (text.Length == 0)
        {
            throw new InputException(new InputError("command line", null, "--store", "empty; expected a file path (goldenthread.db) or a PostgreSQL connection string (Host=...;Database=...)"));
        }

        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            var uri = new Uri(text);
            var userInfo = uri.UserInfo.Split(':', 2);
            var builder = new Npgsql.NpgsqlConnectionStringBuilder
            {
                Host = uri.Host,
                Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
                Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
            };
            if (userInfo[0].Length > 0)
            {
                builder.Username = Uri.UnescapeDataString(userInfo[0]);
            }

            if (userInfo.Length > 1)
            {
                builder.Password = Uri.UnescapeDataString(userInfo[1]);
            }

            return new StoreConnection(StoreProvider.Postgres, builder.ConnectionString);
        }

        if (text.Contains("Host=", StringComparison.OrdinalIgnoreCase) || text.Contains("Server=", StringComparison.OrdinalIgnoreCase))
        {
            return new StoreConnection(StoreProvider.Postgres, text);
        }

        if (text.Contains("Data Source=", StringComparison.OrdinalIgnoreCase))
        {
            return new StoreConnection(StoreProvider.Sqlite, text);
        }

        return ForSqliteFile(text);
    }

    public static StoreConnection ForSqliteFile(string path)
    {
        var full = Path.GetFullPath(path);
        if (Path.GetDirectoryName(full) is { } dir)
        {
            Directory.CreateDirectory(dir);
        }

        return new StoreConnection(StoreProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = full, Pooling = true }.ConnectionString);
    }

    /// <summary>
    /// Points an options builder at this database, with the provider's compiled model (CompiledModels/, made by
    /// <c>scripts/compiled-model.sh</c>) unless <paramref name="compiledModel"/> is false: building the model from
    /// <see cref="GoldenThreadDbContext"/>'s configuration is most of EF's start-up, and every process that opens the
    /// store pays it. CompiledModelTests checks that the compiled models are the configuration's, so a model change
    /// without a new compiled model fails the tests.
    /// </summary>
    public void Configure(DbContextOptionsBuilder builder, bool compiledModel = true)
    {
        switch (Provider)
        {
            case StoreProvider.Sqlite:
                builder.UseSqlite(ConnectionString);
#if !WITHOUT_COMPILED_MODEL
                if (compiledModel)
                {
                    builder.UseModel(CompiledModels.Sqlite.GoldenThreadDbContextModel.Instance);
                }
#endif

                break;
            case StoreProvider.Postgres:
                builder.UseNpgsql(ConnectionString);
#if !WITHOUT_COMPILED_MODEL
                if (compiledModel)
                {
                    builder.UseModel(CompiledModels.Postgres.GoldenThreadDbContextModel.Instance);
                }
#endif

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(Provider), Provider, null);
        }

        // The migration was written to be provider-neutral (no column types), so it has no provider-specific snapshot to
        // compare with; StoreSchemaTests checks instead that migrating gives the same schema as the model on both providers.
        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }

    public DbContextOptions<GoldenThreadDbContext> Options(bool compiledModel = true)
    {
        var builder = new DbContextOptionsBuilder<GoldenThreadDbContext>();
        Configure(builder, compiledModel);
        return builder.Options;
    }

    public GoldenThreadDbContext CreateContext(bool compiledModel = true) => new(Options(compiledModel));

    /// <summary>The database <paramref name="db"/> is connected to.</summary>
    public static StoreConnection Of(DbContext db) =>
        new(db.Database.IsNpgsql() ? StoreProvider.Postgres : StoreProvider.Sqlite, db.Database.GetConnectionString() ?? "");

    /// <summary>The connection for people to read: the file for SQLite, host and database for PostgreSQL (never the password).</summary>
    public string Describe() => Provider switch
    {
        StoreProvider.Sqlite => "SQLite " + new SqliteConnectionStringBuilder(ConnectionString).DataSource,
        _ => DescribePostgres(ConnectionString),
    };

    private static string DescribePostgres(string cs)
    {
        var b = new Npgsql.NpgsqlConnectionStringBuilder(cs);
        return $"PostgreSQL {b.Host}:{b.Port}/{b.Database}";
    }
}

/// <summary>
/// Lets EF's design-time tools build the context without starting the web application: from its configuration, never
/// from the compiled model those tools make from it.
/// </summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<GoldenThreadDbContext>
{
    public GoldenThreadDbContext CreateDbContext(string[] args) =>
        StoreConnection.Parse(args.FirstOrDefault() ?? Path.Combine(Path.GetTempPath(), "goldenthread-design.db")).CreateContext(compiledModel: false);
}
