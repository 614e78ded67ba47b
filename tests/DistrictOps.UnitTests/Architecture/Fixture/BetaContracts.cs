// A tiny pretend product for the boundary check to find a violation in.
namespace DistrictOps.UnitTests.Architecture.Fixture.Modules.Beta.Contracts;

public interface IBetaLookup
{
    string Find(int id);
}
