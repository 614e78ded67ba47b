using DistrictOps.UnitTests.Architecture.Fixture.Modules.Alpha;
using DistrictOps.Web.Platform;
using NetArchTest.Rules;

namespace DistrictOps.UnitTests.Architecture;

public sealed class ArchitectureTests
{
    private static readonly System.Reflection.Assembly Product = typeof(PlatformHost).Assembly;

    private static readonly HashSet<string> SharedFolders = ["Articles", "Contracts", "Data", "Demo", "Importing", "Packages", "Register", "Sharing", "Sizing", "Tickets"];

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
    public void A_slice_uses_no_sibling_slice()
    {
        var violations = SliceBoundaries.Violations(Product, "DistrictOps.Web.Modules", SharedFolders);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void The_slice_check_catches_a_slice_using_its_sibling()
    {
        var violations = SliceBoundaries.Violations(typeof(ReachesIn).Assembly, "DistrictOps.UnitTests.Architecture.Fixture.Modules", SharedFolders);

        var violation = Assert.Single(violations);
        Assert.Equal("Beta/Orders/PlaceOrder: " + typeof(Fixture.Modules.Beta.Orders.PlaceOrder.UsesSibling).FullName, violation);
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
