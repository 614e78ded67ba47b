using System.Globalization;
using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Modules.Devices.Register;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Email;
using DistrictOps.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Devices.CollectDevices;

/// <summary>A year-end collection to start at a site, for this school year, with the day devices are due back.</summary>
public sealed record StartCollectionCommand(Guid? SiteId, DateOnly? DueOn);

public sealed record CollectionSummary(
    long Id, Guid SiteId, string Site, string SchoolYear, DateOnly DueOn, DateTimeOffset StartedAt, string StartedByName, DateTimeOffset? LastRemindedAt,
    int Expected, int Collected)
{
    public int Outstanding => Expected - Collected;

    /// <summary>Collected as a whole percentage of expected, rounded down; 100 when nothing was expected.</summary>
    public int Percent => Expected == 0 ? 100 : (int)(Collected * 100L / Expected);
}

/// <summary>A device not yet back; <see cref="Student"/> is "A student" where the student rule hides names.</summary>
public sealed record OutstandingRow(string AssetTag, string Model, string Student, int Reminders);

public sealed record CollectionDetail(CollectionSummary Collection, PagedResult<OutstandingRow> Outstanding, bool NamesShown);

/// <summary>A student whose guardian (or every guardian) has no email on file; <see cref="Guardian"/> is null when the student has no guardian on file.</summary>
public sealed record NoEmailOnFile(string Student, string? Guardian);

/// <summary>What "Send reminders" did: students whose guardians were emailed, emails queued, and who could not be emailed.</summary>
public sealed record RemindersSent(int Students, int Emails, bool AlreadyToday, IReadOnlyList<NoEmailOnFile> NoEmail);

/// <summary>
/// The year-end collection per site and school year: the student devices out when it starts are expected back; a device
/// is collected once it was checked in after the start (read from its assignments whenever the collection is read, so
/// check-in knows nothing of collections); reminders email the outstanding students' guardians at most once a day.
/// </summary>
public sealed class CollectDevicesHandler(AppDbContext db, ISiteDirectory sites, IPeopleDirectory people, EmailOutbox outbox, DistrictTime time)
{
    public const string EmailKind = "devices.collection-reminder";

    public async Task<PagedResult<CollectionSummary>> ListAsync(DeviceUser user, PageRequest page, CancellationToken cancellationToken)
    {
        var collections = db.Set<Collection>().AsNoTracking();
        if (user.Scope.Sites is { } scoped)
        {
            collections = collections.Where(c => scoped.Contains(c.SiteId));
        }

        var listed = await collections.OrderByDescending(c => c.StartedAt).ThenByDescending(c => c.Id).ToPagedResultAsync(page, cancellationToken);
        var summaries = await SummariesAsync(listed.Items, cancellationToken);
        return new PagedResult<CollectionSummary>(summaries, listed.Total, listed.Page, listed.PageSize);
    }

    public async Task<Result<CollectionSummary>> StartAsync(StartCollectionCommand command, DeviceUser user, CancellationToken cancellationToken)
    {
        var today = time.Today;
        var errors = new ErrorList();
        var site = command.SiteId is { } id ? await sites.FindAsync(id, cancellationToken) : null;
        if (site is null)
        {
            errors.Add("siteId", command.SiteId is null ? "Choose the site collecting its devices." : $"No site has the id {command.SiteId}.");
        }

        if (command.DueOn is not { } dueOn)
        {
            errors.Add("dueOn", "Give the day devices are due back, as YYYY-MM-DD.");
        }
        else if (dueOn < today || dueOn > today.AddYears(1))
        {
            errors.Add("dueOn", $"Expected a day from today ({today:yyyy-MM-dd}) to a year from now; got {dueOn:yyyy-MM-dd}.");
        }

        if (errors.Any)
        {
            return Result.Invalid(errors);
        }

        if (!user.Scope.Covers(site!.Id))
        {
            return Result.Forbidden($"You collect devices at your own sites only; {site.Name} is not one of them.");
        }

        var year = SchoolYear.Of(today);
        var existing = await db.Set<Collection>().Where(c => c.SiteId == site.Id && c.SchoolYear == year).Select(c => new { c.Id, c.StartedAt }).FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return Result.Conflict($"The {year} collection at {site.Name} started on {time.Absolute(existing.StartedAt)} (collection {existing.Id}); there is one per site and school year.");
        }

        var expected = await db.Set<Device>()
            .Where(d => d.SiteId == site.Id && d.HolderKind == HolderKind.Student && (d.Status == DeviceStatus.Assigned || d.Status == DeviceStatus.Loaner))
            .Select(d => new { d.Id, d.HolderId, d.HolderName }).ToListAsync(cancellationToken);
        var collection = new Collection { SiteId = site.Id, SchoolYear = year, DueOn = command.DueOn!.Value, StartedAt = time.Now, StartedByName = user.Name };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Add(collection);
        await db.SaveChangesAsync(cancellationToken);
        await db.InsertAsync(expected.Select(d => new CollectionItem { CollectionId = collection.Id, DeviceId = d.Id, StudentId = d.HolderId, HolderName = d.HolderName ?? "" }).ToList(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (await SummariesAsync([collection], cancellationToken))[0];
    }

    public async Task<Result<CollectionDetail>> DetailAsync(long id, PageRequest page, DeviceUser user, CancellationToken cancellationToken)
    {
        var collection = await FindAsync(id, user, cancellationToken);
        if (collection is null)
        {
            return NoCollection(id);
        }

        var summary = (await SummariesAsync([collection], cancellationToken))[0];
        var names = people.MayShowFamily(user.Principal, collection.SiteId);
        var outstanding = from i in db.Set<CollectionItem>().AsNoTracking()
                          where i.CollectionId == id && i.CollectedAt == null
                          join d in db.Set<Device>() on i.DeviceId equals d.Id
                          join s in db.Set<DeviceStandard>() on d.StandardId equals s.Id
                          select new { i.HolderName, d.AssetTag, s.Model, i.Reminders };
        var ordered = names ? outstanding.OrderBy(o => o.HolderName).ThenBy(o => o.AssetTag) : outstanding.OrderBy(o => o.AssetTag);
        var rows = await ordered.ToPagedResultAsync(page, cancellationToken);
        return new CollectionDetail(summary,
            new PagedResult<OutstandingRow>(rows.Items.Select(r => new OutstandingRow(r.AssetTag, r.Model, names ? r.HolderName : FamilyNames.Hidden, r.Reminders)).ToList(), rows.Total, rows.Page, rows.PageSize),
            names);
    }

    /// <summary>
    /// Emails each outstanding student's guardians (one email per guardian, listing their children's devices) through the
    /// outbox, in the same unit of work as the count of reminders; a second reminder the same district day sends nothing.
    /// </summary>
    public async Task<Result<RemindersSent>> RemindAsync(long id, DeviceUser user, CancellationToken cancellationToken)
    {
        var found = await FindAsync(id, user, cancellationToken);
        if (found is null)
        {
            return NoCollection(id);
        }

        await SyncAsync([id], cancellationToken);
        var collection = await db.Set<Collection>().SingleAsync(c => c.Id == id, cancellationToken);
        if (RemindedOn(collection.LastRemindedAt, time.Today, time.Zone))
        {
            return new RemindersSent(0, 0, AlreadyToday: true, []);
        }

        var items = await db.Set<CollectionItem>().Where(i => i.CollectionId == id && i.CollectedAt == null && i.StudentId != null).ToListAsync(cancellationToken);
        var deviceIds = items.Select(i => i.DeviceId).ToList();
        var devices = await db.Set<Device>().Where(d => EF.Parameter(deviceIds).Contains(d.Id)).Join(db.Set<DeviceStandard>(), d => d.StandardId, s => s.Id, (d, s) => new { d.Id, d.AssetTag, s.Model })
            .ToDictionaryAsync(d => d.Id, d => $"{d.Model}, asset tag {d.AssetTag}", cancellationToken);
        var site = (await sites.FindAsync(collection.SiteId, cancellationToken))?.Name ?? "your school";
        var letters = new Dictionary<Guid, (PersonSummary Guardian, List<string> Lines)>();
        var noEmail = new List<NoEmailOnFile>();
        var reminded = new HashSet<Guid>();
        foreach (var student in items.GroupBy(i => (i.StudentId!.Value, i.HolderName)))
        {
            var family = await people.FamilyAsync(student.Key.Value, cancellationToken);
            if (family.Guardians.Count == 0)
            {
                noEmail.Add(new NoEmailOnFile(student.Key.HolderName, null));
            }

            foreach (var guardian in family.Guardians)
            {
                if (string.IsNullOrWhiteSpace(guardian.Email))
                {
                    noEmail.Add(new NoEmailOnFile(student.Key.HolderName, guardian.Name));
                    continue;
                }

                if (!letters.TryGetValue(guardian.Id, out var letter))
                {
                    letters[guardian.Id] = letter = (guardian, []);
                }

                letter.Lines.AddRange(student.Select(i => $"- {student.Key.HolderName}: {devices.GetValueOrDefault(i.DeviceId)}"));
                reminded.Add(student.Key.Value);
            }
        }

        foreach (var (guardian, lines) in letters.Values)
        {
            outbox.Enqueue(Reminder(guardian, lines, site, collection.DueOn));
        }

        foreach (var item in items.Where(i => reminded.Contains(i.StudentId!.Value)))
        {
            item.Reminders++;
        }

        collection.LastRemindedAt = time.Now;
        await db.SaveChangesAsync(cancellationToken);
        var shown = people.MayShowFamily(user.Principal, collection.SiteId);
        return new RemindersSent(reminded.Count, letters.Count, AlreadyToday: false,
            shown ? noEmail : noEmail.Select(n => new NoEmailOnFile(FamilyNames.Hidden, n.Guardian is null ? null : "a guardian")).ToList());
    }

    /// <summary>Whether a reminder went out on <paramref name="today"/> in the district's time zone.</summary>
    public static bool RemindedOn(DateTimeOffset? last, DateOnly today, TimeZoneInfo zone) =>
        last is { } at && DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime) == today;

    private static Failure NoCollection(long id) => Result.NotFound($"There is no collection {id}.");

    private static EmailMessage Reminder(PersonSummary guardian, List<string> lines, string site, DateOnly dueOn)
    {
        var due = dueOn.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);
        var text = $"""
            Hello {guardian.Name},

            The school year is ending and {site} is collecting the school devices students took home. Please send {(lines.Count == 1 ? "this device" : "these devices")} back to school by {due}, with the charger and case:

            {string.Join("\n", lines)}

            If a device is lost or broken, tell the school office; a fee never keeps a student from having a device.

            Thank you,
            {site}
            """;
        return new EmailMessage(guardian.Email!, $"Please return the school device{(lines.Count == 1 ? "" : "s")} by {due}", text, null, EmailKind);
    }

    private async Task<Collection?> FindAsync(long id, DeviceUser user, CancellationToken cancellationToken)
    {
        var collection = await db.Set<Collection>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        return collection is not null && user.Scope.Covers(collection.SiteId) ? collection : null;
    }

    /// <summary>
    /// Marks each item collected when its device was checked in after the collection started (the first such check-in),
    /// and takes the mark back when that check-in was undone; two statements whatever the number of collections.
    /// </summary>
    private async Task SyncAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var items = db.Set<CollectionItem>().Where(i => ids.Contains(i.CollectionId));
        var assignments = db.Set<Assignment>();
        var collections = db.Set<Collection>();
        await items
            .Where(i => i.CollectedAt == null && assignments.Any(a => a.DeviceId == i.DeviceId && a.InAt != null && collections.Any(c => c.Id == i.CollectionId && a.InAt >= c.StartedAt)))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.CollectedAt, i => assignments
                .Where(a => a.DeviceId == i.DeviceId && a.InAt != null && collections.Any(c => c.Id == i.CollectionId && a.InAt >= c.StartedAt))
                .OrderBy(a => a.InAt).Select(a => a.InAt).FirstOrDefault()), cancellationToken);
        await items
            .Where(i => i.CollectedAt != null && !assignments.Any(a => a.DeviceId == i.DeviceId && a.InAt != null && collections.Any(c => c.Id == i.CollectionId && a.InAt >= c.StartedAt)))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.CollectedAt, (DateTimeOffset?)null), cancellationToken);
    }

    private async Task<IReadOnlyList<CollectionSummary>> SummariesAsync(IReadOnlyList<Collection> collections, CancellationToken cancellationToken)
    {
        var ids = collections.Select(c => c.Id).ToList();
        await SyncAsync(ids, cancellationToken);
        var counts = await db.Set<CollectionItem>().Where(i => ids.Contains(i.CollectionId))
            .GroupBy(i => i.CollectionId)
            .Select(g => new { g.Key, Expected = g.Count(), Collected = g.Count(i => i.CollectedAt != null) })
            .ToDictionaryAsync(g => g.Key, cancellationToken);
        var siteNames = (await sites.ListAsync(cancellationToken)).ToDictionary(s => s.Id, s => s.Name);
        return collections.Select(c => new CollectionSummary(c.Id, c.SiteId, siteNames.GetValueOrDefault(c.SiteId) ?? "—", c.SchoolYear, c.DueOn, c.StartedAt, c.StartedByName,
            c.LastRemindedAt, counts.GetValueOrDefault(c.Id)?.Expected ?? 0, counts.GetValueOrDefault(c.Id)?.Collected ?? 0)).ToList();
    }
}
