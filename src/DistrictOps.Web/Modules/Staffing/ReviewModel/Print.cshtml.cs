using DistrictOps.Web.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictOps.Web.Modules.Staffing.ReviewModel;

/// <summary>The model, the plan and the scenarios on pages a board packet can hold.</summary>
[Authorize(Policy = StaffingPermissions.Read)]
public sealed class PrintModel(ModelHandler handler, DistrictTime time) : PageModel
{
    public BoardView Board { get; private set; } = null!;

    public DateTimeOffset PreparedAt { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PreparedAt = time.Now;
        Board = await handler.BoardAsync(cancellationToken);
    }
}
