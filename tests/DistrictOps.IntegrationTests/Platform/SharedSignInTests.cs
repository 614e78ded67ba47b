using System.Net;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Platform.Data;

namespace DistrictOps.IntegrationTests.Platform;

public sealed class SharedSignInTests
{
    [Theory]
    [Providers]
    public async Task A_sign_in_on_one_node_is_honoured_by_another_on_the_same_database(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var nodeA = new DistrictOpsFactory(db);
        await using var nodeB = new DistrictOpsFactory(db);
        var onA = nodeA.Browser();
        var signIn = await onA.SignInAsync("network@bayview.example");
        var cookie = string.Join("; ", signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

        var onB = nodeB.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookie);
        var home = await onB.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Network engineer home", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
