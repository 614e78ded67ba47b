using System.Diagnostics;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Demo;
using DistrictOps.Web.Modules.Helpdesk.ServiceLevels.TrackServiceLevels;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace DistrictOps.IntegrationTests.Modules.Helpdesk;

public sealed class DemoServiceLevelSeedTests(ITestOutputHelper output)
{
    [Theory]
    [Providers]
    public async Task The_demo_tickets_carry_their_service_levels_and_the_job_does_not_announce_the_past(DatabaseProvider provider)
    {
        await using var db = await DemoWorld.CopyAsync(provider);
        await using var app = DemoWorld.Start(db);
        await using var scope = app.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var before = await context.Set<Ticket>().AsNoTracking().OrderBy(t => t.Id).ToListAsync();

        // As if this start had written the demo tickets: the recomputation must land on the values the seeding left.
        scope.ServiceProvider.GetRequiredService<DemoTicketsWritten>().Tickets = true;
        var seed = scope.ServiceProvider.GetServices<IDemoSeed>().OfType<DemoServiceLevelSeed>().Single();
        var started = Stopwatch.StartNew();
        await seed.SeedAsync(CancellationToken.None);
        output.WriteLine($"{provider}: service levels of {before.Count} demo tickets recomputed and saved in {started.Elapsed.TotalSeconds:F2} s");
        var after = await context.Set<Ticket>().AsNoTracking().OrderBy(t => t.Id).ToListAsync();
        var work = await scope.ServiceProvider.GetRequiredService<ServiceLevelWork>().RunAsync(CancellationToken.None);

        var open = before.Where(t => t.IsOpen).ToList();
        Assert.All(before, t => Assert.NotNull(t.ServiceLevelPolicyId));
        Assert.Contains(open, t => t.ResolutionDueAt > DemoWorld.Now);
        Assert.Contains(open, t => t.ResolutionBreached);
        Assert.Contains(before, t => t.FirstContactResolution == true);
        Assert.Contains(before, t => t.ResolutionMinutes > 0);
        Assert.All(before.Where(t => !t.IsOpen), t => Assert.Null(t.ResolutionDueAt));
        Assert.Equal(before.Select(t => (t.ResolutionDueAt, t.ServiceLevelCheckAt, t.ServiceLevelAlertsSent)), after.Select(t => (t.ResolutionDueAt, t.ServiceLevelCheckAt, t.ServiceLevelAlertsSent)));
        Assert.Equal(0, work.Changed);
    }

    [Theory]
    [Providers]
    public async Task A_restart_on_a_kept_database_leaves_the_tickets_clocks_to_the_app(DatabaseProvider provider)
    {
        await using var db = await DemoWorld.CopyAsync(provider);
        await using var app = DemoWorld.Start(db);
        await using var scope = app.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ticket = await context.Set<Ticket>().Where(t => t.ResolutionDueAt != null).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
        await context.Set<Ticket>().Where(t => t.Id == ticket).ExecuteUpdateAsync(s => s.SetProperty(t => t.ResolutionDueAt, (DateTimeOffset?)null));

        await scope.ServiceProvider.GetServices<IDemoSeed>().OfType<DemoServiceLevelSeed>().Single().SeedAsync(CancellationToken.None);

        Assert.Null(await context.Set<Ticket>().Where(t => t.Id == ticket).Select(t => t.ResolutionDueAt).SingleAsync());
    }
}
