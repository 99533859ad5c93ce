using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace GoldenThread.Store.Tests;

/// <summary>
/// Every context uses a compiled model (src/GoldenThread.Store/CompiledModels, made by scripts/compiled-model.sh) instead
/// of building one from <see cref="GoldenThreadDbContext"/>'s configuration. These check, per provider, that the
/// compiled model is that configuration's: a change to the entities or their configuration without a new compiled model
/// fails here, naming what differs.
/// </summary>
public sealed class CompiledModelTests
{
    public static TheoryData<StoreProvider, string> Stores => new()
    {
        { StoreProvider.Sqlite, "Data Source=compiled-model-test;Mode=Memory" },
        { StoreProvider.Postgres, "Host=localhost;Database=compiled_model_test" },
    };

    [Theory]
    [MemberData(nameof(Stores))]
    public void CompiledModel_SameTablesAndColumns(StoreProvider provider, string connectionString)
    {
        var connection = new StoreConnection(provider, connectionString);
        using var compiled = connection.CreateContext();
        using var configured = connection.CreateContext(compiledModel: false);

        var expected = Columns(configured.Model);
        Assert.Equal(expected, Columns(compiled.Model));
        // Not an empty comparison: the store's tables are there.
        Assert.Contains(expected, c => c.StartsWith("workspaces.Id ", StringComparison.Ordinal));
        Assert.Contains(expected, c => c.StartsWith("measure_values.", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public void CompiledModel_SameEntitiesPropertiesAndKeys(StoreProvider provider, string connectionString)
    {
        var connection = new StoreConnection(provider, connectionString);
        using var compiled = connection.CreateContext();
        using var configured = connection.CreateContext(compiledModel: false);

        Assert.Equal(Shape(configured.Model), Shape(compiled.Model));
    }

    [Fact]
    public void Contexts_UseTheProvidersCompiledModel()
    {
        using var sqlite = new StoreConnection(StoreProvider.Sqlite, "Data Source=compiled-model-test;Mode=Memory").CreateContext();
        using var postgres = new StoreConnection(StoreProvider.Postgres, "Host=localhost;Database=compiled_model_test").CreateContext();

        Assert.IsType<CompiledModels.Sqlite.GoldenThreadDbContextModel>(sqlite.Model);
        Assert.IsType<CompiledModels.Postgres.GoldenThreadDbContextModel>(postgres.Model);
    }

    /// <summary>Each table's columns as the database sees them: store type, nullability, default and computed SQL (collations are not kept in a read-optimized model, and none is set).</summary>
    private static List<string> Columns(Microsoft.EntityFrameworkCore.Metadata.IModel model) =>
        [.. model.GetRelationalModel().Tables.SelectMany(t =>
            t.Columns.Select(c => $"{t.Name}.{c.Name} {c.StoreType} null={c.IsNullable} {c.DefaultValueSql} {c.ComputedColumnSql}")
                .Concat(t.UniqueConstraints.Select(u => $"{t.Name} unique {u.Name} {string.Join(",", u.Columns.Select(c => c.Name))}"))
                .Concat(t.Indexes.Select(i => $"{t.Name} index {i.Name} {string.Join(",", i.Columns.Select(c => c.Name))} unique={i.IsUnique} {i.Filter}"))
                .Concat(t.ForeignKeyConstraints.Select(f => $"{t.Name} fk {f.Name} -> {f.PrincipalTable.Name} {f.OnDeleteAction}")))
            .Order(StringComparer.Ordinal)];

    /// <summary>Each entity's table, and each property's column, type, nullability and length; keys and indexes.</summary>
    private static List<string> Shape(Microsoft.EntityFrameworkCore.Metadata.IModel model) =>
        [.. model.GetEntityTypes().SelectMany(e =>
            e.GetProperties().Select(p => $"{e.Name} {e.GetTableName()}.{p.GetColumnName()} {p.ClrType.Name} {p.IsNullable} {p.GetMaxLength()} {p.GetColumnType()} {p.GetValueConverter()?.GetType().Name} {p.GetProviderClrType()?.Name} {p.ValueGenerated} concurrency={p.IsConcurrencyToken}")
                .Concat(e.GetKeys().Select(k => $"{e.Name} key {string.Join(",", k.Properties.Select(p => p.Name))} primary={k.IsPrimaryKey()}"))
                .Concat(e.GetIndexes().Select(i => $"{e.Name} index {i.GetDatabaseName()} {string.Join(",", i.Properties.Select(p => p.Name))} unique={i.IsUnique}"))
                .Concat(e.GetForeignKeys().Select(f => $"{e.Name} fk {string.Join(",", f.Properties.Select(p => p.Name))} -> {f.PrincipalEntityType.Name} {f.DeleteBehavior}")))
            .Order(StringComparer.Ordinal)];
}
