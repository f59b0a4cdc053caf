using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CooperaNet.Application.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WorkPlanTracking : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CopiedFromCode",
                table: "WorkPlans",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "EndDate",
                table: "WorkPlans",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<DateOnly>(
                name: "StartDate",
                table: "WorkPlans",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.CreateTable(
                name: "ActionComments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActionId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionComments_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ActionComments_WorkPlanActions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "WorkPlanActions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ActionProposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActionId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DecidedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionProposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionProposals_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ActionProposals_WorkPlanActions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "WorkPlanActions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkPlanIndicators",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Measure = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Baseline = table.Column<int>(type: "INTEGER", nullable: true),
                    Target = table.Column<int>(type: "INTEGER", nullable: false),
                    Name_En = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Name_Es = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Name_Fr = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Name_Pt = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkPlanIndicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkPlanIndicators_WorkPlanActions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "WorkPlanActions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorEvidence",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<int>(type: "INTEGER", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RecordedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorEvidence_AspNetUsers_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IndicatorEvidence_WorkPlanIndicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "WorkPlanIndicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ActionComments_ActionId_CreatedAt",
                table: "ActionComments",
                columns: new[] { "ActionId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ActionComments_AuthorId",
                table: "ActionComments",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_ActionProposals_ActionId_CreatedAt",
                table: "ActionProposals",
                columns: new[] { "ActionId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ActionProposals_AuthorId",
                table: "ActionProposals",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorEvidence_IndicatorId",
                table: "IndicatorEvidence",
                column: "IndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorEvidence_RecordedById",
                table: "IndicatorEvidence",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_WorkPlanIndicators_ActionId_Position",
                table: "WorkPlanIndicators",
                columns: new[] { "ActionId", "Position" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActionComments");

            migrationBuilder.DropTable(
                name: "ActionProposals");

            migrationBuilder.DropTable(
                name: "IndicatorEvidence");

            migrationBuilder.DropTable(
                name: "WorkPlanIndicators");

            migrationBuilder.DropColumn(
                name: "CopiedFromCode",
                table: "WorkPlans");

            migrationBuilder.DropColumn(
                name: "EndDate",
                table: "WorkPlans");

            migrationBuilder.DropColumn(
                name: "StartDate",
                table: "WorkPlans");
        }
    }
}
