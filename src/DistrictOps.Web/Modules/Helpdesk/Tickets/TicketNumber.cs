using System.Globalization;

namespace DistrictOps.Web.Modules.Helpdesk.Tickets;

/// <summary>How people write a ticket's key: the prefix, a dash and at least six digits (BV-000123).</summary>
public static class TicketNumber
{
    public static string Format(string prefix, long id) => $"{prefix}-{id.ToString("D6", CultureInfo.InvariantCulture)}";

    /// <summary>Accepts "BV-000123", "bv-123", "#123" and "123".</summary>
    public static long? Parse(string? text, string prefix)
    {
        var value = text?.Trim() ?? "";
        if (value.StartsWith(prefix + "-", StringComparison.OrdinalIgnoreCase))
        {
            value = value[(prefix.Length + 1)..];
        }
        else if (value.StartsWith('#'))
        {
            value = value[1..];
        }

        return value.Length is > 0 and <= 18 && value.All(char.IsAsciiDigit) && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : null;
    }
}
