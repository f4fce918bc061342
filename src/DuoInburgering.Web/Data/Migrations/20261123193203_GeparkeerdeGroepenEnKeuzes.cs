using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DuoInburgering.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class GeparkeerdeGroepenEnKeuzes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "keuze_datum",
                table: "persoon",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "keuze_regime",
                table: "persoon",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "keuze_soort",
                table: "persoon",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "vrijgave_wacht",
                table: "persoon",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "vrijgegeven_op",
                table: "persoon",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "regime_keuze",
                columns: table => new
                {
                    bsn = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    regime = table.Column<string>(type: "text", nullable: false),
                    vorig_regime = table.Column<string>(type: "text", nullable: false),
                    datum = table.Column<DateOnly>(type: "date", nullable: false),
                    door = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reden = table.Column<string>(type: "text", nullable: false),
                    geregistreerd_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ss190 = table.Column<int>(type: "integer", nullable: false),
                    signalen = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_regime_keuze", x => x.bsn);
                });

            migrationBuilder.CreateTable(
                name: "vrijgave",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    uitkomst = table.Column<string>(type: "text", nullable: false),
                    doelgroep = table.Column<string>(type: "text", nullable: true),
                    blijft_wi2021 = table.Column<bool>(type: "boolean", nullable: false),
                    op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    door = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reden = table.Column<string>(type: "text", nullable: false),
                    aantal = table.Column<int>(type: "integer", nullable: false),
                    uitgesteld = table.Column<int>(type: "integer", nullable: false),
                    signalen = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vrijgave", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_persoon_geparkeerd",
                table: "persoon",
                columns: new[] { "uitkomst", "doelgroep", "bsn" },
                filter: "geparkeerd");

            migrationBuilder.CreateIndex(
                name: "IX_vrijgave_op",
                table: "vrijgave",
                column: "op");

            // DUO-internal: who released which group and who registered a person's choice, with the reason.
            // Municipalities (role pib_gemeente) get no grant; said explicitly so a later default grant is overruled here.
            migrationBuilder.Sql("revoke all on vrijgave, regime_keuze from pib_gemeente;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "regime_keuze");

            migrationBuilder.DropTable(
                name: "vrijgave");

            migrationBuilder.DropIndex(
                name: "IX_persoon_geparkeerd",
                table: "persoon");

            migrationBuilder.DropColumn(
                name: "keuze_datum",
                table: "persoon");

            migrationBuilder.DropColumn(
                name: "keuze_regime",
                table: "persoon");

            migrationBuilder.DropColumn(
                name: "keuze_soort",
                table: "persoon");

            migrationBuilder.DropColumn(
                name: "vrijgave_wacht",
                table: "persoon");

            migrationBuilder.DropColumn(
                name: "vrijgegeven_op",
                table: "persoon");
        }
    }
}
