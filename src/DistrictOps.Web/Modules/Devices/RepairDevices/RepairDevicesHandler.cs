using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Contracts;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Devices.RepairDevices;

/// <summary>The repairs list's filters: any of the statuses (none: all), one kind, one site.</summary>
public sealed record RepairFilter(IReadOnlyList<RepairStatus> Statuses, RepairKind? Kind, Guid? SiteId)
{
    public static readonly RepairFilter All = new([], null, null);

    /// <summary><c>status</c> (repeated or comma-separated), <c>kind</c> and <c>site</c>, each refused by name when it is not one.</summary>
    public static RepairFilter Read(QueryReader query) => new(
        query.List("status").Select(s => query.Named<RepairStatus>("status", s)).OfType<RepairStatus>().Distinct().ToList(),
        query.Enum<RepairKind>("kind"), query.Id("site", "a site id"));
}

public sealed record RepairRow(
    long Id, string AssetTag, Guid? SiteId, string? SiteName, RepairKind Kind, RepairStatus Status, string Problem, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt,
    long TotalCents, decimal? TurnaroundDays);

public sealed record RepairPartLine(Guid PartId, string PartNumber, string Name, int Quantity, long UnitCostCents, long TotalCents);

/// <summary>
/// One repair with its device, parts and costs; the ticket's number and title when the user may see the ticket. The
/// holder's name is null, with <see cref="HolderHidden"/>, for a student the user may not see.
/// </summary>
public sealed record RepairDetail(
    long Id, Guid DeviceId, string AssetTag, string Serial, string Model, DeviceStatus DeviceStatus, Guid? StandardId, Guid? SiteId, string? SiteName,
    string? HolderName, bool HolderHidden, RepairKind Kind, RepairStatus Status, string? VendorRma, string Problem, string? Resolution, long? TicketId, string? TicketNumber,
    string? TicketTitle, long? IncidentId, DeviceStatus StatusBefore, DateTimeOffset OpenedAt, string OpenedByName, DateTimeOffset? ClosedAt,
    IReadOnlyList<RepairPartLine> Parts, long PartsCents, long LaborCents, long VendorCents, long TotalCents, decimal? TurnaroundDays)
{
    public bool IsOpen => RepairDevicesHandler.IsOpen(Status);
}

public sealed record PartChoice(Guid Id, string PartNumber, string Name, int OnHand, bool ForTheModel);

public sealed record DeviceFacts(string AssetTag, string Serial, string Model, DeviceStatus Status, long? OpenRepairId);

public sealed record OpenRepair(string? Device, RepairKind? Kind, string? Problem, string? VendorRma = null, string? Ticket = null, long? IncidentId = null);

/// <summary>Changes to an open repair's status, kind and RMA, and to any repair's costs and resolution; a null field is left as it is.</summary>
public sealed record UpdateRepair(
    RepairStatus? Status = null, RepairKind? Kind = null, string? VendorRma = null, long? LaborCents = null, long? VendorCents = null, string? Resolution = null);

/// <summary>How many of a part (by part number or id) the repair used in all; the stock changes by the difference.</summary>
public sealed record UseParts(string? Part, int? Quantity);

public enum RepairOutcome
{
    Repaired,
    BeyondRepair,
    Cancelled,
}

public sealed record CloseRepair(RepairOutcome? Outcome, string? Resolution = null, long? LaborCents = null, long? VendorCents = null);

/// <summary>
/// Repair orders, in house or by a vendor's RMA. Opening one moves the device to In repair (a holder keeps it on their
/// assignment meanwhile); closing moves it back — to its holder when it was assigned and still is, else to stock, or to
/// Retired when it is beyond repair. Parts come out of the parts inventory in the same transaction.
/// </summary>
public sealed class RepairDevicesHandler(AppDbContext db, Custody custody, DeviceHistory history, IDeviceTickets tickets, ISiteDirectory sites, IPeopleDirectory people)
{
    public const int MaxQuantity = 100;
    public const long MaxCents = 100_000_000;

    public static bool IsOpen(RepairStatus status) => status is RepairStatus.Open or RepairStatus.WaitingForParts or RepairStatus.AtVendor;

    public async Task<PagedResult<RepairRow>> ListAsync(RepairFilter filter, PageRequest page, DeviceUser user, CancellationToken cancellationToken)
    {
        var devices = user.Scope.Visible(db.Set<Device>().AsNoTracking());
        if (filter.SiteId is { } siteId)
        {
            devices = devices.Where(d => d.SiteId == siteId);
        }

        var repairs = db.Set<RepairOrder>().AsNoTracking();
        if (filter.Statuses.Count > 0)
        {
            var statuses = filter.Statuses.ToList();
            repairs = repairs.Where(r => statuses.Contains(r.Status));
        }

        if (filter.Kind is { } kind)
        {
            repairs = repairs.Where(r => r.Kind == kind);
        }

        var found = await repairs
            .Join(devices, r => r.DeviceId, d => d.Id, (r, d) => new
            {
                r.Id, d.AssetTag, d.SiteId, r.Kind, r.Status, r.Problem, r.OpenedAt, r.ClosedAt, r.LaborCents, r.VendorCents,
                Parts = r.Parts.Sum(p => p.Quantity * p.UnitCostCents),
            })
            .OrderByDescending(r => r.Id).ToPagedResultAsync(page, cancellationToken);
        var names = await SiteNamesAsync(cancellationToken);
        return new PagedResult<RepairRow>(found.Items.Select(r => new RepairRow(
            r.Id, r.AssetTag, r.SiteId, r.SiteId is { } s ? names.GetValueOrDefault(s) : null, r.Kind, r.Status, Shorten(r.Problem), r.OpenedAt, r.ClosedAt,
            RepairCost.TotalCents(r.Parts, r.LaborCents, r.VendorCents), RepairCost.TurnaroundDays(r.OpenedAt, r.ClosedAt))).ToList(), found.Total, found.Page, found.PageSize);
    }

    public async Task<Result<RepairDetail>> DetailAsync(long id, DeviceUser user, CancellationToken cancellationToken)
    {
        var repair = await db.Set<RepairOrder>().AsNoTracking().Include(r => r.Parts).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        var device = repair is null ? null : await db.Set<Device>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == repair.DeviceId, cancellationToken);
        if (repair is null || device is null || !user.Scope.Covers(device.SiteId))
        {
            return Result.NotFound($"There is no repair {id}.");
        }

        var partIds = repair.Parts.Select(p => p.PartId).ToList();
        var parts = await db.Set<Part>().AsNoTracking().Where(p => partIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var lines = repair.Parts.OrderBy(p => p.Id).Select(p => new RepairPartLine(
            p.PartId, parts[p.PartId].PartNumber, parts[p.PartId].Name, p.Quantity, p.UnitCostCents, RepairCost.PartsCents([(p.Quantity, p.UnitCostCents)]))).ToList();
        var partsCents = RepairCost.PartsCents(repair.Parts.Select(p => (p.Quantity, p.UnitCostCents)));
        var model = await db.Set<DeviceStandard>().Where(s => s.Id == device.StandardId).Select(s => s.Manufacturer + " " + s.Model).FirstOrDefaultAsync(cancellationToken);
        var ticket = repair.TicketId is { } ticketId ? await tickets.FindAsync($"#{ticketId}", user.Principal, cancellationToken) : null;
        var site = device.SiteId is { } siteId ? await sites.FindAsync(siteId, cancellationToken) : null;
        var holder = await HolderAsync(device, user, cancellationToken);
        return new RepairDetail(
            repair.Id, device.Id, device.AssetTag, device.Serial, model ?? "", device.Status, device.StandardId, device.SiteId, site?.Name,
            holder, holder is null && device.HolderName is not null, repair.Kind, repair.Status, repair.VendorRma, repair.Problem, repair.Resolution, repair.TicketId,
            ticket?.Number, ticket?.Title, repair.IncidentId, repair.StatusBefore, repair.OpenedAt, repair.OpenedByName, repair.ClosedAt, lines, partsCents,
            repair.LaborCents, repair.VendorCents, RepairCost.TotalCents(partsCents, repair.LaborCents, repair.VendorCents),
            RepairCost.TurnaroundDays(repair.OpenedAt, repair.ClosedAt));
    }

    /// <summary>The parts a repair can use, those made for the device's standard first.</summary>
    public async Task<IReadOnlyList<PartChoice>> PartChoicesAsync(Guid? standardId, CancellationToken cancellationToken) =>
        await db.Set<Part>().AsNoTracking().OrderBy(p => p.StandardId == standardId ? 0 : 1).ThenBy(p => p.Name).ThenBy(p => p.PartNumber).Take(500)
            .Select(p => new PartChoice(p.Id, p.PartNumber, p.Name, p.OnHand, p.StandardId != null && p.StandardId == standardId)).ToListAsync(cancellationToken);

    /// <summary>The device a tag names, for the form that opens a repair: its model, status and the repair already open, if any.</summary>
    public async Task<DeviceFacts?> DeviceAsync(string tag, DeviceUser user, CancellationToken cancellationToken)
    {
        if (await custody.FindAsync(tag, user.Scope, cancellationToken) is not { } device)
        {
            return null;
        }

        var model = await db.Set<DeviceStandard>().Where(s => s.Id == device.StandardId).Select(s => s.Manufacturer + " " + s.Model).FirstOrDefaultAsync(cancellationToken);
        var open = await db.Set<RepairOrder>().Where(r => r.DeviceId == device.Id && (r.Status == RepairStatus.Open || r.Status == RepairStatus.WaitingForParts || r.Status == RepairStatus.AtVendor))
            .Select(r => (long?)r.Id).FirstOrDefaultAsync(cancellationToken);
        return new DeviceFacts(device.AssetTag, device.Serial, model ?? "", device.Status, open);
    }

    /// <summary>
    /// Opens a repair and moves the device to In repair along the allowed moves. The same repair again (the device's open
    /// repair has the same problem and ticket) changes nothing; a different one while one is open is refused.
    /// </summary>
    public async Task<Result<RepairDetail>> OpenAsync(OpenRepair command, DeviceUser user, CancellationToken cancellationToken)
    {
        var errors = new ErrorList();
        var tag = errors.Required("device", command.Device, "Scan or type the device's asset tag.");
        var problem = errors.Required("problem", command.Problem, "Describe the problem: what is broken and how it shows.");
        errors.MaxLength("problem", problem, RepairOrder.TextMaxLength);
        var rma = Blank(command.VendorRma);
        errors.MaxLength("vendorRma", rma, RepairOrder.RmaMaxLength);
        if (command.Kind is null)
        {
            errors.Add("kind", "Choose in house or vendor.");
        }
        else if (errors.Defined("kind", command.Kind) && command.Kind == RepairKind.InHouse && rma is not null)
        {
            errors.Add("vendorRma", "An RMA number belongs to a vendor repair: choose vendor, or leave the RMA empty.");
        }

        var ticket = Blank(command.Ticket) is { } number ? await tickets.FindAsync(number, user.Principal, cancellationToken) : null;
        if (Blank(command.Ticket) is { } missing && ticket is null)
        {
            errors.Add("ticket", $"There is no ticket {missing} that you can see.");
        }

        var device = tag is null ? null : await custody.FindAsync(tag, cancellationToken);
        if (tag is not null && (device is null || !user.Scope.Covers(device.SiteId)))
        {
            device = null;
            errors.Add("device", $"No device has the tag or serial {tag}.");
        }
        else if (device is not null && command.IncidentId is { } incidentId && !await db.Set<Incident>().AnyAsync(i => i.Id == incidentId && i.DeviceId == device.Id, cancellationToken))
        {
            errors.Add("incidentId", $"{device.AssetTag} has no incident {incidentId}.");
        }

        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        if (await db.Set<RepairOrder>().AsNoTracking().FirstOrDefaultAsync(r => r.DeviceId == device!.Id && (r.Status == RepairStatus.Open || r.Status == RepairStatus.WaitingForParts || r.Status == RepairStatus.AtVendor), cancellationToken) is { } open)
        {
            return open.Problem == problem && open.TicketId == ticket?.Id && open.Kind == command.Kind
                ? await DetailAsync(open.Id, user, cancellationToken)
                : Result.Conflict($"{device!.AssetTag} already has an open repair, number {open.Id}; work on that one or close it first.");
        }

        if (device!.Status == DeviceStatus.Loaner)
        {
            return Result.Conflict($"{device.AssetTag} is out on loan; take it back into its pool first, then repair it.");
        }

        var repair = new RepairOrder
        {
            DeviceId = device.Id, Kind = command.Kind!.Value, Status = RepairStatus.Open, VendorRma = rma, TicketId = ticket?.Id, IncidentId = command.IncidentId,
            Problem = problem!, OpenedAt = history.Now, OpenedByName = user.Name, StatusBefore = device.Status,
        };
        var detail = (repair.Kind == RepairKind.Vendor ? "Vendor repair" : "In-house repair") + (rma is null ? "" : $", RMA {rma}")
            + (ticket is null ? "" : $", for {ticket.Number}") + $": {problem}";
        if (device.Status == DeviceStatus.InRepair)
        {
            history.Add(device, user, DeviceEventKind.RepairOpened, detail);
        }
        else if (history.Move(device, DeviceStatus.InRepair, user, DeviceEventKind.RepairOpened, detail) is { } refused)
        {
            return Result.Conflict(refused);
        }

        db.Add(repair);
        if (await SaveAsync(device.AssetTag, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return await DetailAsync(repair.Id, user, cancellationToken);
    }

    public async Task<Result<RepairDetail>> UpdateAsync(long id, UpdateRepair command, DeviceUser user, CancellationToken cancellationToken)
    {
        if (await TrackedAsync(id, user, cancellationToken) is not { } repair)
        {
            return Result.NotFound($"There is no repair {id}.");
        }

        var errors = new ErrorList();
        errors.Defined("status", command.Status);
        errors.Defined("kind", command.Kind);
        Costs(command.LaborCents, command.VendorCents, errors);
        errors.MaxLength("resolution", command.Resolution, RepairOrder.TextMaxLength);
        errors.MaxLength("vendorRma", command.VendorRma, RepairOrder.RmaMaxLength);
        if (command.Status is { } status && !IsOpen(status))
        {
            errors.Add("status", $"Status: a repair becomes {status} by closing it; choose Open, WaitingForParts or AtVendor here.");
        }

        if (!IsOpen(repair.Status) && ((command.Status ?? repair.Status) != repair.Status || (command.Kind ?? repair.Kind) != repair.Kind))
        {
            return Result.Conflict($"Repair {id} is {repair.Status}; a closed repair's status and kind stay as they are.");
        }

        var kind = command.Kind ?? repair.Kind;
        var rma = command.VendorRma is null ? repair.VendorRma : Blank(command.VendorRma);
        if (!errors.Any && (command.Status ?? repair.Status) == RepairStatus.AtVendor && (kind != RepairKind.Vendor || rma is null))
        {
            errors.Add("status", "At vendor: the repair must be a vendor repair with the vendor's RMA number.");
        }

        if (!errors.Any && kind == RepairKind.InHouse && rma is not null)
        {
            errors.Add("vendorRma", "An RMA number belongs to a vendor repair: choose vendor, or leave the RMA empty.");
        }

        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        (repair.Status, repair.Kind, repair.VendorRma) = (command.Status ?? repair.Status, kind, rma);
        (repair.LaborCents, repair.VendorCents) = (command.LaborCents ?? repair.LaborCents, command.VendorCents ?? repair.VendorCents);
        repair.Resolution = command.Resolution is null ? repair.Resolution : Blank(command.Resolution);
        await db.SaveChangesAsync(cancellationToken);
        return await DetailAsync(id, user, cancellationToken);
    }

    /// <summary>
    /// Sets how many of a part the open repair used and takes the difference out of stock (or puts it back) in one
    /// transaction; not enough on hand is refused naming the part and the counts. The same quantity again changes nothing.
    /// </summary>
    public async Task<Result<RepairDetail>> UsePartsAsync(long id, UseParts command, DeviceUser user, CancellationToken cancellationToken)
    {
        var errors = new ErrorList();
        var key = errors.Required("part", command.Part, "Choose the part the repair used.");
        if (command.Quantity is null)
        {
            errors.Add("quantity", "Give how many the repair used in all (0 puts them back).");
        }

        errors.Range("quantity", command.Quantity, 0, MaxQuantity, $"Quantity: expected a whole number from 0 to {MaxQuantity}; got {command.Quantity}.");
        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Touching the repair row first makes two uses of one repair (a double click) take turns on PostgreSQL; SQLite has one writer.
        await db.Set<RepairOrder>().Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.LaborCents, r => r.LaborCents), cancellationToken);
        if (await TrackedAsync(id, user, cancellationToken) is not { } repair)
        {
            return Result.NotFound($"There is no repair {id}.");
        }

        if (!IsOpen(repair.Status))
        {
            return Result.Conflict($"Repair {id} is {repair.Status}; parts are used while a repair is open.");
        }

        var partNumber = key!.ToUpperInvariant();
        var part = Guid.TryParse(key, out var partId)
            ? await db.Set<Part>().FirstOrDefaultAsync(p => p.Id == partId, cancellationToken)
            : await db.Set<Part>().FirstOrDefaultAsync(p => p.PartNumber == partNumber, cancellationToken);
        if (part is null)
        {
            return Result.Invalid("part", $"There is no part {key}.");
        }

        var line = repair.Parts.FirstOrDefault(p => p.PartId == part.Id);
        var more = command.Quantity!.Value - (line?.Quantity ?? 0);
        if (more == 0)
        {
            await transaction.CommitAsync(cancellationToken);
            return await DetailAsync(id, user, cancellationToken);
        }

        var taken = await db.Set<Part>().Where(p => p.Id == part.Id && p.OnHand >= more)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.OnHand, p => p.OnHand - more), cancellationToken);
        if (taken == 0)
        {
            return Result.Conflict($"Not enough {part.Name} ({part.PartNumber}) on hand: {part.OnHand} in stock, {more} more needed.");
        }

        if (line is null)
        {
            repair.Parts.Add(new RepairPart { PartId = part.Id, Quantity = command.Quantity.Value, UnitCostCents = part.UnitCostCents });
        }
        else if (command.Quantity == 0)
        {
            repair.Parts.Remove(line);
            db.Remove(line);
        }
        else
        {
            line.Quantity = command.Quantity.Value;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await DetailAsync(id, user, cancellationToken);
    }

    /// <summary>
    /// Closes the repair and moves the device back: repaired or cancelled, to its holder when it was assigned and the
    /// assignment is still open, else to stock; beyond repair, checked in from its holder and retired. Closing a closed
    /// repair changes nothing.
    /// </summary>
    public async Task<Result<RepairDetail>> CloseAsync(long id, CloseRepair command, DeviceUser user, CancellationToken cancellationToken)
    {
        var errors = new ErrorList();
        if (command.Outcome is null)
        {
            errors.Add("outcome", "Say how the repair ended: Repaired, BeyondRepair or Cancelled.");
        }

        var resolution = errors.Defined("outcome", command.Outcome) && command.Outcome is not (null or RepairOutcome.Cancelled)
            ? errors.Required("resolution", command.Resolution, "Say what was done, or why the device cannot be repaired.")
            : Blank(command.Resolution);
        errors.MaxLength("resolution", resolution, RepairOrder.TextMaxLength);
        Costs(command.LaborCents, command.VendorCents, errors);
        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Set<RepairOrder>().Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.LaborCents, r => r.LaborCents), cancellationToken);
        if (await TrackedAsync(id, user, cancellationToken) is not { } repair)
        {
            return Result.NotFound($"There is no repair {id}.");
        }

        if (!IsOpen(repair.Status))
        {
            // Closed already (a retried close): nothing changes. The transaction ends first so the detail's access log is kept.
            await transaction.CommitAsync(cancellationToken);
            return await DetailAsync(id, user, cancellationToken);
        }

        var device = await db.Set<Device>().FirstAsync(d => d.Id == repair.DeviceId, cancellationToken);
        (repair.Status, repair.ClosedAt, repair.Resolution) = (command.Outcome == RepairOutcome.Cancelled ? RepairStatus.Cancelled : RepairStatus.Done, history.Now, resolution);
        (repair.LaborCents, repair.VendorCents) = (command.LaborCents ?? repair.LaborCents, command.VendorCents ?? repair.VendorCents);
        var assigned = await db.Set<Assignment>().AnyAsync(a => a.DeviceId == device.Id && a.InAt == null, cancellationToken);
        if (command.Outcome == RepairOutcome.BeyondRepair && assigned && device.Status == DeviceStatus.InRepair)
        {
            var back = await custody.CheckInAsync(new CheckIn(device.AssetTag, Condition.D, Accessories.None, $"Beyond repair (repair {id})."), user, cancellationToken);
            if (!back.Succeeded)
            {
                return back.Failure;
            }
        }

        var target = command.Outcome == RepairOutcome.BeyondRepair ? DeviceStatus.Retired
            : repair.StatusBefore == DeviceStatus.Assigned && assigned ? DeviceStatus.Assigned
            : DeviceStatus.InStock;
        var detail = $"Repair {id} " + command.Outcome switch
        {
            RepairOutcome.Repaired => "done",
            RepairOutcome.BeyondRepair => "done, beyond repair",
            _ => "cancelled",
        } + (resolution is null ? "." : $": {resolution}");
        // A device someone moved out of repair meanwhile (checked in, reported lost) stays where they put it.
        var refused = device.Status is DeviceStatus.InRepair or DeviceStatus.Damaged ? history.Move(device, target, user, DeviceEventKind.RepairClosed, detail) : "";
        if (refused is not null)
        {
            history.Add(device, user, DeviceEventKind.RepairClosed, $"{detail} The device stays {DeviceStatuses.Words(device.Status)}.");
        }

        if (await SaveAsync(device.AssetTag, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        await transaction.CommitAsync(cancellationToken);
        return await DetailAsync(id, user, cancellationToken);
    }

    private async Task<RepairOrder?> TrackedAsync(long id, DeviceUser user, CancellationToken cancellationToken)
    {
        var repair = await db.Set<RepairOrder>().Include(r => r.Parts).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        var siteId = repair is null ? null : await db.Set<Device>().Where(d => d.Id == repair.DeviceId).Select(d => d.SiteId).FirstOrDefaultAsync(cancellationToken);
        return repair is not null && user.Scope.Covers(siteId) ? repair : null;
    }

    private async Task<string?> HolderAsync(Device device, DeviceUser user, CancellationToken cancellationToken)
    {
        if (device.HolderName is null || device.HolderKind != HolderKind.Student)
        {
            return device.HolderName;
        }

        if (device.SiteId is not { } siteId || !people.MayShowFamily(user.Principal, siteId))
        {
            return null;
        }

        if (device.HolderId is { } holder)
        {
            await people.ShownAsync(holder, user.Reader, cancellationToken);
        }

        return device.HolderName;
    }

    private async Task<Failure?> SaveAsync(string tag, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result.Conflict($"{tag} changed at the same moment; nothing was saved. Look at it again and retry.");
        }
    }

    private async Task<Dictionary<Guid, string>> SiteNamesAsync(CancellationToken cancellationToken) =>
        (await sites.ListAsync(cancellationToken)).ToDictionary(s => s.Id, s => s.Name);

    private static void Costs(long? labor, long? vendor, ErrorList errors)
    {
        foreach (var (field, cents) in new[] { ("laborCents", labor), ("vendorCents", vendor) })
        {
            if (cents is < 0 or > MaxCents)
            {
                errors.Add(field, $"{(field == "laborCents" ? "Labor" : "Vendor cost")}: expected an amount from $0.00 to {Money.Format(MaxCents)}; got {cents} cents.");
            }
        }
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..119] + "…";

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
