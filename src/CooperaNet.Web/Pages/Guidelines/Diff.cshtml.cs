using CooperaNet.Application.Guidelines;
using CooperaNet.Domain.Guidelines;
using CooperaNet.Web.Features.Guidelines;
using CooperaNet.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Guidelines;

/// <summary>What changed between two versions of a guideline, in the page's language, word by word.</summary>
public sealed class GuidelineDiffModel(GuidelineBook book, IAuthorizationService auth) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? To { get; set; }

    public Guideline Guideline { get; private set; } = null!;

    public IReadOnlyList<DiffPiece> Title { get; private set; } = [];

    public IReadOnlyList<DiffPiece> Body { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await book.FindAsync(slug, await auth.IsParticipantAsync(User), ct) is not { } guideline)
        {
            return NotFound();
        }

        Guideline = guideline;
        From ??= guideline.Versions.Min(v => v.Number);
        To ??= guideline.Versions.Max(v => v.Number);
        if (GuidelineComparison.Compare(guideline, From.Value, To.Value, UiStrings.CurrentLanguage) is not { } diff)
        {
            return NotFound();
        }

        (Title, Body) = diff;
        return Page();
    }

    public int Count(DiffKind kind) => Title.Concat(Body).Count(p => p.Kind == kind);

    /// <summary>
    /// The runs as HTML, built here rather than in the view so no template whitespace gets between them:
    /// insertions in &lt;ins&gt;, deletions in &lt;del&gt;, each also announced in words (visually hidden)
    /// so a change is not told by colour or line style alone.
    /// </summary>
    public static IHtmlContent Render(IEnumerable<DiffPiece> pieces, IStringLocalizer text)
    {
        var html = new HtmlContentBuilder();
        foreach (var piece in pieces)
        {
            var (tag, start, end) = piece.Kind switch
            {
                DiffKind.Inserted => ("ins", "Guidelines.Diff.InsertedStart", "Guidelines.Diff.InsertedEnd"),
                DiffKind.Deleted => ("del", "Guidelines.Diff.DeletedStart", "Guidelines.Diff.DeletedEnd"),
                _ => (null, null, null),
            };
            if (tag is null)
            {
                html.Append(piece.Text);
                continue;
            }

            html.AppendHtml($"<{tag}><span class=\"visually-hidden\">").Append(text[start!] + " ").AppendHtml("</span>")
                .Append(piece.Text)
                .AppendHtml("<span class=\"visually-hidden\">").Append(" " + text[end!]).AppendHtml($"</span></{tag}>");
        }

        return html;
    }
}
