using DistrictOps.Web.Platform.Http;

namespace DistrictOps.Web.Modules.Devices.ForecastRefresh;

public static class ForecastApi
{
    public static RouteGroupBuilder MapForecastApi(this RouteGroupBuilder group)
    {
        group.MapGet("/forecast", async (int? years, ForecastHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.ComputeAsync(years ?? ForecastHandler.DefaultYears, ct)))
            .WithSummary("The refresh forecast by school year (ending year): replacements and their cost, breakage and loss at last year's rates, funding and the unfunded gap; cohorts and cost of ownership per standard. Amounts in cents.")
            .RequireAuthorization(DevicesPermissions.Forecast);
        group.MapGet("/funding-sources", async (FundingHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(ct)))
            .WithSummary("The funding sources devices are bought with, with their yearly amount and last year.")
            .RequireAuthorization(DevicesPermissions.Read);
        group.MapPost("/funding-sources", async (SaveFundingCommand command, FundingHandler handler, CancellationToken ct) => (await handler.SaveAsync(command, ct)).ToOk())
            .WithSummary("Add a funding source, or change the one with the same name (annualAmount in dollars, endsYear or none).")
            .RequireAuthorization(DevicesPermissions.Manage);
        return group;
    }
}
