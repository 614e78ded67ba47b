using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Modules.Helpdesk.Work.SearchEverything;

/// <summary>What the header's search box found: a ticket to jump to, or the tickets and people matching the text.</summary>
public sealed record SearchResults(string? JumpTo, IReadOnlyList<TicketHit> Tickets, IReadOnlyList<PersonSummary> People, bool More);

/// <summary>A ticket that matched, with the requester as the viewer may see them and the comment that matched, if one did.</summary>
public sealed record TicketHit(string Number, string Title, string Status, string RequesterName, string Description, string? Comment, DateTimeOffset UpdatedAt);

/// <summary>
/// The header's search. A ticket number the viewer can see is a jump to it. Text of at least three characters finds the
/// tickets whose title, description, requester or any reply or note contains it, among every ticket the viewer can see,
/// newest first; and the people whose names or email match, under the Directory's student rule. The text search is served
/// by indexes on both databases (Platform/Data/Migrations/HandWritten/ticket-text-search.sql): trigram FTS5 tables on
/// SQLite, pg_trgm GIN indexes on PostgreSQL, so it stays fast at a million tickets.
/// </summary>
public sealed class SearchHandler(AppDbContext db, TicketFinder finder, IPeopleDirectory people, IOptions<HelpdeskOptions> options)
{
    public const int MinLength = 3;
    public const int MaxLength = 200;
    private const int Shown = 50;
    private const int PeopleShown = 10;
    private const int Candidates = Shown * 2;

    public async Task<Result<SearchResults>> HandleAsync(string? text, Viewer viewer, DirectoryReader reader, CancellationToken cancellationToken = default)
    {
        var query = text?.Trim() ?? "";
        if (TicketNumber.Parse(query, finder.Prefix) is { } id && await finder.FindAsync(id, viewer, cancellationToken) is { } ticket)
        {
            return new SearchResults(finder.Number(ticket), [], [], More: false);
        }

        if (query.Length < MinLength)
        {
            return Result.Invalid("q", $"Type a ticket number, or at least {MinLength} characters to search for.");
        }

        if (query.Length > MaxLength)
        {
            return Result.Invalid("q", $"Search for at most {MaxLength} characters.");
        }

        var hits = await TicketsAsync(query, viewer, cancellationToken);
        var found = await people.SearchAsync(query, reader, PeopleShown, cancellationToken);
        return new SearchResults(null, hits.Take(Shown).ToList(), found, hits.Count > Shown);
    }

    private async Task<List<TicketHit>> TicketsAsync(string query, Viewer viewer, CancellationToken cancellationToken)
    {
        var newest = await db.Set<Ticket>().MaxAsync(t => (long?)t.Id, cancellationToken) ?? 0;
        var rows = db.Database.IsSqlite()
            ? await WidenedAsync(query, newest, viewer, cancellationToken)
            : await NewestFirstAsync(query, newest, viewer, cancellationToken);
        return await HitsAsync(rows, query, viewer, cancellationToken);
    }

    /// <summary>
    /// SQLite: the newest matches come from the newest numbers: search a window of them and widen it until a page is full
    /// (or the window holds every ticket), so the page is the same as a search of all, at the cost of the window's matches.
    /// </summary>
    private async Task<List<Candidate>> WidenedAsync(string query, long newest, Viewer viewer, CancellationToken cancellationToken)
    {
        var window = (long)options.Value.SearchWindow;
        while (true)
        {
            var from = newest - window < 1 ? (long?)null : newest - window + 1;
            var rows = await NewestAsync(Matching(query, from), viewer, cancellationToken);
            if (rows.Count == Candidates || from is null)
            {
                return rows;
            }

            window *= 10;
        }
    }

    /// <summary>
    /// PostgreSQL: inside the window of the newest numbers, the tickets' and the comments' newest matches are asked for
    /// separately, each ordered by number with a limit, so the planner either walks the window newest first and stops at a
    /// page (a common word) or asks the trigram indexes (a rare one); a walk never leaves the window, so a word common only
    /// in old tickets cannot walk the whole table. Only if the window holds less than a page, the older tickets' matches
    /// all come from the indexes, where a word that is rare in the window is usually rare.
    /// </summary>
    private async Task<List<Candidate>> NewestFirstAsync(string query, long newest, Viewer viewer, CancellationToken cancellationToken)
    {
        var from = Math.Max(1, newest - options.Value.SearchWindow + 1);
        var pattern = "%" + query.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
        // The comment kinds repeat the partial index's predicate word for word, so PostgreSQL uses it.
        var inTickets = db.Set<Ticket>().FromSql($"""
            SELECT * FROM helpdesk_tickets WHERE "Id" >= {from} AND ("Title" ILIKE {pattern} OR "Description" ILIKE {pattern} OR "RequesterName" ILIKE {pattern})
            """);
        var inComments = db.Set<Ticket>().FromSql($"""
            SELECT * FROM helpdesk_tickets WHERE "Id" >= {from} AND "Id" IN (
                SELECT "TicketId" FROM helpdesk_ticket_events WHERE "TicketId" >= {from} AND "Kind" IN ('PublicReply', 'InternalNote') AND "Body" ILIKE {pattern})
            """);
        var rows = (await NewestAsync(inTickets, viewer, cancellationToken)).Concat(await NewestAsync(inComments, viewer, cancellationToken))
            .DistinctBy(r => r.Id).OrderByDescending(r => r.Id).Take(Candidates).ToList();
        if (rows.Count < Candidates && from > 1)
        {
            // A UNION has no order to walk, so each side is the trigram index's whole answer below the window.
            rows.AddRange(await NewestAsync(db.Set<Ticket>().FromSql($"""
                SELECT * FROM helpdesk_tickets WHERE "Id" IN (
                    SELECT "Id" FROM helpdesk_tickets WHERE "Id" < {from} AND ("Title" ILIKE {pattern} OR "Description" ILIKE {pattern} OR "RequesterName" ILIKE {pattern})
                    UNION
                    SELECT "TicketId" FROM helpdesk_ticket_events WHERE "TicketId" < {from} AND "Kind" IN ('PublicReply', 'InternalNote') AND "Body" ILIKE {pattern})
                """), viewer, cancellationToken));
        }

        return rows.Take(Candidates).ToList();
    }

    private static Task<List<Candidate>> NewestAsync(IQueryable<Ticket> matching, Viewer viewer, CancellationToken cancellationToken) =>
        viewer.Visible(matching).AsNoTracking()
            .OrderByDescending(t => t.Id).Take(Candidates)
            .Select(t => new Candidate(t.Id, t.Title, t.Status, t.Description, t.RequesterName, t.RequesterRole, t.SiteId, t.UpdatedAt))
            .ToListAsync(cancellationToken);

    private sealed record Candidate(long Id, string Title, TicketStatus Status, string Description, string RequesterName, string? RequesterRole, Guid SiteId, DateTimeOffset UpdatedAt);

    private async Task<List<TicketHit>> HitsAsync(List<Candidate> rows, string query, Viewer viewer, CancellationToken cancellationToken)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var comments = (await db.Set<TicketEvent>().AsNoTracking()
                .Where(e => ids.Contains(e.TicketId) && (e.Kind == TicketEventKind.PublicReply || e.Kind == TicketEventKind.InternalNote) && e.Body != null)
                .Select(e => new { e.TicketId, e.Id, e.Body })
                .ToListAsync(cancellationToken))
            .Where(e => e.Body!.Contains(query, StringComparison.OrdinalIgnoreCase))
            .GroupBy(e => e.TicketId).ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.Id).First().Body);
        var terms = new[] { query };
        var hits = new List<TicketHit>();
        foreach (var row in rows)
        {
            var requester = viewer.RequesterName(row.RequesterName, row.RequesterRole, row.SiteId);
            var comment = comments.GetValueOrDefault(row.Id);
            // A requester's name the viewer may not see must not be findable either: such a ticket is listed only for what else matched.
            if (Highlight.Matches(row.Title, terms) || Highlight.Matches(row.Description, terms) || comment is not null || Highlight.Matches(requester, terms))
            {
                hits.Add(new TicketHit(TicketNumber.Format(finder.Prefix, row.Id), row.Title, row.Status.ToString(), requester, row.Description, comment, row.UpdatedAt));
            }
        }

        return hits;
    }

    /// <summary>
    /// SQLite: tickets numbered <paramref name="from"/> or later (any, if null) whose title, description, requester or a
    /// reply or note contains <paramref name="query"/>, case-insensitively.
    /// </summary>
    private IQueryable<Ticket> Matching(string query, long? from)
    {
        var first = from ?? 0;
        // A trigram FTS5 phrase matches the text anywhere in a column; quotes inside are doubled. FTS5 seeks to the rowid range.
        var phrase = "\"" + query.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        return db.Set<Ticket>().FromSql($"""
            SELECT * FROM helpdesk_tickets WHERE "Id" IN (
                SELECT rowid FROM helpdesk_tickets_fts WHERE helpdesk_tickets_fts MATCH {phrase} AND rowid >= {first}
                UNION
                SELECT "TicketId" FROM helpdesk_ticket_events WHERE "TicketId" >= {first}
                    AND "Id" IN (SELECT rowid FROM helpdesk_ticket_events_fts WHERE helpdesk_ticket_events_fts MATCH {phrase}))
            """);
    }
}
