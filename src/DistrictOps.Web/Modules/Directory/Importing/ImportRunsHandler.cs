using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Http;
using DistrictOps.Web.Platform.Jobs.Background;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Directory.Importing;

public sealed record ImportRunRow(Guid Id, ImportKind Kind, string Source, string Description, string RunBy, DateTimeOffset StartedAt, DateTimeOffset CompletedAt, int Changes);

/// <summary>
/// A line of the import runs page: an attempt sent through the page or the API with its outcome, or an applied run that
/// had no attempt (the command line, the demo seed), which is <see cref="AttemptOutcome.Applied"/>.
/// </summary>
public sealed record ImportAttemptRow(
    Guid? AttemptId, Guid? RunId, ImportKind Kind, string Source, bool Apply, AttemptOutcome Outcome, string By, DateTimeOffset At, int Errors, int Warnings);

public sealed record ChangeRow(string Entity, string SourcedId, Guid EntityId, ChangeKind Kind, string? Fields);

public sealed record ImportRunDetail(ImportRunRow Run, IReadOnlyDictionary<string, IReadOnlyDictionary<ChangeKind, int>> Counts, PagedResult<ChangeRow> Changes);

/// <summary>The change set's filter: <c>entity</c>, <c>kind</c>, <c>page</c>, <c>pageSize</c> (100 by default).</summary>
public sealed record ImportChangesQuery(string? Entity, ChangeKind? Kind, PageRequest Page)
{
    public const int DefaultPageSize = 100;

    public static Result<ImportChangesQuery> Read(IQueryCollection query)
    {
        var reader = new QueryReader(query);
        var read = new ImportChangesQuery(reader.Text("entity", ImportChange.EntityMaxLength), reader.Enum<ChangeKind>("kind"), reader.Paging(DefaultPageSize));
        return reader.Then(read);
    }
}

public sealed class ImportRunsHandler(AppDbContext db)
{
    public const int RunsPageSize = 25;

    /// <summary>The list's <c>page</c> and <c>pageSize</c> (25 by default).</summary>
    public static Result<PageRequest> ReadPage(IQueryCollection query)
    {
        var reader = new QueryReader(query);
        var page = reader.Paging(RunsPageSize);
        return reader.Then(page);
    }

    public async Task<PagedResult<ImportRunRow>> ListAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        var runs = await db.Set<ImportRun>().AsNoTracking()
            .OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id)
            .Select(r => new ImportRunRow(r.Id, r.Kind, r.Source, r.Description, r.RunBy, r.StartedAt, r.CompletedAt,
                db.Set<ImportChange>().Count(c => c.RunId == r.Id)))
            .ToPagedResultAsync(page, cancellationToken);
        return runs;
    }

    /// <summary>Attempts and applied runs, newest first: runs that came from an attempt are listed once, as the attempt.</summary>
    public async Task<PagedResult<ImportAttemptRow>> ListAttemptsAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        var newest = page.Page * page.Size;
        var attempts = db.Set<ImportAttempt>().AsNoTracking();
        var unfinished = new[] { BackgroundJobState.Failed, BackgroundJobState.Interrupted };
        var fromAttempts = await attempts
            .OrderByDescending(a => a.StartedAt).ThenByDescending(a => a.Id).Take(newest)
            .Select(a => new ImportAttemptRow(a.Id, a.RunId, a.Kind, a.Source, a.Apply,
                a.Outcome == AttemptOutcome.Running && db.Set<BackgroundJob>().Any(j => j.Id == a.JobId && unfinished.Contains(j.State)) ? AttemptOutcome.Failed : a.Outcome,
                a.RequestedBy, a.StartedAt, a.ErrorCount, a.WarningCount))
            .ToListAsync(cancellationToken);
        var runs = db.Set<ImportRun>().AsNoTracking().Where(r => !attempts.Any(a => a.RunId == r.Id));
        var fromRuns = await runs
            .OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).Take(newest)
            .Select(r => new ImportAttemptRow(null, r.Id, r.Kind, r.Source, true, AttemptOutcome.Applied, r.RunBy, r.StartedAt, 0, 0))
            .ToListAsync(cancellationToken);
        var total = await attempts.CountAsync(cancellationToken) + await runs.CountAsync(cancellationToken);
        var items = fromAttempts.Concat(fromRuns).OrderByDescending(r => r.At).Skip(page.Skip).Take(page.Size).ToList();
        return new PagedResult<ImportAttemptRow>(items, total, page.Page, page.Size);
    }

    public async Task<Result<ImportRunDetail>> GetAsync(Guid id, ImportChangesQuery query, CancellationToken cancellationToken = default)
    {
        var run = await db.Set<ImportRun>().AsNoTracking().Where(r => r.Id == id)
            .Select(r => new ImportRunRow(r.Id, r.Kind, r.Source, r.Description, r.RunBy, r.StartedAt, r.CompletedAt, db.Set<ImportChange>().Count(c => c.RunId == r.Id)))
            .SingleOrDefaultAsync(cancellationToken);
        if (run is null)
        {
            return Result.NotFound($"There is no import run {id}.");
        }

        var counts = (await db.Set<ImportChange>().Where(c => c.RunId == id).GroupBy(c => new { c.Entity, c.Kind })
                .Select(g => new { g.Key.Entity, g.Key.Kind, Count = g.Count() }).ToListAsync(cancellationToken))
            .GroupBy(c => c.Entity)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<ChangeKind, int>)g.ToDictionary(c => c.Kind, c => c.Count));
        var changes = db.Set<ImportChange>().AsNoTracking().Where(c => c.RunId == id);
        if (query.Entity is { } entity)
        {
            changes = changes.Where(c => c.Entity == entity);
        }

        if (query.Kind is { } k)
        {
            changes = changes.Where(c => c.Kind == k);
        }

        var paged = await changes.OrderBy(c => c.Id)
            .Select(c => new ChangeRow(c.Entity, c.SourcedId, c.EntityId, c.Kind, c.Fields))
            .ToPagedResultAsync(query.Page, cancellationToken);
        return new ImportRunDetail(run, counts, paged);
    }
}

internal static class ImportRunsApi
{
    public static RouteGroupBuilder MapImportRunsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/imports", async (HttpRequest request, ImportRunsHandler handler, CancellationToken ct) =>
                (await ImportRunsHandler.ReadPage(request.Query).ThenAsync(page => handler.ListAsync(page, ct))).ToOk())
            .WithSummary("Applied imports, newest first.");
        group.MapGet("/imports/{id}", async (Guid id, HttpRequest request, ImportRunsHandler handler, CancellationToken ct) =>
                (await ImportChangesQuery.Read(request.Query).ThenAsync(q => handler.GetAsync(id, q, ct))).ToOk())
            .WithSummary("An import run: who, when, from what, counts, and its change set a page at a time.");
        return group;
    }
}
