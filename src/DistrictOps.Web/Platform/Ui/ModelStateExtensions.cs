using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace DistrictOps.Web.Platform.Ui;

public static class ModelStateExtensions
{
    /// <summary>Puts a handler's field errors (camelCase, as the API names them) on the page's input model.</summary>
    public static void AddHandlerErrors(this ModelStateDictionary modelState, IReadOnlyDictionary<string, string[]> errors, string prefix = "Input.")
    {
        foreach (var (field, messages) in errors)
        {
            var key = prefix + char.ToUpperInvariant(field[0]) + field[1..];
            foreach (var message in messages)
            {
                modelState.AddModelError(key, message);
            }
        }
    }
}
