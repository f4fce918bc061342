using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DuoInburgering.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class MisplaatsingEnPersoonscorrectie : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "pub_koppeling_bron",
                table: "persoon",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "pub_koppeling_datum",
                table: "persoon",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "misplaatsing",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    bsn = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    oude_gemeente = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    nieuwe_gemeente = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    oorzaak = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    regime = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    uitleg = table.Column<string>(type: "text", nullable: false),
                    vastgesteld_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    bericht_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    import_id = table.Column<long>(type: "bigint", nullable: true),
                    persoonscorrectie_id = table.Column<long>(type: "bigint", nullable: true),
                    ingetrokken_signalen = table.Column<int>(type: "integer", nullable: false),
                    eerste_signaal_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_misplaatsing", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "persoonscorrectie",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    bsn = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    reden = table.Column<string>(type: "text", nullable: false),
                    voorgesteld_door = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    voorgesteld_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    feiten_voor = table.Column<string>(type: "jsonb", nullable: false),
                    feiten_na = table.Column<string>(type: "jsonb", nullable: false),
                    oude_uitkomst = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    nieuwe_uitkomst = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    oude_reden = table.Column<string>(type: "text", nullable: false),
                    nieuwe_reden = table.Column<string>(type: "text", nullable: false),
                    oude_gemeente = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    nieuwe_gemeente = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    oude_koppeling_reden = table.Column<string>(type: "text", nullable: false),
                    nieuwe_koppeling_reden = table.Column<string>(type: "text", nullable: false),
                    gemeentewissel = table.Column<string>(type: "text", nullable: true),
                    verlaat_wi2021 = table.Column<bool>(type: "boolean", nullable: false),
                    besloten_door = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    besloten_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    afwijzingsreden = table.Column<string>(type: "text", nullable: true),
                    aantal_signalen = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_persoonscorrectie", x => x.id);
                    table.CheckConstraint("CK_persoonscorrectie_afwijzingsreden", "status <> 'Afgewezen' or length(btrim(coalesce(afwijzingsreden, ''))) > 0");
                    table.CheckConstraint("CK_persoonscorrectie_besluit", "(status = 'Open' and besloten_door is null and besloten_op is null) or (status in ('Goedgekeurd', 'Afgewezen') and besloten_door is not null and besloten_op is not null)");
                    table.CheckConstraint("CK_persoonscorrectie_reden", "length(btrim(reden)) > 0");
                    table.CheckConstraint("CK_persoonscorrectie_vier_ogen", "besloten_door is null or besloten_door <> voorgesteld_door");
                });

            migrationBuilder.CreateIndex(
                name: "IX_misplaatsing_bsn",
                table: "misplaatsing",
                column: "bsn");

            migrationBuilder.CreateIndex(
                name: "IX_misplaatsing_oude_gemeente_vastgesteld_op",
                table: "misplaatsing",
                columns: new[] { "oude_gemeente", "vastgesteld_op" });

            migrationBuilder.CreateIndex(
                name: "IX_persoonscorrectie_open",
                table: "persoonscorrectie",
                column: "bsn",
                unique: true,
                filter: "status = 'Open'");

            migrationBuilder.CreateIndex(
                name: "IX_persoonscorrectie_voorgesteld_op",
                table: "persoonscorrectie",
                column: "voorgesteld_op");

            // The fact behind each published municipality, for persons published before this migration, by the
            // linking rule (Koppelingsregel): at a COA location COA's link and its date, else the BRP registration.
            // A later COA or BRP fact with the same date and another municipality is then a correction.
            migrationBuilder.Sql(@"
with g as (
  select q.bsn,
         coalesce(c.gekoppelde_gemeente = q.pub_gemeente_code
                  and ((nullif(btrim(c.locatie), '') is not null and c.datum_uitstroom is null) or coalesce(r.adres_is_coa_locatie, false)),
                  false) as via_coa,
         coalesce(r.gemeente = q.pub_gemeente_code, false) as via_brp,
         c.datum_gekoppeld, r.datum_vestiging
  from persoon q
  left join coa_feit c on c.bsn = q.bsn
  left join brp_feit r on r.bsn = q.bsn
  where q.pub_gemeente_code is not null)
update persoon p
set pub_koppeling_bron = case when g.via_coa then 'Coa' else 'Brp' end,
    pub_koppeling_datum = case when g.via_coa then g.datum_gekoppeld else g.datum_vestiging end
from g
where g.bsn = p.bsn and (g.via_coa or g.via_brp);
");

            // A proposal is decided once: after approval or rejection the row no longer changes and is never
            // deleted (rejected proposals keep their reason). The code decides only open proposals; this holds
            // it for any other writer too.
            migrationBuilder.Sql(@"
create function persoonscorrectie_eenmaal_besloten() returns trigger language plpgsql as $$
begin
  if old.status <> 'Open' then
    raise exception 'Persoonscorrectie % is al besloten (%) en verandert niet meer.', old.id, old.status
      using errcode = 'check_violation';
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  return new;
end $$;

create trigger persoonscorrectie_eenmaal_besloten before update or delete on persoonscorrectie
  for each row execute function persoonscorrectie_eenmaal_besloten();
");

            // DUO-internal: municipalities (role pib_gemeente, migration GemeenteAfscherming) read neither the
            // proposals nor the breach episodes. No grant is the default; stated so a later blanket grant stands out.
            migrationBuilder.Sql(@"
do $$
begin
  if exists (select 1 from pg_roles where rolname = 'pib_gemeente') then
    revoke all on misplaatsing, persoonscorrectie from pib_gemeente;
  end if;
end $$;
");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"
drop trigger if exists persoonscorrectie_eenmaal_besloten on persoonscorrectie;
drop function if exists persoonscorrectie_eenmaal_besloten();
");

            migrationBuilder.DropTable(
                name: "misplaatsing");

            migrationBuilder.DropTable(
                name: "persoonscorrectie");

            migrationBuilder.DropColumn(
                name: "pub_koppeling_bron",
                table: "persoon");

            migrationBuilder.DropColumn(
                name: "pub_koppeling_datum",
                table: "persoon");
        }
    }
}
