using DistrictOps.Web.Platform.Ui;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace DistrictOps.Web.Modules.Helpdesk.Tickets;

/// <summary>
/// <c>&lt;service-level breached="…" paused="…" due-soon="…" due="…"&gt;&lt;instant at="…" relative /&gt;&lt;/service-level&gt;</c>:
/// a ticket's next deadline as a tag in a list, its state in words and colour (breached, due soon, due, paused), the
/// deadline itself in the child content. Nothing is shown when no deadline runs.
/// </summary>
[HtmlTargetElement("service-level")]
public sealed class ServiceLevelTagHelper(IStringLocalizer<SharedResource> t) : TagHelper
{
    public bool Breached { get; set; }

    public bool Paused { get; set; }

    public bool DueSoon { get; set; }

    public DateTimeOffset? Due { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var (css, label) = (Breached, Paused, DueSoon, Due) switch
        {
            (true, _, _, _) => ("sl-breached", "Breached"),
            (_, true, _, _) => ("sl-paused", "Paused"),
            (_, _, true, not null) => ("sl-soon", "Due soon"),
            (_, _, _, not null) => ("sl-ok", "Due"),
            _ => (null, null),
        };
        if (css is null)
        {
            output.SuppressOutput();
            return;
        }

        var deadline = Paused ? null : await output.GetChildContentAsync();
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "tag " + css);
        output.Content.SetContent(t[label!]);
        if (deadline is { IsEmptyOrWhiteSpace: false })
        {
            output.Content.AppendHtml(" ");
            output.Content.AppendHtml(deadline);
        }
    }
}
