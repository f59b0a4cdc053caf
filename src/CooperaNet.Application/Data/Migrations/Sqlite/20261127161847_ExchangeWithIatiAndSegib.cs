using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CooperaNet.Application.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ExchangeWithIatiAndSegib : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Sdgs",
                table: "Initiatives",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Sectors",
                table: "Initiatives",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<decimal>(
                name: "BudgetedCost",
                table: "InitiativeParticipants",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "ExecutedCost",
                table: "InitiativeParticipants",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ExternalActivities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IatiIdentifier = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false),
                    ReportingOrgRef = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false),
                    ReportingOrgName = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Countries = table.Column<string>(type: "TEXT", nullable: false),
                    Sectors = table.Column<string>(type: "TEXT", nullable: false),
                    Sdgs = table.Column<string>(type: "TEXT", nullable: false),
                    SourceUpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ImportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExternalActivities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ExternalActivityTexts",
                columns: table => new
                {
                    ActivityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExternalActivityTexts", x => new { x.ActivityId, x.Language });
                    table.ForeignKey(
                        name: "FK_ExternalActivityTexts_ExternalActivities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "ExternalActivities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExternalActivities_IatiIdentifier",
                table: "ExternalActivities",
                column: "IatiIdentifier",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExternalActivityTexts");

            migrationBuilder.DropTable(
                name: "ExternalActivities");

            migrationBuilder.DropColumn(
                name: "Sdgs",
                table: "Initiatives");

            migrationBuilder.DropColumn(
                name: "Sectors",
                table: "Initiatives");

            migrationBuilder.DropColumn(
                name: "BudgetedCost",
                table: "InitiativeParticipants");

            migrationBuilder.DropColumn(
                name: "ExecutedCost",
                table: "InitiativeParticipants");
        }
    }
}
