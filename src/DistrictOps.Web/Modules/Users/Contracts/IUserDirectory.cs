using DistrictOps.Web.Platform;

namespace DistrictOps.Web.Modules.Users.Contracts;

/// <summary>A signed-in person as other modules may see them.</summary>
public sealed record UserSummary(Guid Id, string DisplayName, string Email, IReadOnlyList<string> Roles, Guid? PersonId = null);

/// <summary>An account another module needs to exist (demo technicians): created with this role and password, or given what it lacks.</summary>
public sealed record AccountRequest(string Email, string DisplayName, string Role, IReadOnlyList<Guid> Sites, string Password, Guid? PersonId);

/// <summary>A staff member HR says has left: their last day, and where HR said so ("HR import hr-2026-12-01, employee E901").</summary>
public sealed record Leaver(Guid PersonId, DateOnly LastDay, string Source);

/// <summary>What <see cref="IUserDirectory.DisableLeaversAsync"/> did: accounts disabled, accounts still in their grace, and refusals (the last administrator).</summary>
public sealed record LeaverAccounts(int Disabled, int Waiting, IReadOnlyList<string> Refused);

/// <summary>How other modules find DistrictOps users (assignees, approvers) without touching Identity tables.</summary>
public interface IUserDirectory
{
    Task<IReadOnlyList<UserSummary>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<UserSummary>> InRoleAsync(string role, CancellationToken cancellationToken = default);

    /// <summary>The accounts of these Directory people (a person has at most one).</summary>
    Task<IReadOnlyList<UserSummary>> ForPeopleAsync(IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken = default);

    /// <summary>Links an account to its Directory person, or unlinks it with null. Returns false if there is no such user.</summary>
    Task<bool> LinkPersonAsync(Guid userId, Guid? personId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates the account, or gives an existing one (same email) the role and sites it lacks, and links it to its
    /// person when one is given; running it twice changes nothing. Returns the user's id.
    /// </summary>
    Task<Result<Guid>> EnsureAccountAsync(AccountRequest account, CancellationToken cancellationToken = default);

    /// <summary>
    /// Disables the enabled accounts of these leavers once their last day plus <c>Users:LeaverGraceDays</c> has come, each
    /// once per leaving: an account an administrator enabled again after that is left alone, so a rerun changes nothing.
    /// </summary>
    Task<LeaverAccounts> DisableLeaversAsync(IReadOnlyList<Leaver> leavers, CancellationToken cancellationToken = default);
}
