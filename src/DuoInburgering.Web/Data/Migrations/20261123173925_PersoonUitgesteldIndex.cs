using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DuoInburgering.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PersoonUitgesteldIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_persoon_status_uitkomst_doelgroep",
                table: "persoon");

            migrationBuilder.CreateIndex(
                name: "IX_persoon_uitgesteld",
                table: "persoon",
                columns: new[] { "uitkomst", "doelgroep", "bsn" },
                filter: "status = 'Uitgesteld'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_persoon_uitgesteld",
                table: "persoon");

            migrationBuilder.CreateIndex(
                name: "IX_persoon_status_uitkomst_doelgroep",
                table: "persoon",
                columns: new[] { "status", "uitkomst", "doelgroep" });
        }
    }
}
