using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.IntegrationTests.Modules.Helpdesk;
using DistrictOps.Web.Modules.Devices.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using static DistrictOps.IntegrationTests.Modules.Devices.FamilyFeesWorld;

namespace DistrictOps.IntegrationTests.Modules.Devices;

public sealed class ReportIncidentsTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
    private static readonly byte[] Pdf = "%PDF-1.4\n"u8.ToArray();

    [Theory]
    [Providers]
    public async Task A_lost_device_ends_its_holders_custody_records_the_student_and_a_retried_report_records_once(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        await world.AddDevicesAsync(1, world.Elementary);
        await world.CheckOutAsync("T-00001", "s-es-1");

        var first = await world.ReportAsync(Lost("T-00001"));
        var again = await world.ReportAsync(Lost("T-00001"));

        Assert.Equal(("Lost", false, true), (first.GetProperty("status").GetString(), first.GetProperty("repeated").GetBoolean(), again.GetProperty("repeated").GetBoolean()));
        Assert.Equal(first.GetProperty("id").GetInt64(), again.GetProperty("id").GetInt64());
        await using var context = world.Db.OpenContext();
        var incident = await context.Set<Incident>().SingleAsync();
        Assert.Equal((await world.PersonIdAsync("s-es-1"), "Kid1 Garcia", DeviceStatus.Assigned, world.Elementary), (incident.StudentId, incident.StudentName, incident.StatusBefore, incident.SiteId));
        var assignment = await context.Set<Assignment>().SingleAsync();
        Assert.NotNull(assignment.InAt);
        Assert.Equal((Accessories.None, null), (assignment.AccessoriesIn, assignment.ConditionIn));
        Assert.Contains("not returned", assignment.NotesIn, StringComparison.Ordinal);
        var device = await context.Set<Device>().SingleAsync();
        Assert.Equal((DeviceStatus.Lost, null, null), (device.Status, device.HolderId, device.HolderName));
        var history = await context.Set<DeviceEvent>().Where(e => e.Kind == DeviceEventKind.Incident).ToListAsync();
        Assert.Equal((DeviceStatus.Assigned, DeviceStatus.Lost, "Reported lost"), (history.Single().FromStatus, history.Single().ToStatus, history.Single().Detail));
    }

    [Theory]
    [Providers]
    public async Task A_device_checked_in_broken_is_reported_damaged_for_the_student_who_brought_it_back(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        await world.AddDevicesAsync(1, world.Elementary);
        await world.CheckOutAsync("T-00001", "s-es-2");
        await world.CheckInAsync("T-00001", Condition.D);

        var reported = await world.ReportAsync(Damaged("T-00001", "Accidental", "Hinge broken when it came back."));

        Assert.Equal(("Damaged", false), (reported.GetProperty("status").GetString(), reported.GetProperty("repeated").GetBoolean()));
        await using var context = world.Db.OpenContext();
        var incident = await context.Set<Incident>().SingleAsync();
        Assert.Equal((await world.PersonIdAsync("s-es-2"), DeviceStatus.Damaged), (incident.StudentId, incident.StatusBefore));
        var line = await context.Set<DeviceEvent>().SingleAsync(e => e.Kind == DeviceEventKind.Incident);
        Assert.Equal(((DeviceStatus?)null, "Reported damaged (accidental)"), (line.FromStatus, line.Detail));
    }

    [Theory]
    [Providers]
    public async Task A_report_with_bad_fields_names_each_and_a_move_the_status_does_not_allow_is_refused_with_its_sentence(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        await world.AddDevicesAsync(2, world.Elementary);
        var client = await world.App.ApiClientAsync(HelpdeskWorld.HelpDesk);
        await using (var arrange = world.Db.OpenContext())
        {
            (await arrange.Set<Device>().SingleAsync(d => d.AssetTag == "T-00002")).Status = DeviceStatus.Retired;
            await arrange.SaveChangesAsync();
        }

        var stolen = await client.PostAsJsonAsync("/api/v1/devices/incidents", new { device = "T-00001", kind = "Stolen", occurredOn = Day(2), description = " ", ticketId = 0 });
        var damaged = await client.PostAsJsonAsync("/api/v1/devices/incidents", new { device = "T-00001", kind = "Damaged", occurredOn = Day(-1), description = "Dropped." });
        var unknown = await client.PostAsJsonAsync("/api/v1/devices/incidents", Lost("NOPE-1"));
        var retired = await client.PostAsJsonAsync("/api/v1/devices/incidents", Lost("T-00002"));
        var teacher = await (await world.App.ApiClientAsync(HelpdeskWorld.Teacher)).PostAsJsonAsync("/api/v1/devices/incidents", Lost("T-00001"));

        var errors = (await stolen.JsonAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(["description", "occurredOn", "policeReport", "ticketId"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.StartsWith("The day it happened cannot be in the future", errors.GetProperty("occurredOn")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(["cause"], (await damaged.JsonAsync(HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal("No device has the tag or serial NOPE-1.", (await unknown.JsonAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("device")[0].GetString());
        Assert.Equal("A device that is retired cannot become lost; it can become disposed.", (await retired.JsonAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, teacher.StatusCode);
        await using var context = world.Db.OpenContext();
        Assert.Equal(0, await context.Set<Incident>().CountAsync());
        Assert.Equal([DeviceStatus.InStock, DeviceStatus.Retired], await context.Set<Device>().OrderBy(d => d.AssetTag).Select(d => d.Status).ToListAsync());
        Assert.Equal(0, await context.Set<DeviceEvent>().CountAsync());
    }

    [Theory]
    [Providers]
    public async Task The_form_keeps_up_to_five_pictures_refuses_other_files_and_photos_go_only_to_readers_at_the_incidents_site(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        await world.AddDevicesAsync(1, world.Elementary);
        await world.CheckOutAsync("T-00001", "s-es-2");
        var tech = await world.SignedInAsync(HelpdeskWorld.SiteTech);

        var pdf = await PostFormAsync(tech, "T-00001", ("crack.png", Png), ("invoice.pdf", Pdf));
        var six = await PostFormAsync(tech, "T-00001", [.. Enumerable.Range(1, 6).Select(n => ($"photo{n}.png", Png))]);
        Assert.Equal(HttpStatusCode.BadRequest, pdf.StatusCode);
        Assert.Contains("invoice.pdf: only pictures (PNG, JPEG, GIF, WebP) go with an incident.", await pdf.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("At most 5 photos go with an incident; you chose 6.", await six.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var reported = await PostFormAsync(tech, "T-00001", ("crack.png", Png), ("back.png", Png));
        Assert.Equal(HttpStatusCode.Redirect, reported.StatusCode);
        var page = reported.Headers.Location!.OriginalString;
        var html = await tech.GetStringAsync(page);
        Assert.Contains("Kid2 Garcia", html, StringComparison.Ordinal);
        await using var context = world.Db.OpenContext();
        var incident = await context.Set<Incident>().SingleAsync();
        Assert.Equal((IncidentKind.Damaged, DamageCause.Willful, 42L), (incident.Kind, incident.Cause, incident.TicketId));
        var photos = await context.Set<IncidentPhoto>().OrderBy(p => p.Id).ToListAsync();
        Assert.Equal(["crack.png", "back.png"], photos.Select(p => p.FileName));
        var photo = $"/devices/incidents/{incident.Id}/photos/{photos[0].Id}";
        Assert.Contains($"src=\"{photo}\"", html, StringComparison.Ordinal);

        var shown = await tech.GetAsync(photo);
        Assert.Equal((HttpStatusCode.OK, "image/png"), (shown.StatusCode, shown.Content.Headers.ContentType?.MediaType));
        Assert.Equal(Png, await shown.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await (await world.SignedInAsync(HelpdeskWorld.SecondTech)).GetAsync(photo)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await (await world.SignedInAsync(HelpdeskWorld.Teacher)).GetAsync(photo)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await world.SignedInAsync(HelpdeskWorld.SecondTech)).GetAsync(page)).StatusCode);

        var api = await world.App.ApiClientAsync(HelpdeskWorld.HelpDesk);
        var added = new List<HttpStatusCode>();
        for (var n = 0; n < 4; n++)
        {
            added.Add((await api.PostAsync($"/api/v1/devices/incidents/{incident.Id}/photos", new MultipartFormDataContent { { new ByteArrayContent(Png), "file", $"more{n}.png" } })).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Conflict], added);
        var large = new byte[(5 * 1024 * 1024) + 1];
        Png.CopyTo(large, 0);
        var tooLarge = await api.PostAsync($"/api/v1/devices/incidents/{incident.Id}/photos", new MultipartFormDataContent { { new ByteArrayContent(large), "file", "huge.png" } });
        Assert.Equal("huge.png: The file is larger than 5 MB.", (await tooLarge.JsonAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("photos")[0].GetString());
    }

    [Theory]
    [Providers]
    public async Task The_list_is_limited_to_a_technicians_sites_filters_by_kind_decision_and_site_and_flags_repeat_incidents(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        await world.AddDevicesAsync(3, world.Elementary);
        await world.AddDevicesAsync(1, world.High, first: 4);
        await world.CheckOutAsync("T-00001", "s-es-1");
        await world.CheckOutAsync("T-00002", "s-es-1");
        var lost = await world.ReportAsync(Lost("T-00001"));
        await world.ReportAsync(Damaged("T-00002", "Accidental"));
        await world.ReportAsync(Damaged("T-00003", "Willful"));
        await world.ReportAsync(Stolen("T-00004"));
        await world.DecideAsync(lost.GetProperty("id").GetInt64(), "Family");
        Assert.False(lost.GetProperty("repeatIncidents").GetBoolean());

        var helpDesk = await world.App.ApiClientAsync(HelpdeskWorld.HelpDesk);
        var high = await world.App.ApiClientAsync(HelpdeskWorld.SecondTech);
        var manager = await world.App.ApiClientAsync(HelpdeskWorld.Manager);
        async Task<List<(string Tag, string? Student, bool Repeat)>> ListAsync(HttpClient client, string query = "") =>
            (await (await client.GetAsync("/api/v1/devices/incidents" + query)).JsonAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
                .Select(i => (i.GetProperty("assetTag").GetString()!, i.GetProperty("studentName").GetString(), i.GetProperty("repeatIncidents").GetBoolean())).ToList();

        Assert.Equal([("T-00004", null, false), ("T-00003", null, false), ("T-00002", "Kid1 Garcia", true), ("T-00001", "Kid1 Garcia", true)], await ListAsync(helpDesk));
        Assert.Equal([("T-00004", null, false)], await ListAsync(high));
        Assert.Equal(["T-00002", "T-00001"], (await ListAsync(manager, "?studentId=" + await world.PersonIdAsync("s-es-1"))).Select(r => r.Tag));
        Assert.All(await ListAsync(manager), r => Assert.Null(r.Student));
        Assert.Equal(["T-00003", "T-00002"], (await ListAsync(helpDesk, "?kind=Damaged")).Select(r => r.Tag));
        Assert.Equal(["T-00004", "T-00003", "T-00002"], (await ListAsync(helpDesk, "?responsibility=undecided")).Select(r => r.Tag));
        Assert.Equal(["T-00001"], (await ListAsync(helpDesk, "?responsibility=decided")).Select(r => r.Tag));
        Assert.Equal(["T-00004"], (await ListAsync(helpDesk, $"?siteId={world.High}")).Select(r => r.Tag));
        Assert.Equal(["T-00002"], (await ListAsync(helpDesk, "?pageSize=1&page=3")).Select(r => r.Tag));
        var bad = await helpDesk.GetAsync("/api/v1/devices/incidents?kind=Broken");
        Assert.Equal("kind: expected one of Lost, Stolen, Damaged; got 'Broken'.", (await bad.JsonAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("kind")[0].GetString());

        var page = await (await world.SignedInAsync(HelpdeskWorld.SecondTech)).GetStringAsync("/devices/incidents");
        Assert.Contains("T-00004", page, StringComparison.Ordinal);
        Assert.DoesNotContain("T-00001", page, StringComparison.Ordinal);
        var detail = await (await helpDesk.GetAsync($"/api/v1/devices/incidents/{lost.GetProperty("id").GetInt64()}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal((2, true), (detail.GetProperty("studentIncidents").GetInt32(), detail.GetProperty("repeatIncidents").GetBoolean()));
    }

    [Theory]
    [Providers]
    public async Task Responsibility_is_only_what_california_allows_and_a_family_decision_offers_a_lost_devices_unit_cost(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        await world.AddDevicesAsync(4, world.Elementary);
        await world.CheckOutAsync("T-00001", "s-es-1");
        await world.CheckOutAsync("T-00002", "s-es-1");
        await world.CheckOutAsync("T-00003", "s-es-2");
        var lost = (await world.ReportAsync(Lost("T-00001"))).GetProperty("id").GetInt64();
        var stolen = (await world.ReportAsync(Stolen("T-00002"))).GetProperty("id").GetInt64();
        var accident = (await world.ReportAsync(Damaged("T-00003", "Accidental"))).GetProperty("id").GetInt64();
        var nobody = (await world.ReportAsync(Damaged("T-00004", "Willful"))).GetProperty("id").GetInt64();
        var manager = await world.App.ApiClientAsync(HelpdeskWorld.Manager);
        async Task<string> RefusedAsync(long id, string responsibility) =>
            (await (await manager.PostAsJsonAsync($"/api/v1/devices/incidents/{id}/decision", new { responsibility, reason = "Because." })).JsonAsync(HttpStatusCode.BadRequest))
                .GetProperty("errors").GetProperty("responsibility")[0].GetString()!;
        async Task<List<string?>> AllowedAsync(long id) =>
            (await (await manager.GetAsync($"/api/v1/devices/incidents/{id}")).JsonAsync(HttpStatusCode.OK)).GetProperty("allowedResponsibilities").EnumerateArray().Select(r => r.GetString()).ToList();

        var family = await world.DecideAsync(lost, "Family", "Not returned after three reminders.");

        Assert.Equal((35_000, true), (family.GetProperty("suggestedChargeCents").GetInt64(), family.GetProperty("changed").GetBoolean()));
        Assert.Equal(["District", "Family"], await AllowedAsync(lost));
        Assert.Equal(["District"], await AllowedAsync(stolen));
        Assert.Equal(["District", "Warranty"], await AllowedAsync(accident));
        Assert.Equal(["District"], await AllowedAsync(nobody));
        Assert.EndsWith("this one was stolen.", await RefusedAsync(stolen, "Family"), StringComparison.Ordinal);
        Assert.Equal("The warranty covers accidental damage only.", await RefusedAsync(stolen, "Warranty"));
        Assert.StartsWith("The family did not opt in to the voluntary device protection", await RefusedAsync(accident, "Protection"), StringComparison.Ordinal);
        Assert.StartsWith("No student held this device", await RefusedAsync(nobody, "Family"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PostAsJsonAsync($"/api/v1/devices/incidents/{accident}/decision", new { responsibility = "District", reason = "" })).StatusCode);
        var helpDesk = await world.App.ApiClientAsync(HelpdeskWorld.HelpDesk);
        Assert.Equal(HttpStatusCode.Forbidden, (await helpDesk.PostAsJsonAsync($"/api/v1/devices/incidents/{accident}/decision", new { responsibility = "District", reason = "Mine." })).StatusCode);

        var agreement = await helpDesk.PostAsJsonAsync("/api/v1/devices/agreements", new { studentId = await world.PersonIdAsync("s-es-2"), signedByName = "Rosa Garcia", protectionOptIn = true });
        Assert.Equal(HttpStatusCode.Created, agreement.StatusCode);
        Assert.Equal(["District", "Warranty", "Protection"], await AllowedAsync(accident));
        var protection = await world.DecideAsync(accident, "Protection", "Covered by the family's plan.");
        Assert.Equal(JsonValueKind.Null, protection.GetProperty("suggestedChargeCents").ValueKind);
        Assert.False((await world.DecideAsync(lost, "Family", "Not returned after three reminders.")).GetProperty("changed").GetBoolean());
        var charged = await manager.PostAsJsonAsync($"/api/v1/devices/fees/{await world.PersonIdAsync("s-es-1")}/charges", new { incidentId = lost, amount = "350.00", reason = "Replacement." });
        Assert.Equal(HttpStatusCode.Created, charged.StatusCode);
        var changed = await manager.PostAsJsonAsync($"/api/v1/devices/incidents/{lost}/decision", new { responsibility = "District", reason = "Changed our mind." });
        Assert.Equal(HttpStatusCode.Conflict, changed.StatusCode);
        await using var context = world.Db.OpenContext();
        Assert.Equal([(lost, Responsibility.Family, "Marcus Lee"), (stolen, Responsibility.Undecided, null), (accident, Responsibility.Protection, "Marcus Lee"), (nobody, Responsibility.Undecided, null)],
            (await context.Set<Incident>().OrderBy(i => i.Id).ToListAsync()).Select(i => (i.Id, i.Responsibility, i.DecidedByName)));
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string tag, params (string Name, byte[] Content)[] photos)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(await browser.AntiforgeryTokenAsync($"/devices/incidents/new?device={tag}")), "__RequestVerificationToken" },
            { new StringContent(tag), "Input.Device" }, { new StringContent("Damaged"), "Input.Kind" }, { new StringContent("Willful"), "Input.Cause" },
            { new StringContent(Day(-1)), "Input.OccurredOn" }, { new StringContent("Screen smashed against a desk."), "Input.Description" },
            { new StringContent("BV-000042"), "Input.TicketId" },
        };
        foreach (var (name, content) in photos)
        {
            form.Add(new ByteArrayContent(content), "Photos", name);
        }

        return await browser.PostAsync("/devices/incidents/new", form);
    }
}
