using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Staffing.Data;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Http;

namespace DistrictOps.Web.Modules.Staffing.ManagePositions;

/// <summary>A structure's positions in chart order with its totals.</summary>
public sealed record StructureResponse(OrgStructure Structure, StructureTotals Totals, IReadOnlyList<PositionRow> Positions);

/// <summary>The structures asked for; with both, <see cref="Changes"/> says what the proposal does to each title.</summary>
public sealed record PositionsResponse(IReadOnlyList<StructureResponse> Structures, IReadOnlyList<TitleChange>? Changes);

public static class PositionsApi
{
    public static RouteGroupBuilder MapPositionsApi(this RouteGroupBuilder group)
    {
        var positions = group.MapGroup("/positions");
        positions.MapGet("/", async (HttpContext context, PositionsHandler handler, CancellationToken ct) =>
            {
                var query = new QueryReader(context.Request.Query);
                var structure = query.Enum<OrgStructure>("structure");
                if (query.Errors.Any)
                {
                    return Result.Invalid(query.Errors).ToProblem();
                }

                var overview = await handler.OverviewAsync(structure, DirectoryReader.Of(context), ct);
                return TypedResults.Ok(new PositionsResponse(overview.Structures.Select(s => new StructureResponse(s.Structure, s.Totals, s.Positions)).ToList(), overview.Changes));
            })
            .WithSummary("The department's positions (structure=current|proposed; both when omitted) in chart order, each with its holder or vacant, and each structure's totals; with both, what the proposal does to each title (new, retitled, resized, eliminated).")
            .RequireAuthorization(StaffingPermissions.Read);
        positions.MapGet("/{id:guid}", async (Guid id, HttpContext context, PositionsHandler handler, CancellationToken ct) =>
                (await handler.GetAsync(id, DirectoryReader.Of(context), ct)).ToOk())
            .WithSummary("One position.")
            .RequireAuthorization(StaffingPermissions.Read);
        positions.MapPost("/", async (SavePositionCommand command, HttpContext context, PositionsHandler handler, CancellationToken ct) =>
                (await handler.CreateAsync(command, DirectoryReader.Of(context), ct)).ToCreated(p => $"/api/v1/staffing/positions/{p.Id}", p => p))
            .WithSummary("Add a position to the current or proposed structure (fte 0.05-1.00; reportsToId in the same structure; personId a current staff member, or null for vacant). Send id (a new GUID) so a retried add adds once.")
            .RequireAuthorization(StaffingPermissions.Manage);
        positions.MapPut("/{id:guid}", async (Guid id, SavePositionCommand command, HttpContext context, PositionsHandler handler, CancellationToken ct) =>
                (await handler.UpdateAsync(id, command, DirectoryReader.Of(context), ct)).ToOk())
            .WithSummary("Change a position's title, job family, FTE, manager (same structure, no circles), support tier, holder or change note; its structure stays.")
            .RequireAuthorization(StaffingPermissions.Manage);
        positions.MapDelete("/{id:guid}", async (Guid id, HttpContext context, PositionsHandler handler, CancellationToken ct) =>
                (await handler.DeleteAsync(id, DirectoryReader.Of(context), ct)).ToNoContent())
            .WithSummary("Delete a position; refused (409) while other positions report to it.")
            .RequireAuthorization(StaffingPermissions.Manage);
        return group;
    }
}
