using System.Buffers;
using System.Buffers.Text;
using System.Text;
using DistrictOps.Web.Modules.Directory.Data;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace DistrictOps.Web.Modules.Directory.Importing;

/// <summary>
/// A file's stored rows read on SQLite through the native statement. Microsoft.Data.Sqlite's reader makes a string of
/// every sourcedId and parses every id through it; for a million students' 9.5 million stored rows that cost more than
/// SQLite's own stepping, on the thread the comparison waits for. Here each value is read from SQLite's bytes: the
/// sourcedId decoded into one reused buffer and keyed, an id parsed from its text (or its 16 bytes, as
/// Microsoft.Data.Sqlite reads a BLOB id). The query is <c>OneRosterImporter</c>'s, column for column.
/// </summary>
internal static class StoredRowsSqlite
{
    /// <summary>The rows, or null when two sourcedIds share a key (the caller loads again with another seed).</summary>
    public static StoredRows? Load(SqliteConnection connection, string sql, IdKeys keys, int capacity, bool people, CancellationToken ct)
    {
        var stored = new StoredRows(keys, capacity);
        var handle = connection.Handle!;
        var rc = raw.sqlite3_prepare_v2(handle, sql, out var statement);
        SqliteException.ThrowExceptionForRC(rc, handle);
        var chars = ArrayPool<char>.Shared.Rent(1024);
        try
        {
            using (statement)
            {
                for (var n = 0; (rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW; n++)
                {
                    if (n % 65_536 == 0)
                    {
                        ct.ThrowIfCancellationRequested();
                    }

                    var row = new StoredRow(IdAt(statement, 1), raw.sqlite3_column_int64(statement, 2), raw.sqlite3_column_int(statement, 3) != 0);
                    if (people)
                    {
                        row.Site = stored.SiteNumber(raw.sqlite3_column_type(statement, 4) == raw.SQLITE_NULL ? null : IdAt(statement, 4));
                        row.Kind = (byte)(Enum.Parse<PersonKind>(Text(statement, 5, ref chars)) + 1);
                    }

                    if (!stored.TryAdd(keys.Of(Text(statement, 0, ref chars)), row))
                    {
                        return null;
                    }
                }

                if (rc != raw.SQLITE_DONE)
                {
                    SqliteException.ThrowExceptionForRC(rc, handle);
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }

        return stored;
    }

    private static ReadOnlySpan<char> Text(sqlite3_stmt statement, int column, ref char[] chars)
    {
        var bytes = raw.sqlite3_column_blob(statement, column);
        if (Encoding.UTF8.GetMaxCharCount(bytes.Length) > chars.Length)
        {
            ArrayPool<char>.Shared.Return(chars);
            chars = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(bytes.Length));
        }

        return chars.AsSpan(0, Encoding.UTF8.GetChars(bytes, chars));
    }

    private static Guid IdAt(sqlite3_stmt statement, int column)
    {
        // The type first: SQLite defines a column's type only until a read has converted its value.
        var blob = raw.sqlite3_column_type(statement, column) == raw.SQLITE_BLOB;
        var bytes = raw.sqlite3_column_blob(statement, column);
        if (blob && bytes.Length == 16)
        {
            return new Guid(bytes);
        }

        return Utf8Parser.TryParse(bytes, out Guid id, out var read, 'D') && read == bytes.Length
            ? id
            : Guid.Parse(Encoding.UTF8.GetString(bytes));
    }
}
