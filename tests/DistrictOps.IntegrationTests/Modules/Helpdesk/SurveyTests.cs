using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Surveys.SendSurveys;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static DistrictOps.IntegrationTests.Modules.Helpdesk.RunAutomationsTests;

namespace DistrictOps.IntegrationTests.Modules.Helpdesk;

public sealed partial class SurveyTests
{
    private static readonly DateTimeOffset Start = new(2026, 10, 9, 20, 0, 0, TimeSpan.Zero);

    [Theory]
    [Providers]
    public async Task A_solved_ticket_is_surveyed_once_a_day_later_and_the_link_records_one_answer_on_post_only(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(Start);
        await using var world = await HelpdeskWorld.CreateAsync(provider, services: s => s.AddSingleton<TimeProvider>(clock));
        var tech = await world.App.ApiClientAsync(HelpdeskWorld.SiteTech);
        var teacher = await world.App.ApiClientAsync(HelpdeskWorld.Teacher);
        var first = await world.OpenAsync(HelpdeskWorld.Teacher, Tablet(world));
        var second = await world.OpenAsync(HelpdeskWorld.Teacher, Tablet(world));

        await Ok(tech.PatchAsJsonAsync($"/api/v1/helpdesk/tickets/{first}", new { status = "Solved" }));
        var ticket = await world.TicketAsync(first);
        var created = await SurveyOfAsync(world, first);
        Assert.Equal((true, Start.AddHours(24), ticket.AssigneeUserId, world.Elementary, 3), (created.Sampled, created.SendAfter, created.TechnicianUserId, created.SiteId, created.IssueTypeId));

        // Reopened and solved again: still one survey, due a day after the latest solve.
        clock.Advance(TimeSpan.FromHours(2));
        await Ok(teacher.PostAsJsonAsync($"/api/v1/helpdesk/tickets/{first}/reopen", new { reason = "Again." }));
        clock.Advance(TimeSpan.FromHours(1));
        await Ok(tech.PatchAsJsonAsync($"/api/v1/helpdesk/tickets/{first}", new { status = "Solved" }));
        await Ok(tech.PatchAsJsonAsync($"/api/v1/helpdesk/tickets/{second}", new { status = "Solved" }));
        clock.Advance(TimeSpan.FromHours(1));
        await Ok(teacher.PostAsJsonAsync($"/api/v1/helpdesk/tickets/{second}/reopen", new { reason = "Not fixed." }));
        Assert.Equal(Start.AddHours(27), (await SurveyOfAsync(world, first)).SendAfter);
        await using (var context = world.Db.OpenContext())
        {
            Assert.Equal(2, await context.Set<Survey>().CountAsync());
        }

        clock.SetUtcNow(Start.AddHours(26));
        Assert.Equal(0, (await RunAsync(world, SendSurveysWork.Name)).Changed);
        clock.SetUtcNow(Start.AddHours(28));
        Assert.Equal(1, (await RunAsync(world, SendSurveysWork.Name)).Changed);
        Assert.Equal(0, (await RunAsync(world, SendSurveysWork.Name)).Changed);
        Assert.Null((await SurveyOfAsync(world, second)).SentAt);

        var links = await SurveyLinksAsync(world, first);
        Assert.Equal(4, links.Count);
        var good = links[0];
        var bad = links[1];
        var anonymous = world.App.Browser();

        var goodPage = await anonymous.GetStringAsync(good);
        Assert.Matches(CheckedRadio("good"), goodPage);
        Assert.Matches(CheckedRadio("bad"), await anonymous.GetStringAsync(bad));
        Assert.Null((await SurveyOfAsync(world, first)).AnsweredAt);

        var token = await anonymous.AntiforgeryTokenAsync(good);
        var answer = await anonymous.PostAsync(good, Form(token, "bad", "Took two visits."));
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Contains("is recorded", await anonymous.GetStringAsync(answer.Headers.Location!.ToString()), StringComparison.Ordinal);
        var answered = await SurveyOfAsync(world, first);
        Assert.Equal((SurveyRating.Bad, "Took two visits.", clock.GetUtcNow()), (answered.Rating, answered.Comment, answered.AnsweredAt));

        var twice = await anonymous.PostAsync(good, Form(token, "good", "Changed my mind."));
        Assert.Equal(HttpStatusCode.Redirect, twice.StatusCode);
        Assert.Contains("already answered", await anonymous.GetStringAsync(twice.Headers.Location!.ToString()), StringComparison.Ordinal);
        Assert.Equal((SurveyRating.Bad, "Took two visits."), ((await SurveyOfAsync(world, first)).Rating, (await SurveyOfAsync(world, first)).Comment));
        var surveyEvents = (await world.EventsAsync(first)).Where(e => e.Kind == TicketEventKind.Survey).ToList();
        Assert.Equal(2, surveyEvents.Count);
        Assert.All(surveyEvents, e => Assert.False(e.IsPublic));

        // A forged or altered token is refused and changes nothing.
        var path = good.Split('?')[0];
        var forged = path[..^6] + (path[^6] == 'A' ? 'B' : 'A') + path[^5..] + "?rating=good";
        var forgedGet = await anonymous.GetAsync(forged);
        Assert.Equal(HttpStatusCode.NotFound, forgedGet.StatusCode);
        Assert.Contains("not valid", await forgedGet.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.PostAsync(forged, Form(token, "good", null))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/helpdesk/survey/not-a-token?rating=good")).StatusCode);

        // The reopened ticket is surveyed once it is solved again; its link expires after 30 days.
        await Ok(tech.PatchAsJsonAsync($"/api/v1/helpdesk/tickets/{second}", new { status = "Solved" }));
        clock.Advance(TimeSpan.FromHours(25));
        Assert.Equal(1, (await RunAsync(world, SendSurveysWork.Name)).Changed);
        var secondLinks = await SurveyLinksAsync(world, second);
        var spanish = await anonymous.GetAsync(secondLinks[2]);
        Assert.Equal(HttpStatusCode.Redirect, spanish.StatusCode);
        Assert.Contains("¿Cómo lo hicimos?", await anonymous.GetStringAsync(spanish.Headers.Location!.ToString()), StringComparison.Ordinal);
        var expiring = await anonymous.AntiforgeryTokenAsync(secondLinks[0]);
        clock.Advance(TimeSpan.FromDays(31));
        var expired = await anonymous.GetAsync(secondLinks[0]);
        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
        Assert.Contains("caducado", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.PostAsync(secondLinks[0], Form(expiring, "good", null))).StatusCode);
        Assert.Null((await SurveyOfAsync(world, second)).AnsweredAt);
    }

    [Theory]
    [Providers]
    public async Task A_sent_survey_cannot_be_answered_once_its_ticket_is_reopened(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(Start);
        await using var world = await HelpdeskWorld.CreateAsync(provider, services: s => s.AddSingleton<TimeProvider>(clock));
        var tech = await world.App.ApiClientAsync(HelpdeskWorld.SiteTech);
        var teacher = await world.App.ApiClientAsync(HelpdeskWorld.Teacher);
        var number = await world.OpenAsync(HelpdeskWorld.Teacher, Tablet(world));
        await Ok(tech.PatchAsJsonAsync($"/api/v1/helpdesk/tickets/{number}", new { status = "Solved" }));
        clock.Advance(TimeSpan.FromHours(25));
        Assert.Equal(1, (await RunAsync(world, SendSurveysWork.Name)).Changed);
        var link = (await SurveyLinksAsync(world, number))[0];
        var anonymous = world.App.Browser();
        var antiforgery = await anonymous.AntiforgeryTokenAsync(link);

        await Ok(teacher.PostAsJsonAsync($"/api/v1/helpdesk/tickets/{number}/reopen", new { reason = "Broken again." }));
        var answer = await anonymous.PostAsync(link, Form(antiforgery, "good", null));

        Assert.Equal(HttpStatusCode.Conflict, answer.StatusCode);
        Assert.Contains("This request was reopened", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await anonymous.GetAsync(link)).StatusCode);
        Assert.Null((await SurveyOfAsync(world, number)).AnsweredAt);
    }

    [Theory]
    [Providers]
    public async Task Results_group_by_technician_site_and_issue_type_for_leads_only(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(Start);
        await using var world = await HelpdeskWorld.CreateAsync(provider, services: s => s.AddSingleton<TimeProvider>(clock));
        var numbers = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            numbers.Add(await world.OpenAsync(HelpdeskWorld.Teacher, Tablet(world)));
        }

        var sam = world.Users[HelpdeskWorld.SecondTech];
        var ivan = world.Users[HelpdeskWorld.SiteTech];
        await using (var context = world.Db.OpenContext())
        {
            Survey Make(int index, Guid tech, string name, Guid site, int issueType, SurveyRating? rating, int solvedDaysAgo = 1) => new()
            {
                TicketId = long.Parse(numbers[index].Split('-')[1], System.Globalization.CultureInfo.InvariantCulture),
                SolvedAt = Start.AddDays(-solvedDaysAgo), SendAfter = Start, Sampled = true, SentAt = Start,
                TechnicianUserId = tech, TechnicianName = name, SiteId = site, IssueTypeId = issueType,
                Rating = rating, AnsweredAt = rating is null ? null : Start,
            };

            context.Set<Survey>().AddRange(
                Make(0, ivan, "Ivan Petrov", world.Elementary, 3, SurveyRating.Bad),
                Make(1, sam, "Sam Ruiz", world.High, 3, SurveyRating.Good),
                Make(2, sam, "Sam Ruiz", world.High, 9, SurveyRating.Good),
                Make(3, sam, "Sam Ruiz", world.High, 9, null),
                Make(4, sam, "Sam Ruiz", world.High, 9, SurveyRating.Good, solvedDaysAgo: 200));
            await context.SaveChangesAsync();
        }

        var manager = await world.App.ApiClientAsync(HelpdeskWorld.Manager);
        var report = JsonDocument.Parse(await manager.GetStringAsync("/api/v1/helpdesk/reports/satisfaction?from=2026-09-01&to=2026-10-31")).RootElement;
        Assert.Equal("4 3 2 75 66.7", Counts(report.GetProperty("overall")));
        Assert.Equal("3 2 2 66.7 100", Counts(Row(report, "technicians", sam.ToString())));
        Assert.Equal("1 1 0 100 0", Counts(Row(report, "technicians", ivan.ToString())));
        Assert.Equal("1 1 0 100 0", Counts(Row(report, "sites", world.Elementary.ToString())));
        Assert.Equal("2 2 1 100 50", Counts(Row(report, "issueTypes", "3")));
        Assert.Equal("2 1 1 50 100", Counts(Row(report, "issueTypes", "9")));

        var oneSite = JsonDocument.Parse(await manager.GetStringAsync($"/api/v1/helpdesk/reports/satisfaction?from=2026-09-01&to=2026-10-31&site={world.High}")).RootElement;
        Assert.Equal("3 2 2 66.7 100", Counts(oneSite.GetProperty("overall")));

        var invalid = await manager.GetAsync("/api/v1/helpdesk/reports/satisfaction?from=yesterday&to=2026-10-31");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("\"from\"", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var teacher = await world.App.ApiClientAsync(HelpdeskWorld.Teacher);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync("/api/v1/helpdesk/reports/satisfaction")).StatusCode);
        var helpDesk = await world.App.ApiClientAsync(HelpdeskWorld.HelpDesk);
        Assert.Equal(HttpStatusCode.OK, (await helpDesk.GetAsync("/api/v1/helpdesk/reports/satisfaction")).StatusCode);

        var browser = world.App.Browser();
        await browser.SignInAsync(HelpdeskWorld.Manager);
        var page = await browser.GetStringAsync("/helpdesk/reports/satisfaction?from=2026-09-01&to=2026-10-31");
        Assert.Contains("Sam Ruiz", page, StringComparison.Ordinal);
        Assert.Contains("66.7 %", page, StringComparison.Ordinal);
        Assert.Contains("<title id=\"satisfaction-chart-title\">Good answers by site, percent</title>", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/helpdesk/reports/satisfaction?from=2026-09-01&amp;to=2026-10-31&amp;format=csv\"", page, StringComparison.Ordinal);

        var csv = await browser.GetStringAsync("/helpdesk/reports/satisfaction?from=2026-09-01&to=2026-10-31&format=csv");
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Group,Name,Sent,Answered,Good,Bad,Response rate %,Good %", lines[0]);
        Assert.Contains("All,All surveys,4,3,2,1,75,66.7", lines[1], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("Technician,Sam Ruiz,3,2,2,0,", StringComparison.Ordinal));
        var xlsx = await browser.GetAsync("/helpdesk/reports/satisfaction?from=2026-09-01&to=2026-10-31&format=xlsx");
        Assert.Equal(Web.Platform.Export.ExportTable.XlsxContentType, xlsx.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/helpdesk/reports/satisfaction?format=pdf")).StatusCode);
    }

    private static string Counts(JsonElement row) => string.Join(' ',
        row.GetProperty("sent").GetInt32(), row.GetProperty("answered").GetInt32(), row.GetProperty("good").GetInt32(),
        row.GetProperty("responseRatePercent").GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture),
        row.GetProperty("goodPercent").GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static JsonElement Row(JsonElement report, string group, string key) =>
        report.GetProperty(group).EnumerateArray().Single(r => r.GetProperty("key").GetString() == key);

    private static FormUrlEncodedContent Form(string antiforgery, string rating, string? comment) => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = antiforgery,
        ["Rating"] = rating,
        ["Comment"] = comment ?? "",
    });

    private static async Task<Survey> SurveyOfAsync(HelpdeskWorld world, string number)
    {
        var ticket = await world.TicketAsync(number);
        await using var context = world.Db.OpenContext();
        return await context.Set<Survey>().SingleAsync(s => s.TicketId == ticket.Id);
    }

    /// <summary>The survey email's links as local paths: good, bad, then the Spanish good and bad.</summary>
    private static async Task<List<string>> SurveyLinksAsync(HelpdeskWorld world, string number)
    {
        await using var context = world.Db.OpenContext();
        var email = await context.Set<OutboxMessage>().Where(m => m.Kind == "helpdesk.survey").OrderByDescending(m => m.Id).FirstAsync();
        Assert.Contains(number, email.Subject, StringComparison.Ordinal);
        return SurveyLink().Matches(email.TextBody).Select(m => new Uri(m.Value).PathAndQuery).ToList();
    }

    private static Regex CheckedRadio(string value) => new($"<input type=\"radio\"[^>]*value=\"{value}\" checked=\"checked\"");

    [GeneratedRegex(@"https?://\S+/helpdesk/survey/\S+")]
    private static partial Regex SurveyLink();
}
