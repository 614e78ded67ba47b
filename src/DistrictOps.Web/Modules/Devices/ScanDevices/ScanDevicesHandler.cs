using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Devices.ScanDevices;

/// <summary>A check-out scan: the person's scanned number (student number, employee id) and the device's tag or serial.</summary>
public sealed record ScanCheckOutCommand(string? Person, string? Device, IReadOnlyList<string>? Accessories = null);

/// <summary>A check-in scan: the device's tag or serial, its condition (A to D, A when not given), what came back with it.</summary>
public sealed record ScanCheckInCommand(string? Device, string? Condition = null, IReadOnlyList<string>? Accessories = null, string? Notes = null);

/// <summary>
/// What a scan did. <see cref="Holder"/> is "A student" where the student rule hides the name; <see cref="Repeated"/> says
/// the scan repeated one already done and changed nothing; warnings never block.
/// </summary>
public sealed record ScanDone(long AssignmentId, string AssetTag, string Model, string Holder, DeviceStatus Status, bool Repeated, IReadOnlyList<string> Warnings);

/// <summary>The person a check-out's next device goes to.</summary>
public sealed record ScannedPerson(string Number, string Name, string Kind);

/// <summary>An audit open for scanning, as the scan page offers it.</summary>
public sealed record OpenAudit(long Id, string Name, ScanProgress Progress);

/// <summary>
/// The scan-first bulk flows: a cart of devices checked out one person at a time, a pile checked in, each through
/// <see cref="Custody"/>, and the last scan undone. Bad input names its field and changes nothing.
/// </summary>
public sealed class ScanDevicesHandler(AppDbContext db, Custody custody, IPeopleDirectory people)
{

    /// <summary>The person a scanned number names, for the next device; a device's tag scanned first is named as such.</summary>
    public async Task<Result<ScannedPerson>> PersonAsync(string? number, DeviceUser user, CancellationToken cancellationToken)
    {
        var errors = new ErrorList();
        var term = errors.Required("person", number, "Scan the student's or staff member's number.");
        errors.MaxLength("person", term, ScanRules.CodeMaxLength);
        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        var person = await people.FindByNumberAsync(term!, user.Reader, cancellationToken);
        if (person is null)
        {
            return await custody.FindAsync(term!, user.Scope, cancellationToken) is { } device
                ? Result.Invalid("person", $"{device.AssetTag} is a device; scan the student's or staff member's number first.")
                : Result.NotFound($"No current student or staff member has the number {term}.");
        }

        return Custody.NotAHolder(person) is { } refused ? refused : new ScannedPerson(term!, person.Name, person.Kind);
    }

    public async Task<Result<ScanDone>> CheckOutAsync(ScanCheckOutCommand command, DeviceUser user, CancellationToken cancellationToken)
    {
        var errors = new ErrorList();
        var person = errors.Required("person", command.Person, "Scan the student's or staff member's number.");
        errors.MaxLength("person", person, ScanRules.CodeMaxLength);
        var device = errors.Required("device", command.Device, "Scan the device's asset tag.");
        errors.MaxLength("device", device, ScanRules.CodeMaxLength);
        var accessories = ScanRules.ParseAccessories(command.Accessories, errors);
        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        var done = await custody.CheckOutAsync(new CheckOut(device!, PersonNumber: person, Accessories: accessories), user, cancellationToken);
        return done.Succeeded ? await DoneAsync(done.Value, done.Value.HolderName, cancellationToken) : done.Failure;
    }

    public async Task<Result<ScanDone>> CheckInAsync(ScanCheckInCommand command, DeviceUser user, CancellationToken cancellationToken)
    {
        var errors = new ErrorList();
        var device = errors.Required("device", command.Device, "Scan the device's asset tag.");
        errors.MaxLength("device", device, ScanRules.CodeMaxLength);
        var condition = ScanRules.ParseCondition(command.Condition, errors);
        var accessories = ScanRules.ParseAccessories(command.Accessories, errors);
        errors.MaxLength("notes", command.Notes, Assignment.NotesMaxLength);
        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        var notes = string.IsNullOrWhiteSpace(command.Notes) ? null : command.Notes.Trim();
        var done = await custody.CheckInAsync(new CheckIn(device!, condition, accessories, notes), user, cancellationToken);
        if (!done.Succeeded)
        {
            return done.Failure;
        }

        var holder = await HolderOf(done.Value.AssignmentId).FirstAsync(cancellationToken);
        return await DoneAsync(done.Value, await ShownAsync(holder, done.Value.HolderName, user, cancellationToken), cancellationToken);
    }

    /// <summary>Takes back the user's last scan (<see cref="Custody.UndoAsync"/>): a check-out removed, a check-in reopened.</summary>
    public async Task<Result<ScanDone>> UndoAsync(long assignmentId, DeviceUser user, CancellationToken cancellationToken)
    {
        var holder = await HolderOf(assignmentId).FirstOrDefaultAsync(cancellationToken);
        var undone = await custody.UndoAsync(assignmentId, user, cancellationToken);
        if (!undone.Succeeded)
        {
            return undone.Failure;
        }

        return await DoneAsync(undone.Value, await ShownAsync(holder!, undone.Value.HolderName, user, cancellationToken), cancellationToken);
    }

    /// <summary>The audits open at the user's sites, newest first, with how far each has come.</summary>
    public async Task<IReadOnlyList<OpenAudit>> OpenAuditsAsync(DeviceUser user, CancellationToken cancellationToken)
    {
        var open = await db.Set<Audit>().AsNoTracking().Where(a => a.ClosedAt == null).OrderByDescending(a => a.StartedAt).ThenByDescending(a => a.Id)
            .Select(a => new { a.Id, a.Name, a.SiteId, a.ExpectedCount }).ToListAsync(cancellationToken);
        var ids = open.Where(a => user.Scope.Covers(a.SiteId)).Select(a => a.Id).ToList();
        var counts = await db.Set<AuditItem>().Where(i => ids.Contains(i.AuditId))
            .GroupBy(i => i.AuditId)
            .Select(g => new { g.Key, Found = g.Count(i => i.Expected && i.ScannedAt != null), Unexpected = g.Count(i => !i.Expected) })
            .ToDictionaryAsync(g => g.Key, cancellationToken);
        return open.Where(a => ids.Contains(a.Id))
            .Select(a => new OpenAudit(a.Id, a.Name, new ScanProgress(counts.GetValueOrDefault(a.Id)?.Found ?? 0, a.ExpectedCount, counts.GetValueOrDefault(a.Id)?.Unexpected ?? 0)))
            .ToList();
    }

    private IQueryable<AssignmentHolder> HolderOf(long assignmentId) =>
        db.Set<Assignment>().AsNoTracking().Where(a => a.Id == assignmentId).Select(a => new AssignmentHolder(a.HolderKind, a.HolderId, a.SiteId));

    /// <summary>A student's name where the student rule lets the user see it (and the showing is logged), else "A student".</summary>
    private async Task<string> ShownAsync(AssignmentHolder holder, string name, DeviceUser user, CancellationToken cancellationToken)
    {
        if (holder.Kind != HolderKind.Student || holder.PersonId is not { } studentId)
        {
            return name;
        }

        if (!FamilyNames.MayShow(people, user, holder.SiteId))
        {
            return FamilyNames.Hidden;
        }

        await people.ShownAsync(studentId, user.Reader, cancellationToken);
        return name;
    }

    private async Task<ScanDone> DoneAsync(CustodyDone done, string holder, CancellationToken cancellationToken)
    {
        var model = done.Model.Length > 0 ? done.Model
            : await db.Set<Device>().Where(d => d.Id == done.DeviceId).Join(db.Set<DeviceStandard>(), d => d.StandardId, s => s.Id, (_, s) => s.Model).FirstAsync(cancellationToken);
        var warnings = holder == done.HolderName ? done.Warnings : done.Warnings.Select(w => w.Replace(done.HolderName, FamilyNames.Hidden, StringComparison.Ordinal)).ToList();
        return new ScanDone(done.AssignmentId, done.AssetTag, model, holder, done.Status, done.Repeated, warnings);
    }

    private sealed record AssignmentHolder(HolderKind Kind, Guid? PersonId, Guid? SiteId);
}
