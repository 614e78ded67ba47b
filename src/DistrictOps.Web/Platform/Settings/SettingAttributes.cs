using System.ComponentModel.DataAnnotations;

namespace DistrictOps.Web.Platform.Settings;

/// <summary>An absolute http or https address, or nothing (add <see cref="RequiredAttribute"/> when one is needed).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class HttpUrlAttribute() : ValidationAttribute("{0} must be an absolute http or https address.")
{
    public override bool IsValid(object? value) =>
        value is not string text || string.IsNullOrWhiteSpace(text)
        || Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}

/// <summary>A time zone this machine knows, by IANA or Windows id ("America/Los_Angeles").</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class TimeZoneIdAttribute() : ValidationAttribute("{0} must be a time zone id such as America/Los_Angeles.")
{
    public override bool IsValid(object? value) =>
        value is string id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}
