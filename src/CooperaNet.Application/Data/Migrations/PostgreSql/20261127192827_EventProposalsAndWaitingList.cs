using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CooperaNet.Application.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class EventProposalsAndWaitingList : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ProposedById",
                table: "Events",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PromotedAt",
                table: "EventRegistrations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Waiting",
                table: "EventRegistrations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_Events_ProposedById",
                table: "Events",
                column: "ProposedById");

            migrationBuilder.CreateIndex(
                name: "IX_EventRegistrations_EventId_Waiting_RegisteredAt",
                table: "EventRegistrations",
                columns: new[] { "EventId", "Waiting", "RegisteredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Events_ProposedById",
                table: "Events");

            migrationBuilder.DropIndex(
                name: "IX_EventRegistrations_EventId_Waiting_RegisteredAt",
                table: "EventRegistrations");

            migrationBuilder.DropColumn(
                name: "ProposedById",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "PromotedAt",
                table: "EventRegistrations");

            migrationBuilder.DropColumn(
                name: "Waiting",
                table: "EventRegistrations");
        }
    }
}
