using CooperaNet.Application.Auditing;
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
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.ExpertCalls;

/// <summary>An application on the vetting page: the summary, the expert's motivation and every review.</summary>
public sealed record VettingRow(ApplicationView Application, string Motivation, IReadOnlyList<ApplicationReview> Reviews, bool ReviewedByMe)
{
    public bool IsDecided => Application.Status is "approved" or "rejected";

    /// <summary>The move forward from here, if any (rejecting is offered apart, with its reason).</summary>
    public string? Next => Application.Status switch
    {
        "received" => "shortlist",
        "shortlisted" => "interview",
        "interviewed" => "approve",
        _ => null,
    };
}

/// <summary>
/// The secretariat vets a call's applications, best mean score first: moves each one (rejecting with
/// a reason), scores it on the four criteria or declares a conflict of interest. The evaluator is the
/// signed-in user.
/// </summary>
[Authorize(Policy = Policies.Secretariat)]
public sealed class ApplicationsModel(CallCommands commands, CooperaNetDbContext db, ICurrentActor actor, IStringLocalizer<Program> text) : PageModel
{
    /// <summary>The four criteria, by the names the API and the domain give them.</summary>
    public static readonly IReadOnlyList<string> Criteria = ["expertiseFit", "experience", "languages", "availability"];

    public ExpertCall Call { get; private set; } = null!;

    public IReadOnlyList<VettingRow> Rows { get; private set; } = [];

    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Notice = Notices.Take(this);
        return await ShowAsync(id, ct);
    }

    public Task<IActionResult> OnPostMoveAsync(Guid id, Guid application, string? move, string? reason, CancellationToken ct) =>
        WriteAsync(id, application, () => commands.MoveAsync(application, new MoveInput(move, reason), ct), "Calls.Done.Moved", ct);

    public Task<IActionResult> OnPostReviewAsync(Guid id, Guid application, int? expertiseFit, int? experience, int? languages, int? availability, string? comment, CancellationToken ct) =>
        WriteAsync(id, application, () => commands.ReviewAsync(application, new ReviewInput(expertiseFit, experience, languages, availability, comment), ct), "Calls.Done.Reviewed", ct);

    public Task<IActionResult> OnPostConflictAsync(Guid id, Guid application, string? note, CancellationToken ct) =>
        WriteAsync(id, application, () => commands.ReviewAsync(application, new ReviewInput(null, null, null, null, null, ConflictOfInterest: true, Note: note), ct), "Calls.Done.Conflict", ct);

    /// <summary>The id of a field of the <paramref name="index"/>th application's forms.</summary>
    public static string FieldId(string field, int index) => $"{field}-{index}";

    /// <summary>Does <paramref name="write"/> when the application is one of this call's; back to the list, or the page with the refusal next to the field.</summary>
    private async Task<IActionResult> WriteAsync(Guid id, Guid application, Func<Task<CallOutcome>> write, string notice, CancellationToken ct)
    {
        if (!await db.CallApplications.AnyAsync(a => a.Id == application && a.CallId == id, ct))
        {
            return NotFound();
        }

        var outcome = await write();
        if (outcome.Refusal == EntryRefusal.None)
        {
            TempData[Notices.Key] = notice;
            return Redirect($"/{UiStrings.CurrentLanguage}{CallRoutes.Applications(id)}#application-{application:N}");
        }

        if (outcome.Refusal == EntryRefusal.NotFound)
        {
            return NotFound();
        }

        var shown = await ShowAsync(id, ct);
        var index = Rows.ToList().FindIndex(r => r.Application.Id == application);
        Response.StatusCode = CallRefusal.Show(ModelState, outcome, text, field => FieldId(field, index));
        return shown;
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct)
    {
        if (await commands.FindAsync(id, ct) is not { } call || await commands.ApplicationsAsync(id, ct) is not { } applications)
        {
            return NotFound();
        }

        Call = call;
        var ids = applications.Select(a => a.Id).ToList();
        var motivations = await db.CallApplications.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Motivation, ct);
        var reviews = (await db.Set<ApplicationReview>().AsNoTracking().Where(r => ids.Contains(r.ApplicationId)).ToListAsync(ct)).OrderBy(r => r.At).ToLookup(r => r.ApplicationId);
        Rows = [.. applications.Select(a => new VettingRow(
            a, motivations.GetValueOrDefault(a.Id, string.Empty), [.. reviews[a.Id]],
            reviews[a.Id].Any(r => string.Equals(r.Evaluator, actor.Name, StringComparison.OrdinalIgnoreCase))))];
        return Page();
    }
}
