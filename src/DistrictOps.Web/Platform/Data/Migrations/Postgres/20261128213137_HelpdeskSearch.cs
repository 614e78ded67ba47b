using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DistrictOps.Web.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HelpdeskSearch : Migration
    {
        /// <summary>Title search over a million tickets: ILIKE '%text%' served by a pg_trgm GIN index (contrib ships with PostgreSQL).</summary>
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("""CREATE INDEX "IX_helpdesk_tickets_Title_trgm" ON helpdesk_tickets USING gin ("Title" gin_trgm_ops);""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_helpdesk_tickets_Title_trgm";""");
        }
    }
}
