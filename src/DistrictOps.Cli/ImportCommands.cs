using System.CommandLine;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Modules.Directory.Importing;
using DistrictOps.Web.Modules.Directory.ManageCalendar;
using DistrictOps.Web.Modules.Directory.UploadImport;
using DistrictOps.Web.Platform.Time;

namespace DistrictOps.Cli;

internal static class ImportCommands
{
    public static Command Build(CliContext cli) =>
        new("import", "Bring data in from the SIS and HR. " + ExitCodes.Help) { OneRoster(cli), Hr(cli), Calendar(cli) };

    private static Command OneRoster(CliContext cli)
    {
        var path = new Argument<string>("PATH") { Description = "A OneRoster 1.1 or 1.2 CSV package: a folder or a zip with manifest.csv at its root." };
        var (plan, apply) = PlanOrApply();
        var allowShrink = new Option<bool>("--allow-shrink") { Description = "Apply even if people would be removed beyond the threshold or a site emptied." };
        var strict = new Option<bool>("--strict") { Description = "Treat every warning as an error: apply nothing that needs a normalisation." };
        var recheck = new Option<bool>("--recheck")
        {
            Description = "Compare every row, even if these same files were compared before and no directory table was written since.",
        };
        var maxShrink = new Option<double>("--max-shrink")
        {
            Description = "The share of people a bulk import may remove without --allow-shrink (0 to 1).",
            DefaultValueFactory = _ => 0.10,
        };
        var oneRoster = new Command("oneroster", "Import sites, people and rosters from the SIS's OneRoster export: plan first, then apply.")
        {
            path, plan, apply, allowShrink, maxShrink, strict, recheck,
        };
        oneRoster.SetAction((parse, cancellationToken) =>
        {
            if (NeitherOrBoth(cli, parse, plan, apply) || Missing(cli, parse.GetValue(path)!))
            {
                return Task.FromResult(ExitCodes.Usage);
            }

            return cli.RunAsync(async (services, ct) =>
            {
                var errors = new ImportErrorLog();
                using var package = OneRosterPackage.Open(parse.GetValue(path)!, errors);
                var importer = services.GetRequiredService<OneRosterImporter>();
                var options = new ImportOptions(parse.GetValue(allowShrink), parse.GetValue(maxShrink), $"cli:{Environment.UserName}", parse.GetValue(strict))
                {
                    Recheck = parse.GetValue(recheck),
                };
                var outcome = parse.GetValue(apply)
                    ? await importer.ApplyAsync(package, errors, options, ct)
                    : await importer.PlanAsync(package, errors, options, ct);
                await RecordAsync(services, ImportKind.OneRoster, package.Name, parse.GetValue(apply), options.RunBy, outcome, ct);
                var code = Report(cli, outcome);
                if (outcome.Plan.SameFilesComparedAt is { } compared)
                {
                    var when = services.GetRequiredService<DistrictTime>().AbsoluteWithZone(compared);
                    cli.Out.WriteLine((outcome.Plan.SameRowsOnly
                        ? $"These files hold the same rows as on {when} (in another order or with other dateLastModified values), when every row was "
                        : $"These files are the same as on {when}, when every row was ") +
                        "compared, and no directory table has been written since. --recheck compares every row again.");
                }

                return code;
            }, cancellationToken);
        });
        return oneRoster;
    }

    private static Command Hr(CliContext cli)
    {
        var hrFolder = new Argument<string>("FOLDER") { Description = "A folder with staff.csv and, optionally, coverage.csv (see the README for the columns)." };
        var (hrPlan, hrApply) = PlanOrApply();
        var hrAllowShrink = new Option<bool>("--allow-shrink") { Description = "Apply even if more than 10% of employees would leave." };
        var hr = new Command("hr", "Import HR staff (employee id, position, department, sites, status) and technician coverage.")
        {
            hrFolder, hrPlan, hrApply, hrAllowShrink,
        };
        hr.SetAction((parse, cancellationToken) =>
        {
            if (NeitherOrBoth(cli, parse, hrPlan, hrApply) || Missing(cli, parse.GetValue(hrFolder)!))
            {
                return Task.FromResult(ExitCodes.Usage);
            }

            return cli.RunAsync(async (services, ct) =>
            {
                var errors = new ImportErrorLog();
                var options = new ImportOptions(parse.GetValue(hrAllowShrink), RunBy: $"cli:{Environment.UserName}");
                var folder = parse.GetValue(hrFolder)!;
                var outcome = await services.GetRequiredService<StaffImporter>().RunAsync(folder, errors, options, parse.GetValue(hrApply), ct);
                await RecordAsync(services, ImportKind.HrStaff, Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder))), parse.GetValue(hrApply), options.RunBy, outcome, ct);
                return Report(cli, outcome);
            }, cancellationToken);
        });
        return hr;
    }

    /// <summary>Every plan and apply from the terminal is listed on the import runs page beside the web's, with its report.</summary>
    private static Task<Guid> RecordAsync(IServiceProvider services, ImportKind kind, string source, bool apply, string runBy, ImportOutcome outcome, CancellationToken ct) =>
        services.GetRequiredService<UploadImportHandler>().RecordAsync(kind, source, apply, runBy, outcome, ct);

    private static Command Calendar(CliContext cli)
    {
        var icsFile = new Argument<string>("FILE") { Description = "The district calendar as iCalendar (.ics): INSTRUCTIONAL-YEAR, NO-SCHOOL and MINIMUM-DAY events." };
        var (calPlan, calApply) = PlanOrApply();
        var calendar = new Command("calendar", "Import the district school calendar; site-only days added on the calendar page are kept.") { icsFile, calPlan, calApply };
        calendar.SetAction((parse, cancellationToken) =>
        {
            if (NeitherOrBoth(cli, parse, calPlan, calApply) || Missing(cli, parse.GetValue(icsFile)!))
            {
                return Task.FromResult(ExitCodes.Usage);
            }

            return cli.RunAsync(async (services, ct) =>
            {
                var path = parse.GetValue(icsFile)!;
                await using var stream = File.OpenRead(path);
                var outcome = await services.GetRequiredService<CalendarImporter>().RunAsync(path, stream, parse.GetValue(calApply), $"cli:{Environment.UserName}", ct);
                foreach (var problem in outcome.File.Errors)
                {
                    cli.Error.WriteLine(problem.ToString());
                }

                foreach (var warning in outcome.File.Warnings)
                {
                    cli.Error.WriteLine("warning: " + warning);
                }

                if (!outcome.File.Succeeded)
                {
                    cli.Error.WriteLine($"{outcome.File.Errors.Count} error(s). Nothing was applied.");
                    return ExitCodes.InvalidInput;
                }

                cli.Out.WriteLine($"Instructional years: +{outcome.YearsAdded} -{outcome.YearsRemoved}; days without school: +{outcome.DaysAdded} -{outcome.DaysRemoved}; minimum days: +{outcome.SpecialAdded} -{outcome.SpecialRemoved}.");
                cli.Out.WriteLine(outcome.RunId is { } run ? $"Applied as import run {run}." : outcome.ChangesNothing ? "Nothing would change." : "Plan only: nothing was applied. Run again with --apply.");
                return ExitCodes.Ok;
            }, cancellationToken);
        });
        return calendar;
    }

    private static (Option<bool> Plan, Option<bool> Apply) PlanOrApply() =>
        (new Option<bool>("--plan") { Description = "Show what would change; change nothing." },
         new Option<bool>("--apply") { Description = "Apply the changes in one transaction." });

    private static bool NeitherOrBoth(CliContext cli, ParseResult parse, Option<bool> plan, Option<bool> apply)
    {
        if (parse.GetValue(plan) != parse.GetValue(apply))
        {
            return false;
        }

        cli.Error.WriteLine("error: give exactly one of --plan or --apply.");
        return true;
    }

    private static bool Missing(CliContext cli, string path)
    {
        if (File.Exists(path) || System.IO.Directory.Exists(path))
        {
            return false;
        }

        cli.Error.WriteLine($"error: {path}: no such file or folder.");
        return true;
    }

    private static int Report(CliContext cli, ImportOutcome outcome)
    {
        var plan = outcome.Plan;
        foreach (var error in plan.Errors)
        {
            cli.Error.WriteLine(error.ToString());
        }

        foreach (var group in plan.WarningGroups)
        {
            foreach (var warning in group.First)
            {
                cli.Error.WriteLine($"warning: {warning}");
            }

            if (group.Count > group.First.Count)
            {
                cli.Error.WriteLine($"warning: … {group.Count - group.First.Count:N0} more: {group.Rule}");
            }
        }

        if (plan.WarningCount > 0)
        {
            cli.Error.WriteLine($"{plan.WarningCount} warning(s).");
        }

        if (plan.ErrorCount > 0)
        {
            var shown = plan.Errors.Count < plan.ErrorCount ? $" (the first {plan.Errors.Count} shown)" : "";
            cli.Error.WriteLine($"{plan.ErrorCount} error(s){shown}. Nothing was applied.");
            return ExitCodes.InvalidInput;
        }

        cli.Out.WriteLine(plan.Version == "HR" ? $"HR files {plan.Source}" : $"OneRoster {plan.Version} package {plan.Source}");
        cli.Out.WriteLine($"{"entity",-16} {"file",-22} {"mode",-6} {"add",9} {"update",9} {"leave",9} {"remove",9}");
        foreach (var e in plan.Entities)
        {
            cli.Out.WriteLine($"{e.Entity,-16} {e.File,-22} {e.Mode.ToString().ToLowerInvariant(),-6} {e.Add,9:N0} {e.Update,9:N0} {e.Leave,9:N0} {e.Remove,9:N0}");
        }

        foreach (var e in plan.Entities.Where(e => e.Samples.Count > 0))
        {
            cli.Out.WriteLine($"{e.Entity}, first rows:");
            foreach (var s in e.Samples)
            {
                cli.Out.WriteLine($"  {s.Change.ToString().ToLowerInvariant(),-6} {s.SourcedId}{(s.Line > 0 ? $" (line {s.Line})" : "")}{(s.Fields is null ? "" : $": {s.Fields}")}");
            }
        }

        foreach (var refusal in plan.Refusals)
        {
            cli.Error.WriteLine($"refused: {refusal}");
        }

        if (plan.Refusals.Count > 0)
        {
            return ExitCodes.Refused;
        }

        cli.Out.WriteLine(outcome.RunId is { } run
            ? $"Applied as import run {run}."
            : plan.ChangesNothing ? "Nothing would change." : "Plan only: nothing was applied. Run again with --apply.");
        return ExitCodes.Ok;
    }
}
