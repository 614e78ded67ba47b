using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Tickets;

namespace DistrictOps.Web.Modules.Helpdesk.Demo;

public sealed record DemoAgent(Guid UserId, string Name);

public sealed record DemoRequester(Guid PersonId, string Name, string? Email, string Role, Guid? UserId);

public sealed record DemoSite(Guid Id, string Type, double Weight, IReadOnlyList<DemoRequester> Staff, IReadOnlyList<DemoAgent> Technicians);

/// <summary>Everything the history is drawn from: the district as it is, the real routing rules and the school calendar.</summary>
public sealed record DemoHistoryInput(
    IReadOnlyList<DemoSite> Sites,
    SchoolSchedule Schedule,
    IReadOnlyList<RoutingRule> Rules,
    IReadOnlyList<IssueType> IssueTypes,
    IReadOnlyList<PriorityCell> Matrix,
    IReadOnlyDictionary<int, IReadOnlyList<DemoAgent>> TeamMembers,
    DateTimeOffset Now,
    int Seed = DemoTicketHistory.DefaultSeed);

/// <summary>Tickets numbered 1…N in the order they were opened, their timelines in order, and where each site's round-robin stands.</summary>
public sealed record DemoHistory(IReadOnlyList<Ticket> Tickets, IReadOnlyList<TicketEvent> Events, IReadOnlyDictionary<string, int> Cursors, IReadOnlyList<DateOnly> SchoolDays);

/// <summary>
/// The help desk as the staffing review found it, from the first day of school until now: about 50 new tickets a
/// school day (fewer on minimum days), 80% from the web and 20% by phone with a few walk-ins and technicians stopped
/// at a site, the recurring problems the review names (vanishing folders and icons, tablets off the domain, wireless
/// security errors), many solved the same day with a tail of three days and more, and about 300 open or pending now, the newest
/// of them not yet picked up.
/// A pure function of its input: the same seed gives the same history.
/// </summary>
public static class DemoTicketHistory
{
    public const int DefaultSeed = 20_261_128;
    public const int NewPerSchoolDay = 50;
    public const int OpenTarget = 300;

    /// <summary>The newest open tickets nobody has picked up yet, so Unassigned and the first-response deadlines have something to show.</summary>
    public const int WaitingForPickUp = 12;

    private static readonly TimeSpan ClosesAfter = TimeSpan.FromDays(4);

    /// <summary>Leaf issue types and how often they come in; the review's recurring problems lead.</summary>
    private static readonly (int IssueType, double Weight, bool QuickFix, (string Title, string Description)[] Texts)[] Issues =
    [
        (9, 13, false, [
            ("My desktop icons are gone", "When I signed in this morning my desktop icons and my Documents folders were gone."),
            ("Folders disappeared again", "My folders disappeared from the desktop again. This is the third time this month."),
            ("Lost my files after signing in", "Signed in on the classroom computer and none of my folders are there.")]),
        (4, 13, false, [
            ("Tablets say the trust relationship failed", "Several student tablets say the trust relationship with the domain failed; students cannot sign in."),
            ("Tablet dropped off the domain", "This tablet will not let anyone sign in: it seems to have dropped off the domain."),
            ("Cart tablets can't sign in", "Half of the tablets on the cart cannot sign in with student accounts.")]),
        (22, 10, false, [
            ("Wireless security error", "Tablets show a security error when joining the school wireless."),
            ("Can't connect: security error", "My laptop says it cannot connect because of a security error with the network."),
            ("Security error on the wireless in the library", "Students in the library get a security error on every device.")]),
        (3, 5, false, [
            ("Tablet won't connect to wireless", "The tablet sees the network but will not connect."),
            ("No wireless on student tablet", "A student tablet has no wireless networks listed at all.")]),
        (5, 5, false, [("Cracked tablet screen", "A student dropped the tablet; the screen is cracked but it still turns on."), ("Screen broken", "The screen is shattered and the touch does not respond.")]),
        (6, 4, false, [("Tablet won't charge", "The tablet does not charge on the cart or with its own charger."), ("Tablet will not turn on", "Nothing happens when the power button is pressed.")]),
        (7, 3, false, [("Laptop very slow", "My laptop takes ten minutes to start and programs freeze."), ("Laptop keyboard not working", "Several keys on my laptop do not type.")]),
        (8, 3, false, [("Classroom computer won't start", "The teacher computer in my room shows a black screen."), ("Computer lab PC missing software", "Three lab computers are missing the reading program.")]),
        (11, 10, true, [("Locked out of my account", "I am locked out after my password expired."), ("Password reset please", "I forgot my password over the weekend."), ("Student can't sign in", "A student's password does not work.")]),
        (12, 3, true, [("New teacher needs an account", "We have a new long-term substitute starting Monday who needs an account."), ("Account for new aide", "Our new instructional aide has no account yet.")]),
        (13, 3, true, [("No access to the shared drive", "I cannot open the grade-level shared folder."), ("Need access to the office share", "Please give me access to the front office shared drive.")]),
        (23, 2, false, [("Wall jack dead", "The network jack by my desk has no connection."), ("No wired network in room", "The wired connection in my room stopped working.")]),
        (24, 3, true, [("Website blocked by the filter", "A teaching site I need today is blocked by the filter."), ("Video blocked for class", "An educational video is blocked for students.")]),
        (31, 3, true, [("Illuminate won't load assessments", "Illuminate shows an error when I open my assessments."), ("Can't see my class in Illuminate", "One of my sections is missing in Illuminate.")]),
        (32, 3, true, [("PowerSchool attendance won't save", "Attendance does not save in PowerSchool."), ("Missing students in PowerSchool", "Two new students are not on my roster.")]),
        (HelpdeskDefaults.Email, 3, true, [("Email not syncing", "My email is not arriving on my laptop."), ("Mailbox full", "I get a message that my mailbox is full.")]),
        (34, 4, false, [("Please install a program", "I need a math program installed on the lab computers."), ("Software install for class", "Could the typing program be installed on the cart tablets?")]),
        (HelpdeskDefaults.Printing, 6, false, [("Printer offline", "The copier shows offline from every computer."), ("Can't print from my laptop", "Print jobs disappear and nothing comes out."), ("Printer jammed and error", "The office printer shows an error code after a jam.")]),
        (51, 3, false, [("Projector has no picture", "The projector turns on but shows no input."), ("Projector bulb out", "The projector lamp is out.")]),
        (52, 3, false, [("Interactive display touch not working", "The display shows the screen but does not respond to touch."), ("Board won't turn on", "The interactive display in my room will not power on.")]),
        (HelpdeskDefaults.Other, 2, true, [("Question about my phone", "My desk phone voicemail light stays on."), ("Need help with a new device", "I received a document camera and don't know how to connect it.")]),
    ];

    private static readonly string[] Acknowledgements =
    [
        "Thanks, we have your request and are looking into it.",
        "Got it. A technician is on it.",
        "Thanks for reporting this; we are working on it.",
    ];

    private static readonly string[] Resolutions =
    [
        "Fixed: the device was re-joined to the domain and signs in again.",
        "Reimaged the device; everything works now.",
        "Reset and tested with you; it works now.",
        "Replaced the part; please let us know if it happens again.",
        "Updated the settings remotely; please restart and try again.",
        "Done. Let us know if anything else comes up.",
    ];

    public static DemoHistory Generate(DemoHistoryInput input)
    {
        var random = new Random(input.Seed);
        var schedule = input.Schedule;
        var zone = schedule.TimeZone;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(input.Now, zone).DateTime);
        var year = schedule.Years.LastOrDefault(y => y.FirstDay <= today);
        var sites = input.Sites.Where(s => s.Staff.Count > 0 && s.Weight > 0).ToList();
        if (year is null || sites.Count == 0)
        {
            return new DemoHistory([], [], new Dictionary<string, int>(), []);
        }

        var days = new List<(DateOnly Date, SchoolHours Hours)>();
        for (var date = year.FirstDay; date <= today && date <= year.LastDay; date = date.AddDays(1))
        {
            if (schedule.HoursOn(date) is { } hours)
            {
                days.Add((date, hours));
            }
        }

        var siteWeights = Cumulative(sites.Select(s => s.Weight));
        var issueWeights = Cumulative(Issues.Select(i => i.Weight));
        var drafts = new List<Draft>();
        for (var day = 0; day < days.Count; day++)
        {
            var (date, hours) = days[day];
            var minimumDay = schedule.SpecialHours.ContainsKey(date);
            var count = (int)Math.Round(NewPerSchoolDay * (minimumDay ? 0.6 : 1.0) + Gaussian(random) * 7);
            var opened = new List<Draft>();
            for (var n = 0; n < Math.Max(5, count); n++)
            {
                // Requests come in from before the bell until an hour after school ends.
                var minute = random.NextDouble() * (hours.Length.TotalMinutes + 90) - 30;
                var created = Instant(date, hours.Start, zone).AddMinutes(minute);
                if (created > input.Now)
                {
                    continue;
                }

                var issue = Issues[Pick(issueWeights, random)];
                var site = sites[Pick(siteWeights, random)];
                opened.Add(new Draft(day, created, site, issue.IssueType, issue.QuickFix, random.Next(issue.Texts.Length)));
            }

            drafts.AddRange(opened.OrderBy(d => d.Created));
        }

        foreach (var draft in drafts)
        {
            draft.Resolved = PlannedResolution(draft, days, zone, random);
        }

        Calibrate(drafts, input.Now, random);
        return Build(input, drafts, days.Select(d => d.Date).ToList(), random);
    }

    /// <summary>
    /// Moves the fewest tickets between solved and open so that the open count at <c>now</c> is the review's
    /// steady state (about 300) rather than whatever the draw gave: recent solved ones stay open, or old open ones
    /// are solved before now.
    /// </summary>
    private static void Calibrate(List<Draft> drafts, DateTimeOffset now, Random random)
    {
        var target = Math.Min(OpenTarget - 15 + random.Next(31), (int)(drafts.Count * 0.4));
        var open = drafts.Where(d => d.Resolved is null || d.Resolved > now).ToList();
        if (open.Count < target)
        {
            var recent = drafts.Where(d => d.Resolved <= now && d.Created > now.AddDays(-28)).ToList();
            foreach (var draft in Shuffle(recent, random).Take(target - open.Count))
            {
                draft.Resolved = null;
            }
        }
        else if (open.Count > target)
        {
            foreach (var draft in open.OrderBy(d => d.Created).Take(open.Count - target))
            {
                var span = (now - draft.Created).TotalMinutes;
                draft.Resolved = draft.Created.AddMinutes(Math.Max(1, span * (0.3 + random.NextDouble() * 0.6)));
            }
        }

        foreach (var draft in drafts.Where(d => d.Resolved > now))
        {
            draft.Resolved = null;
        }
    }

    private static DateTimeOffset? PlannedResolution(Draft draft, List<(DateOnly Date, SchoolHours Hours)> days, TimeZoneInfo zone, Random random)
    {
        var roll = random.NextDouble();
        var schoolDays = draft.QuickFix
            ? roll < 0.65 ? 0 : roll < 0.85 ? random.Next(1, 3) : roll < 0.97 ? random.Next(3, 9) : random.Next(9, 31)
            : roll < 0.38 ? 0 : roll < 0.58 ? random.Next(1, 3) : roll < 0.84 ? random.Next(3, 11) : random.Next(11, 41);
        if (schoolDays == 0)
        {
            return draft.Created.AddMinutes(15 + random.NextDouble() * 225);
        }

        var index = draft.Day + schoolDays;
        if (index >= days.Count)
        {
            return null;
        }

        var (date, hours) = days[index];
        return Instant(date, hours.Start, zone).AddMinutes(random.NextDouble() * hours.Length.TotalMinutes);
    }

    /// <summary>Each draft becomes a ticket and its timeline; the random draws happen in one fixed order, so a seed always gives the same history.</summary>
    private static DemoHistory Build(DemoHistoryInput input, List<Draft> drafts, List<DateOnly> schoolDays, Random random)
    {
        var parents = input.IssueTypes.ToDictionary(c => c.Id, c => c.ParentId);
        var cursors = new Dictionary<string, int>();
        var tickets = new List<Ticket>(drafts.Count);
        var events = new List<TicketEvent>(drafts.Count * 7);
        var mix = new Mix(Cumulative([70, 22, 7, 1]), Cumulative([20, 60, 20]), Cumulative([80, 18, 1, 1]));
        var waiting = drafts.Where(d => d.Resolved is null).OrderByDescending(d => d.Created).Take(WaitingForPickUp).ToHashSet();
        long id = 0;
        foreach (var draft in drafts)
        {
            var (ticket, requester, enteredBy) = NewTicket(input, draft, ++id, mix, random);
            tickets.Add(ticket);
            var timeline = new Timeline(ticket);
            timeline.Add(TicketEventKind.Created, draft.Created, enteredBy?.UserId ?? requester.UserId, enteredBy?.Name ?? requester.Name,
                enteredBy is null ? null : $"Entered by {enteredBy.Name} ({ticket.Channel})", true);

            var assignee = Route(input, draft, timeline, parents, cursors);
            var firstResponse = draft.Created.AddMinutes(2 + random.NextDouble() * 58);
            if (draft.Resolved is { } solvedAt && firstResponse >= solvedAt)
            {
                firstResponse = draft.Created + (solvedAt - draft.Created) / 2;
            }

            if (firstResponse <= input.Now && !waiting.Contains(draft))
            {
                assignee = Respond(input, timeline, firstResponse, assignee, cursors, random);
            }

            if (assignee is not null)
            {
                ticket.AssigneeUserId = assignee.UserId;
                ticket.AssigneeName = assignee.Name;
            }

            Wait(timeline, firstResponse, draft.Resolved ?? input.Now, draft.Resolved is not null, assignee, requester, random);
            if (draft.Resolved is { } solved)
            {
                Solve(timeline, solved, assignee, input.Now, random);
            }

            ticket.UpdatedAt = timeline.Events[^1].At;
            events.AddRange(timeline.Events);
        }

        return new DemoHistory(tickets, events, cursors, schoolDays);
    }

    private static (Ticket Ticket, DemoRequester Requester, DemoAgent? EnteredBy) NewTicket(DemoHistoryInput input, Draft draft, long id, Mix mix, Random random)
    {
        var texts = Issues.First(i => i.IssueType == draft.IssueTypeId).Texts[draft.Text];
        var requester = draft.Site.Staff[random.Next(draft.Site.Staff.Count)];
        var impact = (TicketImpact)Pick(mix.Impacts, random);
        var urgency = (TicketUrgency)Pick(mix.Urgencies, random);
        var channel = Pick(mix.Channels, random) switch
        {
            0 => TicketChannel.Web,
            1 => TicketChannel.Phone,
            2 => TicketChannel.WalkIn,
            _ => TicketChannel.DirectToTechnician,
        };
        var helpDesk = input.TeamMembers.GetValueOrDefault(HelpdeskDefaults.HelpDeskTeam) ?? [];
        DemoAgent? enteredBy = channel switch
        {
            TicketChannel.Web => null,
            TicketChannel.DirectToTechnician when draft.Site.Technicians.Count > 0 => draft.Site.Technicians[random.Next(draft.Site.Technicians.Count)],
            _ => helpDesk.Count > 0 ? helpDesk[random.Next(helpDesk.Count)] : null,
        };
        if (enteredBy is null)
        {
            channel = TicketChannel.Web;
        }

        var ticket = new Ticket
        {
            Id = id,
            Title = texts.Title,
            Description = texts.Description,
            RequesterPersonId = requester.PersonId,
            RequesterUserId = enteredBy is null ? requester.UserId : null,
            RequesterName = requester.Name,
            RequesterEmail = requester.Email,
            RequesterRole = requester.Role,
            SubmittedByUserId = enteredBy?.UserId,
            SubmittedByName = enteredBy?.Name,
            SiteId = draft.Site.Id,
            Room = random.Next(5) == 0 ? null : random.Next(8) == 0 ? "Library" : "Room " + random.Next(1, 41).ToString(System.Globalization.CultureInfo.InvariantCulture),
            IssueTypeId = draft.IssueTypeId,
            Impact = impact,
            Urgency = urgency,
            Priority = Priorities.From(input.Matrix, impact, urgency),
            InstructionDisrupted = impact is TicketImpact.Class or TicketImpact.Site && (urgency == TicketUrgency.High || random.Next(4) == 0),
            Status = TicketStatus.New,
            Channel = channel,
            CreatedAt = draft.Created,
            UpdatedAt = draft.Created,
            StatusChangedAt = draft.Created,
        };
        return (ticket, requester, enteredBy);
    }

    /// <summary>The routing rules as they ran when the ticket came in; the site's technician when a rule asks for one.</summary>
    private static DemoAgent? Route(DemoHistoryInput input, Draft draft, Timeline timeline, Dictionary<int, int?> parents, Dictionary<string, int> cursors)
    {
        var ticket = timeline.Ticket;
        var decision = Routing.Route(input.Rules, new RoutingInput(
            ticket.SiteId, draft.Site.Type, Ancestry(draft.IssueTypeId, parents), ticket.RequesterRole, ticket.Channel, ticket.Priority, draft.Created));
        ticket.Priority = decision.Priority;
        ticket.TeamId = decision.TeamId ?? HelpdeskDefaults.HelpDeskTeam;
        ticket.Tags = string.Join(' ', decision.Tags);
        foreach (var rule in decision.Fired)
        {
            timeline.Add(TicketEventKind.RuleApplied, draft.Created, null, "Routing", $"Rule “{rule.Name}” applied: {rule.Actions}.", false);
        }

        if (!decision.AssignSiteTechnician || draft.Site.Technicians.Count == 0)
        {
            return null;
        }

        var assignee = Next(cursors, $"site:{draft.Site.Id}", draft.Site.Technicians);
        timeline.Add(TicketEventKind.Assigned, draft.Created, null, "Routing", $"Assigned to {assignee.Name}.", false);
        return assignee;
    }

    /// <summary>The team's next technician takes an unassigned ticket and acknowledges it.</summary>
    private static DemoAgent? Respond(DemoHistoryInput input, Timeline timeline, DateTimeOffset at, DemoAgent? assignee, Dictionary<string, int> cursors, Random random)
    {
        var ticket = timeline.Ticket;
        var members = input.TeamMembers.GetValueOrDefault(ticket.TeamId!.Value) ?? [];
        if (assignee is null && members.Count > 0)
        {
            assignee = Next(cursors, $"team:{ticket.TeamId}", members);
            timeline.Add(TicketEventKind.Assigned, at, assignee.UserId, assignee.Name, $"Assigned to {assignee.Name}.", false);
        }

        timeline.Add(TicketEventKind.PublicReply, at, assignee?.UserId, assignee?.Name ?? "Help desk", Acknowledgements[random.Next(Acknowledgements.Length)], true);
        timeline.Move(TicketStatus.Open, at, assignee);
        ticket.FirstResponseAt = at;
        return assignee;
    }

    /// <summary>A ticket worked for more than 20 hours sometimes waits on the requester (Pending) or on a part (On hold).</summary>
    private static void Wait(Timeline timeline, DateTimeOffset firstResponse, DateTimeOffset lastWork, bool resolved, DemoAgent? assignee, DemoRequester requester, Random random)
    {
        if (timeline.Ticket.Status != TicketStatus.Open || lastWork - firstResponse <= TimeSpan.FromHours(20))
        {
            return;
        }

        var roll = random.NextDouble();
        var waitingAt = firstResponse + (lastWork - firstResponse) * (0.2 + random.NextDouble() * 0.5);
        if (roll < 0.3)
        {
            timeline.Add(TicketEventKind.PublicReply, waitingAt, assignee?.UserId, assignee?.Name ?? "Help desk",
                "Could you tell us the device's asset tag and when you are in the room, so we can come by?", true);
            timeline.Move(TicketStatus.Pending, waitingAt, assignee);
            if (resolved)
            {
                var answeredAt = waitingAt + (lastWork - waitingAt) * 0.3;
                timeline.Add(TicketEventKind.PublicReply, answeredAt, requester.UserId, requester.Name, "It is the cart in my room; I am here all day.", true);
                timeline.Move(TicketStatus.Open, answeredAt, null);
            }
        }
        else if (roll < 0.45)
        {
            timeline.Add(TicketEventKind.InternalNote, waitingAt, assignee?.UserId, assignee?.Name ?? "Help desk", "Part ordered; waiting for delivery.", false);
            timeline.Move(TicketStatus.OnHold, waitingAt, assignee);
        }
    }

    private static void Solve(Timeline timeline, DateTimeOffset solved, DemoAgent? solver, DateTimeOffset now, Random random)
    {
        var ticket = timeline.Ticket;
        timeline.Add(TicketEventKind.PublicReply, solved, solver?.UserId, solver?.Name ?? "Help desk", Resolutions[random.Next(Resolutions.Length)], true);
        timeline.Move(TicketStatus.Solved, solved, solver);
        ticket.SolvedAt = solved;
        ticket.MinutesSpent = 5 + random.Next(0, 24) * 5;
        if (solved + ClosesAfter <= now)
        {
            timeline.Move(TicketStatus.Closed, solved + ClosesAfter, null, "Closed automatically four days after it was solved.");
            ticket.ClosedAt = solved + ClosesAfter;
        }
    }

    private static DemoAgent Next(Dictionary<string, int> cursors, string key, IReadOnlyList<DemoAgent> agents)
    {
        var next = cursors.GetValueOrDefault(key) % agents.Count;
        cursors[key] = (next + 1) % agents.Count;
        return agents[next];
    }

    private static List<int> Ancestry(int issueTypeId, Dictionary<int, int?> parents)
    {
        var chain = new List<int>();
        for (int? id = issueTypeId; id is { } current && !chain.Contains(current) && parents.ContainsKey(current); id = parents[current])
        {
            chain.Add(current);
        }

        return chain;
    }

    private static DateTimeOffset Instant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static double[] Cumulative(IEnumerable<double> weights)
    {
        var sum = 0.0;
        return weights.Select(w => sum += w).ToArray();
    }

    private static int Pick(double[] cumulative, Random random)
    {
        var x = random.NextDouble() * cumulative[^1];
        var index = Array.BinarySearch(cumulative, x);
        return Math.Min(index < 0 ? ~index : index + 1, cumulative.Length - 1);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static List<T> Shuffle<T>(List<T> items, Random random)
    {
        var copy = items.ToList();
        for (var i = copy.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }

        return copy;
    }

    /// <summary>How often each impact, urgency and channel comes up, as cumulative weights for <see cref="Pick"/>.</summary>
    private sealed record Mix(double[] Impacts, double[] Urgencies, double[] Channels);

    /// <summary>One ticket's events in the order they happened; a status move is stamped on the ticket too.</summary>
    private sealed class Timeline(Ticket ticket)
    {
        public Ticket Ticket { get; } = ticket;

        public List<TicketEvent> Events { get; } = [];

        public void Add(TicketEventKind kind, DateTimeOffset at, Guid? actorId, string actor, string? body, bool isPublic, TicketStatus? from = null, TicketStatus? to = null) =>
            Events.Add(new TicketEvent { TicketId = Ticket.Id, At = at, Kind = kind, ActorUserId = actorId, ActorName = actor, Body = body, IsPublic = isPublic, FromStatus = from, ToStatus = to });

        public void Move(TicketStatus to, DateTimeOffset at, DemoAgent? actor, string? why = null)
        {
            Add(TicketEventKind.StatusChanged, at, actor?.UserId, actor?.Name ?? "DistrictOps", why, true, Ticket.Status, to);
            Ticket.Status = to;
            Ticket.StatusChangedAt = at;
        }
    }

    private sealed class Draft(int day, DateTimeOffset created, DemoSite site, int issueTypeId, bool quickFix, int text)
    {
        public int Day { get; } = day;

        public DateTimeOffset Created { get; } = created;

        public DemoSite Site { get; } = site;

        public int IssueTypeId { get; } = issueTypeId;

        public bool QuickFix { get; } = quickFix;

        public int Text { get; } = text;

        public DateTimeOffset? Resolved { get; set; }
    }
}
