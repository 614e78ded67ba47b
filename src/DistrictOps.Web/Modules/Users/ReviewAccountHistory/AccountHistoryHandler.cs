using DistrictOps.Web.Modules.Users.Data;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Http;
using DistrictOps.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Users.ReviewAccountHistory;

public sealed record AccountHistoryQuery(string? Account, string? Actor, DateOnly? From, DateOnly? To, PageRequest Page)
{
    /// <summary><c>account</c> and <c>actor</c> (part of a name or email), <c>from</c> and <c>to</c> (district days), <c>page</c>, <c>pageSize</c>.</summary>
    public static Result<AccountHistoryQuery> Read(IQueryCollection query)
    {
        var reader = new QueryReader(query);
        var (from, to) = reader.Days();
        return reader.Then(new AccountHistoryQuery(
            reader.Text("account", AppUser.DisplayNameMaxLength), reader.Text("actor", AppUser.DisplayNameMaxLength), from, to, reader.Paging()));
    }
}

public sealed record AccountEventRow(long Id, DateTimeOffset At, Guid UserId, string AccountName, string AccountEmail, AccountChange Change, string? Detail, Guid? ActorUserId, string ActorName);

/// <summary>The account audit log, newest first.</summary>
public sealed class AccountHistoryHandler(AppDbContext db, DistrictTime districtTime)
{
    public async Task<PagedResult<AccountEventRow>> HandleAsync(AccountHistoryQuery query, CancellationToken cancellationToken = default)
    {
        var rows = from e in db.Set<AccountEvent>().AsNoTracking()
                   join u in db.Users on e.UserId equals u.Id
                   select new { Event = e, u.DisplayName, u.Email, u.NormalizedEmail };
#pragma warning disable CA1304, CA1311, CA1862 // EF translates ToUpper and Contains to SQL upper() and LIKE on both providers.
        if (!string.IsNullOrWhiteSpace(query.Account))
        {
            var term = query.Account.Trim().ToUpperInvariant();
            rows = rows.Where(r => r.NormalizedEmail!.Contains(term) || r.DisplayName.ToUpper().Contains(term));
        }

        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            var term = query.Actor.Trim().ToUpperInvariant();
            var actors = db.Users.Where(u => u.NormalizedEmail!.Contains(term)).Select(u => (Guid?)u.Id);
            rows = rows.Where(r => r.Event.ActorName.ToUpper().Contains(term) || actors.Contains(r.Event.ActorUserId));
        }
#pragma warning restore CA1304, CA1311, CA1862

        if (query.From is { } from)
        {
            var start = districtTime.StartOf(from);
            rows = rows.Where(r => r.Event.At >= start);
        }

        if (query.To is { } to)
        {
            var end = districtTime.StartOf(to.AddDays(1));
            rows = rows.Where(r => r.Event.At < end);
        }

        return await rows.OrderByDescending(r => r.Event.Id)
            .Select(r => new AccountEventRow(r.Event.Id, r.Event.At, r.Event.UserId, r.DisplayName, r.Email ?? "", r.Event.Change, r.Event.Detail, r.Event.ActorUserId, r.Event.ActorName))
            .ToPagedResultAsync(query.Page, cancellationToken);
    }
}
