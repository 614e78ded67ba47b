using System.Globalization;
using System.Security.Claims;
using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Devices.FamilyDevices;

public sealed record ChildDevice(string AssetTag, string Model, DateTimeOffset Since, Accessories Accessories, bool IsLoan, DateOnly? DueOn);

/// <summary>One of the guardian's children: the devices they hold, and this school year's agreement if signed.</summary>
public sealed record Child(Guid StudentId, string Name, IReadOnlyList<ChildDevice> Devices, AgreementView? Agreement);

public sealed record FamilyDevicesView(string SchoolYear, IReadOnlyList<Child> Children, IReadOnlyList<string> AgreementText);

/// <summary>A guardian signs a child's agreement by typing their full name; protection is optional.</summary>
public sealed record SignAgreement(Guid? StudentId, string? SignedByName, bool ProtectionOptIn = false);

/// <summary>
/// What a signed-in guardian sees of their own family, and only of it: the family is found from their account's Directory
/// person, never from anything in the request, so no address reaches another family's children, devices or fees.
/// </summary>
public sealed class FamilyDevicesHandler(AppDbContext db, IPeopleDirectory people, Agreements agreements, Fees fees, TimeProvider time)
{
    public const string NotLinked = "Your account is not linked to a family yet. Ask your child's school office to link it.";

    public async Task<Result<FamilyDevicesView>> DevicesAsync(ClaimsPrincipal user, CultureInfo culture, CancellationToken cancellationToken)
    {
        var family = await FamilyAsync(user, cancellationToken);
        if (!family.Succeeded)
        {
            return family.Failure;
        }

        var ids = family.Value.Students.Select(s => s.Id).ToList();
        var held = await (from a in db.Set<Assignment>().AsNoTracking()
                          join d in db.Set<Device>() on a.DeviceId equals d.Id
                          join s in db.Set<DeviceStandard>() on d.StandardId equals s.Id
                          where a.InAt == null && a.HolderKind == HolderKind.Student && a.HolderId != null && ids.Contains(a.HolderId.Value)
                          orderby d.AssetTag
                          select new { StudentId = a.HolderId!.Value, Device = new ChildDevice(d.AssetTag, s.Model, a.OutAt, a.AccessoriesOut, a.IsLoan, a.DueOn) })
            .ToListAsync(cancellationToken);
        var year = agreements.CurrentYear;
        var signed = await agreements.OfAsync(ids, year, cancellationToken);
        var children = family.Value.Students.Select(s => new Child(
            s.Id, s.Name, held.Where(h => h.StudentId == s.Id).Select(h => h.Device).ToList(), signed.FirstOrDefault(a => a.StudentId == s.Id))).ToList();
        return new FamilyDevicesView(year, children, AgreementText.For(culture));
    }

    /// <summary>The family's fee statement, with what was charged, paid and waived (and who approved each waiver).</summary>
    public async Task<Result<FamilyStatement>> StatementAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var family = await FamilyAsync(user, cancellationToken);
        return family.Succeeded
            ? (await fees.LedgerAsync(family.Value, cancellationToken)).Statement(p => p.Name, time.GetUtcNow())
            : family.Failure;
    }

    /// <summary>Signs this school year's agreement for one of the guardian's own children.</summary>
    public async Task<Result<AgreementRecorded>> SignAsync(SignAgreement command, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var family = await FamilyAsync(user, cancellationToken);
        if (!family.Succeeded)
        {
            return family.Failure;
        }

        if (command.StudentId is not { } studentId || family.Value.Students.All(s => s.Id != studentId))
        {
            return command.StudentId is null
                ? Result.Invalid("studentId", "Choose the child the agreement is for.")
                : Result.NotFound("You have no child with that id.");
        }

        return await agreements.RecordAsync(studentId, command.SignedByName, user.PersonId(), command.ProtectionOptIn, AgreementMethod.Online, user.DisplayName(), cancellationToken);
    }

    private async Task<Result<Family>> FamilyAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.PersonId() is not { } personId)
        {
            return Result.NotFound(NotLinked);
        }

        var family = await people.FamilyAsync(personId, cancellationToken);
        return family.Guardians.Any(g => g.Id == personId) ? family : Result.NotFound(NotLinked);
    }
}
