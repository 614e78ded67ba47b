using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Modules.Users.Contracts;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Jobs;
using DistrictOps.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Directory.DisableLeaverAccounts;

/// <summary>
/// Tells the Users module who has left according to HR: every staff member whose HR status is terminated (a
/// <c>terminated</c> row, or an employee missing from a complete staff file), with their last day (the file's end date, else
/// the day of the import that ended them) and the import that said so. Users decides, after its grace, which accounts to
/// disable, and disables each once per leaving, so a rerun changes nothing. A re-hired person (status active again) is
/// no longer listed; their account stays disabled until an administrator enables it.
/// </summary>
public sealed class DisableLeaverAccountsWork(AppDbContext db, IUserDirectory users, DistrictTime districtTime) : IScheduledWork
{
    public const string Name = "directory.disable-leaver-accounts";

    public async Task<WorkDone> RunAsync(CancellationToken cancellationToken)
    {
        var terminated = await db.Set<Person>().AsNoTracking()
            .Where(p => p.HrStatus == "terminated" && p.EmployeeId != null)
            .Select(p => new { p.Id, p.EmployeeId, p.HrEndDate })
            .ToListAsync(cancellationToken);
        var withAccounts = (await users.ForPeopleAsync(terminated.Select(p => p.Id).ToList(), cancellationToken))
            .Select(u => u.PersonId).ToHashSet();
        terminated.RemoveAll(p => !withAccounts.Contains(p.Id));
        var ids = terminated.Select(p => p.Id).ToList();
        var lastChanges = (await db.Set<ImportChange>().AsNoTracking()
                .Where(c => c.Entity == "Staff" && ids.Contains(c.EntityId))
                .Select(c => new { c.Id, c.EntityId, c.RunId })
                .ToListAsync(cancellationToken))
            .GroupBy(c => c.EntityId).ToDictionary(g => g.Key, g => g.MaxBy(c => c.Id)!.RunId);
        var runIds = lastChanges.Values.Distinct().ToList();
        var runs = await db.Set<ImportRun>().AsNoTracking().Where(r => runIds.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, r => new { r.Source, r.CompletedAt }, cancellationToken);

        var leavers = new List<Leaver>();
        foreach (var person in terminated)
        {
            var run = lastChanges.TryGetValue(person.Id, out var runId) ? runs.GetValueOrDefault(runId) : null;
            var lastDay = person.HrEndDate ?? (run is null ? districtTime.Today : DateOnly.FromDateTime(districtTime.InDistrict(run.CompletedAt).DateTime));
            leavers.Add(new Leaver(person.Id, lastDay, $"HR import {run?.Source ?? "(unknown)"}, employee {person.EmployeeId}"));
        }

        var outcome = await users.DisableLeaversAsync(leavers, cancellationToken);
        var summary = $"{outcome.Disabled} account(s) of HR leavers disabled; {outcome.Waiting} wait for the grace period.";
        return new WorkDone(outcome.Disabled, outcome.Refused.Count == 0 ? summary : $"{summary} Refused: {string.Join(" ", outcome.Refused)}");
    }
}
