using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Devices.Register;

/// <summary>A charge, payment or waiver to record: its incident, the amount in dollars ("350.00"), why (for a payment: how it was paid), and the client's key.</summary>
public sealed record RecordFee(long? IncidentId, string? Amount, string? Reason, Guid? RequestId = null);

public sealed record FeeLine(
    long Id, DateTimeOffset At, FeeEntryKind Kind, long AmountCents, string Amount, long? IncidentId, string Reason, string RecordedByName, string? ApprovedByName);

public sealed record FeeRecorded(FeeLine Entry, Guid StudentId, long OpenCents, bool Repeated);

/// <summary>One incident's charges on a student's ledger and what is still owed on them.</summary>
public sealed record ChargeBalance(long IncidentId, IncidentKind Kind, DamageCause? Cause, string AssetTag, DateOnly OccurredOn, FeeTotals Totals);

public sealed record StudentLedger(PersonSummary Student, IReadOnlyList<FeeLine> Entries, IReadOnlyList<ChargeBalance> Charges, FeeTotals Totals);

/// <summary>A family's ledger: its guardians and, per current student, every entry; names as the Directory keeps them (the caller decides who may see them).</summary>
public sealed record FamilyLedger(IReadOnlyList<PersonSummary> Guardians, IReadOnlyList<StudentLedger> Students, FeeTotals Totals)
{
    /// <summary>The ledger as a statement shows it, with each name as <paramref name="name"/> gives it (null where it is hidden) and nothing else of the people.</summary>
    public FamilyStatement Statement(Func<PersonSummary, string?> name, DateTimeOffset at) =>
        new(at, Guardians.Select(name).ToList(), Students.Select(s => new LedgerStudent(s.Student.Id, name(s.Student), s.Entries, s.Charges, s.Totals)).ToList(), Totals);
}

public sealed record LedgerStudent(Guid StudentId, string? Name, IReadOnlyList<FeeLine> Entries, IReadOnlyList<ChargeBalance> Charges, FeeTotals Totals);

/// <summary>A family's statement: guardians' and students' names (null where hidden), each student's entries and charges, and the family's totals.</summary>
public sealed record FamilyStatement(DateTimeOffset At, IReadOnlyList<string?> Guardians, IReadOnlyList<LedgerStudent> Students, FeeTotals Totals);

/// <summary>
/// A family's fee ledger: charges for incidents the family was found responsible for (a device not returned, or damaged on
/// purpose: EC 48904), payments, and waivers with their approver. A retried post (same request id) records once. A fee
/// never blocks a device: nothing in the register reads the balance to refuse a check-out.
/// </summary>
public sealed class Fees(AppDbContext db, TimeProvider time, PermissionRegistry permissions, IPeopleDirectory people)
{
    public async Task<Result<FeeRecorded>> RecordAsync(Guid personId, FeeEntryKind kind, RecordFee command, DeviceUser user, CancellationToken cancellationToken)
    {
        if (!permissions.Grants(user.Principal, kind == FeeEntryKind.Waiver ? DevicesPermissions.Waive : DevicesPermissions.Fees))
        {
            return Result.Forbidden(kind == FeeEntryKind.Waiver
                ? "Only an approver may waive a charge; ask your IT manager."
                : "Only those who keep device fees may record charges and payments.");
        }

        var family = await people.FamilyAsync(personId, cancellationToken);
        if (command.RequestId is { } requestId && await db.Set<FeeEntry>().AsNoTracking().FirstOrDefaultAsync(f => f.RequestId == requestId, cancellationToken) is { } earlier)
        {
            return await RepeatedAsync(earlier, kind, family, cancellationToken);
        }

        var errors = new ErrorList();
        if (command.IncidentId is null)
        {
            errors.Add("incidentId", kind == FeeEntryKind.Charge ? "Choose the incident the charge is for." : "Choose the charge this is against.");
        }

        var cents = Money.Parse(command.Amount);
        if (cents is null)
        {
            errors.Add("amount", "Give the amount in dollars with at most two decimals, like 350.00.");
        }

        var reason = errors.Required("reason", command.Reason, kind == FeeEntryKind.Payment ? "Say how it was paid (cash, check number, receipt)." : "Say why.");
        errors.MaxLength("reason", reason, FeeEntry.ReasonMaxLength);
        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        var incident = await db.Set<Incident>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == command.IncidentId, cancellationToken);
        if (incident?.StudentId is not { } studentId || family.Students.All(s => s.Id != studentId))
        {
            return Result.NotFound($"Incident {command.IncidentId} is not one of this family's.");
        }

        if (kind == FeeEntryKind.Charge && incident.Responsibility != Responsibility.Family)
        {
            return Result.Conflict($"Incident {incident.Id} is not decided as the family's responsibility; a family is charged only for a device not returned or damaged on purpose, after that decision.");
        }

        var open = await OpenAsync(incident.Id, cancellationToken);
        if (FeeLedger.Refusal(kind, cents!.Value, open) is { } refused)
        {
            return Result.Invalid("amount", refused);
        }

        var entry = new FeeEntry
        {
            StudentId = studentId, Kind = kind, AmountCents = cents.Value, At = time.GetUtcNow(), Reason = reason!, IncidentId = incident.Id,
            RecordedByName = user.Name, ApprovedByName = kind == FeeEntryKind.Waiver ? user.Name : null, RequestId = command.RequestId,
        };
        db.Add(entry);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (command.RequestId is { } raced)
        {
            // The same request id saved by a request running alongside: the retry is the same entry.
            db.ChangeTracker.Clear();
            var saved = await db.Set<FeeEntry>().AsNoTracking().FirstOrDefaultAsync(f => f.RequestId == raced, cancellationToken);
            if (saved is null)
            {
                throw;
            }

            return await RepeatedAsync(saved, kind, family, cancellationToken);
        }

        return new FeeRecorded(Line(entry), studentId, await OpenAsync(incident.Id, cancellationToken), Repeated: false);
    }

    /// <summary>The family of <paramref name="personId"/> (a student or a guardian) with every current student's entries; null when there is no such person.</summary>
    public async Task<FamilyLedger?> LedgerAsync(Guid personId, CancellationToken cancellationToken) =>
        await people.FamilyAsync(personId, cancellationToken) is { } family && (family.Students.Count > 0 || family.Guardians.Count > 0)
            ? await LedgerAsync(family, cancellationToken)
            : null;

    public async Task<FamilyLedger> LedgerAsync(Family family, CancellationToken cancellationToken)
    {
        var ids = family.Students.Select(s => s.Id).ToList();
        var entries = await db.Set<FeeEntry>().AsNoTracking().Where(f => ids.Contains(f.StudentId)).OrderBy(f => f.Id).ToListAsync(cancellationToken);
        var incidentIds = entries.Select(e => e.IncidentId).OfType<long>().Distinct().ToList();
        var incidents = await (from i in db.Set<Incident>().AsNoTracking()
                               join d in db.Set<Device>() on i.DeviceId equals d.Id
                               where incidentIds.Contains(i.Id)
                               select new { i.Id, i.Kind, i.Cause, d.AssetTag, i.OccurredOn }).ToDictionaryAsync(i => i.Id, cancellationToken);
        var students = family.Students.Select(student =>
        {
            var own = entries.Where(e => e.StudentId == student.Id).ToList();
            var charges = FeeLedger.ByIncident(own.Select(e => (e.IncidentId, e.Kind, e.AmountCents)))
                    .Select(c => (Incident: incidents[c.Key], Totals: c.Value))
                .Select(c => new ChargeBalance(c.Incident.Id, c.Incident.Kind, c.Incident.Cause, c.Incident.AssetTag, c.Incident.OccurredOn, c.Totals))
                .OrderBy(c => c.IncidentId).ToList();
            return new StudentLedger(student, own.Select(Line).ToList(), charges, FeeTotals.Of(own.Select(e => (e.Kind, e.AmountCents))));
        }).ToList();
        return new FamilyLedger(family.Guardians, students, students.Aggregate(default(FeeTotals), (sum, s) => sum.Add(s.Totals)));
    }

    /// <summary>What is charged, paid and waived on one incident.</summary>
    public async Task<FeeTotals> OfIncidentAsync(long incidentId, CancellationToken cancellationToken) =>
        FeeTotals.Of((await db.Set<FeeEntry>().AsNoTracking().Where(f => f.IncidentId == incidentId).Select(f => new { f.Kind, f.AmountCents }).ToListAsync(cancellationToken))
            .Select(f => (f.Kind, f.AmountCents)));

    private async Task<long> OpenAsync(long incidentId, CancellationToken cancellationToken) => (await OfIncidentAsync(incidentId, cancellationToken)).BalanceCents;

    private async Task<Result<FeeRecorded>> RepeatedAsync(FeeEntry earlier, FeeEntryKind kind, Family family, CancellationToken cancellationToken) =>
        earlier.Kind == kind && family.Students.Any(s => s.Id == earlier.StudentId)
            ? new FeeRecorded(Line(earlier), earlier.StudentId, earlier.IncidentId is { } id ? await OpenAsync(id, cancellationToken) : 0, Repeated: true)
            : Result.Conflict("This request id was already used for another entry; send a new one.");

    private static FeeLine Line(FeeEntry e) =>
        new(e.Id, e.At, e.Kind, e.AmountCents, Money.Format(e.AmountCents), e.IncidentId, e.Reason, e.RecordedByName, e.ApprovedByName);
}
