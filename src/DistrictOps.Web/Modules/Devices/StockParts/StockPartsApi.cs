using DistrictOps.Web.Platform.Http;

namespace DistrictOps.Web.Modules.Devices.StockParts;

public static class StockPartsApi
{
    public static RouteGroupBuilder MapStockPartsApi(this RouteGroupBuilder group)
    {
        var parts = group.MapGroup("/parts").RequireAuthorization(DevicesPermissions.Read);
        parts.MapGet("/", async (HttpContext context, StockPartsHandler handler, CancellationToken ct) =>
            {
                var query = new QueryReader(context.Request.Query);
                var below = query.Enum<YesNo>("below") == YesNo.True;
                var search = query.Text("q", Data.Part.NameMaxLength);
                var page = query.Paging();
                return query.Errors.Any ? query.Then(page).Failure!.ToProblem() : TypedResults.Ok(await handler.ListAsync(below, search, page, ct));
            })
            .WithSummary("Parts by part number, a page at a time; below=true lists those at or below their reorder level; q searches number and name.");
        parts.MapGet("/{id:guid}", async (Guid id, StockPartsHandler handler, CancellationToken ct) => (await handler.FindAsync(id, ct)).ToOk())
            .WithSummary("One part.");
        parts.MapPost("/", async (SavePart command, StockPartsHandler handler, CancellationToken ct) =>
                (await handler.CreateAsync(command, ct)).ToCreated(p => $"/api/v1/devices/parts/{p.Id}", p => p))
            .WithSummary("Add a part (partNumber, name, standardId, onHand, reorderLevel, unitCostCents). The same part again changes nothing.")
            .RequireAuthorization(DevicesPermissions.Manage);
        parts.MapPut("/{id:guid}", async (Guid id, SavePart command, StockPartsHandler handler, CancellationToken ct) => (await handler.UpdateAsync(id, command, ct)).ToOk())
            .WithSummary("Change a part's number, name, standard, reorder level and unit cost; on hand changes only by receiving and repairs.")
            .RequireAuthorization(DevicesPermissions.Manage);
        parts.MapPost("/{id:guid}/receive", async (Guid id, ReceiveParts command, StockPartsHandler handler, CancellationToken ct) => (await handler.ReceiveAsync(id, command, ct)).ToOk())
            .WithSummary("Add received stock (quantity) to on hand. With onHandBefore, the count you saw, a changed count (or a retried post) adds nothing: 409.")
            .RequireAuthorization(DevicesPermissions.Manage);
        return group;
    }

    private enum YesNo
    {
        False,
        True,
    }
}
