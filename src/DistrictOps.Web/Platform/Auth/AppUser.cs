using Microsoft.AspNetCore.Identity;

namespace DistrictOps.Web.Platform.Auth;

public sealed class AppUser : IdentityUser<Guid>
{
    public const int DisplayNameMaxLength = 200;

    public required string DisplayName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The Directory person this account belongs to (matched by source id, never by name), if any.</summary>
    public Guid? PersonId { get; set; }

    /// <summary>When the account was disabled: it may not sign in by any means, and its API tokens do not work, until enabled again.</summary>
    public DateTimeOffset? DisabledAt { get; set; }

    public List<UserSite> Sites { get; } = [];
}

/// <summary>A site a user's site-scoped roles apply to. The site is the Directory's, referred to by id.</summary>
public sealed class UserSite
{
    public Guid UserId { get; set; }

    public Guid SiteId { get; set; }
}
