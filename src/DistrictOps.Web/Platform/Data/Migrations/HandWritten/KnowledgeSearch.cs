using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DistrictOps.Web.Platform.Data.Migrations.HandWritten;

[DbContext(typeof(SqliteAppDbContext))]
[Migration(Id)]
internal sealed class SqliteKnowledgeSearch : Migration
{
    public const string Id = "20261206030000_KnowledgeSearch";

    protected override void Up(MigrationBuilder migrationBuilder) => HandWrittenSql.Apply(migrationBuilder, "Sqlite/knowledge-search.sql");

    protected override void Down(MigrationBuilder migrationBuilder) => HandWrittenSql.Apply(migrationBuilder, "Sqlite/knowledge-search.down.sql");
}

[DbContext(typeof(PostgresAppDbContext))]
[Migration(SqliteKnowledgeSearch.Id)]
internal sealed class PostgresKnowledgeSearch : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => HandWrittenSql.Apply(migrationBuilder, "Postgres/knowledge-search.sql");

    protected override void Down(MigrationBuilder migrationBuilder) => HandWrittenSql.Apply(migrationBuilder, "Postgres/knowledge-search.down.sql");
}
