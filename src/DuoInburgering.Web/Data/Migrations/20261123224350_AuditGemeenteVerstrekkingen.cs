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
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AuditEigenaar.AlsEigenaar + @"
create index regel_gemeente_tijdstip on audit.regel (gemeente_code, tijdstip)
  where soort in ('Verstrekking', 'SignaalVerzonden') and gemeente_code is not null;
" + AuditEigenaar.Terug);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AuditEigenaar.AlsEigenaar + @"
drop index audit.regel_gemeente_tijdstip;
" + AuditEigenaar.Terug);
        }
    }
}
