using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DistrictOps.Web.Platform.Data.Migrations.HandWritten;

// Hand-written migrations take an id one second after the migration they follow, so they apply in that order.
[DbContext(typeof(SqliteAppDbContext))]
[Migration(Id)]
internal sealed class SqliteTicketTitleSearch : Migration
{
    public const string Id = "20261205053103_TicketTitleSearch";

    protected override void Up(MigrationBuilder migrationBuilder) => HandWrittenSql.Apply(migrationBuilder, "Sqlite/ticket-title-search.sql");

    protected override void Down(MigrationBuilder migrationBuilder) => HandWrittenSql.Apply(migrationBuilder, "Sqlite/ticket-title-search.down.sql");
}

[DbContext(typeof(PostgresAppDbContext))]
[Migration(SqliteTicketTitleSearch.Id)]
internal sealed class PostgresTicketTitleSearch : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => HandWrittenSql.Apply(migrationBuilder, "Postgres/ticket-title-search.sql");

    protected override void Down(MigrationBuilder migrationBuilder) => HandWrittenSql.Apply(migrationBuilder, "Postgres/ticket-title-search.down.sql");
}
