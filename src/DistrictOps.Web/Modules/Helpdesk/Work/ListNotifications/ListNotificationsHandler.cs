using System.Security.Claims;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Modules.Helpdesk.Work.ListNotifications;

/// <summary>One line of a person's notifications, with the page of its ticket they should open.</summary>
public sealed record NotificationRow(long Id, string Number, string Kind, string Text, DateTimeOffset At, bool Unread, string Link);

/// <summary>Which notifications to mark read: the ones listed, or with no ids all of them.</summary>
public sealed record MarkNotificationsRead(IReadOnlyList<long>? Ids);

public sealed record MarkedRead(int Marked);

/// <summary>The signed-in person's own notifications, newest first; nobody reads or marks anyone else's.</summary>
public sealed class ListNotificationsHandler(AppDbContext db, IOptions<HelpdeskOptions> options)
{
    public async Task<PagedResult<NotificationRow>> ListAsync(Guid userId, bool technician, PageRequest page, CancellationToken cancellationToken = default)
    {
        var rows = await db.Set<Notification>().AsNoTracking()
            .Where(n => n.UserId == userId)
            .OrderByDescending(n => n.Id)
            .Select(n => new { n.Id, n.TicketId, n.Kind, n.Text, n.At, Unread = n.ReadAt == null })
            .ToPagedResultAsync(page, cancellationToken);
        var prefix = options.Value.NumberPrefix;
        return new PagedResult<NotificationRow>(
            rows.Items.Select(n =>
            {
                var number = TicketNumber.Format(prefix, n.TicketId);
                return new NotificationRow(n.Id, number, n.Kind, n.Text, n.At, n.Unread, LinkFor(n.Kind, number, technician));
            }).ToList(),
            rows.Total,
            rows.Page,
            rows.PageSize);
    }

    /// <summary>The user's unread notifications, counted up to <paramref name="upTo"/> (all when null).</summary>
    public Task<int> UnreadCountAsync(Guid userId, int? upTo = null, CancellationToken cancellationToken = default)
    {
        var unread = db.Set<Notification>().Where(n => n.UserId == userId && n.ReadAt == null);
        return (upTo is { } cap ? unread.Take(cap) : unread).CountAsync(cancellationToken);
    }

    public async Task<MarkedRead> MarkReadAsync(Guid userId, IReadOnlyCollection<long>? ids, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var unread = db.Set<Notification>().Where(n => n.UserId == userId && n.ReadAt == null);
        if (ids is { Count: > 0 })
        {
            var wanted = ids.ToList();
            unread = unread.Where(n => wanted.Contains(n.Id));
        }

        return new MarkedRead(await unread.ExecuteUpdateAsync(n => n.SetProperty(x => x.ReadAt, now), cancellationToken));
    }

    /// <summary>Acknowledgements and solutions belong to the requester's view; assignments and replies to technicians' to their queue view.</summary>
    private static string LinkFor(string kind, string number, bool technician) =>
        kind == "assigned" || (kind == "reply" && technician) ? $"/helpdesk/tickets/{number}" : $"/helpdesk/requests/{number}";
}

internal static class ListNotificationsApi
{
    public static RouteGroupBuilder MapListNotificationsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/notifications", async Task<Results<Ok<PagedResult<NotificationRow>>, ValidationProblem, ProblemHttpResult>> (
                HttpRequest request, ClaimsPrincipal user, PermissionRegistry permissions, ListNotificationsHandler handler, CancellationToken ct) =>
                (await QueryReader.ReadPaging(request.Query).ThenAsync(page => handler.ListAsync(user.UserId()!.Value, permissions.Grants(user, HelpdeskPermissions.Work), page, ct))).ToOk())
            .WithSummary("Your own help desk notifications, newest first, with unread ones marked.");
        group.MapPost("/notifications/read", async Task<Ok<MarkedRead>> (
                MarkNotificationsRead? command, ClaimsPrincipal user, ListNotificationsHandler handler, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await handler.MarkReadAsync(user.UserId()!.Value, command?.Ids, clock.GetUtcNow(), ct)))
            .WithSummary("Mark your notifications read: those whose ids are given, or all of them when no ids are given.");
        return group;
    }
}
