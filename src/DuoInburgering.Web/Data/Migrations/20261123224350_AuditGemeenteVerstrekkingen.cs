using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DuoInburgering.Web.Data.Migrations
{
    /// <summary>
    /// The auditor's view of one municipality's disclosures over a period (Features/Audit/GemeenteVerstrekkingen): a
    /// partial index on <c>audit.regel (gemeente_code, tijdstip)</c> over exactly the rows that screen reads (disclosures to
    /// a municipality's users and signals it received), so a month of one municipality is a range scan on a table of tens
    /// of millions of rows. Only the owner <c>pib_audit</c> may create it: as in AuditLogboek, the migrating role joins that
    /// role for the moment (a superuser needs not) and leaves it again, unless it was a member before.
    /// </summary>
    public partial class AuditGemeenteVerstrekkingen : Migration
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
create index regel_gemeente_tijdstip on audit.regel (gemeente_code, tijdstip)
  where soort in ('Verstrekking', 'SignaalVerzonden') and gemeente_code is not null;
" + Terug);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AlsEigenaar + @"
drop index audit.regel_gemeente_tijdstip;
" + Terug);
        }
    }
}
