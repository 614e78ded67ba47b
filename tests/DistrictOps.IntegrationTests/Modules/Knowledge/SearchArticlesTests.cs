using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.IntegrationTests.Modules.Helpdesk;
using DistrictOps.Web.Platform.Data;

namespace DistrictOps.IntegrationTests.Modules.Knowledge;

public sealed class SearchArticlesTests
{
    [Theory]
    [Providers]
    public async Task Search_ranks_by_relevance_stems_words_highlights_them_and_shows_each_reader_only_their_audiences(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        await world.PublishAsync(KnowledgeWorld.Article("Rejoin a tablet to the domain",
            "When the trust relationship with the domain fails, sign in with the local account and rejoin.", "Technicians", [KnowledgeWorld.DroppedOffTheDomain]));
        await world.PublishAsync(KnowledgeWorld.Article("Printer shows offline", "Check the printer's network cable, then restart the print queue.", categories: [KnowledgeWorld.Printing]));
        await world.PublishAsync(KnowledgeWorld.Article("Printing labels", "Labels print from the office computer; a printer is mentioned once.", categories: [KnowledgeWorld.Printing]));
        await world.PublishAsync(KnowledgeWorld.Article("Tablet won't charge", "Try another charger and outlet before reporting the tablet.", "Public", [6], slug: "tablet-wont-charge"));
        await world.PublishAsync(KnowledgeWorld.Article("La tableta no carga", "Pruebe otro cargador y otro enchufe antes de reportar la tableta.", "Public", [6], language: "es", slug: "tablet-wont-charge"));
        await world.WriteAsync(KnowledgeWorld.Article("Printer draft", "An unpublished printer article.", categories: [KnowledgeWorld.Printing]));
        var family = world.App.CreateClient();
        var teacher = await world.App.ApiClientAsync(KnowledgeWorld.Reader);
        var technician = await world.App.ApiClientAsync(HelpdeskWorld.SiteTech);
        var writer = await world.App.ApiClientAsync(KnowledgeWorld.Writer);

        Assert.Equal(["Printer shows offline", "Printing labels"], Titles(await SearchAsync(teacher, "printers")));
        Assert.Equal(["Tablet won't charge"], Titles(await SearchAsync(family, "charger")));
        Assert.Equal(["La tableta no carga"], Titles(await SearchAsync(family, "cargador&lang=es")));
        Assert.Empty(Titles(await SearchAsync(family, "printer")));
        Assert.Empty(Titles(await SearchAsync(teacher, "domain")));
        var domain = await SearchAsync(technician, "domain");
        Assert.Equal(["Rejoin a tablet to the domain"], Titles(domain));
        Assert.Contains("⟦domain⟧", domain.GetProperty("items")[0].GetProperty("snippet").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Printer draft", Titles(await SearchAsync(writer, "printer")));
        Assert.Equal(["Printer draft"], Titles(await SearchAsync(writer, "printer&status=Draft")));
        Assert.Equal(["Tablet won't charge"], Titles(await SearchAsync(teacher, "tablet&category=6&lang=en")));

        var bad = await teacher.GetAsync("/api/v1/knowledge/search?q=x&audience=Everyone&lang=fr");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["audience", "lang"], JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));

        var suggested = await teacher.GetFromJsonAsync<JsonElement>("/api/v1/knowledge/suggest?text=" + Uri.EscapeDataString("My printer says it is offline and nothing prints!"));
        Assert.Equal("Printer shows offline", suggested[0].GetProperty("title").GetString());
        Assert.True(suggested.GetArrayLength() <= 3);
        var page = await family.GetStringAsync("/knowledge?q=charger");
        Assert.Contains("<mark>charger</mark>", page, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> SearchAsync(HttpClient client, string query) =>
        await client.GetFromJsonAsync<JsonElement>("/api/v1/knowledge/search?q=" + query);

    private static List<string> Titles(JsonElement result) =>
        result.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!).ToList();
}
