using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Devices.ReportIncidents;

public enum DecisionFilter
{
    Undecided,
    Decided,
}

/// <summary>The incident list's filters, read from the query string (<c>kind</c>, <c>responsibility=undecided|decided</c>, <c>siteId</c>, <c>studentId</c>) and its page.</summary>
public sealed record IncidentQuery(IncidentKind? Kind, DecisionFilter? Responsibility, Guid? SiteId, Guid? StudentId, PageRequest Page)
{
    public static Result<IncidentQuery> Read(IQueryCollection query)
    {
        var reader = new QueryReader(query);
        return reader.Then(new IncidentQuery(reader.Enum<IncidentKind>("kind"), reader.Enum<DecisionFilter>("responsibility"), reader.Id("siteId", "a site id"),
            reader.Id("studentId", "a student id"), reader.Paging()));
    }
}

/// <summary>One row of the incident list; the student's name is null where the student rule hides it.</summary>
public sealed record IncidentRow(
    long Id, DateTimeOffset ReportedAt, string AssetTag, IncidentKind Kind, DamageCause? Cause, Guid? StudentId, string? StudentName, bool RepeatIncidents,
    Guid? SiteId, string? SiteName, Responsibility Responsibility);

public sealed record IncidentDetail(
    long Id, Guid DeviceId, string AssetTag, string Model, DeviceStatus StatusBefore, DeviceStatus StatusNow, IncidentKind Kind, DamageCause? Cause,
    string? PoliceReport, DateOnly OccurredOn, string Description, long? TicketId, DateTimeOffset ReportedAt, string ReportedByName,
    Guid? StudentId, string? StudentName, int StudentIncidents, bool RepeatIncidents, Guid? SiteId, string? SiteName,
    Responsibility Responsibility, string? DecisionReason, string? DecidedByName, DateTimeOffset? DecidedAt,
    string SchoolYear, bool ProtectionOptIn, IReadOnlyList<Responsibility> AllowedResponsibilities, long? SuggestedChargeCents,
    FeeTotals Fees, IReadOnlyList<IncidentPhotoRef> Photos);

/// <summary>Who is responsible, and why in a sentence.</summary>
public sealed record Decide(Responsibility? Responsibility, string? Reason);

/// <summary>The decision; a family's decision comes with the charge to offer (a lost device's unit cost; damage is priced by whoever decides).</summary>
public sealed record Decided(long IncidentId, Responsibility Responsibility, string Reason, string DecidedByName, DateTimeOffset DecidedAt, long? SuggestedChargeCents, bool Changed);

/// <summary>The incident list and page, their photos, and the responsibility decision under <see cref="ResponsibilityRule"/>.</summary>
public sealed class IncidentsHandler(AppDbContext db, DeviceHistory history, Fees fees, IPeopleDirectory people, ISiteDirectory sites)
{
    public async Task<PagedResult<IncidentRow>> ListAsync(IncidentQuery query, DeviceUser user, CancellationToken cancellationToken)
    {
        var incidents = db.Set<Incident>().AsNoTracking();
        if (user.Scope.Sites is { } covered)
        {
            incidents = incidents.Where(i => i.SiteId != null && covered.Contains(i.SiteId.Value));
        }

        incidents = query.Kind is { } kind ? incidents.Where(i => i.Kind == kind) : incidents;
        incidents = query.Responsibility switch
        {
            DecisionFilter.Undecided => incidents.Where(i => i.Responsibility == Responsibility.Undecided),
            DecisionFilter.Decided => incidents.Where(i => i.Responsibility != Responsibility.Undecided),
            _ => incidents,
        };
        incidents = query.SiteId is { } site ? incidents.Where(i => i.SiteId == site) : incidents;
        incidents = query.StudentId is { } student ? incidents.Where(i => i.StudentId == student) : incidents;
        var page = await (from i in incidents
                          join d in db.Set<Device>() on i.DeviceId equals d.Id
                          orderby i.Id descending
                          select new { i.Id, i.ReportedAt, d.AssetTag, i.Kind, i.Cause, i.StudentId, i.StudentName, i.SiteId, i.Responsibility })
            .ToPagedResultAsync(query.Page, cancellationToken);
        var students = page.Items.Select(i => i.StudentId).OfType<Guid>().Distinct().ToList();
        var counts = await db.Set<Incident>().Where(i => i.StudentId != null && students.Contains(i.StudentId.Value))
            .GroupBy(i => i.StudentId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var names = (await sites.ListAsync(cancellationToken)).ToDictionary(s => s.Id, s => s.Name);
        var rows = page.Items.Select(i => new IncidentRow(
            i.Id, i.ReportedAt, i.AssetTag, i.Kind, i.Cause, i.StudentId, FamilyNames.Shown(people, user, i.SiteId, i.StudentName),
            i.StudentId is { } s && counts.GetValueOrDefault(s) >= Custody.RepeatIncidentThreshold, i.SiteId, i.SiteId is { } id ? names.GetValueOrDefault(id) : null,
            i.Responsibility)).ToList();
        return new PagedResult<IncidentRow>(rows, page.Total, page.Page, page.PageSize);
    }

    /// <summary>The incident, when <paramref name="user"/> works at its site; a student's name it shows is written to the access log.</summary>
    public async Task<IncidentDetail?> FindAsync(long id, DeviceUser user, CancellationToken cancellationToken)
    {
        var incident = await db.Set<Incident>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (incident is null || !user.Scope.Covers(incident.SiteId))
        {
            return null;
        }

        var device = await (from d in db.Set<Device>()
                            join s in db.Set<DeviceStandard>() on d.StandardId equals s.Id
                            where d.Id == incident.DeviceId
                            select new { d.AssetTag, d.Status, s.Model, s.UnitCostCents }).SingleAsync(cancellationToken);
        var (year, facts) = await FactsAsync(incident, cancellationToken);
        var count = incident.StudentId is { } student ? await db.Set<Incident>().CountAsync(i => i.StudentId == student, cancellationToken) : 0;
        var name = FamilyNames.Shown(people, user, incident.SiteId, incident.StudentName);
        if (name is not null && incident.StudentId is { } shown)
        {
            await people.ShownAsync(shown, user.Reader, cancellationToken);
        }

        var photos = await db.Set<IncidentPhoto>().AsNoTracking().Where(p => p.IncidentId == id).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.FileName }).ToListAsync(cancellationToken);
        var site = incident.SiteId is { } siteId ? await sites.FindAsync(siteId, cancellationToken) : null;
        return new IncidentDetail(
            incident.Id, incident.DeviceId, device.AssetTag, device.Model, incident.StatusBefore, device.Status, incident.Kind, incident.Cause,
            incident.PoliceReport, incident.OccurredOn, incident.Description, incident.TicketId, incident.ReportedAt, incident.ReportedByName,
            incident.StudentId, name, count, count >= Custody.RepeatIncidentThreshold, incident.SiteId, site?.Name,
            incident.Responsibility, incident.DecisionReason, incident.DecidedByName, incident.DecidedAt,
            year, facts.ProtectionOptIn, ResponsibilityRule.Allowed(facts), SuggestedCharge(incident, device.UnitCostCents),
            await fees.OfIncidentAsync(id, cancellationToken), photos.Select(p => new IncidentPhotoRef(p.Id, p.FileName, ReportIncidentHandler.PhotoUrl(id, p.Id))).ToList());
    }

    /// <summary>A photo of an incident <paramref name="user"/> may see; null otherwise.</summary>
    public async Task<IncidentPhoto?> PhotoAsync(long incidentId, long photoId, DeviceUser user, CancellationToken cancellationToken)
    {
        var siteId = await db.Set<Incident>().Where(i => i.Id == incidentId).Select(i => new { i.SiteId }).FirstOrDefaultAsync(cancellationToken);
        return siteId is not null && user.Scope.Covers(siteId.SiteId)
            ? await db.Set<IncidentPhoto>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == photoId && p.IncidentId == incidentId, cancellationToken)
            : null;
    }

    /// <summary>
    /// Records who is responsible, among what <see cref="ResponsibilityRule"/> allows. The same decision again changes nothing;
    /// a decision is changed only until a charge is recorded under it.
    /// </summary>
    public async Task<Result<Decided>> DecideAsync(long id, Decide command, DeviceUser user, CancellationToken cancellationToken)
    {
        var incident = await db.Set<Incident>().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (incident is null || !user.Scope.Covers(incident.SiteId))
        {
            return Result.NotFound($"There is no incident {id}.");
        }

        var (_, facts) = await FactsAsync(incident, cancellationToken);
        var errors = new ErrorList();
        if (command.Responsibility is null or Responsibility.Undecided)
        {
            errors.Add("responsibility", $"Choose who is responsible: {string.Join(", ", ResponsibilityRule.Allowed(facts))}.");
        }
        else if (errors.Defined("responsibility", command.Responsibility) && ResponsibilityRule.Refusal(command.Responsibility.Value, facts) is { } refused)
        {
            errors.Add("responsibility", refused);
        }

        var reason = errors.Required("reason", command.Reason, "Say why, in a sentence: what the decision rests on.");
        errors.MaxLength("reason", reason, Incident.TextMaxLength);
        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        var choice = command.Responsibility!.Value;
        var unitCost = await db.Set<Device>().Where(d => d.Id == incident.DeviceId).Join(db.Set<DeviceStandard>(), d => d.StandardId, s => s.Id, (d, s) => s.UnitCostCents)
            .SingleAsync(cancellationToken);
        if (incident.Responsibility == choice && incident.DecisionReason == reason)
        {
            return new Decided(id, choice, reason!, incident.DecidedByName!, incident.DecidedAt!.Value, SuggestedCharge(incident, unitCost), Changed: false);
        }

        if (await db.Set<FeeEntry>().AnyAsync(f => f.IncidentId == id && f.Kind == FeeEntryKind.Charge, cancellationToken))
        {
            return Result.Conflict($"The family was charged for incident {id}; waive what is still owed instead of changing the decision.");
        }

        (incident.Responsibility, incident.DecisionReason, incident.DecidedByName, incident.DecidedAt) = (choice, reason, user.Name, history.Now);
        await db.SaveChangesAsync(cancellationToken);
        return new Decided(id, choice, reason!, user.Name, incident.DecidedAt.Value, SuggestedCharge(incident, unitCost), Changed: true);
    }

    /// <summary>The school year the incident happened in and the facts the rule decides from (the family's protection opt-in that year).</summary>
    private async Task<(string Year, IncidentFacts Facts)> FactsAsync(Incident incident, CancellationToken cancellationToken)
    {
        var year = SchoolYear.Of(incident.OccurredOn);
        var optIn = incident.StudentId is { } student
            && await db.Set<DeviceAgreement>().AnyAsync(a => a.StudentId == student && a.SchoolYear == year && a.ProtectionOptIn, cancellationToken);
        return (year, new IncidentFacts(incident.Kind, incident.Cause, incident.StudentId is not null, optIn));
    }

    private static long? SuggestedCharge(Incident incident, long unitCostCents) =>
        incident.Responsibility == Responsibility.Family && incident.Kind == IncidentKind.Lost ? unitCostCents : null;
}
