using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.IntegrationTests.Modules.Helpdesk;
using DistrictOps.Web.Modules.Directory.Data;
using DistrictOps.Web.Modules.Directory.UploadImport;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.IntegrationTests.Platform;

public sealed class UploadTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    [Theory]
    [Providers]
    public async Task An_attachment_is_named_by_its_content_without_bidi_controls_and_downloads_with_nosniff(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var number = await world.OpenAsync(HelpdeskWorld.Teacher, new { title = "Tablet won't connect", description = "No wireless.", siteId = world.Elementary, issueTypeId = 3 });
        var teacher = await world.App.ApiClientAsync(HelpdeskWorld.Teacher);

        var file = new ByteArrayContent(Png);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/html");
        using var form = new MultipartFormDataContent { { file, "file", "invoice\u202Egpj.html" } };
        var attached = await (await teacher.PostAsync($"/api/v1/helpdesk/tickets/{number}/attachments", form)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("invoicegpj.png", attached.GetProperty("fileName").GetString());
        var download = await teacher.GetAsync($"/api/v1/helpdesk/tickets/{number}/attachments/{attached.GetProperty("id").GetInt64()}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("nosniff", Assert.Single(download.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("invoicegpj.png", download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }

    [Theory]
    [Providers]
    public async Task An_import_upload_never_applied_is_purged_after_the_retention(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var now = TimeProvider.System.GetUtcNow();
        await using (var context = db.OpenContext())
        {
            context.Add(new ImportUpload { Id = Guid.NewGuid(), Name = "old.zip", Content = [1], UploadedAt = now.AddHours(-3), UploadedBy = "someone" });
            context.Add(new ImportUpload { Id = Guid.NewGuid(), Name = "new.zip", Content = [1], UploadedAt = now.AddMinutes(-5), UploadedBy = "someone" });
            await context.SaveChangesAsync();
        }

        var settings = db.Settings();
        settings["Directory:Uploads:Retention"] = "02:00:00";
        var run = await CliRunner.RunAsync(settings, "jobs", "run", PurgeImportUploadsWork.Name);

        Assert.Equal(0, run.Code);
        await using var after = db.OpenContext();
        Assert.Equal(["new.zip"], await after.Set<ImportUpload>().Select(u => u.Name).ToListAsync());
    }
}
