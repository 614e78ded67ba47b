using System.Security.Claims;

namespace DistrictOps.Web.Modules.Directory.Contracts;

/// <summary>A change made to a person's directory account: when, what, why, whether it took, and by whom.</summary>
public sealed record PersonAccountChange(DateTimeOffset At, string Kind, string Reason, bool Done, string By);

/// <summary>A person's account in one directory (the K-12 domain, LDAP) and its latest changes.</summary>
public sealed record PersonAccount(string Target, string Username, string Dn, bool DisabledBySync, IReadOnlyList<PersonAccountChange> Changes);

/// <summary>
/// The directory accounts kept for a person (the Accounts module implements it), shown on the person's page to those who
/// may read account changes; an empty list for everyone else. Without one registered the page shows no accounts.
/// </summary>
public interface IPersonAccounts
{
    Task<IReadOnlyList<PersonAccount>> ForPersonAsync(Guid personId, ClaimsPrincipal user, CancellationToken cancellationToken = default);
}
