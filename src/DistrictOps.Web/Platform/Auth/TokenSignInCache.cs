using System.Security.Claims;
using DistrictOps.Web.Platform.Data;

namespace DistrictOps.Web.Platform.Auth;

/// <summary>
/// The principal an API token signs in as, held in memory by its account and the account's concurrency stamp (ADR 0022):
/// building it read six tables on every API request. The token itself and the account's stamp are still read on every
/// request (<see cref="PersonalAccessTokenHandler"/>), so revoking a token or disabling an account works at once from
/// anywhere. Any write through the app to a table the principal is built from (accounts, their claims, roles, role claims
/// and sites) drops every copy; such writes this process cannot see (a role's claims or an account's sites changed by hand
/// or by another instance) take effect within <see cref="TableWatch.CopyLifetime"/>.
/// </summary>
internal sealed class TokenSignInCache
{
    private readonly TableCopies<string, ClaimsPrincipal?> _copies;

    public TokenSignInCache(TimeProvider clock) => _copies = new(Watch, clock);

    public TableWatch Watch { get; } = new("auth_users", "auth_user_claims", "auth_user_roles", "auth_roles", "auth_role_claims", "auth_user_sites");

    public Task<ClaimsPrincipal?> GetAsync(AppDbContext db, string accountAndStamp, Func<Task<ClaimsPrincipal?>> load) => _copies.GetAsync(db, accountAndStamp, load);
}
