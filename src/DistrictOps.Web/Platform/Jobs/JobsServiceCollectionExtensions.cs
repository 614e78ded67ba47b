using DistrictOps.Web.Platform.Demo;
using DistrictOps.Web.Platform.Jobs.Background;
using DistrictOps.Web.Platform.Settings;
using Quartz;

namespace DistrictOps.Web.Platform.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>Declares a module's scheduled work; the web host schedules it, and the jobs page and CLI can run it by name.</summary>
    public static IServiceCollection AddScheduledWork<TWork>(this IServiceCollection services, string name, TimeSpan interval, string description)
        where TWork : class, IScheduledWork
    {
        services.AddScoped<TWork>();
        services.AddSingleton(new ScheduledJob(name, typeof(TWork), interval, description));
        return services;
    }

    /// <summary>The run log and runner, for the web app and the CLI alike.</summary>
    public static IServiceCollection AddPlatformJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<JobOptions>(configuration, JobOptions.Section);
        services.AddSingleton<JobRunner>();
        services.AddSingleton<BackgroundJobs>();
        return services;
    }

    /// <summary>Declares a kind of background work a page or the API can queue (<see cref="BackgroundJobs"/>).</summary>
    public static IServiceCollection AddBackgroundWork<TWork>(this IServiceCollection services, string kind)
        where TWork : class, IBackgroundWork
    {
        services.AddScoped<TWork>();
        services.AddSingleton(new BackgroundWorkKind(kind, typeof(TWork)));
        return services;
    }

    /// <summary>
    /// Quartz with its in-memory store runs every declared job on its interval in this process. With several web nodes
    /// only one runs jobs (Jobs:Enabled elsewhere false, docs/deploy.md); the jobs are idempotent, so a run repeated after a
    /// failover or by hand changes nothing twice (ADR 0011).
    /// </summary>
    public static IServiceCollection AddJobScheduler(this IServiceCollection services, IConfiguration configuration)
    {
        // Bound and validated by AddPlatformJobs; the schedule is fixed here, while services are registered.
        var settings = configuration.GetSection(JobOptions.Section).Get<JobOptions>() ?? new JobOptions();
        if (!settings.Enabled)
        {
            return services;
        }

        var declared = services.Where(d => d.ServiceType == typeof(ScheduledJob)).Select(d => (ScheduledJob)d.ImplementationInstance!).ToList();
        services.AddQuartz(q =>
        {
            foreach (var job in declared)
            {
                var key = new JobKey(job.Name);
                var interval = settings.Intervals.GetValueOrDefault(job.Name, job.Interval);
                q.AddJob<ScheduledWorkJob>(j => j.WithIdentity(key).UsingJobData(ScheduledWorkJob.NameKey, job.Name).WithDescription(job.Description));
                q.AddTrigger(t => t.ForJob(key)
                    .WithIdentity(job.Name + ".schedule")
                    .StartAt(TimeProvider.System.GetUtcNow().AddSeconds(30))
                    .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(interval).RepeatForever()));
            }
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}

/// <summary>
/// The one Quartz job type: it runs the named work through <see cref="JobRunner"/>, never two at once, and not before the
/// demo seeding is done (the jobs would otherwise work on a half-written demo district).
/// </summary>
[DisallowConcurrentExecution]
internal sealed class ScheduledWorkJob(JobRunner runner, DemoSeedProgress demoSeed) : IJob
{
    public const string NameKey = "work";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await demoSeed.WhenDone.WaitAsync(cancellationToken);
        await runner.RunAsync(context.MergedJobDataMap.GetString(NameKey)!, "schedule", cancellationToken);
    }
}
