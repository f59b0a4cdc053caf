using CooperaNet.Application.Data;
using CooperaNet.Application.Experts;
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

namespace CooperaNet.Web.Pages.Experts;

/// <summary>
/// One expert's profile, with the link to the CV (whose every read is recorded): for the secretariat,
/// with all their assignments (each accepted one can be completed here) and evaluations; for a focal
/// point of a state the expert is assigned to, with that state's assignments.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ExpertModel(ExpertCommands commands, AssignmentCommands assignments, CooperaNetDbContext db, IMemoryCache cache, IStringLocalizer<Program> text) : PageModel
{
    public ExpertSummary Summary { get; private set; } = null!;

    public CatalogLookups Lookups => Summary.Lookups;

    public CvInfo? Cv { get; private set; }

    public IReadOnlyList<AssignmentView> Assignments { get; private set; } = [];

    /// <summary>The evaluations, for the secretariat only.</summary>
    public EvaluationsSummary? Evaluations { get; private set; }

    public bool IsSecretariat => User.IsVerifiedSecretariat();

    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Notice = Notices.Take(this);
        return await ShowAsync(id, ct);
    }

    /// <summary>The secretariat marks an accepted mission over.</summary>
    public async Task<IActionResult> OnPostCompleteAsync(Guid id, Guid assignmentId, CancellationToken ct)
    {
        var (profile, refusal) = await commands.ReadAsync(User, id, ct);
        if (profile is null)
        {
            return refusal == EntryRefusal.Forbidden ? Forbid() : NotFound();
        }

        var outcome = await assignments.CompleteAsync(User, assignmentId, ct);
        return AssignmentForms.Answer(this, outcome, assignmentId, "complete", $"/{UiStrings.CurrentLanguage}{ExpertRoutes.Expert(id)}#assignments-title", text)
            ?? await ShowAsync(id, ct);
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct)
    {
        var (profile, refusal) = await commands.ReadAsync(User, id, ct);
        if (profile is null)
        {
            return refusal == EntryRefusal.Forbidden ? Forbid() : NotFound();
        }

        var lang = UiStrings.CurrentLanguage;
        Summary = new ExpertSummary(ExpertViews.Of(profile), await CatalogLookups.LoadAsync(db, cache, lang), lang);
        Cv = await commands.CvInfoAsync(profile, ct);
        Assignments = await assignments.ListAsync(User, id, demandId: null, ct) ?? [];
        Evaluations = IsSecretariat ? await assignments.EvaluationsAsync(id, ct) : null;
        return Page();
    }
}
