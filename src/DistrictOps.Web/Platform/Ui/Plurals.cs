using Microsoft.Extensions.Localization;

namespace DistrictOps.Web.Platform.Ui;

/// <summary>
/// Text with a count in it: the singular key for exactly one, the plural key otherwise. English and Spanish, the UI's
/// two languages, both use the singular for one only ("1 ticket", "0 tickets"; "1 ticket", "0 tickets" in Spanish too).
/// </summary>
public static class Plurals
{
    public static LocalizedString Plural(this IStringLocalizer localizer, long count, string one, string other, params object[] arguments) =>
        localizer[count == 1 ? one : other, arguments.Length == 0 ? [count] : arguments];
}
