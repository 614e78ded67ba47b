using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace DistrictOps.Web.Platform.Ui;

public static class ModelStateExtensions
{
    /// <summary>Puts a handler's field errors (camelCase, as the API names them) on the page's input model, each segment of a path as the property is named.</summary>
    public static void AddHandlerErrors(this ModelStateDictionary modelState, IReadOnlyDictionary<string, string[]> errors, string prefix = "Input.")
    {
        foreach (var (field, messages) in errors)
        {
            var key = prefix + string.Join('.', field.Split('.').Select(s => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..]));
            foreach (var message in messages)
            {
                modelState.AddModelError(key, message);
            }
        }
    }
}
