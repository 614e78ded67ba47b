using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Devices.Register;

public sealed record AgreementView(
    long Id, Guid StudentId, string SchoolYear, DateTimeOffset SignedAt, string SignedByName, AgreementMethod Method, bool ProtectionOptIn, string RecordedByName);

public sealed record AgreementRecorded(AgreementView Agreement, bool Repeated);

/// <summary>
/// A family's device agreement, one per student and school year: on paper (staff record it) or online (a guardian signs by
/// typing their name). Device protection is an opt-in the agreement records; it is voluntary (EC 49010-49013), and a
/// missing agreement is a warning at check-out, never a refusal.
/// </summary>
public sealed class Agreements(AppDbContext db, TimeProvider time)
{
    /// <summary>The school year agreements are signed for now; the same day <see cref="Custody.AgreementOnFileAsync"/> checks.</summary>
    public string CurrentYear => SchoolYear.Of(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));

    public async Task<IReadOnlyList<AgreementView>> OfAsync(IReadOnlyCollection<Guid> studentIds, string? schoolYear, CancellationToken cancellationToken) =>
        await db.Set<DeviceAgreement>().AsNoTracking()
            .Where(a => EF.Parameter(studentIds).Contains(a.StudentId) && (schoolYear == null || a.SchoolYear == schoolYear))
            .OrderByDescending(a => a.SchoolYear).ThenBy(a => a.Id)
            .Select(a => new AgreementView(a.Id, a.StudentId, a.SchoolYear, a.SignedAt, a.SignedByName, a.Method, a.ProtectionOptIn, a.RecordedByName))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Records this school year's agreement for a student the caller has already checked. The same agreement again (a retried
    /// post) changes nothing; a different one for a year already on file is refused.
    /// </summary>
    public async Task<Result<AgreementRecorded>> RecordAsync(
        Guid studentId, string? signedByName, Guid? signedByPersonId, bool protectionOptIn, AgreementMethod method, string recordedByName, CancellationToken cancellationToken)
    {
        var errors = new ErrorList();
        var name = errors.Required("signedByName", signedByName,
            method == AgreementMethod.Online ? "Type your full name to sign." : "Give the name of the parent or guardian who signed the paper agreement.");
        errors.MaxLength("signedByName", name, Device.NameMaxLength);
        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        var year = CurrentYear;
        if (await ExistingAsync(studentId, year, name!, method, protectionOptIn, cancellationToken) is { } existing)
        {
            return existing;
        }

        var agreement = new DeviceAgreement
        {
            StudentId = studentId, SchoolYear = year, SignedAt = time.GetUtcNow(), SignedByName = name!, SignedByPersonId = signedByPersonId, Method = method,
            ProtectionOptIn = protectionOptIn, RecordedByName = recordedByName,
        };
        db.Add(agreement);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Signed by a request running alongside (one agreement per student and year): answer as if it came first.
            db.ChangeTracker.Clear();
            return await ExistingAsync(studentId, year, name!, method, protectionOptIn, cancellationToken) ?? throw new InvalidOperationException("The agreement was neither saved nor found.");
        }

        return new AgreementRecorded(View(agreement), Repeated: false);
    }

    private async Task<Result<AgreementRecorded>?> ExistingAsync(
        Guid studentId, string year, string name, AgreementMethod method, bool protectionOptIn, CancellationToken cancellationToken)
    {
        var existing = await db.Set<DeviceAgreement>().AsNoTracking().FirstOrDefaultAsync(a => a.StudentId == studentId && a.SchoolYear == year, cancellationToken);
        if (existing is null)
        {
            return null;
        }

        return existing.SignedByName == name && existing.Method == method && existing.ProtectionOptIn == protectionOptIn
            ? new AgreementRecorded(View(existing), Repeated: true)
            : Result.Conflict($"The {year} device agreement is already on file: signed by {existing.SignedByName} ({existing.Method.ToString().ToLowerInvariant()}) on {existing.SignedAt:yyyy-MM-dd}.");
    }

    private static AgreementView View(DeviceAgreement a) =>
        new(a.Id, a.StudentId, a.SchoolYear, a.SignedAt, a.SignedByName, a.Method, a.ProtectionOptIn, a.RecordedByName);
}
