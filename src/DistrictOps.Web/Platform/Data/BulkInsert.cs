using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace DistrictOps.Web.Platform.Data;

/// <summary>
/// Inserts many new rows without change tracking: multi-row INSERT statements built from the EF model (table,
/// columns, value converters and parameter types), on the context's connection and transaction. For first loads
/// of a district, where EF's per-entity tracking costs more than the database does. Generated keys are not read back;
/// with InsertWithKeysAsync the rows' own key values are written instead (the caller then moves PostgreSQL's identity past them).
/// </summary>
public static class BulkInsert
{
    private const int MaxParameters = 30_000;
    private const int MaxRowsPerStatement = 500;

    public static Task InsertAsync<T>(this AppDbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken = default) where T : class =>
        InsertAsync(db, rows, explicitKeys: false, cancellationToken);

    /// <summary>Writes the rows' own ids into a generated key column (a first load that numbers its rows itself).</summary>
    public static Task InsertWithKeysAsync<T>(this AppDbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken = default) where T : class =>
        InsertAsync(db, rows, explicitKeys: true, cancellationToken);

    private static async Task InsertAsync<T>(AppDbContext db, IReadOnlyList<T> rows, bool explicitKeys, CancellationToken cancellationToken) where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(p => p.GetColumnName(table) is not null && (explicitKeys || !(p.ValueGenerated == ValueGenerated.OnAdd && p.IsKey() && p.ClrType == typeof(long))))
            .Select(p => (Property: p, Column: p.GetColumnName(table)!, Mapping: (RelationalTypeMapping)p.GetRelationalTypeMapping()))
            .ToList();
        // SQLite binds parameters by a linear name lookup, so one prepared single-row statement reused inside the
        // transaction is fastest there; PostgreSQL wants few round trips, so many rows per statement.
        var perStatement = db.Database.IsSqlite() ? 1 : Math.Max(1, Math.Min(MaxRowsPerStatement, MaxParameters / columns.Count));

        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        // Outside a caller's transaction each SQLite statement would commit (and sync the file) on its own: one for all.
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        var names = columns.Select(c => c.Column).ToList();
        var fullStatement = Sql(table.Name, names, perStatement);
        await using var full = connection.CreateCommand();
        full.Transaction = transaction;
        full.CommandText = fullStatement;
        foreach (var chunk in rows.Chunk(perStatement))
        {
            await using var partial = chunk.Length == perStatement ? null : connection.CreateCommand();
            var command = partial ?? full;
            command.Transaction = transaction;
            command.CommandText = partial is null ? fullStatement : Sql(table.Name, names, chunk.Length);
            command.Parameters.Clear();
            var index = 0;
            foreach (var row in chunk)
            {
                foreach (var (property, _, mapping) in columns)
                {
                    var value = property.GetGetter().GetClrValue(row);
                    command.Parameters.Add(mapping.CreateParameter(command, "@p" + index++, value, property.IsNullable));
                }
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        if (own is not null)
        {
            await own.CommitAsync(cancellationToken);
        }
    }

    private static string Sql(string table, List<string> columns, int rows)
    {
        var sql = new StringBuilder("INSERT INTO \"").Append(table).Append("\" (")
            .AppendJoin(", ", columns.Select(c => $"\"{c}\"")).Append(") VALUES ");
        var index = 0;
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Count; c++)
            {
                sql.Append(c == 0 ? "@p" : ", @p").Append(index++);
            }

            sql.Append(')');
        }

        return sql.ToString();
    }
}
