using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CooperaNet.Application.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CatalogStateListingIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Entries_StateCode_Status",
                table: "Entries");

            migrationBuilder.CreateIndex(
                name: "IX_Entries_StateListing",
                table: "Entries",
                columns: new[] { "StateCode", "Status", "Kind", "PublishedAt", "Id", "DeletedAt", "Modality" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Entries_StateListing",
                table: "Entries");

            migrationBuilder.CreateIndex(
                name: "IX_Entries_StateCode_Status",
                table: "Entries",
                columns: new[] { "StateCode", "Status" });
        }
    }
}
