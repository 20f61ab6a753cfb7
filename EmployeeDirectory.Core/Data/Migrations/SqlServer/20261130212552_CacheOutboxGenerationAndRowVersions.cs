using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmployeeDirectory.Core.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CacheOutboxGenerationAndRowVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "PresenceVersion",
                table: "Employees",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "ProfileVersion",
                table: "Employees",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "CacheGeneration",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    Generation = table.Column<long>(type: "bigint", nullable: false),
                    SeedingSinceMs = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CacheGeneration", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CacheIntents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CreatedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    Payload = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    SentAtMs = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CacheIntents", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "CacheGeneration",
                columns: new[] { "Id", "Generation", "SeedingSinceMs" },
                values: new object[] { 1, 1L, null });

            migrationBuilder.CreateIndex(
                name: "IX_CacheIntents_CreatedAtMs",
                table: "CacheIntents",
                column: "CreatedAtMs");

            migrationBuilder.CreateIndex(
                name: "IX_CacheIntents_SentAtMs",
                table: "CacheIntents",
                column: "SentAtMs");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CacheGeneration");

            migrationBuilder.DropTable(
                name: "CacheIntents");

            migrationBuilder.DropColumn(
                name: "PresenceVersion",
                table: "Employees");

            migrationBuilder.DropColumn(
                name: "ProfileVersion",
                table: "Employees");
        }
    }
}
