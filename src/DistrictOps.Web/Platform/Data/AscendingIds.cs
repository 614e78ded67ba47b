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
    private long _milliseconds;
    private long _counter;

    public AscendingIds(DateTimeOffset at)
    {
        _milliseconds = at.ToUnixTimeMilliseconds();
        // Start low in a random place: distinct batches in one millisecond rarely meet, and the counter has room to climb.
        _counter = RandomNumberGenerator.GetInt32(int.MaxValue);
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
        RandomNumberGenerator.Fill(bytes[12..]);
        return new Guid(bytes, bigEndian: true);
    }
}
