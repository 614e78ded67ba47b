using System.Security.Claims;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Rostering.Data;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Rostering.ReviewSharing;

/// <summary>The Directory's person page lists the apps that received the person's data, for those who hold rostering.read.</summary>
internal sealed class PersonDataSharing(AppDbContext db, PermissionRegistry permissions) : IPersonDataSharing
{
    public async Task<IReadOnlyList<PersonSharedApp>> ForPersonAsync(Guid personId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (!permissions.Grants(user, RosteringPermissions.Read))
        {
            return [];
        }

        return await (from s in db.Set<SharedPerson>().AsNoTracking()
                      where s.PersonId == personId
                      join app in db.Set<RosterApp>() on s.AppId equals app.Id
                      orderby app.Name
                      select new PersonSharedApp(app.Name, s.FirstSharedAt, s.LastSharedAt, "/rostering/shared?person=" + personId.ToString()))
            .ToListAsync(cancellationToken);
    }
}
