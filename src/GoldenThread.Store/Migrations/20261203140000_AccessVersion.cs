// Written by hand, provider-neutral as the earlier migrations were, with each provider's triggers. Who is asking,
// their roles and what is assigned to them are kept in memory by the web application under this counter, so that a
// request no longer reads the person, their roles and their assignments from the store; the counter moves, in the same
// transaction, with every change to those tables however it is made (the web application, the command line, another
// instance, plain SQL, a cascade), because triggers move it rather than the code that writes
// (docs/benchmarks.md, fifth round).
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GoldenThread.Store.Migrations
{
    /// <inheritdoc />
    public partial class AccessVersion : Migration
    {
        /// <summary>The tables whose every change moves the counter: people, their roles and their assignments.</summary>
        private static readonly string[] Watched = ["people", "memberships", "assignments"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "access_version",
                columns: table => new
                {
                    Id = table.Column<int>(nullable: false),
                    Version = table.Column<long>(nullable: false),
                },
                constraints: table => table.PrimaryKey("PK_access_version", x => x.Id));

            migrationBuilder.InsertData(table: "access_version", columns: ["Id", "Version"], values: new object[] { 1, 0L });
            if (migrationBuilder.ActiveProvider.Contains("Sqlite", StringComparison.Ordinal))
            {
                foreach (var table in Watched)
                {
                    foreach (var change in new[] { "INSERT", "UPDATE", "DELETE" })
                    {
                        migrationBuilder.Sql($"CREATE TRIGGER access_version_{table}_{change.ToLowerInvariant()} AFTER {change} ON {table} BEGIN UPDATE access_version SET \"Version\" = \"Version\" + 1; END;");
                    }
                }
            }
            else if (migrationBuilder.ActiveProvider.Contains("Npgsql", StringComparison.Ordinal))
            {
                migrationBuilder.Sql("CREATE FUNCTION access_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE access_version SET \"Version\" = \"Version\" + 1; RETURN NULL; END; $$;");
                foreach (var table in Watched)
                {
                    migrationBuilder.Sql($"CREATE TRIGGER access_version_{table} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} FOR EACH STATEMENT EXECUTE FUNCTION access_version_bump();");
                }
            }
            else
            {
                throw new NotSupportedException($"No access version triggers for {migrationBuilder.ActiveProvider}.");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Watched)
            {
                if (migrationBuilder.ActiveProvider.Contains("Npgsql", StringComparison.Ordinal))
                {
                    migrationBuilder.Sql($"DROP TRIGGER IF EXISTS access_version_{table} ON {table};");
                }
                else
                {
                    foreach (var change in new[] { "insert", "update", "delete" })
                    {
                        migrationBuilder.Sql($"DROP TRIGGER IF EXISTS access_version_{table}_{change};");
                    }
                }
            }

            if (migrationBuilder.ActiveProvider.Contains("Npgsql", StringComparison.Ordinal))
            {
                migrationBuilder.Sql("DROP FUNCTION IF EXISTS access_version_bump();");
            }

            migrationBuilder.DropTable(name: "access_version");
        }
    }
}
