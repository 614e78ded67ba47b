using System.Security.Claims;
using DistrictOps.Web.Platform.Auth;

namespace DistrictOps.Web.Modules.Users;

/// <summary>
/// Who changes an account. A signed-in person is held to <see cref="GrantRules"/>. The operator at the command line and
/// the scheduled jobs are not: they run with the server's configuration and database connection, so whoever starts them
/// can already change any account, and the CLI is how the first district administrator is made.
/// </summary>
public sealed record Actor(Guid? UserId, string Name, IReadOnlyList<string>? Roles)
{
    public static Actor Operator { get; } = new(null, "Operator (command line)", null);

    public static Actor Job(string name) => new(null, name, null);

    public static Actor Of(ClaimsPrincipal user) => new(user.UserId(), user.DisplayName(), user.RoleNames());

    /// <summary>True for the operator and jobs, never for a person.</summary>
    public bool Unrestricted => Roles is null;
}
