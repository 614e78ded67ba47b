using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Export;
using DistrictOps.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Devices.AuditDevices;

/// <summary>An audit to start: a site, optionally one room of it, and a name (else one is made from the site, room and day).</summary>
public sealed record StartAuditCommand(Guid? SiteId, string? Room = null, string? Name = null);

public sealed record AuditScanCommand(string? Device);

/// <summary>An audit's three lists: expected and not scanned, expected and scanned, scanned and not expected.</summary>
public enum AuditList
{
    Missing,
    Found,
    Unexpected,
}

public sealed record AuditSummary(
    long Id, string Name, Guid SiteId, string Site, string? Room, DateTimeOffset StartedAt, string StartedByName, DateTimeOffset? ClosedAt,
    int Expected, int Found, int Missing, int Unexpected)
{
    public bool Open => ClosedAt is null;

    public ScanProgress Progress => new(Found, Expected, Unexpected);
}

public sealed record AuditDeviceRow(string AssetTag, string Serial, string Model, DeviceStatus Status, string? Room, DateTimeOffset? ScannedAt, string? ScannedByName);

public sealed record AuditDetail(AuditSummary Audit, AuditList List, PagedResult<AuditDeviceRow> Devices);

public enum AuditScanOutcome
{
    Found,
    Unexpected,
    AlreadyScanned,
}

/// <summary>What a scan into an audit did, and how far the audit has come.</summary>
public sealed record AuditScanDone(long AuditId, string AssetTag, string Model, AuditScanOutcome Outcome, ScanProgress Progress, IReadOnlyList<string> Warnings);

/// <summary>
/// Audits by site and room: starting one snapshots the devices expected there, scans mark them found (or record a device
/// that was not expected), and closing one counts what is missing, stamps the scanned devices' last-audited time and adds
/// an Audited line to each one's history. Site technicians audit only their own sites.
/// </summary>
public sealed class AuditDevicesHandler(AppDbContext db, ISiteDirectory sites, IPeopleDirectory people, DistrictTime time)
{
    /// <summary>Statuses of devices no audit expects to find: gone from service or reported gone.</summary>
    public static readonly IReadOnlyList<DeviceStatus> NotExpected = [DeviceStatus.Retired, DeviceStatus.Disposed, DeviceStatus.Lost, DeviceStatus.Stolen];

    public async Task<PagedResult<AuditSummary>> ListAsync(DeviceUser user, Guid? siteId, PageRequest page, CancellationToken cancellationToken)
    {
        var audits = db.Set<Audit>().AsNoTracking();
        if (user.Scope.Sites is { } scoped)
        {
            audits = audits.Where(a => scoped.Contains(a.SiteId));
        }

        if (siteId is { } site)
        {
            audits = audits.Where(a => a.SiteId == site);
        }

        var listed = await audits.OrderBy(a => a.ClosedAt != null).ThenByDescending(a => a.StartedAt).ThenByDescending(a => a.Id).ToPagedResultAsync(page, cancellationToken);
        var summaries = await SummariesAsync(listed.Items, cancellationToken);
        return new PagedResult<AuditSummary>(summaries, listed.Total, listed.Page, listed.PageSize);
    }

    public async Task<Result<AuditSummary>> StartAsync(StartAuditCommand command, DeviceUser user, CancellationToken cancellationToken)
    {
        var errors = new ErrorList();
        if (command.SiteId is null)
        {
            errors.Add("siteId", "Choose the site to audit.");
        }

        var room = string.IsNullOrWhiteSpace(command.Room) ? null : command.Room.Trim();
        errors.MaxLength("room", room, Device.RoomMaxLength);
        errors.MaxLength("name", command.Name, Audit.NameMaxLength);
        var site = command.SiteId is { } id ? await sites.FindAsync(id, cancellationToken) : null;
        if (command.SiteId is not null && site is null)
        {
            errors.Add("siteId", $"No site has the id {command.SiteId}.");
        }

        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        if (!user.Scope.Covers(site!.Id))
        {
            return Result.Forbidden($"You audit devices at your own sites only; {site.Name} is not one of them.");
        }

        var open = await db.Set<Audit>().Where(a => a.SiteId == site.Id && a.ClosedAt == null && a.Room == room).Select(a => new { a.Id, a.Name }).FirstOrDefaultAsync(cancellationToken);
        if (open is not null)
        {
            return Result.Conflict($"{open.Name} is still open (audit {open.Id}); scan into it or close it before starting another of the same place.");
        }

        var upperRoom = room?.ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // EF translates ToUpper to SQL upper() on both providers: "Library" and "library" are one room.
        var expected = await db.Set<Device>()
            .Where(d => d.SiteId == site.Id && !NotExpected.Contains(d.Status) && (upperRoom == null || (d.Room != null && d.Room.ToUpper() == upperRoom)))
            .Select(d => d.Id).ToListAsync(cancellationToken);
#pragma warning restore CA1304, CA1311, CA1862
        var audit = new Audit
        {
            Name = string.IsNullOrWhiteSpace(command.Name) ? DefaultName(site.Name, room, time.Today) : command.Name.Trim(),
            SiteId = site.Id, Room = room, StartedAt = time.Now, StartedByName = user.Name, ExpectedCount = expected.Count,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Add(audit);
        await db.SaveChangesAsync(cancellationToken);
        await db.InsertAsync(expected.Select(deviceId => new AuditItem { AuditId = audit.Id, DeviceId = deviceId, Expected = true }).ToList(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (await SummariesAsync([audit], cancellationToken))[0];
    }

    /// <summary>"Harbor View Elementary, room 12, 2026-11-30".</summary>
    public static string DefaultName(string site, string? room, DateOnly day)
    {
        var name = $"{site}{(room is null ? "" : $", room {room}")}, {day:yyyy-MM-dd}";
        return name.Length <= Audit.NameMaxLength ? name : name[..(Audit.NameMaxLength - 1)] + "…";
    }

    public async Task<Result<AuditDetail>> DetailAsync(long id, AuditList list, PageRequest page, DeviceUser user, CancellationToken cancellationToken)
    {
        var audit = await FindAsync(id, user, cancellationToken);
        if (audit is null)
        {
            return NoAudit(id);
        }

        var summary = (await SummariesAsync([audit], cancellationToken))[0];
        var items = Listed(id, list);
        var rows = await (from i in items
                          join d in db.Set<Device>() on i.DeviceId equals d.Id
                          join s in db.Set<DeviceStandard>() on d.StandardId equals s.Id
                          orderby d.AssetTag
                          select new AuditDeviceRow(d.AssetTag, d.Serial, s.Model, d.Status, d.Room, i.ScannedAt, i.ScannedByName))
            .ToPagedResultAsync(page, cancellationToken);
        return new AuditDetail(summary, list, rows);
    }

    /// <summary>Marks a scanned device found, or records it as unexpected; a device scanned again changes nothing.</summary>
    public async Task<Result<AuditScanDone>> ScanAsync(long id, AuditScanCommand command, DeviceUser user, CancellationToken cancellationToken)
    {
        var errors = new ErrorList();
        var code = errors.Required("device", command.Device, "Scan the device's asset tag.");
        errors.MaxLength("device", code, Device.SerialMaxLength);
        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        var audit = await FindAsync(id, user, cancellationToken);
        if (audit is null)
        {
            return NoAudit(id);
        }

        if (audit.ClosedAt is { } closed)
        {
            return Result.Conflict($"{audit.Name} was closed on {time.Absolute(closed)}; start another audit to scan again.");
        }

        var key = Custody.Normalize(code!);
        var device = await db.Set<Device>().Where(d => d.AssetTag == key || d.Serial == key)
            .Join(db.Set<DeviceStandard>(), d => d.StandardId, s => s.Id, (d, s) => new { d.Id, d.AssetTag, d.SiteId, d.Room, d.Status, s.Model })
            .FirstOrDefaultAsync(cancellationToken);
        if (device is null)
        {
            return Result.NotFound($"No device has the tag or serial {code}.");
        }

        var item = await db.Set<AuditItem>().FindAsync([id, device.Id], cancellationToken);
        var outcome = item is null ? AuditScanOutcome.Unexpected : item.ScannedAt is null ? AuditScanOutcome.Found : AuditScanOutcome.AlreadyScanned;
        if (item is null)
        {
            db.Add(new AuditItem { AuditId = id, DeviceId = device.Id, Expected = false, ScannedAt = time.Now, ScannedByName = user.Name });
        }
        else if (item.ScannedAt is null)
        {
            (item.ScannedAt, item.ScannedByName) = (time.Now, user.Name);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (item is null)
        {
            // The same unexpected device scanned at the same moment on another scanner: it is recorded once.
            outcome = AuditScanOutcome.AlreadyScanned;
        }
        var warnings = outcome == AuditScanOutcome.Unexpected
            ? await UnexpectedAsync(audit, device.AssetTag, device.SiteId, device.Room, device.Status, user, cancellationToken)
            : [];
        var summary = (await SummariesAsync([audit], cancellationToken))[0];
        return new AuditScanDone(id, device.AssetTag, device.Model, outcome, summary.Progress, warnings);
    }

    /// <summary>
    /// Closes the audit: counts found and missing, stamps each scanned device's last-audited time (one statement) and adds an
    /// Audited line to its history. Closing a closed audit changes nothing.
    /// </summary>
    public async Task<Result<AuditSummary>> CloseAsync(long id, DeviceUser user, CancellationToken cancellationToken)
    {
        var audit = await FindAsync(id, user, cancellationToken);
        if (audit is null)
        {
            return NoAudit(id);
        }

        var now = time.Now;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Set<Audit>().Where(a => a.Id == id && a.ClosedAt == null).ExecuteUpdateAsync(s => s.SetProperty(a => a.ClosedAt, now), cancellationToken) == 0)
        {
            return (await SummariesAsync([audit], cancellationToken))[0];
        }

        var scanned = await db.Set<AuditItem>().Where(i => i.AuditId == id && i.ScannedAt != null).Select(i => new { i.DeviceId, i.Expected }).ToListAsync(cancellationToken);
        var found = scanned.Count(i => i.Expected);
        await db.Set<Audit>().Where(a => a.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.FoundCount, found).SetProperty(a => a.MissingCount, a => a.ExpectedCount - found), cancellationToken);
        await db.InsertAsync(scanned.Select(i => new DeviceEvent
        {
            DeviceId = i.DeviceId, At = now, ActorUserId = user.UserId, ActorName = user.Name, Kind = DeviceEventKind.Audited,
            Detail = Trim(i.Expected ? $"Found in audit {audit.Name}." : $"Scanned in audit {audit.Name}, where it was not expected."),
        }).ToList(), cancellationToken);
        await db.Set<Device>()
            .Where(d => db.Set<AuditItem>().Any(i => i.AuditId == id && i.DeviceId == d.Id && i.ScannedAt != null))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.LastAuditedAt, d => db.Set<AuditItem>().Where(i => i.AuditId == id && i.DeviceId == d.Id).Select(i => i.ScannedAt).FirstOrDefault()), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (await SummariesAsync([(await FindAsync(id, user, cancellationToken))!], cancellationToken))[0];
    }

    /// <summary>A closed audit's missing devices as a table to download; holders that are students are named only where the student rule allows.</summary>
    public async Task<Result<ExportTable>> MissingExportAsync(long id, DeviceUser user, CancellationToken cancellationToken)
    {
        var audit = await FindAsync(id, user, cancellationToken);
        if (audit is null)
        {
            return NoAudit(id);
        }

        if (audit.ClosedAt is null)
        {
            return Result.Conflict($"{audit.Name} is still open; close it to download its missing list.");
        }

        var names = people.MayShowFamily(user.Principal, audit.SiteId);
        var rows = await (from i in Listed(id, AuditList.Missing)
                          join d in db.Set<Device>() on i.DeviceId equals d.Id
                          join s in db.Set<DeviceStandard>() on d.StandardId equals s.Id
                          orderby d.AssetTag
                          select new { d.AssetTag, d.Serial, s.Model, d.Status, d.Room, d.HolderKind, d.HolderName, d.LastAuditedAt })
            .ToListAsync(cancellationToken);
        return new ExportTable($"Missing from {audit.Name}",
            [new("Asset tag"), new("Serial"), new("Model"), new("Status"), new("Room"), new("Holder"), new("Last audited", ExportKind.Date)],
            rows.Select(r => (IReadOnlyList<object?>)
            [
                r.AssetTag, r.Serial, r.Model, DeviceStatuses.Words(r.Status), r.Room,
                r.HolderKind == HolderKind.Student && !names ? FamilyNames.Hidden : r.HolderName,
                r.LastAuditedAt is { } at ? DateOnly.FromDateTime(time.InDistrict(at).DateTime) : null,
            ]).ToList());
    }

    private static Failure NoAudit(long id) => Result.NotFound($"There is no audit {id}.");

    private async Task<Audit?> FindAsync(long id, DeviceUser user, CancellationToken cancellationToken)
    {
        var audit = await db.Set<Audit>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        return audit is not null && user.Scope.Covers(audit.SiteId) ? audit : null;
    }

    private IQueryable<AuditItem> Listed(long id, AuditList list)
    {
        var items = db.Set<AuditItem>().AsNoTracking().Where(i => i.AuditId == id);
        return list switch
        {
            AuditList.Found => items.Where(i => i.Expected && i.ScannedAt != null),
            AuditList.Unexpected => items.Where(i => !i.Expected),
            _ => items.Where(i => i.Expected && i.ScannedAt == null),
        };
    }

    private async Task<IReadOnlyList<string>> UnexpectedAsync(Audit audit, string tag, Guid? siteId, string? room, DeviceStatus status, DeviceUser user, CancellationToken cancellationToken)
    {
        var warnings = new List<string>();
        if (siteId != audit.SiteId)
        {
            var registered = siteId is { } other && user.Scope.Covers(other) ? (await sites.FindAsync(other, cancellationToken))?.Name : null;
            warnings.Add(registered is null ? $"{tag} is registered at another site, or none." : $"{tag} is registered at {registered}.");
        }
        else if (audit.Room is not null)
        {
            warnings.Add(room is null ? $"{tag} has no room in the register." : $"{tag} is registered in room {room}.");
        }

        if (NotExpected.Contains(status))
        {
            warnings.Add($"{tag} is recorded as {DeviceStatuses.Words(status)}; open the device to correct its status.");
        }

        return warnings;
    }

    private async Task<IReadOnlyList<AuditSummary>> SummariesAsync(IReadOnlyList<Audit> audits, CancellationToken cancellationToken)
    {
        var ids = audits.Select(a => a.Id).ToList();
        var counts = await db.Set<AuditItem>().Where(i => ids.Contains(i.AuditId))
            .GroupBy(i => i.AuditId)
            .Select(g => new { g.Key, Found = g.Count(i => i.Expected && i.ScannedAt != null), Unexpected = g.Count(i => !i.Expected) })
            .ToDictionaryAsync(g => g.Key, cancellationToken);
        var siteNames = (await sites.ListAsync(cancellationToken)).ToDictionary(s => s.Id, s => s.Name);
        return audits.Select(a =>
        {
            var found = counts.GetValueOrDefault(a.Id)?.Found ?? 0;
            return new AuditSummary(a.Id, a.Name, a.SiteId, siteNames.GetValueOrDefault(a.SiteId) ?? "—", a.Room, a.StartedAt, a.StartedByName, a.ClosedAt,
                a.ExpectedCount, found, a.ExpectedCount - found, counts.GetValueOrDefault(a.Id)?.Unexpected ?? 0);
        }).ToList();
    }

    private static string Trim(string detail) => detail.Length <= DeviceEvent.DetailMaxLength ? detail : detail[..(DeviceEvent.DetailMaxLength - 1)] + "…";
}
