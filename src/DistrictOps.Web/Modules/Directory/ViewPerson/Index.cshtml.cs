using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Directory.ViewPerson;

[Authorize(Policy = DirectoryPermissions.View)]
public sealed class IndexModel(ViewPersonHandler handler) : PageModel
{
    public PersonDetail? Person { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var (view, person) = await handler.HandleAsync(id, User, "page", cancellationToken);
        Person = person;
        return view switch
        {
            PersonView.Found => Page(),
            PersonView.Forbidden => Forbid(),
            _ => NotFound(),
        };
    }
}
