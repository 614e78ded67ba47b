using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DistrictOps.Web.Modules.Directory.Data;

namespace DistrictOps.Web.Modules.Directory.Importing;

/// <summary>
/// A sourcedId reduced to 64 bits (XxHash3 of its UTF-16 code units with a seed), so the maps and sets over
/// millions of ids hold no strings. Each file's ids have one seed.
/// </summary>
internal readonly record struct IdKeys(long Seed)
{
    public ulong Of(string sourcedId) => Of(sourcedId.AsSpan());

    public ulong Of(ReadOnlySpan<char> sourcedId) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(sourcedId), Seed);
}

/// <summary>What DistrictOps holds of one imported row: its id, content hash and whether it has left.</summary>
internal record struct StoredRow(Guid Id, long Hash, bool Left)
{
    /// <summary>The row is in the file being imported.</summary>
    public bool Seen { get; set; }

    /// <summary>For people: the kind, as 1 + its value; 0 when not loaded.</summary>
    public byte Kind { get; set; }

    /// <summary>For people: the primary site, as <see cref="StoredRows.SiteNumber"/> gave it; 0 for none.</summary>
    public int Site { get; set; }

    public readonly PersonKind? PersonKind => Kind == 0 ? null : (PersonKind)(Kind - 1);
}

/// <summary>
/// The stored rows of one entity by <see cref="IdKeys"/> of their sourcedId. Stored sourcedIds are unique, so two
/// rows with one key are a hash collision: <c>TryAdd</c> says so, and the caller loads again with another seed.
/// </summary>
internal sealed class StoredRows(IdKeys keys, int capacity = 0)
{
    private readonly Dictionary<ulong, StoredRow> _rows = new(capacity);
    private readonly List<Guid> _sites = [];
    private readonly Dictionary<Guid, int> _siteIndex = [];

    public IdKeys Keys { get; } = keys;

    public int Count => _rows.Count;

    public IEnumerable<KeyValuePair<ulong, StoredRow>> Rows => _rows;

    public bool TryAdd(string sourcedId, StoredRow row) => _rows.TryAdd(Keys.Of(sourcedId), row);

    public bool TryAdd(ulong key, StoredRow row) => _rows.TryAdd(key, row);

    public bool TryGet(string sourcedId, out StoredRow row) => _rows.TryGetValue(Keys.Of(sourcedId), out row);

    public StoredRow Get(string sourcedId) =>
        _rows.TryGetValue(Keys.Of(sourcedId), out var row) ? row : throw new KeyNotFoundException($"'{sourcedId}' is not stored.");

    /// <summary>The stored row with this key, or a null reference (<see cref="Unsafe.IsNullRef{T}(ref readonly T)"/>).</summary>
    public ref StoredRow Find(ulong key) => ref CollectionsMarshal.GetValueRefOrNullRef(_rows, key);

    public void Set(string sourcedId, StoredRow row) => _rows[Keys.Of(sourcedId)] = row;

    public int SiteNumber(Guid? site)
    {
        if (site is not { } id)
        {
            return 0;
        }

        if (!_siteIndex.TryGetValue(id, out var index))
        {
            _siteIndex[id] = index = _sites.Count;
            _sites.Add(id);
        }

        return index + 1;
    }

    public Guid? SiteOf(StoredRow row) => row.Site == 0 ? null : _sites[row.Site - 1];
}
