using DistrictOps.Web.Modules.Users.Contracts;
using DistrictOps.Web.Modules.Users.Data;
using DistrictOps.Web.Modules.Users.EditUser;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Modules.Users;

/// <summary>
/// Disables the accounts of HR leavers (<see cref="IUserDirectory.DisableLeaversAsync"/>), from their last day plus
/// <see cref="UsersOptions.LeaverGraceDays"/> on. An account is disabled once per leaving: when the log already has
/// "disabled as leaver" for it since the last day, an administrator has enabled it again on purpose and it is left alone.
/// It only ever disables: a re-hired person's account waits for an administrator.
/// </summary>
public sealed class LeaverAccountsHandler(AppDbContext db, AccountStatusHandler status, DistrictTime districtTime, IOptions<UsersOptions> options)
{
    public async Task<LeaverAccounts> HandleAsync(IReadOnlyList<Leaver> leavers, CancellationToken cancellationToken = default)
    {
        var latest = leavers.GroupBy(l => l.PersonId).ToDictionary(g => g.Key, g => g.MaxBy(l => l.LastDay)!);
        var personIds = latest.Keys.ToList();
        var accounts = await db.Users.AsNoTracking()
            .Where(u => u.PersonId != null && personIds.Contains(u.PersonId.Value) && u.DisabledAt == null)
            .Select(u => new { u.Id, PersonId = u.PersonId!.Value })
            .ToListAsync(cancellationToken);
        var accountIds = accounts.Select(a => a.Id).ToList();
        var disabledAsLeaver = (await db.Set<AccountEvent>().AsNoTracking()
                .Where(e => accountIds.Contains(e.UserId) && e.Change == AccountChange.DisabledAsLeaver)
                .Select(e => new { e.UserId, e.At })
                .ToListAsync(cancellationToken))
            .ToLookup(e => e.UserId, e => e.At);
        var today = districtTime.Today;
        var (disabled, waiting, refused) = (0, 0, new List<string>());
        foreach (var account in accounts)
        {
            var leaver = latest[account.PersonId];
            if (leaver.LastDay.AddDays(options.Value.LeaverGraceDays) > today)
            {
                waiting++;
                continue;
            }

            var since = districtTime.StartOf(leaver.LastDay);
            if (disabledAsLeaver[account.Id].Any(at => at >= since))
            {
                continue;
            }

            var result = await status.DisableAsLeaverAsync(account.Id, leaver.Source, cancellationToken);
            if (result.Succeeded)
            {
                disabled += result.Value.Changed ? 1 : 0;
            }
            else
            {
                refused.Add($"user {account.Id}: {result.Failure.Message}");
            }
        }

        return new LeaverAccounts(disabled, waiting, refused);
    }
}
