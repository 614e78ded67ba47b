using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenIddict.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;

namespace DistrictOps.Web.Modules.Rostering.Data;

/// <summary>
/// One call an app made to the OneRoster API: which app and client, which endpoint, what it asked for, how many records it
/// received and when. Kept beside the deliveries so "what did this app read, and when" has an answer for the API too.
/// </summary>
public sealed class ApiRequest
{
    public const int PathMaxLength = 512;
    public const int QueryMaxLength = 1000;

    public Guid Id { get; set; }

    public Guid AppId { get; set; }

    public required string ClientId { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>"1.1" or "1.2".</summary>
    public required string Version { get; set; }

    /// <summary>The endpoint as the binding names it, e.g. <c>users/{sourcedId}</c> or <c>classes/{sourcedId}/students</c>.</summary>
    public required string Endpoint { get; set; }

    /// <summary>The path asked for, below the version's base path.</summary>
    public required string Path { get; set; }

    /// <summary>The query string as sent (limit, offset, filter, sort, fields), cut to <see cref="QueryMaxLength"/>.</summary>
    public string? Query { get; set; }

    public int Status { get; set; }

    /// <summary>Records returned in this response.</summary>
    public int Returned { get; set; }

    public int DurationMs { get; set; }
}

internal sealed class ApiRequestConfiguration : IEntityTypeConfiguration<ApiRequest>
{
    public void Configure(EntityTypeBuilder<ApiRequest> builder)
    {
        builder.ToTable("rostering_api_requests");
        builder.Property(r => r.ClientId).HasMaxLength(100);
        builder.Property(r => r.Version).HasMaxLength(8);
        builder.Property(r => r.Endpoint).HasMaxLength(100);
        builder.Property(r => r.Path).HasMaxLength(ApiRequest.PathMaxLength);
        builder.Property(r => r.Query).HasMaxLength(ApiRequest.QueryMaxLength);
        builder.HasIndex(r => new { r.AppId, r.At });
        builder.HasOne<RosterApp>().WithMany().HasForeignKey(r => r.AppId).OnDelete(DeleteBehavior.Restrict);
    }
}

// OpenIddict's own tables (the API's OAuth clients and the tokens issued to them), named like the module's other tables.
internal sealed class OAuthApplicationConfiguration : IEntityTypeConfiguration<OpenIddictEntityFrameworkCoreApplication>
{
    public void Configure(EntityTypeBuilder<OpenIddictEntityFrameworkCoreApplication> builder)
    {
        new OpenIddictEntityFrameworkCoreApplicationConfiguration<OpenIddictEntityFrameworkCoreApplication, OpenIddictEntityFrameworkCoreAuthorization, OpenIddictEntityFrameworkCoreToken, string>()
            .Configure(builder);
        builder.ToTable("rostering_openiddict_applications");
    }
}

internal sealed class OAuthAuthorizationConfiguration : IEntityTypeConfiguration<OpenIddictEntityFrameworkCoreAuthorization>
{
    public void Configure(EntityTypeBuilder<OpenIddictEntityFrameworkCoreAuthorization> builder)
    {
        new OpenIddictEntityFrameworkCoreAuthorizationConfiguration<OpenIddictEntityFrameworkCoreAuthorization, OpenIddictEntityFrameworkCoreApplication, OpenIddictEntityFrameworkCoreToken, string>()
            .Configure(builder);
        builder.ToTable("rostering_openiddict_authorizations");
    }
}

internal sealed class OAuthScopeConfiguration : IEntityTypeConfiguration<OpenIddictEntityFrameworkCoreScope>
{
    public void Configure(EntityTypeBuilder<OpenIddictEntityFrameworkCoreScope> builder)
    {
        new OpenIddictEntityFrameworkCoreScopeConfiguration<OpenIddictEntityFrameworkCoreScope, string>().Configure(builder);
        builder.ToTable("rostering_openiddict_scopes");
    }
}

internal sealed class OAuthTokenConfiguration : IEntityTypeConfiguration<OpenIddictEntityFrameworkCoreToken>
{
    public void Configure(EntityTypeBuilder<OpenIddictEntityFrameworkCoreToken> builder)
    {
        new OpenIddictEntityFrameworkCoreTokenConfiguration<OpenIddictEntityFrameworkCoreToken, OpenIddictEntityFrameworkCoreApplication, OpenIddictEntityFrameworkCoreAuthorization, string>()
            .Configure(builder);
        builder.ToTable("rostering_openiddict_tokens");
    }
}
