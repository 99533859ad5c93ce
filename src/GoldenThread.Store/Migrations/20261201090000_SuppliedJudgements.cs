// Written by hand in the provider-neutral form of the initial migration (no `type:` arguments, so each provider maps
// string to its own text type); its designer is the model snapshot with the four columns. StoreSchemaTests checks the
// migrated schema against the model on SQLite and PostgreSQL.
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GoldenThread.Store.Migrations
{
    /// <summary>Judgements supplied with a value (docs/formats.md#supplied-judgements): direction and RAG with their reasons.</summary>
    public partial class SuppliedJudgements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Direction",
                table: "measure_values",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DirectionReason",
                table: "measure_values",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Rag",
                table: "measure_values",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RagReason",
                table: "measure_values",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(name: "Direction", table: "measure_values");
            migrationBuilder.DropColumn(name: "DirectionReason", table: "measure_values");
            migrationBuilder.DropColumn(name: "Rag", table: "measure_values");
            migrationBuilder.DropColumn(name: "RagReason", table: "measure_values");
        }
    }
}
