using CooperaNet.Application.Guidelines;
using CooperaNet.Domain.Guidelines;
using CooperaNet.Web.Features.Guidelines;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using CooperaNet.Web.Pages.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Guidelines;

/// <summary>A draft's title and Markdown body in each of the four languages.</summary>
public sealed class GuidelineForm
{
    public string? TitleEs { get; set; }

    public string? TitleEn { get; set; }

    public string? TitlePt { get; set; }

    public string? TitleFr { get; set; }

    public string? BodyEs { get; set; }

    public string? BodyEn { get; set; }

    public string? BodyPt { get; set; }

    public string? BodyFr { get; set; }

    public GuidelineVersionInput ToInput() => new(TitleEs, TitleEn, TitlePt, TitleFr, BodyEs, BodyEn, BodyPt, BodyFr);

    public static GuidelineForm From(GuidelineVersion version) => new()
    {
        TitleEs = version.Title.Es,
        TitleEn = version.Title.En,
        TitlePt = version.Title.Pt,
        TitleFr = version.Title.Fr,
        BodyEs = version.Body.Es,
        BodyEn = version.Body.En,
        BodyPt = version.Body.Pt,
        BodyFr = version.Body.Fr,
    };
}

/// <summary>The secretariat rewrites a draft version in the four languages.</summary>
[Authorize(Policy = Policies.Secretariat)]
public sealed class EditGuidelineModel(GuidelineBook book, IStringLocalizer<Program> text) : PageModel
{
    [BindProperty]
    public GuidelineForm Form { get; set; } = new();

    public string Slug { get; private set; } = string.Empty;

    public int Number { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, int number, CancellationToken ct)
    {
        (Slug, Number) = (slug, number);
        if ((await book.FindAsync(slug, participant: true, ct))?.Version(number) is not { IsEditable: true } version)
        {
            return NotFound();
        }

        Form = GuidelineForm.From(version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, int number, CancellationToken ct)
    {
        (Slug, Number) = (slug, number);
        var outcome = await book.RewriteAsync(slug, number, Form.ToInput(), ct);
        if (outcome.NotFound || outcome.Refused is not null)
        {
            return NotFound();
        }

        if (outcome.Succeeded)
        {
            TempData[Notices.Key] = "Guidelines.Done.save";
            return Redirect($"/{UiStrings.CurrentLanguage}{GuidelineRoutes.Version(slug, number)}");
        }

        foreach (var error in outcome.Errors)
        {
            ModelState.AddModelError($"Form.{char.ToUpperInvariant(error.Field[0])}{error.Field[1..]}", Problems.Message(text, error));
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
