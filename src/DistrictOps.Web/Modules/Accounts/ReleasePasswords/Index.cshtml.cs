using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Http;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Accounts.ReleasePasswords;

/// <summary>
/// First passwords: a teacher's classes with how many of their students' first passwords wait; for the district, a search
/// for any class (title, code, school) and for a person (name or number).
/// </summary>
public sealed class IndexModel(ReleasePasswordsHandler handler) : PageModel
{
    public bool TargetsConfigured => handler.TargetsConfigured;

    public bool MayReleaseAny { get; private set; }

    public bool MayReleaseOwnClasses { get; private set; }

    /// <summary>A teacher's own classes; for the district's account managers only when they teach some too.</summary>
    public bool ShowOwnClasses => MayReleaseOwnClasses && (!MayReleaseAny || Taught is { Count: > 0 });

    /// <summary>The teacher's classes; null when their sign-in is linked to no Directory person.</summary>
    public IReadOnlyList<ClassCounts>? Taught { get; private set; }

    public string? ClassQuery { get; private set; }

    public PagedResult<ClassCounts>? Classes { get; private set; }

    public string? PersonQuery { get; private set; }

    public IReadOnlyList<PersonCounts>? People { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        (MayReleaseAny, MayReleaseOwnClasses) = (handler.MayReleaseAny(User), handler.MayReleaseOwnClasses(User));
        if (!MayReleaseAny && !MayReleaseOwnClasses)
        {
            return Forbid();
        }

        if (!TargetsConfigured)
        {
            return Page();
        }

        if (MayReleaseOwnClasses)
        {
            Taught = await handler.TaughtAsync(User, cancellationToken);
        }

        if (MayReleaseAny)
        {
            var query = new QueryReader(Request.Query);
            (ClassQuery, PersonQuery) = (query.Text("classes", 100), query.Text("people", 100));
            var page = query.Paging();
            ModelState.AddHandlerErrors(query.Errors.ToDictionary(), prefix: "");
            if (ClassQuery is not null)
            {
                Classes = (await handler.SearchClassesAsync(ClassQuery, User, page, cancellationToken)).Value;
            }

            if (PersonQuery is not null)
            {
                People = (await handler.SearchPeopleAsync(PersonQuery, DirectoryReader.Of(HttpContext), cancellationToken)).Value;
            }
        }

        return Page();
    }
}
