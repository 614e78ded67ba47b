using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DistrictOps.Web.Platform.Data.Migrations.HandWritten;

// After Rostering on both providers, which adds the ModifiedAt columns.
[DbContext(typeof(SqliteAppDbContext))]
[Migration(Id)]
internal sealed class SqliteDirectoryModifiedAt : Migration
{
    public const string Id = "20261206154700_DirectoryModifiedAt";

    protected override void Up(MigrationBuilder migrationBuilder) => HandWrittenSql.Apply(migrationBuilder, "Sqlite/directory-modified-at.sql");

    protected override void Down(MigrationBuilder migrationBuilder) => HandWrittenSql.Apply(migrationBuilder, "Sqlite/directory-modified-at.down.sql");
}

[DbContext(typeof(PostgresAppDbContext))]
[Migration(SqliteDirectoryModifiedAt.Id)]
internal sealed class PostgresDirectoryModifiedAt : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => HandWrittenSql.Apply(migrationBuilder, "Postgres/directory-modified-at.sql");

    protected override void Down(MigrationBuilder migrationBuilder) => HandWrittenSql.Apply(migrationBuilder, "Postgres/directory-modified-at.down.sql");
}
