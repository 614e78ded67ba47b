using DistrictOps.Web.Modules.Directory.Demo;

namespace DistrictOps.UnitTests.Modules.Directory.GenerateDemoDistrict;

public sealed class DeterminismAndInputTests(DemoDistrictFixture district) : IClassFixture<DemoDistrictFixture>, IDisposable
{
    private readonly List<string> _directories = [];

    [Fact]
    public void The_same_seed_and_size_give_the_same_bytes_in_every_file()
    {
        var again = Generate(DemoDistrictFixture.Students, DemoDistrictFixture.Seed);

        var files = Files(district.Directory);
        Assert.Equal(files, Files(again));
        Assert.Equal(13, files.Count);
        Assert.All(files, f => Assert.True(
            File.ReadAllBytes(Path.Combine(district.Directory, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(again, f))), $"{f} differs"));
    }

    [Fact]
    public void Another_seed_gives_other_users()
    {
        var other = Generate(DemoDistrictFixture.Students, DemoDistrictFixture.Seed + 1);

        Assert.NotEqual(File.ReadAllBytes(Path.Combine(district.Directory, "users.csv")), File.ReadAllBytes(Path.Combine(other, "users.csv")));
        Assert.Equal(
            File.ReadAllText(Path.Combine(district.Directory, "calendar", "bayview-2026-27.ics")),
            File.ReadAllText(Path.Combine(other, "calendar", "bayview-2026-27.ics")));
    }

    [Fact]
    public void A_folder_that_is_not_empty_is_refused_unless_forced()
    {
        var directory = NewDirectory();
        File.WriteAllText(Path.Combine(directory, "notes.txt"), "keep me");

        var refused = GenerateDemoDistrictHandler.Handle(new GenerateDemoDistrictCommand(directory, 100));
        Assert.False(refused.Succeeded);
        Assert.Contains(directory, Assert.Single(refused.Failure!.Errors["out"]), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(directory, "users.csv")));

        var forced = GenerateDemoDistrictHandler.Handle(new GenerateDemoDistrictCommand(directory, 100, Force: true));
        Assert.True(forced.Succeeded);
        Assert.True(File.Exists(Path.Combine(directory, "users.csv")));
        Assert.Equal("keep me", File.ReadAllText(Path.Combine(directory, "notes.txt")));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(GenerateDemoDistrictHandler.MaxStudents + 1)]
    public void A_number_of_students_out_of_range_is_refused(int students)
    {
        var result = GenerateDemoDistrictHandler.Handle(new GenerateDemoDistrictCommand(Path.Combine(NewDirectory(), "out"), students));

        Assert.False(result.Succeeded);
        Assert.Contains("students", result.Failure!.Errors.Keys);
    }

    [Fact]
    public void A_single_student_still_makes_a_whole_district()
    {
        var directory = Generate(1, 7);

        Assert.Equal(64, CsvFile.Read(Path.Combine(directory, "orgs.csv")).Rows.Count);
        Assert.Single(CsvFile.Read(Path.Combine(directory, "demographics.csv")).Rows);
        Assert.Equal(33, CsvFile.Read(Path.Combine(directory, "hr", "staff.csv")).Rows.Count(r => r["department"] == "Information Technology"));
    }

    public void Dispose()
    {
        foreach (var directory in _directories)
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
    }

    private string Generate(int students, int seed)
    {
        var directory = Path.Combine(NewDirectory(), "demo");
        var result = GenerateDemoDistrictHandler.Handle(new GenerateDemoDistrictCommand(directory, students, seed));
        Assert.True(result.Succeeded);
        return directory;
    }

    private string NewDirectory()
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("districtops-demo-").FullName;
        _directories.Add(directory);
        return directory;
    }

    private static List<string> Files(string directory) =>
        System.IO.Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(directory, f))
            .Order(StringComparer.Ordinal)
            .ToList();
}
