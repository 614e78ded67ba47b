using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Rostering.Data;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Rostering.ReviewSharing;

/// <summary>One app a person's data went to: first and last time, and the last delivery that held them (none when the API served them last).</summary>
public sealed record SharedWith(Guid AppId, string AppName, string Vendor, DateTimeOffset FirstSharedAt, DateTimeOffset LastSharedAt, Guid? LastDeliveryId, ExportFormat? Format);

public sealed record PersonSharing(PersonSummary Person, IReadOnlyList<SharedWith> Apps);

/// <summary>Answers "who received this person's data, and when" from the record every delivery and API response keeps.</summary>
public sealed class SharingHandler(AppDbContext db, IPeopleDirectory people)
{
    public async Task<IReadOnlyList<PersonSummary>> SearchAsync(string query, DirectoryReader reader, CancellationToken cancellationToken) =>
        await people.SearchAsync(query, reader, take: 20, cancellationToken);

    /// <summary>The person (under the Directory's student rule, the view logged) and every app that received their data.</summary>
    public async Task<Result<PersonSharing>> ForPersonAsync(Guid personId, DirectoryReader reader, CancellationToken cancellationToken)
    {
        if (await people.FindAsync(personId, reader, cancellationToken) is not { } person)
        {
            return Result.NotFound($"No person {personId} is in the Directory, or they are not one you may see.");
        }

        var apps = await (from s in db.Set<SharedPerson>().AsNoTracking()
                          where s.PersonId == personId
                          join app in db.Set<RosterApp>() on s.AppId equals app.Id
                          join d in db.Set<RosterDelivery>() on s.LastDeliveryId equals d.Id into delivered
                          from d in delivered.DefaultIfEmpty()
                          orderby app.Name
                          select new SharedWith(app.Id, app.Name, app.Vendor, s.FirstSharedAt, s.LastSharedAt, s.LastDeliveryId, d == null ? null : d.Format))
            .ToListAsync(cancellationToken);
        return new PersonSharing(person, apps);
    }
}
