using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DuoInburgering.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Sessierecord : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sessie",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    gebruiker = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    begonnen = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    laatst_gezien = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    beeindigd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    einde = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sessie", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_sessie_begonnen",
                table: "sessie",
                column: "begonnen");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sessie");
        }
    }
}
