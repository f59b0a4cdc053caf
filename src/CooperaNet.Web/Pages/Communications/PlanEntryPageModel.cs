using CooperaNet.Application.Communications;
using CooperaNet.Domain.Communications;
using CooperaNet.Web.Features.Communications;
using CooperaNet.Web.Localization;
using CooperaNet.Web.Pages.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Communications;

/// <summary>
/// The secretariat adds an entry (an item or a content piece) to a semester's plan or changes one: the same
/// page flow for both; the subclass says how to find an entry in the plan and how to save one.
/// </summary>
public abstract class PlanEntryPageModel<TForm, TEntry>(CommunicationsPlanner planner, IStringLocalizer text) : PageModel
    where TForm : class, IPlanEntryForm, new()
    where TEntry : class
{
    [BindProperty]
    public TForm Form { get; set; } = new();

    public Guid? Id { get; private set; }

    public CommunicationPlan Plan { get; private set; } = null!;

    public IReadOnlyList<Channel> Channels { get; private set; } = [];

    protected CommunicationsPlanner Planner => planner;

    public async Task<IActionResult> OnGetAsync(int year, int half, Guid? id, CancellationToken ct)
    {
        if (!await LoadAsync(year, half, id, ct))
        {
            return NotFound();
        }

        if (id is { } existing)
        {
            if (FormOf(Plan, existing) is not { } form)
            {
                return NotFound();
            }

            Form = form;
        }
        else
        {
            Form.PlannedOn = Plan.Start;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int year, int half, Guid? id, CancellationToken ct)
    {
        var outcome = await SaveAsync(year, half, id, ct);
        if (outcome.NotFound || !await LoadAsync(year, half, id, ct))
        {
            return NotFound();
        }

        if (outcome.Value is not null)
        {
            TempData[Notices.Key] = "Communications.Saved";
            return Redirect($"/{UiStrings.CurrentLanguage}{CommunicationRoutes.Plan(year, half)}");
        }

        CommunicationForms.AddErrors(ModelState, text, outcome.Errors);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>The form filled from the plan's entry <paramref name="id"/>, or null when the plan has none.</summary>
    protected abstract TForm? FormOf(CommunicationPlan plan, Guid id);

    /// <summary>Saves the posted form as a new entry, or as entry <paramref name="id"/>.</summary>
    protected abstract Task<CommunicationOutcome<TEntry>> SaveAsync(int year, int half, Guid? id, CancellationToken ct);

    private async Task<bool> LoadAsync(int year, int half, Guid? id, CancellationToken ct)
    {
        Id = id;
        if (await planner.PlanAsync(year, half, ct) is not { } plan)
        {
            return false;
        }

        Plan = plan;
        Channels = (await planner.ChannelsAsync(ct)).Where(c => c.Active || c.Id == Form.ChannelId).ToList();
        return true;
    }
}
