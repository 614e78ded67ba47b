using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace DistrictOps.Web.Modules.Helpdesk.Tickets;

/// <summary>
/// <c>&lt;ticket-status status="Pending" /&gt;</c>: the one way a ticket's status is shown, a tag whose colour and border
/// differ per status and which always carries the word. <c>for-requester</c> uses the requester's words (<see cref="StatusText"/>).
/// </summary>
[HtmlTargetElement("ticket-status", Attributes = "status", TagStructure = TagStructure.WithoutEndTag)]
public sealed class TicketStatusTagHelper(IStringLocalizer<SharedResource> t) : TagHelper
{
    public string Status { get; set; } = "";

    public bool ForRequester { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "tag status-" + Status.ToLowerInvariant());
        output.Content.SetContent(t[ForRequester ? StatusText.For(Status) : Status]);
    }
}
