using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Time;
using DistrictOps.Web.Platform.Uploads;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Devices.ReportIncidents;

/// <summary>A device lost, stolen (with the police report number) or damaged (accidentally or on purpose), as reported; a ticket number is optional.</summary>
public sealed record ReportIncident(string? Device, IncidentKind? Kind, DamageCause? Cause, string? PoliceReport, DateOnly? OccurredOn, string? Description, long? TicketId = null);

public sealed record IncidentReported(long Id, string AssetTag, DeviceStatus Status, Guid? StudentId, int StudentIncidents, bool RepeatIncidents, int Photos, bool Repeated);

/// <summary>The device a report starts from, as the form shows it; the holder's name is null where the student rule hides it.</summary>
public sealed record DeviceToReport(string AssetTag, string Model, DeviceStatus Status, HolderKind? HolderKind, string? HolderName);

public sealed record IncidentPhotoRef(long Id, string FileName, string Url);

/// <summary>
/// Reports an incident from a device: checks the report, moves the device's status (allowed moves only), ends the holder's
/// custody of a lost or stolen device, records the student who held it and keeps up to five photos. The same report posted
/// again while nothing else happened to the device (a retry) records nothing more.
/// </summary>
public sealed class ReportIncidentHandler(AppDbContext db, DeviceHistory history, Custody custody, DistrictTime time, IPeopleDirectory people)
{
    public const int MaxPhotos = 5;
    public const long MaxPhotoBytes = 5L * 1024 * 1024;
    public const string PhotosField = "photos";

    private sealed record Report(string Tag, IncidentKind Kind, DamageCause? Cause, string? PoliceReport, DateOnly OccurredOn, string Description, long? TicketId);

    public static string PhotoUrl(long incidentId, long photoId) => $"/devices/incidents/{incidentId}/photos/{photoId}";

    /// <summary>Each upload checked before anything is stored: at most five, each a picture (by its content) of at most 5 MB.</summary>
    public static async Task<Result<IReadOnlyList<CheckedFile>>> CheckPhotosAsync(IReadOnlyList<(string? Name, Stream Content)> uploads, CancellationToken cancellationToken)
    {
        if (uploads.Count > MaxPhotos)
        {
            return Result.Invalid(PhotosField, $"At most {MaxPhotos} photos go with an incident; you chose {uploads.Count}.");
        }

        var photos = new List<CheckedFile>();
        foreach (var (name, content) in uploads)
        {
            var file = await UploadCheck.CheckAsync(name, content, MaxPhotoBytes, PhotosField, cancellationToken);
            if (!file.Succeeded)
            {
                return Result.Invalid(PhotosField, $"{Path.GetFileName(name)}: {file.Failure.Message}");
            }

            if (!FileSignature.IsImage(file.Value.ContentType))
            {
                return Result.Invalid(PhotosField, $"{file.Value.Name}: only pictures (PNG, JPEG, GIF, WebP) go with an incident.");
            }

            photos.Add(file.Value);
        }

        return Result.Ok<IReadOnlyList<CheckedFile>>(photos);
    }

    public async Task<DeviceToReport?> PreviewAsync(string tag, DeviceUser user, CancellationToken cancellationToken)
    {
        var device = await custody.FindAsync(tag, cancellationToken);
        if (device is null || !user.Scope.Covers(device.SiteId))
        {
            return null;
        }

        var model = await db.Set<DeviceStandard>().Where(s => s.Id == device.StandardId).Select(s => s.Model).SingleAsync(cancellationToken);
        var holder = device.HolderKind == HolderKind.Student ? FamilyNames.Shown(people, user, device.SiteId, device.HolderName) : device.HolderName;
        return new DeviceToReport(device.AssetTag, model, device.Status, device.HolderKind, holder);
    }

    public async Task<Result<IncidentReported>> ReportAsync(ReportIncident command, IReadOnlyList<CheckedFile> photos, DeviceUser user, CancellationToken cancellationToken)
    {
        var report = Check(command, photos.Count);
        if (!report.Succeeded)
        {
            return report.Failure;
        }

        try
        {
            return await SaveAsync(report.Value, photos, user, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The device changed between reading and saving it (a report sent twice at once): read it again, once.
            db.ChangeTracker.Clear();
            return await SaveAsync(report.Value, photos, user, cancellationToken);
        }
    }

    /// <summary>Adds a photo to an incident (the API's way; the form sends them with the report).</summary>
    public async Task<Result<IncidentPhotoRef>> AddPhotoAsync(long incidentId, CheckedFile photo, DeviceUser user, CancellationToken cancellationToken)
    {
        var incident = await db.Set<Incident>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == incidentId, cancellationToken);
        if (incident is null || !user.Scope.Covers(incident.SiteId))
        {
            return Result.NotFound($"There is no incident {incidentId}.");
        }

        if (await db.Set<IncidentPhoto>().CountAsync(p => p.IncidentId == incidentId, cancellationToken) >= MaxPhotos)
        {
            return Result.Conflict($"Incident {incidentId} already has {MaxPhotos} photos, the most it keeps.");
        }

        var stored = new IncidentPhoto { IncidentId = incidentId, FileName = photo.Name, ContentType = photo.ContentType, Content = photo.Content, UploadedAt = history.Now };
        db.Add(stored);
        await db.SaveChangesAsync(cancellationToken);
        return new IncidentPhotoRef(stored.Id, stored.FileName, PhotoUrl(incidentId, stored.Id));
    }

    /// <summary>What is wrong with a report, without saving anything: for a form whose photos were refused, so every problem shows at once.</summary>
    public Failure? Problems(ReportIncident command) => Check(command, 0) is { Succeeded: false } refused ? refused.Failure : null;

    private Result<Report> Check(ReportIncident command, int photos)
    {
        var errors = new ErrorList();
        var tag = errors.Required("device", command.Device, "Give the device's asset tag or serial.");
        if (command.Kind is null)
        {
            errors.Add("kind", "Choose what happened: lost, stolen or damaged.");
        }

        errors.Defined("kind", command.Kind);
        errors.Defined("cause", command.Cause);
        var police = command.PoliceReport?.Trim() is { Length: > 0 } number ? number : null;
        if (command.Kind == IncidentKind.Stolen && police is null)
        {
            errors.Add("policeReport", "A stolen device needs the police report number.");
        }

        errors.MaxLength("policeReport", police, Incident.PoliceReportMaxLength);
        var cause = command.Kind == IncidentKind.Damaged ? command.Cause : null;
        if (command.Kind == IncidentKind.Damaged && cause is null)
        {
            errors.Add("cause", "Say whether the damage was accidental or willful (on purpose).");
        }

        var today = time.Today;
        if (command.OccurredOn is null)
        {
            errors.Add("occurredOn", "Give the day it happened, as YYYY-MM-DD.");
        }
        else if (command.OccurredOn > today)
        {
            errors.Add("occurredOn", $"The day it happened cannot be in the future; today is {today:yyyy-MM-dd}.");
        }

        var description = errors.Required("description", command.Description, "Describe what happened: where, when and how.");
        errors.MaxLength("description", description, Incident.TextMaxLength);
        if (command.TicketId is <= 0)
        {
            errors.Add("ticketId", "A ticket number is written like BV-000123 or 123.");
        }

        if (photos > MaxPhotos)
        {
            errors.Add(PhotosField, $"At most {MaxPhotos} photos go with an incident; you chose {photos}.");
        }

        return errors.Any ? Result.Invalid(errors) : new Report(tag!, command.Kind!.Value, cause, police, command.OccurredOn!.Value, description!, command.TicketId);
    }

    private async Task<Result<IncidentReported>> SaveAsync(Report report, IReadOnlyList<CheckedFile> photos, DeviceUser user, CancellationToken cancellationToken)
    {
        var device = await custody.FindAsync(report.Tag, cancellationToken);
        if (device is null || !user.Scope.Covers(device.SiteId))
        {
            return Result.Invalid("device", $"No device has the tag or serial {report.Tag}.");
        }

        var status = StatusOf(report.Kind);
        var latest = await db.Set<Incident>().AsNoTracking().Where(i => i.DeviceId == device.Id).OrderByDescending(i => i.Id).FirstOrDefaultAsync(cancellationToken);
        if (latest is not null && device.Status == status && latest.Kind == report.Kind && latest.Cause == report.Cause
            && latest.OccurredOn == report.OccurredOn && latest.Description == report.Description)
        {
            return await ReportedAsync(latest, device, repeated: true, cancellationToken);
        }

        var student = await StudentHolderAsync(device, cancellationToken);
        var before = device.Status;
        var detail = Detail(report);
        if (history.Move(device, status, user, DeviceEventKind.Incident, detail) is { } refused)
        {
            return Result.Conflict(refused);
        }

        if (before == status)
        {
            history.Add(device, user, DeviceEventKind.Incident, detail);
        }

        if (report.Kind is IncidentKind.Lost or IncidentKind.Stolen)
        {
            await custody.EndWithoutReturnAsync(device, user, $"Reported {report.Kind.ToString().ToLowerInvariant()} on {report.OccurredOn:yyyy-MM-dd}; not returned.", cancellationToken);
        }

        var incident = new Incident
        {
            DeviceId = device.Id, Kind = report.Kind, Cause = report.Cause, PoliceReport = report.PoliceReport, OccurredOn = report.OccurredOn, Description = report.Description,
            StudentId = student?.HolderId, StudentName = student?.HolderName, SiteId = device.SiteId, TicketId = report.TicketId, ReportedAt = history.Now,
            ReportedByName = user.Name, StatusBefore = before,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Add(incident);
        await db.SaveChangesAsync(cancellationToken);
        db.AddRange(photos.Select(p => new IncidentPhoto { IncidentId = incident.Id, FileName = p.Name, ContentType = p.ContentType, Content = p.Content, UploadedAt = history.Now }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await ReportedAsync(incident, device, repeated: false, cancellationToken);
    }

    /// <summary>The student who held the device: out with them now, or just checked in broken (condition D) by them.</summary>
    private async Task<Assignment?> StudentHolderAsync(Device device, CancellationToken cancellationToken)
    {
        var last = await db.Set<Assignment>().AsNoTracking().Where(a => a.DeviceId == device.Id).OrderByDescending(a => a.Id).FirstOrDefaultAsync(cancellationToken);
        var held = last is { InAt: null } || (last is { ConditionIn: Condition.D } && device.Status == DeviceStatus.Damaged) ? last : null;
        return held is { HolderKind: HolderKind.Student, HolderId: not null } ? held : null;
    }

    private async Task<IncidentReported> ReportedAsync(Incident incident, Device device, bool repeated, CancellationToken cancellationToken)
    {
        var count = incident.StudentId is { } student ? await db.Set<Incident>().CountAsync(i => i.StudentId == student, cancellationToken) : 0;
        var photos = await db.Set<IncidentPhoto>().CountAsync(p => p.IncidentId == incident.Id, cancellationToken);
        return new IncidentReported(incident.Id, device.AssetTag, device.Status, incident.StudentId, count, count >= Custody.RepeatIncidentThreshold, photos, repeated);
    }

    public static DeviceStatus StatusOf(IncidentKind kind) => kind switch
    {
        IncidentKind.Lost => DeviceStatus.Lost,
        IncidentKind.Stolen => DeviceStatus.Stolen,
        _ => DeviceStatus.Damaged,
    };

    private static string Detail(Report report) => report.Kind switch
    {
        IncidentKind.Stolen => $"Reported stolen (police report {report.PoliceReport})",
        IncidentKind.Damaged => $"Reported damaged ({report.Cause.ToString()!.ToLowerInvariant()})",
        _ => "Reported lost",
    };
}
