using Microsoft.AspNetCore.Razor.TagHelpers;

namespace DistrictOps.Web.Platform.Ui.TagHelpers;

/// <summary><c>&lt;empty-state heading="…"&gt;what to do next&lt;/empty-state&gt;</c>: never a blank table.</summary>
[HtmlTargetElement("empty-state", Attributes = "heading")]
public sealed class EmptyStateTagHelper : TagHelper
{
    public required string Heading { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var body = await output.GetChildContentAsync();
        output.TagName = "section";
        output.Attributes.SetAttribute("class", "empty-state");
        output.Attributes.SetAttribute("aria-label", Heading);
        output.Content.AppendHtml("<h2>");
        output.Content.Append(Heading);
        output.Content.AppendHtml("</h2>");
        output.Content.AppendHtml(body);
    }
}
