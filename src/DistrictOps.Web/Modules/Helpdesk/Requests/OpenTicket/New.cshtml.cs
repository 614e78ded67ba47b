using DistrictOps.Web.Modules.Devices.Contracts;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Tickets;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Uploads;
using DistrictOps.Web.Modules.Knowledge.Contracts;
using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace DistrictOps.Web.Modules.Helpdesk.Requests.OpenTicket;

/// <summary>
/// A staff member reports a problem for themselves, from a phone or a desk: the web channel. A photo or screenshot may
/// come with it; it is checked before the ticket is opened, so a refused file opens nothing.
/// </summary>
[Authorize(Policy = HelpdeskPermissions.Request)]
public sealed class NewModel(
    OpenTicketHandler handler, TicketFiles files, TicketFinder finder, ViewerFactory viewers, TicketChoicesLoader choices, IOptions<HelpdeskOptions> options,
    IEnumerable<IKnowledgeArticles> knowledge, IPersonDevices devices) : PageModel
{
    public const int SuggestionCount = 3;
    public const string SuggestionsPartial = "/Modules/Helpdesk/Requests/OpenTicket/_Suggestions.cshtml";
    private const string ChooseAgain = "Choose the picture again, or send the request without it.";

    [BindProperty]
    public TicketForm Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Photo { get; set; }

    /// <summary>
    /// The person has seen the knowledge base's suggestions: as they typed (script), or on the preview step the first
    /// send shows without script. Until then a send that has suggestions shows them instead of opening the ticket.
    /// </summary>
    [BindProperty]
    public bool SuggestionsSeen { get; set; }

    public IReadOnlyList<SuggestedArticle> Suggestions { get; private set; } = [];

    public long MaxPhotoMegabytes => options.Value.MaxAttachmentBytes / (1024 * 1024);

    public const string DevicesKey = "MyDevices";

    public async Task OnGetAsync(string? assetTag, CancellationToken cancellationToken)
    {
        Input.SiteId = await choices.HomeSiteAsync(DirectoryReader.Of(HttpContext), cancellationToken);
        Input.AssetTag = assetTag;
        await LoadChoicesAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        CheckedFile? photo = null;
        if (Photo is { Length: > 0 })
        {
            await using var content = Photo.OpenReadStream();
            var checkedPhoto = await files.CheckAsync(Photo.FileName, content, cancellationToken);
            if (checkedPhoto.Succeeded)
            {
                photo = checkedPhoto.Value;
            }
            else
            {
                foreach (var message in checkedPhoto.Failure.Messages.Append(ChooseAgain))
                {
                    ModelState.AddModelError(nameof(Photo), message);
                }
            }
        }

        if (ModelState.IsValid && !SuggestionsSeen)
        {
            Suggestions = await SuggestAsync($"{Input.Title} {Input.Description}", Input.IssueTypeId, cancellationToken);
            SuggestionsSeen = true;
            if (Suggestions.Count > 0)
            {
                await LoadChoicesAsync(cancellationToken);
                return Page();
            }
        }

        if (ModelState.IsValid)
        {
            var viewer = await viewers.ForAsync(User, cancellationToken);
            var result = await handler.HandleAsync(Input.ToCommand(), viewer, DirectoryReader.Of(HttpContext), cancellationToken);
            if (result.Succeeded)
            {
                if (photo is not null && await finder.FindAsync(result.Value!.Id, viewer, cancellationToken) is { } ticket)
                {
                    await files.AddAsync(ticket, photo, viewer, cancellationToken);
                }

                return Redirect($"/helpdesk/requests/{result.Value!.Number}?{ResponsePromises.SentKey}=1");
            }

            if (this.Refuse(result.Failure) is { } refused)
            {
                return refused;
            }
        }

        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    /// <summary>The suggestions for what has been typed so far, as the fragment the page's script puts under the form.</summary>
    public async Task<IActionResult> OnGetSuggestionsAsync(string? text, int? issueTypeId, CancellationToken cancellationToken) =>
        Partial(SuggestionsPartial, await SuggestAsync(text ?? "", issueTypeId, cancellationToken));

    public IEnumerable<string> ErrorsFor(string key) =>
        ModelState.TryGetValue(key, out var entry) ? entry.Errors.Select(e => e.ErrorMessage) : [];

    private async Task<IReadOnlyList<SuggestedArticle>> SuggestAsync(string text, int? issueTypeId, CancellationToken cancellationToken)
    {
        var suggestions = new List<SuggestedArticle>();
        foreach (var source in knowledge)
        {
            suggestions.AddRange(await source.SuggestAsync(text, issueTypeId, User, SuggestionCount, cancellationToken));
        }

        return suggestions.Take(SuggestionCount).ToList();
    }

    /// <summary>The sites and issue types, and the requester's own devices first in the device field (as Incident IQ does).</summary>
    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        ViewData[TicketChoices.Key] = await choices.LoadAsync(cancellationToken);
        ViewData[DevicesKey] = User.PersonId() is { } person ? await devices.HeldByAsync(person, cancellationToken) : [];
    }
}
