using CooperaNet.Application.Events;
using CooperaNet.Web.Features.Events;
using CooperaNet.Web.Features.Experts;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using CooperaNet.Web.Pages.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Events;

/// <summary>A focal point or partner proposes an event; the secretariat publishes or declines it.</summary>
[Authorize(Policy = Policies.ProposesEvents)]
public sealed class ProposeEventModel(EventCalendar calendar, IStringLocalizer<Program> text) : PageModel, IEventFormPage
{
    [BindProperty]
    public EventForm Form { get; set; } = new();

    public string HeadingKey => "Events.Propose";

    public string? LeadKey => "Events.ProposeLead";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await calendar.ProposeAsync(Form.ToInput(), User.UserId()!.Value, ct);
        return EventForm.Answer(this, outcome, "Events.Done.propose", text);
    }
}
