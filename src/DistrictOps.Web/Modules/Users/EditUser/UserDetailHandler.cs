using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Users.EditUser;

/// <summary>A site of the account's scope; the name is null when the Directory no longer has the site.</summary>
public sealed record UserSiteRow(Guid Id, string? Name);

public sealed record UserDetail(
    Guid Id,
    string DisplayName,
    string Email,
    IReadOnlyList<string> Roles,
    IReadOnlyList<UserSiteRow> Sites,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DisabledAt,
    Guid? PersonId)
{
    public bool Disabled => DisabledAt is not null;
}

public sealed class UserDetailHandler(AppDbContext db, ISiteDirectory siteDirectory)
{
    public async Task<Result<UserDetail>> HandleAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.CreatedAt, u.DisabledAt, u.PersonId, Sites = u.Sites.Select(s => s.SiteId).ToList() })
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return Result.NotFound($"There is no user {userId}.");
        }

        var roles = await UserDirectory.RolesOfAsync(db, [userId], cancellationToken);
        var sites = new List<UserSiteRow>();
        foreach (var siteId in user.Sites)
        {
            sites.Add(new UserSiteRow(siteId, (await siteDirectory.FindAsync(siteId, cancellationToken))?.Name));
        }

        return new UserDetail(user.Id, user.DisplayName, user.Email ?? "", roles.GetValueOrDefault(userId, []),
            sites.OrderBy(s => s.Name, StringComparer.Ordinal).ToList(), user.CreatedAt, user.DisabledAt, user.PersonId);
    }
}
