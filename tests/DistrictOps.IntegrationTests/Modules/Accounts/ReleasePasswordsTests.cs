using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.IntegrationTests.Modules.Helpdesk;
using DistrictOps.Web.Modules.Accounts.Data;
using DistrictOps.Web.Modules.Accounts.Register;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Modules.Users;
using DistrictOps.Web.Modules.Users.AddUser;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DistrictOps.IntegrationTests.Modules.Accounts.AccountsTestKit;

namespace DistrictOps.IntegrationTests.Modules.Accounts;

/// <summary>
/// First passwords released once: teacher@ (Rosa Martinez, linked to the Directory's Maria Lopez) teaches Room 4 Kindergarten (Kid1–Kid5 Garcia) at Harbor View
/// Elementary; David Nguyen teaches Biology P1 (Teen1–Teen5 Tran) at Bayview High. First passwords are kept as the sync keeps
/// them: encrypted with the app's own Data Protection protector, beside the account they belong to.
/// </summary>
public sealed class ReleasePasswordsTests
{
    private const string OtherTeacher = "david.nguyen@bayview.example";

    [Theory]
    [Providers]
    public async Task A_teacher_releases_their_class_once_the_passwords_decrypt_to_what_was_kept_and_nothing_is_left_to_show_again(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider, Target());
        var kept = await KeepAsync(world, "s-es-1", "s-es-2", "s-es-3");
        await ReleasedEarlierAsync(world, "s-es-4", "Amy Chen");
        var classId = await ClassIdAsync(world, "cls-k-1");
        var teacher = await world.App.ApiClientAsync(HelpdeskWorld.Teacher);

        var first = Json(await (await teacher.PostAsync($"/api/v1/accounts/passwords/class/{classId}/release", null)).Content.ReadAsStringAsync());
        var second = Json(await (await teacher.PostAsync($"/api/v1/accounts/passwords/class/{classId}/release", null)).Content.ReadAsStringAsync());

        var rows = first.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
        Assert.Equal(3, first.GetProperty("shown").GetInt32());
        foreach (var (sourcedId, name) in new[] { ("s-es-1", "Kid1 Garcia"), ("s-es-2", "Kid2 Garcia"), ("s-es-3", "Kid3 Garcia") })
        {
            Assert.Equal(("Shown", kept[sourcedId]), (rows[name].GetProperty("state").GetString(), rows[name].GetProperty("password").GetString()));
        }

        Assert.Equal(("Released", "Amy Chen", JsonValueKind.Null), (rows["Kid4 Garcia"].GetProperty("state").GetString(), rows["Kid4 Garcia"].GetProperty("releasedBy").GetString(),
            rows["Kid4 Garcia"].GetProperty("password").ValueKind));
        Assert.Equal("NoAccount", rows["Kid5 Garcia"].GetProperty("state").GetString());
        Assert.Equal(0, second.GetProperty("shown").GetInt32());
        Assert.All(second.GetProperty("rows").EnumerateArray(), r => Assert.Equal(JsonValueKind.Null, r.GetProperty("password").ValueKind));
        Assert.Equal(["Released", "Released", "Released", "Released", "NoAccount"], second.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("state").GetString()));

        await using var db = world.Db.OpenContext();
        var released = await db.Set<InitialPassword>().AsNoTracking().ToListAsync();
        Assert.All(released, p => Assert.Equal("", p.Protected));
        Assert.Equal(3, released.Count(p => p.ReleasedBy == "Rosa Martinez" && p.ReleasedAt is not null));
        var audit = await db.Set<AccountOperation>().AsNoTracking().Where(o => o.Kind == "ReleasePassword").ToListAsync();
        Assert.Equal(["kid1.garcia", "kid2.garcia", "kid3.garcia"], audit.Select(o => o.Username).Order());
        Assert.All(audit, o => Assert.Equal(("Rosa Martinez", OperationOutcome.Done, null, "First password shown on the class sheet of Room 4 Kindergarten (Harbor View Elementary)."),
            (o.By, o.Outcome, o.Detail, o.Reason)));
        Assert.Single(audit.Select(o => o.RunId).Distinct());
        Assert.DoesNotContain(audit, o => kept.Values.Any(password => $"{o.Reason}{o.Detail}{o.Dn}".Contains(password, StringComparison.Ordinal)));

        var log = await db.Set<AccessLogEntry>().AsNoTracking().Include(e => e.Listings).Where(e => e.Query == "class=cls-k-1").ToListAsync();
        Assert.Equal(2, log.Count);
        Assert.All(log, e => Assert.Equal((world.Users[HelpdeskWorld.Teacher], "api", 5), (e.UserId, e.Via, e.Records)));
        var students = await db.Set<Person>().Where(p => p.SourcedId.StartsWith("s-es-")).Select(p => p.Id).ToListAsync();
        Assert.Equal(students.Order(), log[0].Listings.Select(l => l.PersonId).Order());
    }

    [Theory]
    [Providers]
    public async Task Two_releases_at_once_show_each_password_on_one_sheet_only(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider, Target());
        var kept = await KeepAsync(world, "s-es-1", "s-es-2", "s-es-3", "s-es-4", "s-es-5");
        var classId = await ClassIdAsync(world, "cls-k-1");
        var (teacher, manager) = (await world.App.ApiClientAsync(HelpdeskWorld.Teacher), await world.App.ApiClientAsync(HelpdeskWorld.Manager));

        var sheets = await Task.WhenAll(teacher.PostAsync($"/api/v1/accounts/passwords/class/{classId}/release", null), manager.PostAsync($"/api/v1/accounts/passwords/class/{classId}/release", null));

        Assert.All(sheets, s => Assert.Equal(HttpStatusCode.OK, s.StatusCode));
        var shown = new List<string>();
        foreach (var sheet in sheets)
        {
            shown.AddRange(Json(await sheet.Content.ReadAsStringAsync()).GetProperty("rows").EnumerateArray()
                .Where(r => r.GetProperty("state").GetString() == "Shown").Select(r => r.GetProperty("password").GetString()!));
        }

        Assert.Equal(kept.Values.Order(), shown.Order());
        await using var db = world.Db.OpenContext();
        Assert.Equal(5, await db.Set<AccountOperation>().CountAsync(o => o.Kind == "ReleasePassword"));
    }

    [Theory]
    [Providers]
    public async Task A_teacher_sees_only_the_classes_they_teach_another_class_is_not_found_and_the_district_finds_any(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider, Target());
        var kept = await KeepAsync(world, "s-es-1", "s-hs-1");
        await AddTeacherAsync(world);
        var (kindergarten, biology) = (await ClassIdAsync(world, "cls-k-1"), await ClassIdAsync(world, "cls-bio-1"));
        var maria = await SignedInAsync(world, HelpdeskWorld.Teacher);
        var david = await world.App.ApiClientAsync(OtherTeacher);

        var mine = await maria.GetStringAsync("/accounts/passwords");
        var notMine = await maria.GetAsync($"/accounts/passwords/class/{biology}");
        var notHis = await david.PostAsync($"/api/v1/accounts/passwords/class/{kindergarten}/release", null);
        var unknown = await david.PostAsync($"/api/v1/accounts/passwords/class/{Guid.NewGuid()}/release", null);
        var helpDesk = await (await world.App.ApiClientAsync(HelpdeskWorld.HelpDesk)).PostAsync($"/api/v1/accounts/passwords/class/{kindergarten}/release", null);
        var helpDeskPage = await (await SignedInAsync(world, HelpdeskWorld.HelpDesk)).GetAsync("/accounts/passwords");
        var teacherOnPerson = await maria.GetAsync($"/accounts/passwords/person/{await world.PersonIdAsync("t-hs")}");

        Assert.Contains("Room 4 Kindergarten", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("Biology P1", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("Find a class", mine, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, notMine.StatusCode);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (notHis.StatusCode, unknown.StatusCode));
        Assert.Equal(HttpStatusCode.Forbidden, helpDesk.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, helpDeskPage.StatusCode);
        Assert.Contains("/account/access-denied", helpDeskPage.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Redirect, teacherOnPerson.StatusCode);
        Assert.Equal((false, false), (await ReleasedAsync(world, "s-es-1"), await ReleasedAsync(world, "s-hs-1")));

        var own = Json(await (await david.PostAsync($"/api/v1/accounts/passwords/class/{biology}/release", null)).Content.ReadAsStringAsync());
        Assert.Equal(kept["s-hs-1"], own.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "Teen1 Tran").GetProperty("password").GetString());

        var manager = await SignedInAsync(world, HelpdeskWorld.Manager);
        var search = await manager.GetStringAsync("/accounts/passwords?classes=kinder");
        Assert.Contains($"/accounts/passwords/class/{kindergarten}", search, StringComparison.Ordinal);
        Assert.DoesNotContain($"/accounts/passwords/class/{biology}", search, StringComparison.Ordinal);
        var confirm = await manager.GetAsync($"/accounts/passwords/class/{kindergarten}");
        var confirmText = await confirm.Content.ReadAsStringAsync();
        Assert.Contains("This first password can be shown once.", confirmText, StringComparison.Ordinal);
        Assert.Empty(Shown(confirmText));
        var sheet = await manager.PostFormAsync($"/accounts/passwords/class/{kindergarten}", $"/accounts/passwords/class/{kindergarten}", []);
        var sheetText = await sheet.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, sheet.StatusCode);
        Assert.True(sheet.Headers.CacheControl?.NoStore, "The sheet must not be cached.");
        Assert.Equal([kept["s-es-1"]], Shown(sheetText));
        Assert.Contains("Change it at first sign-in.", sheetText, StringComparison.Ordinal);
        Assert.Contains("No account yet", sheetText, StringComparison.Ordinal);
        var again = await (await manager.PostFormAsync($"/accounts/passwords/class/{kindergarten}", $"/accounts/passwords/class/{kindergarten}", [])).Content.ReadAsStringAsync();
        Assert.Empty(Shown(again));
        Assert.Contains("No first password was left to show", again, StringComparison.Ordinal);
        Assert.Contains("by Marcus Lee.", again, StringComparison.Ordinal);
    }

    [Theory]
    [Providers]
    public async Task The_district_releases_a_staff_members_first_password_found_by_name(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider, Target());
        var kept = await KeepInAsync(world, "Staff", "t-es");
        var maria = await world.PersonIdAsync("t-es");
        var services = await SignedInAsync(world, "data.services@bayview.example");

        var found = await services.GetStringAsync("/accounts/passwords?people=lopez");
        var sheet = await (await services.PostFormAsync($"/accounts/passwords/person/{maria}", $"/accounts/passwords/person/{maria}", [])).Content.ReadAsStringAsync();
        var again = await (await services.PostFormAsync($"/accounts/passwords/person/{maria}", $"/accounts/passwords/person/{maria}", [])).Content.ReadAsStringAsync();
        var guardian = await services.GetAsync($"/accounts/passwords/person/{await world.PersonIdAsync("g-1")}");

        Assert.Contains($"/accounts/passwords/person/{maria}", found, StringComparison.Ordinal);
        Assert.Equal([kept["t-es"]], Shown(sheet));
        Assert.Empty(Shown(again));
        Assert.Equal(HttpStatusCode.NotFound, guardian.StatusCode);
        await using var db = world.Db.OpenContext();
        var operation = await db.Set<AccountOperation>().AsNoTracking().SingleAsync(o => o.Kind == "ReleasePassword");
        Assert.Equal(("Staff", maria, "Hannah Brooks"), (operation.Target, operation.PersonId, operation.By));
    }

    [Theory]
    [Providers]
    public async Task Without_a_directory_set_up_the_page_says_there_are_no_first_passwords_and_why(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);

        var page = await (await SignedInAsync(world, HelpdeskWorld.Teacher)).GetStringAsync("/accounts/passwords");

        Assert.Contains("No accounts are made here yet", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Room 4 Kindergarten", page, StringComparison.Ordinal);
    }

    /// <summary>A target for the sheets to name; nothing here connects to it.</summary>
    internal static Dictionary<string, string?> Target() => new()
    {
        ["Accounts:Targets:0:Name"] = "K12", ["Accounts:Targets:0:Dialect"] = "Ldap", ["Accounts:Targets:0:Url"] = "ldap://127.0.0.1:9/",
        ["Accounts:Targets:0:BaseDn"] = "dc=k12,dc=example", ["Accounts:Targets:0:Kinds:0"] = "Student",
    };

    /// <summary>Keeps an account and a first password in K12 for each person, as the sync does; returns the passwords by source id.</summary>
    private static Task<Dictionary<string, string>> KeepAsync(HelpdeskWorld world, params string[] sourcedIds) => KeepInAsync(world, "K12", sourcedIds);

    private static async Task<Dictionary<string, string>> KeepInAsync(HelpdeskWorld world, string target, params string[] sourcedIds)
    {
        await using var scope = world.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector(AccountSync.PasswordPurpose);
        var passwords = new Dictionary<string, string>();
        foreach (var sourcedId in sourcedIds)
        {
            var person = await db.Set<Person>().SingleAsync(p => p.SourcedId == sourcedId);
            var username = $"{person.GivenName}.{person.FamilyName}".ToLowerInvariant();
            passwords[sourcedId] = InitialPasswords.New(passphrase: sourcedId.StartsWith("s-es", StringComparison.Ordinal));
            db.Add(new ManagedAccount { Target = target, PersonId = person.Id, Username = username, Dn = $"uid={username},dc=k12,dc=example", CreatedAt = DateTimeOffset.UnixEpoch });
            db.Add(new InitialPassword { Target = target, PersonId = person.Id, Protected = protector.Protect(passwords[sourcedId]), CreatedAt = DateTimeOffset.UnixEpoch });
        }

        await db.SaveChangesAsync();
        return passwords;
    }

    private static async Task ReleasedEarlierAsync(HelpdeskWorld world, string sourcedId, string by)
    {
        await KeepAsync(world, sourcedId);
        await using var db = world.Db.OpenContext();
        var person = await world.PersonIdAsync(sourcedId);
        var kept = await db.Set<InitialPassword>().SingleAsync(p => p.PersonId == person);
        (kept.Protected, kept.ReleasedAt, kept.ReleasedBy) = ("", DateTimeOffset.UnixEpoch.AddDays(20_000), by);
        await db.SaveChangesAsync();
    }

    private static async Task<bool> ReleasedAsync(HelpdeskWorld world, string sourcedId)
    {
        var person = await world.PersonIdAsync(sourcedId);
        await using var db = world.Db.OpenContext();
        return await db.Set<InitialPassword>().AnyAsync(p => p.PersonId == person && (p.ReleasedAt != null || p.Protected == ""));
    }

    /// <summary>David Nguyen, who teaches Biology P1, signs in as site staff of the high school.</summary>
    private static async Task AddTeacherAsync(HelpdeskWorld world)
    {
        await using var scope = world.App.Services.CreateAsyncScope();
        var added = await scope.ServiceProvider.GetRequiredService<AddUserHandler>()
            .HandleAsync(new AddUserCommand(OtherTeacher, "David Nguyen", [Roles.SiteStaff], [world.High], DistrictOpsFactory.DemoPassword), Actor.Operator);
        Assert.True(added.Succeeded);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == OtherTeacher);
        user.PersonId = await world.PersonIdAsync("t-hs");
        await db.SaveChangesAsync();
    }

    private static async Task<Guid> ClassIdAsync(HelpdeskWorld world, string sourcedId)
    {
        await using var db = world.Db.OpenContext();
        return await db.Set<ClassSection>().Where(c => c.SourcedId == sourcedId).Select(c => c.Id).SingleAsync();
    }


    /// <summary>The passwords a sheet shows, as the browser reads them.</summary>
    private static List<string> Shown(string html) =>
        [.. Regex.Matches(html, "<code class=\"password\">([^<]*)</code>").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];
}
