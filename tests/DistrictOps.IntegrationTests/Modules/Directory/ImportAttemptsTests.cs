using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Modules.Directory.Importing;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Jobs.Background;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.IntegrationTests.Modules.Directory;

/// <summary>The import page's attempts: planned and applied as background jobs, listed with their outcome, reported for the vendor.</summary>
public sealed partial class ImportAttemptsTests : IDisposable
{
    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("districtops-attempts-").FullName;

    public void Dispose() => System.IO.Directory.Delete(_folder, recursive: true);

    [Theory]
    [Providers]
    public async Task A_plan_and_its_apply_run_as_background_jobs_and_the_apply_needs_the_confirmation(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db);
        var browser = await SignedInAsync(app);

        var planUrl = await browser.SendRosterAsync(Zip(RosterPackage.SmallDistrict()));
        var planned = await browser.FinishedAttemptAsync(planUrl);
        Assert.Contains("What would change", planned, StringComparison.Ordinal);
        Assert.Contains("name=\"confirm\"", planned, StringComparison.Ordinal);
        Assert.Contains("class=\"button danger\"", planned, StringComparison.Ordinal);
        Assert.Contains("id=\"package\"", planned, StringComparison.Ordinal);

        var unconfirmed = await browser.PostFormAsync(planUrl, planUrl + "?handler=Apply", []);
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Contains("Tick the confirmation box", await unconfirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using (var context = db.OpenContext())
        {
            Assert.Equal(0, await context.Set<Site>().CountAsync());
        }

        var apply = await browser.PostFormAsync(planUrl, planUrl + "?handler=Apply", new() { ["confirm"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, apply.StatusCode);
        var applyUrl = apply.Headers.Location!.OriginalString;
        Assert.NotEqual(planUrl, applyUrl);
        var applied = await browser.FinishedAttemptAsync(applyUrl);
        Assert.Contains("See what changed", applied, StringComparison.Ordinal);
        Assert.Contains("Harbor View", await browser.GetStringAsync("/directory/sites"), StringComparison.Ordinal);

        await using var after = db.OpenContext();
        var jobs = await after.Set<BackgroundJob>().AsNoTracking().ToListAsync();
        Assert.Equal(2, jobs.Count);
        Assert.All(jobs, j => Assert.Equal((BackgroundJobState.Succeeded, 100), (j.State, j.Percent)));
        Assert.Equal(0, await after.Set<ImportUpload>().CountAsync());
        var again = await browser.PostFormAsync(planUrl, planUrl + "?handler=Apply", new() { ["confirm"] = "true" });
        Assert.Contains("applied already", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [Providers]
    public async Task A_restart_marks_the_jobs_it_left_unfinished_interrupted(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var id = Guid.NewGuid();
        await using (var context = db.OpenContext())
        {
            context.Add(new BackgroundJob
            {
                Id = id, Kind = "directory.import", Input = "{}", State = BackgroundJobState.Running, Node = BackgroundJobs.Node,
                RequestedBy = "data.services@bayview.example", QueuedAt = TimeProvider.System.GetUtcNow().AddMinutes(-5), Percent = 40,
            });
            await context.SaveChangesAsync();
        }

        await using var app = new DistrictOpsFactory(db);
        _ = app.Services;

        var job = await Eventually.ReturnsAsync(async () =>
        {
            await using var context = db.OpenContext();
            return await context.Set<BackgroundJob>().AsNoTracking().SingleAsync(j => j.Id == id);
        }, j => j.State != BackgroundJobState.Running, "the unfinished job to be marked");
        Assert.Equal(BackgroundJobState.Interrupted, job.State);
        Assert.Equal(BackgroundJobs.InterruptedMessage, job.Message);
        Assert.NotNull(job.FinishedAt);
    }

    [Theory]
    [Providers]
    public async Task The_runs_page_lists_invalid_and_refused_attempts_beside_applied_runs(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db);
        var api = await app.ApiClientAsync("data.services@bayview.example");
        var file = new ByteArrayContent(Zip(RosterPackage.SmallDistrict()));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync("/api/v1/directory/imports", new MultipartFormDataContent { { file, "file", "first.zip" }, { new StringContent("apply"), "mode" } })).StatusCode);
        var browser = await SignedInAsync(app);

        var invalid = RosterPackage.SmallDistrict();
        invalid.Row(OneRosterSpec.Users, "t-es")["enabledUser"] = "maybe";
        await browser.FinishedAttemptAsync(await browser.SendRosterAsync(Zip(invalid), "invalid.zip"));
        var shrunk = RosterPackage.SmallDistrict();
        // The students of Bayview High and the parent linked to one of them.
        shrunk.RemoveRows(OneRosterSpec.Users, r => r["sourcedId"].StartsWith("s-hs-", StringComparison.Ordinal) || r["sourcedId"] == "g-2");
        shrunk.RemoveRows(OneRosterSpec.Roles, r => r["userSourcedId"].StartsWith("s-hs-", StringComparison.Ordinal) || r["userSourcedId"] == "g-2");
        shrunk.RemoveRows(OneRosterSpec.Enrollments, r => r["userSourcedId"].StartsWith("s-hs-", StringComparison.Ordinal));
        var refused = await browser.FinishedAttemptAsync(await browser.SendRosterAsync(Zip(shrunk), "shrunk.zip"));

        var text = WebUtility.HtmlDecode(refused);
        Assert.Contains("This import would remove 6 of 15 people — 40%.", text, StringComparison.Ordinal);
        Assert.Contains("It would leave 1 school(s) without students.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("--allow-shrink", text, StringComparison.Ordinal);
        Assert.Contains("I checked with the SIS", text, StringComparison.Ordinal);

        var runs = WebUtility.HtmlDecode(await browser.GetStringAsync("/directory/imports"));
        var outcomes = Outcome().Matches(runs).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["Refused by the guard", "Invalid", "Applied"], outcomes);
    }

    [Theory]
    [Providers]
    public async Task Plans_and_applies_from_the_terminal_are_listed_as_attempts_too(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var invalid = RosterPackage.SmallDistrict();
        invalid.Row(OneRosterSpec.Users, "t-es")["enabledUser"] = "maybe";

        Assert.Equal(1, (await CliRunner.RunAsync(db, "import", "oneroster", invalid.WriteTo(Path.Combine(_folder, "invalid")), "--plan")).Code);
        Assert.Equal(0, (await CliRunner.RunAsync(db, "import", "oneroster", RosterPackage.SmallDistrict().WriteTo(Path.Combine(_folder, "nightly")), "--apply")).Code);

        await using var context = db.OpenContext();
        var attempts = await context.Set<ImportAttempt>().OrderBy(a => a.StartedAt).ThenBy(a => a.Id).ToListAsync();
        Assert.Equal([("invalid", false, AttemptOutcome.Invalid), ("nightly", true, AttemptOutcome.Applied)], attempts.Select(a => (a.Source, a.Apply, a.Outcome)));
        Assert.All(attempts, a => Assert.StartsWith("cli:", a.RequestedBy, StringComparison.Ordinal));
        Assert.Equal(1, attempts[0].ErrorCount);
        Assert.Equal(await context.Set<ImportRun>().Select(r => (Guid?)r.Id).SingleAsync(), attempts[1].RunId);
    }

    [Theory]
    [Providers]
    public async Task The_conformance_report_lists_each_finding_in_html_and_in_quoted_csv(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new DistrictOpsFactory(db);
        var browser = await SignedInAsync(app);
        var package = RosterPackage.SmallDistrict();
        package.Row(OneRosterSpec.Users, "t-es")["enabledUser"] = "ma\"y,<b>";
        var url = await browser.SendRosterAsync(Zip(package));
        await browser.FinishedAttemptAsync(url);

        var csv = await browser.GetAsync(url + "?handler=Report&format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n");
        Assert.Equal("severity,file,line,column,value,rule,fix", lines[0]);
        Assert.Equal(
            "error,users.csv,2,4,\"ma\"\"y,<b>\",\"enabledUser '…' is not a boolean; expected true or false.\"," +
            "Correct this in the export: DistrictOps applies nothing from a package with errors.",
            lines[1]);
        Assert.Equal("", Assert.Single(lines[2..]));

        var html = await browser.GetAsync(url + "?handler=Report&format=html");
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        var page = await html.Content.ReadAsStringAsync();
        Assert.Contains("<style nonce=", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<td>users.csv</td><td>2</td><td>4</td><td><code>ma&quot;y,&lt;b&gt;</code></td>", page, StringComparison.Ordinal);
        Assert.Contains("1 error(s), 0 warning(s)", page, StringComparison.Ordinal);
    }

    private static async Task<HttpClient> SignedInAsync(DistrictOpsFactory app)
    {
        var browser = app.Browser();
        await browser.SignInAsync("data.services@bayview.example");
        return browser;
    }

    private byte[] Zip(RosterPackage package)
    {
        var folder = package.WriteTo(Path.Combine(_folder, Guid.NewGuid().ToString("N")));
        var zip = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".zip");
        ZipFile.CreateFromDirectory(folder, zip);
        return File.ReadAllBytes(zip);
    }

    [GeneratedRegex("<span class=\"tag outcome-[a-z]+\">([^<]+)</span>")]
    private static partial Regex Outcome();
}
