using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Directory.SearchPeople;

[Authorize(Policy = DirectoryPermissions.View)]
public sealed class IndexModel(SearchPeopleHandler handler) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Site { get; set; }

    [BindProperty(SupportsGet = true)]
    public PersonKind? Role { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public PagedResult<PersonRow> People { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        People = await handler.HandleAsync(new SearchPeopleQuery(Query, Site, Role, PageNumber, null), User, cancellationToken);
}
