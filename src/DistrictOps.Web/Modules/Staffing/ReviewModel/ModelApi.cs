namespace DistrictOps.Web.Modules.Staffing.ReviewModel;

public static class ModelApi
{
    public static RouteGroupBuilder MapModelApi(this RouteGroupBuilder group)
    {
        group.MapGet("/model", async (ModelHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.GetAsync(ct)))
            .WithSummary("The district's staffing model from live data: its settings, site support by site type (sites, FTE per site, total), current and proposed titles with the net increase, devices per technician and the yearly cost.")
            .RequireAuthorization(StaffingPermissions.Read);
        group.MapGet("/model/{table:regex(^(sites|titles)$)}.{format:regex(^(csv|xlsx)$)}", async (string table, string format, ModelHandler handler, CancellationToken ct) =>
            {
                var view = await handler.GetAsync(ct);
                var (content, type) = (table == "sites" ? ModelHandler.SiteSupportTable(view) : ModelHandler.TitlesTable(view)).Render(format);
                return TypedResults.File(content, type, $"staffing-{table}.{format}");
            })
            .WithSummary("The model's site support table (sites) or its current and proposed titles (titles) as CSV or XLSX.")
            .RequireAuthorization(StaffingPermissions.Read);
        return group;
    }
}
