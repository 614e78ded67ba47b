using System.ComponentModel.DataAnnotations;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Users.AddUser;

[Authorize(Policy = UsersPermissions.Manage)]
public sealed class AddUserModel(AddUserHandler handler) : PageModel
{
    [BindProperty]
    public AddUserInput Input { get; set; } = new();

    public AddUserResult? Done { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await handler.HandleAsync(
            new AddUserCommand(Input.Email, Input.DisplayName, Input.Roles, [], string.IsNullOrEmpty(Input.Password) ? null : Input.Password),
            Actor.Of(User),
            cancellationToken);
        if (!result.Succeeded)
        {
            return this.RefuseOnPage(result.Failure) ?? Page();
        }

        Done = result.Value;
        Input = new AddUserInput();
        ModelState.Clear();
        return Page();
    }

    public IEnumerable<string> ErrorsFor(string key) => PageOutcomes.ErrorsFor(this, key);
}

/// <summary>The form; <see cref="AddUserHandler"/> checks it.</summary>
public sealed class AddUserInput
{
    [Display(Name = "Email")]
    public string? Email { get; set; }

    [Display(Name = "Name")]
    public string? DisplayName { get; set; }

    public List<string> Roles { get; set; } = [];

    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string? Password { get; set; }
}
