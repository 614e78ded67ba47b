using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Directory.Importing;

public sealed record ImportRunRow(Guid Id, ImportKind Kind, string Source, string Description, string RunBy, DateTimeOffset StartedAt, DateTimeOffset CompletedAt, int Changes);

public sealed record ChangeRow(string Entity, string SourcedId, Guid EntityId, ChangeKind Kind, string? Fields);

public sealed record ImportRunDetail(ImportRunRow Run, IReadOnlyDictionary<string, IReadOnlyDictionary<ChangeKind, int>> Counts, PagedResult<ChangeRow> Changes);

public sealed class ImportRunsHandler(AppDbContext db)
{
    public async Task<PagedResult<ImportRunRow>> ListAsync(int? page, CancellationToken cancellationToken = default)
    {
        var runs = await db.Set<ImportRun>().AsNoTracking()
            .OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id)
            .Select(r => new ImportRunRow(r.Id, r.Kind, r.Source, r.Description, r.RunBy, r.StartedAt, r.CompletedAt,
                db.Set<ImportChange>().Count(c => c.RunId == r.Id)))
            .ToPagedResultAsync(new PageRequest(page, 25), cancellationToken);
        return runs;
    }

    public async Task<ImportRunDetail?> GetAsync(Guid id, string? entity, ChangeKind? kind, int? page, CancellationToken cancellationToken = default)
    {
        var run = await db.Set<ImportRun>().AsNoTracking().Where(r => r.Id == id)
            .Select(r => new ImportRunRow(r.Id, r.Kind, r.Source, r.Description, r.RunBy, r.StartedAt, r.CompletedAt, db.Set<ImportChange>().Count(c => c.RunId == r.Id)))
            .SingleOrDefaultAsync(cancellationToken);
        if (run is null)
        {
            return null;
        }

        var counts = (await db.Set<ImportChange>().Where(c => c.RunId == id).GroupBy(c => new { c.Entity, c.Kind })
                .Select(g => new { g.Key.Entity, g.Key.Kind, Count = g.Count() }).ToListAsync(cancellationToken))
            .GroupBy(c => c.Entity)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<ChangeKind, int>)g.ToDictionary(c => c.Kind, c => c.Count));
        var changes = db.Set<ImportChange>().AsNoTracking().Where(c => c.RunId == id);
        if (!string.IsNullOrEmpty(entity))
        {
            changes = changes.Where(c => c.Entity == entity);
        }

        if (kind is { } k)
        {
            changes = changes.Where(c => c.Kind == k);
        }

        var paged = await changes.OrderBy(c => c.Id)
            .Select(c => new ChangeRow(c.Entity, c.SourcedId, c.EntityId, c.Kind, c.Fields))
            .ToPagedResultAsync(new PageRequest(page, 100), cancellationToken);
        return new ImportRunDetail(run, counts, paged);
    }
}

internal static class ImportRunsApi
{
    public static RouteGroupBuilder MapImportRunsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/imports", async Task<Ok<PagedResult<ImportRunRow>>> (int? page, ImportRunsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ListAsync(page, ct)))
            .WithSummary("Applied imports, newest first.");
        group.MapGet("/imports/{id:guid}", async Task<Results<Ok<ImportRunDetail>, NotFound>> (Guid id, string? entity, ChangeKind? kind, int? page, ImportRunsHandler handler, CancellationToken ct) =>
                await handler.GetAsync(id, entity, kind, page, ct) is { } run ? TypedResults.Ok(run) : TypedResults.NotFound())
            .WithSummary("An import run: who, when, from what, counts, and its change set a page at a time.");
        return group;
    }
}
