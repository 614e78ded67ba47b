using System.ComponentModel.DataAnnotations;
using System.Globalization;
using DistrictOps.Web.Modules.Devices.Data;

namespace DistrictOps.Web.Modules.Devices.ReportIncidents;

/// <summary>The report form's fields as typed; the handler checks them (the page only binds).</summary>
public sealed class IncidentForm
{
    [Display(Name = "Device (asset tag or serial)")]
    public string? Device { get; set; }

    public string? Kind { get; set; }

    public string? Cause { get; set; }

    [Display(Name = "Police report number")]
    public string? PoliceReport { get; set; }

    [Display(Name = "Day it happened")]
    public string? OccurredOn { get; set; }

    public string? Description { get; set; }

    [Display(Name = "Ticket number (optional)")]
    public string? TicketId { get; set; }

    public ReportIncident ToCommand() => new(Device, Named<IncidentKind>(Kind), Named<DamageCause>(Cause), PoliceReport, Day(OccurredOn), Description, Ticket(TicketId));

    private static TEnum? Named<TEnum>(string? text)
        where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !text!.Any(char.IsAsciiDigit) ? value : null;

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>"BV-000123", "#123" or "123" is ticket 123; anything else typed is 0, which the handler refuses by name.</summary>
    private static long? Ticket(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        var digits = trimmed[(trimmed.LastIndexOfAny(['-', '#']) + 1)..];
        return digits.Length is > 0 and <= 18 && digits.All(char.IsAsciiDigit) ? long.Parse(digits, CultureInfo.InvariantCulture) : 0;
    }
}
