using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Platform.Uploads;

namespace DistrictOps.UnitTests.Modules.Helpdesk;

public sealed class RoutingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 16, 0, 0, TimeSpan.Zero);
    private static readonly Guid School = Guid.Parse("00000000-0000-0000-0000-0000000000a1");

    private static RoutingInput Ticket(int issueType = 3, string siteType = "Elementary", TicketChannel channel = TicketChannel.Web, int priority = 4, string? role = "teacher") =>
        new(School, siteType, [issueType, 2, 1], role, channel, priority, Now);

    [Fact]
    public void The_defaults_send_a_school_device_to_the_site_technician_after_the_help_desk_rule()
    {
        var decision = Routing.Route(HelpdeskDefaults.RoutingRules, Ticket());

        Assert.Equal((HelpdeskDefaults.SiteTechnicianTeam, true, 4), (decision.TeamId, decision.AssignSiteTechnician, decision.Priority));
        Assert.Equal([1, 2], decision.Fired.Select(f => f.RuleId));
    }

    [Fact]
    public void A_device_at_an_office_stays_with_the_help_desk()
    {
        var decision = Routing.Route(HelpdeskDefaults.RoutingRules, Ticket(siteType: "Administrative"));

        Assert.Equal((HelpdeskDefaults.HelpDeskTeam, false), (decision.TeamId, decision.AssignSiteTechnician));
    }

    [Fact]
    public void A_later_team_drops_an_earlier_assignment_and_stop_ends_the_cascade()
    {
        RoutingRule[] rules =
        [
            new() { Id = 1, Order = 1, Name = "tech", AssignSiteTechnician = true, SetTeamId = 2 },
            new() { Id = 2, Order = 2, Name = "network", Channels = "Phone", SetTeamId = 4, StopProcessing = true },
            new() { Id = 3, Order = 3, Name = "never", SetTeamId = 5 },
        ];

        var phoned = Routing.Route(rules, Ticket(channel: TicketChannel.Phone));
        var web = Routing.Route(rules, Ticket(channel: TicketChannel.Web));

        Assert.Equal((4, false), (phoned.TeamId, phoned.AssignSiteTechnician));
        Assert.Equal([1, 2], phoned.Fired.Select(f => f.RuleId));
        Assert.Equal(5, web.TeamId);
    }

    [Fact]
    public void Disabled_and_expired_rules_do_not_fire_and_a_rule_expiring_later_does()
    {
        RoutingRule[] rules =
        [
            new() { Id = 1, Order = 1, Name = "off", Enabled = false, SetTeamId = 3 },
            new() { Id = 2, Order = 2, Name = "gone", ExpiresAt = Now, SetTeamId = 4 },
            new() { Id = 3, Order = 3, Name = "later", ExpiresAt = Now.AddDays(1), AddTags = "Testing, week" },
        ];

        var decision = Routing.Route(rules, Ticket());

        Assert.Equal([3], decision.Fired.Select(f => f.RuleId));
        Assert.Null(decision.TeamId);
        Assert.Equal(["testing", "week"], decision.Tags);
    }

    [Fact]
    public void A_priority_set_by_one_rule_is_what_the_next_rule_sees()
    {
        RoutingRule[] rules =
        [
            new() { Id = 1, Order = 1, Name = "disrupted class", IssueTypeIds = "1", RequesterRoles = "Teacher", SetPriority = 1 },
            new() { Id = 2, Order = 2, Name = "critical", Priorities = "1", AddTags = "urgent" },
        ];

        var teacher = Routing.Route(rules, Ticket());
        var aide = Routing.Route(rules, Ticket(role: "aide"));

        Assert.Equal(1, teacher.Priority);
        Assert.Equal(["urgent"], teacher.Tags);
        Assert.Equal((4, 0), (aide.Priority, aide.Fired.Count));
    }

    [Theory]
    [InlineData("BV-000123", 123L)]
    [InlineData("bv-123", 123L)]
    [InlineData("#45", 45L)]
    [InlineData(" 7 ", 7L)]
    [InlineData("BV-", null)]
    [InlineData("XY-000123", null)]
    [InlineData("12a", null)]
    [InlineData("0", null)]
    [InlineData("", null)]
    public void Ticket_numbers_parse_the_way_people_write_them(string text, long? id) =>
        Assert.Equal(id, TicketNumber.Parse(text, "BV"));

    [Fact]
    public void Ticket_numbers_have_at_least_six_digits() =>
        Assert.Equal(("BV-000042", "BV-1234567"), (TicketNumber.Format("BV", 42), TicketNumber.Format("BV", 1_234_567)));

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "image/png")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, "image/jpeg")]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61 }, "image/gif")]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50 }, "image/webp")]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, "application/pdf")]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0x00 }, null)]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x41, 0x56, 0x45 }, null)]
    [InlineData(new byte[] { 0x3C, 0x73, 0x76, 0x67 }, null)]
    public void Attachments_are_recognised_by_their_first_bytes(byte[] head, string? type) =>
        Assert.Equal(type, FileSignature.Detect(head));

    [Theory]
    [InlineData(TicketStatus.Open, TicketStatus.New, false)]
    [InlineData(TicketStatus.Open, TicketStatus.Closed, false)]
    [InlineData(TicketStatus.Solved, TicketStatus.Closed, true)]
    [InlineData(TicketStatus.Closed, TicketStatus.Open, false)]
    [InlineData(TicketStatus.Pending, TicketStatus.OnHold, true)]
    [InlineData(TicketStatus.Solved, TicketStatus.Open, true)]
    public void Technicians_move_between_working_statuses_but_closed_is_final(TicketStatus from, TicketStatus to, bool allowed) =>
        Assert.Equal(allowed, TicketRules.CannotMove(from, to) is null);

    [Fact]
    public void Reopening_is_allowed_only_inside_the_window_after_solving()
    {
        var solved = new Ticket { Title = "", Description = "", RequesterName = "", Status = TicketStatus.Solved, SolvedAt = Now };

        Assert.True(TicketRules.CanReopen(solved, Now.AddDays(14), 14));
        Assert.False(TicketRules.CanReopen(solved, Now.AddDays(14).AddSeconds(1), 14));
        solved.MergedIntoId = 9;
        Assert.False(TicketRules.CanReopen(solved, Now, 14));
    }
}
