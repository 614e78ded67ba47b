using DistrictOps.Web.Platform.Data;

namespace DistrictOps.UnitTests.Platform.Data;

public sealed class AscendingIdsTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Ids_of_one_instant_ascend_in_text_and_bytes_and_are_version_7_with_that_timestamp()
    {
        var ids = new AscendingIds(At);

        var made = Enumerable.Range(0, 100_000).Select(_ => ids.Next()).ToList();

        Assert.Equal(made.Count, made.Distinct().Count());
        Assert.Equal(made.Select(g => g.ToString().ToUpperInvariant()).Order(StringComparer.Ordinal), made.Select(g => g.ToString().ToUpperInvariant()));
        Assert.Equal(made.Select(g => Convert.ToHexString(g.ToByteArray(bigEndian: true))).Order(StringComparer.Ordinal),
            made.Select(g => Convert.ToHexString(g.ToByteArray(bigEndian: true))));
        Assert.All(made, g =>
        {
            Assert.Equal(7, g.Version);
            Assert.Equal(0b10, g.Variant >> 2);
            var milliseconds = Convert.ToInt64(g.ToString("N")[..12], 16);
            Assert.Equal(At.ToUnixTimeMilliseconds(), milliseconds);
        });
    }

    [Fact]
    public void Two_batches_of_the_same_instant_do_not_share_ids()
    {
        var first = new AscendingIds(At);
        var second = new AscendingIds(At);

        var a = Enumerable.Range(0, 1_000).Select(_ => first.Next()).ToHashSet();

        Assert.DoesNotContain(Enumerable.Range(0, 1_000).Select(_ => second.Next()), a.Contains);
    }
}
