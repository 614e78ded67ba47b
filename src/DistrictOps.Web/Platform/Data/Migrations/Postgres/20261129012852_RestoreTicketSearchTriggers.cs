using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DistrictOps.Web.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RestoreTicketSearchTriggers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Only SQLite rebuilt the tickets table; PostgreSQL's trigram index survived ServiceLevels unchanged.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing was done.
        }
    }
}
