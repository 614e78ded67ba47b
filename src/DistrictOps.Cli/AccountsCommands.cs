using System.CommandLine;
using System.Globalization;
using DistrictOps.Web.Modules.Accounts.Register;
using DistrictOps.Web.Platform;

namespace DistrictOps.Cli;

internal static class AccountsCommands
{
    public static Command Build(CliContext cli) =>
        new("accounts", "Accounts in Active Directory and LDAP kept in step with the Directory: plan, then apply.")
        {
            Plan(cli),
            Apply(cli),
        };

    private static Option<string> TargetOption() => new("--target") { Description = "The target directory's name (Accounts:Targets), e.g. K12.", Required = true };

    private static Command Plan(CliContext cli)
    {
        var target = TargetOption();
        var command = new Command("plan", "List every change the target needs, each with its reason, the accounts left alone, and whether the guard would stop it. Changes nothing in the directory.") { target };
        command.SetAction((parse, cancellationToken) => cli.RunAsync(async (services, ct) =>
        {
            var result = await services.GetRequiredService<AccountSync>().PlanAsync(parse.GetValue(target)!, "cli:" + Environment.UserName, ct);
            if (!result.Succeeded)
            {
                return cli.Fail(result.Failure);
            }

            var plan = result.Value.Plan;
            foreach (var operation in plan.Operations)
            {
                var where = operation.NewDn is null ? operation.Dn : $"{operation.Dn} -> {operation.NewDn}";
                cli.Out.WriteLine($"{operation.Kind}\t{where}\t{operation.Reason}");
            }

            foreach (var account in plan.Unmatched)
            {
                cli.Out.WriteLine($"LeftAlone\t{account.Dn}\t{account.Why}");
            }

            var counts = string.Join(", ", plan.Operations.GroupBy(o => o.Kind).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count():N0} {g.Key}")));
            cli.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{plan.Target}: {plan.Operations.Count:N0} change(s){(counts.Length > 0 ? $" ({counts})" : "")}; {plan.Unmatched.Count:N0} account(s) left alone; {plan.Waiting.Count:N0} waiting out a grace period; {plan.ManagedAccounts:N0} managed."));
            if (result.Value.Refusal is { } refusal)
            {
                cli.Out.WriteLine(refusal);
            }

            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static Command Apply(CliContext cli)
    {
        var target = TargetOption();
        var force = new Option<bool>("--override") { Description = "Apply a plan the guard stopped (an IT manager's decision; recorded on the run)." };
        var command = new Command("apply", "Plan again and apply, change by change; a change that fails is reported and the rest go on. Running it again changes nothing.") { target, force };
        command.SetAction((parse, cancellationToken) => cli.RunAsync(async (services, ct) =>
        {
            var result = await services.GetRequiredService<AccountSync>().ApplyAsync(parse.GetValue(target)!, parse.GetValue(force), "cli:" + Environment.UserName, ct);
            if (!result.Succeeded)
            {
                cli.Error.WriteLine($"error: {result.Failure.Message}");
                return result.Failure.Kind == OutcomeKind.Conflict ? ExitCodes.Refused : cli.Fail(result.Failure);
            }

            var report = result.Value;
            foreach (var failure in report.Failures)
            {
                cli.Error.WriteLine($"failed: {failure}");
            }

            cli.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{report.Target}: {report.Done:N0} of {report.Planned:N0} change(s) applied, {report.Failed:N0} failed{(report.Overridden ? " (guard overridden)" : "")}; run {report.RunId}."));
            return report.Failed > 0 ? ExitCodes.Refused : ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }
}
