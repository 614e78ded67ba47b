using System.ComponentModel.DataAnnotations;
using DistrictOps.Web.Modules.Directory.Contracts;
using DistrictOps.Web.Modules.Helpdesk.Data;
using DistrictOps.Web.Platform.Auth;
using DistrictOps.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Helpdesk.Requests.OpenTicket;

/// <summary>The fields of a new ticket as the ask-for-help and intake pages post them.</summary>
public class TicketForm
{
    [Required(ErrorMessage = "Choose the site where the problem is.")]
    [Display(Name = "Site")]
    public Guid? SiteId { get; set; }

    [Display(Name = "Room or place")]
    [StringLength(Ticket.RoomMaxLength, ErrorMessage = "The room can be at most {1} characters.")]
    public string? Room { get; set; }

    [Required(ErrorMessage = "Choose what kind of problem it is.")]
    [Display(Name = "What kind of problem is it?")]
    public int? IssueTypeId { get; set; }

    [Required(ErrorMessage = "Say in a few words what is wrong.")]
    [StringLength(Ticket.TitleMaxLength, ErrorMessage = "The title can be at most {1} characters.")]
    [Display(Name = "In a few words, what is wrong?")]
    public string? Title { get; set; }

    [Required(ErrorMessage = "Describe the problem: what happened and what you see.")]
    [Display(Name = "What happened, and what do you see?")]
    public string? Description { get; set; }

    public TicketImpact Impact { get; set; } = TicketImpact.Person;

    public TicketUrgency Urgency { get; set; } = TicketUrgency.Medium;

    [Display(Name = "Instruction is disrupted right now")]
    public bool InstructionDisrupted { get; set; }

    [Display(Name = "Which device? (the asset tag on its label)")]
    [StringLength(Ticket.AssetTagMaxLength, ErrorMessage = "The asset tag can be at most {1} characters.")]
    public string? AssetTag { get; set; }

    public OpenTicketCommand ToCommand(TicketChannel channel = TicketChannel.Web, Guid? requesterPersonId = null, string? requesterName = null, string? requesterEmail = null) =>
        new(Title ?? "", Description ?? "", SiteId ?? Guid.Empty, IssueTypeId ?? 0, Impact, Urgency, InstructionDisrupted, channel, Room,
            requesterPersonId, requesterName, requesterEmail, AssetTag);
}

/// <summary>What the ticket form offers: the sites, and the issue types grouped under their top-level type.</summary>
public sealed record TicketChoices(IReadOnlyList<SelectListItem> Sites, IReadOnlyList<SelectListItem> IssueTypes)
{
    public const string Key = nameof(TicketChoices);

    public static IReadOnlyList<(TicketImpact Value, string Text)> Impacts { get; } =
    [
        (TicketImpact.Person, "Just me"),
        (TicketImpact.Class, "My class or a group"),
        (TicketImpact.Site, "The whole school or office"),
        (TicketImpact.District, "Several schools or the district"),
    ];

    public static IReadOnlyList<(TicketUrgency Value, string Text)> Urgencies { get; } =
    [
        (TicketUrgency.Low, "It can wait a few days"),
        (TicketUrgency.Medium, "Soon, but I can work around it"),
        (TicketUrgency.High, "Now: I cannot work or teach"),
    ];
}

public sealed class TicketChoicesLoader(AppDbContext db, ISiteDirectory sites, IPeopleDirectory people)
{
    public async Task<TicketChoices> LoadAsync(CancellationToken cancellationToken = default)
    {
        var siteItems = (await sites.ListAsync(cancellationToken)).Select(s => new SelectListItem(s.Name, s.Id.ToString())).ToList();
        siteItems.Insert(0, new SelectListItem("", ""));
        var issueTypes = await db.Set<IssueType>().AsNoTracking().Where(c => c.Active).OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var byId = issueTypes.ToDictionary(c => c.Id);
        IssueType Root(IssueType c)
        {
            var seen = new HashSet<int>();
            while (c.ParentId is { } parent && byId.TryGetValue(parent, out var up) && seen.Add(c.Id))
            {
                c = up;
            }

            return c;
        }

        var groups = new Dictionary<int, SelectListGroup>();
        var items = new List<SelectListItem> { new("", "") };
        foreach (var issueType in issueTypes)
        {
            var root = Root(issueType);
            if (!groups.TryGetValue(root.Id, out var group))
            {
                groups[root.Id] = group = new SelectListGroup { Name = root.Name };
            }

            var text = issueType.Id == root.Id ? issueType.Name : issueType.Path[(root.Path.Length + IssueTypePath.Separator.Length)..];
            items.Add(new SelectListItem(text, issueType.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)) { Group = group });
        }

        return new TicketChoices(siteItems, items);
    }

    /// <summary>Where the signed-in person most likely is: their directory person's primary site, else their first site.</summary>
    public async Task<Guid?> HomeSiteAsync(DirectoryReader reader, CancellationToken cancellationToken = default)
    {
        if (reader.User.PersonId() is { } personId && await people.FindAsync(personId, reader, cancellationToken) is { PrimarySiteId: { } primary })
        {
            return primary;
        }

        return reader.User.SiteIds() is [var first, ..] ? first : null;
    }
}
