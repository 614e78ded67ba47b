using DistrictOps.Web.Modules.Directory.Contracts;
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

    /// <summary>The filter as the access log keeps its own readings, e.g. <c>person=… from=2026-12-01 page=1 pageSize=50</c>.</summary>
    public string Describe(bool paged) => string.Join(' ', new[]
    {
        Person is { } person ? $"person={person}" : null,
        User is { } user ? $"user={user}" : null,
        From is { } from ? $"from={from:yyyy-MM-dd}" : null,
        To is { } to ? $"to={to:yyyy-MM-dd}" : null,
        paged ? $"page={Page.Page}" : null,
        paged ? $"pageSize={Page.Size}" : null,
    }.OfType<string>());
}

/// <summary>One time someone was shown student or guardian records: one record (<see cref="PersonId"/>) or a list of <see cref="Records"/>.</summary>
public sealed record AccessLogRow(long Id, DateTimeOffset At, Guid UserId, string User, string Via, string Path, string? Query, int Records, Guid? PersonId, string? Person);

public sealed record AccessLogPage(PagedResult<AccessLogRow> Entries, string? PersonName);

/// <summary>
/// Who was shown which student and guardian records, newest first, for an administrator answering "who looked at my
/// child": a person's filter finds the views of their record and the lists and searches that showed them. Each reading is
/// itself written to the access log, with its filter and the students and guardians it named.
/// </summary>
public sealed class AccessLogHandler(AppDbContext db, IUserDirectory users, DistrictTime districtTime, StudentAccessLog accessLog)
{
    public async Task<AccessLogPage> HandleAsync(AccessLogQuery query, DirectoryReader reader, CancellationToken cancellationToken = default)
    {
        var page = await Filtered(query).OrderByDescending(e => e.Id).ToPagedResultAsync(query.Page, cancellationToken);
        var rows = await RowsAsync(page.Items, cancellationToken);
        var person = query.Person is { } id ? (await PeopleAsync([id], cancellationToken)).GetValueOrDefault(id) : null;
        await LogReadAsync(reader, query.Describe(paged: true), rows, person is { Family: true } ? query.Person : null, cancellationToken);
        return new AccessLogPage(new PagedResult<AccessLogRow>(rows, page.Total, page.Page, page.PageSize), person?.Name);
    }

    /// <summary>Every entry the filter matches (paging ignored), for a CSV download.</summary>
    public async Task<ExportTable> ExportAsync(AccessLogQuery query, DirectoryReader reader, CancellationToken cancellationToken = default)
    {
        var entries = await Filtered(query).OrderByDescending(e => e.Id).ToListAsync(cancellationToken);
        var rows = await RowsAsync(entries, cancellationToken);
        await LogReadAsync(reader, query.Describe(paged: false), rows, namedStudent: null, cancellationToken);
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

    /// <summary>The entries name only students and guardians; <paramref name="namedStudent"/> is the filter's person when one of them.</summary>
    private async Task LogReadAsync(DirectoryReader reader, string filter, IReadOnlyList<AccessLogRow> rows, Guid? namedStudent, CancellationToken cancellationToken)
    {
        var named = rows.Select(r => r.PersonId).Append(namedStudent).OfType<Guid>().ToList();
        accessLog.LogRead(reader, filter, named);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<List<AccessLogRow>> RowsAsync(IReadOnlyList<AccessLogEntry> entries, CancellationToken cancellationToken)
    {
        var userNames = (await users.FindAsync(entries.Select(e => e.UserId).Distinct().ToList(), cancellationToken)).ToDictionary(u => u.Id, u => u.DisplayName);
        var people = await PeopleAsync(entries.Select(e => e.PersonId).OfType<Guid>().Distinct().ToList(), cancellationToken);
        return entries.Select(e => new AccessLogRow(
            e.Id, e.At, e.UserId, userNames.GetValueOrDefault(e.UserId) ?? "(account removed)", e.Via, e.Path, e.Query, e.Records,
            e.PersonId, e.PersonId is { } p ? people.GetValueOrDefault(p)?.Name : null)).ToList();
    }

    private sealed record NamedPerson(string Name, bool Family);

    private async Task<Dictionary<Guid, NamedPerson>> PeopleAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        (await db.Set<Person>().AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Kind, Name = (string.IsNullOrEmpty(p.PreferredGivenName) ? p.GivenName : p.PreferredGivenName) + " " + p.FamilyName })
            .ToListAsync(cancellationToken))
        .ToDictionary(p => p.Id, p => new NamedPerson(p.Name, StudentAccess.IsFamily(p.Kind)));
}

internal static class AccessLogApi
{
    public static RouteGroupBuilder MapAccessLogApi(this RouteGroupBuilder group)
    {
        group.MapGet("/access-log", async (HttpContext context, AccessLogHandler handler, CancellationToken ct) =>
                (await AccessLogQuery.Read(context.Request.Query).ThenAsync(q => handler.HandleAsync(q, DirectoryReader.Of(context), ct))).ToOk())
            .WithSummary("Who was shown student and guardian records, newest first; filter by person, user and district days (from, to). The reading is itself logged.");
        group.MapGet("/access-log.csv", async (HttpContext context, AccessLogHandler handler, CancellationToken ct) =>
            {
                var read = AccessLogQuery.Read(context.Request.Query);
                if (!read.Succeeded)
                {
                    return read.Failure.ToProblem();
                }

                return Results.File(Platform.Export.CsvExport.Write(await handler.ExportAsync(read.Value, DirectoryReader.Of(context), ct)), ExportTable.CsvContentType, "access-log.csv");
            })
            .WithSummary("The same entries as CSV, every one the filter matches.");
        return group;
    }
}
