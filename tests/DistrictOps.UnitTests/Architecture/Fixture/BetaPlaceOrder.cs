using DistrictOps.UnitTests.Architecture.Fixture.Modules.Beta.Data;
using DistrictOps.UnitTests.Architecture.Fixture.Modules.Beta.Orders.ListOrders;

namespace DistrictOps.UnitTests.Architecture.Fixture.Modules.Beta.Orders.PlaceOrder;

public sealed class UsesAreaAndShared
{
    public static bool Check(BetaRecord record) => OrderRules.IsLarge(record.Id);
}

public sealed class UsesSibling
{
    public static string Peek(int count) => OrderLister.Describe(count);
}
