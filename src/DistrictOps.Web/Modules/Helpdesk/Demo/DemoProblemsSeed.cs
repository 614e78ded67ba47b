using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Problems;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Modules.Helpdesk.Demo;

/// <summary>
/// In demo mode, after the help desk history: device tickets get the models each school owns, one school's iPads keep
/// dropping off the wireless in the last four weeks (a recurring issue waiting for a problem record), and the disappearing
/// desktop folders are already a known error with a root cause and a workaround, linked to their recent tickets.
/// Runs once: a database with device models or problems is left alone.
/// </summary>
internal sealed class DemoProblemsSeed(AppDbContext db, ISiteDirectory sites, TimeProvider clock, IOptions<DemoOptions> options, ILogger<DemoProblemsSeed> logger) : IDemoSeed
{
    public const string ClusterModel = "iPad (9th generation)";
    public const int FoldersDisappeared = 9;

    private const int Tablet = 2;
    private const int Laptop = 7;
    private const int Desktop = 8;
    private const int WontConnectToWireless = 3;

    private static readonly string[] Tablets = [ClusterModel, "iPad (10th generation)", "Lenovo 300e Chromebook"];
    private static readonly string[] Laptops = ["Chromebook C340", "Dell Latitude 3190", "Dell Latitude 3140"];
    private static readonly string[] Desktops = ["Dell OptiPlex 3080", "HP ProDesk 400 G7"];

    /// <summary>After the help desk history (20).</summary>
    public int Order => 23;

    public string Title => "Device models, a recurring issue and a known error";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Students <= 0
            || !await db.Set<Ticket>().AnyAsync(cancellationToken)
            || await db.Set<Problem>().AnyAsync(cancellationToken)
            || await db.Set<Ticket>().AnyAsync(t => t.DeviceModel != null, cancellationToken))
        {
            return;
        }

        var issueTypes = await db.Set<IssueType>().AsNoTracking().ToListAsync(cancellationToken);
        var siteList = (await sites.ListAsync(cancellationToken)).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        var random = new Random(23);
        foreach (var site in siteList)
        {
            var tablet = random.Next(Tablets.Length);
            var laptop = random.Next(Laptops.Length);
            var desktop = random.Next(Desktops.Length);
            await ModelsAsync(site.Id, Subtree(issueTypes, Tablet), Tablets[tablet], Tablets[(tablet + 1) % Tablets.Length], cancellationToken);
            await ModelsAsync(site.Id, Subtree(issueTypes, Laptop), Laptops[laptop], Laptops[(laptop + 1) % Laptops.Length], cancellationToken);
            await ModelsAsync(site.Id, Subtree(issueTypes, Desktop), Desktops[desktop], Desktops[(desktop + 1) % Desktops.Length], cancellationToken);
        }

        var now = clock.GetUtcNow();
        var clustered = await ClusterAsync(siteList, Subtree(issueTypes, Tablet), now, cancellationToken);
        var linked = await KnownErrorAsync(now, cancellationToken);
        logger.LogInformation("Demo problems: device models on every device ticket, {Clustered} iPad tickets in the recurring cluster, {Linked} tickets linked to the known error", clustered, linked);
    }

    /// <summary>Most of a site's tickets of a kind name its main model, every fifth the other one it owns.</summary>
    private async Task ModelsAsync(Guid siteId, IReadOnlyList<int> issueTypeIds, string main, string other, CancellationToken cancellationToken)
    {
        var tickets = db.Set<Ticket>().Where(t => t.SiteId == siteId && issueTypeIds.Contains(t.IssueTypeId));
        await tickets.Where(t => t.Id % 5 != 0).ExecuteUpdateAsync(s => s.SetProperty(t => t.DeviceModel, main), cancellationToken);
        await tickets.Where(t => t.Id % 5 == 0).ExecuteUpdateAsync(s => s.SetProperty(t => t.DeviceModel, other), cancellationToken);
    }

    /// <summary>The elementary school with the most tablet tickets in the last four weeks: up to eight of them become its iPads dropping off the wireless.</summary>
    private async Task<int> ClusterAsync(IReadOnlyList<SiteSummary> siteList, IReadOnlyList<int> tablets, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now.AddDays(-27);
        var elementary = siteList.Where(s => s.Type == "Elementary").Select(s => s.Id).ToList();
        var busiest = await db.Set<Ticket>()
            .Where(t => t.CreatedAt >= since && elementary.Contains(t.SiteId) && tablets.Contains(t.IssueTypeId))
            .GroupBy(t => t.SiteId).Select(g => new { Site = g.Key, Tickets = g.Count() })
            .OrderByDescending(g => g.Tickets).ThenBy(g => g.Site).FirstOrDefaultAsync(cancellationToken);
        if (busiest is null || busiest.Tickets < 3)
        {
            return 0;
        }

        var tickets = await db.Set<Ticket>()
            .Where(t => t.SiteId == busiest.Site && t.CreatedAt >= since && tablets.Contains(t.IssueTypeId))
            .OrderBy(t => t.Id).Take(8).ToListAsync(cancellationToken);
        foreach (var ticket in tickets)
        {
            ticket.IssueTypeId = WontConnectToWireless;
            ticket.DeviceModel = ClusterModel;
            ticket.Title = "iPad keeps dropping off the wireless";
        }

        await db.SaveChangesAsync(cancellationToken);
        return tickets.Count;
    }

    /// <summary>The disappearing folders, district-wide: a known error linked to its open tickets and the last two weeks' ones.</summary>
    private async Task<int> KnownErrorAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now.AddDays(-14);
        var tickets = await db.Set<Ticket>()
            .Where(t => t.IssueTypeId == FoldersDisappeared && t.MergedIntoId == null
                && (t.CreatedAt >= since || (t.Status != TicketStatus.Solved && t.Status != TicketStatus.Closed)))
            .OrderByDescending(t => t.CreatedAt).Take(25).ToListAsync(cancellationToken);
        if (tickets.Count == 0)
        {
            return 0;
        }

        var manager = await db.Users.AsNoTracking().Where(u => u.Email == "it.manager@bayview.example").Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(cancellationToken);
        var opened = tickets.Min(t => t.CreatedAt).AddHours(2);
        var problem = new Problem
        {
            Title = "Desktop folders disappear at sign-in (folder redirection)",
            Status = ProblemStatus.KnownError,
            IssueTypeId = FoldersDisappeared,
            RootCause = "The folder redirection policy still points some classroom computers at the retired file server FS01. "
                + "When FS01 does not answer at sign-in, Windows builds a temporary profile, so the desktop and Documents look empty.",
            Workaround = "Ask the teacher to sign out and sign in again on the wired network; the folders come back. "
                + "If they do not, run gpupdate /force and restart. The files are safe on FS02 under the user's home folder.",
            CreatedByUserId = manager?.Id,
            CreatedByName = manager?.DisplayName ?? "DistrictOps",
            CreatedAt = opened > now ? now : opened,
            UpdatedAt = now,
        };
        db.Set<Problem>().Add(problem);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var ticket in tickets)
        {
            var at = ticket.CreatedAt > problem.CreatedAt ? ticket.CreatedAt.AddMinutes(30) : problem.CreatedAt;
            ProblemsHandler.Link(db, ticket, problem, null, at > now ? now : at);
        }

        problem.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return tickets.Count;
    }

    private static List<int> Subtree(IReadOnlyList<IssueType> issueTypes, int root) => IssueTypeTree.Below(issueTypes.Select(c => (c.Id, c.ParentId)), root);
}
