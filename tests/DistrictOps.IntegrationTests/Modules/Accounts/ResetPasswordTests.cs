using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.IntegrationTests.Modules.Helpdesk;
using DistrictOps.Web.Modules.Accounts.Data;
using DistrictOps.Web.Modules.Accounts.Register;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Modules.Users.Contracts;
using DistrictOps.Web.Platform.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DistrictOps.IntegrationTests.Modules.Accounts.AccountsTestKit;

namespace DistrictOps.IntegrationTests.Modules.Accounts;

/// <summary>
/// Help desk password resets against the real directory servers: the small district's staff in the Samba AD domain
/// controller (over LDAPS) and in OpenLDAP (plain LDAP, where resets are refused), each test in an OU of its own.
/// </summary>
[Collection(DirectoryServersGroup.Name)]
public sealed partial class ResetPasswordTests
{
    private const string Reason = "Forgot it over the winter break.";

    [Theory]
    [Providers]
    public async Task The_help_desk_resets_a_teachers_password_over_LDAPS_once_and_the_ticket_and_the_audit_say_how_the_caller_was_verified(DatabaseProvider provider)
    {
        using var ad = TestDirectory.ActiveDirectory();
        await using var world = await HelpdeskWorld.CreateAsync(provider, Settings(ad, null));
        await ApplyAsync(world, "Admin");
        var ticket = await world.OpenAsync(HelpdeskWorld.Teacher, LockedOut(world));
        var maria = await world.PersonIdAsync("t-es");
        var username = await UsernameAsync(world, "Admin", maria);
        var dn = ad.User(username).Dn;
        var first = await FirstPasswordAsync(world, "Admin", maria);
        var helpdesk = await SignedInAsync(world, HelpdeskWorld.HelpDesk);
        var requestId = Guid.NewGuid();
        var toNetwork = await (await world.App.ApiClientAsync(HelpdeskWorld.Manager)).PatchAsJsonAsync($"/api/v1/helpdesk/tickets/{ticket}", new { teamId = HelpdeskDefaults.NetworkTeam });
        Assert.True(toNetwork.IsSuccessStatusCode, await toNetwork.Content.ReadAsStringAsync());

        var ticketPage = await helpdesk.GetStringAsync($"/helpdesk/tickets/{ticket}");
        var networkTicketPage = await (await SignedInAsync(world, HelpdeskWorld.Network)).GetStringAsync($"/helpdesk/tickets/{ticket}");
        var formPage = await helpdesk.GetAsync($"/accounts/reset?ticket={ticket}&person={maria}");
        var posted = await helpdesk.PostFormAsync($"/accounts/reset?ticket={ticket}&person={maria}", "/accounts/reset", new()
        {
            ["Input.Ticket"] = ticket, ["Input.PersonId"] = maria.ToString(), ["Input.Target"] = "Admin", ["Input.EmployeeId"] = " e001 ",
            ["Input.Checks"] = "Callback", ["Input.Reason"] = Reason, ["Input.RequestId"] = requestId.ToString(),
        });
        var html = await posted.Content.ReadAsStringAsync();
        var password = WebUtility.HtmlDecode(Secret().Match(html).Groups[1].Value);
        var retried = await (await world.App.ApiClientAsync(HelpdeskWorld.HelpDesk)).PostAsJsonAsync("/api/v1/accounts/reset",
            new { ticket, personId = maria, employeeId = "E001", checks = new[] { "callback" }, reason = Reason, requestId });
        var repeated = Json(await retried.Content.ReadAsStringAsync());

        Assert.Contains($"/accounts/reset?ticket={ticket}&amp;person={maria}", ticketPage, StringComparison.Ordinal);
        Assert.DoesNotContain("/accounts/reset", networkTicketPage, StringComparison.Ordinal);
        Assert.Contains("Maria Lopez", await formPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, true), (posted.StatusCode, posted.Headers.CacheControl?.NoStore));
        Assert.Equal(14, password.Length);
        Assert.NotEqual(first, password);

        // Samba, as Active Directory does, refuses a bind with the right password that must be changed first ("data 773")
        // and one with a wrong password ("data 52e"): the new password is the account's, the first one no longer is.
        var account = ad.User(username).Attributes;
        Assert.Equal("0", account["pwdlastset"]);
        Assert.Contains("data 773", ad.SignInRefusal(dn, password), StringComparison.Ordinal);
        Assert.Contains("data 52e", ad.SignInRefusal(dn, first), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal((true, JsonValueKind.Null, username), (repeated.GetProperty("repeated").GetBoolean(), repeated.GetProperty("password").ValueKind, repeated.GetProperty("username").GetString()));
        Assert.Contains("data 773", ad.SignInRefusal(dn, password), StringComparison.Ordinal);

        var by = await DisplayNameAsync(world, HelpdeskWorld.HelpDesk);
        var notes = (await world.EventsAsync(ticket)).Where(e => e.Kind == TicketEventKind.InternalNote).ToList();
        var note = Assert.Single(notes);
        Assert.Equal((false, by), (note.IsPublic, note.ActorName));
        Assert.Equal($"Directory password reset for {username} in Admin by {by}; identity verified by: employee ID matched HR's; called back at the number on file. "
            + $"Reason: {Reason} They must change it at their next sign-in.", note.Body);

        var audit = await world.App.ApiClientAsync(HelpdeskWorld.Manager);
        var operations = await audit.GetStringAsync($"/api/v1/accounts/operations?q={username}");
        var row = Assert.Single(Json(operations).GetProperty("items").EnumerateArray(), o => o.GetProperty("kind").GetString() == "ResetPassword");
        Assert.Equal(("Done", by, $"Help desk reset on {ticket}: {Reason}", "Identity verified by: employee ID matched HR's; called back at the number on file.", dn),
            (row.GetProperty("outcome").GetString(), row.GetProperty("by").GetString(), row.GetProperty("reason").GetString(), row.GetProperty("detail").GetString(),
                row.GetProperty("dn").GetString()));
        Assert.DoesNotContain(password, operations, StringComparison.Ordinal);
        Assert.DoesNotContain(password, note.Body, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(world, db => db.Set<AccountOperation>().CountAsync(o => o.Kind == "ResetPassword")));
        Assert.Equal(0, await CountAsync(world, db => db.Set<InitialPassword>().CountAsync(p => p.PersonId == maria)));
    }

    [Theory]
    [Providers]
    public async Task Plain_LDAP_too_few_checks_a_student_more_access_than_ones_own_and_another_site_are_refused_and_change_nothing(DatabaseProvider provider)
    {
        using var ad = TestDirectory.ActiveDirectory();
        using var ldap = TestDirectory.Ldap();
        await using var world = await HelpdeskWorld.CreateAsync(provider, Settings(ad, ldap));
        await ApplyAsync(world, "Admin");
        await ApplyAsync(world, "Staff");
        var ticket = await world.OpenAsync(HelpdeskWorld.Teacher, LockedOut(world));
        var (maria, david, amy, kid) = (await world.PersonIdAsync("t-es"), await world.PersonIdAsync("t-hs"), await world.PersonIdAsync("hr-E901"), await world.PersonIdAsync("s-es-1"));
        await LinkAsync(world, HelpdeskWorld.Manager, david);
        var ldapDn = ldap.User(await UsernameAsync(world, "Staff", maria)).Dn;
        var adDn = ad.User(await UsernameAsync(world, "Admin", maria)).Dn;
        var (ldapFirst, adFirst) = (await FirstPasswordAsync(world, "Staff", maria), await FirstPasswordAsync(world, "Admin", maria));
        var helpdesk = await world.App.ApiClientAsync(HelpdeskWorld.HelpDesk);
        Task<HttpResponseMessage> ResetAsync(HttpClient client, Guid person, string? target, string? employeeId, params string[] checks) =>
            client.PostAsJsonAsync("/api/v1/accounts/reset", new { ticket, personId = person, target, employeeId, checks, reason = Reason });

        var plainLdap = await ResetAsync(helpdesk, maria, "Staff", "E001", "callback");
        var oneCheck = await ResetAsync(helpdesk, maria, "Admin", null, "callback");
        var onlyFacts = await ResetAsync(helpdesk, maria, "Admin", "E001", "supervisor");
        var wrongId = await ResetAsync(helpdesk, maria, "Admin", "E900", "callback");
        var noTarget = await ResetAsync(helpdesk, maria, null, "E001", "callback");
        var student = await ResetAsync(helpdesk, kid, null, null, "callback", "inPerson");
        var manager = await ResetAsync(helpdesk, david, "Admin", null, "callback", "inPerson");
        var otherSite = await ResetAsync(await world.App.ApiClientAsync(HelpdeskWorld.SiteTech), amy, "Admin", "E901", "inPerson");
        var own = await ResetAsync(helpdesk, amy, "Admin", "E901", "inPerson");
        var noPermission = await ResetAsync(await world.App.ApiClientAsync(HelpdeskWorld.Network), maria, "Admin", "E001", "callback");
        var noTicket = await helpdesk.PostAsJsonAsync("/api/v1/accounts/reset", new { ticket = "BV-999999", personId = maria, target = "Admin", checks = new[] { "callback", "inPerson" }, reason = Reason });

        Assert.Equal(HttpStatusCode.Conflict, plainLdap.StatusCode);
        Assert.Contains("Passwords are reset only over LDAPS, and the directory Staff is reached at ldap://127.0.0.1:53389/: nothing was reset.",
            await DetailAsync(plainLdap), StringComparison.Ordinal);
        Assert.Equal("One check is not enough: make at least two, one of them a call back to the number on file or seeing them in person with their badge.",
            await FieldErrorAsync(oneCheck, "checks"));
        Assert.StartsWith("Call them back at the number on file or see them in person", await FieldErrorAsync(onlyFacts, "checks"), StringComparison.Ordinal);
        Assert.Equal("That is not the employee ID HR has for Maria Lopez: the caller is not verified, and nothing was reset.", await FieldErrorAsync(wrongId, "employeeId"));
        Assert.Equal("Choose the directory: Maria Lopez has accounts in Admin, Staff.", await FieldErrorAsync(noTarget, "target"));
        Assert.StartsWith("There is no ticket BV-999999 you can see.", await FieldErrorAsync(noTicket, "ticket"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, student.StatusCode);
        Assert.Contains("this person is a student: students' passwords are never reset from the help desk.", await DetailAsync(student), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, manager.StatusCode);
        Assert.Contains("David Nguyen's DistrictOps account has accounts.apply, accounts.override, accounts.passwords, accounts.read, ", await DetailAsync(manager), StringComparison.Ordinal);
        Assert.Contains("which your roles do not", await DetailAsync(manager), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, otherSite.StatusCode);
        Assert.Contains("Amy Chen does not work at one of your sites", await DetailAsync(otherSite), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Contains("Nobody resets their own directory password here", await DetailAsync(own), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, noPermission.StatusCode);

        Assert.True(ldap.CanSignIn(ldapDn, ldapFirst));
        Assert.True(ad.CanSignIn(adDn, adFirst));
        Assert.True(ad.CanSignIn(ad.User(await UsernameAsync(world, "Admin", david)).Dn, await FirstPasswordAsync(world, "Admin", david)));
        Assert.Equal(0, await CountAsync(world, db => db.Set<AccountOperation>().CountAsync(o => o.Kind == "ResetPassword")));
        Assert.Equal(0, await CountAsync(world, db => db.Set<AccountRun>().CountAsync(r => r.Kind == RunKind.ResetPassword)));
        Assert.DoesNotContain(await world.EventsAsync(ticket), e => e.Kind == TicketEventKind.InternalNote);
    }

    private static Dictionary<string, string?> Settings(TestDirectory ad, TestDirectory? ldap)
    {
        string[] kinds = ["Teacher", "Administrator", "Staff"];
        var settings = ad.Target(0, "Admin", [.. kinds.Select((k, i) => ($"Kinds:{i}", k)), ("OuTemplate", "OU={site},OU=Staff"), ("UpnSuffix", "admin.bayview.example")]);
        foreach (var (key, value) in ldap?.Target(1, "Staff", [.. kinds.Select((k, i) => ($"Kinds:{i}", k)), ("OuTemplate", "ou={site},ou=Staff")]) ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    private static object LockedOut(HelpdeskWorld world) =>
        new { title = "Locked out of my computer", description = "My password stopped working after the break.", siteId = world.Elementary, issueTypeId = 3 };

    private static async Task ApplyAsync(HelpdeskWorld world, string target)
    {
        var manager = await world.App.ApiClientAsync(HelpdeskWorld.Manager);
        var applied = await manager.PostAsync($"/api/v1/accounts/targets/{target}/apply", null);
        var body = await applied.Content.ReadAsStringAsync();
        Assert.True(applied.IsSuccessStatusCode, body);
        Assert.Equal(0, Json(body).GetProperty("failed").GetInt32());
    }

    private static async Task<string> UsernameAsync(HelpdeskWorld world, string target, Guid person)
    {
        await using var db = world.Db.OpenContext();
        return await db.Set<ManagedAccount>().Where(a => a.Target == target && a.PersonId == person).Select(a => a.Username).SingleAsync();
    }

    private static async Task<string> FirstPasswordAsync(HelpdeskWorld world, string target, Guid person)
    {
        await using var scope = world.App.Services.CreateAsyncScope();
        var kept = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<InitialPassword>().SingleAsync(p => p.Target == target && p.PersonId == person);
        return scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector(AccountSync.PasswordPurpose).Unprotect(kept.Protected);
    }

    private static async Task LinkAsync(HelpdeskWorld world, string email, Guid person)
    {
        await using var scope = world.App.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<IUserDirectory>().LinkPersonAsync(world.Users[email], person));
    }

    private static async Task<string> DisplayNameAsync(HelpdeskWorld world, string email)
    {
        await using var db = world.Db.OpenContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.DisplayName).SingleAsync();
    }

    private static async Task<int> CountAsync(HelpdeskWorld world, Func<AppDbContext, Task<int>> count)
    {
        await using var db = world.Db.OpenContext();
        return await count(db);
    }

    private static async Task<string> DetailAsync(HttpResponseMessage response) =>
        Json(await response.Content.ReadAsStringAsync()).GetProperty("detail").GetString()!;

    private static async Task<string> FieldErrorAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        return Json(body).GetProperty("errors").GetProperty(field)[0].GetString()!;
    }


    [GeneratedRegex("<code class=\"secret\">([^<]+)</code>")]
    private static partial Regex Secret();
}
