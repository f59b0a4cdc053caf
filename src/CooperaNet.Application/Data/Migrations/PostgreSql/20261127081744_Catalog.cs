using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CooperaNet.Application.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Catalog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    StateCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Description = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    Modality = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    WorkingLanguages = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OpenTo = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Institution = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContactName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContactEmail = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CostSharing = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReturnComment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastChangedBySecretariat = table.Column<bool>(type: "boolean", nullable: false),
                    DeletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Entries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Entries_MemberStates_StateCode",
                        column: x => x.StateCode,
                        principalTable: "MemberStates",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EntrySdgs",
                columns: table => new
                {
                    EntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EntrySdgs", x => new { x.EntryId, x.Code });
                    table.ForeignKey(
                        name: "FK_EntrySdgs_Entries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "Entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EntrySearchTerms",
                columns: table => new
                {
                    EntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Term = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EntrySearchTerms", x => new { x.Term, x.EntryId });
                    table.ForeignKey(
                        name: "FK_EntrySearchTerms_Entries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "Entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EntrySectors",
                columns: table => new
                {
                    EntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    SectorCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EntrySectors", x => new { x.EntryId, x.SectorCode });
                    table.ForeignKey(
                        name: "FK_EntrySectors_Entries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "Entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EntrySectors_Sectors_SectorCode",
                        column: x => x.SectorCode,
                        principalTable: "Sectors",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EntryTranslations",
                columns: table => new
                {
                    EntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Description = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EntryTranslations", x => new { x.EntryId, x.Language });
                    table.ForeignKey(
                        name: "FK_EntryTranslations_Entries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "Entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Entries_StateCode_Status",
                table: "Entries",
                columns: new[] { "StateCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Entries_Status_Kind_PublishedAt",
                table: "Entries",
                columns: new[] { "Status", "Kind", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EntrySdgs_Code_EntryId",
                table: "EntrySdgs",
                columns: new[] { "Code", "EntryId" });

            migrationBuilder.CreateIndex(
                name: "IX_EntrySearchTerms_EntryId",
                table: "EntrySearchTerms",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_EntrySectors_SectorCode_EntryId",
                table: "EntrySectors",
                columns: new[] { "SectorCode", "EntryId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EntrySdgs");

            migrationBuilder.DropTable(
                name: "EntrySearchTerms");

            migrationBuilder.DropTable(
                name: "EntrySectors");

            migrationBuilder.DropTable(
                name: "EntryTranslations");

            migrationBuilder.DropTable(
                name: "Entries");
        }
    }
}
