using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CooperaNet.Web.Infrastructure;

/// <summary>Field ids shared by the error summary, the field's message and its input.</summary>
public static class FieldIds
{
    /// <summary>"Input.Email" becomes "Input_Email", the id the input tag helper gives the field.</summary>
    public static string Of(string fieldName) => TagBuilder.CreateSanitizedId(fieldName, "_");

    public static string ErrorOf(string fieldName) => Of(fieldName) + "-error";

    public static IReadOnlyList<string> Errors(ViewContext context, string fieldName) =>
        context.ViewData.ModelState.TryGetValue(fieldName, out var entry)
            ? entry.Errors.Select(e => e.ErrorMessage).Where(m => m.Length > 0).ToList()
            : [];
}

/// <summary>
/// <c>&lt;field-error for="Input.Email" /&gt;</c>: the field's first error, with the id its input
/// points to through aria-describedby; nothing when the field is valid.
/// </summary>
[HtmlTargetElement("field-error", Attributes = "for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldErrorTagHelper : TagHelper
{
    [HtmlAttributeName("for")]
    public required ModelExpression For { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public required ViewContext ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var errors = FieldIds.Errors(ViewContext, For.Name);
        if (errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "p";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "field-error");
        output.Attributes.SetAttribute("id", FieldIds.ErrorOf(For.Name));
        output.Content.SetContent(errors[0]);
    }
}

/// <summary>
/// Marks an invalid input for eyes and screen readers: class "input-error", aria-invalid, and
/// aria-describedby pointing at its <see cref="FieldErrorTagHelper"/> message. Runs after the
/// framework's input tag helper.
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
public sealed class InvalidFieldTagHelper : TagHelper
{
    public override int Order => 100;

    [HtmlAttributeName("asp-for")]
    public required ModelExpression For { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public required ViewContext ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (FieldIds.Errors(ViewContext, For.Name).Count == 0)
        {
            return;
        }

        // Our class replaces the framework's "input-validation-error", which the stylesheet does not know.
        output.RemoveClass("input-validation-error", HtmlEncoder.Default);
        output.AddClass("input-error", HtmlEncoder.Default);
        output.Attributes.SetAttribute("aria-invalid", "true");
        var describedBy = output.Attributes.TryGetAttribute("aria-describedby", out var hint)
            ? $"{hint.Value} {FieldIds.ErrorOf(For.Name)}"
            : FieldIds.ErrorOf(For.Name);
        output.Attributes.SetAttribute("aria-describedby", describedBy);
    }
}
