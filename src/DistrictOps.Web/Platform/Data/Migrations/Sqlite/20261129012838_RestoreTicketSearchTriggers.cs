using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DistrictOps.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RestoreTicketSearchTriggers : Migration
    {
        /// <summary>
        /// ServiceLevels added a foreign key to helpdesk_tickets, which SQLite does by rebuilding the table at the end of
        /// that migration, dropping the title-search triggers with it. They are created again here, in a later migration,
        /// so they are created after the rebuild.
        /// </summary>
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            TicketTitleSearch.CreateTriggers(migrationBuilder);
            TicketTitleSearch.Rebuild(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The triggers belong to HelpdeskSearch; going back past this migration keeps them.
        }
    }
}
