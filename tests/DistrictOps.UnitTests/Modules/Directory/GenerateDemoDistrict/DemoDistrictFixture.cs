using DistrictOps.Web.Modules.Directory.Demo;

namespace DistrictOps.UnitTests.Modules.Directory.GenerateDemoDistrict;

/// <summary>One small demo district (2,000 students, seed 2026) generated once for the tests that only read it.</summary>
public sealed class DemoDistrictFixture : IDisposable
{
    public const int Students = 2_000;
    public const int Seed = 2026;

    private readonly Dictionary<string, CsvFile> _files = new(StringComparer.Ordinal);

    public DemoDistrictFixture()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("districtops-demo-").FullName;
        var result = GenerateDemoDistrictHandler.Handle(new GenerateDemoDistrictCommand(Directory, Students, Seed));
        Assert.True(result.Succeeded, string.Join("; ", result.Failure?.Messages ?? []));
        Summary = result.Value!;
    }

    public string Directory { get; }

    public DemoDistrictSummary Summary { get; }

    public CsvFile this[string relativePath]
    {
        get
        {
            lock (_files)
            {
                if (!_files.TryGetValue(relativePath, out var file))
                {
                    file = CsvFile.Read(Path.Combine(Directory, relativePath));
                    _files[relativePath] = file;
                }

                return file;
            }
        }
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
