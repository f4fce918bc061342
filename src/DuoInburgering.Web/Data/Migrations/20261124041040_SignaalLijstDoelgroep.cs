using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DuoInburgering.Web.Data.Migrations
{
    /// <summary>
    /// The list's indexes by date, code and BSN also carry the doelgroep the list shows, so they cover every column it
    /// reads: a download of 100,000 signals in the list's order is one walk of the date index, no longer a scan of the
    /// doelgroep index and a sort of all its rows.
    /// </summary>
    public partial class SignaalLijstDoelgroep : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_signaal_lijst_bsn",
                table: "signaal");

            migrationBuilder.DropIndex(
                name: "IX_signaal_lijst_code",
                table: "signaal");

            migrationBuilder.DropIndex(
                name: "IX_signaal_lijst_datum",
                table: "signaal");

            migrationBuilder.CreateIndex(
                name: "IX_signaal_lijst_bsn",
                table: "signaal",
                columns: new[] { "gemeente_code", "regime", "bsn", "datum", "id" },
                filter: "ingetrokken_op IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "code", "doelgroep", "afgehandeld_op" });

            migrationBuilder.CreateIndex(
                name: "IX_signaal_lijst_code",
                table: "signaal",
                columns: new[] { "gemeente_code", "regime", "code", "datum", "id" },
                filter: "ingetrokken_op IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "bsn", "doelgroep", "afgehandeld_op" });

            migrationBuilder.CreateIndex(
                name: "IX_signaal_lijst_datum",
                table: "signaal",
                columns: new[] { "gemeente_code", "regime", "datum", "id" },
                filter: "ingetrokken_op IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "bsn", "code", "doelgroep", "afgehandeld_op" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_signaal_lijst_bsn",
                table: "signaal");

            migrationBuilder.DropIndex(
                name: "IX_signaal_lijst_code",
                table: "signaal");

            migrationBuilder.DropIndex(
                name: "IX_signaal_lijst_datum",
                table: "signaal");

            migrationBuilder.CreateIndex(
                name: "IX_signaal_lijst_bsn",
                table: "signaal",
                columns: new[] { "gemeente_code", "regime", "bsn", "datum", "id" },
                filter: "ingetrokken_op IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "code", "afgehandeld_op" });

            migrationBuilder.CreateIndex(
                name: "IX_signaal_lijst_code",
                table: "signaal",
                columns: new[] { "gemeente_code", "regime", "code", "datum", "id" },
                filter: "ingetrokken_op IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "bsn", "afgehandeld_op" });

            migrationBuilder.CreateIndex(
                name: "IX_signaal_lijst_datum",
                table: "signaal",
                columns: new[] { "gemeente_code", "regime", "datum", "id" },
                filter: "ingetrokken_op IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "bsn", "code", "afgehandeld_op" });
        }
    }
}
