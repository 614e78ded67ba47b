using System.Globalization;
using System.Text.Json;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Directory.Importing;

/// <summary>
/// The HR staff file (hr/staff.csv) and the technician coverage file (hr/coverage.csv): DistrictOps' own
/// documented formats. The staff file is complete each time: an employee missing from it has left HR.
/// People are matched on employee id, or on the SIS sourcedId the row names; never on names or emails.
/// </summary>
public sealed class StaffImporter(AppDbContext db, TimeProvider time)
{
    /// <summary>The role of the site memberships HR gives; OneRoster never sends it.</summary>
    public const string StaffRole = "staff";

    public const string StaffFile = "staff.csv";
    public const string CoverageFile = "coverage.csv";

    private const int SaveEvery = 500;

    public static readonly IReadOnlyList<string> StaffColumns =
        ["employeeId", "personSourcedId", "givenName", "familyName", "email", "positionTitle", "department", "siteSourcedIds", "status", "startDate", "endDate"];

    public static readonly IReadOnlyList<string> CoverageColumns = ["employeeId", "siteSourcedId", "share"];

    private static readonly IReadOnlyList<string> Statuses = ["active", "leave", "terminated"];

    private sealed record StaffRow(int Line, string EmployeeId, string? PersonSourcedId, string GivenName, string FamilyName, string? Email,
        string? Title, string? Department, IReadOnlyList<string> Sites, string Status, DateOnly? Start, DateOnly? End)
    {
        public long Hash => ContentHash.Of(PersonSourcedId, GivenName, FamilyName, Email, Title, Department, Sites, Status, Start, End);
    }

    /// <summary>Plans (apply false) or applies the HR folder's staff.csv and, when present, coverage.csv.</summary>
    public async Task<ImportOutcome> RunAsync(string folder, ImportErrorLog errors, ImportOptions options, bool apply, CancellationToken ct = default)
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
        var staffPlan = new EntityPlan("Staff", StaffFile, ImportFileMode.Bulk);
        var coveragePlan = new EntityPlan(nameof(TechnicianCoverage), CoverageFile, ImportFileMode.Bulk);
        var sites = await db.Set<Site>().AsNoTracking().Where(s => s.LeftAt == null).ToDictionaryAsync(s => s.SourcedId, s => s.Id, ct);
        var people = await db.Set<Person>().Where(p => p.EmployeeId != null || p.ContentHash != 0)
            .Select(p => new KnownStaff(p.Id, p.SourcedId, p.EmployeeId, p.HrContentHash, p.ContentHash)).ToListAsync(ct);
        var byEmployee = people.Where(p => p.EmployeeId != null).ToDictionary(p => p.EmployeeId!, StringComparer.Ordinal);
        var bySourcedId = people.ToDictionary(p => p.SourcedId, StringComparer.Ordinal);

        var rows = ReadStaff(folder, sites, bySourcedId.Keys.ToHashSet(StringComparer.Ordinal), errors);
        var inFile = rows.Select(r => r.EmployeeId).ToHashSet(StringComparer.Ordinal);
        var leaving = byEmployee.Values.Where(p => !inFile.Contains(p.EmployeeId!) && p.HrContentHash != 0).OrderBy(p => p.EmployeeId, StringComparer.Ordinal).ToList();
        CountStaff(staffPlan, rows, byEmployee, leaving);

        var coverage = File.Exists(Path.Combine(folder, CoverageFile))
            ? ReadCoverage(folder, sites, inFile, errors)
            : null;
        var existingCoverage = await db.Set<TechnicianCoverage>().AsNoTracking().ToListAsync(ct);
        var guard = ShrinkRefusals(leaving.Count, byEmployee.Values.Count(p => p.HrContentHash != 0), options);

        var entities = coverage is null ? new List<EntityPlan> { staffPlan } : [staffPlan, coveragePlan];
        var plan = new ImportPlan(name, "HR", entities, errors.Errors, errors.Total, guard.Select(g => g.Text).ToList()) { Guard = guard };
        if (!apply || !plan.CanApply)
        {
            if (coverage is not null)
            {
                CountCoverage(coveragePlan, coverage.Select(c => (c.EmployeeId, c.Site, c.Share)).ToList(), existingCoverage, byEmployee.ToDictionary(e => e.Key, e => e.Value.Id), sites);
            }

            return new ImportOutcome(plan, null);
        }

        var now = time.GetUtcNow();
        var runId = Guid.CreateVersion7(now);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Add(new ImportRun { Id = runId, Kind = ImportKind.HrStaff, Source = name, Description = "HR staff" + (coverage is null ? "" : " and technician coverage"), RunBy = options.RunBy, StartedAt = now, CountsJson = "{}" });
        await db.SaveChangesAsync(ct);

        var tracked = await db.Set<Person>().Where(p => p.EmployeeId != null || p.SourcedId.StartsWith("hr-")).ToDictionaryAsync(p => p.SourcedId, StringComparer.Ordinal, ct);
        var named = await NamedPeopleAsync(rows, byEmployee.Values.Select(p => p.SourcedId), bySourcedId.Keys, ct);
        var ids = new AscendingIds(now);
        var written = 0;
        foreach (var row in rows)
        {
            var person = byEmployee.TryGetValue(row.EmployeeId, out var k) ? tracked.GetValueOrDefault(k.SourcedId) ?? named[k.SourcedId]
                : row.PersonSourcedId is { } sid ? tracked.GetValueOrDefault(sid) ?? named[sid]
                : tracked.GetValueOrDefault("hr-" + row.EmployeeId);
            var joined = person is null;
            if (person?.HrContentHash == row.Hash)
            {
                continue;
            }

            person ??= db.Add(new Person { Id = ids.Next(), SourcedId = "hr-" + row.EmployeeId, Kind = PersonKind.Staff, SourceRole = "staff" }).Entity;

            var changes = await ApplyRowAsync(person, row, joined, now, sites, ct);
            db.Add(new ImportChange { RunId = runId, Entity = "Staff", EntityId = person.Id, SourcedId = row.EmployeeId, Kind = joined ? ChangeKind.Joined : ChangeKind.Changed, Fields = joined ? null : string.Join(',', changes.Names) });
            if (++written % SaveEvery == 0)
            {
                await db.SaveChangesAsync(ct);
            }

            byEmployee[row.EmployeeId] = new KnownStaff(person.Id, person.SourcedId, person.EmployeeId, person.HrContentHash, person.ContentHash);
        }

        await EndLeaversAsync(runId, leaving, tracked, now, ct);

        if (coverage is not null)
        {
            await ReplaceCoverageAsync(coveragePlan, coverage, existingCoverage, byEmployee.ToDictionary(e => e.Key, e => e.Value.Id), sites, ct);
        }

        await CompleteRunAsync(runId, entities, ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new ImportOutcome(plan, runId);
    }

    private async Task ReplaceCoverageAsync(EntityPlan plan, IEnumerable<(int Line, string EmployeeId, string Site, decimal Share)> coverage, List<TechnicianCoverage> existing, Dictionary<string, Guid> people, Dictionary<string, Guid> sites, CancellationToken ct)
    {
        var wanted = coverage.Select(c => (c.EmployeeId, c.Site, c.Share)).ToList();
        CountCoverage(plan, wanted, existing, people, sites);
        await db.Set<TechnicianCoverage>().ExecuteDeleteAsync(ct);
        db.AddRange(wanted.Select(c => new TechnicianCoverage { PersonId = people[c.EmployeeId], SiteId = sites[c.Site], Share = c.Share }));
    }

    private async Task CompleteRunAsync(Guid runId, IEnumerable<EntityPlan> entities, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        await db.Set<ImportRun>().Where(r => r.Id == runId).ExecuteUpdateAsync(r => r
            .SetProperty(x => x.CompletedAt, time.GetUtcNow())
            .SetProperty(x => x.CountsJson, JsonSerializer.Serialize(entities.ToDictionary(e => e.Entity, e => new { e.Add, e.Update, e.Remove, e.Leave }), (JsonSerializerOptions?)null)), ct);
    }

    private sealed record KnownStaff(Guid Id, string SourcedId, string? EmployeeId, long HrContentHash, long ContentHash);

    private static void CountStaff(EntityPlan plan, IReadOnlyList<StaffRow> rows, Dictionary<string, KnownStaff> byEmployee, IReadOnlyList<KnownStaff> leaving)
    {
        foreach (var row in rows)
        {
            var known = byEmployee.GetValueOrDefault(row.EmployeeId);
            if (known is null)
            {
                plan.Count(PlannedChange.Add, row.EmployeeId, row.Line);
            }
            else if (known.HrContentHash != row.Hash)
            {
                plan.Count(PlannedChange.Update, row.EmployeeId, row.Line);
            }
            else
            {
                plan.Leave++;
            }
        }

        foreach (var person in leaving)
        {
            plan.Count(PlannedChange.Remove, person.EmployeeId!, 0);
        }
    }

    private static List<GuardFinding> ShrinkRefusals(int leaving, int active, ImportOptions options) =>
        !options.AllowShrink && active > 0 && leaving > active * options.MaxShrinkShare
            ?
            [
                new GuardFinding("employees", leaving, active, options.MaxShrinkShare)
                {
                    Text = $"This HR file would end {leaving:N0} of {active:N0} employees ({100.0 * leaving / active:0.#}%), " +
                        $"more than the {options.MaxShrinkShare * 100:0.#}% allowed. If HR really shrank, apply again with --allow-shrink.",
                },
            ]
            : [];

    private async Task<FieldChanges> ApplyRowAsync(Person person, StaffRow row, bool joined, DateTimeOffset now, Dictionary<string, Guid> sites, CancellationToken ct)
    {
        var changes = new FieldChanges();
        person.EmployeeId = changes.Set("employeeId", person.EmployeeId, row.EmployeeId);
        person.PositionTitle = changes.Set("positionTitle", person.PositionTitle, row.Title);
        person.Department = changes.Set("department", person.Department, row.Department);
        person.HrStatus = changes.Set("status", person.HrStatus, row.Status);
        person.HrStartDate = changes.Set("startDate", person.HrStartDate, row.Start);
        person.HrEndDate = changes.Set("endDate", person.HrEndDate, row.End);
        person.HrContentHash = row.Hash;
        if (person.ContentHash == 0)
        {
            // Only HR knows this person: HR owns the name, email and sites too.
            person.GivenName = changes.Set("givenName", person.GivenName, row.GivenName);
            person.FamilyName = changes.Set("familyName", person.FamilyName, row.FamilyName);
            person.Email = changes.Set("email", person.Email, row.Email);
            person.SortName = $"{row.FamilyName} {row.GivenName}".ToUpperInvariant();
            person.LeftAt = row.Status == "terminated" ? person.LeftAt ?? now : null;
            if (!joined)
            {
                await db.Set<PersonSite>().Where(s => s.PersonId == person.Id).ExecuteDeleteAsync(ct);
            }

            db.AddRange(row.Sites.Select(s => new PersonSite { PersonId = person.Id, SiteId = sites[s], Role = StaffRole }));
        }

        return changes;
    }

    private async Task EndLeaversAsync(Guid runId, IReadOnlyList<KnownStaff> leaving, Dictionary<string, Person> tracked, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var gone in leaving)
        {
            var person = tracked.GetValueOrDefault(gone.SourcedId) ?? await db.Set<Person>().FindAsync([gone.Id], ct);
            person!.HrStatus = "terminated";
            person.HrEndDate ??= DateOnly.FromDateTime(now.UtcDateTime);
            person.HrContentHash = 0;
            if (person.ContentHash == 0)
            {
                person.LeftAt ??= now;
            }

            db.Add(new ImportChange { RunId = runId, Entity = "Staff", EntityId = person.Id, SourcedId = gone.EmployeeId!, Kind = ChangeKind.Left });
        }
    }

    /// <summary>
    /// The SIS people the rows name (by a known employee id or a personSourcedId), tracked, in one query per chunk
    /// instead of one per row.
    /// </summary>
    private async Task<Dictionary<string, Person>> NamedPeopleAsync(List<StaffRow> rows, IEnumerable<string> employed, IEnumerable<string> known, CancellationToken ct)
    {
        var wanted = rows.Select(r => r.PersonSourcedId).OfType<string>().Concat(employed).Intersect(known, StringComparer.Ordinal).ToList();
        var people = new Dictionary<string, Person>(StringComparer.Ordinal);
        foreach (var chunk in wanted.Chunk(SaveEvery))
        {
            foreach (var person in await db.Set<Person>().Where(p => chunk.Contains(p.SourcedId)).ToListAsync(ct))
            {
                people[person.SourcedId] = person;
            }
        }

        return people;
    }

    private static void CountCoverage(EntityPlan plan, List<(string EmployeeId, string Site, decimal Share)> wanted, List<TechnicianCoverage> existing,
        Dictionary<string, Guid> employees, Dictionary<string, Guid> sites)
    {
        var employeeOf = employees.ToDictionary(e => e.Value, e => e.Key);
        var siteOf = sites.ToDictionary(s => s.Value, s => s.Key);
        var current = existing.Where(c => employeeOf.ContainsKey(c.PersonId) && siteOf.ContainsKey(c.SiteId))
            .ToDictionary(c => $"{employeeOf[c.PersonId]}@{siteOf[c.SiteId]}", c => c.Share, StringComparer.Ordinal);
        var next = wanted.ToDictionary(w => $"{w.EmployeeId}@{w.Site}", w => w.Share, StringComparer.Ordinal);
        foreach (var (key, share) in next)
        {
            if (!current.TryGetValue(key, out var was))
            {
                plan.Count(PlannedChange.Add, key, 0);
            }
            else if (was != share)
            {
                plan.Count(PlannedChange.Update, key, 0, $"share {was:0.00} → {share:0.00}");
            }
            else
            {
                plan.Leave++;
            }
        }

        foreach (var key in current.Keys.Where(k => !next.ContainsKey(k)))
        {
            plan.Count(PlannedChange.Remove, key, 0);
        }
    }

    private static List<StaffRow> ReadStaff(string folder, Dictionary<string, Guid> sites, HashSet<string> sourcedIds, ImportErrorLog errors)
    {
        var rows = new List<StaffRow>();
        if (!File.Exists(Path.Combine(folder, StaffFile)))
        {
            errors.Add(StaffFile, 0, 0, $"is missing from {folder}; the HR folder needs {StaffFile} with the columns {string.Join(",", StaffColumns)}.");
            return rows;
        }

        using var csv = CsvFile.Open(OneRosterPackage.PlainFolder(folder), StaffFile, StaffColumns, errors);
        if (csv is null)
        {
            return rows;
        }

        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        while (csv.Read())
        {
            var employee = csv.Text("employeeId", required: true, maxLength: 64);
            var person = csv.Text("personSourcedId");
            var given = csv.Text("givenName", required: true);
            var family = csv.Text("familyName", required: true);
            var status = csv.Enum("status", Statuses);
            var start = csv.Date("startDate");
            var end = csv.Date("endDate");
            var siteIds = csv.List("siteSourcedIds");
            var ok = true;
            foreach (var site in siteIds.Where(s => !sites.ContainsKey(s)))
            {
                csv.Error("siteSourcedIds", $"siteSourcedIds '{csv.Written("siteSourcedIds", site)}' names no site in DistrictOps; import the SIS roster first.");
                ok = false;
            }

            if (person is not null && !sourcedIds.Contains(person))
            {
                csv.Error("personSourcedId", $"personSourcedId '{csv.Written("personSourcedId")}' names nobody imported from the SIS.");
                ok = false;
            }

            if (employee is not null && !lines.TryAdd(employee, csv.Line))
            {
                csv.Error("employeeId", $"employeeId '{csv.Written("employeeId")}' appears twice (first on line {lines[employee]}).");
                ok = false;
            }

            if (start > end)
            {
                csv.Error("endDate", $"endDate {end:yyyy-MM-dd} is before startDate {start:yyyy-MM-dd}.");
                ok = false;
            }

            if (ok && employee is not null && given is not null && family is not null && status is not null)
            {
                rows.Add(new StaffRow(csv.Line, employee, person, given, family, csv.Text("email"), csv.Text("positionTitle"), csv.Text("department"),
                    siteIds.Order(StringComparer.Ordinal).ToList(), status, start, end));
            }
        }

        return rows;
    }

    private static List<(int Line, string EmployeeId, string Site, decimal Share)> ReadCoverage(string folder, Dictionary<string, Guid> sites, HashSet<string> employees, ImportErrorLog errors)
    {
        var rows = new List<(int, string, string, decimal)>();
        using var csv = CsvFile.Open(OneRosterPackage.PlainFolder(folder), CoverageFile, CoverageColumns, errors);
        if (csv is null)
        {
            return rows;
        }

        var perSite = new Dictionary<string, decimal>(StringComparer.Ordinal);
        while (csv.Read())
        {
            var employee = csv.Text("employeeId", required: true);
            var site = csv.Text("siteSourcedId", required: true);
            var raw = csv.Raw("share");
            var ok = decimal.TryParse(raw, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var share) && share > 0 && share <= 1;
            if (!ok)
            {
                csv.Error("share", $"share '{csv.Written("share")}' is not a number above 0 and at most 1, like 0.50.");
            }

            if (employee is not null && !employees.Contains(employee))
            {
                csv.Error("employeeId", $"employeeId '{csv.Written("employeeId")}' is not in {StaffFile}.");
                ok = false;
            }

            if (site is not null && !sites.ContainsKey(site))
            {
                csv.Error("siteSourcedId", $"siteSourcedId '{csv.Written("siteSourcedId")}' names no site in DistrictOps.");
                ok = false;
            }

            if (ok && employee is not null && site is not null)
            {
                perSite[site] = perSite.GetValueOrDefault(site) + share;
                if (perSite[site] > 1)
                {
                    csv.Error("share", $"the shares for site '{site}' add up to {perSite[site]:0.00}; at most 1.00.");
                }

                rows.Add((csv.Line, employee, site, share));
            }
        }

        return rows;
    }
}
