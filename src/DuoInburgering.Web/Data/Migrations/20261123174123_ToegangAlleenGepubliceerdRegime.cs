using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DuoInburgering.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ToegangAlleenGepubliceerdRegime : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // GemeenteToegang.MagPersoonZien, restated: only persons published under a regime and not parked.
            migrationBuilder.Sql(@"
drop policy persoon_gemeente on persoon;
create policy persoon_gemeente on persoon for select to pib_gemeente using (
  not geparkeerd and pub_uitkomst in ('Wi2007', 'Wi2013', 'Wi2021') and (
  pub_gemeente_code = current_setting('pib.gemeente', true)
  or pip_gemeente_code = current_setting('pib.gemeente', true)
  or (vorige_pip_gemeente_code = current_setting('pib.gemeente', true)
      and nullif(current_setting('pib.vandaag', true), '')::date < pip_dagtekening + interval '1 month')));
");

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"
drop policy persoon_gemeente on persoon;
create policy persoon_gemeente on persoon for select to pib_gemeente using (
  pub_gemeente_code = current_setting('pib.gemeente', true)
  or pip_gemeente_code = current_setting('pib.gemeente', true)
  or (vorige_pip_gemeente_code = current_setting('pib.gemeente', true)
      and nullif(current_setting('pib.vandaag', true), '')::date < pip_dagtekening + interval '1 month'));
");

        }
    }
}
