using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Demo;
using DistrictOps.Web.Platform.Email;
using DistrictOps.Web.Platform.Http;
using DistrictOps.Web.Platform.Jobs;
using DistrictOps.Web.Platform.Jobs.Background;
using DistrictOps.Web.Platform.Modules;
using DistrictOps.Web.Platform.Settings;
using DistrictOps.Web.Platform.Time;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Platform;

public static class PlatformHost
{
    public static readonly CultureInfo[] SupportedCultures = [new("en"), new("es")];

    /// <summary>Services every module relies on, shared by the web app and the CLI.</summary>
    public static IServiceCollection AddPlatformCore(this IServiceCollection services, IConfiguration configuration, IReadOnlyList<IModule> modules)
    {
        var catalog = new ModuleCatalog(modules);
        services.AddSingleton(catalog);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<DistrictTime>();
        services.AddSettings<DemoOptions>(configuration, DemoOptions.Section);
        // The CLI needs it too: jobs and `users reset-link` build links in emails on Http:PublicBaseUrl.
        services.AddSettings<HttpOptions>(configuration, HttpOptions.Section);
        services.AddPlatformDatabase(configuration);
        services.AddStatementCounting(configuration);
        services.AddPlatformEmail(configuration);
        services.AddPlatformJobs(configuration);
        services.AddPlatformAuth(configuration, catalog.Permissions);
        services.AddDataProtection()
            .SetApplicationName("DistrictOps")
            .PersistKeysToDbContext<AppDbContext>();
        foreach (var module in modules)
        {
            module.AddServices(services, configuration);
        }

        return services;
    }

    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder, IReadOnlyList<IModule> modules)
    {
        builder.Services.AddPlatformCore(builder.Configuration, modules);
        builder.Services.AddApiProblemDetails(builder.Configuration);
        builder.Services.AddOpenApi();
        // Secure whenever the request came over HTTPS, also through the proxy (ASPNETCORE_FORWARDEDHEADERS_ENABLED, docs/deploy.md).
        builder.Services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        builder.Services.AddPlatformHealth();
        builder.Services.AddSingleton<DemoSeedProgress>();
        builder.Services.AddHostedService<DemoSeeder>();
        builder.Services.AddHealthChecks().AddCheck<DemoSeedReadyCheck>("demo-seed", tags: ["ready"]);
        builder.Services.AddHostedService<OutboxDelivery>();
        builder.Services.AddHostedService<BackgroundJobWorker>();
        builder.Services.AddJobScheduler(builder.Configuration);
        builder.Services.AddLocalization();
        // Spanish (and later other languages) is written as text, not as &#xF3; escapes.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("en");
            o.SupportedCultures = SupportedCultures;
            o.SupportedUICultures = SupportedCultures;
        });
        builder.Services.AddRazorPages(o =>
            {
                o.RootDirectory = "/";
                o.Conventions.AllowAnonymousToPage("/Platform/Ui/Account/SignIn");
                o.Conventions.AllowAnonymousToPage("/Platform/Ui/Account/ExternalSignIn");
                o.Conventions.AllowAnonymousToPage("/Platform/Ui/Error");
                o.Conventions.AllowAnonymousToPage("/Platform/Ui/Culture");
                o.Conventions.AllowAnonymousToPage("/Platform/Demo/SettingUp/Index");
                o.Conventions.ConfigureFilter(new UnknownHandlerFilter());
            })
            .AddViewOptions(o => o.HtmlHelperOptions.ClientValidationEnabled = false)
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        return builder;
    }

    public static async Task<WebApplication> UsePlatformAsync(this WebApplication app)
    {
        app.Services.ValidateSettings();
        await MigrateDatabaseAsync(app.Services);

        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseMiddleware<RequestLoggingMiddleware>();
        app.UseStatementCounting(app.Configuration);
        app.UseSecurityHeaders();
        app.UseApiProblemDetails();
        app.UsePageErrors();
        app.UseRequestSizeLimit();
        app.UseStaticFiles();
        app.UseRequestLocalization(app.Services.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value);
        app.UseDemoSettingUpGate();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        var openApi = app.MapOpenApi();
        if (app.Services.GetRequiredService<IOptions<HttpOptions>>().Value.OpenApiAnonymous ?? !app.Environment.IsProduction())
        {
            openApi.AllowAnonymous();
        }
        else
        {
            // Signed in on a page or with an API token.
            openApi.RequireAuthorization(p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, PersonalAccessTokenHandler.SchemeName).RequireAuthenticatedUser());
        }

        app.MapPlatformHealth();
        app.MapRazorPages();
        foreach (var module in app.Services.GetRequiredService<ModuleCatalog>().Modules)
        {
            module.MapEndpoints(app);
        }

        return app;
    }

    /// <summary>Migrates unless switched off. The demo seeds run afterwards, in the background (<see cref="DemoSeeder"/>).</summary>
    public static async Task MigrateDatabaseAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var migrator = scope.ServiceProvider.GetRequiredService<DatabaseMigrator>();
        if (scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
        {
            await migrator.MigrateAsync(cancellationToken);
        }
        else if (!await migrator.IsCurrentAsync(cancellationToken))
        {
            // Migrations are left to `districtops db migrate` and have not run yet: the node starts, not ready.
            return;
        }

        await scope.ServiceProvider.GetRequiredService<DemoAccountGate>().ReportAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), cancellationToken);
    }
}
