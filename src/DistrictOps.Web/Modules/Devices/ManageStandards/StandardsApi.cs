using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Http;

namespace DistrictOps.Web.Modules.Devices.ManageStandards;

public static class StandardsApi
{
    public static RouteGroupBuilder MapStandardsApi(this RouteGroupBuilder group)
    {
        var standards = group.MapGroup("/standards");
        standards.MapGet("/", async (StandardsHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(ct)))
            .WithSummary("Every device standard with its checklist and how many devices it has: proposed first, then approved, then retired.")
            .RequireAuthorization(DevicesPermissions.Read);
        standards.MapGet("/{id:guid}", async (Guid id, StandardsHandler handler, CancellationToken ct) => (await handler.GetAsync(id, ct)).ToOk())
            .WithSummary("One standard with its compatibility checklist.")
            .RequireAuthorization(DevicesPermissions.Read);
        standards.MapPost("/", async (SaveStandardCommand command, StandardsHandler handler, CancellationToken ct) =>
                (await handler.CreateAsync(command, ct)).ToCreated(s => $"/api/v1/devices/standards/{s.Id}", s => s))
            .WithSummary("Propose a standard (unitCost in dollars, grades as codes KG,01…); every checklist item starts not tested.")
            .RequireAuthorization(DevicesPermissions.Standards);
        standards.MapPut("/{id:guid}", async (Guid id, SaveStandardCommand command, StandardsHandler handler, CancellationToken ct) =>
                (await handler.UpdateAsync(id, command, ct)).ToOk())
            .WithSummary("Change a standard; version refuses with 409 when someone saved in between. An approved standard's model and image are fixed.")
            .RequireAuthorization(DevicesPermissions.Standards);
        standards.MapPost("/{id:guid}/checks", async (Guid id, RecordCheckCommand command, HttpContext context, PermissionRegistry permissions, StandardsHandler handler, CancellationToken ct) =>
                (await handler.RecordCheckAsync(id, command, DeviceUser.Of(context, DevicesPermissions.Standards, permissions), ct)).ToOk())
            .WithSummary("Record one compatibility check's result (Pass, Fail with notes, NotTested) on a proposed standard.")
            .RequireAuthorization(DevicesPermissions.Standards);
        standards.MapPost("/{id:guid}/approve", async (Guid id, HttpContext context, PermissionRegistry permissions, StandardsHandler handler, CancellationToken ct) =>
                (await handler.ApproveAsync(id, DeviceUser.Of(context, DevicesPermissions.Standards, permissions), ct)).ToOk())
            .WithSummary("Approve a proposed standard whose every check passed (409 naming the checks that did not).")
            .RequireAuthorization(DevicesPermissions.Standards);
        standards.MapPost("/{id:guid}/retire", async (Guid id, StandardsHandler handler, CancellationToken ct) => (await handler.RetireAsync(id, ct)).ToOk())
            .WithSummary("Stop buying a standard; its devices stay in the register and the forecast.")
            .RequireAuthorization(DevicesPermissions.Standards);
        return group;
    }
}
