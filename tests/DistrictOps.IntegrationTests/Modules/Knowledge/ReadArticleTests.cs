using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.IntegrationTests.Modules.Helpdesk;
using DistrictOps.Web.Modules.Knowledge.Data;
using DistrictOps.Web.Modules.Knowledge.ReviewContent;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Email;
using DistrictOps.Web.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DistrictOps.IntegrationTests.Modules.Knowledge;

public sealed class ReadArticleTests
{
    [Theory]
    [Providers]
    public async Task A_vote_counts_once_per_reader_not_helpful_is_a_task_for_the_owner_and_a_stale_article_reminds_its_owner_once(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var id = await world.PublishAsync(KnowledgeWorld.Article("Projector shows no signal", "Press the Input button.", categories: [51]));
        var teacher = await world.App.ApiClientAsync(KnowledgeWorld.Reader);

        await teacher.PostAsJsonAsync($"/api/v1/knowledge/articles/{id}/votes", new { helpful = true });
        var twice = await teacher.PostAsJsonAsync($"/api/v1/knowledge/articles/{id}/votes", new { helpful = true });
        Assert.Equal((1, 0), Votes(await twice.Content.ReadAsStringAsync()));
        var changed = await teacher.PostAsJsonAsync($"/api/v1/knowledge/articles/{id}/votes", new { helpful = false, comment = "Our room has a wall plate." });
        Assert.Equal((0, 1), Votes(await changed.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, (await teacher.PostAsJsonAsync($"/api/v1/knowledge/articles/{id}/votes", new { comment = "?" })).StatusCode);

        var writer = world.App.Browser();
        await writer.SignInAsync(KnowledgeWorld.Writer);
        var reviews = await writer.GetStringAsync("/knowledge/reviews");
        Assert.Contains("A reader said it did not help: Our room has a wall plate.", reviews, StringComparison.Ordinal);

        await using (var context = world.Db.OpenContext())
        {
            var article = await context.Set<Article>().SingleAsync(a => a.Id == id);
            article.ReviewBy = new DateOnly(2020, 1, 1);
            await context.SaveChangesAsync();
        }

        var runner = world.App.Services.GetRequiredService<JobRunner>();
        var first = await runner.RunAsync(ReviewReminderWork.Name, "test", CancellationToken.None);
        var second = await runner.RunAsync(ReviewReminderWork.Name, "test", CancellationToken.None);
        Assert.Equal((1, 0), (first!.Changed, second!.Changed));
        await using (var context = world.Db.OpenContext())
        {
            var email = Assert.Single(await context.Set<OutboxMessage>().Where(m => m.Kind == "knowledge-review").ToListAsync());
            Assert.Equal(KnowledgeWorld.Writer, email.To);
            Assert.Contains("Projector shows no signal", email.TextBody, StringComparison.Ordinal);
        }

        var lamp = await world.PublishAsync(KnowledgeWorld.Article("Projector lamp warning", "Order a lamp.", categories: [51]));
        await using (var context = world.Db.OpenContext())
        {
            var article = await context.Set<Article>().SingleAsync(a => a.Id == lamp);
            article.ReviewBy = new DateOnly(2021, 1, 1);
            await context.SaveChangesAsync();
        }

        static string Stale(string page) => page[page.IndexOf("id=\"stale\"", StringComparison.Ordinal)..page.IndexOf("id=\"tasks\"", StringComparison.Ordinal)];
        var pageOne = Stale(await writer.GetStringAsync("/knowledge/reviews?pageSize=1"));
        var pageTwo = Stale(await writer.GetStringAsync("/knowledge/reviews?pageSize=1&page=2"));
        Assert.Contains("Projector shows no signal", pageOne, StringComparison.Ordinal);
        Assert.DoesNotContain("Projector lamp warning", pageOne, StringComparison.Ordinal);
        Assert.Contains("Projector lamp warning", pageTwo, StringComparison.Ordinal);
        var marked = await (await world.App.ApiClientAsync(KnowledgeWorld.Writer)).PostAsync($"/api/v1/knowledge/articles/{id}/reviewed", null);
        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        Assert.True(DateOnly.Parse(JsonDocument.Parse(await marked.Content.ReadAsStringAsync()).RootElement.GetProperty("reviewBy").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > new DateOnly(2026, 1, 1));
    }

    [Theory]
    [Providers]
    public async Task The_public_portal_shows_families_public_articles_in_their_language_and_sends_them_to_sign_in_for_the_rest(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        await world.PublishAsync(KnowledgeWorld.Article("Tablet won't charge", "Try another charger.", "Public", [6], slug: "tablet-wont-charge"));
        await world.PublishAsync(KnowledgeWorld.Article("La tableta no carga", "Pruebe otro cargador.", "Public", [6], language: "es", slug: "tablet-wont-charge"));
        await world.PublishAsync(KnowledgeWorld.Article("Printer shows offline", "Restart it.", categories: [KnowledgeWorld.Printing]));
        var family = world.App.Browser();

        var english = await family.GetStringAsync("/knowledge/tablet-wont-charge");
        var staffOnly = await family.GetAsync("/knowledge/printer-shows-offline");
        family.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");
        var spanish = await family.GetStringAsync("/knowledge/tablet-wont-charge");
        var portal = await family.GetStringAsync("/knowledge");

        Assert.Contains("Try another charger.", english, StringComparison.Ordinal);
        Assert.Contains("Pruebe otro cargador.", spanish, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, staffOnly.StatusCode);
        Assert.Contains("/account/sign-in", staffOnly.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("La tableta no carga", portal, StringComparison.Ordinal);
        Assert.DoesNotContain("Tablet won&#x27;t charge", portal, StringComparison.Ordinal);
        Assert.DoesNotContain("Printer shows offline", portal, StringComparison.Ordinal);
    }

    private static (int Helpful, int NotHelpful) Votes(string json)
    {
        var article = JsonDocument.Parse(json).RootElement;
        return (article.GetProperty("helpful").GetInt32(), article.GetProperty("notHelpful").GetInt32());
    }
}
