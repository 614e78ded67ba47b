using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.IntegrationTests.Modules.Helpdesk;
using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using static DistrictOps.IntegrationTests.Modules.Devices.FamilyFeesWorld;

namespace DistrictOps.IntegrationTests.Modules.Devices;

public sealed class KeepFeesTests
{
    [Theory]
    [Providers]
    public async Task Charges_payments_and_waivers_keep_what_is_owed_per_charge_and_a_retried_post_records_once(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        await world.AddDevicesAsync(2, world.Elementary);
        await world.CheckOutAsync("T-00001", "s-es-1");
        await world.CheckOutAsync("T-00002", "s-es-2");
        var lost = (await world.ReportAsync(Lost("T-00001"))).GetProperty("id").GetInt64();
        var accident = (await world.ReportAsync(Damaged("T-00002", "Accidental"))).GetProperty("id").GetInt64();
        await world.DecideAsync(lost, "Family");
        await world.DecideAsync(accident, "District");
        var kid1 = await world.PersonIdAsync("s-es-1");
        var rosa = await world.PersonIdAsync("g-1");
        var manager = await world.App.ApiClientAsync(HelpdeskWorld.Manager);
        var helpDesk = await world.App.ApiClientAsync(HelpdeskWorld.HelpDesk);
        var requestId = Guid.NewGuid();
        var paymentKey = Guid.NewGuid().ToString();
        Task<HttpResponseMessage> PostAsync(HttpClient client, string kind, object body, Guid? person = null) => client.PostAsJsonAsync($"/api/v1/devices/fees/{person ?? kid1}/{kind}", body);

        var charge = await (await PostAsync(manager, "charges", new { incidentId = lost, amount = "$350.00", reason = "Replacement at unit cost.", requestId })).JsonAsync(HttpStatusCode.Created);
        var retry = await (await PostAsync(manager, "charges", new { incidentId = lost, amount = "$350.00", reason = "Replacement at unit cost.", requestId })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal((35_000L, false, true), (charge.GetProperty("openCents").GetInt64(), charge.GetProperty("repeated").GetBoolean(), retry.GetProperty("repeated").GetBoolean()));
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(manager, "charges", new { incidentId = accident, amount = "80", reason = "Screen." })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(manager, "charges", new { incidentId = lost, amount = "80", reason = "Twice." }, await world.PersonIdAsync("s-hs-1"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(helpDesk, "payments", new { incidentId = lost, amount = "10", reason = "Cash." })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(helpDesk, "waivers", new { incidentId = lost, amount = "10", reason = "Hardship." })).StatusCode);
        var bad = await (await PostAsync(manager, "payments", new { incidentId = (long?)null, amount = "12.345", reason = " " })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["amount", "incidentId", "reason"], bad.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));

        var keyed = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/devices/fees/{rosa}/payments") { Content = JsonContent.Create(new { incidentId = lost, amount = "100", reason = "Check 1042." }) };
        keyed.Headers.Add("Idempotency-Key", paymentKey);
        var paid = await (await manager.SendAsync(keyed)).JsonAsync(HttpStatusCode.Created);
        var again = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/devices/fees/{rosa}/payments") { Content = JsonContent.Create(new { incidentId = lost, amount = "100", reason = "Check 1042." }) };
        again.Headers.Add("Idempotency-Key", paymentKey);
        Assert.True((await (await manager.SendAsync(again)).JsonAsync(HttpStatusCode.Created)).GetProperty("repeated").GetBoolean());
        Assert.Equal(25_000L, paid.GetProperty("openCents").GetInt64());
        var tooMuch = await (await PostAsync(manager, "waivers", new { incidentId = lost, amount = "300", reason = "Hardship." })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("A waiver of $300.00 is more than the $250.00 still owed on this charge.", tooMuch.GetProperty("errors").GetProperty("amount")[0].GetString());
        var waived = await (await PostAsync(manager, "waivers", new { incidentId = lost, amount = "250", reason = "Family hardship, approved by the principal." })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal((0L, "Marcus Lee"), (waived.GetProperty("openCents").GetInt64(), waived.GetProperty("entry").GetProperty("approvedByName").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(manager, "payments", new { incidentId = lost, amount = "1", reason = "Cash." })).StatusCode);

        var statement = await (await manager.GetAsync($"/api/v1/devices/fees/{rosa}")).JsonAsync(HttpStatusCode.OK);
        var totals = statement.GetProperty("totals");
        Assert.Equal((35_000L, 10_000L, 25_000L, 0L), (totals.GetProperty("chargedCents").GetInt64(), totals.GetProperty("paidCents").GetInt64(), totals.GetProperty("waivedCents").GetInt64(), totals.GetProperty("balanceCents").GetInt64()));
        Assert.Equal(2, statement.GetProperty("students").GetArrayLength());
        Assert.All(statement.GetProperty("students").EnumerateArray(), s => Assert.Equal(JsonValueKind.Null, s.GetProperty("name").ValueKind));
        await using var context = world.Db.OpenContext();
        Assert.Equal([(FeeEntryKind.Charge, 35_000L, null), (FeeEntryKind.Payment, 10_000L, null), (FeeEntryKind.Waiver, 25_000L, "Marcus Lee")],
            (await context.Set<FeeEntry>().OrderBy(f => f.Id).ToListAsync()).Select(f => (f.Kind, f.AmountCents, f.ApprovedByName)));
    }

    [Theory]
    [Providers]
    public async Task The_student_page_and_statement_show_names_only_where_the_student_rule_allows_and_log_each_student_shown(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        await world.AddDevicesAsync(2, world.Elementary);
        await world.CheckOutAsync("T-00001", "s-es-1");
        await world.CheckOutAsync("T-00002", "s-es-1", Accessories.Charger);
        var lost = (await world.ReportAsync(Lost("T-00001"))).GetProperty("id").GetInt64();
        await world.ReportAsync(Damaged("T-00002", "Willful"));
        await world.DecideAsync(lost, "Family");
        var kid1 = await world.PersonIdAsync("s-es-1");
        var admin = await world.SignedInAsync(Admin);
        var manager = await world.SignedInAsync(HelpdeskWorld.Manager);

        var page = await admin.GetStringAsync($"/devices/students/{kid1}");
        var hidden = await manager.GetStringAsync($"/devices/students/{kid1}");
        var statement = await admin.GetStringAsync($"/devices/fees/{kid1}/statement");
        var anonymous = await manager.GetStringAsync($"/devices/fees/{kid1}/statement");

        Assert.Contains("<h1>Kid1 Garcia: devices</h1>", page, StringComparison.Ordinal);
        Assert.Contains("A fee never blocks a student from a device. Device protection is voluntary", page, StringComparison.Ordinal);
        Assert.Contains("Repeat incidents: 2 on record", page, StringComparison.Ordinal);
        Assert.Contains("T-00002", page, StringComparison.Ordinal);
        Assert.Contains("Record a charge", page, StringComparison.Ordinal);
        Assert.Contains("<h1>A student&#x27;s devices</h1>", hidden, StringComparison.Ordinal);
        Assert.DoesNotContain("Garcia", hidden, StringComparison.Ordinal);
        Assert.Contains("Rosa Garcia", statement, StringComparison.Ordinal);
        Assert.Contains("Kid2 Garcia", statement, StringComparison.Ordinal);
        Assert.DoesNotContain("Garcia", anonymous, StringComparison.Ordinal);
        Assert.Contains("Family balance: $0.00", anonymous, StringComparison.Ordinal);
        await using (var context = world.Db.OpenContext())
        {
            var adminId = world.Users[Admin];
            var rosa = await world.PersonIdAsync("g-1");
            var shown = await context.Set<AccessLogEntry>().Where(e => e.UserId == adminId && e.PersonId != null).Select(e => new { e.PersonId, e.Path }).ToListAsync();
            Assert.Contains(shown, e => e.PersonId == kid1 && e.Path == $"/devices/students/{kid1}");
            Assert.Contains(shown, e => e.PersonId == rosa && e.Path == $"/devices/fees/{kid1}/statement");
            var managerId = world.Users[HelpdeskWorld.Manager];
            Assert.False(await context.Set<AccessLogEntry>().AnyAsync(e => e.UserId == managerId));
        }

        var form = new Dictionary<string, string> { ["Payment.IncidentId"] = lost.ToString(CultureInfo.InvariantCulture), ["Payment.Amount"] = "5", ["Payment.Reason"] = "Cash.", ["Payment.RequestId"] = Guid.NewGuid().ToString() };
        var nothingOwed = await admin.PostFormAsync($"/devices/students/{kid1}", $"/devices/students/{kid1}?handler=Payment", new(form));
        Assert.Equal(HttpStatusCode.BadRequest, nothingOwed.StatusCode);
        var charge = new Dictionary<string, string> { ["Charge.IncidentId"] = lost.ToString(CultureInfo.InvariantCulture), ["Charge.Amount"] = "350.00", ["Charge.Reason"] = "Not returned.", ["Charge.RequestId"] = Guid.NewGuid().ToString() };
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/devices/students/{kid1}", $"/devices/students/{kid1}?handler=Charge", new(charge))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/devices/students/{kid1}", $"/devices/students/{kid1}?handler=Charge", new(charge))).StatusCode);
        await using (var context = world.Db.OpenContext())
        {
            Assert.Equal(35_000, (await context.Set<FeeEntry>().SingleAsync()).AmountCents);
        }

        var high = await world.SignedInAsync(HelpdeskWorld.SecondTech);
        Assert.Equal(HttpStatusCode.NotFound, (await high.GetAsync($"/devices/students/{kid1}")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await high.GetAsync($"/devices/fees/{kid1}/statement")).StatusCode);
        var tech = await world.SignedInAsync(HelpdeskWorld.SiteTech);
        var technician = await tech.GetStringAsync($"/devices/students/{kid1}");
        Assert.Contains("Kid1 Garcia", technician, StringComparison.Ordinal);
        Assert.DoesNotContain("Record a charge", technician, StringComparison.Ordinal);
        Assert.Contains("The district office keeps device fees.", technician, StringComparison.Ordinal);
    }

    [Theory]
    [Providers]
    public async Task Staff_record_a_paper_agreement_once_per_school_year_for_students_at_their_sites(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var kid1 = await world.PersonIdAsync("s-es-1");
        var tech = await world.SignedInAsync(HelpdeskWorld.SiteTech);
        var form = new Dictionary<string, string> { ["Agreement.SignedByName"] = "Rosa Garcia", ["Agreement.ProtectionOptIn"] = "true" };

        var empty = await tech.PostFormAsync($"/devices/students/{kid1}", $"/devices/students/{kid1}?handler=Agreement", new() { ["Agreement.SignedByName"] = " " });
        var recorded = await tech.PostFormAsync($"/devices/students/{kid1}", $"/devices/students/{kid1}?handler=Agreement", new(form));
        var api = await world.App.ApiClientAsync(HelpdeskWorld.HelpDesk);
        var retry = await api.PostAsJsonAsync("/api/v1/devices/agreements", new { studentId = kid1, signedByName = "Rosa Garcia", protectionOptIn = true });
        var different = await api.PostAsJsonAsync("/api/v1/devices/agreements", new { studentId = kid1, signedByName = "Someone Else" });
        var notGuardian = await api.PostAsJsonAsync("/api/v1/devices/agreements", new { studentId = await world.PersonIdAsync("s-es-2"), signedByName = "Minh Tran", signedByPersonId = await world.PersonIdAsync("g-2") });
        var otherSite = await (await world.App.ApiClientAsync(HelpdeskWorld.SecondTech)).PostAsJsonAsync("/api/v1/devices/agreements", new { studentId = kid1, signedByName = "Rosa Garcia" });

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Give the name of the parent or guardian who signed the paper agreement.", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.True((await retry.JsonAsync(HttpStatusCode.Created)).GetProperty("repeated").GetBoolean());
        Assert.StartsWith("The ", (await different.JsonAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(["signedByPersonId"], (await notGuardian.JsonAsync(HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(HttpStatusCode.NotFound, otherSite.StatusCode);
        var listed = await (await api.GetAsync($"/api/v1/devices/agreements?studentId={kid1}")).JsonAsync(HttpStatusCode.OK);
        var agreement = Assert.Single(listed.EnumerateArray());
        Assert.Equal(("Rosa Garcia", "Paper", true, "Luis Ortega"),
            (agreement.GetProperty("signedByName").GetString(), agreement.GetProperty("method").GetString(), agreement.GetProperty("protectionOptIn").GetBoolean(), agreement.GetProperty("recordedByName").GetString()));
        Assert.Contains("Device protection (voluntary)", await tech.GetStringAsync($"/devices/students/{kid1}"), StringComparison.Ordinal);
        await using var context = world.Db.OpenContext();
        Assert.Equal(1, await context.Set<DeviceAgreement>().CountAsync());
    }
}
