using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Platform.Data;

namespace DistrictOps.IntegrationTests.Modules.Rostering;

public sealed class ServeOneRosterApiTests
{
    [Theory]
    [Providers]
    public async Task Smoke(DatabaseProvider provider)
    {
        await using var world = await OneRosterApiWorld.CreateAsync(provider);
        var client = await world.ClientAsync();
        var v11 = await ApiAnswer.GetAsync(client, "/ims/oneroster/v1p1/users");
        Assert.True(v11.Status == 200, v11.ToString());
        var v12 = await ApiAnswer.GetAsync(client, "/ims/oneroster/rostering/v1p2/users");
        Assert.True(v12.Status == 200, v12.ToString());
        Assert.Fail(v11 + "\n" + v12);
    }
}
