using CooperaNet.Application.Data;
using CooperaNet.Application.Experts;
using CooperaNet.Web.Features.Catalog;
using CooperaNet.Web.Features.Experts;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;

namespace CooperaNet.Web.Pages.Experts;

/// <summary>One expert's profile, for the secretariat, with the link to the CV (whose every read is recorded).</summary>
[Authorize(Policy = Policies.Secretariat)]
public sealed class ExpertModel(ExpertCommands commands, CooperaNetDbContext db, IMemoryCache cache) : PageModel
{
    public ExpertSummary Summary { get; private set; } = null!;

    public CvInfo? Cv { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await commands.ReadableAsync(User, id, ct) is not { } profile)
        {
            return NotFound();
        }

        var lang = UiStrings.CurrentLanguage;
        Summary = new ExpertSummary(ExpertViews.Of(profile), await CatalogLookups.LoadAsync(db, cache, lang), lang);
        Cv = await commands.CvInfoAsync(profile, ct);
        return Page();
    }
}
