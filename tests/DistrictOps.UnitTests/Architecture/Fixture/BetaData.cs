namespace DistrictOps.UnitTests.Architecture.Fixture.Modules.Beta.Data;

public sealed class BetaRecord
{
    public int Id { get; set; }
}
