using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Devices.Register;

/// <summary>A check-out: the device by tag or serial, and a person (by Directory id or scanned number) or a room.</summary>
public sealed record CheckOut(string Device, Guid? PersonId = null, string? PersonNumber = null, string? Room = null, Guid? SiteId = null, Accessories Accessories = Accessories.None)
{
    /// <summary>A loan: from this pool, for this ticket, due back on this day.</summary>
    public Loan? Loan { get; init; }
}

public sealed record Loan(Guid PoolId, long? TicketId, DateOnly DueOn);

public sealed record CheckIn(string Device, Condition Condition = Condition.A, Accessories Accessories = Accessories.None, string? Notes = null);

/// <summary>What a check-out or check-in did: the assignment, the device, and warnings to show (agreement missing, repeat incidents).</summary>
public sealed record CustodyDone(long AssignmentId, Guid DeviceId, string AssetTag, string Model, string HolderName, DeviceStatus Status, bool Repeated, IReadOnlyList<string> Warnings);

/// <summary>
/// Check-out, check-in and undo: the one place a device goes out or comes back, for the device page, the scan-first
/// bulk flows, loans and the API. A repeat of the same scan changes nothing and says so; a fee never blocks a check-out.
/// </summary>
public sealed class Custody(AppDbContext db, DeviceHistory history, IPeopleDirectory people)
{
    public const int RepeatIncidentThreshold = 2;

    /// <summary>The device a scanned or typed tag or serial names; tags are stored in upper case.</summary>
    public Task<Device?> FindAsync(string tagOrSerial, CancellationToken cancellationToken)
    {
        var key = Normalize(tagOrSerial);
        return db.Set<Device>().Where(d => d.AssetTag == key || d.Serial == key).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The device, or null when there is none or it is at a site outside <paramref name="scope"/>: the one lookup of every page and API that names a device.</summary>
    public async Task<Device?> FindAsync(string tagOrSerial, DeviceScope scope, CancellationToken cancellationToken) =>
        await FindAsync(tagOrSerial, cancellationToken) is { } device && scope.Covers(device.SiteId) ? device : null;

    public static string Normalize(string tag) => tag.Trim().ToUpperInvariant();

    public async Task<Result<CustodyDone>> CheckOutAsync(CheckOut command, DeviceUser user, CancellationToken cancellationToken)
    {
        var device = await FindAsync(command.Device, user.Scope, cancellationToken);
        if (device is null)
        {
            return Result.NotFound($"No device has the tag or serial {command.Device.Trim()}.");
        }

        var holder = await HolderAsync(command, device, user, cancellationToken);
        if (!holder.Succeeded)
        {
            return holder.Failure;
        }

        var (kind, person, room, siteId) = holder.Value;
        var open = await db.Set<Assignment>().Where(a => a.DeviceId == device.Id && a.InAt == null).FirstOrDefaultAsync(cancellationToken);
        if (open is not null)
        {
            return open.HolderId == person?.Id && open.Room == room && open.IsLoan == (command.Loan is not null)
                ? await DoneAsync(open, device, repeated: true, cancellationToken)
                : Result.Conflict($"{device.AssetTag} is already out with {open.HolderName} since {open.OutAt:yyyy-MM-dd}; check it in first.");
        }

        var refused = Ready(device, command.Loan);
        if (refused is not null)
        {
            return Result.Conflict(refused);
        }

        var assignment = new Assignment
        {
            DeviceId = device.Id, HolderKind = kind, HolderId = person?.Id, HolderName = person?.Name ?? $"Room {room}", SiteId = siteId, Room = room,
            AccessoriesOut = command.Accessories, OutAt = history.Now, OutByName = user.Name, OutByUserId = user.UserId,
            IsLoan = command.Loan is not null, PoolId = command.Loan?.PoolId, TicketId = command.Loan?.TicketId, DueOn = command.Loan?.DueOn,
            AgreementOnFile = kind != HolderKind.Student || await AgreementOnFileAsync(person!.Id, cancellationToken),
        };
        db.Add(assignment);
        (device.HolderKind, device.HolderId, device.HolderName, device.Room, device.AccessoriesOut) = (kind, person?.Id, assignment.HolderName, room ?? device.Room, command.Accessories);
        device.SiteId = siteId ?? device.SiteId;
        history.Move(device, command.Loan is null ? DeviceStatus.Assigned : DeviceStatus.Loaner, user,
            command.Loan is null ? DeviceEventKind.CheckedOut : DeviceEventKind.Loaned, $"To {assignment.HolderName}" + (command.Loan is { } loan ? $", due {loan.DueOn:yyyy-MM-dd}" : ""));
        await db.SaveChangesAsync(cancellationToken);
        return await DoneAsync(assignment, device, repeated: false, cancellationToken);
    }

    public async Task<Result<CustodyDone>> CheckInAsync(CheckIn command, DeviceUser user, CancellationToken cancellationToken)
    {
        var device = await FindAsync(command.Device, user.Scope, cancellationToken);
        if (device is null)
        {
            return Result.NotFound($"No device has the tag or serial {command.Device.Trim()}.");
        }

        if (command.Notes is { Length: > Assignment.NotesMaxLength })
        {
            return Result.Invalid("notes", $"At most {Assignment.NotesMaxLength} characters; this is {command.Notes.Length}.");
        }

        var open = await db.Set<Assignment>().Where(a => a.DeviceId == device.Id && a.InAt == null).FirstOrDefaultAsync(cancellationToken);
        if (open is null)
        {
            var last = await db.Set<Assignment>().Where(a => a.DeviceId == device.Id).OrderByDescending(a => a.Id).FirstOrDefaultAsync(cancellationToken);
            return last is not null && device.Status is DeviceStatus.InStock or DeviceStatus.Damaged
                ? await DoneAsync(last, device, repeated: true, cancellationToken)
                : Result.Conflict($"{device.AssetTag} is {DeviceStatuses.Words(device.Status)}, not checked out.");
        }

        (open.InAt, open.InByName, open.ConditionIn, open.AccessoriesIn, open.NotesIn) = (history.Now, user.Name, command.Condition, command.Accessories, command.Notes?.Trim());
        (device.HolderKind, device.HolderId, device.HolderName, device.AccessoriesOut) = (null, null, null, Accessories.None);
        var missing = open.AccessoriesOut & ~command.Accessories;
        var detail = $"From {open.HolderName}, condition {command.Condition}" + (missing != Accessories.None ? $", missing {missing}" : "");
        history.Move(device, command.Condition == Condition.D ? DeviceStatus.Damaged : DeviceStatus.InStock, user,
            open.IsLoan ? DeviceEventKind.LoanReturned : DeviceEventKind.CheckedIn, detail);
        await db.SaveChangesAsync(cancellationToken);
        var done = await DoneAsync(open, device, repeated: false, cancellationToken);
        return missing == Accessories.None ? done : done.Value! with { Warnings = [.. done.Value!.Warnings, $"Not returned: {missing}."] };
    }

    /// <summary>
    /// Takes back the user's last scan: a check-out is removed, a check-in reopened. Only while nothing else has happened to
    /// the device since, and only the scan's own author may undo it.
    /// </summary>
    public async Task<Result<CustodyDone>> UndoAsync(long assignmentId, DeviceUser user, CancellationToken cancellationToken)
    {
        var assignment = await db.Set<Assignment>().FindAsync([assignmentId], cancellationToken);
        var device = assignment is null ? null : await db.Set<Device>().FindAsync([assignment.DeviceId], cancellationToken);
        if (assignment is null || device is null || !user.Scope.Covers(device.SiteId))
        {
            return Result.NotFound($"There is no scan {assignmentId} to undo.");
        }

        var lastEvent = await db.Set<DeviceEvent>().Where(e => e.DeviceId == device.Id).OrderByDescending(e => e.Id).FirstAsync(cancellationToken);
        var undoable = lastEvent.Kind is DeviceEventKind.CheckedOut or DeviceEventKind.CheckedIn or DeviceEventKind.Loaned or DeviceEventKind.LoanReturned
            && lastEvent.ActorUserId == user.UserId
            && (assignment.InAt is null ? assignment.OutAt <= lastEvent.At : assignment.InAt <= lastEvent.At);
        if (!undoable)
        {
            return Result.Conflict($"{device.AssetTag} has changed since that scan; open the device to correct it.");
        }

        var from = device.Status;
        if (assignment.InAt is null)
        {
            db.Remove(assignment);
            (device.HolderKind, device.HolderId, device.HolderName, device.AccessoriesOut, device.Status) = (null, null, null, Accessories.None, lastEvent.FromStatus ?? DeviceStatus.InStock);
        }
        else
        {
            (assignment.InAt, assignment.InByName, assignment.ConditionIn, assignment.AccessoriesIn, assignment.NotesIn) = (null, null, null, Accessories.None, null);
            (device.HolderKind, device.HolderId, device.HolderName, device.AccessoriesOut) = (assignment.HolderKind, assignment.HolderId, assignment.HolderName, assignment.AccessoriesOut);
            device.Status = assignment.IsLoan ? DeviceStatus.Loaner : DeviceStatus.Assigned;
        }

        history.Add(device, user, DeviceEventKind.Undone, $"Undid: {lastEvent.Detail}", from);
        await db.SaveChangesAsync(cancellationToken);
        return new CustodyDone(assignment.Id, device.Id, device.AssetTag, "", assignment.HolderName, device.Status, false, []);
    }

    /// <summary>
    /// Ends the device's open assignment without a return (lost or stolen): the holder no longer has it, and what went out
    /// with it did not come back. The caller moves the device's status, with its history line, and saves. Null when it was not out.
    /// </summary>
    public async Task<Assignment?> EndWithoutReturnAsync(Device device, DeviceUser user, string note, CancellationToken cancellationToken)
    {
        var open = await db.Set<Assignment>().Where(a => a.DeviceId == device.Id && a.InAt == null).FirstOrDefaultAsync(cancellationToken);
        if (open is not null)
        {
            (open.InAt, open.InByName, open.AccessoriesIn, open.NotesIn) = (history.Now, user.Name, Accessories.None, note);
            (device.HolderKind, device.HolderId, device.HolderName, device.AccessoriesOut) = (null, null, null, Accessories.None);
        }

        return open;
    }

    /// <summary>The refusal for a person who cannot hold a device (a guardian), or null.</summary>
    public static Failure? NotAHolder(PersonSummary person) =>
        person.Kind == "Guardian" ? Result.Invalid("person", $"{person.Name} is a guardian; devices go to students, staff or rooms.") : null;

    /// <summary>Whether the student's family has signed this school year's device agreement.</summary>
    public Task<bool> AgreementOnFileAsync(Guid studentId, CancellationToken cancellationToken)
    {
        var year = SchoolYear.Of(history.Today);
        return db.Set<DeviceAgreement>().AnyAsync(a => a.StudentId == studentId && a.SchoolYear == year, cancellationToken);
    }

    private static string? Ready(Device device, Loan? loan)
    {
        if (device.Status != DeviceStatus.InStock)
        {
            return $"{device.AssetTag} is {DeviceStatuses.Words(device.Status)}; only a device in stock can go out.";
        }

        if (loan is not null && device.PoolId != loan.PoolId)
        {
            return $"{device.AssetTag} is not in this loaner pool.";
        }

        return loan is null && device.PoolId is not null ? $"{device.AssetTag} is a loaner; lend it from its pool instead." : null;
    }

    private async Task<Result<(HolderKind Kind, PersonSummary? Person, string? Room, Guid? SiteId)>> HolderAsync(
        CheckOut command, Device device, DeviceUser user, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(command.Room))
        {
            var room = command.Room.Trim();
            if (room.Length > Device.RoomMaxLength)
            {
                return Result.Invalid("room", $"At most {Device.RoomMaxLength} characters; this is {room.Length}.");
            }

            var siteId = command.SiteId ?? device.SiteId;
            return siteId is null || !user.Scope.Covers(siteId)
                ? Result.Invalid("siteId", "Choose the site the room is at.")
                : (HolderKind.Room, null, room, siteId);
        }

        var person = command.PersonId is { } id ? await people.FindAsync(id, user.Reader, cancellationToken)
            : !string.IsNullOrWhiteSpace(command.PersonNumber) ? await people.FindByNumberAsync(command.PersonNumber, user.Reader, cancellationToken)
            : null;
        if (person is null)
        {
            return command.PersonId is null && string.IsNullOrWhiteSpace(command.PersonNumber)
                ? Result.Invalid("person", "Scan or choose the student or staff member, or give a room.")
                : Result.NotFound($"No current student or staff member has the number {command.PersonNumber ?? command.PersonId?.ToString()}.");
        }

        if (NotAHolder(person) is { } refused)
        {
            return refused;
        }

        var kind = person.Kind == "Student" ? HolderKind.Student : HolderKind.Staff;
        return (kind, person, null, person.PrimarySiteId is { } site && user.Scope.Covers(site) ? site : device.SiteId);
    }

    private async Task<Result<CustodyDone>> DoneAsync(Assignment assignment, Device device, bool repeated, CancellationToken cancellationToken)
    {
        var model = await db.Set<DeviceStandard>().Where(s => s.Id == device.StandardId).Select(s => s.Model).FirstAsync(cancellationToken);
        var warnings = new List<string>();
        if (repeated)
        {
            warnings.Add(assignment.InAt is null ? $"{device.AssetTag} was already out with {assignment.HolderName}; nothing changed." : $"{device.AssetTag} was already checked in; nothing changed.");
        }
        else if (assignment.InAt is null && assignment.HolderKind == HolderKind.Student)
        {
            if (!assignment.AgreementOnFile)
            {
                warnings.Add($"No device agreement on file for {assignment.HolderName} this school year; the device went out, ask the family to sign.");
            }

            var incidents = await db.Set<Incident>().CountAsync(i => i.StudentId == assignment.HolderId, cancellationToken);
            if (incidents >= RepeatIncidentThreshold)
            {
                warnings.Add($"{assignment.HolderName} has {incidents} device incidents on record.");
            }
        }

        return new CustodyDone(assignment.Id, device.Id, device.AssetTag, model, assignment.HolderName, device.Status, repeated, warnings);
    }
}
