using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DuoInburgering.Web.Data.Migrations
{
    /// <summary>
    /// Drops the index on (gemeente_code, regime, aangemaakt_op) from the walking skeleton: no query reads signals by
    /// creation time per municipality (the list has its own indexes), yet every signal written paid for its entry.
    /// </summary>
    public partial class SignaalZonderAanmaakIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_signaal_gemeente_code_regime_aangemaakt_op",
                table: "signaal");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_signaal_gemeente_code_regime_aangemaakt_op",
                table: "signaal",
                columns: new[] { "gemeente_code", "regime", "aangemaakt_op" });
        }
    }
}
