namespace DistrictOps.Web.Modules.Helpdesk.Reports.ReportOnService;

/// <summary>
/// How many tickets took each whole number of counted minutes, per group (every ticket, and per site, team and priority):
/// percentiles from these are exact, and they add up across days, so stored days keep them (ADR 0038).
/// </summary>
public sealed class MinuteCounts
{
    private readonly Dictionary<(TimeGrouping Grouping, string Key), Histogram> _groups = [];
    private readonly Dictionary<Guid, string> _siteKeys = [];
    private readonly Dictionary<long, string> _teamKeys = [];
    private readonly Dictionary<long, string> _priorityKeys = [];

    public enum TimeGrouping
    {
        All,
        Site,
        Team,
        Priority,
    }

    public IEnumerable<(TimeGrouping Grouping, string Key)> Groups => _groups.Keys;

    /// <summary>One ticket's minutes; a ticket without a team counts under "none".</summary>
    public void Add(Guid site, long? team, long priority, int minutes)
    {
        Group(TimeGrouping.All, "").Add(minutes, 1);
        Group(TimeGrouping.Site, KeyOf(_siteKeys, site, s => s.ToString())).Add(minutes, 1);
        Group(TimeGrouping.Team, KeyOf(_teamKeys, team ?? -1, t => t < 0 ? "none" : t.ToString(System.Globalization.CultureInfo.InvariantCulture))).Add(minutes, 1);
        Group(TimeGrouping.Priority, KeyOf(_priorityKeys, priority, p => p.ToString(System.Globalization.CultureInfo.InvariantCulture))).Add(minutes, 1);
    }

    /// <summary>Adds another's counts.</summary>
    public void Add(MinuteCounts other)
    {
        foreach (var ((grouping, key), counts) in other._groups)
        {
            var into = Group(grouping, key);
            foreach (var (minutes, count) in counts.Ascending())
            {
                into.Add(minutes, count);
            }
        }
    }

    /// <summary>Adds a group's counts stored by <see cref="Encode"/>.</summary>
    public void AddEncoded(TimeGrouping grouping, string key, ReadOnlySpan<byte> encoded)
    {
        var counts = Group(grouping, key);
        while (!encoded.IsEmpty)
        {
            var minutes = (int)ZigZag(ReadVarint(ref encoded));
            counts.Add(minutes, (long)ReadVarint(ref encoded));
        }
    }

    /// <summary>One group's counts from several encodings (<see cref="Encode"/>) added up, encoded again.</summary>
    public static byte[] Merge(IEnumerable<byte[]> encodings)
    {
        var counts = new MinuteCounts();
        foreach (var encoded in encodings)
        {
            counts.AddEncoded(TimeGrouping.All, "", encoded);
        }

        return counts._groups.Count == 0 ? [] : counts.Encode(TimeGrouping.All, "");
    }

    /// <summary>A group's counts as bytes: (minutes zig-zag, count) pairs as unsigned LEB128 varints, minutes ascending.</summary>
    public byte[] Encode(TimeGrouping grouping, string key)
    {
        var buffer = new List<byte>();
        foreach (var (minutes, count) in _groups[(grouping, key)].Ascending())
        {
            WriteVarint(buffer, (ulong)(((long)minutes << 1) ^ ((long)minutes >> 63)));
            WriteVarint(buffer, (ulong)count);
        }

        return [.. buffer];
    }

    /// <summary>The group's count, median and 90th percentile (<see cref="Percentiles.OfCounts"/>).</summary>
    public TimeFigures Figures(TimeGrouping grouping, string key)
    {
        if (!_groups.TryGetValue((grouping, key), out var counts))
        {
            return new TimeFigures(0, null, null);
        }

        var sorted = counts.Ascending().ToList();
        return new TimeFigures((int)counts.Total, Percentiles.OfCounts(sorted, 0.5), Percentiles.OfCounts(sorted, 0.9));
    }

    private Histogram Group(TimeGrouping grouping, string key)
    {
        if (!_groups.TryGetValue((grouping, key), out var counts))
        {
            _groups[(grouping, key)] = counts = new Histogram();
        }

        return counts;
    }

    private static string KeyOf<T>(Dictionary<T, string> keys, T value, Func<T, string> format)
        where T : notnull
    {
        if (!keys.TryGetValue(value, out var key))
        {
            keys[value] = key = format(value);
        }

        return key;
    }

    private static long ZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);

    private static ulong ReadVarint(ref ReadOnlySpan<byte> bytes)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[0];
            bytes = bytes[1..];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }

    private static void WriteVarint(List<byte> buffer, ulong value)
    {
        while (value >= 0x80)
        {
            buffer.Add((byte)(value | 0x80));
            value >>= 7;
        }

        buffer.Add((byte)value);
    }

    /// <summary>Counts by minute: an array up to <see cref="DenseLimit"/> minutes (grown as needed), a dictionary beyond.</summary>
    private sealed class Histogram
    {
        private const int DenseLimit = 16_384;
        private long[] _dense = new long[64];
        private Dictionary<int, long>? _sparse;

        public long Total { get; private set; }

        public void Add(int minutes, long count)
        {
            Total += count;
            if ((uint)minutes < (uint)_dense.Length)
            {
                _dense[minutes] += count;
            }
            else if (minutes is >= 0 and < DenseLimit)
            {
                Array.Resize(ref _dense, (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)minutes + 1));
                _dense[minutes] += count;
            }
            else
            {
                _sparse ??= [];
                _sparse[minutes] = _sparse.GetValueOrDefault(minutes) + count;
            }
        }

        public IEnumerable<(int Minutes, long Count)> Ascending()
        {
            var sparse = _sparse?.OrderBy(c => c.Key).Select(c => (c.Key, c.Value)).ToList() ?? [];
            foreach (var pair in sparse.Where(c => c.Key < 0))
            {
                yield return pair;
            }

            for (var minutes = 0; minutes < _dense.Length; minutes++)
            {
                if (_dense[minutes] != 0)
                {
                    yield return (minutes, _dense[minutes]);
                }
            }

            foreach (var pair in sparse.Where(c => c.Key >= 0))
            {
                yield return pair;
            }
        }
    }
}
