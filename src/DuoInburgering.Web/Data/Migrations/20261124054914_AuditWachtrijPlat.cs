using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DuoInburgering.Web.Data.Migrations
{
    /// <summary>
    /// A queued disclosure's persons as one <c>bytea</c>, their 32-byte keyed hashes one after the other, instead of an
    /// array of them. Every list page writes such a row (issue 6: the record must add under 10% to the page), and the
    /// array cost it on both ends: an element header and a separate buffer per person in the portal, and on the server
    /// a PL/pgSQL check, called with its own search path, that walks the array. The length check is now plain
    /// arithmetic in the constraint (a whole number of hashes, 1 to 10,000 of them), which is all the chain needs: the
    /// mover cuts the value into 32-byte pieces. What is queued when this runs is moved into the chain first, under the
    /// table's lock, so the column changes type with nothing in it. Run as the schema's owner (<see cref="AuditEigenaar"/>).
    /// </summary>
    public partial class AuditWachtrijPlat : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AuditEigenaar.AlsEigenaar + @"
lock table audit.wachtrij in access exclusive mode;
select audit.wachtrij_verwerken(2147483647);
alter table audit.wachtrij drop constraint wachtrij_betrokkenen;
alter table audit.wachtrij alter column betrokkenen type bytea using null;
alter table audit.wachtrij alter column betrokkenen set storage external;
alter table audit.wachtrij add constraint wachtrij_betrokkenen check (
  octet_length(betrokkenen) between 32 and 32 * 10000 and octet_length(betrokkenen) % 32 = 0);
drop function audit.sleutelhashes(bytea[]);

-- Person i of a queued disclosure is bytes (i - 1) * 32 + 1 to i * 32 of betrokkenen; row i has the content
-- kop || length 32 || that hash || staart (KetenHash.Inhoud).
create or replace function audit.wachtrij_verwerken(p_max int)
returns int
language plpgsql security definer set search_path = pg_catalog, pg_temp as $f$
declare
  v_rijen audit.wachtrij[];
  v audit.wachtrij;
  v_id bigint;
  v_hash bytea;
  v_hashes bytea[];
  v_aantal int;
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
    v_aantal := octet_length(v.betrokkenen) / 32;
    v_hashes := '{}';
    for v_i in 1 .. v_aantal loop
      v_hash := sha256(v_hash || int8send(v_id + v_i) || v.kop || '\x00000020'::bytea
                       || substring(v.betrokkenen from (v_i - 1) * 32 + 1 for 32) || v.staart);
      v_hashes[v_i] := v_hash;
    end loop;
    insert into audit.regel (id, tijdstip, soort, verwerkingsactiviteit, betrokkene, betrokkene_type, actor, rol, gemeente_code,
                             trace_id, span_id, gegevens, hash)
    select v_id + b.nr, v.tijdstip, v.soort, v.verwerkingsactiviteit, substring(v.betrokkenen from (b.nr - 1) * 32 + 1 for 32),
           'BSN', v.actor, v.rol, v.gemeente_code, v.trace_id, v.span_id, v.gegevens, v_hashes[b.nr]
    from generate_series(1, v_aantal) as b(nr);
    v_n := v_n + 1;
  end loop;
  return v_n;
end $f$;
" + AuditEigenaar.Terug);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AuditEigenaar.AlsEigenaar + @"
lock table audit.wachtrij in access exclusive mode;
select audit.wachtrij_verwerken(2147483647);
alter table audit.wachtrij drop constraint wachtrij_betrokkenen;
alter table audit.wachtrij alter column betrokkenen type bytea[] using null;
alter table audit.wachtrij alter column betrokkenen set storage external;

create function audit.sleutelhashes(p bytea[]) returns boolean
language plpgsql immutable strict set search_path = pg_catalog as $f$
declare
  b bytea;
begin
  foreach b in array p loop
    if b is null or length(b) <> 32 then
      return false;
    end if;
  end loop;
  return cardinality(p) > 0;
end
$f$;

alter table audit.wachtrij add constraint wachtrij_betrokkenen check (
  cardinality(betrokkenen) between 1 and 10000 and array_ndims(betrokkenen) = 1
  and array_position(betrokkenen, null) is null and audit.sleutelhashes(betrokkenen));

create or replace function audit.wachtrij_verwerken(p_max int)
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
" + AuditEigenaar.Terug);
        }
    }
}
