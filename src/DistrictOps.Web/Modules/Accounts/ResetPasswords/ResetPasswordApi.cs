using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Platform.Http;

namespace DistrictOps.Web.Modules.Accounts.ResetPasswords;

public static class ResetPasswordApi
{
    /// <summary>The standard header a client may send instead of <c>requestId</c> in the body, so a retried post resets once.</summary>
    public const string IdempotencyKey = "Idempotency-Key";

    public static RouteGroupBuilder MapResetPasswordApi(this RouteGroupBuilder group)
    {
        group.MapPost("/reset", async (ResetPasswordCommand command, HttpContext context, ResetPasswordHandler handler, CancellationToken ct) =>
            {
                var key = command.RequestId ?? (Guid.TryParse(context.Request.Headers[IdempotencyKey], out var header) ? header : null);
                return (await handler.ResetAsync(command with { RequestId = key }, context.User, DirectoryReader.Of(context), ct)).ToOk();
            })
            .WithSummary("Resets a staff member's directory password from a help desk ticket and returns the new password, once: ticket (one you work), personId, "
                + "target (when they have accounts in more than one directory), employeeId (what the caller said; compared with HR's), checks (callback, inPerson, "
                + "supervisor; at least two checks in all, one of them callback or inPerson) and reason. Only over LDAPS (409 otherwise), never a student, never "
                + $"someone with a permission the caller lacks (403). Send requestId (or an {IdempotencyKey} header, a GUID) so a retried post resets once (repeated: true, no password).")
            .RequireAuthorization(AccountsPermissions.Reset);
        return group;
    }
}
