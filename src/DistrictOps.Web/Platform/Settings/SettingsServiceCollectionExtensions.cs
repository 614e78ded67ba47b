using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Platform.Settings;

public static class SettingsServiceCollectionExtensions
{
    /// <summary>
    /// Binds a configuration section to <typeparamref name="TOptions"/> once and checks it when the host starts, so a wrong
    /// setting stops start-up with its full key ("Helpdesk:Surveys:SampleRate ...") instead of failing on first use.
    /// Returns the bound value for the few choices made while services are registered (provider, sign-in, schedules).
    /// </summary>
    public static TOptions AddSettings<TOptions>(this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class, new()
    {
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>>(new SectionValidator<TOptions>(section));
        return configuration.GetSection(section).Get<TOptions>() ?? new TOptions();
    }

    /// <summary>Runs every <c>ValidateOnStart</c> check now: for work done before the host starts (migrations, seeding, CLI commands).</summary>
    public static void ValidateSettings(this IServiceProvider services) =>
        services.GetService<IStartupValidator>()?.Validate();
}

/// <summary>
/// Checks an options object's data annotations, its nested sections' too, and its <see cref="IValidatableObject"/> rules,
/// naming each failure by its configuration key.
/// </summary>
internal sealed class SectionValidator<TOptions>(string section) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var failures = new List<string>();
        Check(options, section, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(object options, string path, List<string> failures)
    {
        foreach (var property in options.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || !property.CanWrite)
            {
                continue;
            }

            var key = $"{path}:{property.Name}";
            var value = property.GetValue(options);
            var context = new ValidationContext(options) { MemberName = property.Name, DisplayName = key };
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateProperty(value, context, results))
            {
                failures.AddRange(results.Select(r => r.ErrorMessage ?? $"{key} is not valid."));
            }

            if (value is not null && IsSection(property.PropertyType))
            {
                Check(value, key, failures);
            }
        }

        if (options is IValidatableObject rules)
        {
            failures.AddRange(rules.Validate(new ValidationContext(options)).Select(r => $"{path}:{r.ErrorMessage}"));
        }
    }

    private static bool IsSection(Type type) =>
        type.IsClass && type != typeof(string) && type.Namespace?.StartsWith("DistrictOps.", StringComparison.Ordinal) == true;
}
