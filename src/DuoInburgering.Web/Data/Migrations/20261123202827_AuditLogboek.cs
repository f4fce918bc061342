using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DuoInburgering.Web.Data.Migrations
{
    /// <summary>
    /// The audit log (Features/Audit): schema <c>audit</c>, owned with everything in it by the NOLOGIN role
    /// <c>pib_audit</c>, so the portal's own role can only INSERT and SELECT: it cannot UPDATE, DELETE,
    /// TRUNCATE or ALTER an audit row, and cannot drop the table. Municipal sessions (<c>pib_gemeente</c>) may
    /// only append their disclosures. Purging runs as the owner through <c>audit.opschonen</c> (SECURITY DEFINER),
    /// from the start of the chain only, leaving an anchor. Not in the EF model: EF never writes these tables.
    /// </summary>
    public partial class AuditLogboek : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Handing the schema to pib_audit needs membership of it for a moment (a superuser needs none); the
            // membership is revoked at the end, so the portal's role cannot SET ROLE pib_audit afterwards.
            migrationBuilder.Sql(@"
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'pib_audit') then
    begin
      create role pib_audit nologin;
    exception when duplicate_object or unique_violation then
      null; -- created at the same moment by a migration of another database on this server
    end;
  end if;
  if not (select rolsuper from pg_roles where rolname = current_user)
     and not pg_has_role(current_user, 'pib_audit', 'member') then
    execute format('grant pib_audit to %I', current_user);
  end if;
end $$;

create schema audit authorization pib_audit;
set local role pib_audit;

-- One row per data subject per event, fields after the Logboek Dataverwerkingen (trace_id, span_id,
-- processing activity, data subject id and type). betrokkene is HMAC-SHA256(key, BSN), never the BSN.
-- id is given by the writer (previous + 1, under the append lock): a gap means a removed row.
-- gegevens is json, not jsonb: stored byte for byte as hashed.
create table audit.regel (
  id bigint primary key,
  tijdstip timestamptz not null,
  soort text not null,
  verwerkingsactiviteit text not null,
  betrokkene bytea,
  betrokkene_type text,
  actor text not null,
  rol text,
  gemeente_code text,
  trace_id bytea not null,
  span_id bytea not null,
  gegevens json,
  hash bytea not null
);
-- A person's timeline, newest first, and the breach report's look-up by person.
create index regel_betrokkene on audit.regel (betrokkene, id) where betrokkene is not null;

-- After a purge the chain starts after row tot_en_met, whose hash is kept here.
create table audit.anker (
  id bigint generated always as identity primary key,
  tot_en_met bigint not null unique,
  hash bytea not null,
  aantal bigint not null,
  opgeschoond_op timestamptz not null,
  bewaartermijnen json not null
);

-- Every check of the chain; laatste_id/laatste_hash let the next check see rows removed from the end.
create table audit.controle (
  id bigint generated always as identity primary key,
  tijdstip timestamptz not null,
  intact boolean not null,
  aantal bigint not null,
  laatste_id bigint,
  laatste_hash bytea,
  eerste_fout bigint,
  melding text not null,
  door text not null
);

-- The head of the chain, after taking the append lock (held until the caller's transaction ends): every
-- writer calls this just before its insert, so appends form one line. Runs as the owner, so a municipal
-- session may call it without reading the log.
create function audit.keten_kop(out laatste_id bigint, out laatste_hash bytea)
language plpgsql security definer set search_path = pg_catalog, pg_temp as $f$
begin
  perform pg_advisory_xact_lock(8305112001);
  select r.id, r.hash into laatste_id, laatste_hash from audit.regel r order by r.id desc limit 1;
  if laatste_id is null then
    select a.tot_en_met, a.hash into laatste_id, laatste_hash from audit.anker a order by a.tot_en_met desc limit 1;
  end if;
  if laatste_id is null then
    laatste_id := 0;
    laatste_hash := decode(repeat('00', 32), 'hex');
  end if;
end $f$;

-- Purges at most p_max rows from the start of the chain, each older than its kind's retention at p_nu
-- (never later than the database's own now()); stops at the first row that stays, and a kind without a
-- retention always stays. Retention under one day is refused. Records the anchor.
create function audit.opschonen(p_soorten text[], p_termijnen interval[], p_nu timestamptz, p_max bigint)
returns table (aantal bigint, tot_en_met bigint)
language plpgsql security definer set search_path = pg_catalog, pg_temp as $f$
declare
  v_nu timestamptz := least(p_nu, now());
  v_vanaf bigint;
  v_grens bigint;
  v_blijft bigint;
  v_tot bigint;
  v_hash bytea;
  v_aantal bigint;
begin
  if cardinality(p_soorten) is distinct from cardinality(p_termijnen) then
    raise exception 'audit.opschonen: evenveel soorten als termijnen verwacht';
  end if;
  if exists (select 1 from unnest(p_termijnen) t where t is null or t < interval '1 day') then
    raise exception 'audit.opschonen: een bewaartermijn is minstens een dag';
  end if;
  perform pg_advisory_xact_lock(8305112001);
  select coalesce(max(a.tot_en_met), 0) into v_vanaf from audit.anker a;
  v_grens := v_vanaf + greatest(p_max, 1);
  select r.id into v_blijft from audit.regel r
  where r.id <= v_grens
    and not coalesce(r.tijdstip < v_nu - (select t.termijn from unnest(p_soorten, p_termijnen) as t(soort, termijn)
                                          where t.soort = r.soort), false)
  order by r.id limit 1;
  select r.id, r.hash into v_tot, v_hash from audit.regel r
  where r.id <= coalesce(v_blijft - 1, v_grens) order by r.id desc limit 1;
  if v_tot is null then
    return query select 0::bigint, v_vanaf;
    return;
  end if;
  delete from audit.regel r where r.id <= v_tot;
  get diagnostics v_aantal = row_count;
  insert into audit.anker (tot_en_met, hash, aantal, opgeschoond_op, bewaartermijnen)
  values (v_tot, v_hash, v_aantal, v_nu,
          (select json_object_agg(t.soort, t.termijn::text) from unnest(p_soorten, p_termijnen) as t(soort, termijn)));
  return query select v_aantal, v_tot;
end $f$;

revoke all on function audit.keten_kop() from public;
revoke all on function audit.opschonen(text[], interval[], timestamptz, bigint) from public;
reset role;

do $$
begin
  execute format('grant usage on schema audit to %I, pib_gemeente', current_user);
  execute format('grant select, insert on audit.regel to %I', current_user);
  execute format('grant select on audit.anker to %I', current_user);
  execute format('grant select, insert on audit.controle to %I', current_user);
  execute format('grant execute on function audit.keten_kop() to %I, pib_gemeente', current_user);
  execute format('grant execute on function audit.opschonen(text[], interval[], timestamptz, bigint) to %I', current_user);
  grant insert on audit.regel to pib_gemeente;
  if not (select rolsuper from pg_roles where rolname = current_user) then
    execute format('revoke pib_audit from %I', current_user);
  end if;
end $$;
");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The role stays: other databases on the server may use it.
            migrationBuilder.Sql(@"
do $$
begin
  if not (select rolsuper from pg_roles where rolname = current_user) then
    execute format('grant pib_audit to %I', current_user);
  end if;
end $$;
drop schema audit cascade;
do $$
begin
  if not (select rolsuper from pg_roles where rolname = current_user) then
    execute format('revoke pib_audit from %I', current_user);
  end if;
end $$;
");
        }
    }
}
