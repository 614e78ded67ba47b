using System.Globalization;
using DistrictOps.Web.Modules.Rostering.Data;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Jobs;
using DistrictOps.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace DistrictOps.Web.Modules.Rostering.DeliverRoster;

/// <summary>
/// The <c>rostering.deliver</c> job, every few minutes: tries again the deliveries whose next attempt is due; makes and delivers
/// the package of each enabled agreement of an active app whose schedule (a Quartz cron expression in the district's time zone)
/// has come round since its last delivery; marks failed the deliveries a restart left running; and deletes packages kept
/// longer than <see cref="DeliveryOptions.KeepPackagesFor"/>. Idempotent: a delivery delivered or failed is never run again,
/// and a schedule is due once per firing.
/// </summary>
public sealed class ScheduledDeliveriesWork(AppDbContext db, DeliveryHandler handler, DistrictTime time, IOptions<DeliveryOptions> options) : IScheduledWork
{
    public const string Name = "rostering.deliver";

    public async Task<WorkDone> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.Now;
        var stale = now - options.Value.StaleAfter;
        var interrupted = await db.Set<RosterDelivery>().Where(d => d.Status == DeliveryStatus.Running && d.StartedAt < stale)
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.Status, DeliveryStatus.Failed).SetProperty(x => x.FinishedAt, now)
                .SetProperty(x => x.Error, "The server stopped while this delivery was running; nothing was sent. Make a new package."), cancellationToken);

        var due = await db.Set<RosterDelivery>().Where(d => d.Status == DeliveryStatus.Retrying && d.NextAttemptAt <= now).Select(d => d.Id).ToListAsync(cancellationToken);
        var outcomes = new List<DeliveryStatus?>();
        foreach (var id in due)
        {
            outcomes.Add(await handler.RunAsync(id, null, cancellationToken));
        }

        var scheduled = 0;
        foreach (var appId in await DueAppsAsync(now, cancellationToken))
        {
            var created = await handler.CreateAsync(appId, DeliveryHandler.Schedule, cancellationToken);
            if (created.Succeeded)
            {
                await db.SaveChangesAsync(cancellationToken);
                outcomes.Add(await handler.RunAsync(created.Value.Id, null, cancellationToken));
                scheduled++;
            }
        }

        var deleted = DeleteExpiredPackages(now);
        var delivered = outcomes.Count(o => o == DeliveryStatus.Delivered);
        return new WorkDone(delivered + interrupted + deleted, string.Create(CultureInfo.InvariantCulture,
            $"{due.Count} retried, {scheduled} scheduled: {delivered} delivered, {outcomes.Count(o => o == DeliveryStatus.Retrying)} waiting to try again, " +
            $"{outcomes.Count(o => o == DeliveryStatus.Failed)} failed; {interrupted} left running by a restart marked failed; {deleted} expired package(s) deleted."));
    }

    /// <summary>Apps whose agreement's schedule fired after their last delivery (or, with none, after the agreement was last saved).</summary>
    private async Task<List<Guid>> DueAppsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var candidates = await (from a in db.Set<SharingAgreement>().AsNoTracking()
                                join app in db.Set<RosterApp>() on a.AppId equals app.Id
                                where a.Enabled && a.Schedule != null && a.Method != DeliveryMethod.Api && app.Status == AppStatus.Active
                                select new { a.AppId, a.Schedule, a.UpdatedAt }).ToListAsync(cancellationToken);
        var due = new List<Guid>();
        foreach (var candidate in candidates)
        {
            var last = await db.Set<RosterDelivery>().Where(d => d.AppId == candidate.AppId).MaxAsync(d => (DateTimeOffset?)d.StartedAt, cancellationToken);
            if (NextRun(candidate.Schedule!, time.Zone, last ?? candidate.UpdatedAt) is { } next && next <= now)
            {
                due.Add(candidate.AppId);
            }
        }

        return due;
    }

    /// <summary>The schedule's first firing after <paramref name="after"/>; null for an expression that is not valid or never fires again.</summary>
    public static DateTimeOffset? NextRun(string schedule, TimeZoneInfo zone, DateTimeOffset after)
    {
        try
        {
            return new CronExpression(schedule, zone).GetNextValidTimeAfter(after);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private int DeleteExpiredPackages(DateTimeOffset now)
    {
        var folder = handler.Folder;
        if (!System.IO.Directory.Exists(folder))
        {
            return 0;
        }

        var kept = options.Value.KeepPackagesFor;
        var deleted = 0;
        foreach (var file in System.IO.Directory.EnumerateFiles(folder))
        {
            var stem = Path.GetFileName(file).Split('.')[0];
            // Delivery ids are version 7: their first 48 bits are the time the delivery was asked for.
            if (Guid.TryParseExact(stem, "N", out var id) && StartedAt(id) + kept < now)
            {
                File.Delete(file);
                deleted += file.EndsWith(".zip", StringComparison.Ordinal) ? 1 : 0;
            }
        }

        return deleted;
    }

    private static DateTimeOffset StartedAt(Guid id)
    {
        var text = id.ToString("N");
        return DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(text[..12], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
    }
}
