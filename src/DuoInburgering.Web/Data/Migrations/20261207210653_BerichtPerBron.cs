using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DuoInburgering.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class BerichtPerBron : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_bericht",
                table: "bericht");

            migrationBuilder.AddPrimaryKey(
                name: "PK_bericht",
                table: "bericht",
                columns: new[] { "bron", "bericht_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_bericht",
                table: "bericht");

            migrationBuilder.AddPrimaryKey(
                name: "PK_bericht",
                table: "bericht",
                column: "bericht_id");
        }
    }
}
