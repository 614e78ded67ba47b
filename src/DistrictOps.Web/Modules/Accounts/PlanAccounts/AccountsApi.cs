using DistrictOps.Web.Modules.Accounts.Register;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Http;

namespace DistrictOps.Web.Modules.Accounts.PlanAccounts;

public static class AccountsApi
{
    public static RouteGroupBuilder MapAccountsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/targets", (AccountSync sync) => Results.Ok(sync.Targets.Select(t => new
            {
                t.Name, Dialect = t.Dialect.ToString(), t.Url, t.BaseDn, t.Kinds, t.Sites, t.OuTemplate, t.UsernameTemplates, Groups = t.Groups.Select(g => g.ToString()), t.GroupsOu, t.StudentGraceDays, t.StaffGraceDays, t.DeleteAfterDays,
            })))
            .WithSummary("The configured directories and their policy (never the bind password).")
            .RequireAuthorization(AccountsPermissions.Read);

        group.MapGet("/targets/{target}/plan", async (string target, string? kind, int? page, int? pageSize, HttpContext context, AccountSync sync, CancellationToken ct) =>
            {
                if (kind is not null && !Enum.TryParse<OperationKind>(kind, ignoreCase: true, out _))
                {
                    return Result.Invalid("kind", $"Expected one of {string.Join(", ", Enum.GetNames<OperationKind>())}.").ToProblem();
                }

                var result = await sync.PlanAsync(target, context.User.DisplayName(), ct);
                return result.Succeeded ? Results.Ok(PlanPage.Of(result.Value, kind, new PageRequest(page, pageSize))) : result.Failure.ToProblem();
            })
            .WithSummary("Plans the target now, from the Directory and the directory as they are: every create, link, move, rename, update, disable, enable and delete with its reason (filter: kind; paged), the accounts left alone, and the guard's verdict.")
            .RequireAuthorization(AccountsPermissions.Read);

        group.MapPost("/targets/{target}/apply", async (string target, bool? @override, HttpContext context, PermissionRegistry permissions, AccountSync sync, CancellationToken ct) =>
            {
                if (@override == true && !permissions.Grants(context.User, AccountsPermissions.Override))
                {
                    return Result.Forbidden("Only an IT manager may override the guard.").ToProblem();
                }

                return (await sync.ApplyAsync(target, @override == true, context.User.DisplayName(), ct)).ToOk();
            })
            .WithSummary("Plans again and applies, change by change, going on past one that fails; refused (409) when the guard stops the plan, unless override=true (accounts.override).")
            .RequireAuthorization(AccountsPermissions.Apply);

        group.MapGet("/operations", async (Guid? person, string? q, string? target, Guid? run, int? page, int? pageSize, AccountAudit audit, CancellationToken ct) =>
                Results.Ok(await audit.SearchAsync(person, q, target, run, new PageRequest(page, pageSize), ct)))
            .WithSummary("The audit of directory changes, newest first: person, q (a username, or the start of a DN), target, run.")
            .RequireAuthorization(AccountsPermissions.Read);
        return group;
    }
}

/// <summary>One page of a plan's changes, with its totals by kind, as the API and the page show it.</summary>
public sealed record PlanPage(
    string Target, Guid RunId, string? Refusal, int ManagedAccounts, IReadOnlyDictionary<string, int> Counts, PagedResult<PlannedOperation> Operations,
    int UnmatchedCount, IReadOnlyList<UnmatchedAccount> Unmatched, IReadOnlyList<WaitingAccount> Waiting)
{
    public static PlanPage Of(PlanView view, string? kind, PageRequest page)
    {
        var operations = view.Plan.Operations.Where(o => kind is null || string.Equals(o.Kind.ToString(), kind, StringComparison.OrdinalIgnoreCase)).ToList();
        return new PlanPage(view.Plan.Target, view.RunId, view.Refusal, view.Plan.ManagedAccounts,
            view.Plan.Operations.GroupBy(o => o.Kind.ToString()).ToDictionary(g => g.Key, g => g.Count()),
            new PagedResult<PlannedOperation>(operations.Skip(page.Skip).Take(page.Size).ToList(), operations.Count, page.Page, page.Size),
            view.Plan.Unmatched.Count, view.Plan.Unmatched.Take(200).ToList(), view.Plan.Waiting);
    }
}
