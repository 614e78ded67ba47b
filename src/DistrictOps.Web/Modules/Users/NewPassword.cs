using System.ComponentModel.DataAnnotations;
using DistrictOps.Web.Platform;
using Microsoft.AspNetCore.Identity;

namespace DistrictOps.Web.Modules.Users;

/// <summary>
/// The new password a person types, on the change page, its API and the reset page. Its rules (length, distinct characters)
/// are Identity's password validators, which every way of setting a password runs; this only reads the form's fields and
/// turns Identity's refusals into field errors.
/// </summary>
internal static class NewPassword
{
    /// <summary>Adds "enter one" and "the two differ" to <paramref name="errors"/>; null <paramref name="confirm"/> skips the comparison (the API).</summary>
    public static void Read(ErrorList errors, string? password, string? confirm)
    {
        var next = errors.Required("newPassword", password, "Enter a new password.");
        if (confirm is not null && next is not null && confirm != password)
        {
            errors.Add("confirmPassword", "The two new passwords differ; type the same one twice.");
        }
    }

    /// <summary>Identity's refusals by field: a wrong current password on <c>currentPassword</c>, every rule on <c>newPassword</c>.</summary>
    public static Failure Refused(IdentityResult result)
    {
        var errors = new ErrorList();
        foreach (var error in result.Errors)
        {
            var wrongCurrent = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch);
            errors.Add(wrongCurrent ? "currentPassword" : "newPassword", wrongCurrent ? "The current password is not right." : error.Description);
        }

        return Result.Invalid(errors);
    }
}

/// <summary>The new password and its confirmation, as the change and reset forms ask for them; <see cref="NewPassword"/> checks them.</summary>
public class NewPasswordInput
{
    [DataType(DataType.Password)]
    [Display(Name = "New password")]
    public string? NewPassword { get; set; }

    [DataType(DataType.Password)]
    [Display(Name = "New password again")]
    public string? ConfirmPassword { get; set; }
}
