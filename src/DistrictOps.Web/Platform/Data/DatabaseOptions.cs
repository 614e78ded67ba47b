using System.ComponentModel.DataAnnotations;

namespace DistrictOps.Web.Platform.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>SQLite file; a relative path is resolved against <see cref="DistrictOpsHome"/>.</summary>
    [Required]
    public string SqlitePath { get; set; } = "data/districtops.db";

    public bool MigrateOnStartup { get; set; } = true;
}
