using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Platform.Http;

namespace DistrictOps.Web.Modules.Rostering.ReviewSharing;

public static class SharingApi
{
    public static RouteGroupBuilder MapSharingApi(this RouteGroupBuilder group)
    {
        group.MapGet("/shared/{personId:guid}", async (Guid personId, HttpContext context, SharingHandler handler, CancellationToken ct) =>
                (await handler.ForPersonAsync(personId, new DirectoryReader(context.User, context.Request.Path), ct)).ToOk())
            .WithSummary("Which apps received a person's data, first and last, and by which delivery (none: the OneRoster API). The person is shown under the Directory's student rule and the view is logged.")
            .RequireAuthorization(RosteringPermissions.Read);
        return group;
    }
}
