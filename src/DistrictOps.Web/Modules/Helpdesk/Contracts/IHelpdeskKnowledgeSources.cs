using System.Security.Claims;

namespace DistrictOps.Web.Modules.Helpdesk.Contracts;

/// <summary>A help desk issue type: the knowledge base files its articles under them.</summary>
public sealed record IssueTypeSummary(int Id, int? ParentId, string Path, bool Active);

/// <summary>What an article written from a ticket starts with: the problem as reported and the technician's last public answer.</summary>
public sealed record TicketForArticle(long Id, string Number, string Title, string Description, int IssueTypeId, string? DeviceModel, string? Answer);

/// <summary>What a known-error article starts with: the problem record's cause and workaround.</summary>
public sealed record ProblemForArticle(long Id, string Number, string Title, string? RootCause, string? Workaround, int? IssueTypeId, string? DeviceModel, string Status);

/// <summary>The help desk's issue types, tickets and problem records as the Knowledge module may read them.</summary>
public interface IHelpdeskKnowledgeSources
{
    Task<IReadOnlyList<IssueTypeSummary>> IssueTypesAsync(CancellationToken cancellationToken = default);

    /// <summary>The ticket, if <paramref name="user"/> works tickets and may see this one; null otherwise.</summary>
    Task<TicketForArticle?> TicketAsync(string number, ClaimsPrincipal user, CancellationToken cancellationToken = default);

    Task<ProblemForArticle?> ProblemAsync(long id, CancellationToken cancellationToken = default);
}

/// <summary>The issue type tree: a type with every type under it, as filters and reports read "Device" (tablets included).</summary>
public static class IssueTypeTree
{
    public static List<int> Below(IEnumerable<(int Id, int? ParentId)> types, int root)
    {
        var children = types.Where(c => c.ParentId is not null).ToLookup(c => c.ParentId!.Value, c => c.Id);
        var found = new List<int> { root };
        for (var i = 0; i < found.Count; i++)
        {
            found.AddRange(children[found[i]]);
        }

        return found;
    }
}
