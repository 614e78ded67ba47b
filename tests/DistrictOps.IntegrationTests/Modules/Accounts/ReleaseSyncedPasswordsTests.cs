using System.Net;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.IntegrationTests.Modules.Helpdesk;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.IntegrationTests.Modules.Accounts;

/// <summary>The whole way: the sync makes the kindergarten's accounts in OpenLDAP, their teacher releases the class sheet, and each password on it signs in.</summary>
[Collection(DirectoryServersGroup.Name)]
public sealed class ReleaseSyncedPasswordsTests
{
    [Theory]
    [Providers]
    public async Task First_passwords_the_sync_made_are_released_once_to_the_teacher_and_sign_in_to_the_directory(DatabaseProvider provider)
    {
        using var ldap = TestDirectory.Ldap();
        await using var world = await HelpdeskWorld.CreateAsync(provider, ldap.Target(0, "K12", ("Kinds:0", "Student"), ("OuTemplate", "ou={site},ou=Students")));
        var applied = await (await world.App.ApiClientAsync(HelpdeskWorld.Manager)).PostAsync("/api/v1/accounts/targets/K12/apply", null);
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        await using (var db = world.Db.OpenContext())
        {
            var classId = await db.Set<ClassSection>().Where(c => c.SourcedId == "cls-k-1").Select(c => c.Id).SingleAsync();
            var teacher = await world.App.ApiClientAsync(HelpdeskWorld.Teacher);

            var sheet = JsonDocument.Parse(await (await teacher.PostAsync($"/api/v1/accounts/passwords/class/{classId}/release", null)).Content.ReadAsStringAsync()).RootElement;
            var again = JsonDocument.Parse(await (await teacher.PostAsync($"/api/v1/accounts/passwords/class/{classId}/release", null)).Content.ReadAsStringAsync()).RootElement;

            var rows = sheet.GetProperty("rows").EnumerateArray().ToList();
            Assert.Equal(5, sheet.GetProperty("shown").GetInt32());
            Assert.All(rows, row => Assert.True(ldap.CanSignIn(ldap.User(row.GetProperty("username").GetString()!).Dn, row.GetProperty("password").GetString()!), row.GetProperty("username").GetString()));
            Assert.False(ldap.CanSignIn(ldap.User(rows[0].GetProperty("username").GetString()!).Dn, rows[1].GetProperty("password").GetString()!));
            Assert.Equal(0, again.GetProperty("shown").GetInt32());
        }
    }
}
