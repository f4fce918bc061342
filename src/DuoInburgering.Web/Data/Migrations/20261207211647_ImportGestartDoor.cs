using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DuoInburgering.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ImportGestartDoor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "gestart_door",
                table: "import_run",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "gestart_door",
                table: "import_run");
        }
    }
}
