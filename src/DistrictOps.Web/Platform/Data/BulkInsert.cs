using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace DistrictOps.Web.Platform.Data;

/// <summary>
/// Inserts many new rows without change tracking, built from the EF model (table, columns, value converters and
/// store types), on the context's connection and transaction: a binary COPY on PostgreSQL, one
/// prepared statement stepped per row on SQLite. For first loads
/// of a district, where EF's per-entity tracking costs more than the database does. Generated keys are not read back;
/// with InsertWithKeysAsync the rows' own key values are written instead (the caller then moves PostgreSQL's identity past them).
/// </summary>
public static class BulkInsert
{
    /// <summary>The page cache of a bulk load on SQLite, in KiB (the default is 2 MiB).</summary>
    private const string BulkLoadCacheKiB = "262144";

    public static Task InsertAsync<T>(this AppDbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken = default) where T : class =>
        InsertAsync(db, rows, explicitKeys: false, cancellationToken);

    /// <summary>Writes the rows' own ids into a generated key column (a first load that numbers its rows itself).</summary>
    public static Task InsertWithKeysAsync<T>(this AppDbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken = default) where T : class =>
        InsertAsync(db, rows, explicitKeys: true, cancellationToken);

    /// <summary>
    /// On SQLite, prepares the connection for a load of hundreds of thousands of rows in one transaction until the returned
    /// scope ends: a wider page cache (the default 2 MiB is outgrown, and each page spilled from it is written to the
    /// write-ahead log again), and statement journals in memory (<c>temp_store = MEMORY</c>). Each row's INSERT fires
    /// triggers, so SQLite keeps a journal of the pages it changes to undo that statement alone; once one statement of a
    /// transaction journals more than 64 KiB, that journal becomes a temporary file for the rest of the transaction, and
    /// every later row wrote its pages to it: a first load of a million students spent most of its time in the kernel
    /// (bench/README.md). SQLite decides where the journal lives when the write transaction begins, so call this before
    /// the load's transaction; the scope keeps the connection open and puts both settings back when it ends (the pooled
    /// connection keeps them otherwise). PostgreSQL: nothing to do.
    /// </summary>
    public static async Task<IAsyncDisposable> PrepareBulkLoadAsync(this AppDbContext db, CancellationToken cancellationToken = default)
    {
        if (!db.Database.IsSqlite())
        {
            return new RestoreSettings(db, [], closeConnection: false);
        }

        if (db.Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException("A bulk load is prepared before its transaction begins.");
        }

        var opened = db.Database.GetDbConnection().State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        var before = new List<(string Pragma, string Value)>();
        foreach (var (pragma, value) in new[] { ("cache_size", "-" + BulkLoadCacheKiB), ("temp_store", "MEMORY") })
        {
            before.Add((pragma, Convert.ToString(await ScalarAsync(db, "PRAGMA " + pragma, [], cancellationToken), CultureInfo.InvariantCulture)!));
            await ScalarAsync(db, $"PRAGMA {pragma} = {value}", [], cancellationToken);
        }

        return new RestoreSettings(db, before, opened);
    }

    /// <summary>
    /// Runs <paramref name="load"/> with the secondary indexes of those of <paramref name="entities"/>' tables that are
    /// empty dropped, then creates them again from their stored definitions. Inserting each row of a first load into
    /// every index of its table (the people have seven) cost more than writing the rows; an index created over the loaded
    /// table is sorted once and packed. Call inside the load's transaction: other connections never see the tables without
    /// their indexes, and if <paramref name="load"/> throws the indexes are not created again, so the caller must let the
    /// transaction roll back (which restores them). Nothing in <paramref name="load"/> may need those indexes. PostgreSQL:
    /// the load just runs.
    /// </summary>
    public static async Task LoadWithoutIndexesAsync(this AppDbContext db, IReadOnlyList<Type> entities, Func<Task> load, CancellationToken cancellationToken = default)
    {
        if (!db.Database.IsSqlite())
        {
            await load();
            return;
        }

        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Indexes are dropped for a load only inside its transaction.");
        }

        var dropped = new List<(string Name, string Sql)>();
        foreach (var type in entities)
        {
            var table = db.Model.FindEntityType(type)?.GetTableName() ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
            if (await ScalarAsync(db, $"SELECT EXISTS (SELECT 1 FROM \"{table}\")", [], cancellationToken) is 1L)
            {
                continue;
            }

            // Indexes SQLite makes for a PRIMARY KEY or UNIQUE constraint have no SQL and cannot be dropped; they stay.
            await using var command = Command(db, "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = $table AND sql IS NOT NULL", [("$table", table)]);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                dropped.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in dropped)
        {
            await ScalarAsync(db, $"DROP INDEX \"{name}\"", [], cancellationToken);
        }

        await load();
        foreach (var (_, sql) in dropped)
        {
            await ScalarAsync(db, sql, [], cancellationToken);
        }
    }

    private static DbCommand Command(AppDbContext db, string sql, IReadOnlyList<(string Name, object Value)> parameters)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static async Task<object?> ScalarAsync(AppDbContext db, string sql, IReadOnlyList<(string Name, object Value)> parameters, CancellationToken cancellationToken)
    {
        await using var command = Command(db, sql, parameters);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private sealed class RestoreSettings(AppDbContext db, List<(string Pragma, string Value)> before, bool closeConnection) : IAsyncDisposable
    {
        private bool _done;

        public async ValueTask DisposeAsync()
        {
            if (_done)
            {
                return;
            }

            _done = true;
            // A connection closed under the scope went back to the pool with the load's settings: the pool lets it go instead.
            if (db.Database.GetDbConnection() is SqliteConnection { State: not System.Data.ConnectionState.Open } closed)
            {
                SqliteConnection.ClearPool(closed);
                return;
            }

            foreach (var (pragma, value) in before)
            {
                await ScalarAsync(db, $"PRAGMA {pragma} = {value}", [], CancellationToken.None);
            }

            if (closeConnection)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

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
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        // Outside a caller's transaction each SQLite statement would commit (and sync the file) on its own: one for all.
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var names = columns.Select(c => c.Column).ToList();
        if (connection is SqliteConnection sqlite)
        {
            InsertSqlite(sqlite, Sql(table.Name, names), columns, rows, cancellationToken);
        }
        else if (connection is NpgsqlConnection postgres)
        {
            await CopyAsync(postgres, table.Name, columns, rows, cancellationToken);
        }
        else
        {
            throw new NotSupportedException($"Bulk insert has no path for {connection.GetType().Name}.");
        }

        TableWatchInterceptor.BulkWrote(db, table.Name);

        if (own is not null)
        {
            await own.CommitAsync(cancellationToken);
        }
    }

    private static object? ProviderValue(IProperty property, RelationalTypeMapping mapping, object row)
    {
        var value = property.GetGetter().GetClrValue(row);
        return value is not null && mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
    }

    /// <summary>
    /// One prepared single-row INSERT, stepped once per row with its values bound by position. Microsoft.Data.Sqlite
    /// looks every parameter up by name and builds a reader for each execution, which for a first load of a district
    /// (a million rows with their change log) cost more than SQLite's own work. The values are written as
    /// Microsoft.Data.Sqlite writes them (see <see cref="Bind"/>), so EF reads them back unchanged.
    /// </summary>
    private static void InsertSqlite<T>(
        SqliteConnection connection, string sql, List<(IProperty Property, string Column, RelationalTypeMapping Mapping)> columns, IReadOnlyList<T> rows,
        CancellationToken cancellationToken) where T : class
    {
        var handle = connection.Handle!;
        var blobGuids = columns.Select(c => c.Mapping.StoreType == "BLOB").ToArray();
        var text = new Utf8Buffer();
        var rc = raw.sqlite3_prepare_v2(handle, sql, out var statement);
        SqliteException.ThrowExceptionForRC(rc, handle);
        using (statement)
        {
            for (var r = 0; r < rows.Count; r++)
            {
                if (r % 10_000 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                for (var c = 0; c < columns.Count; c++)
                {
                    var (property, column, mapping) = columns[c];
                    Bind(statement, c + 1, ProviderValue(property, mapping, rows[r]), blobGuids[c], column, text);
                }

                rc = raw.sqlite3_step(statement);
                if (rc != raw.SQLITE_DONE)
                {
                    SqliteException.ThrowExceptionForRC(rc, handle);
                }

                _ = raw.sqlite3_reset(statement);
            }
        }
    }

    /// <summary>
    /// Binds a provider value the way Microsoft.Data.Sqlite does for the types EF's SQLite mappings produce. Text is
    /// encoded into <paramref name="utf8"/>, reused for every value (SQLite copies it), and a text Guid is formatted there
    /// in upper case directly: the two strings each Guid cost (formatted, then upper-cased) were about a fifth of the sampled
    /// CPU of writing a first load of 100,000 students (bench/README.md, OneRoster import).
    /// </summary>
    private static void Bind(sqlite3_stmt statement, int index, object? value, bool blobGuid, string column, Utf8Buffer utf8)
    {
        var invariant = CultureInfo.InvariantCulture;
        var rc = value switch
        {
            null or DBNull => raw.sqlite3_bind_null(statement, index),
            string text => raw.sqlite3_bind_text(statement, index, utf8.Encode(text)),
            bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
            byte or sbyte or short or ushort or int or uint or long => raw.sqlite3_bind_int64(statement, index, Convert.ToInt64(value, invariant)),
            Enum => raw.sqlite3_bind_int64(statement, index, Convert.ToInt64(value, invariant)),
            double or float => raw.sqlite3_bind_double(statement, index, Convert.ToDouble(value, invariant)),
            byte[] bytes => raw.sqlite3_bind_blob(statement, index, bytes),
            Guid guid when blobGuid => raw.sqlite3_bind_blob(statement, index, guid.ToByteArray()),
            Guid guid => raw.sqlite3_bind_text(statement, index, utf8.UpperCase(guid)),
            DateOnly date => raw.sqlite3_bind_text(statement, index, date.ToString("yyyy\\-MM\\-dd", invariant)),
            DateTime instant => raw.sqlite3_bind_text(statement, index, instant.ToString("yyyy\\-MM\\-dd HH\\:mm\\:ss.FFFFFFF", invariant)),
            decimal number => raw.sqlite3_bind_text(statement, index, number.ToString("0.0###########################", invariant)),
            _ => throw new NotSupportedException($"Bulk insert cannot write a {value?.GetType().Name} to column {column} on SQLite."),
        };
        if (rc != raw.SQLITE_OK)
        {
            throw new InvalidOperationException($"SQLite refused the value of column {column} (error {rc}).");
        }
    }

    /// <summary>One growing buffer for the UTF-8 text of the values bound to a statement, one at a time.</summary>
    private sealed class Utf8Buffer
    {
        private byte[] _bytes = new byte[256];

        public ReadOnlySpan<byte> Encode(string text)
        {
            var most = Encoding.UTF8.GetMaxByteCount(text.Length);
            if (most > _bytes.Length)
            {
                _bytes = new byte[Math.Max(most, _bytes.Length * 2)];
            }

            return _bytes.AsSpan(0, Encoding.UTF8.GetBytes(text, _bytes));
        }

        /// <summary>The Guid as Microsoft.Data.Sqlite writes it to a TEXT column: "D" format, upper case.</summary>
        public ReadOnlySpan<byte> UpperCase(Guid guid)
        {
            _ = guid.TryFormat(_bytes, out var length, "D");
            var span = _bytes.AsSpan(0, length);
            _ = Ascii.ToUpperInPlace(span, out _);
            return span;
        }
    }

    /// <summary>
    /// PostgreSQL: one binary COPY per call, each value written as its column's store type. A multi-row INSERT made
    /// the server parse and plan thousands of parameters per statement; COPY streams the rows in their wire format.
    /// </summary>
    private static async Task CopyAsync<T>(
        NpgsqlConnection connection, string table, List<(IProperty Property, string Column, RelationalTypeMapping Mapping)> columns, IReadOnlyList<T> rows,
        CancellationToken cancellationToken) where T : class
    {
        var types = columns.Select(c => c.Mapping.StoreTypeNameBase).ToArray();
        var sql = $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Column}\""))}) FROM STDIN (FORMAT BINARY)";
        await using var copy = await connection.BeginBinaryImportAsync(sql, cancellationToken);
        foreach (var row in rows)
        {
            await copy.StartRowAsync(cancellationToken);
            for (var c = 0; c < columns.Count; c++)
            {
                var (property, _, mapping) = columns[c];
                if (ProviderValue(property, mapping, row) is { } value)
                {
                    await copy.WriteAsync(value, types[c], cancellationToken);
                }
                else
                {
                    await copy.WriteNullAsync(cancellationToken);
                }
            }
        }

        await copy.CompleteAsync(cancellationToken);
    }

    private static string Sql(string table, List<string> columns) =>
        $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
}
