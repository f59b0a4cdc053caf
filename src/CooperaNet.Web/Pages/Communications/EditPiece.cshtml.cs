using CooperaNet.Application.Communications;
using CooperaNet.Domain.Communications;
using CooperaNet.Web.Features.Communications;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using CooperaNet.Web.Pages.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Communications;

/// <summary>The secretariat adds a content piece to a semester's plan or changes one.</summary>
[Authorize(Policy = Policies.Secretariat)]
public sealed class EditPieceModel(CommunicationsPlanner planner, IStringLocalizer<Program> text) : PageModel
{
    [BindProperty]
    public PieceForm Form { get; set; } = new();

    public Guid? Id { get; private set; }

    /// <summary>The audience checkboxes with their error, if any.</summary>
    public AudienceChecks Checks =>
        new(Form.Audiences, ModelState.TryGetValue("Form.Audiences", out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null);

    public CommunicationPlan Plan { get; private set; } = null!;

    public IReadOnlyList<Channel> Channels { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int year, int half, Guid? id, CancellationToken ct)
    {
        if (!await LoadAsync(year, half, id, ct))
        {
            return NotFound();
        }

        if (id is { } existing)
        {
            if (Plan.Pieces.FirstOrDefault(i => i.Id == existing) is not { } piece)
            {
                return NotFound();
            }

            Form = PieceForm.From(piece);
        }
        else
        {
            Form.PlannedOn = Plan.Start;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int year, int half, Guid? id, CancellationToken ct)
    {
        var outcome = await planner.SavePieceAsync(year, half, id, Form.ToInput(), ct);
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
