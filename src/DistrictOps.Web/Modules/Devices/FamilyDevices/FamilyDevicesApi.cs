using System.Globalization;
using System.Security.Claims;
using DistrictOps.Web.Platform.Http;

namespace DistrictOps.Web.Modules.Devices.FamilyDevices;

public static class FamilyDevicesApi
{
    public static RouteGroupBuilder MapFamilyDevicesApi(this RouteGroupBuilder group)
    {
        var family = group.MapGroup("/family").RequireAuthorization(DevicesPermissions.Family);
        family.MapGet("/devices", async (ClaimsPrincipal user, FamilyDevicesHandler handler, CancellationToken ct) =>
                (await handler.DevicesAsync(user, CultureInfo.CurrentUICulture, ct)).ToOk())
            .WithSummary("The signed-in guardian's children: the devices each holds (tag, model, since, accessories), this school year's agreement, and the agreement's text in the request's language.");
        family.MapGet("/statement", async (ClaimsPrincipal user, FamilyDevicesHandler handler, CancellationToken ct) =>
                (await handler.StatementAsync(user, ct)).ToOk())
            .WithSummary("The signed-in guardian's fee statement: charges, payments and waivers (with their approver and reason) for each of their children.");
        family.MapPost("/agreements", async (SignAgreement command, ClaimsPrincipal user, FamilyDevicesHandler handler, CancellationToken ct) =>
                (await handler.SignAsync(command, user, ct)).ToCreated(_ => "/api/v1/devices/family/devices", a => a))
            .WithSummary("Sign this school year's device agreement for one of your children by typing your full name (signedByName); protectionOptIn is optional and voluntary.");
        return group;
    }
}
