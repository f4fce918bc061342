using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DuoInburgering.Web.Data.Migrations
{
    /// <summary>
    /// <c>audit.wachtrij</c>: disclosures queued for the chain (see <c>Features/Audit/AuditWachtrij</c>). A row is one call's
    /// arguments for <c>audit.toevoegen</c>, one array per column plus each row's canonical content; checks refuse a row
    /// the chain could not take, so no bad row can block the queue. The portal's role and <c>pib_gemeente</c> may only
    /// insert. <c>audit.wachtrij_verwerken(p_max)</c>, owned by <c>pib_audit</c> and SECURITY DEFINER like
    /// <c>keten_kop</c>, takes the append lock, deletes up to p_max queued calls and appends them in queue order, in one
    /// transaction. The migrating role joins <c>pib_audit</c> for the moment, as in AuditToevoegenOpServer.
    /// </summary>
    public partial class AuditWachtrij : Migration
    {
        private const string AlsEigenaar = @"
do $$
begin
  if not (select rolsuper from pg_roles where rolname = current_user)
     and not pg_has_role(current_user, 'pib_audit', 'member') then
    execute format('grant pib_audit to %I', current_user);
    perform set_config('pib.audit_lidmaatschap', 'tijdelijk', true);
  end if;
end $$;
set local role pib_audit;
";

        private const string Terug = @"
reset role;
do $$
begin
  if current_setting('pib.audit_lidmaatschap', true) = 'tijdelijk' then
    execute format('revoke pib_audit from %I', current_user);
    perform set_config('pib.audit_lidmaatschap', '', true);
  end if;
end $$;
";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AlsEigenaar + @"
create table audit.wachtrij (
  volgnr bigint generated always as identity primary key,
  tijdstip timestamptz[] not null,
  soort text[] not null,
  verwerkingsactiviteit text[] not null,
  betrokkene bytea[] not null,
  betrokkene_type text[] not null,
  actor text[] not null,
  rol text[] not null,
  gemeente_code text[] not null,
  trace_id bytea[] not null,
  span_id bytea[] not null,
  gegevens json[] not null,
  inhoud bytea[] not null,
  constraint wachtrij_even_lang check (
    cardinality(inhoud) between 1 and 10000
    and array_ndims(inhoud) = 1
    and cardinality(tijdstip) = cardinality(inhoud) and cardinality(soort) = cardinality(inhoud)
    and cardinality(verwerkingsactiviteit) = cardinality(inhoud) and cardinality(betrokkene) = cardinality(inhoud)
    and cardinality(betrokkene_type) = cardinality(inhoud) and cardinality(actor) = cardinality(inhoud)
    and cardinality(rol) = cardinality(inhoud) and cardinality(gemeente_code) = cardinality(inhoud)
    and cardinality(trace_id) = cardinality(inhoud) and cardinality(span_id) = cardinality(inhoud)
    and cardinality(gegevens) = cardinality(inhoud)),
  constraint wachtrij_verplicht check (
    array_position(tijdstip, null) is null and array_position(soort, null) is null
    and array_position(verwerkingsactiviteit, null) is null and array_position(actor, null) is null
    and array_position(trace_id, null) is null and array_position(span_id, null) is null
    and array_position(inhoud, null) is null)
);

create function audit.wachtrij_verwerken(p_max int)
returns int
language plpgsql security definer set search_path = pg_catalog, pg_temp as $f$
declare
  v_rijen audit.wachtrij[];
  v audit.wachtrij;
  v_n int := 0;
begin
  if not exists (select 1 from audit.wachtrij) then
    return 0;
  end if;
  -- The lock first: the delete below then sees every call committed before it, and two callers never take the same.
  perform 1 from audit.keten_kop();
  with weg as (
    delete from audit.wachtrij w
    where w.volgnr in (select q.volgnr from audit.wachtrij q order by q.volgnr limit greatest(p_max, 1))
    returning w)
  select array_agg(weg.w order by (weg.w).volgnr) into v_rijen from weg;
  foreach v in array coalesce(v_rijen, '{}') loop
    perform audit.toevoegen(v.tijdstip, v.soort, v.verwerkingsactiviteit, v.betrokkene, v.betrokkene_type, v.actor, v.rol,
                            v.gemeente_code, v.trace_id, v.span_id, v.gegevens, v.inhoud);
    v_n := v_n + 1;
  end loop;
  return v_n;
end $f$;

revoke all on function audit.wachtrij_verwerken(int) from public;
do $$
begin
  execute format('grant insert on audit.wachtrij to %I, pib_gemeente', session_user);
  execute format('grant execute on function audit.wachtrij_verwerken(int) to %I', session_user);
end $$;
" + Terug);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AlsEigenaar + @"
drop function audit.wachtrij_verwerken(int);
drop table audit.wachtrij;
" + Terug);
        }
    }
}
