using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CooperaNet.Application.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CatalogListingIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Entries_Status_Kind_PublishedAt",
                table: "Entries");

            migrationBuilder.CreateIndex(
                name: "IX_Entries_Listing",
                table: "Entries",
                columns: new[] { "Status", "Kind", "PublishedAt", "Id", "DeletedAt", "Modality", "StateCode" });

            migrationBuilder.CreateIndex(
                name: "IX_Entries_Lookup",
                table: "Entries",
                columns: new[] { "Id", "Status", "Kind", "DeletedAt", "Modality", "StateCode", "PublishedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Entries_Listing",
                table: "Entries");

            migrationBuilder.DropIndex(
                name: "IX_Entries_Lookup",
                table: "Entries");

            migrationBuilder.CreateIndex(
                name: "IX_Entries_Status_Kind_PublishedAt",
                table: "Entries",
                columns: new[] { "Status", "Kind", "PublishedAt" });
        }
    }
}
