using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Demo;

namespace DistrictOps.UnitTests.Modules.Helpdesk;

public sealed class DemoTicketHistoryTests
{
    private static readonly TimeZoneInfo Pacific = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
    private static readonly DateOnly MinimumDay = new(2026, 10, 14);
    private static readonly DateOnly[] NoSchool =
        [new(2026, 9, 7), new(2026, 11, 11), new(2026, 11, 23), new(2026, 11, 24), new(2026, 11, 25), new(2026, 11, 26), new(2026, 11, 27)];

    // A Wednesday morning in December, four months into the school year.
    private static readonly DateTimeOffset Now = new(2026, 12, 9, 18, 30, 0, TimeSpan.Zero);

    [Fact]
    public void About_fifty_tickets_a_school_day_none_on_days_without_school_and_fewer_on_a_minimum_day()
    {
        var history = DemoTicketHistory.Generate(Input());

        var byDay = history.Tickets.GroupBy(t => LocalDate(t.CreatedAt)).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(byDay.Keys, day => Assert.Contains(day, history.SchoolDays));
        Assert.DoesNotContain(byDay.Keys, day => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || NoSchool.Contains(day));
        var fullDays = history.SchoolDays.Where(d => d != MinimumDay && d != LocalDate(Now)).ToList();
        var mean = fullDays.Average(d => byDay.GetValueOrDefault(d));
        Assert.InRange(mean, 46, 54);
        Assert.InRange(byDay[MinimumDay], 10, 45);
        Assert.Equal(Enumerable.Range(1, history.Tickets.Count).Select(i => (long)i), history.Tickets.Select(t => t.Id));
    }

    [Fact]
    public void Eighty_percent_come_from_the_web_the_rest_mostly_by_phone_and_the_recurring_problems_lead()
    {
        var tickets = DemoTicketHistory.Generate(Input()).Tickets;

        double Share(Func<Ticket, bool> which) => tickets.Count(which) / (double)tickets.Count;
        Assert.InRange(Share(t => t.Channel == TicketChannel.Web), 0.77, 0.83);
        Assert.InRange(Share(t => t.Channel == TicketChannel.Phone), 0.15, 0.21);
        Assert.Contains(tickets, t => t.Channel == TicketChannel.WalkIn);
        Assert.Contains(tickets, t => t.Channel == TicketChannel.DirectToTechnician);
        Assert.All(tickets.Where(t => t.Channel != TicketChannel.Web), t => Assert.NotNull(t.SubmittedByUserId));
        const int FoldersAndIcons = 9, OffTheDomain = 4, WirelessSecurity = 22;
        Assert.All([FoldersAndIcons, OffTheDomain, WirelessSecurity], issueType => Assert.InRange(Share(t => t.IssueTypeId == issueType), 0.07, 0.16));
    }

    [Fact]
    public void About_three_hundred_are_open_or_pending_now_many_were_solved_the_same_day_and_a_tail_took_three_days_or_more()
    {
        var history = DemoTicketHistory.Generate(Input());

        var open = history.Tickets.Count(t => t.Status is not (TicketStatus.Solved or TicketStatus.Closed));
        Assert.InRange(open, 250, 350);
        Assert.Contains(history.Tickets, t => t.Status == TicketStatus.Pending);
        Assert.Contains(history.Tickets, t => t.Status == TicketStatus.OnHold);
        var solved = history.Tickets.Where(t => t.SolvedAt is not null).ToList();
        Assert.InRange(solved.Count(t => LocalDate(t.SolvedAt!.Value) == LocalDate(t.CreatedAt)) / (double)solved.Count, 0.3, 0.7);
        Assert.InRange(solved.Count(t => t.SolvedAt!.Value - t.CreatedAt >= TimeSpan.FromDays(3)) / (double)solved.Count, 0.15, 0.6);
        Assert.All(solved, t => Assert.True(t.SolvedAt <= Now));
    }

    [Fact]
    public void Every_timeline_is_in_order_and_its_status_moves_end_where_the_ticket_is()
    {
        var history = DemoTicketHistory.Generate(Input());
        var events = history.Events.GroupBy(e => e.TicketId).ToDictionary(g => g.Key, g => g.ToList());

        Assert.All(history.Tickets, ticket =>
        {
            var timeline = events[ticket.Id];
            Assert.Equal(TicketEventKind.Created, timeline[0].Kind);
            Assert.Contains(timeline, e => e.Kind == TicketEventKind.RuleApplied);
            Assert.Equal(timeline.OrderBy(e => e.At).Select(e => e.At), timeline.Select(e => e.At));
            var moves = timeline.Where(e => e.Kind == TicketEventKind.StatusChanged).ToList();
            Assert.Equal(ticket.Status, moves.Count == 0 ? TicketStatus.New : moves[^1].ToStatus);
            Assert.All(moves.Zip(moves.Skip(1)), pair => Assert.Equal(pair.First.ToStatus, pair.Second.FromStatus));
            if (ticket.Status == TicketStatus.Closed)
            {
                Assert.Equal(ticket.SolvedAt!.Value.AddDays(4), ticket.ClosedAt);
                Assert.Contains(timeline, e => e.Kind == TicketEventKind.PublicReply && e.IsPublic);
            }

            Assert.True(timeline[^1].At <= Now);
        });
    }

    [Fact]
    public void Device_tickets_at_a_school_go_round_robin_to_its_technicians_and_the_rest_to_their_teams()
    {
        var input = Input();
        var history = DemoTicketHistory.Generate(input);

        var sites = input.Sites.ToDictionary(s => s.Id);
        var siteTeam = history.Tickets.Where(t => t.TeamId == HelpdeskDefaults.SiteTechnicianTeam).ToList();
        Assert.NotEmpty(siteTeam);
        Assert.All(siteTeam, t => Assert.Contains(t.AssigneeUserId, sites[t.SiteId].Technicians.Select(a => (Guid?)a.UserId)));
        var shared = sites.Values.Single(s => s.Technicians.Count == 2);
        var sharedAssignees = siteTeam.Where(t => t.SiteId == shared.Id).Select(t => t.AssigneeUserId).ToList();
        Assert.True(sharedAssignees.Count >= 4);
        Assert.All(sharedAssignees.Zip(sharedAssignees.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));
        Assert.Contains(history.Tickets, t => t.TeamId == HelpdeskDefaults.NetworkTeam && t.AssigneeName == "Omar Haddad");
        Assert.Contains(history.Tickets, t => t.TeamId == HelpdeskDefaults.SystemsTeam);
    }

    [Fact]
    public void The_same_seed_gives_the_same_history_and_another_seed_another()
    {
        var first = DemoTicketHistory.Generate(Input());
        var again = DemoTicketHistory.Generate(Input());
        var other = DemoTicketHistory.Generate(Input() with { Seed = 7 });

        static string Fingerprint(DemoHistory h) =>
            string.Join('|', h.Tickets.Select(t => $"{t.CreatedAt:O},{t.IssueTypeId},{t.Status},{t.Channel},{t.AssigneeUserId},{t.RequesterPersonId}"));
        Assert.Equal(Fingerprint(first), Fingerprint(again));
        Assert.Equal(first.Events.Count, again.Events.Count);
        Assert.NotEqual(Fingerprint(first), Fingerprint(other));
    }

    [Fact]
    public void The_newest_open_tickets_wait_to_be_picked_up_and_the_open_ones_were_last_touched_on_many_days()
    {
        var tickets = DemoTicketHistory.Generate(Input()).Tickets;

        var open = tickets.Where(t => t.Status is not (TicketStatus.Solved or TicketStatus.Closed)).ToList();
        var newest = open.OrderByDescending(t => t.CreatedAt).Take(DemoTicketHistory.WaitingForPickUp).ToList();
        Assert.All(newest, t => Assert.Equal((TicketStatus.New, (DateTimeOffset?)null), (t.Status, t.FirstResponseAt)));
        Assert.InRange(newest.Count(t => t.AssigneeUserId is null), 3, DemoTicketHistory.WaitingForPickUp);
        Assert.All(open.Except(newest), t => Assert.NotNull(t.FirstResponseAt));
        Assert.True(open.Select(t => LocalDate(t.UpdatedAt)).Distinct().Count() >= 15, "open tickets were last updated on too few days");
    }

    [Fact]
    public void Before_the_first_day_of_school_there_is_no_history()
    {
        var history = DemoTicketHistory.Generate(Input() with { Now = new DateTimeOffset(2026, 7, 1, 17, 0, 0, TimeSpan.Zero) });

        Assert.Empty(history.Tickets);
    }

    private static DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Pacific).DateTime);

    private static DemoHistoryInput Input()
    {
        var schedule = SchoolSchedule.Create(Pacific, [new InstructionalYear(new DateOnly(2026, 8, 12), new DateOnly(2027, 6, 10))], NoSchool,
            specialHours: new Dictionary<DateOnly, SchoolHours> { [MinimumDay] = new(new TimeOnly(7, 0), new TimeOnly(12, 30)) });
        var technicians = Enumerable.Range(1, 9).Select(i => new DemoAgent(Id(900 + i), $"Technician {i}")).ToList();
        var sites = Enumerable.Range(0, 30).Select(i => new DemoSite(
            Id(i),
            i < 20 ? "Elementary" : i < 26 ? "Middle" : i < 29 ? "High" : "Administrative",
            i < 29 ? 300 + i * 40 : 150,
            Enumerable.Range(0, 25).Select(n => new DemoRequester(Id(10_000 + i * 100 + n), $"Staff {i}-{n}", $"s{i}.{n}@bayview.example", n == 0 ? "administrator" : "teacher", null)).ToList(),
            i == 28 ? [technicians[8], technicians[0]] : i < 29 ? [technicians[i % 9]] : [])).ToList();
        var teams = new Dictionary<int, IReadOnlyList<DemoAgent>>
        {
            [HelpdeskDefaults.HelpDeskTeam] = [new DemoAgent(Id(801), "Priya Natarajan"), new DemoAgent(Id(802), "Help Desk Two")],
            [HelpdeskDefaults.SiteTechnicianTeam] = technicians,
            [HelpdeskDefaults.SeniorTechnicianTeam] = [new DemoAgent(Id(803), "Grace Kim")],
            [HelpdeskDefaults.SystemsTeam] = [new DemoAgent(Id(803), "Grace Kim")],
            [HelpdeskDefaults.NetworkTeam] = [new DemoAgent(Id(804), "Omar Haddad")],
        };
        return new DemoHistoryInput(sites, schedule, HelpdeskDefaults.RoutingRules, HelpdeskDefaults.IssueTypes, HelpdeskDefaults.PriorityMatrix, teams, Now);
    }

    private static Guid Id(int n) => new($"00000000-0000-0000-0000-{n:D12}");
}
