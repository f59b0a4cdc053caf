using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CooperaNet.Application.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class AddCommunications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AudienceMessages",
                columns: table => new
                {
                    Audience = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedById = table.Column<Guid>(type: "uuid", nullable: true),
                    Description_En = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Description_Es = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Description_Fr = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Description_Pt = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Message_En = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Message_Es = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Message_Fr = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Message_Pt = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AudienceMessages", x => x.Audience);
                });

            migrationBuilder.CreateTable(
                name: "CommunicationChannels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Audiences = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunicationChannels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CommunicationPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Half = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunicationPlans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CommunicationContentPieces",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    InternalId = table.Column<Guid>(type: "uuid", nullable: true),
                    ExternalUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Audiences = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ChannelId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlannedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunicationContentPieces", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommunicationContentPieces_CommunicationChannels_ChannelId",
                        column: x => x.ChannelId,
                        principalTable: "CommunicationChannels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CommunicationContentPieces_CommunicationPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "CommunicationPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommunicationPlanItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    Audience = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ChannelId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlannedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Message_En = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Message_Es = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Message_Fr = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Message_Pt = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunicationPlanItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommunicationPlanItems_CommunicationChannels_ChannelId",
                        column: x => x.ChannelId,
                        principalTable: "CommunicationChannels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CommunicationPlanItems_CommunicationPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "CommunicationPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommunicationChannels_Name",
                table: "CommunicationChannels",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommunicationContentPieces_ChannelId",
                table: "CommunicationContentPieces",
                column: "ChannelId");

            migrationBuilder.CreateIndex(
                name: "IX_CommunicationContentPieces_PlanId_PlannedOn",
                table: "CommunicationContentPieces",
                columns: new[] { "PlanId", "PlannedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CommunicationPlanItems_ChannelId",
                table: "CommunicationPlanItems",
                column: "ChannelId");

            migrationBuilder.CreateIndex(
                name: "IX_CommunicationPlanItems_PlanId_PlannedOn",
                table: "CommunicationPlanItems",
                columns: new[] { "PlanId", "PlannedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CommunicationPlans_Year_Half",
                table: "CommunicationPlans",
                columns: new[] { "Year", "Half" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AudienceMessages");

            migrationBuilder.DropTable(
                name: "CommunicationContentPieces");

            migrationBuilder.DropTable(
                name: "CommunicationPlanItems");

            migrationBuilder.DropTable(
                name: "CommunicationChannels");

            migrationBuilder.DropTable(
                name: "CommunicationPlans");
        }
    }
}
