using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Rostering.Data;
using DistrictOps.Web.Modules.Rostering.Sharing;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Time;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace DistrictOps.Web.Modules.Rostering.EditAgreement;

/// <summary>What an agreement shares and how it is delivered. Null lists and values leave nothing out: send each field.</summary>
public sealed record SaveAgreementCommand(
    IReadOnlyList<Guid>? SiteIds, IReadOnlyList<SharedRoles>? Roles, ClassScope? Classes, string? ClassValues, IReadOnlyList<SharedFields>? Fields,
    ExportFormat? Format, ExportMode? Mode, DeliveryMethod? Method, string? Schedule, string? SftpHost, int? SftpPort, string? SftpUsername, SftpAuth? SftpAuth,
    string? SftpSecret, string? SftpHostKey, string? SftpFolder, int? Revision);

/// <summary>
/// Writes an app's data-sharing agreement. A change to what is shared (sites, people, classes, fields, format) is a new
/// revision and turns sharing off until someone has previewed that revision and enabled it again; a change to how or when
/// it is delivered keeps the revision.
/// </summary>
public sealed class AgreementHandler(AppDbContext db, AgreementReader reader, ISiteDirectory sites, IDataProtectionProvider protection, TimeProvider clock, DistrictTime districtTime)
{
    public const int ValueMaxLength = 64;

    public Task<Result<AgreementView>> GetAsync(Guid appId, CancellationToken cancellationToken) => reader.GetAsync(appId, cancellationToken);

    public async Task<Result<AgreementView>> SaveAsync(Guid appId, SaveAgreementCommand command, string by, CancellationToken cancellationToken)
    {
        if (await db.Set<SharingAgreement>().SingleOrDefaultAsync(a => a.AppId == appId, cancellationToken) is not { } agreement)
        {
            return Missing(appId);
        }

        if (command.Revision is { } revision && revision != agreement.Revision)
        {
            return Result.Conflict("Someone changed this agreement since you opened it; open it again to see their change.");
        }

        var errors = await CheckAsync(command, agreement, cancellationToken);
        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        var shared = (SiteIds: string.Join(',', command.SiteIds!.Distinct().Order()), Roles: Combine(command.Roles!), Classes: command.Classes!.Value,
            Values: command.Classes == ClassScope.All ? "" : string.Join(',', AgreementRules.ListOf(command.ClassValues ?? "").Distinct()),
            Fields: Combine(command.Fields!), Format: command.Format!.Value);
        if (shared != (agreement.SiteIds, agreement.Roles, agreement.Classes, agreement.ClassValues, agreement.Fields, agreement.Format))
        {
            (agreement.SiteIds, agreement.Roles, agreement.Classes, agreement.ClassValues, agreement.Fields, agreement.Format) = shared;
            agreement.Revision++;
            agreement.Enabled = false;
        }

        ApplyDelivery(command, agreement);
        agreement.UpdatedAt = clock.GetUtcNow();
        agreement.UpdatedBy = by;
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(appId, cancellationToken);
    }

    /// <summary>Turns sharing on for the revision the person previewed; refused when the agreement changed since, or the app may not receive data.</summary>
    public async Task<Result<AgreementView>> EnableAsync(Guid appId, int previewedRevision, string by, CancellationToken cancellationToken)
    {
        var found = await (from a in db.Set<SharingAgreement>()
                           join owner in db.Set<RosterApp>() on a.AppId equals owner.Id
                           where a.AppId == appId
                           select new { a, owner }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return Missing(appId);
        }

        var (agreement, app) = (found.a, found.owner);
        if (previewedRevision != agreement.Revision)
        {
            return Result.Conflict($"The agreement changed (revision {agreement.Revision}) after the preview you saw (revision {previewedRevision}): preview it again, then enable it.");
        }

        if (Refusal(app, agreement, districtTime.Today) is { } refusal)
        {
            return Result.Conflict(refusal);
        }

        if (!agreement.Enabled)
        {
            var now = clock.GetUtcNow();
            (agreement.Enabled, agreement.PreviewedRevision, agreement.PreviewedAt, agreement.UpdatedAt, agreement.UpdatedBy) = (true, previewedRevision, now, now, by);
            await db.SaveChangesAsync(cancellationToken);
        }

        return await GetAsync(appId, cancellationToken);
    }

    public async Task<Result<AgreementView>> DisableAsync(Guid appId, string by, CancellationToken cancellationToken)
    {
        if (await db.Set<SharingAgreement>().SingleOrDefaultAsync(a => a.AppId == appId, cancellationToken) is not { } agreement)
        {
            return Missing(appId);
        }

        if (agreement.Enabled)
        {
            (agreement.Enabled, agreement.UpdatedAt, agreement.UpdatedBy) = (false, clock.GetUtcNow(), by);
            await db.SaveChangesAsync(cancellationToken);
        }

        return await GetAsync(appId, cancellationToken);
    }

    /// <summary>Why an app may not receive data under this agreement now; null when it may.</summary>
    public static string? Refusal(RosterApp app, SharingAgreement agreement, DateOnly today) =>
        AgreementRules.AppRefusalOf(app, today)?.Message
        ?? (agreement.Roles == SharedRoles.None ? "The agreement shares nobody: choose at least one kind of person."
        : agreement.Method == DeliveryMethod.Sftp && (agreement.SftpHost is null || agreement.SftpUsername is null || agreement.SftpSecret is null || agreement.SftpHostKey is null)
            ? "SFTP delivery needs a server, its host key fingerprint, a username and a password or key."
        : null);

    private async Task<ErrorList> CheckAsync(SaveAgreementCommand command, SharingAgreement current, CancellationToken cancellationToken)
    {
        var errors = new ErrorList();
        await CheckScopeAsync(command, errors, cancellationToken);
        errors.Defined("format", command.Format);
        errors.Defined("mode", command.Mode);
        errors.Defined("method", command.Method);
        if (command.Format == ExportFormat.SchoolDataSync && command.Mode == ExportMode.Delta)
        {
            errors.Add("mode", "School Data Sync packages are always complete: choose bulk, or a OneRoster format for deltas.");
        }

        if (command.Method == DeliveryMethod.Api && command.Format == ExportFormat.SchoolDataSync)
        {
            errors.Add("method", "The OneRoster API serves OneRoster, not School Data Sync: choose OneRoster 1.1 or 1.2, or another delivery.");
        }

        var schedule = Blank(command.Schedule);
        if (schedule is not null && !IsCron(schedule))
        {
            errors.Add("schedule", $"'{schedule}' is not a schedule; expected a Quartz cron expression such as '0 0 2 ? * MON-FRI' (2:00 AM on school days, district time).");
        }
        else if (schedule is not null && command.Method is DeliveryMethod.Download or DeliveryMethod.Api)
        {
            errors.Add("schedule", "Only SFTP deliveries run on a schedule: a download is made when someone asks, and the API is read when the app asks.");
        }

        if (command.Method == DeliveryMethod.Sftp)
        {
            CheckSftp(command, current, errors);
        }

        return errors;
    }

    private async Task CheckScopeAsync(SaveAgreementCommand command, ErrorList errors, CancellationToken cancellationToken)
    {
        if (command.SiteIds is null)
        {
            errors.Add("siteIds", "Send siteIds: the sites shared, or an empty list for every site.");
        }
        else if (command.SiteIds.Count > 0)
        {
            var known = (await sites.ListAsync(cancellationToken)).Select(s => s.Id).ToHashSet();
            var unknown = command.SiteIds.Where(id => !known.Contains(id)).ToList();
            if (unknown.Count > 0)
            {
                errors.Add("siteIds", $"No site {string.Join(", ", unknown)} is in the Directory; choose from its sites.");
            }
        }

        if (command.Roles is not { Count: > 0 } roles || Combine(roles) == SharedRoles.None || roles.Any(r => !Enum.IsDefined(r)))
        {
            errors.Add("roles", "Choose who is shared: Students, Teachers, Administrators or Guardians (at least one).");
        }

        if (command.Fields is null || command.Fields.Any(f => !Enum.IsDefined(f)))
        {
            errors.Add("fields", $"Send fields: a list of {string.Join(", ", Enum.GetNames<SharedFields>().Skip(1))} (an empty list shares names and ids only).");
        }

        errors.Defined("classes", command.Classes);
        if (command.Classes is null)
        {
            errors.Add("classes", "Choose which classes: All, Subjects or CourseCodes.");
        }
        else if (command.Classes != ClassScope.All)
        {
            var values = AgreementRules.ListOf(command.ClassValues ?? "");
            if (values.Count == 0)
            {
                errors.Add("classValues", command.Classes == ClassScope.Subjects ? "Name the subjects shared, separated by commas, e.g. English Language Arts." : "Name the course codes shared, separated by commas, e.g. ELA-180.");
            }
            else if (values.FirstOrDefault(v => v.Length > ValueMaxLength) is { } tooLong)
            {
                errors.Add("classValues", $"'{tooLong[..20]}…' is longer than {ValueMaxLength} characters; a subject or course code is shorter.");
            }

            errors.MaxLength("classValues", command.ClassValues, SharingAgreement.ListMaxLength);
        }
    }

    private static void CheckSftp(SaveAgreementCommand command, SharingAgreement current, ErrorList errors)
    {
        var host = errors.Required("sftpHost", command.SftpHost, "Give the vendor's SFTP server, e.g. sftp.vendor.example.");
        if (host is not null && (host.Contains("://", StringComparison.Ordinal) || host.Contains('/', StringComparison.Ordinal) || host.Contains(' ', StringComparison.Ordinal)))
        {
            errors.Add("sftpHost", $"'{host}' is not a host name; give the name or address alone, e.g. sftp.vendor.example (the port goes in its own field).");
        }

        errors.Range("sftpPort", command.SftpPort ?? 22, 1, 65535);
        errors.Required("sftpUsername", command.SftpUsername, "Give the username the vendor issued for the SFTP server.");
        errors.Defined("sftpAuth", command.SftpAuth);
        if (Blank(command.SftpSecret) is null && current.SftpSecret is null)
        {
            errors.Add("sftpSecret", command.SftpAuth == SftpAuth.PrivateKey ? "Paste the private key (OpenSSH or PEM format) the vendor's server accepts." : "Give the SFTP password.");
        }
        else if (command.SftpAuth == SftpAuth.PrivateKey && Blank(command.SftpSecret) is { } key && !key.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
        {
            errors.Add("sftpSecret", "That is not a private key: expected text beginning -----BEGIN OPENSSH PRIVATE KEY----- (or RSA/EC PRIVATE KEY).");
        }

        if (Blank(command.SftpHostKey) is not { } hostKey)
        {
            errors.Add("sftpHostKey", "Give the server's host key fingerprint (SHA256:…, from the vendor or ssh-keyscan piped to ssh-keygen -lf -): a delivery sends student data only to the server it names.");
        }
        else if (!hostKey.StartsWith("SHA256:", StringComparison.Ordinal))
        {
            errors.Add("sftpHostKey", "Expected the server's host key fingerprint as ssh-keyscan and ssh-keygen -lf print it: SHA256: followed by 43 characters.");
        }

        if (Blank(command.SftpFolder) is { } folder && !folder.StartsWith('/'))
        {
            errors.Add("sftpFolder", $"'{folder}' is not a folder path; expected one starting with /, e.g. /incoming.");
        }
    }

    private void ApplyDelivery(SaveAgreementCommand command, SharingAgreement agreement)
    {
        (agreement.Mode, agreement.Method, agreement.Schedule) = (command.Mode ?? ExportMode.Bulk, command.Method ?? DeliveryMethod.Download, Blank(command.Schedule));
        if (agreement.Method != DeliveryMethod.Sftp)
        {
            return;
        }

        var host = Blank(command.SftpHost);
        var username = Blank(command.SftpUsername);
        var auth = command.SftpAuth ?? SftpAuth.Password;
        if ((host, username, auth) != (agreement.SftpHost, agreement.SftpUsername, agreement.SftpAuth) && Blank(command.SftpSecret) is null)
        {
            // A secret kept from another server or account would be sent to the new one: keep it only while both are unchanged.
            agreement.SftpSecret = null;
        }

        (agreement.SftpHost, agreement.SftpPort, agreement.SftpUsername, agreement.SftpAuth) = (host, command.SftpPort ?? 22, username, auth);
        (agreement.SftpHostKey, agreement.SftpFolder) = (Blank(command.SftpHostKey), Blank(command.SftpFolder) ?? "/");
        if (Blank(command.SftpSecret) is { } secret)
        {
            agreement.SftpSecret = SftpSecrets.Seal(protection, secret);
        }
    }

    private static TFlags Combine<TFlags>(IEnumerable<TFlags> flags) where TFlags : struct, Enum =>
        (TFlags)(object)flags.Aggregate(0, (all, f) => all | Convert.ToInt32(f, System.Globalization.CultureInfo.InvariantCulture));

    private static bool IsCron(string schedule)
    {
        try
        {
            _ = new CronExpression(schedule);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static Failure Missing(Guid appId) => Result.NotFound($"No app {appId} is registered.");
}
