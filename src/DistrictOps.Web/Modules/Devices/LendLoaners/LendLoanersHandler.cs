using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Contracts;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Devices.LendLoaners;

/// <summary>
/// A loaner pool as its card shows it: devices in service in the pool, out on loan now, available (in stock), overdue,
/// the share of device-days out over the last 90 days, and the site's recommended pool size with its inputs, beside the
/// number of pools at the site and the devices in service in all of them.
/// </summary>
public sealed record PoolCard(
    Guid Id, string Name, Guid SiteId, string SiteName, int LoanDays, int Devices, int OutNow, int Available, int Overdue, decimal Utilization,
    PoolSize Sizing, int SitePools, int SiteLoaners);

/// <summary>A loan out of the pool; the holder's name is null for a student the user may not see (students of other sites).</summary>
public sealed record LoanRow(long AssignmentId, string AssetTag, string? HolderName, DateTimeOffset OutAt, DateOnly? DueOn, bool Overdue, long? TicketId);

public sealed record PoolDevice(string AssetTag, string Serial, DeviceStatus Status);

/// <summary>One pool: its card, the loans out (soonest due first, overdue ones flagged), its devices a page at a time, and the site's tickets waiting for a loaner.</summary>
public sealed record PoolDetail(PoolCard Pool, IReadOnlyList<LoanRow> Loans, PagedResult<PoolDevice> Devices, IReadOnlyList<DeviceTicket> Waiting);

public sealed record CreatePool(Guid? SiteId, string? Name, int? LoanDays);

public sealed record PoolSummary(Guid Id, Guid SiteId, string Name, int LoanDays);

/// <summary>Asset tags (or serials) to put into the pool and to take out of it.</summary>
public sealed record ChangePoolDevices(IReadOnlyList<string>? Add, IReadOnlyList<string>? Remove);

public sealed record PoolDevicesChanged(int Added, int Removed, int Unchanged);

/// <summary>
/// A loan from the pool: for a ticket (its number), to the borrower (a scanned student or staff number, a Directory id, or
/// else the ticket's requester), of a pool device (or the first available), due back on a day (or today + the pool's loan days).
/// </summary>
public sealed record Lend(string? Ticket, string? PersonNumber = null, Guid? PersonId = null, string? Device = null, DateOnly? DueOn = null);

/// <summary>What a lend did: the loan, whether the ticket was noted now, whether it was a repeat that changed nothing.</summary>
public sealed record LoanDone(long AssignmentId, string AssetTag, string HolderName, DateOnly DueOn, string? TicketNumber, bool TicketNoted, bool Repeated, IReadOnlyList<string> Warnings);

public sealed record ReturnLoan(string? Device, Condition Condition = Condition.A, string? Notes = null);

/// <summary>
/// Loaner pools per site: their use and recommended size, the devices in them, and lending from a help desk ticket. A loan
/// goes out and comes back through <see cref="Custody"/>; the ticket is told through <see cref="IDeviceTickets"/>.
/// </summary>
public sealed class LendLoanersHandler(
    AppDbContext db, Custody custody, DeviceHistory history, IDeviceTickets tickets, ISiteDirectory sites, IPeopleDirectory people, DistrictTime time)
{
    public const int MaxLoanDays = 180;
    public const int UtilizationDays = 90;
    public const int SizingDays = 365;
    public const int MaxTagsAtOnce = 500;
    public const int WaitingShown = 50;

    public async Task<IReadOnlyList<PoolCard>> ListAsync(DeviceUser user, CancellationToken cancellationToken)
    {
        var pools = await Visible(user).OrderBy(p => p.Name).ToListAsync(cancellationToken);
        return await CardsAsync(pools, cancellationToken);
    }

    public async Task<Result<PoolDetail>> DetailAsync(Guid poolId, DeviceUser user, PageRequest page, CancellationToken cancellationToken)
    {
        if (await Visible(user).FirstOrDefaultAsync(p => p.Id == poolId, cancellationToken) is not { } pool)
        {
            return Result.NotFound($"There is no loaner pool {poolId}.");
        }

        var card = (await CardsAsync([pool], cancellationToken))[0];
        var loans = await LoansAsync(pool, user, cancellationToken);
        var devices = await db.Set<Device>().AsNoTracking().Where(d => d.PoolId == poolId).OrderBy(d => d.AssetTag)
            .Select(d => new PoolDevice(d.AssetTag, d.Serial, d.Status)).ToPagedResultAsync(page, cancellationToken);
        var waiting = await tickets.WaitingForLoanerAsync([pool.SiteId], user.Principal, WaitingShown, cancellationToken);
        var ids = waiting.Select(t => t.Id).ToList();
        var served = await db.Set<Assignment>().Where(a => a.IsLoan && a.InAt == null && a.TicketId != null && ids.Contains(a.TicketId.Value))
            .Select(a => a.TicketId!.Value).ToListAsync(cancellationToken);
        return new PoolDetail(card, loans, devices, waiting.Where(t => !served.Contains(t.Id)).ToList());
    }

    /// <summary>A new pool at a site; the same name again at the same site with the same loan days changes nothing.</summary>
    public async Task<Result<PoolSummary>> CreateAsync(CreatePool command, DeviceUser user, CancellationToken cancellationToken)
    {
        var errors = new ErrorList();
        var name = errors.Required("name", command.Name, "Name the pool, for example “Library loaners”.");
        errors.MaxLength("name", name, LoanerPool.NameMaxLength);
        errors.Range("loanDays", command.LoanDays, 1, MaxLoanDays, $"Loan days: expected a whole number from 1 to {MaxLoanDays}; got {command.LoanDays}.");
        var site = command.SiteId is { } siteId ? await sites.FindAsync(siteId, cancellationToken) : null;
        if (site is null || !user.Scope.Covers(site.Id))
        {
            errors.Add("siteId", command.SiteId is null ? "Choose the site the pool lends at." : $"There is no site {command.SiteId} you manage devices at.");
        }

        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        var loanDays = command.LoanDays ?? new LoanerPool { Name = "" }.LoanDays;
        if (await db.Set<LoanerPool>().FirstOrDefaultAsync(p => p.SiteId == site!.Id && p.Name == name, cancellationToken) is { } existing)
        {
            return existing.LoanDays == loanDays
                ? Summary(existing)
                : Result.Conflict($"{site!.Name} already has a loaner pool named {existing.Name}, lending for {existing.LoanDays} days.");
        }

        var pool = new LoanerPool { Id = Guid.NewGuid(), SiteId = site!.Id, Name = name!, LoanDays = loanDays };
        db.Add(pool);
        await db.SaveChangesAsync(cancellationToken);
        return Summary(pool);
    }

    /// <summary>
    /// Puts devices in stock into the pool (moving them to the pool's site) and takes devices that are not out on loan
    /// out of it. Every tag is checked first; one refused tag refuses them all and nothing changes. A device already where it
    /// was asked to be is left alone, so a retry changes nothing.
    /// </summary>
    public async Task<Result<PoolDevicesChanged>> ChangeDevicesAsync(Guid poolId, ChangePoolDevices command, DeviceUser user, CancellationToken cancellationToken)
    {
        if (await Visible(user).FirstOrDefaultAsync(p => p.Id == poolId, cancellationToken) is not { } pool)
        {
            return Result.NotFound($"There is no loaner pool {poolId}.");
        }

        var add = Tags(command.Add);
        var remove = Tags(command.Remove);
        var errors = new ErrorList();
        if (add.Count + remove.Count == 0)
        {
            errors.Add("add", "Give at least one asset tag to add to the pool or to remove from it.");
        }
        else if (add.Count + remove.Count > MaxTagsAtOnce)
        {
            errors.Add("add", $"At most {MaxTagsAtOnce} tags at once; these are {add.Count + remove.Count}.");
        }

        foreach (var both in add.Intersect(remove))
        {
            errors.Add("remove", $"{both} is both to add and to remove; keep it in one list.");
        }

        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        var keys = add.Concat(remove).ToList();
        var devices = await db.Set<Device>().Where(d => keys.Contains(d.AssetTag) || keys.Contains(d.Serial)).ToListAsync(cancellationToken);
        var poolNames = await db.Set<LoanerPool>().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        Device? Find(string key) => devices.FirstOrDefault(d => d.AssetTag == key) ?? devices.FirstOrDefault(d => d.Serial == key);
        var toAdd = Check(add, Find, d => AddRefusal(d, pool, poolNames), user, "add", errors);
        var toRemove = Check(remove, Find, d => RemoveRefusal(d, pool, poolNames), user, "remove", errors);
        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        var siteName = (await sites.FindAsync(pool.SiteId, cancellationToken))?.Name ?? "the pool's site";
        foreach (var device in toAdd.Where(d => d.PoolId != pool.Id))
        {
            var moved = device.SiteId != pool.SiteId;
            (device.PoolId, device.SiteId, device.Room) = (pool.Id, pool.SiteId, moved ? null : device.Room);
            history.Add(device, user, DeviceEventKind.Edited, $"Added to the loaner pool {pool.Name}" + (moved ? $", moved to {siteName}." : "."));
        }

        foreach (var device in toRemove.Where(d => d.PoolId == pool.Id))
        {
            device.PoolId = null;
            history.Add(device, user, DeviceEventKind.Edited, $"Removed from the loaner pool {pool.Name}.");
        }

        var added = toAdd.Count(d => db.Entry(d).State == EntityState.Modified);
        var removed = toRemove.Count(d => db.Entry(d).State == EntityState.Modified);
        await db.SaveChangesAsync(cancellationToken);
        return new PoolDevicesChanged(added, removed, toAdd.Count + toRemove.Count - added - removed);
    }

    /// <summary>
    /// Lends a pool device through <see cref="Custody"/> and then notes it on the ticket, which restores instruction on an
    /// instruction-disrupted ticket. The same lend again (the ticket, or without a ticket the borrower, already has a loaner
    /// out of this pool) changes nothing and answers with the loan that is out.
    /// </summary>
    public async Task<Result<LoanDone>> LendAsync(Guid poolId, Lend command, DeviceUser user, CancellationToken cancellationToken)
    {
        if (await Visible(user).FirstOrDefaultAsync(p => p.Id == poolId, cancellationToken) is not { } pool)
        {
            return Result.NotFound($"There is no loaner pool {poolId}.");
        }

        var checkedLend = await CheckAsync(pool, command, user, cancellationToken);
        if (!checkedLend.Succeeded)
        {
            return checkedLend.Failure;
        }

        var (ticket, personId, personNumber, due) = checkedLend.Value;
        if (await OpenLoanAsync(pool.Id, ticket?.Id, personId, cancellationToken) is { } earlier)
        {
            return await RepeatedAsync(earlier, ticket, user, cancellationToken);
        }

        var tag = Blank(command.Device) ?? await db.Set<Device>().Where(d => d.PoolId == pool.Id && d.Status == DeviceStatus.InStock)
            .OrderBy(d => d.AssetTag).Select(d => d.AssetTag).FirstOrDefaultAsync(cancellationToken);
        if (tag is null)
        {
            return Result.Conflict($"No device of {pool.Name} is available: every one is out on loan or in repair.");
        }

        Result<CustodyDone> done;
        try
        {
            done = await custody.CheckOutAsync(new CheckOut(tag, personId, personNumber) { Loan = new Loan(pool.Id, ticket?.Id, due) }, user, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same lend a moment earlier (a double click) took the device first: answer with its loan.
            db.ChangeTracker.Clear();
            return await OpenLoanAsync(pool.Id, ticket?.Id, personId, cancellationToken) is { } raced
                ? await RepeatedAsync(raced, ticket, user, cancellationToken)
                : Result.Conflict($"{tag} went out at the same moment; lend another device.");
        }

        if (!done.Succeeded)
        {
            return done.Failure;
        }

        var warnings = done.Value.Warnings.ToList();
        var noted = ticket is not null && await NoteAsync(ticket, done.Value.AssetTag, due, user, warnings, cancellationToken);
        return new LoanDone(done.Value.AssignmentId, done.Value.AssetTag, done.Value.HolderName, due, ticket?.Number, noted, done.Value.Repeated, warnings);
    }

    /// <summary>Takes a loaner back into its pool through <see cref="Custody"/>; a second return of the same device changes nothing.</summary>
    public async Task<Result<CustodyDone>> ReturnAsync(Guid poolId, ReturnLoan command, DeviceUser user, CancellationToken cancellationToken)
    {
        if (await Visible(user).FirstOrDefaultAsync(p => p.Id == poolId, cancellationToken) is not { } pool)
        {
            return Result.NotFound($"There is no loaner pool {poolId}.");
        }

        var errors = new ErrorList();
        var tag = errors.Required("device", command.Device, "Scan or type the loaner's asset tag.");
        errors.Defined("condition", (Condition?)command.Condition);
        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        var device = await custody.FindAsync(tag!, cancellationToken);
        return device is null || device.PoolId != pool.Id
            ? Result.NotFound($"{tag} is not a device of the loaner pool {pool.Name}.")
            : await custody.CheckInAsync(new CheckIn(device.AssetTag, command.Condition, Accessories.None, command.Notes), user, cancellationToken);
    }

    private async Task<Result<(DeviceTicket? Ticket, Guid? PersonId, string? PersonNumber, DateOnly Due)>> CheckAsync(
        LoanerPool pool, Lend command, DeviceUser user, CancellationToken cancellationToken)
    {
        var errors = new ErrorList();
        DeviceTicket? ticket = null;
        if (Blank(command.Ticket) is { } number)
        {
            ticket = await tickets.FindAsync(number, user.Principal, cancellationToken);
            if (ticket is null)
            {
                errors.Add("ticket", $"There is no ticket {number} that you can see.");
            }
            else if (!ticket.Open)
            {
                errors.Add("ticket", $"{ticket.Number} is {ticket.Status.ToLowerInvariant()}; a loaner goes out for an open ticket.");
            }
        }

        var personNumber = Blank(command.PersonNumber);
        var personId = personNumber is null ? command.PersonId ?? ticket?.RequesterPersonId : null;
        if (personNumber is null && personId is null && !errors.Has("ticket"))
        {
            errors.Add("personNumber", ticket is null
                ? "Give the ticket the loaner is for, or scan the borrower's student or staff number."
                : $"The requester of {ticket.Number} is not in the Directory; scan the borrower's student or staff number.");
        }

        var today = time.Today;
        var due = command.DueOn ?? today.AddDays(pool.LoanDays);
        if (due < today || due > today.AddDays(MaxLoanDays))
        {
            errors.Add("dueOn", $"Due date: expected a day from today ({today:yyyy-MM-dd}) to {MaxLoanDays} days ahead; got {due:yyyy-MM-dd}.");
        }

        if (personNumber is not null && !errors.Any && ticket is null)
        {
            // Without a ticket, the borrower is what makes a retry the same lend: find who the number names.
            personId = (await people.FindByNumberAsync(personNumber, user.Reader, cancellationToken))?.Id;
            personNumber = personId is null ? personNumber : null;
        }

        return errors.Any ? Result.Invalid(errors) : (ticket, personId, personNumber, due);
    }

    private Task<Assignment?> OpenLoanAsync(Guid poolId, long? ticketId, Guid? personId, CancellationToken cancellationToken)
    {
        var open = db.Set<Assignment>().AsNoTracking().Where(a => a.PoolId == poolId && a.IsLoan && a.InAt == null);
        return ticketId is { } id ? open.FirstOrDefaultAsync(a => a.TicketId == id, cancellationToken)
            : personId is { } person ? open.FirstOrDefaultAsync(a => a.TicketId == null && a.HolderId == person, cancellationToken)
            : Task.FromResult<Assignment?>(null);
    }

    private async Task<LoanDone> RepeatedAsync(Assignment loan, DeviceTicket? ticket, DeviceUser user, CancellationToken cancellationToken)
    {
        var tag = await db.Set<Device>().Where(d => d.Id == loan.DeviceId).Select(d => d.AssetTag).FirstAsync(cancellationToken);
        var due = loan.DueOn ?? time.Today;
        var warnings = new List<string> { $"{tag} is already out on loan to {loan.HolderName}" + (ticket is null ? "" : $" for {ticket.Number}") + "; nothing changed." };
        // Noting again changes nothing when the ticket was noted; it notes a ticket the first attempt could not reach.
        var noted = ticket is not null && await NoteAsync(ticket, tag, due, user, warnings, cancellationToken);
        return new LoanDone(loan.Id, tag, loan.HolderName, due, ticket?.Number, noted, Repeated: true, warnings);
    }

    private async Task<bool> NoteAsync(DeviceTicket ticket, string tag, DateOnly due, DeviceUser user, List<string> warnings, CancellationToken cancellationToken)
    {
        var noted = await tickets.LoanerIssuedAsync(ticket.Number, tag, due, user.Principal, cancellationToken);
        if (!noted.Succeeded)
        {
            warnings.Add($"The loan is recorded, but {ticket.Number} could not be noted: {noted.Failure.Message}");
        }

        return noted.Succeeded && noted.Value;
    }

    private async Task<IReadOnlyList<LoanRow>> LoansAsync(LoanerPool pool, DeviceUser user, CancellationToken cancellationToken)
    {
        var today = time.Today;
        var loans = await db.Set<Assignment>().AsNoTracking().Where(a => a.PoolId == pool.Id && a.IsLoan && a.InAt == null)
            .Join(db.Set<Device>(), a => a.DeviceId, d => d.Id, (a, d) => new { a.Id, d.AssetTag, a.HolderKind, a.HolderId, a.HolderName, a.SiteId, a.OutAt, a.DueOn, a.TicketId })
            .OrderBy(a => a.DueOn).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        var rows = new List<LoanRow>();
        foreach (var loan in loans)
        {
            var student = loan.HolderKind == HolderKind.Student;
            var shown = !student || people.MayShowFamily(user.Principal, loan.SiteId ?? pool.SiteId);
            if (student && shown && loan.HolderId is { } holder)
            {
                await people.ShownAsync(holder, user.Reader, cancellationToken);
            }

            rows.Add(new LoanRow(loan.Id, loan.AssetTag, shown ? loan.HolderName : null, loan.OutAt, loan.DueOn, loan.DueOn < today, loan.TicketId));
        }

        return rows;
    }

    private async Task<IReadOnlyList<PoolCard>> CardsAsync(IReadOnlyList<LoanerPool> pools, CancellationToken cancellationToken)
    {
        var ids = pools.Select(p => p.Id).ToList();
        var siteIds = pools.Select(p => p.SiteId).Distinct().ToList();
        var (now, today) = (time.Now, time.Today);
        var since = now.AddDays(-UtilizationDays);
        // Every pool at the pools' sites: the recommendation is the site's, so its card compares it with all the site's loaners.
        var sitePools = await db.Set<LoanerPool>().Where(p => siteIds.Contains(p.SiteId)).Select(p => new { p.Id, p.SiteId }).ToListAsync(cancellationToken);
        var allIds = sitePools.Select(p => p.Id).ToList();
        var byStatus = await db.Set<Device>().Where(d => d.PoolId != null && allIds.Contains(d.PoolId.Value))
            .GroupBy(d => new { d.PoolId, d.Status }).Select(g => new { g.Key.PoolId, g.Key.Status, Count = g.Count() }).ToListAsync(cancellationToken);
        var inService = allIds.ToDictionary(id => id, id => byStatus.Where(s => s.PoolId == id && DeviceStatuses.InService(s.Status)).Sum(s => s.Count));
        var loans = await db.Set<Assignment>().Where(a => a.IsLoan && a.PoolId != null && ids.Contains(a.PoolId.Value) && (a.InAt == null || a.InAt > since))
            .Select(a => new { a.PoolId, a.OutAt, a.InAt, a.DueOn }).ToListAsync(cancellationToken);
        var sizing = await SizingAsync(siteIds, cancellationToken);
        var names = (await sites.ListAsync(cancellationToken)).ToDictionary(s => s.Id, s => s.Name);
        return pools.Select(pool =>
        {
            var devices = inService[pool.Id];
            var mine = loans.Where(l => l.PoolId == pool.Id).ToList();
            var open = mine.Where(l => l.InAt == null).ToList();
            var site = sitePools.Where(s => s.SiteId == pool.SiteId).Select(s => inService[s.Id]).ToList();
            return new PoolCard(
                pool.Id, pool.Name, pool.SiteId, names.GetValueOrDefault(pool.SiteId, "Former site"), pool.LoanDays, devices, open.Count,
                byStatus.Where(s => s.PoolId == pool.Id && s.Status == DeviceStatus.InStock).Sum(s => s.Count), open.Count(l => l.DueOn < today),
                PoolSizing.Utilization(mine.Select(l => (l.OutAt, l.InAt)), devices, now, UtilizationDays), sizing[pool.SiteId], site.Count, site.Sum());
        }).ToList();
    }

    /// <summary>The inputs of each site's recommended pool size, counted at the site's devices over the last year.</summary>
    private async Task<Dictionary<Guid, PoolSize>> SizingAsync(IReadOnlyList<Guid> siteIds, CancellationToken cancellationToken)
    {
        var since = time.Now.AddDays(-SizingDays);
        var devices = db.Set<Device>().Where(d => d.SiteId != null && siteIds.Contains(d.SiteId.Value));
        var damaged = db.Set<Incident>().Where(i => i.Kind == IncidentKind.Damaged && i.ReportedAt >= since);
        var incidents = await damaged.Join(devices, i => i.DeviceId, d => d.Id, (i, d) => d.SiteId!.Value)
            .GroupBy(site => site).Select(g => new { Site = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Site, g => g.Count, cancellationToken);
        // A repair opened for a damaged incident already counted is the same failure, and a cancelled one was none.
        var opened = await db.Set<RepairOrder>().Where(r => r.OpenedAt >= since && r.Status != RepairStatus.Cancelled && !damaged.Any(i => i.Id == r.IncidentId))
            .Join(devices, r => r.DeviceId, d => d.Id, (r, d) => d.SiteId!.Value)
            .GroupBy(site => site).Select(g => new { Site = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Site, g => g.Count, cancellationToken);
        var closed = await db.Set<RepairOrder>().Where(r => r.Status == RepairStatus.Done && r.ClosedAt != null && r.ClosedAt >= since)
            .Join(devices, r => r.DeviceId, d => d.Id, (r, d) => new { Site = d.SiteId!.Value, r.OpenedAt, ClosedAt = r.ClosedAt!.Value }).ToListAsync(cancellationToken);
        return siteIds.ToDictionary(site => site, site => PoolSizing.Recommend(
            incidents.GetValueOrDefault(site), opened.GetValueOrDefault(site),
            closed.Where(r => r.Site == site).Select(r => PoolSizing.TurnaroundDays(r.OpenedAt, r.ClosedAt)).ToList()));
    }

    private IQueryable<LoanerPool> Visible(DeviceUser user) =>
        user.Scope.Sites is { } sites ? db.Set<LoanerPool>().Where(p => sites.Contains(p.SiteId)) : db.Set<LoanerPool>();

    private static List<Device> Check(IReadOnlyList<string> keys, Func<string, Device?> find, Func<Device, string?> refusal, DeviceUser user, string field, ErrorList errors)
    {
        var found = new List<Device>();
        foreach (var key in keys)
        {
            var device = find(key);
            var refused = device is null || !user.Scope.Covers(device.SiteId) ? $"{key}: no device has this tag or serial." : refusal(device) is { } why ? $"{key}: {why}" : null;
            if (refused is not null)
            {
                errors.Add(field, refused);
            }
            else if (!found.Contains(device!))
            {
                found.Add(device!);
            }
        }

        return found;
    }

    private static string? AddRefusal(Device device, LoanerPool pool, Dictionary<Guid, string> pools) =>
        device.PoolId == pool.Id ? null
        : device.PoolId is { } other ? $"in the loaner pool {pools.GetValueOrDefault(other)}; remove it there first."
        : device.Status != DeviceStatus.InStock ? $"{DeviceStatuses.Words(device.Status)}; only a device in stock can join a loaner pool."
        : null;

    private static string? RemoveRefusal(Device device, LoanerPool pool, Dictionary<Guid, string> pools) =>
        device.PoolId is { } other && other != pool.Id ? $"in the loaner pool {pools.GetValueOrDefault(other)}, not this one."
        : device.PoolId == pool.Id && device.Status == DeviceStatus.Loaner ? "out on loan; take it back before it leaves the pool."
        : null;

    private static List<string> Tags(IReadOnlyList<string>? values) =>
        (values ?? []).SelectMany(v => v.Split([',', '\n', '\r', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            .Select(Custody.Normalize).Distinct(StringComparer.Ordinal).ToList();

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static PoolSummary Summary(LoanerPool pool) => new(pool.Id, pool.SiteId, pool.Name, pool.LoanDays);
}
