using System.Security.Claims;

namespace DistrictOps.Web.Modules.Directory.Contracts;

/// <summary>An instructional app that received a person's data: first and last time, and where to read more.</summary>
public sealed record PersonSharedApp(string App, DateTimeOffset FirstSharedAt, DateTimeOffset LastSharedAt, string Href);

/// <summary>
/// The apps a person's data went to (the Rostering module implements it), shown on the person's page to those who may read
/// the record of sharing; an empty list for everyone else. Without one registered the page shows none.
/// </summary>
public interface IPersonDataSharing
{
    Task<IReadOnlyList<PersonSharedApp>> ForPersonAsync(Guid personId, ClaimsPrincipal user, CancellationToken cancellationToken = default);
}
