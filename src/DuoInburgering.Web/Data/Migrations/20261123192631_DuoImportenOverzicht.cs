using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DuoInburgering.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class DuoImportenOverzicht : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_bericht_los",
                table: "bericht",
                columns: new[] { "bron", "ontvangen_op" },
                filter: "import_id IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_afwijzing_los",
                table: "afwijzing",
                columns: new[] { "bron", "ontvangen_op" },
                filter: "import_id IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_bericht_los",
                table: "bericht");

            migrationBuilder.DropIndex(
                name: "IX_afwijzing_los",
                table: "afwijzing");
        }
    }
}
