using Microsoft.EntityFrameworkCore.Migrations;

namespace DistrictOps.Web.Platform.Data.Migrations.HandWritten;

/// <summary>
/// The SQL that EF cannot generate (SQLite full-text tables and triggers, PostgreSQL trigram indexes), kept as .sql files
/// beside the generated migrations and embedded in the assembly (ADR 0016).
/// </summary>
internal static class HandWrittenSql
{
    /// <summary>Adds the embedded file <paramref name="path"/> (e.g. <c>Sqlite/ticket-title-search.sql</c>) to the migration.</summary>
    public static void Apply(MigrationBuilder migrationBuilder, string path) => migrationBuilder.Sql(Read(path));

    public static string Read(string path)
    {
        using var stream = typeof(HandWrittenSql).Assembly.GetManifestResourceStream("sql/" + path)
            ?? throw new InvalidOperationException($"No embedded SQL file {path}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
