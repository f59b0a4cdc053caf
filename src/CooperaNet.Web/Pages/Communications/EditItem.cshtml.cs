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

/// <summary>The secretariat adds an item to a semester's plan or changes one (its status included).</summary>
[Authorize(Policy = Policies.Secretariat)]
public sealed class EditItemModel(CommunicationsPlanner planner, IStringLocalizer<Program> text) : PageModel
{
    [BindProperty]
    public ItemForm Form { get; set; } = new();

    public Guid? Id { get; private set; }

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
            if (Plan.Items.FirstOrDefault(i => i.Id == existing) is not { } item)
            {
                return NotFound();
            }

            Form = ItemForm.From(item);
        }
        else
        {
            Form.PlannedOn = Plan.Start;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int year, int half, Guid? id, CancellationToken ct)
    {
        var outcome = await planner.SaveItemAsync(year, half, id, Form.ToInput(), ct);
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
