using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DuoInburgering.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SignalenLijst : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_persoon_pub_gemeente_code",
                table: "persoon");

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

            migrationBuilder.CreateIndex(
                name: "IX_persoon_pip_gemeente_code",
                table: "persoon",
                column: "pip_gemeente_code",
                filter: "pip_gemeente_code IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_persoon_pub_gemeente_code",
                table: "persoon",
                column: "pub_gemeente_code")
                .Annotation("Npgsql:IndexInclude", new[] { "bsn", "naam", "pub_doelgroep", "pip_gemeente_code", "vorige_pip_gemeente_code", "pip_dagtekening" });

            migrationBuilder.CreateIndex(
                name: "IX_persoon_vorige_pip_gemeente_code",
                table: "persoon",
                column: "vorige_pip_gemeente_code",
                filter: "vorige_pip_gemeente_code IS NOT NULL");
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

            migrationBuilder.DropIndex(
                name: "IX_persoon_pip_gemeente_code",
                table: "persoon");

            migrationBuilder.DropIndex(
                name: "IX_persoon_pub_gemeente_code",
                table: "persoon");

            migrationBuilder.DropIndex(
                name: "IX_persoon_vorige_pip_gemeente_code",
                table: "persoon");

            migrationBuilder.CreateIndex(
                name: "IX_persoon_pub_gemeente_code",
                table: "persoon",
                column: "pub_gemeente_code");
        }
    }
}
