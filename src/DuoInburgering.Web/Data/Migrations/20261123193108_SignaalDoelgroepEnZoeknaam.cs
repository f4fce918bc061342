using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DuoInburgering.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SignaalDoelgroepEnZoeknaam : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_persoon_pub_gemeente_code",
                table: "persoon");

            migrationBuilder.AddColumn<string>(
                name: "doelgroep",
                table: "signaal",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "zoeknaam",
                table: "persoon",
                type: "text",
                nullable: true,
                computedColumnSql: "lower(naam)",
                stored: true);

            // Signals made before this column get their person's published doelgroep; SS190 carries the BSN only.
            migrationBuilder.Sql("update signaal s set doelgroep = p.pub_doelgroep from persoon p where p.bsn = s.bsn and s.code <> 'SS190';");

            migrationBuilder.CreateIndex(
                name: "IX_signaal_lijst_doelgroep",
                table: "signaal",
                columns: new[] { "gemeente_code", "regime", "doelgroep", "datum", "id" },
                filter: "ingetrokken_op IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "bsn", "code", "afgehandeld_op" });

            migrationBuilder.CreateIndex(
                name: "IX_persoon_pub_gemeente_code",
                table: "persoon",
                column: "pub_gemeente_code")
                .Annotation("Npgsql:IndexInclude", new[] { "bsn", "naam", "zoeknaam", "geparkeerd", "pub_uitkomst", "pip_gemeente_code", "vorige_pip_gemeente_code", "pip_dagtekening" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_signaal_lijst_doelgroep",
                table: "signaal");

            migrationBuilder.DropIndex(
                name: "IX_persoon_pub_gemeente_code",
                table: "persoon");

            migrationBuilder.DropColumn(
                name: "zoeknaam",
                table: "persoon");

            migrationBuilder.DropColumn(
                name: "doelgroep",
                table: "signaal");

            migrationBuilder.CreateIndex(
                name: "IX_persoon_pub_gemeente_code",
                table: "persoon",
                column: "pub_gemeente_code")
                .Annotation("Npgsql:IndexInclude", new[] { "bsn", "naam", "pub_doelgroep", "pip_gemeente_code", "vorige_pip_gemeente_code", "pip_dagtekening" });
        }
    }
}
