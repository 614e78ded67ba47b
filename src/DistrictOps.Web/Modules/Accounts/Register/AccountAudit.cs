using DistrictOps.Web.Modules.Accounts.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Accounts.Register;

public sealed record OperationRow(long Id, DateTimeOffset At, string Target, string Kind, Guid? PersonId, string? Username, string Dn, string Reason, string? Detail, string Outcome, string? Error, string By);

/// <summary>Every directory change, newest first: by person, by username or DN start, by target, by run.</summary>
public sealed class AccountAudit(AppDbContext db)
{
    public async Task<PagedResult<OperationRow>> SearchAsync(Guid? person, string? text, string? target, Guid? run, PageRequest page, CancellationToken cancellationToken)
    {
        var query = db.Set<AccountOperation>().AsNoTracking();
        if (person is { } p)
        {
            query = query.Where(o => o.PersonId == p);
        }

        if (!string.IsNullOrWhiteSpace(text))
        {
            var t = text.Trim();
            var name = t.ToLowerInvariant();
            query = query.Where(o => o.Username == name || o.Dn.StartsWith(t));
        }

        if (!string.IsNullOrWhiteSpace(target))
        {
            query = query.Where(o => o.Target == target);
        }

        if (run is { } r)
        {
            query = query.Where(o => o.RunId == r);
        }

        return await query.OrderByDescending(o => o.Id)
            .Select(o => new OperationRow(o.Id, o.At, o.Target, o.Kind, o.PersonId, o.Username, o.Dn, o.Reason, o.Detail, o.Outcome.ToString(), o.Error, o.By))
            .ToPagedResultAsync(page, cancellationToken);
    }
}
