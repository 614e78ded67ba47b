using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Users.ListUsers;

public sealed record ListUsersQuery(string? Search, string? Role, PageRequest Page)
{
    /// <summary><c>query</c>, <c>role</c>, <c>page</c>, <c>pageSize</c>.</summary>
    public static Result<ListUsersQuery> Read(IQueryCollection query)
    {
        var reader = new QueryReader(query);
        var read = new ListUsersQuery(reader.Text("query", AppUser.DisplayNameMaxLength), reader.Text("role", RoleNameMaxLength), reader.Paging());
        return reader.Then(read);
    }

    private const int RoleNameMaxLength = 64;
}

public sealed record UserRow(Guid Id, string DisplayName, string Email, IReadOnlyList<string> Roles, int SiteCount, bool Disabled);

public sealed class ListUsersHandler(AppDbContext db)
{
    public async Task<PagedResult<UserRow>> HandleAsync(ListUsersQuery query, CancellationToken cancellationToken = default)
    {
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // EF translates ToUpper and Contains to SQL upper() and LIKE on both providers.
            users = users.Where(u => u.NormalizedEmail!.Contains(term) || u.DisplayName.ToUpper().Contains(term));
#pragma warning restore CA1304, CA1311, CA1862
        }

        if (!string.IsNullOrWhiteSpace(query.Role))
        {
            var inRole = from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where r.Name == query.Role select ur.UserId;
            users = users.Where(u => inRole.Contains(u.Id));
        }

        var page = await users
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Id)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.DisabledAt, Sites = u.Sites.Count })
            .ToPagedResultAsync(query.Page, cancellationToken);
        var roles = await UserDirectory.RolesOfAsync(db, page.Items.Select(u => u.Id).ToList(), cancellationToken);
        var rows = page.Items
            .Select(u => new UserRow(u.Id, u.DisplayName, u.Email ?? "", roles.GetValueOrDefault(u.Id, []), u.Sites, u.DisabledAt != null))
            .ToList();
        return new PagedResult<UserRow>(rows, page.Total, page.Page, page.PageSize);
    }
}
