using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmployeeDirectory.Core.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PresenceBackAtAndHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PresenceUntil",
                table: "Employees",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PresenceHistory",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    EmployeeId = table.Column<int>(type: "int", nullable: false),
                    From = table.Column<int>(type: "int", nullable: false),
                    To = table.Column<int>(type: "int", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(140)", maxLength: 140, nullable: true),
                    Until = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    By = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: true),
                    Source = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PresenceHistory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PresenceHistory_Employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PresenceHistory_At",
                table: "PresenceHistory",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_PresenceHistory_EmployeeId_Id",
                table: "PresenceHistory",
                columns: new[] { "EmployeeId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PresenceHistory");

            migrationBuilder.DropColumn(
                name: "PresenceUntil",
                table: "Employees");
        }
    }
}
