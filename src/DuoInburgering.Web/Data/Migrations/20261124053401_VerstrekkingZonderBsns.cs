using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DuoInburgering.Web.Data.Migrations
{
    /// <summary>
    /// Table <c>verstrekking</c> goes: it held every disclosure's BSNs in plain text, kept forever, and no screen read it.
    /// A disclosure is recorded only in the pseudonymised audit log (one row per person under the keyed hash of the BSN,
    /// with its retention), which the auditor's screens and the breach report already read (<c>Security/Verstrekkingen</c>).
    /// The rows it held are dropped with it: every disclosure since migration AuditLogboek is in the audit log too (one
    /// recorded before that has no other record, and none is kept past its retention there). Down puts the table back as
    /// migration GemeenteAfscherming made it (empty), with its row-level security policy and its grants to <c>pib_gemeente</c>.
    /// </summary>
    public partial class VerstrekkingZonderBsns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Dropping the table would take its policy and grants with it; said explicitly, so the Down below mirrors it.
            migrationBuilder.Sql(@"
drop policy if exists verstrekking_gemeente on verstrekking;
revoke all on verstrekking from pib_gemeente;
");
            migrationBuilder.DropTable(
                name: "verstrekking");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "verstrekking",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    tijdstip = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    gebruiker_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    rol = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    gemeente_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    kanaal = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    omschrijving = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    bsns = table.Column<string[]>(type: "text[]", nullable: false),
                    trace_id = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_verstrekking", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_verstrekking_gemeente_code_tijdstip",
                table: "verstrekking",
                columns: new[] { "gemeente_code", "tijdstip" });

            // As GemeenteAfscherming: a municipal session inserts its own disclosures and sees none but by id.
            migrationBuilder.Sql(@"
grant select (id), insert on verstrekking to pib_gemeente;
alter table verstrekking enable row level security;
create policy verstrekking_gemeente on verstrekking for all to pib_gemeente
  using (gemeente_code = current_setting('pib.gemeente', true))
  with check (gemeente_code = current_setting('pib.gemeente', true));
");
        }
    }
}
