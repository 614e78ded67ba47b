using System.Globalization;
using DistrictOps.Web.Modules.Directory.Importing;

namespace DistrictOps.UnitTests.Modules.Directory.ImportOneRoster;

/// <summary>The hand-read dates accept only what the framework reads, and read it the same.</summary>
public sealed class IsoDatesTests
{
    [Theory]
    [InlineData("2026-08-12", true)]
    [InlineData("2024-02-29", true)]
    [InlineData("0001-01-01", true)]
    [InlineData("2025-02-29", false)]
    [InlineData("2026-13-01", false)]
    [InlineData("2026-00-10", false)]
    [InlineData("2026-04-31", false)]
    [InlineData("0000-01-01", false)]
    [InlineData("2026-8-12", false)]
    [InlineData("2026/08/12", false)]
    [InlineData("2026-08-1a", false)]
    [InlineData("26-08-2026", false)]
    public void A_date_is_read_by_hand_exactly_when_the_framework_reads_it(string value, bool valid)
    {
        var framework = DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expected);

        var byHand = IsoDates.TryDate(value, out var date);

        Assert.Equal(valid, framework);
        Assert.Equal(framework, byHand);
        Assert.Equal(expected, date);
    }

    [Theory]
    [InlineData("2026-12-07T02:15:00Z")]
    [InlineData("2026-12-07T02:15:00.1Z")]
    [InlineData("2026-12-07T02:15:00.123Z")]
    [InlineData("2026-12-07T23:59:59.9999999Z")]
    [InlineData("2024-02-29T00:00:00.000Z")]
    public void An_instant_of_the_usual_shape_is_read_by_hand_as_the_framework_reads_it(string value)
    {
        Assert.True(DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var expected));

        Assert.True(IsoDates.TryInstant(value, out var instant));
        Assert.Equal(expected, instant);
        Assert.Equal(expected.Offset, instant.Offset);
    }

    [Theory]
    [InlineData("2026-12-07T02:15:00")]
    [InlineData("2026-12-07T02:15:00+01:00")]
    [InlineData("2026-12-07 02:15:00Z")]
    [InlineData("2026-12-07T24:00:00Z")]
    [InlineData("2026-12-07T02:60:00Z")]
    [InlineData("2026-02-30T02:15:00Z")]
    [InlineData("2026-12-07T02:15:00.Z")]
    [InlineData("2026-12-07T02:15:00.12345678Z")]
    [InlineData("2026-12-07")]
    public void Any_other_shape_is_left_to_the_framework(string value)
    {
        Assert.False(IsoDates.TryInstant(value, out _));
    }
}
