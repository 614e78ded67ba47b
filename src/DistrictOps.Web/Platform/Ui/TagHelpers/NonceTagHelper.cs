using DistrictOps.Web.Platform.Http;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace DistrictOps.Web.Platform.Ui.TagHelpers;

/// <summary>Gives every <c>&lt;script&gt;</c> and <c>&lt;style&gt;</c> in a page this request's nonce, so the Content-Security-Policy lets it run.</summary>
[HtmlTargetElement("script")]
[HtmlTargetElement("style")]
public sealed class NonceTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output) =>
        output.Attributes.SetAttribute("nonce", ViewContext.HttpContext.CspNonce());
}
