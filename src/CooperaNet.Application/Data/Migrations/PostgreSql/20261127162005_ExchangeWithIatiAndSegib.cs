using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CooperaNet.Application.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ExchangeWithIatiAndSegib : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<string>>(
                name: "Sdgs",
                table: "Initiatives",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]");

            migrationBuilder.AddColumn<List<string>>(
                name: "Sectors",
                table: "Initiatives",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]");

            migrationBuilder.AddColumn<decimal>(
                name: "BudgetedCost",
                table: "InitiativeParticipants",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "ExecutedCost",
                table: "InitiativeParticipants",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ExternalActivities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IatiIdentifier = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    ReportingOrgRef = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    ReportingOrgName = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Status = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Countries = table.Column<List<string>>(type: "text[]", nullable: false),
                    Sectors = table.Column<List<string>>(type: "text[]", nullable: false),
                    Sdgs = table.Column<List<string>>(type: "text[]", nullable: false),
                    SourceUpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExternalActivities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ExternalActivityTexts",
                columns: table => new
                {
                    ActivityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Description = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false)
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
