using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DuoInburgering.Web.Data.Migrations
{
    /// <summary>
    /// <c>audit.toevoegen</c>: a few audit rows (a list page's disclosure, a DUO action) appended in one statement, so
    /// recording a disclosure costs one round trip instead of three (head, COPY, end of COPY; issue 6: under 10% of the
    /// list page). It takes the append lock through <c>audit.keten_kop()</c> and chains the rows on the server as
    /// SHA-256(previous hash ‖ id as int8 ‖ content), the content being the canonical bytes after the id that the
    /// writer made with <c>KetenHash</c>: the server only prepends, so the row format lives in one place and
    /// <c>verify-audit</c> checks these rows as any other. Owned by <c>pib_audit</c> and SECURITY DEFINER like
    /// <c>keten_kop</c>; executable by the portal's role and <c>pib_gemeente</c>, who may append anyway. As in
    /// AuditLogboek, the migrating role joins <c>pib_audit</c> for the moment (a superuser needs not) and leaves again.
    /// </summary>
    public partial class AuditToevoegenOpServer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AuditEigenaar.AlsEigenaar + @"
create function audit.toevoegen(
  p_tijdstip timestamptz[], p_soort text[], p_verwerkingsactiviteit text[], p_betrokkene bytea[], p_betrokkene_type text[],
  p_actor text[], p_rol text[], p_gemeente_code text[], p_trace_id bytea[], p_span_id bytea[], p_gegevens json[],
  p_inhoud bytea[])
returns void
language plpgsql security definer set search_path = pg_catalog, pg_temp as $f$
declare
  v_n int := coalesce(cardinality(p_inhoud), 0);
  v_id bigint;
  v_hash bytea;
  v_hashes bytea[];
begin
  if v_n = 0 then
    return;
  end if;
  if array_length(p_tijdstip, 1) is distinct from v_n or array_length(p_soort, 1) is distinct from v_n
     or array_length(p_verwerkingsactiviteit, 1) is distinct from v_n or array_length(p_betrokkene, 1) is distinct from v_n
     or array_length(p_betrokkene_type, 1) is distinct from v_n or array_length(p_actor, 1) is distinct from v_n
     or array_length(p_rol, 1) is distinct from v_n or array_length(p_gemeente_code, 1) is distinct from v_n
     or array_length(p_trace_id, 1) is distinct from v_n or array_length(p_span_id, 1) is distinct from v_n
     or array_length(p_gegevens, 1) is distinct from v_n or array_length(p_inhoud, 1) is distinct from v_n then
    raise exception 'audit.toevoegen: elke kolom heeft evenveel waarden als er regels zijn';
  end if;
  select k.laatste_id, k.laatste_hash into v_id, v_hash from audit.keten_kop() k;
  for i in 1 .. v_n loop
    v_hash := sha256(v_hash || int8send(v_id + i) || p_inhoud[i]);
    v_hashes[i] := v_hash;
  end loop;
  insert into audit.regel (id, tijdstip, soort, verwerkingsactiviteit, betrokkene, betrokkene_type, actor, rol, gemeente_code,
                           trace_id, span_id, gegevens, hash)
  select v_id + r.nr, r.tijdstip, r.soort, r.verwerkingsactiviteit, r.betrokkene, r.betrokkene_type, r.actor, r.rol, r.gemeente_code,
         r.trace_id, r.span_id, r.gegevens, v_hashes[r.nr::int]
  from unnest(p_tijdstip, p_soort, p_verwerkingsactiviteit, p_betrokkene, p_betrokkene_type, p_actor, p_rol, p_gemeente_code,
              p_trace_id, p_span_id, p_gegevens)
       with ordinality as r(tijdstip, soort, verwerkingsactiviteit, betrokkene, betrokkene_type, actor, rol, gemeente_code,
                            trace_id, span_id, gegevens, nr);
end $f$;

revoke all on function audit.toevoegen(timestamptz[], text[], text[], bytea[], text[], text[], text[], text[], bytea[], bytea[], json[], bytea[]) from public;
-- Granted by the owner (this is still pib_audit) to the role that migrates, which the portal runs as.
do $$
begin
  execute format('grant execute on function audit.toevoegen(timestamptz[], text[], text[], bytea[], text[], text[], text[], text[], bytea[], bytea[], json[], bytea[]) to %I, pib_gemeente', session_user);
end $$;
" + AuditEigenaar.Terug);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AuditEigenaar.AlsEigenaar + @"
drop function audit.toevoegen(timestamptz[], text[], text[], bytea[], text[], text[], text[], text[], bytea[], bytea[], json[], bytea[]);
" + AuditEigenaar.Terug);
        }
    }
}
