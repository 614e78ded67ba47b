using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Platform.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DistrictOps.IntegrationTests.Platform;

public sealed class LoggingTests
{
    [Theory]
    [Providers]
    public async Task Request_logs_carry_a_request_id_and_the_route_but_never_the_path_or_query(DatabaseProvider provider)
    {
        var sink = new CapturingLoggerProvider();
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db, services: s => s.AddSingleton<ILoggerProvider>(sink));
        var admin = await app.ApiClientAsync("admin@bayview.example");

        var response = await admin.GetAsync("/api/v1/users?query=Maria%20Student-Surname");
        response.EnsureSuccessStatusCode();

        var line = Assert.Single(sink.Lines, l => l.Message.StartsWith("HTTP GET /api/v1/users", StringComparison.Ordinal));
        Assert.Contains("RequestId=", line.Scopes, StringComparison.Ordinal);
        Assert.Contains("responded 200", line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(sink.Lines, l => (l.Message + l.Scopes).Contains("Surname", StringComparison.Ordinal));
    }
}
