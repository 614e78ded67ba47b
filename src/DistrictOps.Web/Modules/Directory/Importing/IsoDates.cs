namespace DistrictOps.Web.Modules.Directory.Importing;

/// <summary>
/// The two shapes OneRoster files write dates in, read by hand: a million students' files hold about nine million of
/// them, and the framework's parsers cost more per value than the rest of the row. Each accepts only values the
/// framework's parse would read the same way; callers fall back to the framework for anything else.
/// </summary>
internal static class IsoDates
{
    /// <summary><c>yyyy-MM-dd</c> exactly, as <c>DateOnly.TryParseExact(value, "yyyy-MM-dd")</c> reads it.</summary>
    public static bool TryDate(ReadOnlySpan<char> value, out DateOnly date)
    {
        date = default;
        if (value.Length != 10 || value[4] != '-' || value[7] != '-')
        {
            return false;
        }

        var (year, month, day) = (Digits(value[..4]), Digits(value[5..7]), Digits(value[8..10]));
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>
    /// <c>yyyy-MM-ddTHH:mm:ss[.f…]Z</c> with one to seven digits of a second, as <c>DateTimeOffset.TryParse</c> reads it
    /// (universal).
    /// </summary>
    public static bool TryInstant(ReadOnlySpan<char> value, out DateTimeOffset instant)
    {
        instant = default;
        if (value.Length is < 20 or > 28 || value[10] != 'T' || value[13] != ':' || value[16] != ':' || value[^1] != 'Z'
            || (value.Length > 20 && (value[19] != '.' || value.Length == 21)) || !TryDate(value[..10], out var date))
        {
            return false;
        }

        var (hour, minute, second) = (Digits(value[11..13]), Digits(value[14..16]), Digits(value[17..19]));
        var fraction = value.Length == 20 ? 0 : Digits(value[20..^1]);
        if (hour is < 0 or > 23 || minute is < 0 or > 59 || second is < 0 or > 59 || fraction < 0)
        {
            return false;
        }

        // The fraction's digits are tenths, hundredths, …: scaled to the seven of a tick.
        var ticks = fraction * (long)Math.Pow(10, 7 - (value.Length - 21));
        instant = new DateTimeOffset(date.Year, date.Month, date.Day, hour, minute, second, TimeSpan.Zero).AddTicks(ticks);
        return true;
    }

    /// <summary>The number the ASCII digits spell; -1 when one is not a digit.</summary>
    private static int Digits(ReadOnlySpan<char> digits)
    {
        var number = 0;
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return -1;
            }

            number = (number * 10) + (c - '0');
        }

        return number;
    }
}
