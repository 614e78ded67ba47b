using System.Security.Claims;
using System.Security.Cryptography;
using DistrictOps.Web.Modules.Accounts.Data;
using DistrictOps.Web.Modules.Accounts.Register;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Modules.Accounts.ReleasePasswords;

/// <summary>A class and how many of its students' first passwords wait, and how many were shown already.</summary>
public sealed record ClassCounts(ClassSummary Class, int Waiting, int Released);

/// <summary>A person found by the district search, and how many of their first passwords wait.</summary>
public sealed record PersonCounts(PersonSummary Person, int Waiting, int Released);

/// <summary>A class's first-password sheet: every current student, with their accounts' states (and passwords, when this sheet released them).</summary>
public sealed record ClassSheet(ClassSummary Class, IReadOnlyList<SheetRow> Rows)
{
    public int Waiting => Rows.Count(r => r.State == PasswordState.Waiting);

    public int Shown => Rows.Count(r => r.State == PasswordState.Shown);
}

/// <summary>One person's first-password sheet.</summary>
public sealed record PersonSheet(PersonSummary Person, IReadOnlyList<SheetRow> Rows)
{
    public int Waiting => Rows.Count(r => r.State == PasswordState.Waiting);

    public int Shown => Rows.Count(r => r.State == PasswordState.Shown);
}

/// <summary>
/// Hands out new accounts' first passwords once: a teacher for the students of the classes they teach
/// (<see cref="AccountsPermissions.ClassPasswords"/>), the district (<see cref="AccountsPermissions.Passwords"/>) for any class or
/// any person the Directory lets them see. Looking names the students (the Directory's access log); releasing decrypts the
/// waiting passwords, marks them released and empties the stored ciphertext in one transaction, each only if nobody released
/// it first, and audits each (<c>ReleasePassword</c>, never the password). Pages and the API call the same methods.
/// </summary>
public sealed class ReleasePasswordsHandler(
    AppDbContext db, IClassRosters rosters, IPeopleDirectory people, PermissionRegistry permissions, IDataProtectionProvider protection,
    IOptions<AccountsOptions> options, TimeProvider time)
{
    public const string OperationKind = "ReleasePassword";

    /// <summary>Whether any directory is set up: without one no account, and so no first password, is ever made.</summary>
    public bool TargetsConfigured => options.Value.Targets.Count > 0;

    public bool MayReleaseAny(ClaimsPrincipal user) => permissions.Grants(user, AccountsPermissions.Passwords);

    public bool MayReleaseOwnClasses(ClaimsPrincipal user) => permissions.Grants(user, AccountsPermissions.ClassPasswords);

    /// <summary>The classes the signed-in teacher teaches, with counts; null when their sign-in is linked to no Directory person.</summary>
    public async Task<IReadOnlyList<ClassCounts>?> TaughtAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!MayReleaseOwnClasses(user) || user.PersonId() is not { } person)
        {
            return null;
        }

        return await CountsAsync(await rosters.TaughtByAsync(person, cancellationToken), cancellationToken);
    }

    /// <summary>Any current class by title, code or site, with counts (district only).</summary>
    public async Task<Result<PagedResult<ClassCounts>>> SearchClassesAsync(string query, ClaimsPrincipal user, PageRequest page, CancellationToken cancellationToken)
    {
        if (!MayReleaseAny(user))
        {
            return Result.Forbidden("Only the district's account managers may look up any class's first passwords.");
        }

        var found = await rosters.SearchAsync(query, page, cancellationToken);
        return new PagedResult<ClassCounts>(await CountsAsync(found.Items, cancellationToken), found.Total, found.Page, found.PageSize);
    }

    /// <summary>People by name or number (the Directory's search, under its student rule and access log), with counts (district only).</summary>
    public async Task<Result<IReadOnlyList<PersonCounts>>> SearchPeopleAsync(string query, DirectoryReader reader, CancellationToken cancellationToken)
    {
        if (!MayReleaseAny(reader.User))
        {
            return Result.Forbidden("Only the district's account managers may look up a person's first passwords.");
        }

        var found = (await people.SearchAsync(query, reader, 20, cancellationToken)).Where(p => p.Kind != "Guardian").ToList();
        var (accounts, passwords) = await KeptAsync(found.Select(p => p.Id).ToList(), cancellationToken);
        return found.Select(p =>
        {
            var (waiting, released) = FirstPasswordSheet.Count([p.Id], accounts, passwords);
            return new PersonCounts(p, waiting, released);
        }).ToList();
    }

    /// <summary>A class's sheet: without <paramref name="release"/> the states only; with it, the waiting passwords too, this once.</summary>
    public async Task<Result<ClassSheet>> ClassAsync(Guid classId, DirectoryReader reader, bool release, CancellationToken cancellationToken)
    {
        var district = MayReleaseAny(reader.User);
        if (!district && !MayReleaseOwnClasses(reader.User))
        {
            return Result.Forbidden("Only a class's teacher or the district's account managers may see its first passwords.");
        }

        // A teacher is told nothing about a class they do not teach, not even that it exists.
        var allowed = district || (reader.User.PersonId() is { } person && await rosters.TeachesAsync(person, classId, cancellationToken));
        if (!allowed || await rosters.FindAsync(classId, cancellationToken) is not { } found)
        {
            return Result.NotFound("There is no current class with that id among the classes you may see.");
        }

        var students = (await rosters.StudentsAsync(classId, reader, cancellationToken)).Select(s => new SheetPerson(s.Id, s.Name, s.Number)).ToList();
        var reason = $"First password shown on the class sheet of {found.Title} ({found.SiteName}).";
        return new ClassSheet(found, await RowsAsync(students, release, reason, reader.User, cancellationToken));
    }

    /// <summary>One person's sheet (district only; the Directory's student rule decides whether the person is there at all).</summary>
    public async Task<Result<PersonSheet>> PersonAsync(Guid personId, DirectoryReader reader, bool release, CancellationToken cancellationToken)
    {
        if (!MayReleaseAny(reader.User))
        {
            return Result.Forbidden("Only the district's account managers may see one person's first passwords.");
        }

        if (await people.FindAsync(personId, reader, cancellationToken) is not { Kind: not "Guardian" } person)
        {
            return Result.NotFound("There is no student or staff member with that id that you may see.");
        }

        // No number: a staff member's employee id is an HR field, shown only with directory.staff-hr.
        var rows = await RowsAsync([new SheetPerson(person.Id, person.Name, null)], release, "First password shown on the holder's own sheet.", reader.User, cancellationToken);
        return new PersonSheet(person, rows);
    }

    private async Task<IReadOnlyList<ClassCounts>> CountsAsync(IReadOnlyList<ClassSummary> classes, CancellationToken cancellationToken)
    {
        var students = await rosters.StudentIdsAsync(classes.Select(c => c.Id).ToList(), cancellationToken);
        var (accounts, passwords) = await KeptAsync(students.Values.SelectMany(s => s).Distinct().ToList(), cancellationToken);
        return classes.Select(c =>
        {
            var (waiting, released) = FirstPasswordSheet.Count(students[c.Id], accounts, passwords);
            return new ClassCounts(c, waiting, released);
        }).ToList();
    }

    private async Task<IReadOnlyList<SheetRow>> RowsAsync(IReadOnlyList<SheetPerson> listed, bool release, string reason, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var ids = listed.Select(p => p.Id).ToList();
        var (accounts, passwords) = await KeptAsync(ids, cancellationToken);
        var rows = FirstPasswordSheet.Rows(listed, accounts, passwords);
        if (!release || !rows.Any(r => r.State == PasswordState.Waiting))
        {
            return rows;
        }

        var (shown, unreadable) = await ReleaseAsync(rows, accounts, passwords, reason, user, cancellationToken);
        (accounts, passwords) = await KeptAsync(ids, cancellationToken);
        return FirstPasswordSheet.Rows(listed, accounts, passwords)
            .Select(r => shown.TryGetValue((r.Target ?? "", r.PersonId), out var password) ? r with { State = PasswordState.Shown, Password = password }
                : unreadable.Contains((r.Target ?? "", r.PersonId)) ? r with { State = PasswordState.Unreadable }
                : r)
            .ToList();
    }

    /// <summary>
    /// Decrypts each waiting password and claims it: one update that empties the ciphertext and marks it released, only while
    /// it is still unreleased and still the same ciphertext (a concurrent release, or a sync that made a new one, wins). The
    /// claims and their audit rows commit together.
    /// </summary>
    private async Task<(Dictionary<(string, Guid), string> Shown, HashSet<(string, Guid)> Unreadable)> ReleaseAsync(
        IReadOnlyList<SheetRow> rows, IReadOnlyList<KeptAccount> accounts, IReadOnlyList<KeptPassword> passwords, string reason, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var protector = protection.CreateProtector(AccountSync.PasswordPurpose);
        var (by, now, runId) = (Clip(user.DisplayName(), 256), time.GetUtcNow(), Guid.CreateVersion7());
        var shown = new Dictionary<(string, Guid), string>();
        var unreadable = new HashSet<(string, Guid)>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var row in rows.Where(r => r.State == PasswordState.Waiting))
        {
            var key = (row.Target!, row.PersonId);
            var kept = passwords.Single(p => p.Target == row.Target && p.PersonId == row.PersonId);
            string clear;
            try
            {
                clear = protector.Unprotect(kept.Protected);
            }
            catch (CryptographicException)
            {
                unreadable.Add(key);
                continue;
            }

            var claimed = await db.Set<InitialPassword>().Where(p => p.Id == kept.Id && p.ReleasedAt == null && p.Protected == kept.Protected)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Protected, "").SetProperty(p => p.ReleasedAt, now).SetProperty(p => p.ReleasedBy, by), cancellationToken);
            if (claimed == 1)
            {
                shown[key] = clear;
                var account = accounts.Single(a => a.Target == row.Target && a.PersonId == row.PersonId);
                db.Add(new AccountOperation
                {
                    RunId = runId, Target = account.Target, PersonId = account.PersonId, Username = account.Username, Kind = OperationKind, Dn = account.Dn,
                    Reason = Clip(reason, 500), Outcome = OperationOutcome.Done, By = by, At = now,
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (shown, unreadable);
    }

    private async Task<(IReadOnlyList<KeptAccount> Accounts, IReadOnlyList<KeptPassword> Passwords)> KeptAsync(List<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return ([], []);
        }

        var accounts = await db.Set<ManagedAccount>().AsNoTracking().Where(a => ids.Contains(a.PersonId) && a.DeletedAt == null)
            .Select(a => new KeptAccount(a.Target, a.PersonId, a.Username, a.Dn, a.DisabledAt != null)).ToListAsync(cancellationToken);
        var passwords = await db.Set<InitialPassword>().AsNoTracking().Where(p => ids.Contains(p.PersonId))
            .Select(p => new KeptPassword(p.Id, p.Target, p.PersonId, p.Protected, p.ReleasedAt, p.ReleasedBy)).ToListAsync(cancellationToken);
        return (accounts, passwords);
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];
}
