using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DistrictOps.Web.Platform.Data.Migrations.HandWritten;

[DbContext(typeof(SqliteAppDbContext))]
[Migration(Id)]
internal sealed class SqliteTicketTextSearch : Migration
{
    public const string Id = "20261205065714_TicketTextSearch";

    protected override void Up(MigrationBuilder migrationBuilder) => HandWrittenSql.Apply(migrationBuilder, "Sqlite/ticket-text-search.sql");

    // Back to the title-only table the earlier migration made.
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        HandWrittenSql.Apply(migrationBuilder, "Sqlite/ticket-text-search.down.sql");
        HandWrittenSql.Apply(migrationBuilder, "Sqlite/ticket-title-search.sql");
    }
}

[DbContext(typeof(PostgresAppDbContext))]
[Migration(SqliteTicketTextSearch.Id)]
internal sealed class PostgresTicketTextSearch : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => HandWrittenSql.Apply(migrationBuilder, "Postgres/ticket-text-search.sql");

    protected override void Down(MigrationBuilder migrationBuilder) => HandWrittenSql.Apply(migrationBuilder, "Postgres/ticket-text-search.down.sql");
}
