using System.ComponentModel.DataAnnotations;

namespace DistrictOps.Web.Platform.Http;

/// <summary>The <c>Http</c> configuration section: limits on what a request may carry.</summary>
public sealed class HttpOptions
{
    public const string Section = "Http";

    /// <summary>The largest request body (an import zip is the largest upload); a larger one is answered 413 before it is read.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxRequestBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>Whether <c>/openapi/v1.json</c> is served without signing in; unset, it is everywhere but in Production.</summary>
    public bool? OpenApiAnonymous { get; set; }
}
