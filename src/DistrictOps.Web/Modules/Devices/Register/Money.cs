using System.Globalization;

namespace DistrictOps.Web.Modules.Devices.Register;

/// <summary>Amounts are whole cents in the database (both providers sum and sort them exactly); dollars on screen and in files.</summary>
public static class Money
{
    public static string Format(long cents) => (cents / 100m).ToString("C2", CultureInfo.GetCultureInfo("en-US"));

    /// <summary>"12.5", "12.50", "$1,299.00" → cents; null when it is not an amount of at most two decimals from 0 to 1,000,000.</summary>
    public static long? Parse(string? text)
    {
        var trimmed = text?.Trim().TrimStart('$').Replace(",", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(trimmed)
            || !decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var dollars)
            || dollars > 1_000_000m || decimal.Round(dollars, 2) != dollars)
        {
            return null;
        }

        return (long)(dollars * 100m);
    }

    public static string Dollars(long cents) => (cents / 100m).ToString("0.00", CultureInfo.InvariantCulture);
}
