using System.Net.Http.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Automations.RunAutomations;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Email;
using DistrictOps.Web.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DistrictOps.IntegrationTests.Modules.Helpdesk;

public sealed class RunAutomationsTests
{
    // Friday 2026-10-09, 13:00 in Bayview (the default calendar time zone, America/Los_Angeles).
    private static readonly DateTimeOffset FridayAfternoon = new(2026, 10, 9, 20, 0, 0, TimeSpan.Zero);

    [Theory]
    [Providers]
    public async Task Pending_tickets_get_one_reminder_after_three_school_days_then_are_solved_after_five_more_then_closed_after_four_days(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(FridayAfternoon);
        await using var world = await HelpdeskWorld.CreateAsync(provider, services: s => s.AddSingleton<TimeProvider>(clock));
        await AddSchoolYearAsync(world);
        var tech = await world.App.ApiClientAsync(HelpdeskWorld.SiteTech);
        var teacher = await world.App.ApiClientAsync(HelpdeskWorld.Teacher);
        var silent = await world.OpenAsync(HelpdeskWorld.Teacher, Tablet(world));
        var answers = await world.OpenAsync(HelpdeskWorld.Teacher, Tablet(world));
        foreach (var number in new[] { silent, answers })
        {
            await Ok(tech.PostAsJsonAsync($"/api/v1/helpdesk/tickets/{number}/comments", new { body = "Which room is the cart in?" }));
            await Ok(tech.PatchAsJsonAsync($"/api/v1/helpdesk/tickets/{number}", new { status = "Pending" }));
        }

        // Wednesday: five calendar days but only Monday and Tuesday are school days.
        clock.SetUtcNow(FridayAfternoon.AddDays(5));
        Assert.Equal(0, (await RunAsync(world, PendingReminderWork.Name)).Changed);
        await Ok(teacher.PostAsJsonAsync($"/api/v1/helpdesk/tickets/{answers}/comments", new { body = "Room 12." }));
        Assert.Equal(TicketStatus.Open, (await world.TicketAsync(answers)).Status);

        // Thursday: Monday, Tuesday and Wednesday have passed.
        clock.SetUtcNow(FridayAfternoon.AddDays(6));
        var reminded = await RunAsync(world, PendingReminderWork.Name);
        var again = await RunAsync(world, PendingReminderWork.Name);
        Assert.Equal((JobOutcome.Succeeded, 1), (reminded.Outcome, reminded.Changed));
        Assert.Equal(0, again.Changed);
        var waiting = await world.TicketAsync(silent);
        Assert.Equal((TicketStatus.Pending, clock.GetUtcNow()), (waiting.Status, waiting.PendingReminderSentAt));
        var reminder = Assert.Single(await world.EventsAsync(silent), e => e.Kind == TicketEventKind.Automation);
        Assert.True(reminder.IsPublic);
        Assert.Null((await world.TicketAsync(answers)).PendingReminderSentAt);
        await using (var context = world.Db.OpenContext())
        {
            var email = Assert.Single(await context.Set<OutboxMessage>().Where(m => m.Kind == "helpdesk.pending-reminder").ToListAsync());
            Assert.Equal(waiting.RequesterEmail, email.To);
            Assert.Contains(silent, email.Subject, StringComparison.Ordinal);
            Assert.Contains("Esperamos su respuesta", email.Subject, StringComparison.Ordinal);
        }

        // Five school days after the Thursday reminder: Fri, Mon, Tue, Wed, Thu have passed on the next Friday.
        clock.SetUtcNow(FridayAfternoon.AddDays(13));
        Assert.Equal(0, (await RunAsync(world, AutoClosePendingWork.Name)).Changed);
        clock.SetUtcNow(FridayAfternoon.AddDays(14));
        Assert.Equal(1, (await RunAsync(world, AutoClosePendingWork.Name)).Changed);
        Assert.Equal(0, (await RunAsync(world, AutoClosePendingWork.Name)).Changed);
        var solved = await world.TicketAsync(silent);
        Assert.Equal((TicketStatus.Solved, clock.GetUtcNow()), (solved.Status, solved.SolvedAt));
        Assert.Contains(await world.EventsAsync(silent), e => e.Kind == TicketEventKind.Automation && e.IsPublic && e.Body == AutoClosePendingWork.Note);
        await using (var context = world.Db.OpenContext())
        {
            var survey = await context.Set<Survey>().SingleAsync(s => s.TicketId == solved.Id);
            Assert.Equal(clock.GetUtcNow().AddHours(24), survey.SendAfter);
        }

        // Solved to Closed four days later, not before.
        clock.Advance(TimeSpan.FromDays(4) - TimeSpan.FromMinutes(1));
        Assert.Equal(0, (await RunAsync(world, CloseSolvedWork.Name)).Changed);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, (await RunAsync(world, CloseSolvedWork.Name)).Changed);
        Assert.Equal(0, (await RunAsync(world, CloseSolvedWork.Name)).Changed);
        Assert.Equal(TicketStatus.Closed, (await world.TicketAsync(silent)).Status);
        Assert.Equal(TicketStatus.Open, (await world.TicketAsync(answers)).Status);

        await using (var context = world.Db.OpenContext())
        {
            var runs = await context.Set<JobRun>().OrderBy(r => r.Id).Select(r => new { r.Job, r.Changed, r.Outcome, r.TriggeredBy }).ToListAsync();
            Assert.Equal(9, runs.Count);
            Assert.All(runs, r => Assert.Equal((JobOutcome.Succeeded, "test"), (r.Outcome, r.TriggeredBy)));
            Assert.Equal(3, runs.Sum(r => r.Changed));
        }
    }

    [Theory]
    [Providers]
    public async Task A_reopened_ticket_is_not_closed_until_solved_again_and_work_goes_in_batches(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(FridayAfternoon);
        await using var world = await HelpdeskWorld.CreateAsync(provider, new Dictionary<string, string?> { ["Helpdesk:Automations:BatchSize"] = "2" },
            s => s.AddSingleton<TimeProvider>(clock));
        var tech = await world.App.ApiClientAsync(HelpdeskWorld.SiteTech);
        var teacher = await world.App.ApiClientAsync(HelpdeskWorld.Teacher);
        var numbers = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var number = await world.OpenAsync(HelpdeskWorld.Teacher, Tablet(world));
            await Ok(tech.PatchAsJsonAsync($"/api/v1/helpdesk/tickets/{number}", new { status = "Solved" }));
            numbers.Add(number);
        }

        clock.Advance(TimeSpan.FromDays(3));
        await Ok(teacher.PostAsJsonAsync($"/api/v1/helpdesk/tickets/{numbers[0]}/reopen", new { reason = "Again." }));
        clock.Advance(TimeSpan.FromDays(1.5));

        var closed = await RunAsync(world, CloseSolvedWork.Name);

        Assert.Equal(4, closed.Changed);
        Assert.Equal(TicketStatus.Open, (await world.TicketAsync(numbers[0])).Status);
        foreach (var number in numbers.Skip(1))
        {
            Assert.Equal(TicketStatus.Closed, (await world.TicketAsync(number)).Status);
        }

        // Without a school calendar the school-day jobs skip the ticket and say why, rather than fail.
        await Ok(tech.PatchAsJsonAsync($"/api/v1/helpdesk/tickets/{numbers[0]}", new { status = "Pending" }));
        clock.Advance(TimeSpan.FromDays(10));
        var reminder = await RunAsync(world, PendingReminderWork.Name);
        Assert.Equal((JobOutcome.Succeeded, 0), (reminder.Outcome, reminder.Changed));
        Assert.Contains("no school calendar", reminder.Summary, StringComparison.Ordinal);
    }

    internal static async Task AddSchoolYearAsync(HelpdeskWorld world)
    {
        await using var context = world.Db.OpenContext();
        context.Set<CalendarYear>().Add(new CalendarYear { FirstDay = new DateOnly(2026, 8, 17), LastDay = new DateOnly(2027, 6, 11), Name = "2026-27" });
        await context.SaveChangesAsync();
    }

    internal static async Task<JobRun> RunAsync(HelpdeskWorld world, string job) =>
        await world.App.Services.GetRequiredService<JobRunner>().RunAsync(job, "test", CancellationToken.None)
        ?? throw new InvalidOperationException($"No job {job}.");

    internal static object Tablet(HelpdeskWorld world) =>
        new { title = "Tablet won't connect", description = "No wireless.", siteId = world.Elementary, issueTypeId = 3 };

    internal static async Task Ok(Task<HttpResponseMessage> request)
    {
        var response = await request;
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
