using System.IO.Compression;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Modules.Directory.Demo;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Jobs.Background;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DistrictOps.BrowserTests;

/// <summary>The import review page at a laptop's and a phone's size: progress, the refusal in one line, the gated Apply, a new upload.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ImportReviewPageTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(1366, 768)]
    [InlineData(390, 844)]
    public async Task A_running_check_shows_an_accessible_progress_bar(int width, int height)
    {
        var url = await RunningAttemptAsync();
        var page = await fixture.NewPageAsync(width, height);
        await ShellTests.SignInAsync(page, "data.services@bayview.example");

        await page.GotoAsync(url);
        var bar = page.GetByRole(AriaRole.Progressbar, new() { Name = "Progress (40%)" });
        await Assertions.Expect(bar).ToBeVisibleAsync();
        await Assertions.Expect(bar).ToHaveAttributeAsync("aria-valuenow", "40");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Checking users.csv");
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        Assert.Empty(await ShellTests.TooWideAsync(page));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1366, 768)]
    [InlineData(390, 844)]
    public async Task A_refused_plan_says_so_in_one_line_and_apply_waits_for_the_confirmation(int width, int height)
    {
        var page = await fixture.NewPageAsync(width, height);
        await ShellTests.SignInAsync(page, "data.services@bayview.example");
        await page.GotoAsync("/directory/imports/new");
        await Assertions.Expect(page.GetByLabel("Staff file (staff.csv)")).ToBeVisibleAsync();
        await page.GetByLabel("OneRoster zip").SetInputFilesAsync(SmallerDistrictZip());
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the package" }).ClickAsync();
        await page.WaitForArrivalAsync(u => u.Contains("/directory/imports/attempts/", StringComparison.Ordinal));

        var refusal = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "would remove" });
        await Assertions.Expect(refusal).ToContainTextAsync("people — ", new() { Timeout = 90_000 });
        Assert.Equal(1, await page.GetByText("This import would remove").Filter(new() { HasText = "people" }).CountAsync());
        Assert.DoesNotContain("--allow-shrink", await refusal.TextContentAsync(), StringComparison.Ordinal);
        var apply = page.GetByRole(AriaRole.Button, new() { Name = "Apply these changes" });
        await Assertions.Expect(apply).ToBeDisabledAsync();
        await page.GetByLabel("I checked with the SIS").CheckAsync();
        await Assertions.Expect(apply).ToBeEnabledAsync();
        await Assertions.Expect(page.GetByLabel("OneRoster zip")).ToBeVisibleAsync();
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        Assert.Empty(await ShellTests.TooWideAsync(page));

        // Without the page's script the button is enabled and the server refuses an unconfirmed apply.
        var attempt = page.Url;
        var plain = await fixture.NewPageAsync(width, height);
        await plain.Context.RouteAsync("**/js/**", route => route.AbortAsync());
        await ShellTests.SignInAsync(plain, "data.services@bayview.example");
        await plain.GotoAsync(attempt);
        var unscripted = plain.GetByRole(AriaRole.Button, new() { Name = "Apply these changes" });
        await Assertions.Expect(unscripted).ToBeEnabledAsync();
        await unscripted.ClickAsync();
        await Assertions.Expect(plain.GetByText("Tick the confirmation box")).ToBeVisibleAsync();
        Assert.Empty(await Axe.SeriousViolationsAsync(plain));
        await plain.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    /// <summary>A check whose job runs elsewhere, so it stays at 40% while the page is looked at.</summary>
    private async Task<string> RunningAttemptAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var job = new BackgroundJob
        {
            Id = Guid.NewGuid(), Kind = "directory.import", Input = "{}", State = BackgroundJobState.Running, Node = "another-node",
            RequestedBy = "data.services@bayview.example", QueuedAt = TimeProvider.System.GetUtcNow(), Step = "Checking {0}", StepSubject = "users.csv", Percent = 40,
        };
        var attempt = new ImportAttempt
        {
            Id = Guid.NewGuid(), Kind = ImportKind.OneRoster, Source = "roster.zip", RequestedBy = "data.services@bayview.example",
            StartedAt = TimeProvider.System.GetUtcNow(), Outcome = AttemptOutcome.Running, JobId = job.Id,
        };
        db.AddRange(job, attempt);
        await db.SaveChangesAsync();
        return $"/directory/imports/attempts/{attempt.Id}";
    }

    /// <summary>The demo district with a tenth of the students the app holds: a plan the shrink guard refuses.</summary>
    private static string SmallerDistrictZip()
    {
        var folder = Directory.CreateTempSubdirectory("districtops-review-").FullName;
        var generated = GenerateDemoDistrictHandler.Handle(new GenerateDemoDistrictCommand(Path.Combine(folder, "demo"), Students: BrowserFixture.DemoStudents / 10));
        Assert.True(generated.Succeeded);
        var manifest = Directory.EnumerateFiles(Path.Combine(folder, "demo"), "manifest.csv", SearchOption.AllDirectories).Single();
        var zip = Path.Combine(folder, "smaller.zip");
        ZipFile.CreateFromDirectory(Path.GetDirectoryName(manifest)!, zip);
        return zip;
    }
}
