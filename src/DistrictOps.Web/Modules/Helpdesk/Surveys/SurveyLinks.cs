using DistrictOps.Web.Platform.Http;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Modules.Helpdesk.Surveys;

public enum SurveyLinkProblem
{
    Invalid,
    Expired,

    /// <summary>The ticket was reopened after the survey was sent: the answer would rate a solution that did not hold.</summary>
    TicketReopened,
}

/// <summary>
/// The one-click links in a survey email. The token is the survey id and an expiry, protected by ASP.NET Core
/// Data Protection (encrypted and authenticated), so it cannot be forged, altered or pointed at another survey.
/// The expiry is checked against the injected clock rather than the protector's own, so tests can move time.
/// </summary>
public sealed class SurveyLinks(IDataProtectionProvider protection, TimeProvider clock, IOptions<HelpdeskOptions> options, IOptions<HttpOptions> http)
{
    private readonly IDataProtector _protector = protection.CreateProtector("DistrictOps.Helpdesk.SurveyLink.v1");

    public string Token(long surveyId, DateTimeOffset sentAt)
    {
        var expires = sentAt.AddDays(Math.Max(options.Value.Surveys.LinkValidDays, 1)).ToUnixTimeSeconds();
        return _protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{surveyId}:{expires}"));
    }

    public string Url(string token, string rating, string? culture = null) =>
        http.Value.Link($"/helpdesk/survey/{Uri.EscapeDataString(token)}?rating={rating}") + (culture is null ? "" : "&lang=" + culture);

    /// <summary>The survey the token names, or why it cannot be used.</summary>
    public (long SurveyId, SurveyLinkProblem? Problem) Read(string? token)
    {
        string payload;
        try
        {
            payload = _protector.Unprotect(token ?? "");
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return (0, SurveyLinkProblem.Invalid);
        }

        var parts = payload.Split(':');
        if (parts.Length != 2
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return (0, SurveyLinkProblem.Invalid);
        }

        return clock.GetUtcNow().ToUnixTimeSeconds() > expires ? (id, SurveyLinkProblem.Expired) : (id, null);
    }
}
