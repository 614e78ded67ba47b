using System.Security.Claims;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Modules.Directory.Importing;
using DistrictOps.Web.Platform.Http;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Uploads;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DistrictOps.Web.Modules.Directory.UploadImport;

public sealed record EntityPlanResponse(string Entity, string File, string Mode, int Add, int Update, int Leave, int Remove, IReadOnlyList<PlanSample> Samples);

/// <summary>Warnings of one rule: the message without its values, how many, and the first few in full.</summary>
public sealed record WarningGroupResponse(string Rule, int Count, IReadOnlyList<string> First);

public sealed record ImportPlanResponse(
    string Source, string Version, bool CanApply, IReadOnlyList<EntityPlanResponse> Entities, IReadOnlyList<string> Errors, int ErrorCount,
    IReadOnlyList<string> Refusals, IReadOnlyList<WarningGroupResponse> Warnings, int WarningCount)
{
    public static ImportPlanResponse From(ImportPlan plan) => new(
        plan.Source, plan.Version, plan.CanApply,
        EntitiesOf(plan),
        plan.Errors.Select(e => e.ToString()).ToList(), plan.ErrorCount, plan.Refusals,
        plan.WarningGroups.Select(g => new WarningGroupResponse(g.Rule, g.Count, g.First.Select(w => w.ToString()).ToList())).ToList(), plan.WarningCount);

    public static IReadOnlyList<EntityPlanResponse> EntitiesOf(ImportPlan plan) =>
        plan.Entities.Select(e => new EntityPlanResponse(e.Entity, e.File, e.Mode.ToString().ToLowerInvariant(), e.Add, e.Update, e.Leave, e.Remove, e.Samples)).ToList();
}

internal static class UploadImportApi
{
    public static RouteGroupBuilder MapUploadImportApi(this RouteGroupBuilder group)
    {
        group.MapGet("/imports/attempts", async (HttpRequest request, ImportRunsHandler handler, CancellationToken ct) =>
                (await ImportRunsHandler.ReadPage(request.Query).ThenAsync(page => handler.ListAttemptsAsync(page, ct))).ToOk())
            .WithSummary("Every plan and apply sent through the page or the API with its outcome, and applied runs from elsewhere, newest first.");
        group.MapGet("/imports/attempts/{id:guid}", async (Guid id, UploadImportHandler handler, CancellationToken ct) => (await handler.GetAsync(id, ct)).ToOk())
            .WithSummary("One attempt: its outcome, its background job's progress while it runs, and its plan with every finding once planned.");
        group.MapGet("/imports/attempts/{id:guid}/report.{format:regex(^(csv|html)$)}",
                async (Guid id, string format, HttpContext context, UploadImportHandler handler, TimeProvider time, CancellationToken ct) =>
                {
                    if (await handler.GetAsync(id, ct) is not { Succeeded: true, Value.Report: { } report })
                    {
                        return Results.NotFound();
                    }

                    var (content, type, name) = ConformanceReport.Download(report, format, time.GetUtcNow(), context.CspNonce());
                    return Results.File(content, type, name);
                })
            .WithSummary("The plan's conformance report for the SIS vendor: report.csv (severity, file, line, column, value, rule, fix) or report.html (one self-contained page).");
        group.MapPost("/imports", HandleAsync)
            .DisableAntiforgery()
            .WithSummary("Send a OneRoster zip (multipart field 'file') with mode=plan to see what would change, or mode=apply to apply it; strict=true makes every warning an error.");
        return group;
    }

    private static async Task<Results<Ok<ImportPlanResponse>, Created<ImportRunDetail>, ProblemHttpResult, ValidationProblem>> HandleAsync(
        IFormFile? file, [FromForm] string? mode, [FromForm] bool? allowShrink, [FromForm] bool? strict, ClaimsPrincipal user,
        OneRosterImporter importer, ImportRunsHandler runs, UploadImportHandler attempts, CancellationToken ct)
    {
        var problems = new ErrorList();
        if (file is null)
        {
            problems.Add("file", "Send the OneRoster zip as the multipart field 'file'.");
        }

        if (mode is not ("plan" or "apply"))
        {
            problems.Add("mode", $"mode is '{mode}'; expected plan or apply.");
        }

        if (problems.Any)
        {
            return TypedResults.ValidationProblem(problems.ToDictionary());
        }

        var errors = new ImportErrorLog();
        await using var content = new MemoryStream();
        await file!.CopyToAsync(content, ct);
        content.Position = 0;
        var package = OneRosterPackage.OpenZip(content, UploadNames.Clean(file.FileName, "roster", ".zip"), errors);
        if (package is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [errors.Errors[0].ToString()] });
        }

        using (package)
        {
            var options = new ImportOptions(allowShrink ?? false, RunBy: user.Identity?.Name ?? "api", Strict: strict ?? false);
            var outcome = mode == "apply" ? await importer.ApplyAsync(package, errors, options, ct) : await importer.PlanAsync(package, errors, options, ct);
            await attempts.RecordAsync(ImportKind.OneRoster, package.Name, mode == "apply", options.RunBy, outcome, ct);
            var plan = ImportPlanResponse.From(outcome.Plan);
            if (outcome.RunId is { } runId)
            {
                var run = await runs.GetAsync(runId, new ImportChangesQuery(null, null, new PageRequest(1, ImportChangesQuery.DefaultPageSize)), ct);
                return TypedResults.Created($"/api/v1/directory/imports/{runId}", run.Value);
            }

            if (mode == "plan" || outcome.Plan.CanApply)
            {
                // An apply that changes nothing records no run and answers with the plan, which says so.
                return TypedResults.Ok(plan);
            }

            return TypedResults.Problem(
                title: outcome.Plan.ErrorCount > 0 ? "The package has errors; nothing was applied." : "The import was refused; nothing was applied.",
                statusCode: outcome.Plan.ErrorCount > 0 ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["errors"] = plan.Errors, ["errorCount"] = plan.ErrorCount, ["refusals"] = plan.Refusals });
        }
    }
}
