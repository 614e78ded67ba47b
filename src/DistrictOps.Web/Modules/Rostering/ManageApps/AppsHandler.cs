using System.Net.Mail;
using DistrictOps.Web.Modules.Rostering.Data;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Rostering.ManageApps;

public sealed record SaveAppCommand(
    string? Name, string? Vendor, string? ContactName, string? ContactEmail, string? ContactPhone, string? PrivacyAgreement,
    DateOnly? AgreementSignedOn, DateOnly? AgreementExpiresOn, AppStatus? Status, string? Notes);

/// <summary>An app as the registry lists it: its facts, its agreement in brief, and its latest delivery.</summary>
public sealed record AppRow(
    Guid Id, string Name, string Vendor, string? ContactName, string? ContactEmail, string? ContactPhone, string? PrivacyAgreement,
    DateOnly? AgreementSignedOn, DateOnly? AgreementExpiresOn, AppStatus Status, string? Notes, string? ClientId,
    bool SharingEnabled, ExportFormat? Format, DeliveryMethod? Method, string? Schedule, LatestDelivery? LatestDelivery)
{
    /// <summary>Days until the data-privacy agreement expires (negative once it has); null without an end date.</summary>
    public int? DaysLeft(DateOnly today) => AgreementExpiresOn is { } end ? end.DayNumber - today.DayNumber : null;
}

public sealed record LatestDelivery(Guid Id, DateTimeOffset StartedAt, DeliveryStatus Status);

/// <summary>The app registry: each instructional app, its vendor contact and its data-privacy agreement.</summary>
public sealed class AppsHandler(AppDbContext db, TimeProvider clock, DistrictTime districtTime)
{
    /// <summary>Days before a data-privacy agreement ends from which the registry warns.</summary>
    public const int ExpiryWarningDays = 60;

    public async Task<PagedResult<AppRow>> ListAsync(AppStatus? status, PageRequest page, CancellationToken cancellationToken)
    {
        var apps = db.Set<RosterApp>().AsNoTracking();
        if (status is { } wanted)
        {
            apps = apps.Where(a => a.Status == wanted);
        }

        var ordered = apps.OrderBy(a => a.Name).ThenBy(a => a.Id);
        var total = await ordered.CountAsync(cancellationToken);
        var found = await ordered.Skip(page.Skip).Take(page.Size).ToListAsync(cancellationToken);
        return new PagedResult<AppRow>(await RowsAsync(found, cancellationToken), total, page.Page, page.Size);
    }

    public async Task<Result<AppRow>> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Set<RosterApp>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken) is { } app
            ? (await RowsAsync([app], cancellationToken))[0]
            : Missing(id);

    public async Task<Result<AppRow>> CreateAsync(SaveAppCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var app = new RosterApp { Id = Guid.CreateVersion7(now), Name = "", Vendor = "", CreatedAt = now, Status = AppStatus.Pending };
        var errors = await ApplyAsync(command, app, cancellationToken);
        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        app.UpdatedAt = now;
        db.Add(app);
        db.Add(new SharingAgreement { Id = Guid.CreateVersion7(now), AppId = app.Id, Roles = SharedRoles.Students | SharedRoles.Teachers, UpdatedAt = now, UpdatedBy = "" });
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(app.Id, cancellationToken);
    }

    public async Task<Result<AppRow>> UpdateAsync(Guid id, SaveAppCommand command, CancellationToken cancellationToken)
    {
        if (await db.Set<RosterApp>().SingleOrDefaultAsync(a => a.Id == id, cancellationToken) is not { } app)
        {
            return Missing(id);
        }

        var errors = await ApplyAsync(command, app, cancellationToken);
        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        app.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    private async Task<ErrorList> ApplyAsync(SaveAppCommand command, RosterApp app, CancellationToken cancellationToken)
    {
        var errors = new ErrorList();
        var name = errors.Required("name", command.Name, "Name the app as staff know it, e.g. Read 180.");
        errors.MaxLength("name", name, RosterApp.NameMaxLength);
        if (name is not null && await db.Set<RosterApp>().AnyAsync(a => a.Name == name && a.Id != app.Id, cancellationToken))
        {
            errors.Add("name", $"An app named {name} is already registered; open it instead of adding it twice.");
        }

        var vendor = errors.Required("vendor", command.Vendor, "Name the vendor who runs the app and receives the data.");
        errors.MaxLength("vendor", vendor, RosterApp.TextMaxLength);
        foreach (var (field, value) in new[] { ("contactName", command.ContactName), ("contactEmail", command.ContactEmail), ("privacyAgreement", command.PrivacyAgreement) })
        {
            errors.MaxLength(field, value, RosterApp.TextMaxLength);
        }

        var email = Blank(command.ContactEmail);
        if (email is not null && !MailAddress.TryCreate(email, out _))
        {
            errors.Add("contactEmail", $"'{email}' is not an email address; expected name@vendor.example.");
        }

        errors.MaxLength("contactPhone", command.ContactPhone, 32);
        errors.MaxLength("notes", command.Notes, RosterApp.NotesMaxLength);
        errors.Defined("status", command.Status);
        if (command.AgreementSignedOn is { } signed && command.AgreementExpiresOn is { } expires && expires < signed)
        {
            errors.Add("agreementExpiresOn", $"The agreement cannot end ({expires:yyyy-MM-dd}) before it was signed ({signed:yyyy-MM-dd}).");
        }

        var status = command.Status ?? app.Status;
        if (status == AppStatus.Active && !errors.Any)
        {
            CheckActive(command, errors);
        }

        if (errors.Any)
        {
            return errors;
        }

        (app.Name, app.Vendor, app.ContactName, app.ContactEmail, app.ContactPhone) = (name!, vendor!, Blank(command.ContactName), email, Blank(command.ContactPhone));
        (app.PrivacyAgreement, app.AgreementSignedOn, app.AgreementExpiresOn, app.Status, app.Notes) =
            (Blank(command.PrivacyAgreement), command.AgreementSignedOn, command.AgreementExpiresOn, status, Blank(command.Notes));
        return errors;
    }

    /// <summary>An app receives student data only under a signed data-privacy agreement that is in force.</summary>
    private void CheckActive(SaveAppCommand command, ErrorList errors)
    {
        if (Blank(command.PrivacyAgreement) is null || command.AgreementSignedOn is null)
        {
            errors.Add("status", "An app is active only under a signed data-privacy agreement: give the agreement and the date it was signed, or keep the app pending.");
        }
        else if (command.AgreementExpiresOn is { } end && end < districtTime.Today)
        {
            errors.Add("status", $"The data-privacy agreement ended on {end:yyyy-MM-dd}: record the renewed agreement's dates before making the app active.");
        }
    }

    private async Task<List<AppRow>> RowsAsync(List<RosterApp> apps, CancellationToken cancellationToken)
    {
        var ids = apps.Select(a => a.Id).ToList();
        var agreements = await db.Set<SharingAgreement>().AsNoTracking().Where(a => ids.Contains(a.AppId)).ToDictionaryAsync(a => a.AppId, cancellationToken);
        var latest = await db.Set<RosterDelivery>().AsNoTracking().Where(d => ids.Contains(d.AppId))
            .GroupBy(d => d.AppId).Select(g => g.OrderByDescending(d => d.StartedAt).Select(d => new { d.AppId, d.Id, d.StartedAt, d.Status }).First())
            .ToDictionaryAsync(d => d.AppId, cancellationToken);
        return apps.Select(a =>
        {
            var agreement = agreements.GetValueOrDefault(a.Id);
            var delivery = latest.GetValueOrDefault(a.Id);
            return new AppRow(a.Id, a.Name, a.Vendor, a.ContactName, a.ContactEmail, a.ContactPhone, a.PrivacyAgreement, a.AgreementSignedOn, a.AgreementExpiresOn,
                a.Status, a.Notes, a.ClientId, agreement?.Enabled == true, agreement?.Format, agreement?.Method, agreement?.Schedule,
                delivery is null ? null : new LatestDelivery(delivery.Id, delivery.StartedAt, delivery.Status));
        }).ToList();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static Failure Missing(Guid id) => Result.NotFound($"No app {id} is registered.");
}
