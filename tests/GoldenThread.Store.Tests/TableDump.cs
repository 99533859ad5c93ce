using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace GoldenThread.Store.Tests;

/// <summary>
/// Every table of a store as the database lists it (not as the model names it, so that tables added by later migrations
/// are compared too), every row ordered by primary key, every column read as text.
/// </summary>
internal static class TableDump
{
    /// <summary>Table name to its rows; each row is its columns' text joined, "NULL" for a null.</summary>
    public static async Task<SortedDictionary<string, List<string>>> ReadAsync(StoreConnection connection)
    {
        await using var db = connection.CreateContext();
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        var sqlite = connection.Provider == StoreProvider.Sqlite;
        var tables = await ColumnAsync(conn, sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'");

        var dump = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            var name = Quote(table);
            var columns = await ColumnAsync(conn, sqlite
                ? $"SELECT name FROM pragma_table_info('{table}') ORDER BY cid"
                : $"SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '{table}' ORDER BY ordinal_position");
            var key = await ColumnAsync(conn, sqlite
                ? $"SELECT name FROM pragma_table_info('{table}') WHERE pk > 0 ORDER BY pk"
                : $"""
                   SELECT k.column_name FROM information_schema.table_constraints c
                   JOIN information_schema.key_column_usage k ON k.constraint_schema = c.constraint_schema AND k.constraint_name = c.constraint_name
                   WHERE c.constraint_type = 'PRIMARY KEY' AND c.table_schema = 'public' AND c.table_name = '{table}'
                   ORDER BY k.ordinal_position
                   """);
            Assert.True(key.Count > 0, $"{table} has no primary key to order its rows by");

            // quote() gives SQLite's exact literal of any value (X'..' for a blob); ::text PostgreSQL's own text of any type.
            var text = columns.Select(c => sqlite ? $"quote({Quote(c)})" : $"{Quote(c)}::text");
            var sql = $"SELECT {string.Join(", ", text)} FROM {name} ORDER BY {string.Join(", ", key.Select(Quote))}";
            dump[table] = await RowsAsync(conn, sql, columns);
        }

        return dump;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task<List<string>> ColumnAsync(DbConnection conn, string sql)
    {
        await using var command = conn.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static async Task<List<string>> RowsAsync(DbConnection conn, string sql, IReadOnlyList<string> columns)
    {
        await using var command = conn.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            var fields = Enumerable.Range(0, reader.FieldCount).Select(i => columns[i] + "=" + (reader.IsDBNull(i) ? "NULL" : reader.GetString(i)));
            rows.Add(string.Join(" | ", fields));
        }

        return rows;
    }
}
