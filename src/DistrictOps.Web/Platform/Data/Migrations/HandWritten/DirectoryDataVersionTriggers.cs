using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DistrictOps.Web.Platform.Data.Migrations.HandWritten;

// After PackageFingerprints on both providers (its generated ids differ by a few seconds), which creates directory_data_version.
[DbContext(typeof(SqliteAppDbContext))]
[Migration(Id)]
internal sealed class SqliteDirectoryDataVersionTriggers : Migration
{
    public const string Id = "20261205183024_DirectoryDataVersionTriggers";

    protected override void Up(MigrationBuilder migrationBuilder) => HandWrittenSql.Apply(migrationBuilder, "Sqlite/directory-data-version.sql");

    protected override void Down(MigrationBuilder migrationBuilder) => HandWrittenSql.Apply(migrationBuilder, "Sqlite/directory-data-version.down.sql");
}

[DbContext(typeof(PostgresAppDbContext))]
[Migration(SqliteDirectoryDataVersionTriggers.Id)]
internal sealed class PostgresDirectoryDataVersionTriggers : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => HandWrittenSql.Apply(migrationBuilder, "Postgres/directory-data-version.sql");

    protected override void Down(MigrationBuilder migrationBuilder) => HandWrittenSql.Apply(migrationBuilder, "Postgres/directory-data-version.down.sql");
}
