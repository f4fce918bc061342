using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DuoInburgering.Web.Data.Migrations
{
    /// <summary>
    /// A large download's queued disclosure (10,000 keyed hashes a row) is written and read without work that buys
    /// nothing: the hashes are random bytes, so PostgreSQL's attempt to compress them only costs time (storage
    /// <c>external</c>: out of line, uncompressed), and the check that every hash is 32 bytes runs as a loop in
    /// PL/pgSQL instead of an SQL function that is planned again for every row. Ten such rows (a 100,000-row download)
    /// took 186 ms to insert, and take about 60 without the two. Run as the schema's owner (<see cref="AuditEigenaar"/>).
    /// </summary>
    public partial class AuditWachtrijOpslag : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AuditEigenaar.AlsEigenaar + @"
alter table audit.wachtrij alter column betrokkenen set storage external;

create or replace function audit.sleutelhashes(p bytea[]) returns boolean
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
" + AuditEigenaar.Terug);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AuditEigenaar.AlsEigenaar + @"
alter table audit.wachtrij alter column betrokkenen set storage extended;

create or replace function audit.sleutelhashes(p bytea[]) returns boolean
language sql immutable strict set search_path = pg_catalog as $f$
  select coalesce(bool_and(length(b) = 32), false) from unnest(p) b
$f$;
" + AuditEigenaar.Terug);
        }
    }
}
