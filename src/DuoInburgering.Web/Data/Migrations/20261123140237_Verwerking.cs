using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DuoInburgering.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Verwerking : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "afwijzing",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    import_id = table.Column<long>(type: "bigint", nullable: true),
                    bron = table.Column<string>(type: "text", nullable: false),
                    regel = table.Column<int>(type: "integer", nullable: true),
                    bericht_id = table.Column<string>(type: "text", nullable: true),
                    reden = table.Column<string>(type: "text", nullable: false),
                    inhoud = table.Column<string>(type: "text", nullable: false),
                    ontvangen_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_afwijzing", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "bericht",
                columns: table => new
                {
                    bericht_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    bron = table.Column<string>(type: "text", nullable: false),
                    import_id = table.Column<long>(type: "bigint", nullable: true),
                    ontvangen_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bericht", x => x.bericht_id);
                });

            migrationBuilder.CreateTable(
                name: "brp_feit",
                columns: table => new
                {
                    bsn = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    gemeente = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    adres_is_coa_locatie = table.Column<bool>(type: "boolean", nullable: false),
                    datum_vestiging = table.Column<DateOnly>(type: "date", nullable: true),
                    datum_vertrek_buitenland = table.Column<DateOnly>(type: "date", nullable: true),
                    datum_overlijden = table.Column<DateOnly>(type: "date", nullable: true),
                    bericht_id = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_brp_feit", x => x.bsn);
                });

            migrationBuilder.CreateTable(
                name: "coa_feit",
                columns: table => new
                {
                    bsn = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    locatie = table.Column<string>(type: "text", nullable: true),
                    gekoppelde_gemeente = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    datum_gekoppeld = table.Column<DateOnly>(type: "date", nullable: true),
                    datum_uitstroom = table.Column<DateOnly>(type: "date", nullable: true),
                    bericht_id = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_coa_feit", x => x.bsn);
                });

            migrationBuilder.CreateTable(
                name: "import_run",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    bron = table.Column<string>(type: "text", nullable: false),
                    bestandsnaam = table.Column<string>(type: "text", nullable: false),
                    sha256 = table.Column<string>(type: "text", nullable: false),
                    gestart_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    voltooid_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    aantal_rijen = table.Column<int>(type: "integer", nullable: false),
                    aantal_verwerkt = table.Column<int>(type: "integer", nullable: false),
                    aantal_afgewezen = table.Column<int>(type: "integer", nullable: false),
                    aantal_dubbel = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_import_run", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pauze",
                columns: table => new
                {
                    regime = table.Column<string>(type: "text", nullable: false),
                    doelgroep = table.Column<string>(type: "text", nullable: false),
                    sinds = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    door = table.Column<string>(type: "text", nullable: false),
                    reden = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pauze", x => new { x.regime, x.doelgroep });
                });

            migrationBuilder.CreateTable(
                name: "pauze_historie",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    regime = table.Column<string>(type: "text", nullable: false),
                    doelgroep = table.Column<string>(type: "text", nullable: false),
                    actie = table.Column<string>(type: "text", nullable: false),
                    op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    door = table.Column<string>(type: "text", nullable: false),
                    reden = table.Column<string>(type: "text", nullable: false),
                    aantal_verwerkt = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pauze_historie", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "persoon",
                columns: table => new
                {
                    bsn = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    vnummer = table.Column<string>(type: "text", nullable: true),
                    naam = table.Column<string>(type: "text", nullable: false),
                    geboortedatum = table.Column<DateOnly>(type: "date", nullable: false),
                    nationaliteit = table.Column<string>(type: "text", nullable: false),
                    verblijfsdoel = table.Column<string>(type: "text", nullable: false),
                    datum_ingang_verblijfsrecht = table.Column<DateOnly>(type: "date", nullable: true),
                    datum_beschikking = table.Column<DateOnly>(type: "date", nullable: true),
                    datum_bekendmaking_beschikking = table.Column<DateOnly>(type: "date", nullable: true),
                    datum_uitreiking_document = table.Column<DateOnly>(type: "date", nullable: true),
                    datum_kennisgeving = table.Column<DateOnly>(type: "date", nullable: true),
                    datum_intrekking = table.Column<DateOnly>(type: "date", nullable: true),
                    uitkomst = table.Column<string>(type: "text", nullable: false),
                    doelgroep = table.Column<string>(type: "text", nullable: true),
                    peildatum = table.Column<DateOnly>(type: "date", nullable: true),
                    startdatum = table.Column<DateOnly>(type: "date", nullable: true),
                    rule_set_versie = table.Column<string>(type: "text", nullable: false),
                    reden = table.Column<string>(type: "text", nullable: false),
                    gemeente_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    koppeling_reden = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    pub_uitkomst = table.Column<string>(type: "text", nullable: true),
                    pub_doelgroep = table.Column<string>(type: "text", nullable: true),
                    pub_startdatum = table.Column<DateOnly>(type: "date", nullable: true),
                    pub_gemeente_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    pub_verblijft_in_coa = table.Column<bool>(type: "boolean", nullable: false),
                    pub_vertrokken = table.Column<bool>(type: "boolean", nullable: false),
                    aanvang_gemeld = table.Column<bool>(type: "boolean", nullable: false),
                    termijn_leerroute_start = table.Column<DateOnly>(type: "date", nullable: true),
                    ss126_verzonden = table.Column<bool>(type: "boolean", nullable: false),
                    ss127_verzonden = table.Column<bool>(type: "boolean", nullable: false),
                    ss128_verzonden = table.Column<bool>(type: "boolean", nullable: false),
                    eind_reden = table.Column<string>(type: "text", nullable: true),
                    geparkeerd = table.Column<bool>(type: "boolean", nullable: false),
                    pip_gemeente_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    pip_dagtekening = table.Column<DateOnly>(type: "date", nullable: true),
                    pip_leerroute = table.Column<string>(type: "text", nullable: true),
                    pip_niveau = table.Column<string>(type: "text", nullable: true),
                    vorige_pip_gemeente_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    vorige_pip_dagtekening = table.Column<DateOnly>(type: "date", nullable: true),
                    datum_inburgeringsaanbod = table.Column<DateOnly>(type: "date", nullable: true),
                    bijgewerkt_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_persoon", x => x.bsn);
                });

            migrationBuilder.CreateTable(
                name: "signaal",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    bsn = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    code = table.Column<string>(type: "text", nullable: false),
                    gemeente_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    regime = table.Column<string>(type: "text", nullable: false),
                    datum = table.Column<DateOnly>(type: "date", nullable: false),
                    toelichting = table.Column<string>(type: "text", nullable: false),
                    aangemaakt_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    afgehandeld_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    afgehandeld_door = table.Column<string>(type: "text", nullable: true),
                    ingetrokken_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_signaal", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_afwijzing_import_id",
                table: "afwijzing",
                column: "import_id");

            migrationBuilder.CreateIndex(
                name: "IX_persoon_gemeente_code",
                table: "persoon",
                column: "gemeente_code");

            migrationBuilder.CreateIndex(
                name: "IX_persoon_pub_gemeente_code",
                table: "persoon",
                column: "pub_gemeente_code");

            migrationBuilder.CreateIndex(
                name: "IX_persoon_status_uitkomst_doelgroep",
                table: "persoon",
                columns: new[] { "status", "uitkomst", "doelgroep" });

            migrationBuilder.CreateIndex(
                name: "IX_signaal_bsn",
                table: "signaal",
                column: "bsn");

            migrationBuilder.CreateIndex(
                name: "IX_signaal_gemeente_code_regime_aangemaakt_op",
                table: "signaal",
                columns: new[] { "gemeente_code", "regime", "aangemaakt_op" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "afwijzing");

            migrationBuilder.DropTable(
                name: "bericht");

            migrationBuilder.DropTable(
                name: "brp_feit");

            migrationBuilder.DropTable(
                name: "coa_feit");

            migrationBuilder.DropTable(
                name: "import_run");

            migrationBuilder.DropTable(
                name: "pauze");

            migrationBuilder.DropTable(
                name: "pauze_historie");

            migrationBuilder.DropTable(
                name: "persoon");

            migrationBuilder.DropTable(
                name: "signaal");
        }
    }
}
