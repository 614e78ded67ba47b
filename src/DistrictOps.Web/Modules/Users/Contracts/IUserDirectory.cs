namespace DistrictOps.Web.Modules.Users.Contracts;

/// <summary>A signed-in person as other modules may see them.</summary>
public sealed record UserSummary(Guid Id, string DisplayName, string Email, IReadOnlyList<string> Roles);

/// <summary>How other modules find DistrictOps users (assignees, approvers) without touching Identity tables.</summary>
public interface IUserDirectory
{
    Task<IReadOnlyList<UserSummary>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<UserSummary>> InRoleAsync(string role, CancellationToken cancellationToken = default);
}
