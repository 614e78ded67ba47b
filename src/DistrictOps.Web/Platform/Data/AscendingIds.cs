using System.Buffers.Binary;
using System.Security.Cryptography;

namespace DistrictOps.Web.Platform.Data;

/// <summary>
/// Version 7 ids for one batch of new rows that also ascend within a millisecond (RFC 9562, section 6.2, method 1:
/// a counter right after the timestamp, random bits after it). <see cref="Guid.CreateVersion7(DateTimeOffset)"/> is
/// random after the timestamp, so a first load, where every row gets the same instant, inserted its keys into the
/// primary-key index in random order: more page splits, a bigger index and more pages written at commit. These ids
/// sort by creation in their text form (SQLite) and byte form (PostgreSQL's uuid) alike. Not thread-safe: one per
/// batch.
/// </summary>
public sealed class AscendingIds
{
    private const int CounterBits = 42;
    private const long CounterMask = (1L << CounterBits) - 1;
    /// <summary>
    /// Random bytes drawn 4 KiB at a time: a draw from the secure generator for each id took 0.7 s of the 700,000 ids of a
    /// first load of 100,000 students, more than the rest of the id (bench/README.md, OneRoster import).
    /// </summary>
    private readonly byte[] _random = new byte[4096];
    private int _randomUsed;
    private long _milliseconds;
    private long _counter;

    public AscendingIds(DateTimeOffset at)
    {
        _milliseconds = at.ToUnixTimeMilliseconds();
        // Start low in a random place: distinct batches in one millisecond rarely meet, and the counter has room to climb.
        _counter = RandomNumberGenerator.GetInt32(int.MaxValue);
        _randomUsed = _random.Length;
    }

    public Guid Next()
    {
        if (++_counter > CounterMask)
        {
            _counter = 0;
            _milliseconds++;
        }

        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteInt64BigEndian(bytes, _milliseconds << 16);
        var counter = _counter;
        bytes[6] = (byte)(0x70 | ((counter >> 38) & 0x0F));
        bytes[7] = (byte)(counter >> 30);
        bytes[8] = (byte)(0x80 | ((counter >> 24) & 0x3F));
        bytes[9] = (byte)(counter >> 16);
        bytes[10] = (byte)(counter >> 8);
        bytes[11] = (byte)counter;
        if (_randomUsed == _random.Length)
        {
            RandomNumberGenerator.Fill(_random);
            _randomUsed = 0;
        }

        _random.AsSpan(_randomUsed, 4).CopyTo(bytes[12..]);
        _randomUsed += 4;
        return new Guid(bytes, bigEndian: true);
    }
}
