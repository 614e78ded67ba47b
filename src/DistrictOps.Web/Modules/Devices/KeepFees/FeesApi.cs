using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Http;

namespace DistrictOps.Web.Modules.Devices.KeepFees;

public static class FeesApi
{
    /// <summary>The standard header a client may send instead of <c>requestId</c> in the body, so a retried post records once.</summary>
    public const string IdempotencyKey = "Idempotency-Key";

    public static RouteGroupBuilder MapFeesApi(this RouteGroupBuilder group)
    {
        var fees = group.MapGroup("/fees").RequireAuthorization(DevicesPermissions.Fees);
        fees.MapGet("/{personId:guid}", async (Guid personId, HttpContext context, PermissionRegistry permissions, StudentDevicesHandler handler, CancellationToken ct) =>
                await handler.StatementAsync(personId, DeviceUser.Of(context, DevicesPermissions.Fees, permissions), ct) is { } statement ? Results.Ok(statement) : Results.NotFound())
            .WithSummary("The family's statement (personId: a student or a guardian): each current student's charges, payments and waivers, open charges and totals. Names are null where the student rule hides them.");
        MapRecord(fees, "charges", FeeEntryKind.Charge, "Charge the family for an incident decided as its responsibility (a device not returned or damaged on purpose). amount is dollars as text (\"350.00\").");
        MapRecord(fees, "payments", FeeEntryKind.Payment, "Record a payment against an incident's charge (reason: how it was paid); never more than is still owed.");
        MapRecord(fees, "waivers", FeeEntryKind.Waiver, "Waive part or all of an incident's charge; the caller is recorded as the approver; never more than is still owed.")
            .RequireAuthorization(DevicesPermissions.Waive);
        return group;
    }

    private static RouteHandlerBuilder MapRecord(RouteGroupBuilder fees, string path, FeeEntryKind kind, string summary) =>
        fees.MapPost("/{personId:guid}/" + path, async (Guid personId, RecordFee command, HttpContext context, PermissionRegistry permissions, Fees ledger, CancellationToken ct) =>
            {
                var key = command.RequestId ?? (Guid.TryParse(context.Request.Headers[IdempotencyKey], out var header) ? header : null);
                var recorded = await ledger.RecordAsync(personId, kind, command with { RequestId = key }, DeviceUser.Of(context, DevicesPermissions.Fees, permissions), ct);
                return recorded.ToCreated(r => $"/api/v1/devices/fees/{r.StudentId}", r => r);
            })
            .WithSummary(summary + $" Send requestId (or an {IdempotencyKey} header, a GUID) so a retried post records once (repeated: true).");
}
