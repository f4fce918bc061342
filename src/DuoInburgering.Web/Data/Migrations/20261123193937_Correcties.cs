using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DuoInburgering.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Correcties : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "correctie",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    versie = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    vorige_versie = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    regime = table.Column<string>(type: "text", nullable: true),
                    doelgroep = table.Column<string>(type: "text", nullable: true),
                    peildatum_van = table.Column<DateOnly>(type: "date", nullable: true),
                    peildatum_tot = table.Column<DateOnly>(type: "date", nullable: true),
                    gemeente_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    door = table.Column<string>(type: "text", nullable: false),
                    aangemaakt_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    lijst_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    personen = table.Column<int>(type: "integer", nullable: false),
                    verlaten_wi2021 = table.Column<int>(type: "integer", nullable: false),
                    herbepaald = table.Column<int>(type: "integer", nullable: false),
                    verwerkt = table.Column<int>(type: "integer", nullable: false),
                    ss190 = table.Column<int>(type: "integer", nullable: false),
                    signalen = table.Column<int>(type: "integer", nullable: false),
                    voltooid_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_correctie", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "regelset_actief",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    versie = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false, defaultValue: "2022-03"),
                    gewijzigd_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    gewijzigd_door = table.Column<string>(type: "text", nullable: true),
                    reden = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_regelset_actief", x => x.id);
                    table.CheckConstraint("CK_regelset_actief_een_rij", "id = 1");
                });

            migrationBuilder.CreateTable(
                name: "regelset_historie",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    versie = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    vorige_versie = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    door = table.Column<string>(type: "text", nullable: false),
                    reden = table.Column<string>(type: "text", nullable: false),
                    correctie_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_regelset_historie", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "correctie_persoon",
                columns: table => new
                {
                    correctie_id = table.Column<long>(type: "bigint", nullable: false),
                    bsn = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    actie = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    oude_uitkomst = table.Column<string>(type: "text", nullable: false),
                    nieuwe_uitkomst = table.Column<string>(type: "text", nullable: false),
                    oude_gemeente = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    nieuwe_gemeente = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    oude_reden = table.Column<string>(type: "text", nullable: false),
                    nieuwe_reden = table.Column<string>(type: "text", nullable: false),
                    oude_koppeling_reden = table.Column<string>(type: "text", nullable: false),
                    nieuwe_koppeling_reden = table.Column<string>(type: "text", nullable: false),
                    verwerkt_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_correctie_persoon", x => new { x.correctie_id, x.bsn });
                    table.ForeignKey(
                        name: "FK_correctie_persoon_correctie_correctie_id",
                        column: x => x.correctie_id,
                        principalTable: "correctie",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "regelset_actief",
                columns: new[] { "id", "gewijzigd_door", "gewijzigd_op", "reden", "versie" },
                values: new object[] { 1, null, null, null, "2022-03" });

            migrationBuilder.CreateIndex(
                name: "IX_correctie_bezig",
                table: "correctie",
                column: "status",
                filter: "status = 'Bezig'");

            migrationBuilder.CreateIndex(
                name: "IX_correctie_lijst_hash",
                table: "correctie",
                column: "lijst_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_correctie_persoon_bsn",
                table: "correctie_persoon",
                column: "bsn");

            // DUO-internal: the runs, their lists (who moved from which municipality) and the rule-set choice are
            // not for municipalities. Role pib_gemeente has no grant on them; said explicitly, so that a broad
            // grant added later has to undo this line in plain sight.
            migrationBuilder.Sql("revoke all on correctie, correctie_persoon, regelset_actief, regelset_historie from pib_gemeente;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "correctie_persoon");

            migrationBuilder.DropTable(
                name: "regelset_actief");

            migrationBuilder.DropTable(
                name: "regelset_historie");

            migrationBuilder.DropTable(
                name: "correctie");
        }
    }
}
