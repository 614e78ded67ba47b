using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Directory.SearchPeople;

[Authorize(Policy = DirectoryPermissions.View)]
public sealed class IndexModel(SearchPeopleHandler handler) : PageModel
{
    public SearchPeopleQuery? Filter { get; private set; }

    public PagedResult<PersonRow> People { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Filter = this.ValueOrErrors(SearchPeopleQuery.Read(Request.Query));
        if (Filter is not null)
        {
            People = await handler.HandleAsync(Filter, DirectoryReader.Of(HttpContext), cancellationToken);
        }
    }
}
