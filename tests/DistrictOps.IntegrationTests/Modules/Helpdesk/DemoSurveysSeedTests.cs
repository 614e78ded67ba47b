using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DistrictOps.IntegrationTests.Modules.Helpdesk;

public sealed class DemoSurveysSeedTests
{
    [Theory]
    [Providers]
    public async Task The_demo_solved_tickets_have_surveys_mostly_sent_some_answered_mostly_good_and_seeding_again_adds_none(DatabaseProvider provider)
    {
        await using var db = await DemoWorld.CopyAsync(provider);
        await using var app = DemoWorld.Start(db);
        await using var scope = app.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var solved = await context.Set<Ticket>().CountAsync(t => t.SolvedAt != null && t.MergedIntoId == null);
        var surveys = await context.Set<Survey>().AsNoTracking().ToListAsync();
        Assert.Equal(solved, surveys.Count);
        var sent = surveys.Where(s => s.SentAt != null).ToList();
        var answered = sent.Where(s => s.AnsweredAt != null).ToList();
        Assert.InRange(sent.Count / (double)surveys.Count, 0.8, 1.0);
        Assert.InRange(answered.Count / (double)sent.Count, 0.35, 0.45);
        Assert.InRange(answered.Count(s => s.Rating == SurveyRating.Good) / (double)answered.Count, 0.78, 0.92);
        Assert.Contains(answered, s => s.Comment is not null);
        Assert.All(sent, s => Assert.True(s.SentAt <= DemoWorld.Now && s.AnsweredAt is null || s.AnsweredAt <= DemoWorld.Now));

        var seed = scope.ServiceProvider.GetServices<IDemoSeed>().Single(s => s.Order == 22);
        await seed.SeedAsync(CancellationToken.None);
        Assert.Equal(surveys.Count, await context.Set<Survey>().CountAsync());
    }
}
