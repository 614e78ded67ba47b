using System.Security.Cryptography;
using System.Text.Json;
using DistrictOps.Web.Modules.Rostering.Data;
using DistrictOps.Web.Modules.Rostering.Sharing;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Jobs;
using DistrictOps.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;

namespace DistrictOps.Web.Modules.Rostering.IssueApiCredentials;

/// <summary>An app's API client as its credentials page shows it; <see cref="Stamp"/> changes with every rotation.</summary>
public sealed record ApiCredentials(
    Guid AppId, string AppName, SharingRefusal? Refusal, string? ClientId, DateTimeOffset? IssuedAt, DateTimeOffset? LastTokenAt, string? Stamp)
{
    /// <summary>Whether a token request would be granted now (the app may receive data by <see cref="AgreementRules.RefusalOf"/>).</summary>
    public bool Usable => ClientId is not null && Refusal is null;
}

/// <summary>A client id and the secret that goes with it: the secret exists only in this answer, OpenIddict keeps its hash.</summary>
public sealed record IssuedSecret(string ClientId, string ClientSecret, bool Rotated);

/// <summary>
/// Issues, rotates and revokes an app's OAuth client for the OneRoster API, as an OpenIddict application (client
/// credentials, the OneRoster scopes). The secret is shown once and stored only as OpenIddict's hash. Rotating or revoking
/// revokes every token issued before, so the old secret and its tokens stop at once. Rotation and revocation carry the
/// stamp the page showed: sent twice, the second finds the stamp changed and changes nothing.
/// </summary>
public sealed class ApiCredentialsHandler(AppDbContext db, IOpenIddictApplicationManager applications, IOpenIddictTokenManager tokens, TimeProvider time, DistrictTime districtTime)
{
    private const string IssuedAtProperty = "issued_at";

    public async Task<Result<ApiCredentials>> GetAsync(Guid appId, CancellationToken ct)
    {
        var found = await (from a in db.Set<RosterApp>().AsNoTracking()
                           where a.Id == appId
                           join g in db.Set<SharingAgreement>().AsNoTracking() on a.Id equals g.AppId into agreements
                           from g in agreements.DefaultIfEmpty()
                           select new { App = a, Agreement = g }).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return Result.NotFound("There is no such app.");
        }

        var (app, refusal) = (found.App, AgreementRules.RefusalOf(found.App, found.Agreement, districtTime.Today));
        if (app.ClientId is null || await applications.FindByClientIdAsync(app.ClientId, ct) is not { } client)
        {
            return new ApiCredentials(app.Id, app.Name, refusal, null, null, null, null);
        }

        var id = await applications.GetIdAsync(client, ct);
        var issued = (await applications.GetPropertiesAsync(client, ct)).TryGetValue(IssuedAtProperty, out var at) ? at.GetDateTimeOffset() : (DateTimeOffset?)null;
        var lastToken = await db.Set<OpenIddictEntityFrameworkCoreToken>().Where(t => t.Application!.Id == id).MaxAsync(t => t.CreationDate, ct);
        return new ApiCredentials(app.Id, app.Name, refusal, app.ClientId, issued,
            lastToken is { } created ? new DateTimeOffset(DateTime.SpecifyKind(created, DateTimeKind.Utc)) : null, Stamp(client));
    }

    public async Task<Result<IssuedSecret>> IssueAsync(Guid appId, CancellationToken ct)
    {
        var app = await db.Set<RosterApp>().FirstOrDefaultAsync(a => a.Id == appId, ct);
        if (app is null)
        {
            return Result.NotFound("There is no such app.");
        }

        if (app.ClientId is not null)
        {
            return Result.Conflict("The app has API credentials already; their secret was shown once, when they were issued. Rotate them for a new secret.");
        }

        var clientId = "oneroster-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10));
        var secret = NewSecret();
        var now = time.GetUtcNow();
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId, ClientSecret = secret, ClientType = OpenIddictConstants.ClientTypes.Confidential, DisplayName = app.Name,
            Permissions = { OpenIddictConstants.Permissions.Endpoints.Token, OpenIddictConstants.Permissions.GrantTypes.ClientCredentials },
        };
        descriptor.Permissions.UnionWith(OneRosterScopes.All.Select(s => OpenIddictConstants.Permissions.Prefixes.Scope + s));
        descriptor.Properties[IssuedAtProperty] = JsonSerializer.SerializeToElement(now);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await applications.CreateAsync(descriptor, ct);
        app.ClientId = clientId;
        app.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new IssuedSecret(clientId, secret, Rotated: false);
    }

    public async Task<Result<IssuedSecret>> RotateAsync(Guid appId, string? stamp, CancellationToken ct)
    {
        var found = await ClientAsync(appId, stamp, ct);
        if (!found.Succeeded)
        {
            return found.Failure;
        }

        var (_, client) = found.Value;
        var secret = NewSecret();
        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, client, ct);
        descriptor.ClientSecret = secret;
        descriptor.Properties[IssuedAtProperty] = JsonSerializer.SerializeToElement(time.GetUtcNow());
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await applications.UpdateAsync(client, descriptor, ct);
        await tokens.RevokeByApplicationIdAsync((await applications.GetIdAsync(client, ct))!, ct);
        await transaction.CommitAsync(ct);
        return new IssuedSecret(descriptor.ClientId!, secret, Rotated: true);
    }

    public async Task<Result<ApiCredentials>> RevokeAsync(Guid appId, string? stamp, CancellationToken ct)
    {
        var found = await ClientAsync(appId, stamp, ct);
        if (!found.Succeeded)
        {
            return found.Failure;
        }

        var (app, client) = found.Value;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await tokens.RevokeByApplicationIdAsync((await applications.GetIdAsync(client, ct))!, ct);
            await applications.DeleteAsync(client, ct);
            app.ClientId = null;
            app.UpdatedAt = time.GetUtcNow();
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        return await GetAsync(appId, ct);
    }

    /// <summary>The app and its OpenIddict client, when the stamp is the client's current one.</summary>
    private async Task<Result<(RosterApp App, object Client)>> ClientAsync(Guid appId, string? stamp, CancellationToken ct)
    {
        var app = await db.Set<RosterApp>().FirstOrDefaultAsync(a => a.Id == appId, ct);
        if (app is null)
        {
            return Result.NotFound("There is no such app.");
        }

        if (app.ClientId is null || await applications.FindByClientIdAsync(app.ClientId, ct) is not { } client)
        {
            return Result.Conflict("The app has no API credentials (they were revoked, or never issued).");
        }

        return stamp is null || stamp != Stamp(client)
            ? Result.Conflict("The credentials changed since the page was shown (rotated or revoked already): nothing was done. Look at them again.")
            : (app, client);
    }

    /// <summary>OpenIddict's concurrency token of the client, which every update changes.</summary>
    private static string? Stamp(object client) => ((OpenIddictEntityFrameworkCoreApplication)client).ConcurrencyToken;

    /// <summary>256 random bits, URL-safe base64: what the app sends as client_secret.</summary>
    private static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>
/// The <c>rostering.prune-api-tokens</c> job: OpenIddict keeps a row per access token (so a rotation can revoke them);
/// expired and revoked ones older than a day are deleted.
/// </summary>
public sealed class PruneApiTokensWork(IOpenIddictTokenManager tokens, TimeProvider time) : IScheduledWork
{
    public const string Name = "rostering.prune-api-tokens";

    public async Task<WorkDone> RunAsync(CancellationToken cancellationToken)
    {
        var pruned = await tokens.PruneAsync(time.GetUtcNow().AddDays(-1), cancellationToken);
        return new WorkDone((int)Math.Min(int.MaxValue, pruned), $"{pruned} expired or revoked API tokens deleted.");
    }
}
