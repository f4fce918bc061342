using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DuoInburgering.Web.Data.Migrations
{
    /// <summary>
    /// The breach report's contacts (signals sent to and disclosures seen by a municipality, per person) from an index
    /// alone: <c>regel_betrokkene_contact</c> holds exactly the rows the report reads, with every column it uses, so a
    /// report over 10,000 persons reads about one index page per person instead of a table row per contact (some
    /// 330,000 random reads on a 50-million-row log that is not in memory). Run as the schema's owner
    /// (<see cref="AuditEigenaar"/>).
    /// </summary>
    public partial class AuditLekrapportIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AuditEigenaar.AlsEigenaar + @"
create index if not exists regel_betrokkene_contact on audit.regel (betrokkene, id) include (soort, gemeente_code, actor, tijdstip, gegevens)
  where betrokkene is not null and soort in ('SignaalVerzonden', 'Verstrekking') and gemeente_code is not null;
" + AuditEigenaar.Terug);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AuditEigenaar.AlsEigenaar + @"
drop index audit.regel_betrokkene_contact;
" + AuditEigenaar.Terug);
        }
    }
}
