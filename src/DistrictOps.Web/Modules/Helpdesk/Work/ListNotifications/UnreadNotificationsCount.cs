using System.Security.Claims;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Modules;

namespace DistrictOps.Web.Modules.Helpdesk.Work.ListNotifications;

/// <summary>The signed-in person's unread notifications, beside the Notifications link in the navigation.</summary>
internal sealed class UnreadNotificationsCount(ListNotificationsHandler handler) : INavCount
{
    public string Href => "/helpdesk/notifications";

    public async Task<int> CountAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        user.UserId() is { } userId ? await handler.UnreadCountAsync(userId, INavCount.Cap + 1, cancellationToken) : 0;
}
