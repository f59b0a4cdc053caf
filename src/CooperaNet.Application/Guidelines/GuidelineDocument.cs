using System.Text;
using CooperaNet.Application.Experiences;
using CooperaNet.Application.Reports.Rendering;
using CooperaNet.Domain.Guidelines;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CooperaNet.Application.Guidelines;

/// <summary>The words around a guideline's text in the reader's language, given by the caller.</summary>
/// <param name="Subtitle">The line under the title: version, status and date, already written.</param>
/// <param name="Purpose">The heading of the purpose section.</param>
/// <param name="PurposeText">The guideline's purpose.</param>
/// <param name="DraftMark">Shown on every page of a version not published; null on a published one.</param>
/// <param name="Footer">The footer's text.</param>
/// <param name="PageOf">"Page {0} of {1}" in the language.</param>
public sealed record GuidelineDocumentText(string Subtitle, string Purpose, string PurposeText, string? DraftMark, string Footer, string PageOf);

/// <summary>
/// A guideline's version in one language, as HTML for its page (Markdown rendered the way experiences are:
/// raw HTML off, sanitized) and as a report document for the PDF writer: each "##" heading starts a section,
/// paragraphs and lists follow as text.
/// </summary>
public static class GuidelineDocument
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public static string Html(string? markdown) => ExperienceMarkdown.ToHtml(markdown);

    public static ReportDocument Report(GuidelineVersion version, string language, GuidelineDocumentText text)
    {
        var title = version.Title.Resolve(language).Text;
        var sections = new List<ReportSection> { new(text.Purpose, [new ReportParagraph(text.PurposeText)]) };
        var heading = title;
        var blocks = new List<ReportBlock>();
        foreach (var block in Markdown.Parse(version.Body.Resolve(language).Text, Pipeline))
        {
            switch (block)
            {
                case HeadingBlock h:
                    if (blocks.Count > 0)
                    {
                        sections.Add(new ReportSection(heading, blocks));
                    }

                    heading = Inline(h.Inline);
                    blocks = [];
                    break;
                case ListBlock list:
                    blocks.Add(new ReportList(list.OfType<ListItemBlock>().Select(item => string.Join(' ', item.Descendants<ParagraphBlock>().Select(p => Inline(p.Inline)))).ToList()));
                    break;
                case LeafBlock leaf when leaf.Inline is not null:
                    blocks.Add(new ReportParagraph(Inline(leaf.Inline)));
                    break;
                case LeafBlock leaf:
                    blocks.Add(new ReportParagraph(leaf.Lines.ToString()));
                    break;
                case ContainerBlock container:
                    blocks.AddRange(container.Descendants<ParagraphBlock>().Select(p => new ReportParagraph(Inline(p.Inline))));
                    break;
            }
        }

        sections.Add(new ReportSection(heading, blocks));
        return new ReportDocument(language, title, text.Subtitle, text.DraftMark, sections, text.Footer, text.PageOf);
    }

    /// <summary>The plain text of a run of inlines: emphasis and links keep their words.</summary>
    private static string Inline(ContainerInline? inline)
    {
        var builder = new StringBuilder();
        foreach (var item in inline?.Descendants() ?? [])
        {
            switch (item)
            {
                case LiteralInline literal:
                    builder.Append(literal.Content);
                    break;
                case CodeInline code:
                    builder.Append(code.Content);
                    break;
                case LineBreakInline:
                    builder.Append(' ');
                    break;
            }
        }

        return builder.ToString().Trim();
    }
}

/// <summary>The differences between two versions of a guideline in one language.</summary>
public static class GuidelineComparison
{
    /// <summary>The title's and the body's differences from version <paramref name="from"/> to <paramref name="to"/>; null when either is not among the guideline's versions.</summary>
    public static (IReadOnlyList<DiffPiece> Title, IReadOnlyList<DiffPiece> Body)? Compare(Guideline guideline, int from, int to, string language)
    {
        if (guideline.Version(from) is not { } before || guideline.Version(to) is not { } after)
        {
            return null;
        }

        return (TextDiff.Compare(before.Title.In(language), after.Title.In(language)), TextDiff.Compare(before.Body.In(language), after.Body.In(language)));
    }
}
