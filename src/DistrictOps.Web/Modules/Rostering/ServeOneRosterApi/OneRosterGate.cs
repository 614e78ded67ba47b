using DistrictOps.Web.Modules.Rostering.Data;
using DistrictOps.Web.Modules.Rostering.Sharing;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Time;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;

namespace DistrictOps.Web.Modules.Rostering.ServeOneRosterApi;

/// <summary>Marks the demographics endpoints, which need the roster-demographics (or roster) scope.</summary>
public sealed class DemographicsEndpoint;

/// <summary>
/// In front of every OneRoster route: the bearer token, validated by OpenIddict (and looked up, so a rotated or revoked
/// secret's tokens stop at once); the app it was issued to, which must be active, its data-privacy agreement in force, with an enabled agreement (the API is
/// one of the ways an agreement delivers, so any enabled agreement may use it); the token's scope for the endpoint; then
/// the answer, recorded with the people it held. Refusals carry the binding's status information.
/// </summary>
public sealed class OneRosterGate(AppDbContext db, ApiAudit audit, TimeProvider time, DistrictTime districtTime, ILogger<OneRosterGate> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var started = time.GetTimestamp();
        var token = await http.AuthenticateAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        if (token.Principal?.GetClaim(OpenIddictConstants.Claims.Subject) is not { } clientId)
        {
            return new OneRosterErrorResult(OneRosterError.Unauthorized("A valid bearer token is required: ask the token endpoint for one with the app's client id and secret."));
        }

        var app = await (from a in db.Set<RosterApp>().AsNoTracking()
                         where a.ClientId == clientId
                         join g in db.Set<SharingAgreement>().AsNoTracking() on a.Id equals g.AppId into agreements
                         from g in agreements.DefaultIfEmpty()
                         select new { App = a, Agreement = g }).FirstOrDefaultAsync(http.RequestAborted);
        if (app is null)
        {
            return new OneRosterErrorResult(OneRosterError.Unauthorized("The token's client is no longer registered."));
        }

        var agreement = app.Agreement;
        var caller = new ApiCaller(app.App.Id, clientId, agreement is null ? new(null, 0, 0, []) : AgreementRules.ScopeOf(agreement),
            agreement?.Fields ?? SharedFields.None, agreement?.Revision ?? 0, [.. token.Principal.GetScopes()]);
        var access = http.GetEndpoint()?.Metadata.GetMetadata<DemographicsEndpoint>() is null ? ApiAccess.Core : ApiAccess.Demographics;
        var refusal = AgreementRules.RefusalOf(app.App, agreement, districtTime.Today) is { } refused ? OneRosterError.Forbidden(refused.Message)
            : !OneRosterScopes.Allows(caller.Scopes, access) ? OneRosterError.Forbidden($"The token's scope does not include {(access == ApiAccess.Core ? "roster-core.readonly" : "roster-demographics.readonly")}.")
            : null;
        IOneRosterAnswer answer;
        if (refusal is not null)
        {
            answer = new OneRosterErrorResult(refusal);
        }
        else
        {
            http.Items[OneRosterReader.CallerKey] = caller;
            answer = await AnswerAsync(context, next);
        }

        await audit.RecordAsync(caller, http, answer, time.GetElapsedTime(started), CancellationToken.None);
        return answer;
    }

    private async Task<IOneRosterAnswer> AnswerAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return (IOneRosterAnswer)(await next(context))!;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The request id ties this to the answer; the exception's own text may quote query values, so only its type is logged.
            logger.LogError("OneRoster request {RequestId} failed with {ExceptionType}.", context.HttpContext.TraceIdentifier, e.GetType().Name);
            return new OneRosterErrorResult(OneRosterError.Internal());
        }
    }
}
