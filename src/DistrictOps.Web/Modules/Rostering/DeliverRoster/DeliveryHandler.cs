using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Contracts;
using DistrictOps.Web.Modules.Rostering.Data;
using DistrictOps.Web.Modules.Rostering.Packages;
using DistrictOps.Web.Modules.Rostering.Sharing;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Jobs.Background;
using DistrictOps.Web.Platform.Time;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Modules.Rostering.DeliverRoster;

/// <summary>One delivery as the page and the API show it; the package's files with their rows, never a secret.</summary>
public sealed record DeliveryRow(
    Guid Id, Guid AppId, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string RequestedBy, ExportFormat Format, ExportMode Mode, DeliveryMethod Method,
    DeliveryStatus Status, int Attempts, DateTimeOffset? NextAttemptAt, IReadOnlyList<PackageFile> Files, long Bytes, string? Sha256, string? Target, string? Error,
    DateTimeOffset? DataAsOf)
{
    /// <summary>Until when the package can be downloaded; null when there is none (not made yet, failed its check, or deleted).</summary>
    public DateTimeOffset? DownloadableUntil { get; init; }
}

/// <summary>An app's deliveries, newest first, and whether a package can be made for it now (and if not, why).</summary>
public sealed record DeliveriesView(Guid AppId, string AppName, SharingRefusal? NotDeliverable, DeliveryRow? Running, PagedResult<DeliveryRow> Deliveries);

/// <summary>The input of a delivery's background job.</summary>
public sealed record DeliverRosterInput(Guid DeliveryId, Guid AppId);

/// <summary>
/// Makes an app's package and delivers it: the package is written from the Directory cut to the agreement, checked by the
/// import's own rules (a package that fails is not delivered), kept for download for a while, and pushed over SFTP when the
/// agreement says so, with retries. A delivered package records who received whom (<see cref="SharedPerson"/>), once.
/// Only an Active app with an enabled agreement is delivered; logs name deliveries and apps, never a person.
/// </summary>
public sealed class DeliveryHandler(
    AppDbContext db, RosterExporter exporter, IRosterPackageCheck check, SftpPush sftp, IDataProtectionProvider protection, BackgroundJobs jobs,
    IAutomationTickets tickets, DistrictTime time, IOptions<DeliveryOptions> options, ILogger<DeliveryHandler> logger)
{
    public const string JobKind = "rostering.deliver";

    /// <summary>Who the record says asked for a scheduled delivery.</summary>
    public const string Schedule = "schedule";

    private const int PeopleBatch = 1000;

    private DeliveryOptions Settings => options.Value;

    public string Folder => DistrictOpsHome.ResolvePath(Settings.PackageFolder);

    public string PackagePath(Guid deliveryId) => Path.Combine(Folder, deliveryId.ToString("N") + ".zip");

    private string PeoplePath(Guid deliveryId) => Path.Combine(Folder, deliveryId.ToString("N") + ".people");

    /// <summary>Why nothing can be delivered to the app now (the rules every way of sharing keeps, or an app that reads the API); null when it can.</summary>
    private SharingRefusal? WhyNot(RosterApp app, SharingAgreement? agreement) =>
        AgreementRules.RefusalOf(app, agreement, time.Today)
        ?? (agreement!.Method == DeliveryMethod.Api ? new SharingRefusal("{0} reads the OneRoster API with its client id: it receives no packages.", app.Name) : null);

    /// <summary>The name the package is offered and pushed under: the app, the format, the mode and when it was asked for.</summary>
    public static string PackageName(string appName, RosterDelivery delivery)
    {
        var slug = new StringBuilder();
        foreach (var c in appName.ToLowerInvariant())
        {
            slug.Append(char.IsAsciiLetterOrDigit(c) ? c : slug.Length > 0 && slug[^1] != '-' ? '-' : "");
        }

        var format = delivery.Format switch
        {
            ExportFormat.OneRoster11 => "oneroster-1.1",
            ExportFormat.OneRoster12 => "oneroster-1.2",
            _ => "sds-2.1",
        };
        var stamp = delivery.StartedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        return $"{slug.ToString().Trim('-')}-{format}-{delivery.Mode.ToString().ToLowerInvariant()}-{stamp}.zip";
    }

    public async Task<Result<DeliveriesView>> ListAsync(Guid appId, PageRequest page, CancellationToken ct)
    {
        var app = await db.Set<RosterApp>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == appId, ct);
        if (app is null)
        {
            return Result.NotFound($"There is no app {appId}.");
        }

        var agreement = await db.Set<SharingAgreement>().AsNoTracking().SingleOrDefaultAsync(a => a.AppId == appId, ct);
        var list = await db.Set<RosterDelivery>().AsNoTracking().Where(d => d.AppId == appId).OrderByDescending(d => d.StartedAt).ThenByDescending(d => d.Id)
            .ToPagedResultAsync(page, ct);
        var rows = list.Items.Select(RowOf).ToList();
        var running = await db.Set<RosterDelivery>().AsNoTracking().Where(d => d.AppId == appId && d.Status == DeliveryStatus.Running).OrderByDescending(d => d.StartedAt)
            .FirstOrDefaultAsync(ct);
        return new DeliveriesView(app.Id, app.Name, WhyNot(app, agreement), running is null ? null : RowOf(running),
            new PagedResult<DeliveryRow>(rows, list.Total, list.Page, list.PageSize));
    }

    public async Task<Result<DeliveryRow>> GetAsync(Guid appId, Guid deliveryId, CancellationToken ct)
    {
        var delivery = await db.Set<RosterDelivery>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == deliveryId && d.AppId == appId, ct);
        return delivery is null ? Result.NotFound($"The app has no delivery {deliveryId}.") : RowOf(delivery);
    }

    private DeliveryRow RowOf(RosterDelivery d) =>
        new(d.Id, d.AppId, d.StartedAt, d.FinishedAt, d.RequestedBy, d.Format, d.Mode, d.Method, d.Status, d.Attempts, d.NextAttemptAt,
            JsonSerializer.Deserialize<List<PackageFile>>(d.FilesJson) ?? [], d.Bytes, d.Sha256, d.Target, d.Error, d.DataAsOf)
        {
            DownloadableUntil = d.Sha256 is not null && File.Exists(PackagePath(d.Id)) ? d.StartedAt + Settings.KeepPackagesFor : null,
        };

    /// <summary>The package of a delivery, for download while it is kept.</summary>
    public async Task<Result<(string Path, string Name)>> PackageAsync(Guid appId, Guid deliveryId, CancellationToken ct)
    {
        var delivery = await db.Set<RosterDelivery>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == deliveryId && d.AppId == appId, ct);
        if (delivery is null)
        {
            return Result.NotFound($"The app has no delivery {deliveryId}.");
        }

        var path = PackagePath(deliveryId);
        if (delivery.Sha256 is null || !File.Exists(path))
        {
            return Result.NotFound(delivery.Sha256 is null
                ? "This delivery has no package: it was not made, or it failed its check."
                : $"This package was kept for {Settings.KeepPackagesFor.TotalDays:0.#} day(s) and has been deleted; make a new one.");
        }

        var app = await db.Set<RosterApp>().AsNoTracking().SingleAsync(a => a.Id == appId, ct);
        return (path, PackageName(app.Name, delivery));
    }

    /// <summary>Starts a delivery now, in the background; refused (409) when the app cannot be delivered or a delivery of it is under way.</summary>
    public async Task<Result<DeliveryRow>> StartAsync(Guid appId, string requestedBy, CancellationToken ct)
    {
        var created = await CreateAsync(appId, requestedBy, ct);
        if (!created.Succeeded)
        {
            return created.Failure;
        }

        var job = jobs.Add(db, JobKind, JsonSerializer.Serialize(new DeliverRosterInput(created.Value.Id, appId)), requestedBy);
        if (job is null)
        {
            db.ChangeTracker.Clear();
            return Result.Conflict("The server is busy with other background work; try again in a few minutes.");
        }

        await db.SaveChangesAsync(ct);
        await jobs.StartAsync(job.Id, ct);
        logger.LogInformation("Delivery {DeliveryId} of app {AppId} asked for; job {JobId}", created.Value.Id, appId, job.Id);
        return RowOf(created.Value);
    }

    /// <summary>A new delivery (not saved) for an app that can be delivered and has none under way.</summary>
    public async Task<Result<RosterDelivery>> CreateAsync(Guid appId, string requestedBy, CancellationToken ct)
    {
        var app = await db.Set<RosterApp>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == appId, ct);
        if (app is null)
        {
            return Result.NotFound($"There is no app {appId}.");
        }

        var agreement = await db.Set<SharingAgreement>().AsNoTracking().SingleOrDefaultAsync(a => a.AppId == appId, ct);
        if (WhyNot(app, agreement) is { } why)
        {
            return Result.Conflict(why.Message);
        }

        if (await db.Set<RosterDelivery>().AnyAsync(d => d.AppId == appId && (d.Status == DeliveryStatus.Running || d.Status == DeliveryStatus.Retrying), ct))
        {
            return Result.Conflict($"A delivery to {app.Name} is under way or waiting to try again; wait for it before making another.");
        }

        var now = time.Now;
        var delivery = new RosterDelivery
        {
            Id = Guid.CreateVersion7(now), AppId = appId, AgreementRevision = agreement!.Revision, Format = agreement.Format, Mode = agreement.Mode,
            Method = agreement.Method, RequestedBy = requestedBy, StartedAt = now, Status = DeliveryStatus.Running,
            Target = agreement.Method == DeliveryMethod.Download ? "download" : null,
        };
        db.Add(delivery);
        return delivery;
    }

    /// <summary>
    /// One attempt of a delivery: makes and checks its package if it has none yet, then delivers it. A delivery already
    /// delivered or failed is left alone, so a repeated run changes nothing.
    /// </summary>
    public async Task<DeliveryStatus?> RunAsync(Guid deliveryId, IProgress<(string Subject, int Percent)>? progress, CancellationToken ct)
    {
        var delivery = await db.Set<RosterDelivery>().SingleOrDefaultAsync(d => d.Id == deliveryId, ct);
        if (delivery is null or { Status: DeliveryStatus.Delivered or DeliveryStatus.Failed })
        {
            return delivery?.Status;
        }

        var app = await db.Set<RosterApp>().AsNoTracking().SingleAsync(a => a.Id == delivery.AppId, ct);
        var agreement = await db.Set<SharingAgreement>().AsNoTracking().SingleOrDefaultAsync(a => a.AppId == delivery.AppId, ct);
        var why = WhyNot(app, agreement)?.Message ?? (agreement!.Revision != delivery.AgreementRevision
            ? "The app's agreement changed after this package was made, so it was not sent; make a new package." : null);
        if (why is not null)
        {
            return await FailAsync(delivery, app, why, ct);
        }

        if (delivery.Sha256 is null && !await BuildAsync(delivery, app, agreement!, progress, ct))
        {
            return delivery.Status;
        }

        if (delivery.Method == DeliveryMethod.Download)
        {
            return await DeliveredAsync(delivery, ct);
        }

        progress?.Report(("sftp", 95));
        return await PushAsync(delivery, app, agreement!, ct);
    }

    /// <summary>Writes the package and checks it; false (and the delivery failed) when it breaks the format's rules.</summary>
    private async Task<bool> BuildAsync(RosterDelivery delivery, RosterApp app, SharingAgreement agreement, IProgress<(string Subject, int Percent)>? progress, CancellationToken ct)
    {
        var past = await db.Set<RosterDelivery>().AsNoTracking().Where(d => d.AppId == delivery.AppId && d.Id != delivery.Id && d.Status == DeliveryStatus.Delivered)
            .Select(d => new PastDelivery(d.AgreementRevision, d.Format, d.Status, d.StartedAt, d.DataAsOf)).ToListAsync(ct);
        var since = DeltaSelection.SinceOf(agreement, past);
        (delivery.Format, delivery.Mode, delivery.Since) = (agreement.Format, since is null ? ExportMode.Bulk : ExportMode.Delta, since);
        System.IO.Directory.CreateDirectory(Folder);
        var path = PackagePath(delivery.Id);
        var partial = path + ".partial";
        File.Delete(partial);
        var exported = await exporter.WriteAsync(ExportRequest.Of(agreement, since), partial, PeoplePath(delivery.Id), progress, ct);
        var (errors, first) = (exported.ProblemCount, exported.Problems);
        if (errors == 0 && agreement.Format != ExportFormat.SchoolDataSync)
        {
            progress?.Report(("check", 90));
            var checkedPackage = await check.CheckAsync(partial, ct);
            (errors, first) = (checkedPackage.ErrorCount, checkedPackage.FirstErrors);
        }

        if (errors > 0)
        {
            File.Delete(partial);
            File.Delete(PeoplePath(delivery.Id));
            await FailAsync(delivery, app, $"The package broke {errors:N0} format rule(s) and was not delivered. First: " + string.Join(" | ", first), ct);
            return false;
        }

        await using (var file = File.OpenRead(partial))
        {
            delivery.Sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct));
            delivery.Bytes = file.Length;
        }

        File.Move(partial, path, overwrite: true);
        delivery.FilesJson = JsonSerializer.Serialize(exported.Files);
        delivery.DataAsOf = exported.DataAsOf;
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Delivery {DeliveryId} of app {AppId}: {Mode} package of {Bytes:N0} bytes made and checked", delivery.Id, delivery.AppId, delivery.Mode, delivery.Bytes);
        return true;
    }

    private async Task<DeliveryStatus> PushAsync(RosterDelivery delivery, RosterApp app, SharingAgreement agreement, CancellationToken ct)
    {
        var name = PackageName(app.Name, delivery);
        delivery.Attempts++;
        try
        {
            var target = TargetOf(agreement);
            delivery.Target = target.Describe(name);
            var sent = await sftp.PushAsync(target, PackagePath(delivery.Id), name, ct);
            logger.LogInformation("Delivery {DeliveryId} of app {AppId}: {Outcome} by SFTP (attempt {Attempt})", delivery.Id, delivery.AppId,
                sent ? "uploaded" : "found already uploaded", delivery.Attempts);
            return await DeliveredAsync(delivery, ct);
        }
        catch (SftpPushException e)
        {
            logger.LogWarning("Delivery {DeliveryId} of app {AppId}: SFTP attempt {Attempt} failed: {Reason}", delivery.Id, delivery.AppId, delivery.Attempts, e.Message);
            if (e.Retry && DeliveryRetries.NextAttempt(Settings.RetryAfter, delivery.Attempts, time.Now) is { } next)
            {
                (delivery.Status, delivery.NextAttemptAt, delivery.Error) = (DeliveryStatus.Retrying, next, Truncate(e.Message));
                await db.SaveChangesAsync(ct);
                return delivery.Status;
            }

            return await FailAsync(delivery, app, e.Message, ct);
        }
    }

    private SftpTarget TargetOf(SharingAgreement agreement)
    {
        if (agreement.SftpHost is not { Length: > 0 } host || agreement.SftpUsername is not { Length: > 0 } user || agreement.SftpSecret is not { Length: > 0 } secret)
        {
            throw new SftpPushException("The agreement's SFTP settings are incomplete: it needs a host, a username and a password or private key.", retry: false);
        }

        try
        {
            return new SftpTarget(host, agreement.SftpPort, user, agreement.SftpAuth, SftpSecrets.Open(protection, secret), agreement.SftpHostKey, agreement.SftpFolder);
        }
        catch (CryptographicException e)
        {
            throw new SftpPushException("The agreement's SFTP secret cannot be opened with this server's keys; enter it again on the agreement.", retry: false, e);
        }
    }

    /// <summary>Records who received whom (in batches, idempotent per delivery), then marks the delivery delivered.</summary>
    private async Task<DeliveryStatus> DeliveredAsync(RosterDelivery delivery, CancellationToken ct)
    {
        var (id, appId, at) = (delivery.Id, delivery.AppId, time.Now);
        var people = PeoplePath(id);
        if (File.Exists(people))
        {
            await RecordSharedAsync(appId, id, at, people, ct);
        }

        var done = await db.Set<RosterDelivery>().SingleAsync(d => d.Id == id, ct);
        (done.Status, done.FinishedAt, done.NextAttemptAt, done.Error, done.Attempts) = (DeliveryStatus.Delivered, at, null, null, Math.Max(1, delivery.Attempts));
        done.Target = delivery.Target;
        await db.SaveChangesAsync(ct);
        File.Delete(people);
        return done.Status;
    }

    private async Task RecordSharedAsync(Guid appId, Guid deliveryId, DateTimeOffset at, string peoplePath, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await using var file = File.OpenRead(peoplePath);
        var buffer = new byte[16 * PeopleBatch];
        int read;
        while ((read = await file.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct)) > 0)
        {
            var ids = Enumerable.Range(0, read / 16).Select(i => new Guid(buffer.AsSpan(i * 16, 16))).Distinct().ToList();
            var known = await db.Set<SharedPerson>().Where(s => s.AppId == appId && ids.Contains(s.PersonId)).ToListAsync(ct);
            foreach (var shared in known)
            {
                (shared.LastSharedAt, shared.LastDeliveryId) = (at, deliveryId);
            }

            var seen = known.Select(s => s.PersonId).ToHashSet();
            db.AddRange(ids.Where(p => !seen.Contains(p)).Select(p => new SharedPerson { AppId = appId, PersonId = p, FirstSharedAt = at, LastSharedAt = at, LastDeliveryId = deliveryId }));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Ends a delivery as failed; one that the schedule made, or that went by SFTP, opens a help desk ticket (once).</summary>
    private async Task<DeliveryStatus> FailAsync(RosterDelivery delivery, RosterApp app, string why, CancellationToken ct)
    {
        (delivery.Status, delivery.FinishedAt, delivery.NextAttemptAt, delivery.Error) = (DeliveryStatus.Failed, time.Now, null, Truncate(why));
        await db.SaveChangesAsync(ct);
        logger.LogWarning("Delivery {DeliveryId} of app {AppId} failed", delivery.Id, delivery.AppId);
        if (delivery.RequestedBy == Schedule || delivery.Method == DeliveryMethod.Sftp)
        {
            var opened = await tickets.OpenOnceAsync(DeliveryNotices.Ticket(app.Name, delivery, why), ct);
            if (!opened.Succeeded)
            {
                logger.LogWarning("No help desk ticket for failed delivery {DeliveryId}: {Problem}", delivery.Id, opened.Failure.Message);
            }
        }

        return DeliveryStatus.Failed;
    }

    private static string Truncate(string text) => text.Length <= RosterDelivery.ErrorMaxLength ? text : text[..(RosterDelivery.ErrorMaxLength - 1)] + "…";
}
