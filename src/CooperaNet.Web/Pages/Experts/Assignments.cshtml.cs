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

namespace CooperaNet.Web.Pages.Experts;

/// <summary>
/// The experts assigned to a focal point's state (all of them for the secretariat): who, for what,
/// when and where it stands, each expert's name linking to the profile the state may now read; the
/// receiving state evaluates completed work here and the secretariat completes accepted missions.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class AssignmentsModel(AssignmentCommands commands, CooperaNetDbContext db, IMemoryCache cache, IStringLocalizer<Program> text) : PageModel
{
    public IReadOnlyList<AssignmentCard> Cards { get; private set; } = [];

    public string? Notice { get; private set; }

    public bool IsSecretariat => User.IsVerifiedSecretariat();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Notice = Notices.Take(this);
        return await ShowAsync(ct);
    }

    /// <summary>A focal point of the receiving state scores the completed work and comments on it.</summary>
    public async Task<IActionResult> OnPostEvaluateAsync(Guid assignmentId, int? score, string? comment, CancellationToken ct) =>
        AssignmentForms.Answer(this, await commands.EvaluateAsync(User, assignmentId, new EvaluationRequest(score, comment), ct), assignmentId, "evaluate", Back, text)
        ?? await ShowAsync(ct);

    /// <summary>The secretariat marks an accepted mission over.</summary>
    public async Task<IActionResult> OnPostCompleteAsync(Guid assignmentId, CancellationToken ct) =>
        AssignmentForms.Answer(this, await commands.CompleteAsync(User, assignmentId, ct), assignmentId, "complete", Back, text)
        ?? await ShowAsync(ct);

    private static string Back => $"/{UiStrings.CurrentLanguage}{ExpertRoutes.Assignments}";

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        if (User.IsInRole(Application.Identity.Roles.Expert))
        {
            // An expert's own assignments are on their profile.
            return Redirect($"/{UiStrings.CurrentLanguage}{ExpertRoutes.Profile}#assignments-title");
        }

        if (await commands.ListAsync(User, expertId: null, demandId: null, ct) is not { } assignments)
        {
            return Forbid();
        }

        var lookups = await CatalogLookups.LoadAsync(db, cache, UiStrings.CurrentLanguage);
        var state = User.FocalPointState();
        Cards = [.. assignments.Select(a => new AssignmentCard(
            a,
            lookups.StateName(a.ReceivingState),
            LinkExpert: IsSecretariat || !a.Is(AssignmentStatus.Declined),
            IsSecretariat && a.Is(AssignmentStatus.Accepted) ? AssignmentActions.Complete
            : state == a.ReceivingState && a.Is(AssignmentStatus.Completed) && a.Evaluation is null ? AssignmentActions.Evaluate
            : AssignmentActions.None))];
        return Page();
    }
}
