using CooperaNet.Application.Communications;
using CooperaNet.Web.Features.Communications;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using CooperaNet.Web.Pages.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Communications;

/// <summary>The secretariat adds a channel or changes one (or sets it inactive).</summary>
[Authorize(Policy = Policies.Secretariat)]
public sealed class EditChannelModel(CommunicationsPlanner planner, IStringLocalizer<Program> text) : PageModel
{
    [BindProperty]
    public ChannelForm Form { get; set; } = new();

    public Guid? Id { get; private set; }

    /// <summary>The audience checkboxes with their error, if any.</summary>
    public AudienceChecks Checks =>
        new(Form.Audiences, ModelState.TryGetValue("Form.Audiences", out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null);

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        if (id is { } existing)
        {
            if (await planner.ChannelAsync(existing, ct) is not { } item)
            {
                return NotFound();
            }

            Form = ChannelForm.From(item);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        var outcome = await planner.SaveChannelAsync(id, Form.ToInput(), ct);
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (outcome.Value is not null)
        {
            TempData[Notices.Key] = "Communications.Saved";
            return Redirect($"/{UiStrings.CurrentLanguage}{CommunicationRoutes.Channels}");
        }

        CommunicationForms.AddErrors(ModelState, text, outcome.Errors);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
