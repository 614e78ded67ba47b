using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Devices.KeepFees;

public sealed record HeldDevice(
    long AssignmentId, string AssetTag, string Model, DateTimeOffset OutAt, DateTimeOffset? InAt, Accessories Accessories, bool IsLoan, DateOnly? DueOn,
    Condition? ConditionIn, string? NotesIn);

public sealed record StudentIncident(long Id, Guid StudentId, DateTimeOffset ReportedAt, string AssetTag, IncidentKind Kind, DamageCause? Cause, Responsibility Responsibility);

/// <summary>A student's device page: the name where the student rule allows it (else null), devices now and before, incidents, this year's agreement.</summary>
public sealed record StudentDevices(
    Guid StudentId, string? Name, IReadOnlyList<HeldDevice> Now, PagedResult<HeldDevice> Before, IReadOnlyList<StudentIncident> Incidents, int IncidentCount,
    bool RepeatIncidents, string SchoolYear, AgreementView? Agreement);

/// <summary>A paper agreement as staff record it: who signed it, and whether the family chose the voluntary protection.</summary>
public sealed record RecordPaperAgreement(Guid? StudentId, string? SignedByName, Guid? SignedByPersonId = null, bool ProtectionOptIn = false);

/// <summary>
/// The staff side of a student's devices and the family's fees: the student page, paper agreements, the family statement.
/// Students are found through the Directory's family links (current students only), at the reader's sites.
/// </summary>
public sealed class StudentDevicesHandler(AppDbContext db, IPeopleDirectory people, Agreements agreements, Fees fees, TimeProvider time)
{
    public const int IncidentsShown = 20;

    public async Task<StudentDevices?> FindAsync(Guid personId, PageRequest before, DeviceUser user, CancellationToken cancellationToken)
    {
        var student = await StudentAsync(personId, user, cancellationToken);
        if (student is null)
        {
            return null;
        }

        var name = await ShowAsync(student, user, cancellationToken);
        var mine = db.Set<Assignment>().AsNoTracking().Where(a => a.HolderKind == HolderKind.Student && a.HolderId == personId);
        var now = await Held(mine.Where(a => a.InAt == null)).ToListAsync(cancellationToken);
        var earlier = await Held(mine.Where(a => a.InAt != null)).ToPagedResultAsync(before, cancellationToken);
        var incidents = await IncidentsAsync([personId], null, IncidentsShown, cancellationToken);
        var count = await db.Set<Incident>().CountAsync(i => i.StudentId == personId, cancellationToken);
        var year = agreements.CurrentYear;
        var agreement = await agreements.OfAsync([personId], year, cancellationToken) is [var signed, ..] ? signed : null;
        return new StudentDevices(personId, name, now, earlier, incidents, count, count >= Custody.RepeatIncidentThreshold, year, agreement);
    }

    /// <summary>The family's statement: names where the student rule allows (those shown are written to the access log); null when there is no such person.</summary>
    public async Task<FamilyStatement?> StatementAsync(Guid personId, DeviceUser user, CancellationToken cancellationToken)
    {
        var ledger = await fees.LedgerAsync(personId, cancellationToken);
        if (ledger is null)
        {
            return null;
        }

        foreach (var person in ledger.Guardians.Concat(ledger.Students.Select(s => s.Student)))
        {
            await ShowAsync(person, user, cancellationToken);
        }

        return ledger.Statement(p => FamilyNames.Shown(people, user, p.PrimarySiteId, p.Name), time.GetUtcNow());
    }

    /// <summary>The incidents of the family's students that the family was found responsible for: what a charge may be recorded against.</summary>
    public async Task<IReadOnlyList<StudentIncident>> ChargeableAsync(IReadOnlyCollection<Guid> studentIds, CancellationToken cancellationToken) =>
        await IncidentsAsync(studentIds, Responsibility.Family, PageRequest.MaxSize, cancellationToken);

    public async Task<Result<IReadOnlyList<AgreementView>>> AgreementsAsync(Guid studentId, DeviceUser user, CancellationToken cancellationToken) =>
        await StudentAsync(studentId, user, cancellationToken) is null
            ? Result.NotFound($"There is no current student {studentId} at your sites.")
            : Result.Ok(await agreements.OfAsync([studentId], null, cancellationToken));

    /// <summary>Records this school year's paper agreement for a student at the user's sites; the signer, when named by id, is one of the student's guardians.</summary>
    public async Task<Result<AgreementRecorded>> RecordAgreementAsync(RecordPaperAgreement command, DeviceUser user, CancellationToken cancellationToken)
    {
        if (command.StudentId is not { } studentId)
        {
            return Result.Invalid("studentId", "Choose the student the agreement is for.");
        }

        var family = await people.FamilyAsync(studentId, cancellationToken);
        var student = family.Students.FirstOrDefault(s => s.Id == studentId);
        if (student is null || !user.Scope.Covers(student.PrimarySiteId))
        {
            return Result.NotFound($"There is no current student {studentId} at your sites.");
        }

        if (command.SignedByPersonId is { } guardian && family.Guardians.All(g => g.Id != guardian))
        {
            return Result.Invalid("signedByPersonId", "The person who signed is not one of this student's guardians.");
        }

        return await agreements.RecordAsync(studentId, command.SignedByName, command.SignedByPersonId, command.ProtectionOptIn, AgreementMethod.Paper, user.Name, cancellationToken);
    }

    private IQueryable<HeldDevice> Held(IQueryable<Assignment> assignments) =>
        from a in assignments
        join d in db.Set<Device>() on a.DeviceId equals d.Id
        join s in db.Set<DeviceStandard>() on d.StandardId equals s.Id
        orderby a.Id descending
        select new HeldDevice(a.Id, d.AssetTag, s.Model, a.OutAt, a.InAt, a.AccessoriesOut, a.IsLoan, a.DueOn, a.ConditionIn, a.NotesIn);

    private async Task<PersonSummary?> StudentAsync(Guid personId, DeviceUser user, CancellationToken cancellationToken)
    {
        var student = (await people.FamilyAsync(personId, cancellationToken)).Students.FirstOrDefault(s => s.Id == personId);
        return student is not null && user.Scope.Covers(student.PrimarySiteId) ? student : null;
    }

    /// <summary>The person's name if the student rule lets <paramref name="user"/> see it, written to the access log; else null.</summary>
    private async Task<string?> ShowAsync(PersonSummary person, DeviceUser user, CancellationToken cancellationToken)
    {
        var name = FamilyNames.Shown(people, user, person.PrimarySiteId, person.Name);
        if (name is not null)
        {
            await people.ShownAsync(person.Id, user.Reader, cancellationToken);
        }

        return name;
    }

    private async Task<List<StudentIncident>> IncidentsAsync(IReadOnlyCollection<Guid> studentIds, Responsibility? only, int take, CancellationToken cancellationToken) =>
        await (from i in db.Set<Incident>().AsNoTracking()
               join d in db.Set<Device>() on i.DeviceId equals d.Id
               where i.StudentId != null && studentIds.Contains(i.StudentId.Value) && (only == null || i.Responsibility == only)
               orderby i.Id descending
               select new StudentIncident(i.Id, i.StudentId!.Value, i.ReportedAt, d.AssetTag, i.Kind, i.Cause, i.Responsibility)).Take(take).ToListAsync(cancellationToken);
}
