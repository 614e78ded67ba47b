using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Http;

namespace DistrictOps.Web.Modules.Devices.KeepFees;

public static class AgreementsApi
{
    public static RouteGroupBuilder MapAgreementsApi(this RouteGroupBuilder group)
    {
        var agreements = group.MapGroup("/agreements");
        agreements.MapGet("/", async (Guid studentId, HttpContext context, PermissionRegistry permissions, StudentDevicesHandler handler, CancellationToken ct) =>
                (await handler.AgreementsAsync(studentId, DeviceUser.Of(context, DevicesPermissions.Read, permissions), ct)).ToOk())
            .RequireAuthorization(DevicesPermissions.Read)
            .WithSummary("A student's device agreements, newest school year first (studentId required); site technicians for students at their sites.");
        agreements.MapPost("/", async (RecordPaperAgreement command, HttpContext context, PermissionRegistry permissions, StudentDevicesHandler handler, CancellationToken ct) =>
                (await handler.RecordAgreementAsync(command, DeviceUser.Of(context, DevicesPermissions.Assign, permissions), ct))
                    .ToCreated(a => $"/api/v1/devices/agreements?studentId={a.Agreement.StudentId}", a => a))
            .RequireAuthorization(DevicesPermissions.Assign)
            .WithSummary("Record this school year's paper agreement: who signed it (signedByPersonId, if given, one of the student's guardians) and the voluntary protection opt-in. The same again changes nothing (repeated: true).");
        return group;
    }
}
