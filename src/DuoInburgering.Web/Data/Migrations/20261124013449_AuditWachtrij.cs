using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DuoInburgering.Web.Data.Migrations
{
    /// <summary>
    /// <c>audit.wachtrij</c>: disclosures queued for the chain (see <c>Features/Audit/AuditWachtrij</c>). A row is one event
    /// about up to 10,000 persons: the event's columns, its canonical content before and after the data subject, and the
    /// persons' keyed hashes; checks refuse a row the chain could not take, so no bad row can block the queue. The
    /// portal's role and <c>pib_gemeente</c> may only insert. <c>audit.wachtrij_verwerken(p_max)</c>, owned by
    /// <c>pib_audit</c> and SECURITY DEFINER like <c>keten_kop</c>, takes the append lock, deletes up to p_max queued
    /// events and appends their rows in queue order, in one transaction. Run as the schema's owner (<see cref="AuditEigenaar"/>).
    /// </summary>
    public partial class AuditWachtrij : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AuditEigenaar.AlsEigenaar + @"
create function audit.sleutelhashes(p bytea[]) returns boolean
language sql immutable strict set search_path = pg_catalog as $f$
  select coalesce(bool_and(length(b) = 32), false) from unnest(p) b
$f$;

create table audit.wachtrij (
  volgnr bigint generated always as identity primary key,
  tijdstip timestamptz not null,
  soort text not null,
  verwerkingsactiviteit text not null,
  actor text not null,
  rol text,
  gemeente_code text,
  trace_id bytea not null,
  span_id bytea not null,
  gegevens json,
  kop bytea not null,
  staart bytea not null,
  betrokkenen bytea[] not null,
  constraint wachtrij_betrokkenen check (
    cardinality(betrokkenen) between 1 and 10000 and array_ndims(betrokkenen) = 1
    and array_position(betrokkenen, null) is null and audit.sleutelhashes(betrokkenen))
);

-- Row i of a queued disclosure has the content kop || length 32 || betrokkenen[i] || staart (KetenHash.Inhoud): the
-- event's fields before and after the data subject are the same for every person it names.
create function audit.wachtrij_verwerken(p_max int)
returns int
language plpgsql security definer set search_path = pg_catalog, pg_temp as $f$
declare
  v_rijen audit.wachtrij[];
  v audit.wachtrij;
  v_b bytea;
  v_id bigint;
  v_hash bytea;
  v_hashes bytea[];
  v_i int;
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
    select k.laatste_id, k.laatste_hash into v_id, v_hash from audit.keten_kop() k;
    v_hashes := '{}';
    v_i := 0;
    foreach v_b in array v.betrokkenen loop
      if length(v_b) <> 32 then
        raise exception 'audit.wachtrij: een betrokkene is geen HMAC-SHA256 (32 bytes)';
      end if;
      v_i := v_i + 1;
      v_hash := sha256(v_hash || int8send(v_id + v_i) || v.kop || '\x00000020'::bytea || v_b || v.staart);
      v_hashes[v_i] := v_hash;
    end loop;
    insert into audit.regel (id, tijdstip, soort, verwerkingsactiviteit, betrokkene, betrokkene_type, actor, rol, gemeente_code,
                             trace_id, span_id, gegevens, hash)
    select v_id + b.nr, v.tijdstip, v.soort, v.verwerkingsactiviteit, b.betrokkene, 'BSN', v.actor, v.rol, v.gemeente_code,
           v.trace_id, v.span_id, v.gegevens, v_hashes[b.nr::int]
    from unnest(v.betrokkenen) with ordinality as b(betrokkene, nr);
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
" + AuditEigenaar.Terug);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AuditEigenaar.AlsEigenaar + @"
drop function audit.wachtrij_verwerken(int);
drop table audit.wachtrij;
drop function audit.sleutelhashes(bytea[]);
" + AuditEigenaar.Terug);
        }
    }
}
