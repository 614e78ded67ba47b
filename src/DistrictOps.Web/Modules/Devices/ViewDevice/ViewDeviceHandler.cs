using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Contracts;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Devices.ViewDevice;

public sealed record HistoryLine(long Id, DateTimeOffset At, string ActorName, string Kind, string? FromStatus, string? ToStatus, string? Detail);

public sealed record AssignmentLine(long Id, string HolderKind, string Holder, DateTimeOffset OutAt, string OutByName, bool IsLoan, DateOnly? DueOn, bool AgreementOnFile,
    DateTimeOffset? InAt, string? Condition, string? Notes);

public sealed record RecordLine(long Id, string Kind, string Status, DateTimeOffset At);

public sealed record DeviceDetail(
    Guid Id, string AssetTag, string Serial, Guid StandardId, string Standard, string Manufacturer, string Model, string Status, IReadOnlyList<string> Moves,
    Guid? SiteId, string? SiteName, string? Room, string? HolderKind, Guid? HolderId, string? Holder, string Accessories, Guid? PoolId,
    string? PurchaseOrder, DateOnly? PurchasedOn, string? Cost, string? FundingSource, DateOnly? WarrantyEnds, string? Notes,
    DateTimeOffset? LastAuditedAt, DateTimeOffset? LastSeenAt, string? Compliance, string? OsVersion, int Version, int RetirementYear,
    AssignmentLine? Out, IReadOnlyList<AssignmentLine> Assignments, IReadOnlyList<HistoryLine> History, IReadOnlyList<DeviceTicket> Tickets,
    IReadOnlyList<RecordLine> Incidents, IReadOnlyList<RecordLine> Repairs);

public sealed record ChangeStatusCommand(DeviceStatus Status, string? Reason);

/// <summary>
/// One device: what it is, where, who holds it, its full history, its tickets, incidents and repairs. A student holder's
/// name is shown (and the showing logged) only where the Directory's student rule allows it.
/// </summary>
public sealed class ViewDeviceHandler(AppDbContext db, ISiteDirectory sites, IPeopleDirectory people, IDeviceTickets tickets, DeviceHistory history, Custody custody, PermissionRegistry permissions)
{
    public const int HistoryShown = 200;

    /// <summary>The statuses the device page moves a device to directly: found or recovered, retired, disposed. The others have their own flows (custody, incidents, repairs).</summary>
    public static readonly DeviceStatus[] DirectMoves = [DeviceStatus.InStock, DeviceStatus.Retired, DeviceStatus.Disposed];

    public async Task<Result<DeviceDetail>> GetAsync(string assetTag, DeviceUser user, CancellationToken cancellationToken)
    {
        var d = await custody.FindAsync(assetTag, user.Scope, cancellationToken);
        if (d is null)
        {
            return Result.NotFound($"No device has the tag {assetTag.Trim()}.");
        }

        var standard = await db.Set<DeviceStandard>().AsNoTracking().SingleAsync(s => s.Id == d.StandardId, cancellationToken);
        var site = d.SiteId is { } siteId ? await sites.FindAsync(siteId, cancellationToken) : null;
        var funding = d.FundingSourceId is { } f ? await db.Set<FundingSource>().Where(x => x.Id == f).Select(x => x.Name).SingleAsync(cancellationToken) : null;
        var showStudents = FamilyNames.MayShow(people, user, d.SiteId);
        var assignments = (await db.Set<Assignment>().AsNoTracking().Where(a => a.DeviceId == d.Id).OrderByDescending(a => a.Id).Take(20).ToListAsync(cancellationToken))
            .Select(a => Line(a, showStudents)).ToList();
        var events = await db.Set<DeviceEvent>().AsNoTracking().Where(e => e.DeviceId == d.Id).OrderByDescending(e => e.Id).Take(HistoryShown)
            .Select(e => new HistoryLine(e.Id, e.At, e.ActorName, e.Kind.ToString(), e.FromStatus.ToString(), e.ToStatus.ToString(), e.Detail)).ToListAsync(cancellationToken);
        var incidents = await db.Set<Incident>().AsNoTracking().Where(i => i.DeviceId == d.Id).OrderByDescending(i => i.Id).Take(10)
            .Select(i => new RecordLine(i.Id, i.Kind.ToString(), i.Responsibility.ToString(), i.ReportedAt)).ToListAsync(cancellationToken);
        var repairs = await db.Set<RepairOrder>().AsNoTracking().Where(r => r.DeviceId == d.Id).OrderByDescending(r => r.Id).Take(10)
            .Select(r => new RecordLine(r.Id, r.Kind.ToString(), r.Status.ToString(), r.OpenedAt)).ToListAsync(cancellationToken);
        if (d.HolderKind == HolderKind.Student && showStudents && d.HolderId is { } holder)
        {
            await people.ShownAsync(holder, user.Reader, cancellationToken);
        }

        return new DeviceDetail(
            d.Id, d.AssetTag, d.Serial, standard.Id, standard.Name, standard.Manufacturer, standard.Model, d.Status.ToString(),
            DirectMoves.Where(m => DeviceStatuses.CanMove(d.Status, m)).Select(m => m.ToString()).ToList(),
            d.SiteId, site?.Name, d.Room, d.HolderKind?.ToString(), d.HolderId, Shown(d.HolderKind, d.HolderName, showStudents), d.AccessoriesOut.ToString(), d.PoolId,
            d.PurchaseOrder, d.PurchasedOn, d.CostCents is { } c ? Money.Format(c) : null, funding, d.WarrantyEnds, d.Notes,
            d.LastAuditedAt, d.LastSeenAt, d.Compliance, d.OsVersion, d.Version, Lifecycle.RetirementYear(d.PurchasedOn, standard.ExpectedLifeYears, standard.SupportEnds, d.CreatedAt.Year),
            assignments.FirstOrDefault(a => a.InAt is null), assignments, events, await tickets.ForAssetTagAsync(d.AssetTag, user.Principal, 20, cancellationToken),
            incidents, repairs);
    }

    /// <summary>Every history line of a device, newest first, a page at a time.</summary>
    public async Task<Result<PagedResult<HistoryLine>>> HistoryAsync(string assetTag, PageRequest page, DeviceUser user, CancellationToken cancellationToken)
    {
        var device = await custody.FindAsync(assetTag, user.Scope, cancellationToken);
        if (device is null)
        {
            return Result.NotFound($"No device has the tag {assetTag.Trim()}.");
        }

        return await db.Set<DeviceEvent>().AsNoTracking().Where(e => e.DeviceId == device.Id).OrderByDescending(e => e.Id)
            .Select(e => new HistoryLine(e.Id, e.At, e.ActorName, e.Kind.ToString(), e.FromStatus.ToString(), e.ToStatus.ToString(), e.Detail))
            .ToPagedResultAsync(page, cancellationToken);
    }

    /// <summary>Found or recovered (back in stock), retired or disposed, with the reason in the history; other moves have their own flows.</summary>
    public async Task<Result<DeviceDetail>> ChangeStatusAsync(string assetTag, ChangeStatusCommand command, DeviceUser user, CancellationToken cancellationToken)
    {
        var device = await custody.FindAsync(assetTag, user.Scope, cancellationToken);
        if (device is null)
        {
            return Result.NotFound($"No device has the tag {assetTag.Trim()}.");
        }

        if (command.Status != DeviceStatus.InStock && !permissions.Grants(user.Principal, DevicesPermissions.Manage))
        {
            return Result.Forbidden("Only those who manage the register retire or dispose of devices.");
        }

        var errors = new ErrorList();
        var reason = errors.Required("reason", command.Reason, "Say why, for the device's history (e.g. found in the library, screen beyond repair).");
        errors.MaxLength("reason", reason, DeviceEvent.DetailMaxLength - 40);
        if (!DirectMoves.Contains(command.Status))
        {
            errors.Add("status", $"Expected {string.Join(", ", DirectMoves)}; check-out, loans, incidents and repairs have their own steps.");
        }

        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        if (device.Status != command.Status)
        {
            if (history.Move(device, command.Status, user, DeviceEventKind.StatusChanged, reason) is { } refused)
            {
                return Result.Conflict(refused);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return await GetAsync(device.AssetTag, user, cancellationToken);
    }

    private static AssignmentLine Line(Assignment a, bool showStudents) => new(
        a.Id, a.HolderKind.ToString(), Shown(a.HolderKind, a.HolderName, showStudents)!, a.OutAt, a.OutByName, a.IsLoan, a.DueOn, a.AgreementOnFile, a.InAt,
        a.ConditionIn?.ToString(), a.NotesIn);

    private static string? Shown(HolderKind? kind, string? name, bool showStudents) => kind == HolderKind.Student && !showStudents ? FamilyNames.Hidden : name;
}
