using System.ComponentModel.DataAnnotations;
using DistrictOps.Web.Platform.Settings;

namespace DistrictOps.Web.Platform.Http;

/// <summary>The <c>Http</c> configuration section: the installation's public address and limits on what a request may carry.</summary>
public sealed class HttpOptions
{
    public const string Section = "Http";

    /// <summary>The largest request body (an import zip is the largest upload); a larger one is answered 413 before it is read.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxRequestBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>
    /// Where links in emails point (tickets, surveys, password reset links): the public address of this installation. Never
    /// taken from a request's Host header, which whoever sends the request chooses (docs/deploy.md, AllowedHosts).
    /// </summary>
    [Required, HttpUrl]
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    /// <summary>Whether <c>/openapi/v1.json</c> is served without signing in; unset, it is everywhere but in Production.</summary>
    public bool? OpenApiAnonymous { get; set; }

    /// <summary>The absolute address of <paramref name="path"/> ("/helpdesk/requests/BV-000123") under <see cref="PublicBaseUrl"/>.</summary>
    public string Link(string path) => PublicBaseUrl.TrimEnd('/') + path;
}
