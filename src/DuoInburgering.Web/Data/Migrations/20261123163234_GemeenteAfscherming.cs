using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DuoInburgering.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class GemeenteAfscherming : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
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

            // Row-level security: municipal operations run as role pib_gemeente (GemeenteSessie), keyed
            // on set_config('pib.gemeente') and ('pib.vandaag'); without them a query sees nothing. The
            // persoon policy is the access rule of GemeenteToegang / Zichtbaarheid.MagZien, in SQL.
            // The owning role (processing, DUO, migrations) is not subject to these policies.
            migrationBuilder.Sql(@"
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'pib_gemeente') then
    create role pib_gemeente nologin;
  end if;
  if not pg_has_role(current_user, 'pib_gemeente', 'member') then
    execute format('grant pib_gemeente to %I', current_user);
  end if;
end $$;

grant usage on schema public to pib_gemeente;
grant select on gemeente, persoon, signaal to pib_gemeente;
grant update (afgehandeld_op, afgehandeld_door) on signaal to pib_gemeente;
grant select (id), insert on verstrekking to pib_gemeente;

alter table persoon enable row level security;
alter table signaal enable row level security;
alter table verstrekking enable row level security;

create policy persoon_gemeente on persoon for select to pib_gemeente using (
  pub_gemeente_code = current_setting('pib.gemeente', true)
  or pip_gemeente_code = current_setting('pib.gemeente', true)
  or (vorige_pip_gemeente_code = current_setting('pib.gemeente', true)
      and nullif(current_setting('pib.vandaag', true), '')::date < pip_dagtekening + interval '1 month'));

create policy signaal_gemeente on signaal for select to pib_gemeente using (
  gemeente_code = current_setting('pib.gemeente', true) and ingetrokken_op is null);
create policy signaal_gemeente_afhandelen on signaal for update to pib_gemeente
  using (gemeente_code = current_setting('pib.gemeente', true) and ingetrokken_op is null)
  with check (gemeente_code = current_setting('pib.gemeente', true) and ingetrokken_op is null);

create policy verstrekking_gemeente on verstrekking for all to pib_gemeente
  using (gemeente_code = current_setting('pib.gemeente', true))
  with check (gemeente_code = current_setting('pib.gemeente', true));
");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"
drop policy if exists persoon_gemeente on persoon;
drop policy if exists signaal_gemeente on signaal;
drop policy if exists signaal_gemeente_afhandelen on signaal;
alter table persoon disable row level security;
alter table signaal disable row level security;
revoke all on gemeente, persoon, signaal from pib_gemeente;
");
            migrationBuilder.DropTable(
                name: "verstrekking");
        }
    }
}
