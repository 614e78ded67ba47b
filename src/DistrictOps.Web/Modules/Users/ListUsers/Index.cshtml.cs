using DistrictOps.Web.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Users.ListUsers;

[Authorize(Policy = UsersPermissions.Manage)]
public sealed class IndexModel(ListUsersHandler handler) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Role { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public PagedResult<UserRow> Users { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Users = await handler.HandleAsync(new ListUsersQuery(Query, Role, PageNumber, null), cancellationToken);
}
