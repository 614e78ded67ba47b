using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace DistrictOps.Web.Platform.Ui.TagHelpers;

/// <summary>
/// <c>&lt;field for="Input.Email" /&gt;</c>: the one way a form field is drawn — label, control, hint and
/// error, tied together with <c>aria-describedby</c> and <c>aria-invalid</c>.
/// </summary>
[HtmlTargetElement("field", Attributes = "for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper(IHtmlGenerator generator) : TagHelper
{
    public required ModelExpression For { get; set; }

    /// <summary>Options; when set the field is a select.</summary>
    public IEnumerable<SelectListItem>? Items { get; set; }

    public string? Hint { get; set; }

    /// <summary>The input type: text (default), email, password, search, number, date.</summary>
    public string? Type { get; set; }

    public string? Autocomplete { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public required ViewContext ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var fullName = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = TagBuilder.CreateSanitizedId(fullName, "_");
        var hasError = ViewContext.ViewData.ModelState.TryGetValue(fullName, out var entry) && entry.Errors.Count > 0;
        var hintId = id + "-hint";
        var errorId = id + "-error";
        var describedBy = string.Join(' ', new[] { Hint is null ? null : hintId, hasError ? errorId : null }.OfType<string>());

        var attributes = new Dictionary<string, object>();
        if (describedBy.Length > 0)
        {
            attributes["aria-describedby"] = describedBy;
        }

        if (hasError)
        {
            attributes["aria-invalid"] = "true";
        }

        if (For.Metadata.IsRequired && For.Metadata.ModelType != typeof(bool))
        {
            attributes["required"] = "required";
        }

        if (Autocomplete is not null)
        {
            attributes["autocomplete"] = Autocomplete;
        }

        TagBuilder control;
        if (Items is not null)
        {
            control = generator.GenerateSelect(ViewContext, For.ModelExplorer, optionLabel: null, For.Name, Items, allowMultiple: false, attributes);
        }
        else if (Type == "password")
        {
            control = generator.GeneratePassword(ViewContext, For.ModelExplorer, For.Name, value: null, attributes);
        }
        else
        {
            attributes["type"] = Type ?? "text";
            control = generator.GenerateTextBox(ViewContext, For.ModelExplorer, For.Name, For.Model, format: null, attributes);
        }

        var label = generator.GenerateLabel(ViewContext, For.ModelExplorer, For.Name, labelText: null, htmlAttributes: null);
        var error = generator.GenerateValidationMessage(ViewContext, For.ModelExplorer, For.Name, message: null, tag: "span",
            htmlAttributes: new Dictionary<string, object> { ["id"] = errorId, ["class"] = "field-error" });

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "field");
        output.Content.AppendHtml(label);
        if (Hint is not null)
        {
            output.Content.AppendHtml($"<span class=\"hint\" id=\"{hintId}\">");
            output.Content.Append(Hint);
            output.Content.AppendHtml("</span>");
        }

        output.Content.AppendHtml(control);
        output.Content.AppendHtml(error);
    }
}
