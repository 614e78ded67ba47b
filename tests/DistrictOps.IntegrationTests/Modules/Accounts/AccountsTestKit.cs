using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.IntegrationTests.Modules.Helpdesk;
using DistrictOps.Web.Modules.Directory.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.IntegrationTests.Modules.Accounts;

/// <summary>What the account tests do to the small district between plans: change a person as an import would, sign in, read JSON.</summary>
internal static class AccountsTestKit
{
    public static async Task ChangeAsync(HelpdeskWorld world, string sourcedId, Action<Person> change)
    {
        await using var db = world.Db.OpenContext();
        change(await db.Set<Person>().SingleAsync(p => p.SourcedId == sourcedId));
        await db.SaveChangesAsync();
    }

    public static async Task<HttpClient> SignedInAsync(HelpdeskWorld world, string email)
    {
        var browser = world.App.Browser();
        await browser.SignInAsync(email);
        return browser;
    }

    public static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;
}
