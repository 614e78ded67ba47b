using DistrictOps.Web.Platform.Data;

namespace DistrictOps.UnitTests.Platform;

public sealed class DataPathTests
{
    [Fact]
    public void Relative_paths_resolve_against_the_checkout_whatever_the_working_directory()
    {
        var checkout = Directory.CreateTempSubdirectory("districtops-home-").FullName;
        File.WriteAllText(Path.Combine(checkout, "DistrictOps.slnx"), "<Solution />");
        var binaries = Directory.CreateDirectory(Path.Combine(checkout, "src", "DistrictOps.Cli", "bin", "Debug")).FullName;

        Assert.Equal(Path.Combine(checkout, "data", "districtops.db"), DistrictOpsHome.ResolvePath("data/districtops.db", startDirectory: binaries));
        Assert.Equal("/var/lib/districtops/d.db", DistrictOpsHome.ResolvePath("/var/lib/districtops/d.db", startDirectory: binaries));
        Assert.Equal("/srv/districtops/data/x.db", DistrictOpsHome.ResolvePath("data/x.db", configuredHome: "/srv/districtops", startDirectory: binaries));
    }

    [Fact]
    public void Outside_a_checkout_the_binaries_folder_is_home()
    {
        var deployed = Directory.CreateTempSubdirectory("districtops-deployed-").FullName;
        Assert.Equal(deployed, DistrictOpsHome.Resolve(startDirectory: deployed));
    }

    [Theory]
    [InlineData(null, null, 1, 50)]
    [InlineData(0, 0, 1, 1)]
    [InlineData(3, 20, 3, 20)]
    [InlineData(2, 10_000, 2, 500)]
    public void Page_requests_are_clamped_to_the_api_limits(int? page, int? size, int expectedPage, int expectedSize)
    {
        var request = new PageRequest(page, size);
        Assert.Equal(expectedPage, request.Page);
        Assert.Equal(expectedSize, request.Size);
        Assert.Equal((expectedPage - 1) * expectedSize, request.Skip);
    }
}
