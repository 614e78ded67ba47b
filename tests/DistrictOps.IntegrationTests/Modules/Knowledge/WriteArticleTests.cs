using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.IntegrationTests.Modules.Helpdesk;
using DistrictOps.Web.Modules.Knowledge.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.IntegrationTests.Modules.Knowledge;

public sealed class WriteArticleTests
{
    [Theory]
    [Providers]
    public async Task Readers_keep_the_live_version_while_a_change_is_drafted_and_reviewed_and_a_reviewer_approves_only_what_others_wrote(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var writer = await world.App.ApiClientAsync(KnowledgeWorld.Writer);
        var reviewer = await world.App.ApiClientAsync(KnowledgeWorld.Reviewer);
        var teacher = await world.App.ApiClientAsync(KnowledgeWorld.Reader);
        var created = await world.WriteAsync(KnowledgeWorld.Article("Printer shows offline", "Turn the printer off and on.", categories: [KnowledgeWorld.Printing], tags: "Printer, Offline, printer"));
        var id = created.GetProperty("id").GetInt64();

        Assert.Equal(("printer-shows-offline", "Draft", 1, "printer, offline"),
            (created.GetProperty("slug").GetString(), created.GetProperty("status").GetString(), created.GetProperty("version").GetInt32(), string.Join(", ", created.GetProperty("tags").EnumerateArray().Select(t => t.GetString()))));
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.GetAsync($"/api/v1/knowledge/articles/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await writer.PostAsync($"/api/v1/knowledge/articles/{id}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await reviewer.PostAsync($"/api/v1/knowledge/articles/{id}/approve", null)).StatusCode);
        await world.ApproveAsync(id);
        Assert.Equal((1, "Turn the printer off and on."), await ReadAsync(teacher, id));

        var changed = await writer.PutAsJsonAsync($"/api/v1/knowledge/articles/{id}", Save("Check the network cable first.", baseVersion: 1));
        var again = await writer.PutAsJsonAsync($"/api/v1/knowledge/articles/{id}", Save("Check the network cable first.", baseVersion: 2));
        var stale = await writer.PutAsJsonAsync($"/api/v1/knowledge/articles/{id}", Save("Something else.", baseVersion: 1));

        Assert.Equal((HttpStatusCode.OK, 2), (changed.StatusCode, Json(await changed.Content.ReadAsStringAsync()).GetProperty("latestVersion").GetInt32()));
        Assert.Equal(2, Json(await again.Content.ReadAsStringAsync()).GetProperty("latestVersion").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Version 2 was saved while you edited version 1", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((1, "Turn the printer off and on."), await ReadAsync(teacher, id));

        await world.ApproveAsync(id);
        Assert.Equal((2, "Check the network cable first."), await ReadAsync(teacher, id));
        var diff = Json(await writer.GetStringAsync($"/api/v1/knowledge/articles/{id}/diff?from=1&to=2")).GetProperty("lines").EnumerateArray()
            .Select(l => (l.GetProperty("kind").GetString(), l.GetProperty("text").GetString())).ToList();
        Assert.Contains(("Removed", "Turn the printer off and on."), diff);
        Assert.Contains(("Added", "Check the network cable first."), diff);

        var restored = Json(await (await writer.PostAsync($"/api/v1/knowledge/articles/{id}/versions/1/restore", null)).Content.ReadAsStringAsync());
        Assert.Equal((3, "Draft", "Turn the printer off and on."), (restored.GetProperty("version").GetInt32(), restored.GetProperty("status").GetString(), restored.GetProperty("body").GetString()));
        var own = await reviewer.PutAsJsonAsync($"/api/v1/knowledge/articles/{id}", Save("The reviewer's own words.", baseVersion: 3));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsync($"/api/v1/knowledge/articles/{id}/submit", null)).StatusCode);
        var ownApproval = await reviewer.PostAsync($"/api/v1/knowledge/articles/{id}/approve", null);
        Assert.Equal(HttpStatusCode.Forbidden, ownApproval.StatusCode);
        Assert.Contains("another reviewer approves it", await ownApproval.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((2, "Check the network cable first."), await ReadAsync(teacher, id));

        var manager = await world.App.ApiClientAsync(HelpdeskWorld.Manager);
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync($"/api/v1/knowledge/articles/{id}/retire", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.GetAsync($"/api/v1/knowledge/articles/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await writer.DeleteAsync($"/api/v1/knowledge/articles/{id}")).StatusCode);
        await using var context = world.Db.OpenContext();
        Assert.Equal([1, 2, 3, 4], await context.Set<ArticleVersion>().Where(v => v.ArticleId == id).OrderBy(v => v.Number).Select(v => v.Number).ToListAsync());
    }

    [Theory]
    [Providers]
    public async Task Bad_input_names_each_field_and_the_body_line_and_changes_nothing(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var writer = await world.App.ApiClientAsync(KnowledgeWorld.Writer);
        var procedure = new
        {
            title = "", summary = new string('s', 301), audience = "Everyone", categoryIds = new[] { 999 }, kind = "Procedure",
            body = "Intro.\n\n:::steps\nSite technician | Check the device.\nNo role here\n",
        };

        var refused = await writer.PostAsJsonAsync("/api/v1/knowledge/articles", procedure);
        var teacher = await world.App.ApiClientAsync(KnowledgeWorld.Reader);
        var notAWriter = await teacher.PostAsJsonAsync("/api/v1/knowledge/articles", KnowledgeWorld.Article("Mine", "Text."));
        await world.WriteAsync(KnowledgeWorld.Article("Reset your password", "Text.", slug: "reset-your-password"));
        var twice = await writer.PostAsJsonAsync("/api/v1/knowledge/articles", KnowledgeWorld.Article("Reset your password", "Other text.", slug: "reset-your-password"));
        var reserved = await writer.PostAsJsonAsync("/api/v1/knowledge/articles", KnowledgeWorld.Article("Reviews", "Text.", slug: "reviews"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = Json(await refused.Content.ReadAsStringAsync()).GetProperty("errors");
        Assert.Equal(["audience", "body", "categoryIds", "summary", "title"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        var body = errors.GetProperty("body").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains(body, m => m.StartsWith("Line 5: a step is written 'Responsible role | what to do'", StringComparison.Ordinal));
        Assert.Contains(body, m => m.StartsWith("Line 3: the steps block that starts here has no closing ':::' line", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, notAWriter.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, reserved.StatusCode);
        await using var context = world.Db.OpenContext();
        Assert.Equal(["reset-your-password"], await context.Set<Article>().Select(a => a.Slug).ToListAsync());
        Assert.Equal(1, await context.Set<ArticleVersion>().CountAsync());
    }

    [Theory]
    [Providers]
    public async Task A_procedure_renders_numbered_steps_with_roles_and_markdown_cannot_carry_script(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var id = await world.PublishAsync(KnowledgeWorld.Article("Replace a broken device",
            "Use this when a device breaks.\n\n:::steps\nTeacher or site staff | Open a request and give the **asset tag**.\nSite technician | Swap the device [within a day](javascript:alert(1)).\n:::\n\n<script>alert(2)</script> <img src=x onerror=alert(3)>\n",
            kind: "Procedure", audience: "Public"));
        var family = world.App.CreateClient();

        var article = Json(await family.GetStringAsync($"/api/v1/knowledge/articles/{id}"));
        var page = await family.GetStringAsync("/knowledge/replace-a-broken-device");

        Assert.Equal([(1, "Teacher or site staff", "Open a request and give the **asset tag**."), (2, "Site technician", "Swap the device [within a day](javascript:alert(1)).")],
            article.GetProperty("steps").EnumerateArray().Select(s => (s.GetProperty("number").GetInt32(), s.GetProperty("role").GetString(), s.GetProperty("text").GetString())));
        var html = article.GetProperty("html").GetString()!;
        Assert.Contains("<ol class=\"steps\"><li><span class=\"step-role\">Teacher or site staff</span> Open a request and give the <strong>asset tag</strong>.</li>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(2)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"step-role\">Site technician</span>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
    }

    [Theory]
    [Providers]
    public async Task Pictures_and_pdfs_are_kept_once_shown_in_the_text_and_served_only_to_those_who_may_read_the_article(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var writer = await world.App.ApiClientAsync(KnowledgeWorld.Writer);
        var id = (await world.WriteAsync(KnowledgeWorld.Article("Find the charging port", "Text."))).GetProperty("id").GetInt64();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

        var added = await UploadAsync(writer, id, "port photo.png", png);
        var again = await UploadAsync(writer, id, "copy.png", png);
        var program = await UploadAsync(writer, id, "setup.png", [0x4D, 0x5A, 0x90, 0x00]);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var file = Json(await added.Content.ReadAsStringAsync());
        var url = file.GetProperty("url").GetString()!;
        Assert.Equal((url, "port photo.png"), (Json(await again.Content.ReadAsStringAsync()).GetProperty("url").GetString(), file.GetProperty("fileName").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, program.StatusCode);
        Assert.Contains("this file's content is neither", await program.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var body = $"Look here:\n\n{file.GetProperty("markdown").GetString()}\n\n![tracker](https://tracker.example/pixel.png)";
        Assert.Equal(HttpStatusCode.OK, (await writer.PutAsJsonAsync($"/api/v1/knowledge/articles/{id}", new { title = "Find the charging port", summary = "Where it is.", body, audience = "Staff" })).StatusCode);
        await world.ApproveAsync(id);
        var teacher = await world.App.ApiClientAsync(KnowledgeWorld.Reader);
        var html = Json(await teacher.GetStringAsync($"/api/v1/knowledge/articles/{id}")).GetProperty("html").GetString()!;
        Assert.Contains($"<img src=\"{url}\" alt=\"port photo\" loading=\"lazy\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("tracker.example", html, StringComparison.Ordinal);

        var staff = world.App.Browser();
        await staff.SignInAsync(KnowledgeWorld.Reader);
        var served = await staff.GetAsync(url);
        Assert.Equal((HttpStatusCode.OK, "image/png"), (served.StatusCode, served.Content.Headers.ContentType?.MediaType));
        Assert.Equal(png, await served.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await world.App.CreateClient().GetAsync(url)).StatusCode);
        await using var context = world.Db.OpenContext();
        Assert.Equal(1, await context.Set<ArticleFile>().CountAsync());
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, long id, string name, byte[] bytes)
    {
        using var content = new MultipartFormDataContent();
        content.Add(new ByteArrayContent(bytes), "file", name);
        return await client.PostAsync($"/api/v1/knowledge/articles/{id}/files", content);
    }

    private static object Save(string body, int baseVersion) =>
        new { title = "Printer shows offline", summary = "About printer shows offline.", body, audience = "Staff", categoryIds = new[] { KnowledgeWorld.Printing }, tags = "printer, offline", baseVersion };

    private static async Task<(int Version, string Body)> ReadAsync(HttpClient client, long id)
    {
        var article = Json(await client.GetStringAsync($"/api/v1/knowledge/articles/{id}"));
        return (article.GetProperty("version").GetInt32(), article.GetProperty("body").GetString()!.Trim());
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;
}
