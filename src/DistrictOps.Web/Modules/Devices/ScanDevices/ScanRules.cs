using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Platform;

namespace DistrictOps.Web.Modules.Devices.ScanDevices;

/// <summary>How a scan's choices are read from a form or the API: accessories by name, a condition by its letter.</summary>
public static class ScanRules
{
    /// <summary>The longest code a scan may carry: a serial (tags are shorter), or a person's number.</summary>
    public const int CodeMaxLength = Device.SerialMaxLength;

    /// <summary>Every accessory's name, in the order the forms offer them.</summary>
    public static readonly IReadOnlyList<string> AllAccessories = Enum.GetValues<Accessories>().Where(a => a != Accessories.None).Select(a => a.ToString()).ToList();

    private static readonly string AccessoryNames = string.Join(", ", AllAccessories);

    /// <summary>Accessories named one per value or comma-separated ("Charger", "Charger, Case"), any case; each unknown name is an error.</summary>
    public static Accessories ParseAccessories(IEnumerable<string?>? names, ErrorList errors, string field = "accessories")
    {
        var result = Accessories.None;
        foreach (var name in (names ?? []).SelectMany(n => (n ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!name.Any(char.IsAsciiDigit) && Enum.TryParse<Accessories>(name, ignoreCase: true, out var one) && one != Accessories.None && Enum.IsDefined(one))
            {
                result |= one;
            }
            else
            {
                errors.Add(field, $"Expected any of {AccessoryNames}; got '{Shown(name)}'.");
            }
        }

        return result;
    }

    /// <summary>A condition grade by its letter, any case; A (like new) when none is given.</summary>
    public static Condition ParseCondition(string? text, ErrorList errors, string field = "condition")
    {
        var letter = text?.Trim();
        if (string.IsNullOrEmpty(letter))
        {
            return Condition.A;
        }

        if (letter.Length == 1 && char.IsAsciiLetter(letter[0]) && Enum.TryParse<Condition>(letter, ignoreCase: true, out var condition) && Enum.IsDefined(condition))
        {
            return condition;
        }

        errors.Add(field, $"Expected A (like new), B, C or D (unusable); got '{Shown(letter)}'.");
        return Condition.A;
    }

    /// <summary>The accessories' names for a form's checkboxes and a page's query: "Charger", "Case".</summary>
    public static IReadOnlyList<string> Names(Accessories accessories) =>
        Enum.GetValues<Accessories>().Where(a => a != Accessories.None && accessories.HasFlag(a)).Select(a => a.ToString()).ToList();

    private static string Shown(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
