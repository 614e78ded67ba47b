using System.Data.Common;
using System.Globalization;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DistrictOps.Web.Modules.Helpdesk.Reports.ReportOnService;

/// <summary>
/// The little SQL the reports write by hand (local-day buckets, percentiles), for the provider in use. Instants are UTC in
/// both databases: PostgreSQL keeps timestamptz, SQLite the binary long of <see cref="DateTimeOffsetToBinaryConverter"/>
/// (UTC ticks / 1,000 above 11 offset bits, which are zero here).
/// </summary>
internal sealed class ReportSql(AppDbContext db)
{
    private static readonly DateTimeOffsetToBinaryConverter Binary = new();

    /// <summary>
    /// Sent with every report query on PostgreSQL. JIT compiling the aggregates costs more than it saves (measured at a million
    /// tickets: 30–300 ms of compiling a query that runs under a second; bench/README.md). Session-level, not LOCAL: the
    /// query runs outside a transaction; the connection pool discards the setting when the connection is returned.
    /// </summary>
    private const string PostgresSettings = "SET jit = off;\n";

    public bool IsSqlite { get; } = db.Database.IsSqlite();

    /// <summary>
    /// A column of instants as whole Unix seconds. PostgreSQL: date_part's double, not EXTRACT's numeric (several times slower
    /// per row); a double holds today's microsecond instants closely enough that FLOOR never crosses a whole second wrongly.
    /// </summary>
    public string UnixSeconds(string column) => IsSqlite
        ? $"((({column} >> 11) / 10000) - 62135596800)"
        : $"CAST(FLOOR(date_part('epoch', {column})) AS bigint)";

    public object Instant(DateTimeOffset value) => IsSqlite ? Binary.ConvertToProvider(value.ToUniversalTime())! : value.ToUniversalTime();

    public object SiteParameter(Guid site) => IsSqlite ? site.ToString().ToUpperInvariant() : site;

    public static Guid ReadGuid(DbDataReader reader, int ordinal) =>
        reader.GetValue(ordinal) switch
        {
            Guid g => g,
            string s => Guid.Parse(s),
            byte[] b => new Guid(b),
            var other => throw new InvalidOperationException($"Not a site id: {other}"),
        };

    public static long ReadLong(DbDataReader reader, int ordinal) => Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    public async Task<List<T>> QueryAsync<T>(string sql, IReadOnlyDictionary<string, object> parameters, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        await ForEachAsync(sql, parameters, reader => rows.Add(read(reader)), cancellationToken);
        return rows;
    }

    /// <summary>Runs the query and hands each row to <paramref name="read"/> as it arrives (nothing kept).</summary>
    public async Task ForEachAsync(string sql, IReadOnlyDictionary<string, object> parameters, Action<DbDataReader> read, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = IsSqlite ? sql : $"{PostgresSettings}{sql}";
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                read(reader);
            }
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }
}
