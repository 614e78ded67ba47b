// Pretend slices for the slice check: the area Orders of module Beta, with two use cases.
namespace DistrictOps.UnitTests.Architecture.Fixture.Modules.Beta.Orders;

public static class OrderRules
{
    public static bool IsLarge(int count) => count > 10;
}
