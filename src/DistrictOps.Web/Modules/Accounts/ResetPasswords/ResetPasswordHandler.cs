using System.DirectoryServices.Protocols;
using System.Security.Claims;
using DistrictOps.Web.Modules.Accounts.Data;
using DistrictOps.Web.Modules.Accounts.Register;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Contracts;
using DistrictOps.Web.Modules.Users.Contracts;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Modules.Accounts.ResetPasswords;

/// <summary>
/// A reset as the page and the API send it. <see cref="EmployeeId"/> is what the caller said, compared with HR's;
/// <see cref="Checks"/> the other checks made (callback, inPerson, supervisor). <see cref="RequestId"/> makes a retried
/// post reset once; <see cref="Target"/> may be left out when the person has one account.
/// </summary>
public sealed record ResetPasswordCommand(
    string? Ticket, Guid? PersonId, string? Target, string? EmployeeId, IReadOnlyList<string>? Checks, string? Reason, Guid? RequestId = null);

/// <summary>One of the person's managed accounts, and whether its directory takes resets (only over LDAPS).</summary>
public sealed record ResetAccount(string Target, string Username, string Dn, string Url, bool OverLdaps, bool Disabled);

/// <summary>The staff member whose password may be reset, as the page shows them (never their employee ID), and their managed accounts.</summary>
public sealed record ResetSubject(Guid PersonId, string Name, string Kind, string? Position, string? Phone, bool HasEmployeeId, IReadOnlyList<ResetAccount> Accounts);

/// <summary>A staff member found by name, username or employee ID, with their usernames.</summary>
public sealed record ResetCandidate(Guid PersonId, string Name, string Kind, string? Position, IReadOnlyList<string> Usernames);

/// <summary>
/// A reset made. <see cref="Password"/> is the new password, in this answer only; null when <see cref="Repeated"/>: the
/// request was made before and nothing was done again. <see cref="NoteProblem"/> says why the ticket note was not written.
/// </summary>
public sealed record PasswordReset(
    Guid RequestId, string Target, string Username, string Dn, string? Password, bool MustChangeAtNextSignIn, string VerifiedBy, string By, DateTimeOffset At,
    bool Repeated, bool NoteAdded, string? NoteProblem = null);

/// <summary>
/// Help desk password resets for staff: the ticket must be one the technician works, the caller's identity verified
/// (<see cref="IdentityVerification"/>), the account one DistrictOps manages in a directory reached over LDAPS, the person
/// staff (never a student), not the technician, at their sites when their role is site-scoped, and holding no permission
/// the technician does not (nobody gains access they could not grant). The new password goes to the directory and back to
/// the technician once; it is never stored, logged or written in a note. The audit and the ticket's internal note say
/// who, when, why and how the identity was verified.
/// </summary>
public sealed class ResetPasswordHandler(
    AppDbContext db, IOptions<AccountsOptions> options, IPeopleDirectory people, IUserDirectory users, ITicketNotes tickets, PermissionRegistry permissions,
    TimeProvider time)
{
    public const string OperationKind = "ResetPassword";

    /// <summary>The technician's reason; the audit's reason adds the ticket number before it.</summary>
    public const int ReasonMaxLength = 400;

    private static readonly string[] StaffKinds = ["Teacher", "Administrator", "Aide", "Staff"];

    public async Task<Result<NotedTicket>> TicketAsync(string number, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await tickets.FindAsync(number, user, cancellationToken);

    /// <summary>The person and their accounts, or why the user may not reset their password (Forbidden) or cannot see them (NotFound).</summary>
    public async Task<Result<ResetSubject>> SubjectAsync(Guid personId, ClaimsPrincipal user, DirectoryReader reader, CancellationToken cancellationToken)
    {
        var found = await PersonAsync(personId, user, reader, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure;
        }

        var person = found.Value;
        var accounts = await db.Set<ManagedAccount>().AsNoTracking().Where(a => a.PersonId == personId && a.DeletedAt == null).OrderBy(a => a.Target).ToListAsync(cancellationToken);
        return new ResetSubject(person.Id, person.Name, person.Kind, person.PositionTitle, person.Phone, !string.IsNullOrWhiteSpace(person.EmployeeId),
            accounts.Select(a => options.Value.Find(a.Target) is { } target
                ? new ResetAccount(target.Name, a.Username, a.Dn, target.Url, OverLdaps(target), a.DisabledAt is not null)
                : new ResetAccount(a.Target, a.Username, a.Dn, "", false, a.DisabledAt is not null)).ToList());
    }

    /// <summary>Current staff whose name or employee ID matches, or whose username is <paramref name="query"/>; never students.</summary>
    public async Task<IReadOnlyList<ResetCandidate>> SearchAsync(string query, DirectoryReader reader, CancellationToken cancellationToken)
    {
        var username = query.Trim().ToLowerInvariant();
        var byUsername = await db.Set<ManagedAccount>().AsNoTracking().Where(a => a.Username == username && a.DeletedAt == null).Select(a => a.PersonId).Distinct()
            .ToListAsync(cancellationToken);
        var found = (await people.FindManyAsync(byUsername, reader, cancellationToken)).Concat(await people.SearchAsync(query, reader, 20, cancellationToken))
            .Where(p => StaffKinds.Contains(p.Kind)).DistinctBy(p => p.Id).ToList();
        var ids = found.Select(p => p.Id).ToList();
        var names = await db.Set<ManagedAccount>().AsNoTracking().Where(a => ids.Contains(a.PersonId) && a.DeletedAt == null).OrderBy(a => a.Target)
            .Select(a => new { a.PersonId, a.Username }).ToListAsync(cancellationToken);
        return found.Select(p => new ResetCandidate(p.Id, p.Name, p.Kind, p.PositionTitle, names.Where(n => n.PersonId == p.Id).Select(n => n.Username).Distinct().ToList())).ToList();
    }

    public async Task<Result<PasswordReset>> ResetAsync(ResetPasswordCommand command, ClaimsPrincipal user, DirectoryReader reader, CancellationToken cancellationToken)
    {
        var requestId = command.RequestId ?? Guid.CreateVersion7();
        if (await EarlierAsync(requestId, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var verified = await VerifyAsync(command, user, reader, cancellationToken);
        return verified.Succeeded ? await WriteAsync(requestId, verified.Value, user, cancellationToken) : verified.Failure;
    }

    /// <summary>Everything the reset needs, checked: nothing has been changed yet.</summary>
    private sealed record Verified(NotedTicket Ticket, PersonSummary Person, ManagedAccount Account, AccountTarget Target, IReadOnlyList<IdentityCheck> Checks, string Reason);

    private async Task<Result<Verified>> VerifyAsync(ResetPasswordCommand command, ClaimsPrincipal user, DirectoryReader reader, CancellationToken cancellationToken)
    {
        var errors = new ErrorList();
        var number = errors.Required("ticket", command.Ticket, "Give the number of the ticket the reset is for (BV-000123).");
        var reason = errors.Required("reason", command.Reason, "Say why the password is reset: what the caller asked for.");
        errors.MaxLength("reason", reason, ReasonMaxLength);
        var checks = Checks(command, errors);
        if (command.PersonId is null)
        {
            errors.Add("personId", "Choose the staff member whose password is reset.");
        }

        var ticket = number is null ? null : await tickets.FindAsync(number, user, cancellationToken);
        if (ticket is { Succeeded: false })
        {
            errors.Add("ticket", ticket.Failure.Message);
        }

        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        var found = await PersonAsync(command.PersonId!.Value, user, reader, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure.Kind == OutcomeKind.NotFound ? Result.Invalid("personId", found.Failure.Message) : found.Failure;
        }

        var person = found.Value;
        if (!string.IsNullOrWhiteSpace(command.EmployeeId))
        {
            if (string.IsNullOrWhiteSpace(person.EmployeeId))
            {
                return Result.Invalid("employeeId", $"HR has no employee ID for {person.Name}, so it cannot be checked: use other checks.");
            }

            if (!IdentityVerification.SameEmployeeId(command.EmployeeId, person.EmployeeId))
            {
                return Result.Invalid("employeeId", $"That is not the employee ID HR has for {person.Name}: the caller is not verified, and nothing was reset.");
            }

            checks.Add(IdentityCheck.EmployeeId);
        }

        if (IdentityVerification.Refusal(checks) is { } notEnough)
        {
            return Result.Invalid("checks", notEnough);
        }

        var account = await AccountAsync(person, command.Target, cancellationToken);
        return account.Succeeded ? new Verified(ticket!.Value!, person, account.Value.Account, account.Value.Target, checks, reason!) : account.Failure;
    }

    private static List<IdentityCheck> Checks(ResetPasswordCommand command, ErrorList errors)
    {
        var checks = new List<IdentityCheck>();
        foreach (var text in command.Checks ?? [])
        {
            switch (IdentityVerification.Parse(text))
            {
                case null:
                    errors.Add("checks", $"{text} is not a check; the checks are employeeId (with the employee ID the caller gave), callback, inPerson and supervisor.");
                    break;
                case IdentityCheck.EmployeeId when string.IsNullOrWhiteSpace(command.EmployeeId):
                    errors.Add("employeeId", "Give the employee ID the caller said, to compare it with HR's.");
                    break;
                case IdentityCheck.EmployeeId:
                    break;
                case { } check:
                    checks.Add(check);
                    break;
            }
        }

        return checks;
    }

    private async Task<Result<(ManagedAccount Account, AccountTarget Target)>> AccountAsync(PersonSummary person, string? targetName, CancellationToken cancellationToken)
    {
        var accounts = await db.Set<ManagedAccount>().AsNoTracking().Where(a => a.PersonId == person.Id && a.DeletedAt == null).OrderBy(a => a.Target).ToListAsync(cancellationToken);
        var account = string.IsNullOrWhiteSpace(targetName)
            ? accounts.Count == 1 ? accounts[0] : null
            : accounts.FirstOrDefault(a => string.Equals(a.Target, targetName.Trim(), StringComparison.OrdinalIgnoreCase));
        if (account is null)
        {
            return accounts.Count == 0
                ? Result.Conflict($"{person.Name} has no directory account DistrictOps manages, so there is no password to reset here.")
                : Result.Invalid("target", $"Choose the directory: {person.Name} has accounts in {string.Join(", ", accounts.Select(a => a.Target))}.");
        }

        if (options.Value.Find(account.Target) is not { } target)
        {
            return Result.Conflict($"The directory {account.Target} is no longer configured (Accounts:Targets), so {account.Username} cannot be reset from here.");
        }

        if (!OverLdaps(target))
        {
            return Result.Conflict($"Passwords are reset only over LDAPS, and the directory {target.Name} is reached at {target.Url}: nothing was reset. "
                + "Give it an ldaps:// address (Accounts:Targets) to reset passwords there.");
        }

        return account.DisabledAt is not null
            ? Result.Conflict($"{account.Username} in {target.Name} was disabled when {person.Name} left; a disabled account's password is not reset.")
            : (account, target);
    }

    /// <summary>The person, when they are staff the user may reset: not a student, not the user, at the user's sites for a site-scoped role, with no more access.</summary>
    private async Task<Result<PersonSummary>> PersonAsync(Guid personId, ClaimsPrincipal user, DirectoryReader reader, CancellationToken cancellationToken)
    {
        if (await people.FindAsync(personId, reader, cancellationToken) is not { } person)
        {
            return Result.NotFound($"There is no person {personId} you can see.");
        }

        if (!StaffKinds.Contains(person.Kind))
        {
            return Result.Forbidden(person.Kind == "Student"
                ? "Only staff members' passwords are reset here, and this person is a student: students' passwords are never reset from the help desk."
                : "Only staff members' passwords are reset here, and this person is a parent or guardian.");
        }

        if (user.PersonId() == personId)
        {
            return Result.Forbidden("Nobody resets their own directory password here: ask another technician, who verifies who you are.");
        }

        var districtWide = permissions.All.Single(p => p.Name == AccountsPermissions.Reset).GrantedTo
            .Any(role => user.IsInRole(role) && Roles.Find(role) is { SiteScoped: false });
        if (!districtWide && (person.PrimarySiteId is not { } site || !user.SiteIds().Contains(site)))
        {
            return Result.Forbidden($"{person.Name} does not work at one of your sites: a site technician resets passwords only there. Ask the help desk.");
        }

        // What site staff hold is every staff member's baseline, scoped to their own (their requests, their classes): not more access.
        var held = permissions.HeldBy([.. user.RoleNames(), Roles.SiteStaff]);
        var beyond = (await users.ForPeopleAsync([personId], cancellationToken)).SelectMany(u => permissions.HeldBy(u.Roles)).Where(p => !held.Contains(p))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        return beyond.Count > 0
            ? Result.Forbidden($"{person.Name}'s DistrictOps account has {string.Join(", ", beyond)}, which your roles do not: nobody resets the password of "
                + "someone with more access than their own. Ask someone who holds it.")
            : person;
    }

    private async Task<Result<PasswordReset>> WriteAsync(Guid requestId, Verified verified, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (ticket, person, account, target, checks, reason) = verified;
        var now = time.GetUtcNow();
        var by = user.DisplayName();
        var run = new AccountRun { Id = requestId, Target = target.Name, Kind = RunKind.ResetPassword, By = by, StartedAt = now, Operations = 1 };
        db.Add(run);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same form posted twice at once: the run's key is the request id, so only the first one resets.
            db.ChangeTracker.Clear();
            return await EarlierAsync(requestId, cancellationToken) ?? throw new InvalidOperationException($"The reset {requestId} could not be recorded.");
        }

        var password = InitialPasswords.New(passphrase: false);
        var error = await DirectoryAsync(target, account, person, password);

        // From here the directory may have changed: the record is written even when the caller has gone.
        var verifiedBy = IdentityVerification.Describe(checks);
        db.Add(new AccountOperation
        {
            RunId = requestId, Target = target.Name, PersonId = person.Id, Username = account.Username, Kind = OperationKind, Dn = account.Dn,
            Reason = $"Help desk reset on {ticket.Number}: {reason}", Detail = $"Identity verified by: {verifiedBy}.",
            Outcome = error is null ? OperationOutcome.Done : OperationOutcome.Failed, Error = error, By = by, At = now,
        });
        (run.Done, run.Failed, run.FinishedAt) = (error is null ? 1 : 0, error is null ? 0 : 1, time.GetUtcNow());
        if (error is null)
        {
            // A first password not yet handed out no longer works: nobody should hand it out.
            db.RemoveRange(await db.Set<InitialPassword>().Where(p => p.Target == target.Name && p.PersonId == person.Id).ToListAsync(CancellationToken.None));
        }

        await db.SaveChangesAsync(CancellationToken.None);
        if (error is not null)
        {
            return Result.Conflict($"The directory {target.Name} ({target.Url}) did not take the new password for {account.Username}: {error} Nothing was reset.");
        }

        var ad = target.Dialect == DirectoryDialect.ActiveDirectory;
        var note = await tickets.AddInternalNoteAsync(ticket.Number,
            $"Directory password reset for {account.Username} in {target.Name} by {by}; identity verified by: {verifiedBy}. Reason: {reason}"
            + (ad ? " They must change it at their next sign-in." : ""), user, CancellationToken.None);
        return new PasswordReset(requestId, target.Name, account.Username, account.Dn, password, ad, verifiedBy, by, now, Repeated: false, note.Succeeded,
            note.Succeeded ? null : note.Failure.Message);
    }

    /// <summary>Writes the password; null when it was written, else why not (the directory's words, never the password).</summary>
    private static async Task<string?> DirectoryAsync(AccountTarget target, ManagedAccount account, PersonSummary person, string password)
    {
        try
        {
            var written = await Task.Run(() =>
            {
                using var session = LdapSession.Open(target);
                return session.ResetPassword(account.Dn, person.SourcedId, password);
            });
            return written ? null : $"{account.Dn} is not there with DistrictOps's marker and {person.Name}'s source id, and DistrictOps changes only the accounts it manages.";
        }
        catch (Exception e) when (e is LdapException or DirectoryOperationException)
        {
            var message = e is DirectoryOperationException d ? $"{d.Response?.ResultCode}: {d.Response?.ErrorMessage ?? d.Message}".Trim() : e.Message;
            return message.Length <= 900 ? message : message[..900];
        }
    }

    /// <summary>What became of a request id used before: the reset it made (without the password), or why it made none; null when it is new.</summary>
    private async Task<Result<PasswordReset>?> EarlierAsync(Guid requestId, CancellationToken cancellationToken)
    {
        if (await db.Set<AccountRun>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken) is not { } run)
        {
            return null;
        }

        var operation = await db.Set<AccountOperation>().AsNoTracking().Where(o => o.RunId == requestId).OrderBy(o => o.Id).FirstOrDefaultAsync(cancellationToken);
        if (run.Kind != RunKind.ResetPassword || operation is null)
        {
            return Result.Conflict(run.Kind != RunKind.ResetPassword
                ? "This request id belongs to something else: send a new one."
                : "This reset was started and has not finished, or was stopped: look for it among the account changes before resetting again.");
        }

        if (operation.Outcome == OperationOutcome.Failed)
        {
            return Result.Conflict($"This reset was tried already and the directory did not take it: {operation.Error} Nothing was reset; send a new request to try again.");
        }

        var ad = options.Value.Find(operation.Target)?.Dialect == DirectoryDialect.ActiveDirectory;
        return new PasswordReset(requestId, operation.Target, operation.Username ?? "", operation.Dn, Password: null, ad,
            operation.Detail?.Replace("Identity verified by: ", "", StringComparison.Ordinal).TrimEnd('.') ?? "", operation.By, operation.At, Repeated: true, NoteAdded: true);
    }

    private static bool OverLdaps(AccountTarget target) => Uri.TryCreate(target.Url, UriKind.Absolute, out var url) && url.Scheme == "ldaps";
}
