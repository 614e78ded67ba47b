using DistrictOps.UnitTests.Architecture.Fixture.Modules.Beta.Contracts;
using DistrictOps.UnitTests.Architecture.Fixture.Modules.Beta.Data;

namespace DistrictOps.UnitTests.Architecture.Fixture.Modules.Alpha;

public sealed class UsesContract(IBetaLookup lookup)
{
    public string Name(int id) => lookup.Find(id);
}

public sealed class ReachesIn
{
    public static int Peek(BetaRecord record) => record.Id;
}
