using CooperaNet.Application.Communications;
using CooperaNet.Domain.Communications;
using CooperaNet.Web.Features.Communications;
using CooperaNet.Web.Features.Experts;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using CooperaNet.Web.Pages.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Communications;

/// <summary>The secretariat changes an audience's description and key message in the four languages.</summary>
[Authorize(Policy = Policies.Secretariat)]
public sealed class EditMessageModel(CommunicationsPlanner planner, IStringLocalizer<Program> text) : PageModel
{
    [BindProperty]
    public MessageForm Form { get; set; } = new();

    public string AudienceKey { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(string audience, CancellationToken ct)
    {
        if (AudienceNames.Parse(audience) is not { } parsed || await planner.MessageAsync(parsed, ct) is not { } item)
        {
            return NotFound();
        }

        AudienceKey = audience;
        Form = MessageForm.From(item);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string audience, CancellationToken ct)
    {
        if (AudienceNames.Parse(audience) is not { } parsed)
        {
            return NotFound();
        }

        AudienceKey = audience;
        var outcome = await planner.SaveMessageAsync(parsed, Form.ToInput(), User.UserId()!.Value, ct);
        if (outcome.Value is not null)
        {
            TempData[Notices.Key] = "Communications.Saved";
            return Redirect($"/{UiStrings.CurrentLanguage}{CommunicationRoutes.Index}#audience-{audience}");
        }

        CommunicationForms.AddErrors(ModelState, text, outcome.Errors);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
