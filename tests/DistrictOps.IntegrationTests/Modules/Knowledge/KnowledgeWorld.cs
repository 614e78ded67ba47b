using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.IntegrationTests.Modules.Helpdesk;

namespace DistrictOps.IntegrationTests.Modules.Knowledge;

/// <summary>
/// The help desk's small district with knowledge base helpers: the help desk (Amy Chen) writes, the senior technician
/// reviews, the teacher reads staff articles, and an anonymous client is a family on the public portal.
/// </summary>
internal static class KnowledgeWorld
{
    public const string Writer = HelpdeskWorld.HelpDesk;
    public const string Reviewer = HelpdeskWorld.SeniorTech;
    public const string Reader = HelpdeskWorld.Teacher;
    public const int Printing = 40;
    public const int BrokenScreen = 5;
    public const int DroppedOffTheDomain = 4;

    /// <summary>Writes an article as the help desk and returns its JSON; asserts it was created.</summary>
    public static async Task<JsonElement> WriteAsync(this HelpdeskWorld world, object command)
    {
        var writer = await world.App.ApiClientAsync(Writer);
        var response = await writer.PostAsJsonAsync("/api/v1/knowledge/articles", command);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>Writes, sends for review and has the senior technician approve it; returns its id.</summary>
    public static async Task<long> PublishAsync(this HelpdeskWorld world, object command)
    {
        var id = (await world.WriteAsync(command)).GetProperty("id").GetInt64();
        await world.ApproveAsync(id);
        return id;
    }

    public static async Task ApproveAsync(this HelpdeskWorld world, long id)
    {
        var writer = await world.App.ApiClientAsync(Writer);
        var reviewer = await world.App.ApiClientAsync(Reviewer);
        Assert.Equal(HttpStatusCode.OK, (await writer.PostAsync($"/api/v1/knowledge/articles/{id}/submit", null)).StatusCode);
        var approved = await reviewer.PostAsync($"/api/v1/knowledge/articles/{id}/approve", null);
        Assert.True(approved.StatusCode == HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
    }

    public static object Article(string title, string body, string audience = "Staff", int[]? categories = null, string? tags = null, string? language = null, string? slug = null, string kind = "Article") =>
        new { title, summary = $"About {title.ToLowerInvariant()}.", body, audience, categoryIds = categories ?? [], tags, language, slug, kind };
}
