using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Platform.Data;

namespace DistrictOps.IntegrationTests.Platform;

public sealed class LocalizationAndOpenApiTests
{
    [Theory]
    [Providers]
    public async Task The_language_switch_turns_the_shell_into_spanish_and_back(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db);
        var browser = app.Browser();

        var switched = await browser.PostFormAsync("/account/sign-in", "/culture", new() { ["culture"] = "es", ["returnUrl"] = "/account/sign-in" });
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        var spanish = await browser.GetStringAsync("/account/sign-in");
        Assert.Contains("<html lang=\"es\">", spanish, StringComparison.Ordinal);
        Assert.Contains("Iniciar sesión en DistrictOps", spanish, StringComparison.Ordinal);
        Assert.Contains("Saltar al contenido principal", spanish, StringComparison.Ordinal);

        await browser.PostFormAsync("/account/sign-in", "/culture", new() { ["culture"] = "en", ["returnUrl"] = "/" });
        Assert.Contains("Sign in to DistrictOps", await browser.GetStringAsync("/account/sign-in"), StringComparison.Ordinal);
    }

    [Theory]
    [Providers]
    public async Task The_openapi_document_describes_the_api_without_signing_in(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db);

        var document = await app.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/me", out _));
        Assert.True(paths.TryGetProperty("/api/v1/users", out var users));
        Assert.True(users.TryGetProperty("post", out _));
    }
}
