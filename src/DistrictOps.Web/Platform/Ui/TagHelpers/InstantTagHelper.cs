using System.Globalization;
using DistrictOps.Web.Platform.Time;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace DistrictOps.Web.Platform.Ui.TagHelpers;

/// <summary>
/// <c>&lt;instant at="…" /&gt;</c> shows an instant the one way the app does (<see cref="DistrictTime"/>):
/// <c>&lt;time datetime="2026-12-05T18:14:00Z" title="Sat 5 Dec 2026, 10:14 AM"&gt;</c>. <c>relative</c> shows "3 days ago",
/// <c>school-time-left</c> "in 2 h of school time", child content replaces the visible text, and <c>site</c> uses that site's
/// zone. Whatever is visible, the absolute time is in the element's text for screen readers, not only in the title.
/// A null <c>at</c> renders nothing.
/// </summary>
[HtmlTargetElement("instant", Attributes = "at")]
public sealed class InstantTagHelper(DistrictTime time) : TagHelper
{
    public DateTimeOffset? At { get; set; }

    public bool Relative { get; set; }

    public TimeSpan? SchoolTimeLeft { get; set; }

    public Guid? Site { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        if (At is not { } at)
        {
            output.SuppressOutput();
            return;
        }

        var zone = Site is { } site ? await time.ZoneOfSiteAsync(site) : time.Zone;
        var absolute = time.Absolute(at, zone);
        var content = await output.GetChildContentAsync();
        var text = SchoolTimeLeft is { } left ? DistrictTime.SchoolTimeLeft(left)
            : Relative ? time.Relative(at)
            : null;

        output.TagName = "time";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("datetime", at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        output.Attributes.SetAttribute("title", absolute);
        if (!content.IsEmptyOrWhiteSpace)
        {
            output.Content.SetHtmlContent(content);
        }
        else if (text is not null)
        {
            output.Content.SetContent(text);
        }
        else
        {
            output.Content.SetContent(absolute);
            return;
        }

        output.Content.AppendHtml("<span class=\"visually-hidden\"> (");
        output.Content.Append(absolute);
        output.Content.AppendHtml(")</span>");
    }
}
