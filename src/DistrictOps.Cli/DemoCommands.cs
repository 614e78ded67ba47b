using System.CommandLine;
using System.Globalization;
using DistrictOps.Web.Modules.Directory.Demo;

namespace DistrictOps.Cli;

internal static class DemoCommands
{
    public static Command Build(CliContext cli) => new("demo", "Demo data for trying DistrictOps without real people in it.") { Generate(cli) };

    private static Command Generate(CliContext cli)
    {
        var output = new Option<string>("--out") { Description = "Folder to write into; created if missing. It must be empty unless --force is given.", Required = true };
        var students = new Option<int>("--students")
        {
            Description = $"Number of students (1 to {GenerateDemoDistrictHandler.MaxStudents.ToString("N0", CultureInfo.InvariantCulture)}).",
            DefaultValueFactory = _ => GenerateDemoDistrictHandler.DefaultStudents,
        };
        var seed = new Option<int>("--seed") { Description = "Seed of the random choices; the same seed and size give the same files.", DefaultValueFactory = _ => GenerateDemoDistrictHandler.DefaultSeed };
        var force = new Option<bool>("--force") { Description = "Write into a folder that is not empty, replacing the demo files in it." };
        var command = new Command(
            "generate",
            "Write a fictional district (Bayview Unified: 61 schools, students, families, staff, classes) as a OneRoster 1.2 CSV package, "
            + "HR staff and technician coverage CSV files and a 2026-27 iCalendar file. Needs no database.")
        {
            output, students, seed, force,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var result = GenerateDemoDistrictHandler.Handle(
                new GenerateDemoDistrictCommand(parse.GetValue(output)!, parse.GetValue(students), parse.GetValue(seed), parse.GetValue(force)), cancellationToken);
            if (!result.Succeeded)
            {
                return Task.FromResult(cli.Fail(result.Failure));
            }

            var summary = result.Value;
            cli.Out.WriteLine($"Wrote the demo district to {summary.OutputDirectory}:");
            foreach (var file in summary.Files)
            {
                cli.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {file.RelativePath,-34}{file.Rows,12:N0}"));
            }

            cli.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Students {summary.Students:N0}, guardians {summary.Guardians:N0}, staff in the roster {summary.StaffUsers:N0}. All people are fictional."));
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
