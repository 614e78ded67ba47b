using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace DistrictOps.Web.Platform.Ui.TagHelpers;

/// <summary><c>&lt;pager result="Model.Users" /&gt;</c>: previous/next links that keep the current filters.</summary>
[HtmlTargetElement("pager", Attributes = "page,page-count,total", TagStructure = TagStructure.WithoutEndTag)]
public sealed class PagerTagHelper(IStringLocalizer<SharedResource> t) : TagHelper
{
    public int Page { get; set; }

    public int PageCount { get; set; }

    public int Total { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public required ViewContext ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "nav";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "pager");
        output.Attributes.SetAttribute("aria-label", t["Pagination"].Value);

        output.Content.AppendHtml(Link(Page - 1, t["Previous page"], Page > 1));
        output.Content.AppendHtml("<span aria-live=\"polite\">");
        output.Content.Append(t["Page {0} of {1} ({2} in all)", Page, PageCount, Total.ToString("N0", CultureInfo.CurrentCulture)]);
        output.Content.AppendHtml("</span>");
        output.Content.AppendHtml(Link(Page + 1, t["Next page"], Page < PageCount));
    }

    private TagBuilder Link(int page, string text, bool enabled)
    {
        if (!enabled)
        {
            var span = new TagBuilder("span");
            span.AddCssClass("disabled");
            span.Attributes["aria-disabled"] = "true";
            span.InnerHtml.Append(text);
            return span;
        }

        var request = ViewContext.HttpContext.Request;
        var query = request.Query.Where(q => q.Key != "page").ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
        query["page"] = page.ToString(CultureInfo.InvariantCulture);
        var a = new TagBuilder("a");
        a.Attributes["href"] = QueryHelpers.AddQueryString(request.PathBase + request.Path, query);
        a.InnerHtml.Append(text);
        return a;
    }
}
