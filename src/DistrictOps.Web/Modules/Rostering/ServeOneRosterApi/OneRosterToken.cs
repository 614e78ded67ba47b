using System.Security.Claims;
using DistrictOps.Web.Modules.Rostering.Data;
using DistrictOps.Web.Modules.Rostering.Sharing;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Time;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;

namespace DistrictOps.Web.Modules.Rostering.ServeOneRosterApi;

/// <summary>
/// The token endpoint's last word. OpenIddict has already authenticated the client (its secret, hashed in its table) and
/// checked the grant (client credentials only) and the scopes; here the app behind the client must be allowed data now
/// (<see cref="AgreementRules.RefusalOf"/>: active, its data-privacy agreement in force, its sharing agreement enabled).
/// The token names the client and carries the scopes asked for, or roster-core.readonly when none were.
/// </summary>
public static class OneRosterToken
{
    public static async Task<IResult> IssueAsync(HttpContext http, AppDbContext db, DistrictTime time)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("The OpenIddict server did not handle the token request.");
        var clientId = request.ClientId!;
        var app = await (from a in db.Set<RosterApp>().AsNoTracking()
                         where a.ClientId == clientId
                         join g in db.Set<SharingAgreement>().AsNoTracking() on a.Id equals g.AppId into agreements
                         from g in agreements.DefaultIfEmpty()
                         select new { App = a, Agreement = g }).FirstOrDefaultAsync(http.RequestAborted);
        var refusal = app is null ? "The client is not an app's any more." : AgreementRules.RefusalOf(app.App, app.Agreement, time.Today)?.Message;
        if (refusal is not null)
        {
            return Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = OpenIddictConstants.Errors.UnauthorizedClient,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = refusal,
            }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, OpenIddictConstants.Claims.Name, OpenIddictConstants.Claims.Role);
        identity.SetClaim(OpenIddictConstants.Claims.Subject, clientId);
        identity.SetClaim(OpenIddictConstants.Claims.Name, app!.App.Name);
        var scopes = request.GetScopes();
        identity.SetScopes(scopes.IsEmpty ? [OneRosterScopes.CoreReadonly] : scopes);
        identity.SetDestinations(_ => [OpenIddictConstants.Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
