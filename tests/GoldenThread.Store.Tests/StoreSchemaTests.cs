using Microsoft.EntityFrameworkCore;

namespace GoldenThread.Store.Tests;

/// <summary>
/// The migration was made provider-neutral by hand (docs/web.md), so these check it against the model: migrating a fresh
/// database must give the same tables, columns, types and nullability as EF creating the schema straight from the model.
/// </summary>
public sealed class StoreSchemaTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrate_FreshDatabase_SameSchemaAsModel(StoreProvider provider)
    {
        var migrated = await TestDatabase.CreateAsync(provider);
        await using var _ = migrated;
        var created = await TestDatabase.CreateAsync(provider);
        await using var __ = created;

        await StoreMigrator.MigrateAsync(migrated.Connection);
        await using (var c = created.Connection.CreateContext())
        {
            await c.Database.EnsureCreatedAsync();
        }

        var expected = await ColumnsAsync(created.Connection);
        var actual = await ColumnsAsync(migrated.Connection);
        Assert.Equal(expected, actual);
        Assert.Contains("commentary.CreatedUtc", string.Join("\n", actual));
    }

    private static async Task<List<string>> ColumnsAsync(StoreConnection connection)
    {
        await using var db = connection.CreateContext();
        var sql = connection.Provider == StoreProvider.Sqlite
            ? """
              SELECT m.name || '.' || p.name || ' ' || p.type || ' ' || p."notnull" || ' ' || p.pk AS "Value"
              FROM sqlite_master m JOIN pragma_table_info(m.name) p
              WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '__EFMigrations%'
              """
            : """
              SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || coalesce(character_maximum_length::text, '') || ' ' || is_nullable AS "Value"
              FROM information_schema.columns
              WHERE table_schema = 'public' AND table_name NOT LIKE '\_\_EFMigrations%'
              """;
        var columns = await db.Database.SqlQueryRaw<string>(sql).ToListAsync();
        columns.Sort(StringComparer.Ordinal);
        return columns;
    }
}
