using DistrictOps.UnitTests.Architecture.Fixture.Modules.Alpha;
using DistrictOps.Web.Platform;
using NetArchTest.Rules;

namespace DistrictOps.UnitTests.Architecture;

public sealed class ArchitectureTests
{
    private static readonly System.Reflection.Assembly Product = typeof(PlatformHost).Assembly;

    [Fact]
    public void A_module_uses_another_only_through_its_contracts()
    {
        Assert.Empty(ModuleBoundaries.Violations(Product, "DistrictOps.Web.Modules"));
    }

    [Fact]
    public void The_boundary_check_catches_a_module_reaching_into_another()
    {
        var violations = ModuleBoundaries.Violations(typeof(ReachesIn).Assembly, "DistrictOps.UnitTests.Architecture.Fixture.Modules");

        var violation = Assert.Single(violations);
        Assert.Equal("Alpha: " + typeof(ReachesIn).FullName, violation);
    }

    [Fact]
    public void The_platform_knows_no_module()
    {
        var result = Types.InAssembly(Product).That().ResideInNamespace("DistrictOps.Web.Platform")
            .ShouldNot().HaveDependencyOn("DistrictOps.Web.Modules")
            .GetResult();

        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }
}
