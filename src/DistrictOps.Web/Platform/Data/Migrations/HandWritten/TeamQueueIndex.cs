using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DistrictOps.Web.Platform.Data.Migrations.HandWritten;

/// <summary>
/// SQLite's half of the team queue's index (ADR 0043) adds nothing: SQLite uses a partial index only when the query repeats
/// its condition as written, which a queue's status filter (parameters) does not, so the index would cost every write and
/// serve no read. The migration is here because both providers keep the same list of migrations.
/// </summary>
[DbContext(typeof(SqliteAppDbContext))]
[Migration(Id)]
internal sealed class SqliteTeamQueueIndex : Migration
{
    public const string Id = "20261207094148_TeamQueueIndex";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
    }
}

[DbContext(typeof(PostgresAppDbContext))]
[Migration(SqliteTeamQueueIndex.Id)]
internal sealed class PostgresTeamQueueIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => HandWrittenSql.Apply(migrationBuilder, "Postgres/team-queue.sql");

    protected override void Down(MigrationBuilder migrationBuilder) => HandWrittenSql.Apply(migrationBuilder, "Postgres/team-queue.down.sql");
}
