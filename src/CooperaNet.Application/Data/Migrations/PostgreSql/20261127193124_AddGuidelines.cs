using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CooperaNet.Application.Data.Migrations.PostgreSql
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Slug = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Purpose_En = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Purpose_Es = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Purpose_Fr = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Purpose_Pt = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Guidelines", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "GuidelineVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GuidelineId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ConsultationStartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ApprovalRecordedById = table.Column<Guid>(type: "uuid", nullable: true),
                    ApprovalRecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ApprovalRecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ApprovalMeeting = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    ApprovalMeetingDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ApprovalNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SupersededAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Body_En = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    Body_Es = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    Body_Fr = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    Body_Pt = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    Title_En = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Title_Es = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Title_Fr = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Title_Pt = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    VersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Section = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AddressedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AddressedById = table.Column<Guid>(type: "uuid", nullable: true),
                    WithdrawnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
