using System.DirectoryServices.Protocols;
using DistrictOps.Web.Modules.Accounts.Data;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Modules.Accounts.Register;

/// <summary>A plan as the page, the API and the command line show it, with the guard's verdict.</summary>
public sealed record PlanView(AccountPlan Plan, string? Refusal, Guid RunId);

/// <summary>How far an apply is: <see cref="Total"/> is 0 while the directory is read and the plan made.</summary>
public readonly record struct ApplyProgress(int Done, int Total);

/// <summary>
/// What an apply did: each change's outcome is in the audit under <see cref="RunId"/>. <see cref="Refused"/> says why the guard
/// let nothing through (then nothing was applied).
/// </summary>
public sealed record ApplyReport(Guid RunId, string Target, int Planned, int Done, int Failed, IReadOnlyList<string> Failures, bool Overridden, string? Refused = null);

/// <summary>
/// Plans and applies one target: reads the Directory's people and the target directory as they are now, plans with
/// <see cref="AccountPlanner"/>, and applies change by change, recording each in the audit and going on past a change that
/// fails. Applying plans again first, so a run after a crash finishes the job and a second run changes nothing.
/// </summary>
public sealed class AccountSync(AppDbContext db, IAccountHolders holders, IOptions<AccountsOptions> options, IDataProtectionProvider protection, TimeProvider time)
{
    public const string PasswordPurpose = "DistrictOps.Accounts.InitialPasswords";

    public IReadOnlyList<AccountTarget> Targets => options.Value.Targets;

    public async Task<Result<PlanView>> PlanAsync(string targetName, string by, CancellationToken cancellationToken)
    {
        if (options.Value.Find(targetName) is not { } target)
        {
            return NoTarget(targetName);
        }

        using var session = await OpenAsync(target, cancellationToken);
        if (session.Error is not null)
        {
            return Result.Conflict(session.Error);
        }

        var (plan, error) = await BuildAsync(target, session.Value!, cancellationToken);
        if (plan is null)
        {
            return Result.Conflict(error!);
        }

        var run = Start(target, RunKind.Plan, by);
        run.Operations = plan.Operations.Count;
        run.Refused = plan.Refusal(options.Value);
        run.FinishedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return new PlanView(plan, run.Refused, run.Id);
    }

    /// <summary>Applies a fresh plan; a plan the guard refuses goes only with <paramref name="overrideGuard"/>, which the caller has checked the user may give.</summary>
    public async Task<Result<ApplyReport>> ApplyAsync(string targetName, bool overrideGuard, string by, CancellationToken cancellationToken, IProgress<ApplyProgress>? progress = null)
    {
        var result = await ApplyOrReportRefusalAsync(targetName, overrideGuard, by, cancellationToken, progress);
        return result is { Succeeded: true, Value.Refused: { } refused } ? Result.Conflict($"Nothing was applied. {refused}") : result;
    }

    /// <summary>The same, but a plan the guard refuses is a report of nothing applied with the reason, for the scheduled sync to pass on.</summary>
    public async Task<Result<ApplyReport>> ApplyOrReportRefusalAsync(
        string targetName, bool overrideGuard, string by, CancellationToken cancellationToken, IProgress<ApplyProgress>? progress = null)
    {
        if (options.Value.Find(targetName) is not { } target)
        {
            return NoTarget(targetName);
        }

        // One connection reads the directory and makes the changes.
        progress?.Report(new ApplyProgress(0, 0));
        using var session = await OpenAsync(target, cancellationToken);
        if (session.Error is not null)
        {
            return Result.Conflict(session.Error);
        }

        var (plan, unread) = await BuildAsync(target, session.Value!, cancellationToken);
        if (plan is null)
        {
            return Result.Conflict(unread!);
        }

        var run = Start(target, RunKind.Apply, by);
        run.Operations = plan.Operations.Count;
        run.Refused = plan.Refusal(options.Value);
        if (run.Refused is not null && !overrideGuard)
        {
            run.FinishedAt = time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            return new ApplyReport(run.Id, target.Name, plan.Operations.Count, 0, 0, [], false, run.Refused);
        }

        run.Overridden = run.Refused is not null;
        await db.SaveChangesAsync(cancellationToken);
        var failures = new List<string>();
        var kept = new Kept(
            await db.Set<ManagedAccount>().Where(a => a.Target == target.Name).ToDictionaryAsync(a => a.PersonId, cancellationToken),
            await db.Set<InitialPassword>().Where(p => p.Target == target.Name).ToDictionaryAsync(p => p.PersonId, cancellationToken));
        var every = Math.Max(1, plan.Operations.Count / 100);
        for (var i = 0; i < plan.Operations.Count; i++)
        {
            if (i % every == 0)
            {
                progress?.Report(new ApplyProgress(i, plan.Operations.Count));
            }

            var operation = plan.Operations[i];
            var error = await ApplyOneAsync(target, session.Value!, kept, operation, run, by, cancellationToken);
            if (error is not null)
            {
                failures.Add($"{operation.Kind} {operation.Dn}: {error}");
            }
        }

        run.Done = plan.Operations.Count - failures.Count;
        run.Failed = failures.Count;
        run.FinishedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return new ApplyReport(run.Id, target.Name, plan.Operations.Count, run.Done, run.Failed, failures, run.Overridden);
    }

    private async Task<string?> ApplyOneAsync(
        AccountTarget target, LdapSession session, Kept kept, PlannedOperation operation, AccountRun run, string by, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        string? password = null;
        if (operation is { Kind: OperationKind.Create, PersonId: { } person, Username: { } username })
        {
            // The name is claimed before the account exists, so a crash cannot let someone else take it.
            if (await db.Set<UsernameClaim>().FindAsync([username], cancellationToken) is null)
            {
                db.Add(new UsernameClaim { Username = username, PersonId = person, ClaimedAt = now });
            }

            password = InitialPasswords.New(operation.Passphrase);
            KeepPassword(target, kept, person, password, now);
            await db.SaveChangesAsync(cancellationToken);
        }

        string? error = null;
        try
        {
            await Task.Run(() => session.Apply(operation, password), cancellationToken);
        }
        catch (Exception e) when (e is DirectoryOperationException or LdapException)
        {
            error = e is DirectoryOperationException d ? $"{d.Response?.ResultCode}: {d.Response?.ErrorMessage ?? d.Message}".Trim() : e.Message;
        }

        if (error is null)
        {
            Remember(target, kept, operation, now);
        }

        db.Add(new AccountOperation
        {
            RunId = run.Id, Target = target.Name, PersonId = operation.PersonId, Username = operation.OnGroup ? operation.Name : operation.Username, Kind = operation.Kind.ToString(),
            Dn = operation.NewDn ?? operation.Dn, Reason = Clip(operation.Reason, 500), Detail = Detail(operation),
            Outcome = error is null ? OperationOutcome.Done : OperationOutcome.Failed, Error = error is null ? null : Clip(error, 1000), By = by, At = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        return error;
    }

    /// <summary>Keeps the sync's own record in step with what it just did in the directory.</summary>
    private void Remember(AccountTarget target, Kept kept, PlannedOperation operation, DateTimeOffset now)
    {
        if (operation.PersonId is not { } person)
        {
            return;
        }

        if (!kept.Accounts.TryGetValue(person, out var account))
        {
            account = new ManagedAccount { Target = target.Name, PersonId = person, Username = operation.Username ?? "", Dn = operation.Dn, CreatedAt = now };
            kept.Accounts[person] = account;
            db.Add(account);
        }

        account.Dn = operation.NewDn ?? operation.Dn;
        account.Username = operation.Username ?? account.Username;
        account.DisabledAt = operation.Kind switch { OperationKind.Disable => now, OperationKind.Enable => null, _ => account.DisabledAt };
        account.DeletedAt = operation.Kind == OperationKind.Delete ? now : account.DeletedAt;
    }

    private void KeepPassword(AccountTarget target, Kept kept, Guid person, string password, DateTimeOffset now)
    {
        var sealedPassword = protection.CreateProtector(PasswordPurpose).Protect(password);
        if (kept.Passwords.TryGetValue(person, out var first))
        {
            (first.Protected, first.CreatedAt, first.ReleasedAt, first.ReleasedBy) = (sealedPassword, now, null, null);
        }
        else
        {
            kept.Passwords[person] = first = new InitialPassword { Target = target.Name, PersonId = person, Protected = sealedPassword, CreatedAt = now };
            db.Add(first);
        }
    }

    /// <summary>The sync's own records of one target, loaded once per apply and kept in step as it goes.</summary>
    private sealed record Kept(Dictionary<Guid, ManagedAccount> Accounts, Dictionary<Guid, InitialPassword> Passwords);

    /// <summary>A bound connection to the target, or why there is none.</summary>
    private sealed record Connection(LdapSession? Value, string? Error) : IDisposable
    {
        public void Dispose() => Value?.Dispose();
    }

    private static async Task<Connection> OpenAsync(AccountTarget target, CancellationToken cancellationToken)
    {
        try
        {
            return new Connection(await Task.Run(() => LdapSession.Open(target), cancellationToken), null);
        }
        catch (Exception e) when (e is LdapException or DirectoryOperationException)
        {
            return new Connection(null, $"The directory {target.Name} ({target.Url}) did not answer: {e.Message}");
        }
    }

    private async Task<(AccountPlan? Plan, string? Error)> BuildAsync(AccountTarget target, LdapSession session, CancellationToken cancellationToken)
    {
        DirectoryState state;
        try
        {
            state = await Task.Run(session.Read, cancellationToken);
        }
        catch (Exception e) when (e is LdapException or DirectoryOperationException)
        {
            return (null, $"The directory {target.Name} ({target.Url}) could not be read: {e.Message}");
        }

        var withClasses = target.Groups.Contains(GroupKind.Class);
        var people = await holders.ListAsync(withClasses, cancellationToken);
        var classes = withClasses ? (await holders.ClassesAsync(cancellationToken)).ToDictionary(c => c.SourcedId, StringComparer.OrdinalIgnoreCase) : null;
        var known = await db.Set<ManagedAccount>().AsNoTracking().Where(a => a.Target == target.Name && a.DeletedAt == null)
            .ToDictionaryAsync(a => a.PersonId, a => new KnownAccount(a.PersonId, a.Username, a.DisabledAt), cancellationToken);
        var claims = await db.Set<UsernameClaim>().AsNoTracking().ToDictionaryAsync(c => c.Username, c => c.PersonId, StringComparer.OrdinalIgnoreCase, cancellationToken);
        return (AccountPlanner.Plan(new PlanInput(target, people, state, known, claims, time.GetUtcNow(), classes)), null);
    }

    private AccountRun Start(AccountTarget target, RunKind kind, string by)
    {
        var run = new AccountRun { Id = Guid.CreateVersion7(), Target = target.Name, Kind = kind, By = by, StartedAt = time.GetUtcNow() };
        db.Add(run);
        return run;
    }

    private Failure NoTarget(string name) =>
        Result.NotFound($"There is no account target named {name}; the targets are {(Targets.Count == 0 ? "not configured (Accounts:Targets)" : string.Join(", ", Targets.Select(t => t.Name)))}.");

    private static string? Detail(PlannedOperation operation)
    {
        var parts = operation.Changes.Select(c => $"{c.Key}={c.Value ?? "(removed)"}")
            .Concat((operation.Members ?? []).Select(m => $"{(operation.Kind == OperationKind.RemoveMembers ? "-" : "+")}member={m}")).ToList();
        return parts.Count == 0 ? null : Clip(string.Join("; ", parts), AccountOperation.DetailMaxLength);
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];
}
