using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DistrictOps.IntegrationTests.Infrastructure;
using DistrictOps.Web.Modules.Helpdesk.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Platform.Data;
using Microsoft.Extensions.DependencyInjection;

namespace DistrictOps.IntegrationTests.Modules.Helpdesk;

public sealed class ComposerTests
{
    [Theory]
    [Providers]
    public async Task Send_and_mark_solved_applies_the_reply_time_and_fields_together_with_one_timeline_entry_per_change(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var number = await world.OpenAsync(HelpdeskWorld.Teacher, world.Tablet());
        var tech = world.App.Browser();
        await tech.SignInAsync(HelpdeskWorld.SiteTech);
        var page = $"/helpdesk/tickets/{number}";
        var before = (await world.EventsAsync(number)).Count;

        var refused = await tech.PostFormAsync(page, page + "?handler=Compose", Draft("Reset the adapter.", minutes: "0", priority: "1", markSolved: true));
        var unchanged = await world.TicketAsync(number);
        var sent = await tech.PostFormAsync(page, page + "?handler=Compose", Draft("Reset the adapter.", minutes: "15", priority: "1", markSolved: true));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Reset the adapter.</textarea>", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((TicketStatus.New, 0), (unchanged.Status, unchanged.MinutesSpent));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var ticket = await world.TicketAsync(number);
        Assert.Equal((TicketStatus.Solved, 1, 15), (ticket.Status, ticket.Priority, ticket.MinutesSpent));
        Assert.NotNull(ticket.FirstResponseAt);
        var added = Changes(await world.EventsAsync(number), before).Order().ToList();
        Assert.Equal([TicketEventKind.StatusChanged, TicketEventKind.FieldsChanged, TicketEventKind.PublicReply], added);
    }

    [Theory]
    [Providers]
    public async Task A_macro_and_an_article_fill_the_composer_and_assigning_keeps_the_draft_without_sending_anything(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider, services: s => s.AddScoped<IArticleLinks, OneArticle>());
        var number = await world.OpenAsync(HelpdeskWorld.Teacher, world.Tablet());
        var tech = world.App.Browser();
        // The ticket is routed to the site technician; a teammate takes it.
        await tech.SignInAsync(HelpdeskWorld.SecondTech);
        var page = $"/helpdesk/tickets/{number}";
        var before = (await world.EventsAsync(number)).Count;

        var filled = await (await tech.PostFormAsync(page, page + "?handler=FillMacro", new(Draft("Hello.")) { ["macroId"] = "1" })).Content.ReadAsStringAsync();
        var linked = await (await tech.PostFormAsync(page, page + "?handler=InsertArticle", new(Draft("Try this:")) { ["articleUrl"] = OneArticle.Url })).Content.ReadAsStringAsync();
        var assigned = await (await tech.PostFormAsync(page, page + "?handler=AssignToMe", Draft("Typed before assigning."))).Content.ReadAsStringAsync();

        Assert.Contains("Hello.&#xA;&#xA;Thanks for letting us know.", filled, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Pending\" selected=\"selected\">", filled, StringComparison.Ordinal);
        Assert.Contains($"Try this:&#xA;&#xA;Resetting a Chromebook: {OneArticle.Url}</textarea>", linked, StringComparison.Ordinal);
        Assert.Contains(">Typed before assigning.</textarea>", assigned, StringComparison.Ordinal);
        Assert.Contains("Assigned to you.", assigned, StringComparison.Ordinal);
        var ticket = await world.TicketAsync(number);
        Assert.Equal((TicketStatus.New, (Guid?)world.Users[HelpdeskWorld.SecondTech]), (ticket.Status, ticket.AssigneeUserId));
        Assert.DoesNotContain(await world.EventsAsync(number), e => e.Kind is TicketEventKind.PublicReply or TicketEventKind.InternalNote);
        Assert.Equal([TicketEventKind.Assigned], Changes(await world.EventsAsync(number), before));
    }

    [Theory]
    [Providers]
    public async Task An_escalation_note_is_internal_unless_the_agent_tells_the_requester(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var quiet = await world.OpenAsync(HelpdeskWorld.Teacher, world.Tablet());
        var told = await world.OpenAsync(HelpdeskWorld.Teacher, world.Tablet());
        var tech = world.App.Browser();
        await tech.SignInAsync(HelpdeskWorld.SiteTech);

        await tech.PostFormAsync($"/helpdesk/tickets/{quiet}", $"/helpdesk/tickets/{quiet}?handler=Escalate", new() { ["reason"] = "Beyond my tools." });
        await tech.PostFormAsync($"/helpdesk/tickets/{told}", $"/helpdesk/tickets/{told}?handler=Escalate", new() { ["reason"] = "Needs a re-image.", ["tellRequester"] = "true" });

        var teacher = await world.App.ApiClientAsync(HelpdeskWorld.Teacher);
        async Task<List<string?>> Seen(string number) => (await teacher.GetFromJsonAsync<JsonElement>($"/api/v1/helpdesk/tickets/{number}"))
            .GetProperty("timeline").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "Escalated").Select(e => e.GetProperty("body").GetString()).ToList();
        Assert.Empty(await Seen(quiet));
        Assert.Equal(["Escalated to Senior technicians (tier 3): Needs a re-image."], await Seen(told));
        Assert.Contains(await world.EventsAsync(quiet), e => e.Kind == TicketEventKind.Escalated && !e.IsPublic);
    }

    [Theory]
    [Providers]
    public async Task The_merge_page_shows_both_tickets_warns_of_another_requester_or_site_and_the_merged_ticket_is_read_only(DatabaseProvider provider)
    {
        await using var world = await HelpdeskWorld.CreateAsync(provider);
        var original = await world.OpenAsync(HelpdeskWorld.Teacher, world.Tablet());
        var sameCaller = await world.OpenAsync(HelpdeskWorld.Teacher, world.Tablet());
        var otherSite = await world.OpenAsync(HelpdeskWorld.Teacher, new { title = "Tablet won't connect", description = "No wireless.", siteId = world.High, issueTypeId = 3 });
        var tech = world.App.Browser();
        await tech.SignInAsync(HelpdeskWorld.SiteTech);

        var same = await tech.GetStringAsync($"/helpdesk/tickets/{sameCaller}/merge?into={original}");
        var warned = await tech.GetStringAsync($"/helpdesk/tickets/{otherSite}/merge?into={original}");
        var merged = await tech.PostFormAsync($"/helpdesk/tickets/{sameCaller}/merge?into={original}", $"/helpdesk/tickets/{sameCaller}/merge", new() { ["into"] = original });

        Assert.Contains($"href=\"/helpdesk/tickets/{original}\"", same, StringComparison.Ordinal);
        Assert.Contains($"Merge {sameCaller} into {original}", same, StringComparison.Ordinal);
        Assert.DoesNotContain("Check before merging", same, StringComparison.Ordinal);
        Assert.Contains("The sites differ: Bayview High and Harbor View Elementary.", warned, StringComparison.Ordinal);
        Assert.DoesNotContain("The requesters differ", warned, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Redirect, $"/helpdesk/tickets/{sameCaller}"), (merged.StatusCode, merged.Headers.Location!.OriginalString));
        var readOnly = await tech.GetStringAsync($"/helpdesk/tickets/{sameCaller}");
        Assert.Contains($"This ticket was merged into {original} and is read-only.", readOnly, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Compose", readOnly, StringComparison.Ordinal);

        var api = await world.App.ApiClientAsync(HelpdeskWorld.SiteTech);
        var refusals = new[]
        {
            await api.PostAsJsonAsync($"/api/v1/helpdesk/tickets/{sameCaller}/comments", new { body = "Still broken." }),
            await api.PatchAsJsonAsync($"/api/v1/helpdesk/tickets/{sameCaller}", new { priority = 1 }),
            await api.PostAsJsonAsync($"/api/v1/helpdesk/tickets/{sameCaller}/reopen", new { reason = "Again." }),
        };
        Assert.All(refusals, r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Contains($"{sameCaller} was merged into {original} and is read-only", await refusals[0].Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var composed = await tech.PostFormAsync($"/helpdesk/tickets/{original}", $"/helpdesk/tickets/{sameCaller}?handler=Compose", Draft("Late reply."));
        Assert.Equal(HttpStatusCode.BadRequest, composed.StatusCode);
    }

    /// <summary>The events a technician's changes write, after the first <paramref name="before"/> (not notices or service-level stamps).</summary>
    private static IEnumerable<TicketEventKind> Changes(List<TicketEvent> events, int before) => events.Skip(before).Select(e => e.Kind)
        .Where(k => k is TicketEventKind.StatusChanged or TicketEventKind.Assigned or TicketEventKind.FieldsChanged
            or TicketEventKind.PublicReply or TicketEventKind.InternalNote or TicketEventKind.TimeSpent);

    private static Dictionary<string, string> Draft(string body, string minutes = "", string priority = "", bool markSolved = false)
    {
        var fields = new Dictionary<string, string> { ["Draft.Body"] = body, ["Draft.IsPublic"] = "true", ["Draft.Minutes"] = minutes, ["Draft.Priority"] = priority };
        if (markSolved)
        {
            fields["markSolved"] = "true";
        }

        return fields;
    }

    private sealed class OneArticle : IArticleLinks
    {
        public const string Url = "/knowledge/articles/12";

        public Task<IReadOnlyList<ArticleLink>> SuggestAsync(string ticketTitle, int issueTypeId, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<ArticleLink>>([new ArticleLink("Resetting a Chromebook", Url)]);
    }
}
