using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DistrictOps.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HelpdeskSearch : Migration
    {
        /// <summary>
        /// Title search over a million tickets: an external-content FTS5 table with the trigram tokenizer (substring,
        /// case-insensitive LIKE served by the index), kept in step with helpdesk_tickets by triggers.
        /// </summary>
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE helpdesk_tickets_fts USING fts5("Title", content='helpdesk_tickets', content_rowid='Id', tokenize='trigram');
                """);
            TicketTitleSearch.CreateTriggers(migrationBuilder);
            TicketTitleSearch.Rebuild(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS helpdesk_tickets_fts_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS helpdesk_tickets_fts_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS helpdesk_tickets_fts_insert;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS helpdesk_tickets_fts;");
        }
    }
}
