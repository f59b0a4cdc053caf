using CooperaNet.Application.Data;
using CooperaNet.Domain.Experts;
using CooperaNet.Web.Features.Catalog;
using CooperaNet.Web.Features.Experts;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using CooperaNet.Web.Pages.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.ExpertCalls;

/// <summary>
/// One call: public once published. An expert with a profile applies with a motivation while it is
/// open; the secretariat edits, publishes and closes it (closing asks for a confirmation).
/// </summary>
public sealed class CallModel(CallCommands commands, IAuthorizationService auth, CooperaNetDbContext db, IMemoryCache cache, IStringLocalizer<Program> text, TimeProvider clock) : PageModel
{
    [BindProperty]
    public string? Motivation { get; set; }

    public ExpertCall Call { get; private set; } = null!;

    public CatalogLookups Lookups { get; private set; } = null!;

    public bool IsSecretariat { get; private set; }

    /// <summary>True for a signed-in expert with a profile.</summary>
    public bool IsExpert { get; private set; }

    /// <summary>The signed-in expert's application to this call, when they applied.</summary>
    public MyApplicationView? Mine { get; private set; }

    public bool IsOpen { get; private set; }

    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Notice = Notices.Take(this);
        return await ShowAsync(id, ct);
    }

    public async Task<IActionResult> OnPostApplyAsync(Guid id, CancellationToken ct)
    {
        if (await RefuseAsync(ExpertPolicies.Expert) is { } refused)
        {
            return refused;
        }

        var outcome = await commands.ApplyAsync(User, id, Motivation, ct);
        return await AfterAsync(id, outcome, "Calls.Done.Applied", ct);
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct) =>
        await RefuseAsync(Policies.Secretariat) ?? await AfterAsync(id, await commands.PublishAsync(id, ct), "Calls.Done.Published", ct);

    public async Task<IActionResult> OnPostCloseAsync(Guid id, bool confirm, CancellationToken ct)
    {
        if (await RefuseAsync(Policies.Secretariat) is { } refused)
        {
            return refused;
        }

        if (!confirm)
        {
            ModelState.AddModelError("confirm", text["Calls.Close.ConfirmRequired"]);
            return await ShowAsync(id, ct, StatusCodes.Status400BadRequest);
        }

        return await AfterAsync(id, await commands.CloseAsync(id, ct), "Calls.Done.Closed", ct);
    }

    /// <summary>Sign-in for the anonymous, 403 for a user the policy refuses; null when it agrees.</summary>
    private async Task<IActionResult?> RefuseAsync(string policy) =>
        (await auth.AuthorizeAsync(User, policy)).Succeeded ? null : User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();

    private async Task<IActionResult> AfterAsync(Guid id, CallOutcome outcome, string notice, CancellationToken ct)
    {
        switch (outcome.Refusal)
        {
            case EntryRefusal.None:
                TempData[Notices.Key] = notice;
                return Redirect($"/{UiStrings.CurrentLanguage}{CallRoutes.Call(id)}");
            case EntryRefusal.NotFound:
                return NotFound();
            default:
                // The motivation is the only field of the page; a deadline refused on publishing is the call's, said above the form.
                return await ShowAsync(id, ct, CallRefusal.Show(ModelState, outcome, text, field => field == "motivation" ? nameof(Motivation) : string.Empty));
        }
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        if (await commands.ReadableAsync(User, id, ct) is not { } call)
        {
            return NotFound();
        }

        Call = call;
        IsSecretariat = await commands.IsSecretariatAsync(User);
        IsOpen = call.IsOpenForApplications(clock.GetUtcNow());
        if (await commands.ExpertIdAsync(User, ct) is { } expertId)
        {
            IsExpert = true;
            Mine = (await commands.ApplicationsOfAsync(expertId, ct)).FirstOrDefault(a => a.CallId == id);
        }

        Lookups = await CatalogLookups.LoadAsync(db, cache, UiStrings.CurrentLanguage);
        Response.StatusCode = status;
        return Page();
    }
}
