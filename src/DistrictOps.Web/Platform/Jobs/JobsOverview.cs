using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Platform.Jobs;

/// <summary>The run log's filter: <c>job</c>, <c>page</c>, <c>pageSize</c>.</summary>
public sealed record JobRunsQuery(string? Job, PageRequest Page)
{
    public static Result<JobRunsQuery> Read(IQueryCollection query)
    {
        var reader = new QueryReader(query);
        var read = new JobRunsQuery(reader.Text("job", JobRun.JobMaxLength), reader.Paging());
        return reader.Then(read);
    }
}

public sealed record JobRunRow(long Id, string Job, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, JobOutcome Outcome, int Changed, string? Summary, string TriggeredBy);

/// <summary>A declared job with the interval it runs at here (configuration may change it) and its latest run.</summary>
public sealed record JobSummary(string Name, string Description, TimeSpan Interval, JobRunRow? LastRun);

/// <summary>The declared jobs and their run log, for the jobs page, the API and the CLI.</summary>
public sealed class JobsOverview(JobRunner runner, AppDbContext db, IOptions<JobOptions> options)
{
    public async Task<IReadOnlyList<JobSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var jobs = new List<JobSummary>(runner.Jobs.Count);
        foreach (var job in runner.Jobs)
        {
            var last = await Rows(Newest(db.Set<JobRun>().Where(r => r.Job == job.Name))).FirstOrDefaultAsync(cancellationToken);
            jobs.Add(new JobSummary(job.Name, job.Description, options.Value.Intervals.GetValueOrDefault(job.Name, job.Interval), last));
        }

        return jobs;
    }

    /// <summary>Runs newest first, of one job or all.</summary>
    public Task<PagedResult<JobRunRow>> RunsAsync(JobRunsQuery query, CancellationToken cancellationToken = default)
    {
        var runs = db.Set<JobRun>().AsQueryable();
        if (query.Job is { } job)
        {
            runs = runs.Where(r => r.Job == job);
        }

        return Rows(Newest(runs)).ToPagedResultAsync(query.Page, cancellationToken);
    }

    private static IQueryable<JobRun> Newest(IQueryable<JobRun> runs) => runs.OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id);

    private static IQueryable<JobRunRow> Rows(IQueryable<JobRun> runs) => runs.AsNoTracking()
        .Select(r => new JobRunRow(r.Id, r.Job, r.StartedAt, r.FinishedAt, r.Outcome, r.Changed, r.Summary, r.TriggeredBy));

    public static JobRunRow Row(JobRun run) => new(run.Id, run.Job, run.StartedAt, run.FinishedAt, run.Outcome, run.Changed, run.Summary, run.TriggeredBy);
}
