using System.Net;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.IntegrationTests.Modules.Helpdesk;
using DistrictOps.Web.Modules.Accounts.Data;
using DistrictOps.Web.Modules.Accounts.Register;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DistrictOps.IntegrationTests.Modules.Accounts.AccountsTestKit;

namespace DistrictOps.IntegrationTests.Modules.Accounts;

/// <summary>
/// Account sync against real directories: the small district's students into a Samba AD domain controller (over LDAPS),
/// its staff into OpenLDAP, each test in an OU of its own.
/// </summary>
[Collection(DirectoryServersGroup.Name)]
public sealed class AccountSyncTests
{
    [Theory]
    [Providers]
    public async Task Students_get_accounts_in_AD_staff_in_LDAP_their_first_passwords_work_and_applying_again_changes_nothing(DatabaseProvider provider)
    {
        using var ad = TestDirectory.ActiveDirectory();
        using var ldap = TestDirectory.Ldap();
        await using var world = await HelpdeskWorld.CreateAsync(provider, Settings(ad, ldap));
        var manager = await world.App.ApiClientAsync(HelpdeskWorld.Manager);

        var plan = Json(await manager.GetStringAsync("/api/v1/accounts/targets/K12/plan?pageSize=100"));
        var applied = Json(await (await manager.PostAsync("/api/v1/accounts/targets/K12/apply", null)).Content.ReadAsStringAsync());
        var again = Json(await (await manager.PostAsync("/api/v1/accounts/targets/K12/apply", null)).Content.ReadAsStringAsync());
        var staff = Json(await (await manager.PostAsync("/api/v1/accounts/targets/Staff/apply", null)).Content.ReadAsStringAsync());

        Assert.Equal((10, 5), (plan.GetProperty("counts").GetProperty("Create").GetInt32(), plan.GetProperty("counts").GetProperty("CreateOu").GetInt32()));
        Assert.Equal((15, 15, 0), (applied.GetProperty("planned").GetInt32(), applied.GetProperty("done").GetInt32(), applied.GetProperty("failed").GetInt32()));
        Assert.Equal(0, again.GetProperty("planned").GetInt32());
        Assert.Equal(0, staff.GetProperty("failed").GetInt32());

        var (kidDn, kid) = ad.User("kid1.garcia");
        Assert.Equal($"CN=kid1.garcia,OU=KG,OU=org-es-01,OU=Students,{ad.BaseDn}", kidDn, ignoreCase: true);
        Assert.Equal(("s-es-1", "512", "Kid1 Garcia", "kid1.garcia@k12.bayview.example", "Managed by DistrictOps"),
            (kid["employeeid"], kid["useraccountcontrol"], kid["displayname"], kid["userprincipalname"], kid["admindescription"]));
        Assert.Equal(10, ad.Users().Count);
        Assert.True(ad.CanSignIn(kidDn, await FirstPasswordAsync(world, "K12", "s-es-1")));
        Assert.False(ad.CanSignIn(kidDn, "Wrong-Password-1"));

        var (teacherDn, teacher) = ldap.User("maria.lopez");
        Assert.Equal(("t-es", "Maria Lopez", "maria.lopez@bayview.example"), (teacher["employeenumber"], teacher["cn"], teacher["mail"]));
        Assert.True(ldap.CanSignIn(teacherDn, await FirstPasswordAsync(world, "Staff", "t-es")));

        var audit = Json(await manager.GetStringAsync("/api/v1/accounts/operations?q=kid1.garcia"));
        var row = Assert.Single(audit.GetProperty("items").EnumerateArray());
        Assert.Equal(("Create", "Done", "Marcus Lee"), (row.GetProperty("kind").GetString(), row.GetProperty("outcome").GetString(), row.GetProperty("by").GetString()));
    }

    [Theory]
    [Providers]
    public async Task Leavers_are_disabled_after_the_grace_period_movers_move_a_new_name_renames_in_place_and_a_return_enables(DatabaseProvider provider)
    {
        using var ad = TestDirectory.ActiveDirectory();
        await using var world = await HelpdeskWorld.CreateAsync(provider, Settings(ad, null, ("Accounts:MaxChangedShare", "1")));
        var manager = await world.App.ApiClientAsync(HelpdeskWorld.Manager);
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync("/api/v1/accounts/targets/K12/apply", null)).StatusCode);
        await ChangeAsync(world, "s-es-1", p => p.LeftAt = TimeProvider.System.GetUtcNow().AddDays(-50));
        await ChangeAsync(world, "s-es-2", p => p.Grades = "01");
        await ChangeAsync(world, "s-es-3", p => p.FamilyName = "Garcia-Ruiz");
        await ChangeAsync(world, "s-es-4", p => p.LeftAt = TimeProvider.System.GetUtcNow().AddDays(-5));

        var plan = Json(await manager.GetStringAsync("/api/v1/accounts/targets/K12/plan"));
        var applied = Json(await (await manager.PostAsync("/api/v1/accounts/targets/K12/apply", null)).Content.ReadAsStringAsync());

        Assert.Equal(["CreateOu", "Move", "Rename", "Disable"], plan.GetProperty("operations").GetProperty("items").EnumerateArray().Select(o => o.GetProperty("kind").GetString()));
        Assert.Equal("Kid4 Garcia", Assert.Single(plan.GetProperty("waiting").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal((4, 0), (applied.GetProperty("done").GetInt32(), applied.GetProperty("failed").GetInt32()));
        Assert.Equal("514", ad.User("kid1.garcia").Attributes["useraccountcontrol"]);
        Assert.StartsWith("CN=kid2.garcia,OU=01,OU=org-es-01,", ad.User("kid2.garcia").Dn, StringComparison.OrdinalIgnoreCase);
        var renamed = ad.User("kid3.garcia");
        Assert.Equal(("Kid3 Garcia-Ruiz", "Garcia-Ruiz"), (renamed.Attributes["displayname"], renamed.Attributes["sn"]));
        Assert.Equal("512", ad.User("kid4.garcia").Attributes["useraccountcontrol"]);

        var personPage = await (await SignedInAsync(world, HelpdeskWorld.SeniorTech)).GetStringAsync($"/directory/people/{await PersonIdAsync(world, "s-es-1")}");
        var techPage = await (await SignedInAsync(world, HelpdeskWorld.SiteTech)).GetStringAsync($"/directory/people/{await PersonIdAsync(world, "s-es-1")}");
        Assert.Contains("kid1.garcia (Disabled)", personPage, StringComparison.Ordinal);
        Assert.Contains("Left on ", personPage, StringComparison.Ordinal);
        Assert.Contains("id=\"accounts-heading\"", personPage, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"accounts-heading\"", techPage, StringComparison.Ordinal);
        Assert.DoesNotContain("kid1.garcia (Disabled)", techPage, StringComparison.Ordinal);

        await ChangeAsync(world, "s-es-1", p => p.LeftAt = null);
        var back = Json(await (await manager.PostAsync("/api/v1/accounts/targets/K12/apply", null)).Content.ReadAsStringAsync());
        Assert.Equal((1, 0), (back.GetProperty("done").GetInt32(), back.GetProperty("failed").GetInt32()));
        Assert.Equal("512", ad.User("kid1.garcia").Attributes["useraccountcontrol"]);
    }

    [Theory]
    [Providers]
    public async Task A_populated_directory_is_matched_by_employee_id_what_is_not_is_left_alone_and_the_guard_needs_an_IT_manager(DatabaseProvider provider)
    {
        using var ad = TestDirectory.ActiveDirectory();
        ad.Add($"OU=Legacy,{ad.BaseDn}", ("objectClass", "organizationalUnit"), ("ou", "Legacy"));
        ad.Add($"CN=kgarcia1,OU=Legacy,{ad.BaseDn}", ("objectClass", "user"), ("sAMAccountName", "kgarcia1"), ("employeeID", "s-es-1"), ("displayName", "K Garcia"));
        ad.Add($"CN=jdoe,OU=Legacy,{ad.BaseDn}", ("objectClass", "user"), ("sAMAccountName", "jdoe"), ("description", "Made by hand"));
        await using var world = await HelpdeskWorld.CreateAsync(provider, Settings(ad, null));
        var manager = await world.App.ApiClientAsync(HelpdeskWorld.Manager);
        var network = await world.App.ApiClientAsync(HelpdeskWorld.Network);

        var plan = Json(await manager.GetStringAsync("/api/v1/accounts/targets/K12/plan?kind=Link"));
        var refused = await manager.PostAsync("/api/v1/accounts/targets/K12/apply", null);
        var notHis = await network.PostAsync("/api/v1/accounts/targets/K12/apply?override=true", null);
        var unchanged = ad.Users().Count;
        var overridden = Json(await (await manager.PostAsync("/api/v1/accounts/targets/K12/apply?override=true", null)).Content.ReadAsStringAsync());

        Assert.Equal("kgarcia1", Assert.Single(plan.GetProperty("operations").GetProperty("items").EnumerateArray()).GetProperty("username").GetString());
        Assert.Contains(plan.GetProperty("unmatched").EnumerateArray(), u => u.GetProperty("username").GetString() == "jdoe");
        Assert.Contains("needs an IT manager's override", plan.GetProperty("refusal").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Nothing was applied", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, notHis.StatusCode);
        Assert.Equal(2, unchanged);
        Assert.Equal((0, true), (overridden.GetProperty("failed").GetInt32(), overridden.GetProperty("overridden").GetBoolean()));
        var linked = ad.User("kgarcia1");
        Assert.StartsWith("CN=kgarcia1,OU=KG,OU=org-es-01,OU=Students,", linked.Dn, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(("Kid1 Garcia", "Managed by DistrictOps"), (linked.Attributes["displayname"], linked.Attributes["admindescription"]));
        Assert.Equal(10, ad.Users().Count(u => u.Value.GetValueOrDefault("admindescription") == "Managed by DistrictOps"));
        var doe = ad.User("jdoe");
        Assert.Equal((false, "Made by hand"), (doe.Attributes.ContainsKey("admindescription"), doe.Attributes["description"]));
        Assert.StartsWith("CN=jdoe,OU=Legacy,", doe.Dn, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [Providers]
    public async Task An_account_the_directory_refuses_is_reported_and_the_rest_are_made(DatabaseProvider provider)
    {
        using var ad = TestDirectory.ActiveDirectory();
        await using var world = await HelpdeskWorld.CreateAsync(provider, Settings(ad, null));
        await ChangeAsync(world, "s-es-5", p => p.GivenName = new string('K', 80));
        var manager = await world.App.ApiClientAsync(HelpdeskWorld.Manager);

        var first = Json(await (await manager.PostAsync("/api/v1/accounts/targets/K12/apply", null)).Content.ReadAsStringAsync());
        var second = Json(await (await manager.PostAsync("/api/v1/accounts/targets/K12/apply", null)).Content.ReadAsStringAsync());

        Assert.Equal((14, 1), (first.GetProperty("done").GetInt32(), first.GetProperty("failed").GetInt32()));
        Assert.Contains("givenName", Assert.Single(first.GetProperty("failures").EnumerateArray()).GetString(), StringComparison.Ordinal);
        Assert.Equal((1, 1), (second.GetProperty("planned").GetInt32(), second.GetProperty("failed").GetInt32()));
        Assert.Equal(9, ad.Users().Count);
    }

    [Theory]
    [Providers]
    public async Task The_command_line_lists_the_plan_with_reasons_and_changes_nothing(DatabaseProvider provider)
    {
        using var ad = TestDirectory.ActiveDirectory();
        await using var world = await HelpdeskWorld.CreateAsync(provider, Settings(ad, null));

        var plan = await CliRunner.RunAsync(world.Db.Settings().Concat(Settings(ad, null)).ToDictionary(), "accounts", "plan", "--target", "K12");
        var unknown = await CliRunner.RunAsync(world.Db.Settings().Concat(Settings(ad, null)).ToDictionary(), "accounts", "plan", "--target", "Admin");

        Assert.True(plan.Code == 0, plan.Error);
        Assert.Contains($"Create\tCN=kid1.garcia,OU=KG,OU=org-es-01,OU=Students,{ad.BaseDn}\tNew student at Harbor View Elementary.", plan.Out, StringComparison.Ordinal);
        Assert.Contains("K12: 15 change(s) (5 CreateOu, 10 Create)", plan.Out, StringComparison.Ordinal);
        Assert.Empty(ad.Users());
        Assert.Equal(1, unknown.Code);
        Assert.Contains("There is no account target named Admin; the targets are K12.", unknown.Error, StringComparison.Ordinal);
    }

    [Theory]
    [Providers]
    public async Task Applying_from_the_page_runs_in_the_background_shows_its_progress_and_then_what_it_did(DatabaseProvider provider)
    {
        using var ad = TestDirectory.ActiveDirectory();
        await using var world = await HelpdeskWorld.CreateAsync(provider, Settings(ad, null));
        var network = await SignedInAsync(world, HelpdeskWorld.Network);
        var senior = await SignedInAsync(world, HelpdeskWorld.SeniorTech);

        var notAllowed = await senior.PostFormAsync("/accounts/K12", "/accounts/K12?handler=Apply", []);
        var unknown = await network.PostFormAsync("/accounts/K12", "/accounts/Nowhere?handler=Apply", []);
        var apply = await network.PostFormAsync("/accounts/K12", "/accounts/K12?handler=Apply", []);

        Assert.Contains("/account/access-denied", notAllowed.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, apply.StatusCode);
        var url = apply.Headers.Location!.OriginalString;
        Assert.StartsWith("/accounts/K12?job=", url, StringComparison.Ordinal);
        var job = url["/accounts/K12?job=".Length..];
        await Eventually.ReturnsAsync(
            async () => Json(await network.GetStringAsync($"/accounts/K12?handler=Status&job={job}")),
            status => status.GetProperty("finished").GetBoolean(), "the apply job to finish", TimeSpan.FromSeconds(60));
        var done = await network.GetStringAsync(url);
        Assert.Contains("15 of 15 changes applied, 0 failed.", done, StringComparison.Ordinal);
        Assert.Contains("/accounts/changes?run=", done, StringComparison.Ordinal);
        Assert.Contains("Nothing to change", done, StringComparison.Ordinal);
        Assert.Equal(10, ad.Users().Count);
        Assert.Equal(HttpStatusCode.NotFound, (await network.GetAsync($"/accounts/K12?handler=Status&job={Guid.NewGuid()}")).StatusCode);
    }

    private static Dictionary<string, string?> Settings(TestDirectory ad, TestDirectory? ldap, params (string Key, string Value)[] extra)
    {
        var settings = ad.Target(0, "K12", ("Kinds:0", "Student"), ("OuTemplate", "OU={grade},OU={site},OU=Students"), ("UpnSuffix", "k12.bayview.example"));
        if (ldap is not null)
        {
            foreach (var (key, value) in ldap.Target(1, "Staff", ("Kinds:0", "Teacher"), ("Kinds:1", "Administrator"), ("Kinds:2", "Staff"), ("OuTemplate", "ou={site},ou=Staff"),
                         ("EmailDomain", "bayview.example")))
            {
                settings[key] = value;
            }
        }

        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    private static async Task<string> FirstPasswordAsync(HelpdeskWorld world, string target, string sourcedId)
    {
        await using var scope = world.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var person = await db.Set<Person>().Where(p => p.SourcedId == sourcedId).Select(p => p.Id).SingleAsync();
        var kept = await db.Set<InitialPassword>().SingleAsync(p => p.Target == target && p.PersonId == person);
        return scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector(AccountSync.PasswordPurpose).Unprotect(kept.Protected);
    }

    private static async Task<Guid> PersonIdAsync(HelpdeskWorld world, string sourcedId)
    {
        await using var db = world.Db.OpenContext();
        return await db.Set<Person>().Where(p => p.SourcedId == sourcedId).Select(p => p.Id).SingleAsync();
    }
}
