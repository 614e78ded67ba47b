using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Directory.Contracts;

/// <summary>
/// A person as account management needs them: the immutable source id written to the directory, the names an account is
/// made from, the primary site and grade that place it, the HR title and department, and since when they have left
/// (the SIS's or HR's word), if they have. No demographics, no guardians, no roster.
/// </summary>
public sealed record AccountHolder(
    Guid Id, string SourcedId, string Kind, string GivenName, string FamilyName, string? MiddleName, string? PreferredGivenName, string? PreferredFamilyName,
    string? SiteSourcedId, string? SiteName, string? Grade, string? EmployeeId, string? Title, string? Department, DateTimeOffset? LeftAt);

/// <summary>
/// Everyone who may hold a directory account (students and staff; never guardians), current and those who left, for the
/// account planner. Applies no student rule and writes no access log: nothing here is shown to a user but through the
/// accounts module's own pages, which are for those who manage accounts.
/// </summary>
public interface IAccountHolders
{
    Task<IReadOnlyList<AccountHolder>> ListAsync(CancellationToken cancellationToken = default);
}

internal sealed class AccountHolders(AppDbContext db) : IAccountHolders
{
    public async Task<IReadOnlyList<AccountHolder>> ListAsync(CancellationToken cancellationToken = default)
    {
        var sites = await db.Set<Site>().AsNoTracking().ToDictionaryAsync(s => s.Id, s => (s.SourcedId, s.Name), cancellationToken);
        var people = await db.Set<Person>().AsNoTracking().Where(p => p.Kind != PersonKind.Guardian)
            .Select(p => new
            {
                p.Id, p.SourcedId, p.Kind, p.GivenName, p.FamilyName, p.MiddleName, p.PreferredGivenName, p.PreferredFamilyName, p.PrimarySiteId, p.Grades,
                p.EmployeeId, p.PositionTitle, p.Department, p.LeftAt, p.HrStatus, p.HrEndDate,
            })
            .ToListAsync(cancellationToken);
        return people.Select(p =>
        {
            var site = p.PrimarySiteId is { } id && sites.TryGetValue(id, out var s) ? s : default;
            // HR's end date where HR says terminated; a staff member HR lists as active has not left whatever the SIS says.
            var left = p.HrStatus == "terminated" ? (p.HrEndDate is { } end ? new DateTimeOffset(end.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : p.LeftAt ?? DateTimeOffset.MinValue)
                : p.HrStatus == "active" ? null : p.LeftAt;
            return new AccountHolder(p.Id, p.SourcedId, p.Kind.ToString(), p.GivenName, p.FamilyName, p.MiddleName, p.PreferredGivenName, p.PreferredFamilyName,
                site.SourcedId, site.Name, p.Grades?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(),
                p.EmployeeId, p.PositionTitle, p.Department, left);
        }).ToList();
    }
}
