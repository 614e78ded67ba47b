using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Users.ListUsers;

[Authorize(Policy = UsersPermissions.Manage)]
public sealed class IndexModel(ListUsersHandler handler) : PageModel
{
    public ListUsersQuery? Filter { get; private set; }

    public PagedResult<UserRow> Users { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Filter = this.ValueOrErrors(ListUsersQuery.Read(Request.Query));
        if (Filter is not null)
        {
            Users = await handler.HandleAsync(Filter, cancellationToken);
        }
    }
}
