using System.Diagnostics;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Users.Contracts;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Modules.Helpdesk.Demo;

/// <summary>
/// In demo mode, once the demo district is in: each demo account is linked to the directory person of its name and
/// position (the technology department's, and a teacher at one of the demo site technician's schools), every desktop and help desk technician gets an account and
/// a team (each team led by its demo account), and the help desk gets its school year of history so queues, reports and service levels have something to show.
/// </summary>
internal sealed class DemoHelpdeskSeed(
    AppDbContext db,
    ISiteDirectory sites,
    IPeopleDirectory people,
    ISchoolCalendar calendar,
    IUserDirectory users,
    TimeProvider clock,
    IOptions<DemoOptions> options,
    DemoTicketsWritten written,
    ILogger<DemoHelpdeskSeed> logger) : IDemoSeed
{
    public const string DesktopTechnician = "Desktop Technician";
    public const string HelpDeskTechnician = "Help Desk Technician";

    /// <summary>After the demo users (0) and the demo district (10).</summary>
    public int Order => 20;

    public string Title => "Technician accounts and a school year of help desk tickets";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        // Without a generated district (Demo:Students=0, as the tests run) there is nothing to link or to replay.
        if (options.Value.Students <= 0 || await db.Set<Ticket>().AnyAsync(cancellationToken))
        {
            return;
        }

        var siteList = await sites.ListAsync(cancellationToken);
        if (siteList.Count == 0)
        {
            return;
        }

        var stopwatch = Stopwatch.StartNew();
        var staff = await people.CurrentStaffAsync(cancellationToken);
        var coverage = new Dictionary<Guid, IReadOnlyList<CoverageShare>>();
        foreach (var site in siteList)
        {
            coverage[site.Id] = await sites.CoverageAsync(site.Id, cancellationToken);
        }

        var accounts = await LinkAccountsAsync(staff, coverage, cancellationToken);
        if (accounts.Count == 0)
        {
            return;
        }

        SchoolSchedule schedule;
        try
        {
            schedule = await calendar.ScheduleForSiteAsync(siteList[0].Id, cancellationToken);
        }
        catch (InvalidOperationException)
        {
            return;
        }

        var linked = stopwatch.ElapsedMilliseconds;
        var input = await InputAsync(siteList, staff, coverage, schedule, cancellationToken);
        var history = DemoTicketHistory.Generate(input);
        var generated = stopwatch.ElapsedMilliseconds;
        await WriteAsync(history, cancellationToken);
        written.Tickets = true;
        logger.LogInformation(
            "Seeded {Accounts} technician accounts and {Tickets} demo tickets with {Events} timeline events over {Days} school days in {Milliseconds} ms (accounts {Linked} ms, history {Generated} ms, writing {Written} ms).",
            accounts.Count, history.Tickets.Count, history.Events.Count, history.SchoolDays.Count, stopwatch.ElapsedMilliseconds, linked, generated - linked, stopwatch.ElapsedMilliseconds - generated);
    }

    /// <summary>Links demo accounts to people, creates the other technicians' accounts and fills the teams. Returns account by person.</summary>
    private async Task<Dictionary<Guid, DemoAgent>> LinkAccountsAsync(
        IReadOnlyList<PersonSummary> staff, Dictionary<Guid, IReadOnlyList<CoverageShare>> coverage, CancellationToken cancellationToken)
    {
        var covers = coverage.SelectMany(c => c.Value.Select(share => (share.PersonId, SiteId: c.Key)))
            .GroupBy(c => c.PersonId).ToDictionary(g => g.Key, g => g.Select(c => c.SiteId).ToList());
        var desktop = staff.Where(p => p.PositionTitle == DesktopTechnician && covers.ContainsKey(p.Id)).ToList();
        if (desktop.Count == 0)
        {
            return [];
        }

        // The generator gave each demo account's person the account's name (GenerateDemoDistrictHandler.ReserveDemoAccountNames).
        var byNameAndPosition = staff.Where(p => p.PositionTitle is not null).ToLookup(p => (p.Name, p.PositionTitle!));
        var links = new List<(string Email, string Name, string Role, PersonSummary? Person, IReadOnlyList<Guid> Sites)>();
        foreach (var account in DemoAccounts.All)
        {
            var person = account.Position is { } position ? byNameAndPosition[(account.DisplayName, position)].FirstOrDefault() : null;
            IReadOnlyList<Guid> scope = (account.Role, person) switch
            {
                (Roles.SiteTechnician, { } technician) when covers.TryGetValue(technician.Id, out var covered) => covered,
                (Roles.SiteStaff, { PrimarySiteId: { } primary }) => [primary],
                _ => [],
            };
            links.Add((account.Email, account.DisplayName, account.Role, person, scope));
        }

        var demoPeople = links.Where(l => l.Person is not null).Select(l => l.Person!.Id).ToHashSet();
        links.AddRange(desktop.Where(p => !demoPeople.Contains(p.Id) && p.Email is not null)
            .Select(p => (p.Email!, p.Name, Roles.SiteTechnician, (PersonSummary?)p, (IReadOnlyList<Guid>)covers[p.Id])));
        links.AddRange(staff.Where(p => p.PositionTitle == HelpDeskTechnician && !demoPeople.Contains(p.Id) && p.Email is not null)
            .Select(p => (p.Email!, p.Name, Roles.HelpDesk, (PersonSummary?)p, (IReadOnlyList<Guid>)[])));

        var agents = new Dictionary<Guid, DemoAgent>();
        var teams = new List<TeamMember>();
        foreach (var (email, name, role, person, scope) in links)
        {
            var ensured = await users.EnsureAccountAsync(new AccountRequest(email, name, role, scope, options.Value.Password, person?.Id), cancellationToken);
            if (!ensured.Succeeded)
            {
                throw new InvalidOperationException($"Demo account {email} could not be set up: {string.Join("; ", ensured.Failure.Messages)}");
            }

            var userId = ensured.Value;
            if (person is not null)
            {
                agents[person.Id] = new DemoAgent(userId, (await users.FindAsync([userId], cancellationToken)).Single().DisplayName);
            }

            teams.AddRange(TeamsOf(role).Select(team => new TeamMember { TeamId = team, UserId = userId }));
        }

        var existing = await db.Set<TeamMember>().AsNoTracking().ToListAsync(cancellationToken);
        db.Set<TeamMember>().AddRange(teams.Where(t => !existing.Any(e => e.TeamId == t.TeamId && e.UserId == t.UserId)));

        // The demo accounts come first in the list, so each team is led by the demo account in it (Luis Ortega leads the site technicians).
        foreach (var team in await db.Set<Team>().Where(t => t.LeadUserId == null).ToListAsync(cancellationToken))
        {
            team.LeadUserId = teams.FirstOrDefault(m => m.TeamId == team.Id)?.UserId;
        }

        await db.SaveChangesAsync(cancellationToken);
        return agents;
    }

    private static int[] TeamsOf(string role) => role switch
    {
        Roles.HelpDesk => [HelpdeskDefaults.HelpDeskTeam],
        Roles.SiteTechnician => [HelpdeskDefaults.SiteTechnicianTeam],
        // The network technicians are the district's systems administrators and its informal second tier.
        Roles.SeniorTechnician => [HelpdeskDefaults.SeniorTechnicianTeam, HelpdeskDefaults.SystemsTeam],
        Roles.NetworkEngineer => [HelpdeskDefaults.NetworkTeam],
        _ => [],
    };

    private async Task<DemoHistoryInput> InputAsync(
        IReadOnlyList<SiteSummary> siteList, IReadOnlyList<PersonSummary> staff, Dictionary<Guid, IReadOnlyList<CoverageShare>> coverage, SchoolSchedule schedule, CancellationToken cancellationToken)
    {
        var accounts = (await users.ForPeopleAsync(staff.Select(p => p.Id).ToList(), cancellationToken))
            .Where(a => a.PersonId is not null).ToDictionary(a => a.PersonId!.Value);
        var technicians = coverage.Values.SelectMany(c => c.Select(s => s.PersonId)).ToHashSet();
        var bySite = staff.Where(p => p.PrimarySiteId is not null && !technicians.Contains(p.Id)).GroupBy(p => p.PrimarySiteId!.Value)
            .ToDictionary(g => g.Key, g => g.Select(p => new DemoRequester(p.Id, p.Name, p.Email, p.Kind.ToLowerInvariant(), accounts.GetValueOrDefault(p.Id)?.Id)).ToList());
        var demoSites = siteList.Select(s => new DemoSite(
            s.Id, s.Type, s.Enrollment > 0 ? s.Enrollment + 100 : 150, bySite.GetValueOrDefault(s.Id, []),
            coverage[s.Id].Select(c => accounts.GetValueOrDefault(c.PersonId)).OfType<UserSummary>().Select(a => new DemoAgent(a.Id, a.DisplayName)).ToList())).ToList();

        var members = await db.Set<TeamMember>().AsNoTracking().ToListAsync(cancellationToken);
        var memberAccounts = (await users.FindAsync(members.Select(m => m.UserId).Distinct().ToList(), cancellationToken)).ToDictionary(u => u.Id);
        var teams = members.Where(m => memberAccounts.ContainsKey(m.UserId)).GroupBy(m => m.TeamId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<DemoAgent>)g.Select(m => memberAccounts[m.UserId]).OrderBy(u => u.Email, StringComparer.Ordinal)
                .Select(u => new DemoAgent(u.Id, u.DisplayName)).ToList());

        return new DemoHistoryInput(
            demoSites,
            schedule,
            await db.Set<RoutingRule>().AsNoTracking().ToListAsync(cancellationToken),
            await db.Set<IssueType>().AsNoTracking().ToListAsync(cancellationToken),
            await db.Set<PriorityCell>().AsNoTracking().ToListAsync(cancellationToken),
            teams,
            clock.GetUtcNow());
    }

    private async Task WriteAsync(DemoHistory history, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LoadWithoutIndexesAsync([typeof(Ticket), typeof(TicketEvent)], async () =>
        {
            await db.InsertWithKeysAsync(history.Tickets, cancellationToken);
            await db.InsertAsync(history.Events, cancellationToken);
        }, cancellationToken);
        if (history.Tickets.Count > 0 && db.Database.IsNpgsql())
        {
            // PostgreSQL's identity does not move past explicitly written ids; SQLite continues after the largest by itself.
            var last = history.Tickets[^1].Id;
            await db.Database.ExecuteSqlAsync($"SELECT setval(pg_get_serial_sequence('helpdesk_tickets', 'Id'), {last})", cancellationToken);
        }

        var keys = history.Cursors.Keys.ToList();
        var cursors = await db.Set<RoundRobinCursor>().Where(c => keys.Contains(c.Key)).ToDictionaryAsync(c => c.Key, cancellationToken);
        foreach (var (key, next) in history.Cursors)
        {
            if (!cursors.TryGetValue(key, out var cursor))
            {
                db.Set<RoundRobinCursor>().Add(cursor = new RoundRobinCursor { Key = key });
            }

            cursor.Next = next;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
