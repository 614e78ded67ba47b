using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.IntegrationTests.Modules.Helpdesk;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Modules.Staffing.Data;
using DistrictOps.Web.Platform.Data;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace DistrictOps.IntegrationTests.Modules.Staffing;

public sealed class ManagePositionsTests(ITestOutputHelper output)
{
    private const string Manager = "it.manager@bayview.example";
    private const string Teacher = "teacher@bayview.example";

    [Theory]
    [Providers]
    public async Task The_demo_department_shows_its_33_positions_and_the_review_proposal_in_charts_tables_the_api_and_exports(DatabaseProvider provider)
    {
        var started = Stopwatch.StartNew();
        await using var db = await DemoWorld.CopyAsync(provider);
        await using var app = DemoWorld.Start(db);
        var api = await app.ApiClientAsync(Manager);

        var both = Json(await api.GetStringAsync("/api/v1/staffing/positions"));
        var current = Structure(both, "Current");
        var proposed = Structure(both, "Proposed");
        Assert.Equal((33, 1), (current.GetProperty("totals").GetProperty("positions").GetInt32(), current.GetProperty("totals").GetProperty("vacant").GetInt32()));
        Assert.Equal(33m, current.GetProperty("totals").GetProperty("fte").GetDecimal());
        var top = current.GetProperty("positions")[0];
        Assert.Equal(("Chief Technology Officer", 0, JsonValueKind.Null), (top.GetProperty("title").GetString(), top.GetProperty("depth").GetInt32(), top.GetProperty("reportsToId").ValueKind));
        Assert.False(Positions(current, "Typist Clerk 2").Single().GetProperty("filled").GetBoolean());

        var technicalDirector = Positions(proposed, "Director of Technical Services").Single();
        Assert.Equal((false, "Chief Technology Officer"), (technicalDirector.GetProperty("filled").GetBoolean(), technicalDirector.GetProperty("reportsTo").GetString()));
        var tss1 = Positions(proposed, "Technology Support Specialist 1");
        Assert.Equal((37, 9), (tss1.Count, tss1.Count(p => p.GetProperty("filled").GetBoolean())));
        Assert.All(tss1.Where(p => p.GetProperty("filled").GetBoolean()), p => Assert.False(string.IsNullOrEmpty(p.GetProperty("person").GetString())));
        Assert.Equal(proposed.GetProperty("totals").GetProperty("positions").GetInt32(), proposed.GetProperty("positions").GetArrayLength());

        var changes = both.GetProperty("changes").EnumerateArray().ToList();
        var eliminated = changes.Where(c => c.GetProperty("kind").GetString() == "Eliminated").Select(c => c.GetProperty("currentTitle").GetString()).ToList();
        Assert.Equal(["Typist Clerk 2"], eliminated);
        Assert.Contains(changes, c => c.GetProperty("kind").GetString() == "New" && c.GetProperty("proposedTitle").GetString() == "Director of Technical Services");
        var desktop = changes.Single(c => c.GetProperty("currentTitle").GetString() == "Desktop Technician");
        Assert.Equal(("Retitled", "Technology Support Specialist 1", 28m), (desktop.GetProperty("kind").GetString(), desktop.GetProperty("proposedTitle").GetString(), desktop.GetProperty("netFte").GetDecimal()));

        var onlyProposed = Json(await api.GetStringAsync("/api/v1/staffing/positions?structure=proposed"));
        Assert.Equal((1, JsonValueKind.Null), (onlyProposed.GetProperty("structures").GetArrayLength(), onlyProposed.GetProperty("changes").ValueKind));
        var bad = await api.GetAsync("/api/v1/staffing/positions?structure=future");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("one of Current, Proposed", await bad.Content.ReadAsStringAsync());

        var browser = app.Browser();
        await browser.SignInAsync(Manager);
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync("/staffing/positions"));
        Assert.Contains("Technology Support Specialist 1 ×37", page);
        Assert.Contains("9 filled, 28 vacant", page);
        Assert.Equal(2, CountOf(page, "role=\"img\""));
        Assert.Contains("<title id=\"proposed-chart-title\">Org chart: Proposed structure</title>", page);
        Assert.Contains("Eliminated", page);
        Assert.Contains("Becomes Technology Support Specialist 1", page);

        var csv = await browser.GetAsync("/staffing/positions/export.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("structure,title,job_family,fte,reports_to,support_tier,status,person,change,level,position_id,reports_to_id", lines[0]);
        Assert.Equal(1 + 33 + proposed.GetProperty("positions").GetArrayLength(), lines.Length);
        Assert.Contains(lines, l => l.StartsWith("Current,\"Director, Systems Integration\",Leadership,1.00,Chief Technology Officer,,Filled,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Proposed,Director of Technical Services,Leadership,1.00,Chief Technology Officer,,Vacant,,New position over the network and IT operations teams,1,", StringComparison.Ordinal));

        var xlsx = await browser.GetAsync("/staffing/positions/export.xlsx");
        using (var sheet = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false))
        {
            var rows = sheet.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
            Assert.Equal(lines.Length, rows.Count);
            Assert.Equal("Typist Clerk 2", rows.Select(r => r.Elements<Cell>().ElementAt(1).InnerText).Single(t => t.StartsWith("Typist", StringComparison.Ordinal)));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/staffing/positions/export.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiClientAsync(Teacher)).GetAsync("/api/v1/staffing/positions")).StatusCode);
        var teacher = app.Browser();
        await teacher.SignInAsync(Teacher);
        Assert.Equal(HttpStatusCode.Redirect, (await teacher.GetAsync("/staffing/positions")).StatusCode);
        output.WriteLine($"{provider}: {started.Elapsed.TotalSeconds:F1} s");
    }

    [Theory]
    [Providers]
    public async Task Positions_are_added_changed_and_deleted_under_the_structure_rules_and_a_retried_add_adds_once(DatabaseProvider provider)
    {
        var started = Stopwatch.StartNew();
        await using var db = await DemoWorld.CopyAsync(provider);
        await using var app = DemoWorld.Start(db);
        var api = await app.ApiClientAsync(Manager);
        Guid cto, technicalDirector, tss1, currentCto, student;
        int proposedCount;
        await using (var context = db.OpenContext())
        {
            cto = await Id(context, OrgStructure.Proposed, "Chief Technology Officer");
            technicalDirector = await Id(context, OrgStructure.Proposed, "Director of Technical Services");
            tss1 = await Id(context, OrgStructure.Proposed, "Technology Support Specialist 1");
            currentCto = await Id(context, OrgStructure.Current, "Chief Technology Officer");
            student = await context.Set<Person>().Where(p => p.Kind == PersonKind.Student).Select(p => p.Id).FirstAsync();
            proposedCount = await context.Set<Position>().CountAsync(p => p.Structure == OrgStructure.Proposed);
        }

        var id = Guid.NewGuid();
        var add = new { id, structure = "Proposed", title = "Instructional Technology Coach", jobFamily = "Site support", fte = 0.5m, reportsToId = technicalDirector, change = "New position" };
        var created = await api.PostAsJsonAsync("/api/v1/staffing/positions", add);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var coach = Json(await created.Content.ReadAsStringAsync());
        Assert.Equal((id, "Director of Technical Services", false, 2), (coach.GetProperty("id").GetGuid(), coach.GetProperty("reportsTo").GetString(), coach.GetProperty("filled").GetBoolean(), coach.GetProperty("depth").GetInt32()));
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/v1/staffing/positions", add)).StatusCode);

        var invalid = await ProblemAsync(await api.PostAsJsonAsync("/api/v1/staffing/positions",
            new { structure = "Proposed", title = " ", jobFamily = "Site support", fte = 1.5m, reportsToId = currentCto, supportTier = 3, personId = student }));
        Assert.Contains("Give the position's title", invalid["title"]);
        Assert.Contains("from 0.05 to 1.00", invalid["fte"]);
        Assert.Contains("not in the proposed structure", invalid["reportsToId"]);
        Assert.Contains("1 (site technician), 2", invalid["supportTier"]);
        Assert.Contains("not a current staff member", invalid["personId"]);

        var circle = await ProblemAsync(await api.PutAsJsonAsync($"/api/v1/staffing/positions/{technicalDirector}",
            new { title = "Director of Technical Services", jobFamily = "Leadership", fte = 1m, reportsToId = id }));
        Assert.Contains("would make a circle", circle["reportsToId"]);
        var moved = await ProblemAsync(await api.PutAsJsonAsync($"/api/v1/staffing/positions/{id}",
            new { structure = "Current", title = "Instructional Technology Coach", jobFamily = "Site support", fte = 0.5m, reportsToId = technicalDirector }));
        Assert.Contains("stays in its structure", moved["structure"]);
        var secondTop = await ProblemAsync(await api.PutAsJsonAsync($"/api/v1/staffing/positions/{id}", new { title = "Coach", jobFamily = "Site support", fte = 0.5m }));
        Assert.Contains("Chief Technology Officer is the top", secondTop["reportsToId"]);

        var browser = app.Browser();
        await browser.SignInAsync(Manager);
        var found = WebUtility.HtmlDecode(await (await browser.PostFormAsync($"/staffing/positions/edit/{id}", $"/staffing/positions/edit/{id}?handler=Find", new()
        {
            ["Input.Structure"] = "Proposed", ["Input.Title"] = "Instructional Technology Coach", ["Input.JobFamily"] = "Site support", ["Input.Fte"] = "0.50",
            ["Input.ReportsToId"] = technicalDirector.ToString(), ["Input.PersonQuery"] = "Rosa",
        })).Content.ReadAsStringAsync());
        Assert.Contains("Rosa Martinez", found);
        var rosa = Guid.Parse(System.Text.RegularExpressions.Regex.Match(found, "id=\"person-([0-9a-f-]{36})\"[^>]*><label for=\"person-[0-9a-f-]{36}\">Rosa Martinez <").Groups[1].Value);
        var saved = await browser.PostFormAsync($"/staffing/positions/edit/{id}", $"/staffing/positions/edit/{id}", new()
        {
            ["Input.Structure"] = "Proposed", ["Input.Title"] = "Instructional Technology Coach", ["Input.JobFamily"] = "Site support", ["Input.Fte"] = "0.50",
            ["Input.ReportsToId"] = technicalDirector.ToString(), ["Input.PersonId"] = rosa.ToString(), ["Input.Change"] = "New position",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var refused = WebUtility.HtmlDecode(await (await browser.PostFormAsync("/staffing/positions/edit?structure=Proposed", "/staffing/positions/edit", new()
        {
            ["Input.Structure"] = "Proposed", ["Input.Title"] = "", ["Input.JobFamily"] = "Site support", ["Input.Fte"] = "abc", ["Input.ReportsToId"] = cto.ToString(),
        })).Content.ReadAsStringAsync());
        Assert.Contains("Give the position's title", refused);
        Assert.Contains("0.05 to 1.00 with at most two decimals", refused);

        var withReports = await api.DeleteAsync($"/api/v1/staffing/positions/{technicalDirector}");
        Assert.Equal(HttpStatusCode.Conflict, withReports.StatusCode);
        Assert.Contains("3 positions report to Director of Technical Services", await withReports.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/staffing/positions/{tss1}")).StatusCode);
        await using (var context = db.OpenContext())
        {
            var coachNow = await context.Set<Position>().SingleAsync(p => p.Id == id);
            Assert.Equal((rosa, 0.5m, technicalDirector), (coachNow.PersonId!.Value, coachNow.Fte, coachNow.ReportsToId!.Value));
            Assert.Equal(proposedCount, await context.Set<Position>().CountAsync(p => p.Structure == OrgStructure.Proposed));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await api.DeleteAsync($"/api/v1/staffing/positions/{tss1}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiClientAsync("helpdesk@bayview.example")).PostAsJsonAsync("/api/v1/staffing/positions", add)).StatusCode);
        output.WriteLine($"{provider}: {started.Elapsed.TotalSeconds:F1} s");
    }

    private static async Task<Guid> Id(AppDbContext context, OrgStructure structure, string title) =>
        await context.Set<Position>().Where(p => p.Structure == structure && p.Title == title).OrderBy(p => p.Order).Select(p => p.Id).FirstAsync();

    private static async Task<Dictionary<string, string>> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return Json(await response.Content.ReadAsStringAsync()).GetProperty("errors").EnumerateObject()
            .ToDictionary(e => e.Name, e => string.Join(" ", e.Value.EnumerateArray().Select(m => m.GetString())));
    }

    private static JsonElement Structure(JsonElement all, string name) =>
        all.GetProperty("structures").EnumerateArray().Single(s => s.GetProperty("structure").GetString() == name);

    private static List<JsonElement> Positions(JsonElement structure, string title) =>
        structure.GetProperty("positions").EnumerateArray().Where(p => p.GetProperty("title").GetString() == title).ToList();

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;
}
