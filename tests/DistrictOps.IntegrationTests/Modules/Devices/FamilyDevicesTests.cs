using System.Net;
using System.Net.Http.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.IntegrationTests.Modules.Helpdesk;
using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Modules.Users.Contracts;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DistrictOps.IntegrationTests.Modules.Devices.FamilyFeesWorld;

namespace DistrictOps.IntegrationTests.Modules.Devices;

public sealed class FamilyDevicesTests
{
    [Theory]
    [Providers]
    public async Task A_guardian_sees_their_childrens_devices_and_fees_and_signs_the_agreement_that_check_out_then_finds(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        await world.AddDevicesAsync(3, world.Elementary);
        await world.AddParentAsync(Rosa, "Rosa Garcia", "g-1");
        await world.CheckOutAsync("T-00001", "s-es-1", Accessories.Charger | Accessories.Case);
        await world.CheckOutAsync("T-00002", "s-hs-1");
        var lost = (await world.ReportAsync(Lost("T-00001"))).GetProperty("id").GetInt64();
        await world.DecideAsync(lost, "Family");
        var manager = await world.App.ApiClientAsync(HelpdeskWorld.Manager);
        var kid1 = await world.PersonIdAsync("s-es-1");
        var kid2 = await world.PersonIdAsync("s-es-2");
        Assert.Equal(HttpStatusCode.Created, (await manager.PostAsJsonAsync($"/api/v1/devices/fees/{kid1}/charges", new { incidentId = lost, amount = "350", reason = "Not returned." })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await manager.PostAsJsonAsync($"/api/v1/devices/fees/{kid1}/waivers", new { incidentId = lost, amount = "150", reason = "First time; hardship." })).StatusCode);
        var noAgreement = await world.CheckOutAsync("T-00003", "s-es-2", Accessories.Charger);
        var rosa = await world.App.ApiClientAsync(Rosa);

        var devices = await (await rosa.GetAsync("/api/v1/devices/family/devices")).JsonAsync(HttpStatusCode.OK);
        var children = devices.GetProperty("children").EnumerateArray().ToList();
        Assert.Equal(["Kid1 Garcia", "Kid2 Garcia"], children.Select(c => c.GetProperty("name").GetString()));
        Assert.Equal(0, children[0].GetProperty("devices").GetArrayLength());
        var held = Assert.Single(children[1].GetProperty("devices").EnumerateArray());
        Assert.Equal(("T-00003", "10w Gen 3", "Charger"), (held.GetProperty("assetTag").GetString(), held.GetProperty("model").GetString(), held.GetProperty("accessories").GetString()));
        Assert.StartsWith("The district lends your child a device", devices.GetProperty("agreementText")[0].GetString(), StringComparison.Ordinal);
        var inSpanish = new HttpRequestMessage(HttpMethod.Get, "/api/v1/devices/family/devices");
        inSpanish.Headers.AcceptLanguage.ParseAdd("es");
        var spanish = await (await rosa.SendAsync(inSpanish)).JsonAsync(HttpStatusCode.OK);
        Assert.StartsWith("El distrito le presta a su hijo o hija un dispositivo", spanish.GetProperty("agreementText")[0].GetString(), StringComparison.Ordinal);

        var signed = await (await rosa.PostAsJsonAsync("/api/v1/devices/family/agreements", new { studentId = kid1, signedByName = "Rosa Garcia", protectionOptIn = true })).JsonAsync(HttpStatusCode.Created);
        var retried = await (await rosa.PostAsJsonAsync("/api/v1/devices/family/agreements", new { studentId = kid1, signedByName = "Rosa Garcia", protectionOptIn = true })).JsonAsync(HttpStatusCode.Created);
        var unsigned = await rosa.PostAsJsonAsync("/api/v1/devices/family/agreements", new { studentId = kid2, signedByName = "  " });
        Assert.Equal(("Online", true, false, true), (signed.GetProperty("agreement").GetProperty("method").GetString(), signed.GetProperty("agreement").GetProperty("protectionOptIn").GetBoolean(),
            signed.GetProperty("repeated").GetBoolean(), retried.GetProperty("repeated").GetBoolean()));
        Assert.Equal("Type your full name to sign.", (await unsigned.JsonAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("signedByName")[0].GetString());

        var statement = await (await rosa.GetAsync("/api/v1/devices/family/statement")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["Rosa Garcia"], statement.GetProperty("guardians").EnumerateArray().Select(g => g.GetString()));
        var waiver = statement.GetProperty("students")[0].GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "Waiver");
        Assert.Equal(("$150.00", "First time; hardship.", "Marcus Lee"), (waiver.GetProperty("amount").GetString(), waiver.GetProperty("reason").GetString(), waiver.GetProperty("approvedByName").GetString()));
        Assert.Equal(20_000, statement.GetProperty("totals").GetProperty("balanceCents").GetInt64());

        await using (var context = world.Db.OpenContext())
        {
            var agreement = await context.Set<DeviceAgreement>().SingleAsync();
            Assert.Equal((kid1, await world.PersonIdAsync("g-1"), AgreementMethod.Online), (agreement.StudentId, agreement.SignedByPersonId, agreement.Method));
        }

        await world.AddDevicesAsync(1, world.Elementary, first: 4);
        Assert.DoesNotContain((await world.CheckOutAsync("T-00004", "s-es-1")).Warnings, w => w.StartsWith("No device agreement", StringComparison.Ordinal));
        Assert.Contains(noAgreement.Warnings, w => w.StartsWith("No device agreement on file for Kid2 Garcia", StringComparison.Ordinal));
    }

    [Theory]
    [Providers]
    public async Task A_guardian_cannot_reach_another_familys_children_devices_or_fees_by_address_or_api(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        await world.AddDevicesAsync(2, world.Elementary);
        await world.AddParentAsync(Rosa, "Rosa Garcia", "g-1");
        await world.AddParentAsync(Minh, "Minh Tran", "g-2");
        await world.AddParentAsync("unlinked@family.example", "Not Linked", "g-1");
        await using (var scope = world.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IUserDirectory>().LinkPersonAsync(world.Users["unlinked@family.example"], null);
        }

        await world.CheckOutAsync("T-00001", "s-hs-1");
        var incident = (await world.ReportAsync(Damaged("T-00001", "Willful"))).GetProperty("id").GetInt64();
        var (teen, minh) = (await world.PersonIdAsync("s-hs-1"), await world.PersonIdAsync("g-2"));
        var rosa = await world.App.ApiClientAsync(Rosa);

        foreach (var address in new[] { $"/api/v1/devices/fees/{minh}", $"/api/v1/devices/fees/{teen}", "/api/v1/devices/incidents", $"/api/v1/devices/incidents/{incident}", $"/api/v1/devices/agreements?studentId={teen}" })
        {
            Assert.Equal((address, HttpStatusCode.Forbidden), (address, (await rosa.GetAsync(address)).StatusCode));
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await rosa.PostAsJsonAsync("/api/v1/devices/agreements", new { studentId = teen, signedByName = "Rosa Garcia" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await rosa.PostAsJsonAsync("/api/v1/devices/family/agreements", new { studentId = teen, signedByName = "Rosa Garcia" })).StatusCode);
        var own = await (await rosa.GetAsync("/api/v1/devices/family/devices")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["Kid1 Garcia", "Kid2 Garcia"], own.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        var theirs = await (await (await world.App.ApiClientAsync(Minh)).GetAsync("/api/v1/devices/family/devices")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["Teen1 Tran"], theirs.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal("T-00001", theirs.GetProperty("children")[0].GetProperty("devices")[0].GetProperty("assetTag").GetString());
        var unlinked = await (await world.App.ApiClientAsync("unlinked@family.example")).GetAsync("/api/v1/devices/family/statement");
        Assert.Equal(HttpStatusCode.NotFound, unlinked.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await world.App.ApiClientAsync(HelpdeskWorld.HelpDesk)).GetAsync("/api/v1/devices/family/devices")).StatusCode);

        var browser = await world.SignedInAsync(Rosa);
        foreach (var address in new[] { $"/devices/students/{teen}", $"/devices/fees/{minh}/statement", $"/devices/incidents/{incident}", $"/devices/incidents/{incident}/photos/1" })
        {
            var response = await browser.GetAsync(address);
            Assert.NotEqual((address, HttpStatusCode.OK), (address, response.StatusCode));
            Assert.DoesNotContain("Tran", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var page = await browser.GetStringAsync("/family/devices");
        var spanishPage = new HttpRequestMessage(HttpMethod.Get, "/family/devices");
        spanishPage.Headers.AcceptLanguage.ParseAdd("es");
        var enEspanol = await (await browser.SendAsync(spanishPage)).Content.ReadAsStringAsync();
        Assert.Contains("<h1>Los dispositivos de sus hijos</h1>", enEspanol, StringComparison.Ordinal);
        Assert.Contains("La protección del dispositivo es voluntaria", enEspanol, StringComparison.Ordinal);
        Assert.Contains("Kid1 Garcia", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Tran", page, StringComparison.Ordinal);
        Assert.Contains("Device protection is voluntary", page, StringComparison.Ordinal);
        var foreign = await browser.PostFormAsync("/family/devices", "/family/devices?handler=Sign", new() { ["Sign.StudentId"] = teen.ToString(), ["Sign.SignedByName"] = "Rosa Garcia" });
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        var signed = await browser.PostFormAsync("/family/devices", "/family/devices?handler=Sign", new() { ["Sign.StudentId"] = (await world.PersonIdAsync("s-es-2")).ToString(), ["Sign.SignedByName"] = "Rosa Garcia" });
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        var unlinkedPage = await (await world.SignedInAsync("unlinked@family.example")).GetStringAsync("/family/devices");
        Assert.Contains("Your account is not linked to a family yet.", unlinkedPage, StringComparison.Ordinal);
        await using var context = world.Db.OpenContext();
        Assert.Equal([await world.PersonIdAsync("s-es-2")], await context.Set<DeviceAgreement>().Select(a => a.StudentId).ToListAsync());
    }
}
