using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Directory.ViewPerson;

[Authorize(Policy = DirectoryPermissions.View)]
public sealed class IndexModel(ViewPersonHandler handler, PermissionRegistry permissions, IEnumerable<IPersonAccounts> accounts, IEnumerable<IPersonDataSharing> sharing) : PageModel
{
    public bool ReviewsAccess => permissions.Grants(User, DirectoryPermissions.AccessLog);

    public PersonDetail? Person { get; private set; }

    /// <summary>The person's directory accounts, when the Accounts module is there and the user may read them.</summary>
    public IReadOnlyList<PersonAccount> Accounts { get; private set; } = [];

    /// <summary>The instructional apps that received the person's data, when the Rostering module is there and the user may read its record.</summary>
    public IReadOnlyList<PersonSharedApp> SharedWith { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(id, DirectoryReader.Of(HttpContext), cancellationToken);
        if (!result.Succeeded)
        {
            return this.Refuse(result.Failure) ?? NotFound();
        }

        Person = result.Value;
        if (accounts.FirstOrDefault() is { } source)
        {
            Accounts = await source.ForPersonAsync(id, User, cancellationToken);
        }

        if (sharing.FirstOrDefault() is { } record)
        {
            SharedWith = await record.ForPersonAsync(id, User, cancellationToken);
        }

        return Page();
    }
}
