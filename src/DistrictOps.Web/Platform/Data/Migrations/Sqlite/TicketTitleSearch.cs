using Microsoft.EntityFrameworkCore.Migrations;

namespace DistrictOps.Web.Platform.Data.Migrations.Sqlite;

/// <summary>
/// The triggers that keep the FTS5 title index in step with helpdesk_tickets. SQLite migrations that rebuild the tickets
/// table (adding a foreign key does) drop its triggers, so such a migration must create them again with this.
/// </summary>
internal static class TicketTitleSearch
{
    public static void CreateTriggers(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS helpdesk_tickets_fts_insert;");
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS helpdesk_tickets_fts_delete;");
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS helpdesk_tickets_fts_update;");
        migrationBuilder.Sql("""
            CREATE TRIGGER helpdesk_tickets_fts_insert AFTER INSERT ON helpdesk_tickets BEGIN
                INSERT INTO helpdesk_tickets_fts(rowid, "Title") VALUES (new."Id", new."Title");
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER helpdesk_tickets_fts_delete AFTER DELETE ON helpdesk_tickets BEGIN
                INSERT INTO helpdesk_tickets_fts(helpdesk_tickets_fts, rowid, "Title") VALUES ('delete', old."Id", old."Title");
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER helpdesk_tickets_fts_update AFTER UPDATE OF "Title" ON helpdesk_tickets BEGIN
                INSERT INTO helpdesk_tickets_fts(helpdesk_tickets_fts, rowid, "Title") VALUES ('delete', old."Id", old."Title");
                INSERT INTO helpdesk_tickets_fts(rowid, "Title") VALUES (new."Id", new."Title");
            END;
            """);
    }

    /// <summary>Re-reads every title into the index (after a rebuild of the table, in case rows moved).</summary>
    public static void Rebuild(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("INSERT INTO helpdesk_tickets_fts(helpdesk_tickets_fts) VALUES ('rebuild');");
}
