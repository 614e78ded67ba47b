using System.DirectoryServices.Protocols;
using DistrictOps.Web.Modules.Accounts.Data;
using DistrictOps.Web.Modules.Accounts.Register;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Contracts;
using DistrictOps.Web.Modules.Users.Contracts;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Email;
using DistrictOps.Web.Platform.Http;
using DistrictOps.Web.Platform.Jobs;
using DistrictOps.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Modules.Accounts.SyncAccounts;

/// <summary>
/// The <c>accounts.sync</c> job: each target with a Directory import newer than the last one it was synced after is applied
/// (never over the guard), one after the other, so a directory that does not answer or a refused plan stops no other target.
/// Failed changes, or a directory that did not answer, open one help desk ticket per target and day. Those who may apply
/// plans get one email per run that did something. A target is marked synced with that email, in one unit of work; one whose
/// directory did not answer is not, so the next run tries it again (its ticket and email go once that day). With no newer
/// import a run does nothing.
/// </summary>
public sealed class SyncAccountsWork(
    AppDbContext db, AccountSync sync, IDirectoryChanges directory, IAutomationTickets tickets, IUserDirectory users, EmailOutbox outbox, DistrictTime time,
    IOptions<HttpOptions> http) : IScheduledWork
{
    public const string Name = "accounts.sync";

    /// <summary>Who the audit says made the changes.</summary>
    public const string By = "job: " + Name;

    public async Task<WorkDone> RunAsync(CancellationToken cancellationToken)
    {
        if (sync.Targets.Count == 0)
        {
            return new WorkDone(0, "No account target is configured (Accounts:Targets): nothing to do.");
        }

        var synced = new List<TargetSync>();
        foreach (var target in sync.Targets)
        {
            var mark = await db.Set<SyncedImport>().AsNoTracking().FirstOrDefaultAsync(m => m.Target == target.Name, cancellationToken);
            var imports = await directory.RunsAfterAsync(mark?.ImportCompletedAt ?? DateTimeOffset.UnixEpoch, cancellationToken);
            if (imports.Count > 0)
            {
                synced.Add(await SyncAsync(target, imports[^1], cancellationToken));
            }
        }

        if (synced.Count == 0)
        {
            return new WorkDone(0, "No Directory import since the last sync: nothing to do.");
        }

        foreach (var done in synced.Where(s => s.Unanswered is null))
        {
            await MarkAsync(done, cancellationToken);
        }

        if (synced.Any(s => s.IsNews))
        {
            await NotifyAsync(synced, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new WorkDone(synced.Sum(s => s.Report?.Done ?? 0) + synced.Count(s => s.Ticket?.OpenedNow == true), SyncNotices.Summary(synced));
    }

    private async Task<TargetSync> SyncAsync(AccountTarget target, ImportRunSummary import, CancellationToken cancellationToken)
    {
        Result<ApplyReport> result;
        try
        {
            result = await sync.ApplyOrReportRefusalAsync(target.Name, overrideGuard: false, By, cancellationToken);
        }
        catch (Exception e) when (e is LdapException or DirectoryOperationException)
        {
            // It answered the plan's read and not the connection the changes go through: nothing was changed.
            result = Result.Conflict($"The directory {target.Name} ({target.Url}) did not answer: {e.Message}");
        }

        var outcome = result.Succeeded
            ? new TargetSync(target.Name, import, result.Value, null)
            : new TargetSync(target.Name, import, null, result.Failure.Message);
        if (outcome.Unanswered is null && outcome.Report is not { Failed: > 0 })
        {
            return outcome;
        }

        var ticket = SyncNotices.Ticket(outcome, time.Today, Links(outcome));
        var opened = await tickets.OpenOnceAsync(ticket, cancellationToken);
        return opened.Succeeded ? outcome with { Ticket = opened.Value } : outcome with { TicketProblem = opened.Failure.Message };
    }

    private async Task MarkAsync(TargetSync done, CancellationToken cancellationToken)
    {
        var mark = await db.Set<SyncedImport>().FindAsync([done.Target], cancellationToken);
        if (mark is null)
        {
            mark = new SyncedImport { Target = done.Target };
            db.Add(mark);
        }

        (mark.ImportRunId, mark.ImportCompletedAt, mark.SyncedAt) = (done.Import.Id, done.Import.CompletedAt, time.Now);
    }

    /// <summary>One email to each holder of <see cref="AccountsPermissions.Apply"/>, queued with the marks it reports.</summary>
    private async Task NotifyAsync(IReadOnlyList<TargetSync> synced, CancellationToken cancellationToken)
    {
        var recipients = new List<UserSummary>();
        foreach (var role in AccountsPermissions.All.Single(p => p.Name == AccountsPermissions.Apply).GrantedTo)
        {
            recipients.AddRange(await users.InRoleAsync(role, cancellationToken));
        }

        var imported = time.AbsoluteWithZone(synced.Max(s => s.Import.CompletedAt));
        foreach (var recipient in recipients.DistinctBy(u => u.Id).Where(u => u.Email.Length > 0))
        {
            var (subject, text) = SyncNotices.Email(recipient.DisplayName, imported, synced, Links);
            outbox.Enqueue(new EmailMessage(recipient.Email, subject, text, null, Name));
        }
    }

    private SyncLinks Links(TargetSync synced) =>
        new(http.Value.Link("/accounts"), synced.Report is { Refused: null, RunId: var run } ? http.Value.Link($"/accounts/changes?run={run}") : null);
}
