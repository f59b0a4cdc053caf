using Ganss.Xss;
using Markdig;
using Markdig.Syntax;

namespace CooperaNet.Application.Experiences;

/// <summary>
/// Turns an experience's Markdown into HTML that is safe to put in a page. Markdig renders it with raw
/// HTML switched off (a &lt;script&gt; typed in the text comes out as text); HtmlSanitizer then keeps only
/// the elements Markdown itself makes, drops every attribute but href, src, alt and title, keeps links
/// only to http, https and mailto addresses and images only from this site's own experience images.
/// Headings start at h2, under the page's h1.
/// </summary>
public static class ExperienceMarkdown
{
    /// <summary>Where an experience's uploaded images are served; the only images the body may show.</summary>
    public const string ImagePath = "/api/v1/experiences/";

    private static readonly string[] LinkSchemes = ["http", "https", "mailto"];

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return string.Empty;
        }

        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Min(heading.Level + 1, 6);
        }

        return Sanitizer.Sanitize(document.ToHtml(Pipeline));
    }

    /// <summary>True for an absolute http, https or mailto address.</summary>
    public static bool IsAllowedLink(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && LinkSchemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase);

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "em", "strong", "a", "ul", "ol", "li", "blockquote", "code", "pre", "hr",
                "h2", "h3", "h4", "h5", "h6", "img", "table", "thead", "tbody", "tr", "th", "td", "del",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src", "alt", "title", "start" },
            AllowedSchemes = new HashSet<string>(LinkSchemes, StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        });
        sanitizer.KeepChildNodes = true;
        sanitizer.FilterUrl += (_, e) =>
        {
            var isImage = string.Equals(e.Tag.TagName, "img", StringComparison.OrdinalIgnoreCase);
            var allowed = isImage
                ? e.OriginalUrl.StartsWith(ImagePath, StringComparison.Ordinal) && !e.OriginalUrl.Contains("//", StringComparison.Ordinal)
                : IsAllowedLink(e.OriginalUrl);
            if (!allowed)
            {
                e.SanitizedUrl = null;
            }
        };
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is not AngleSharp.Dom.IElement element)
            {
                return;
            }

            if (element.LocalName == "img" && !element.HasAttribute("src"))
            {
                // An image from elsewhere is not shown: its description stays, as text.
                e.ReplacementNodes.Add(e.Document.CreateTextNode(element.GetAttribute("alt") ?? string.Empty));
            }
            else if (element.LocalName == "a")
            {
                if (element.HasAttribute("href"))
                {
                    element.SetAttribute("rel", "nofollow noopener noreferrer");
                }
                else
                {
                    e.ReplacementNodes.Add(e.Document.CreateTextNode(element.TextContent));
                }
            }
        };
        return sanitizer;
    }
}
