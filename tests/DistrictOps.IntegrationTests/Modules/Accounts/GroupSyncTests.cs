using System.DirectoryServices.Protocols;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.IntegrationTests.Modules.Helpdesk;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using static DistrictOps.IntegrationTests.Modules.Accounts.AccountsTestKit;

namespace DistrictOps.IntegrationTests.Modules.Accounts;

/// <summary>Managed groups by site, role, grade and class, kept in a real Samba AD DC and a real OpenLDAP as people move, leave and join.</summary>
[Collection(DirectoryServersGroup.Name)]
public sealed class GroupSyncTests
{
    [Theory]
    [Providers]
    public async Task Groups_follow_sites_grades_classes_and_roles_a_leaver_drops_out_a_hand_added_member_stays_and_an_empty_LDAP_group_goes(DatabaseProvider provider)
    {
        using var ad = TestDirectory.ActiveDirectory();
        using var ldap = TestDirectory.Ldap();
        var settings = ad.Target(0, "K12", ("Kinds:0", "Student"), ("OuTemplate", "OU={grade},OU={site},OU=Students"), ("UpnSuffix", "k12.bayview.example"),
            ("Groups:0", "Site"), ("Groups:1", "Grade"), ("Groups:2", "Class"), ("Groups:3", "Role"));
        foreach (var (key, value) in ldap.Target(1, "Staff", ("Kinds:0", "Teacher"), ("Kinds:1", "Staff"), ("OuTemplate", "ou={site},ou=Staff"), ("Groups:0", "Site"), ("Groups:1", "Class")))
        {
            settings[key] = value;
        }

        settings["Accounts:MaxChangedShare"] = "1";
        await using var world = await HelpdeskWorld.CreateAsync(provider, settings);
        var manager = await world.App.ApiClientAsync(HelpdeskWorld.Manager);

        var planned = Json(await manager.GetStringAsync("/api/v1/accounts/targets/K12/plan?kind=CreateGroup&pageSize=100"));
        var first = Json(await (await manager.PostAsync("/api/v1/accounts/targets/K12/apply", null)).Content.ReadAsStringAsync());
        var staff = Json(await (await manager.PostAsync("/api/v1/accounts/targets/Staff/apply", null)).Content.ReadAsStringAsync());
        var again = Json(await manager.GetStringAsync("/api/v1/accounts/targets/K12/plan"));

        Assert.Equal(7, planned.GetProperty("counts").GetProperty("CreateGroup").GetInt32());
        Assert.Contains(planned.GetProperty("operations").GetProperty("items").EnumerateArray(),
            o => o.GetProperty("name").GetString() == "class-cls-k-1" && o.GetProperty("reason").GetString()!.StartsWith("New group: Room 4 Kindergarten at Harbor View Elementary; kid1.garcia,", StringComparison.Ordinal));
        Assert.Equal((0, 0), (first.GetProperty("failed").GetInt32(), staff.GetProperty("failed").GetInt32()));
        Assert.Equal(0, again.GetProperty("operations").GetProperty("total").GetInt32());
        var groups = ad.Groups();
        Assert.Equal(["class-cls-bio-1", "class-cls-k-1", "role-student", "site-org-es-01-grade-kg", "site-org-es-01-students", "site-org-hs-01-grade-10", "site-org-hs-01-students"],
            groups.Keys.Order(StringComparer.Ordinal));
        Assert.All(groups.Values, g => Assert.True(g.Managed));
        Assert.Equal(["kid1.garcia", "kid2.garcia", "kid3.garcia", "kid4.garcia", "kid5.garcia"], groups["class-cls-k-1"].Members);
        Assert.Equal(10, groups["role-student"].Members.Count);
        Assert.StartsWith($"CN=class-cls-k-1,OU=Groups,OU=DistrictOps,{ad.BaseDn}", groups["class-cls-k-1"].Dn, StringComparison.OrdinalIgnoreCase);
        var ldapGroups = ldap.Groups();
        var teacher = ldap.Users().Single(u => u.Value.GetValueOrDefault("employeenumber") == "t-es").Value["uid"];
        Assert.Equal([teacher], ldapGroups["class-cls-k-1"].Members);
        Assert.Contains(teacher, ldapGroups["site-org-es-01-staff"].Members);

        // Someone adds a service account to a managed group by hand; a student leaves, another moves up a grade; the teacher leaves.
        ad.Add($"CN=svc-printing,{ad.BaseDn}", ("objectClass", "user"), ("sAMAccountName", "svc-printing"));
        AddMember(ad, groups["site-org-es-01-students"].Dn, $"CN=svc-printing,{ad.BaseDn}");
        var now = TimeProvider.System.GetUtcNow();
        await ChangeAsync(world, "s-es-1", p => p.LeftAt = now.AddDays(-50));
        await ChangeAsync(world, "s-es-2", p => p.Grades = "01");
        await ChangeAsync(world, "t-es", p => (p.HrStatus, p.HrEndDate) = ("terminated", DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1)));

        var plan = Json(await manager.GetStringAsync("/api/v1/accounts/targets/K12/plan?pageSize=100"));
        var second = Json(await (await manager.PostAsync("/api/v1/accounts/targets/K12/apply", null)).Content.ReadAsStringAsync());
        var staffPlan = Json(await manager.GetStringAsync("/api/v1/accounts/targets/Staff/plan?pageSize=100"));
        var staffSecond = Json(await (await manager.PostAsync("/api/v1/accounts/targets/Staff/apply", null)).Content.ReadAsStringAsync());

        Assert.Equal(["CreateOu", "Move", "CreateGroup", "RemoveMembers", "RemoveMembers", "RemoveMembers", "RemoveMembers", "Disable"],
            plan.GetProperty("operations").GetProperty("items").EnumerateArray().Select(o => o.GetProperty("kind").GetString()));
        Assert.Equal((0, 8), (second.GetProperty("failed").GetInt32(), second.GetProperty("done").GetInt32()));
        groups = ad.Groups();
        Assert.Equal(["kid2.garcia"], groups["site-org-es-01-grade-01"].Members);
        Assert.Equal(["kid3.garcia", "kid4.garcia", "kid5.garcia"], groups["site-org-es-01-grade-kg"].Members);
        Assert.Equal(["kid2.garcia", "kid3.garcia", "kid4.garcia", "kid5.garcia", "svc-printing"], groups["site-org-es-01-students"].Members);
        Assert.DoesNotContain("kid1.garcia", groups["role-student"].Members);
        Assert.Contains("kid2.garcia", groups["class-cls-k-1"].Members);

        Assert.Contains(staffPlan.GetProperty("operations").GetProperty("items").EnumerateArray(),
            o => (o.GetProperty("kind").GetString(), o.GetProperty("name").GetString()) == ("DeleteGroup", "class-cls-k-1"));
        Assert.Equal(0, staffSecond.GetProperty("failed").GetInt32());
        ldapGroups = ldap.Groups();
        Assert.False(ldapGroups.ContainsKey("class-cls-k-1"));
        Assert.True(ldapGroups.ContainsKey("class-cls-bio-1"));
        Assert.DoesNotContain(teacher, ldapGroups.GetValueOrDefault("site-org-es-01-staff").Members ?? []);

        var audit = Json(await manager.GetStringAsync("/api/v1/accounts/operations?q=site-org-es-01-grade-01"));
        Assert.Equal("CreateGroup", Assert.Single(audit.GetProperty("items").EnumerateArray()).GetProperty("kind").GetString());
        Assert.Equal(0, Json(await manager.GetStringAsync("/api/v1/accounts/targets/K12/plan")).GetProperty("operations").GetProperty("total").GetInt32());
        Assert.Equal(0, Json(await manager.GetStringAsync("/api/v1/accounts/targets/Staff/plan")).GetProperty("operations").GetProperty("total").GetInt32());
    }

    private static void AddMember(TestDirectory directory, string group, string member)
    {
        var modification = new DirectoryAttributeModification { Name = "member", Operation = DirectoryAttributeOperation.Add };
        modification.Add(member);
        directory.Connection.SendRequest(new ModifyRequest(group, modification));
    }
}
