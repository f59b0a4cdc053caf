using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CooperaNet.Application.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddGuidelines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Guidelines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Purpose_En = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Purpose_Es = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Purpose_Fr = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Purpose_Pt = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Guidelines", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "GuidelineVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GuidelineId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConsultationStartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ApprovalRecordedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    ApprovalRecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ApprovalRecordedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ApprovalMeeting = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ApprovalMeetingDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ApprovalNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SupersededAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Body_En = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Body_Es = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Body_Fr = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Body_Pt = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Title_En = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Title_Es = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Title_Fr = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Title_Pt = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuidelineVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GuidelineVersions_Guidelines_GuidelineId",
                        column: x => x.GuidelineId,
                        principalTable: "Guidelines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GuidelineComments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Section = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AddressedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AddressedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    WithdrawnAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuidelineComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GuidelineComments_GuidelineVersions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "GuidelineVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GuidelineComments_VersionId_CreatedAt",
                table: "GuidelineComments",
                columns: new[] { "VersionId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Guidelines_Slug",
                table: "Guidelines",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GuidelineVersions_GuidelineId_Number",
                table: "GuidelineVersions",
                columns: new[] { "GuidelineId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GuidelineComments");

            migrationBuilder.DropTable(
                name: "GuidelineVersions");

            migrationBuilder.DropTable(
                name: "Guidelines");
        }
    }
}
