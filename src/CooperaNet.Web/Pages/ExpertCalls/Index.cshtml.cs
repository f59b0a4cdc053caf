using CooperaNet.Application.Data;
using CooperaNet.Domain.Experts;
using CooperaNet.Web.Features.Catalog;
using CooperaNet.Web.Features.Experts;
using CooperaNet.Web.Localization;
using CooperaNet.Web.Pages.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;

namespace CooperaNet.Web.Pages.ExpertCalls;

/// <summary>
/// The calls for experts: anyone sees the published ones still open; a signed-in expert sees where
/// each of their applications is; the secretariat sees drafts and closed calls too, and opens new ones.
/// </summary>
public sealed class CallsIndexModel(CallCommands commands, CooperaNetDbContext db, IMemoryCache cache) : PageModel
{
    public bool IsSecretariat { get; private set; }

    public IReadOnlyList<ExpertCall> Calls { get; private set; } = [];

    /// <summary>The signed-in expert's applications; null for anyone else.</summary>
    public IReadOnlyList<MyApplicationView>? Mine { get; private set; }

    public CatalogLookups Lookups { get; private set; } = null!;

    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Notice = Notices.Take(this);
        IsSecretariat = await commands.IsSecretariatAsync(User);
        Calls = IsSecretariat ? await commands.AllAsync(null, ct) : await commands.OpenAsync(ct);
        if (await commands.ExpertIdAsync(User, ct) is { } expertId)
        {
            Mine = await commands.ApplicationsOfAsync(expertId, ct);
        }

        Lookups = await CatalogLookups.LoadAsync(db, cache, UiStrings.CurrentLanguage);
        return Page();
    }

    public CallCard Card(ExpertCall call, int level) =>
        new(call, Lookups, Mine?.FirstOrDefault(a => a.CallId == call.Id)?.Status, level);
}
