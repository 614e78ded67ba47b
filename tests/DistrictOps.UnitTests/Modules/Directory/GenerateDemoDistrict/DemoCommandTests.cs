using DistrictOps.Cli;

namespace DistrictOps.UnitTests.Modules.Directory.GenerateDemoDistrict;

public sealed class DemoCommandTests : IDisposable
{
    private readonly string _root = System.IO.Directory.CreateTempSubdirectory("districtops-demo-cli-").FullName;

    [Fact]
    public async Task Demo_generate_writes_the_package_and_prints_counts_per_file()
    {
        var output = Path.Combine(_root, "bayview");

        var (code, stdout, stderr) = await RunAsync("demo", "generate", "--out", output, "--students", "500");

        Assert.True(code == 0, stderr);
        foreach (var file in (string[])["manifest.csv", "orgs.csv", "users.csv", "roles.csv", "enrollments.csv", "classes.csv", "courses.csv",
                     "academicSessions.csv", "demographics.csv", "hr/staff.csv", "hr/coverage.csv", "calendar/bayview-2026-27.ics", "README.txt"])
        {
            Assert.True(File.Exists(Path.Combine(output, file)), file);
        }

        Assert.Contains("demographics.csv", stdout, StringComparison.Ordinal);
        Assert.Contains("Students 500,", stdout, StringComparison.Ordinal);
        Assert.Contains("Students 500,", await File.ReadAllTextAsync(Path.Combine(output, "README.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_that_is_not_empty_is_refused_with_exit_code_1_and_its_name_unless_forced()
    {
        await File.WriteAllTextAsync(Path.Combine(_root, "something.txt"), "x");

        var (code, _, stderr) = await RunAsync("demo", "generate", "--out", _root, "--students", "100");

        Assert.Equal(1, code);
        Assert.Contains(_root, stderr, StringComparison.Ordinal);
        Assert.Contains("--force", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_root, "users.csv")));

        var (forced, _, _) = await RunAsync("demo", "generate", "--out", _root, "--students", "100", "--force");
        Assert.Equal(0, forced);
        Assert.True(File.Exists(Path.Combine(_root, "users.csv")));
    }

    public void Dispose() => System.IO.Directory.Delete(_root, recursive: true);

    private static async Task<(int Code, string Out, string Error)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
