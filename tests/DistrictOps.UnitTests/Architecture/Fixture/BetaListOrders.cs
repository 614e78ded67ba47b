namespace DistrictOps.UnitTests.Architecture.Fixture.Modules.Beta.Orders.ListOrders;

public sealed class OrderLister
{
    public static string Describe(int count) => count.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
