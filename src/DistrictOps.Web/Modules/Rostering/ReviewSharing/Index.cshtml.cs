using DistrictOps.Web.Modules.Directory.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Rostering.ReviewSharing;

/// <summary>Find a person, then see which apps received their data and when.</summary>
[Authorize(Policy = RosteringPermissions.Read)]
public sealed class IndexModel(SharingHandler handler) : PageModel
{
    public const int QueryMaxLength = 100;

    public string? Query { get; private set; }

    public IReadOnlyList<PersonSummary> Found { get; private set; } = [];

    public PersonSharing? Sharing { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? q, Guid? person, CancellationToken cancellationToken)
    {
        var reader = new DirectoryReader(User, Request.Path);
        if (person is { } id)
        {
            var found = await handler.ForPersonAsync(id, reader, cancellationToken);
            if (!found.Succeeded)
            {
                return NotFound();
            }

            Sharing = found.Value;
            return Page();
        }

        Query = q?.Trim();
        if (Query is { Length: > 0 and <= QueryMaxLength })
        {
            Found = await handler.SearchAsync(Query, reader, cancellationToken);
        }
        else if (Query is { Length: > QueryMaxLength })
        {
            ModelState.AddModelError("q", $"Search with at most {QueryMaxLength} characters.");
        }

        return Page();
    }
}
