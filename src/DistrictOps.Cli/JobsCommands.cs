using System.CommandLine;
using System.Globalization;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Jobs;
using DistrictOps.Web.Platform.Time;

namespace DistrictOps.Cli;

internal static class JobsCommands
{
    public static Command Build(CliContext cli) =>
        new("jobs", "Scheduled jobs (automations): list them with their latest run, or run one now.")
        {
            List(cli),
            Run(cli),
        };

    private static Command List(CliContext cli)
    {
        var command = new Command("list", "List the declared jobs, their interval and their latest run.");
        command.SetAction((_, cancellationToken) => cli.RunAsync(async (services, ct) =>
        {
            var jobs = await services.GetRequiredService<JobsOverview>().ListAsync(ct);
            var time = services.GetRequiredService<DistrictTime>();
            foreach (var job in jobs)
            {
                var last = job.LastRun is { } run
                    ? string.Create(CultureInfo.InvariantCulture, $"last run {time.AbsoluteWithZone(run.StartedAt)}: {run.Outcome}, {run.Changed} changed")
                    : "not run yet";
                cli.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{job.Name}\tevery {job.Interval}\t{last}\t{job.Description}"));
            }

            cli.Out.WriteLine($"{jobs.Count} job(s)");
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static Command Run(CliContext cli)
    {
        var name = new Argument<string>("NAME") { Description = "The job's name, as `jobs list` shows it (e.g. helpdesk.close-solved)." };
        var command = new Command("run", "Run a job now and log the run; a job with nothing to do changes nothing.") { name };
        command.SetAction((parse, cancellationToken) => cli.RunAsync(async (services, ct) =>
        {
            var runner = services.GetRequiredService<JobRunner>();
            var job = parse.GetValue(name)!;
            var run = await runner.RunAsync(job, "cli:" + Environment.UserName, ct);
            if (run is null)
            {
                return cli.Fail(Result.Invalid("name", $"No job is named '{job}'. Jobs: {string.Join(", ", runner.Jobs.Select(j => j.Name))}."));
            }

            var line = $"{run.Job}: {run.Outcome}, {run.Changed} changed. {run.Summary}";
            if (run.Outcome == JobOutcome.Failed)
            {
                cli.Error.WriteLine("error: " + line);
                return ExitCodes.Refused;
            }

            cli.Out.WriteLine(line);
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }
}
