using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Modules.Users.Contracts;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Export;
using DistrictOps.Web.Platform.Http;
using DistrictOps.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Directory.ReviewAccessLog;

/// <summary>The access log's filter: <c>person</c> (whose record was shown), <c>user</c> (who was shown it), <c>from</c> and <c>to</c> (district days, inclusive), <c>page</c>, <c>pageSize</c>.</summary>
public sealed record AccessLogQuery(Guid? Person, Guid? User, DateOnly? From, DateOnly? To, PageRequest Page)
{
    public static Result<AccessLogQuery> Read(IQueryCollection query)
    {
        var reader = new QueryReader(query);
        var (from, to) = reader.Days();
        return reader.Then(new AccessLogQuery(reader.Id("person", "a person id"), reader.Id("user", "a user id"), from, to, reader.Paging()));
    }
}

/// <summary>One time someone was shown student or guardian records: one record (<see cref="PersonId"/>) or a list of <see cref="Records"/>.</summary>
public sealed record AccessLogRow(long Id, DateTimeOffset At, Guid UserId, string User, string Via, string Path, string? Query, int Records, Guid? PersonId, string? Person);

public sealed record AccessLogPage(PagedResult<AccessLogRow> Entries, string? PersonName);

/// <summary>
/// Who was shown which student and guardian records, newest first, for an administrator answering "who looked at my
/// child": a person's filter finds the views of their record and the lists and searches that showed them.
/// </summary>
public sealed class AccessLogHandler(AppDbContext db, IUserDirectory users, DistrictTime districtTime)
{
    public async Task<AccessLogPage> HandleAsync(AccessLogQuery query, CancellationToken cancellationToken = default)
    {
        var page = await Filtered(query).OrderByDescending(e => e.Id).ToPagedResultAsync(query.Page, cancellationToken);
        var rows = await RowsAsync(page.Items, cancellationToken);
        var personName = query.Person is { } person ? (await NamesAsync([person], cancellationToken)).GetValueOrDefault(person) : null;
        return new AccessLogPage(new PagedResult<AccessLogRow>(rows, page.Total, page.Page, page.PageSize), personName);
    }

    /// <summary>Every entry the filter matches (paging ignored), for a CSV download.</summary>
    public async Task<ExportTable> ExportAsync(AccessLogQuery query, CancellationToken cancellationToken = default)
    {
        var entries = await Filtered(query).OrderByDescending(e => e.Id).ToListAsync(cancellationToken);
        var rows = await RowsAsync(entries, cancellationToken);
        return new ExportTable(
            "Access log",
            [new("At (UTC)"), new("User"), new("User id"), new("Via"), new("Path"), new("Query"), new("Records", ExportKind.Number), new("Person"), new("Person id")],
            rows.Select(r => (IReadOnlyList<object?>)
                [r.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), r.User, r.UserId.ToString(), r.Via, r.Path, r.Query, r.Records, r.Person, r.PersonId?.ToString()])
                .ToList());
    }

    private IQueryable<AccessLogEntry> Filtered(AccessLogQuery query)
    {
        var entries = db.Set<AccessLogEntry>().AsNoTracking();
        if (query.Person is { } person)
        {
            entries = entries.Where(e => e.PersonId == person || db.Set<AccessLogListing>().Any(l => l.EntryId == e.Id && l.PersonId == person));
        }

        if (query.User is { } user)
        {
            entries = entries.Where(e => e.UserId == user);
        }

        if (query.From is { } from)
        {
            var start = districtTime.StartOf(from);
            entries = entries.Where(e => e.At >= start);
        }

        if (query.To is { } to)
        {
            var end = districtTime.StartOf(to.AddDays(1));
            entries = entries.Where(e => e.At < end);
        }

        return entries;
    }

    private async Task<List<AccessLogRow>> RowsAsync(IReadOnlyList<AccessLogEntry> entries, CancellationToken cancellationToken)
    {
        var userNames = (await users.FindAsync(entries.Select(e => e.UserId).Distinct().ToList(), cancellationToken)).ToDictionary(u => u.Id, u => u.DisplayName);
        var people = await NamesAsync(entries.Select(e => e.PersonId).OfType<Guid>().Distinct().ToList(), cancellationToken);
        return entries.Select(e => new AccessLogRow(
            e.Id, e.At, e.UserId, userNames.GetValueOrDefault(e.UserId) ?? "(account removed)", e.Via, e.Path, e.Query, e.Records,
            e.PersonId, e.PersonId is { } p ? people.GetValueOrDefault(p) : null)).ToList();
    }

    private async Task<Dictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        await db.Set<Person>().AsNoTracking().Where(p => ids.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => (string.IsNullOrEmpty(p.PreferredGivenName) ? p.GivenName : p.PreferredGivenName) + " " + p.FamilyName, cancellationToken);
}

internal static class AccessLogApi
{
    public static RouteGroupBuilder MapAccessLogApi(this RouteGroupBuilder group)
    {
        group.MapGet("/access-log", async (HttpRequest request, AccessLogHandler handler, CancellationToken ct) =>
                (await AccessLogQuery.Read(request.Query).ThenAsync(q => handler.HandleAsync(q, ct))).ToOk())
            .WithSummary("Who was shown student and guardian records, newest first; filter by person, user and district days (from, to).");
        group.MapGet("/access-log.csv", async (HttpRequest request, AccessLogHandler handler, CancellationToken ct) =>
            {
                var read = AccessLogQuery.Read(request.Query);
                if (!read.Succeeded)
                {
                    return read.Failure.ToProblem();
                }

                return Results.File(Platform.Export.CsvExport.Write(await handler.ExportAsync(read.Value, ct)), ExportTable.CsvContentType, "access-log.csv");
            })
            .WithSummary("The same entries as CSV, every one the filter matches.");
        return group;
    }
}
