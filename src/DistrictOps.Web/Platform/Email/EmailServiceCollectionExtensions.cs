using DistrictOps.Web.Platform.Settings;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DistrictOps.Web.Platform.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>The outbox any module can queue email in; the web host adds the loop that sends it.</summary>
    public static IServiceCollection AddPlatformEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<EmailOptions>(configuration, EmailOptions.Section);
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IInterceptor, OutboxWakeInterceptor>();
        services.AddScoped<EmailOutbox>();
        return services;
    }
}
