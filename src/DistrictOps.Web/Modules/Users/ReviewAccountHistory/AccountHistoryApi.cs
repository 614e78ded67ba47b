using DistrictOps.Web.Platform.Http;

namespace DistrictOps.Web.Modules.Users.ReviewAccountHistory;

internal static class AccountHistoryApi
{
    public static RouteGroupBuilder MapAccountHistoryApi(this RouteGroupBuilder group)
    {
        group.MapGet("/history", async (HttpRequest request, AccountHistoryHandler handler, CancellationToken cancellationToken) =>
                (await AccountHistoryQuery.Read(request.Query).ThenAsync(q => handler.HandleAsync(q, cancellationToken))).ToOk())
            .WithSummary("The account audit log, newest first: who granted or removed which role or site, disabled or enabled whose account, and when.");
        return group;
    }
}
