using CooperaNet.Application.Events;
using CooperaNet.Web.Features.Events;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using CooperaNet.Web.Pages.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Events;

/// <summary>A page showing the event form: the form, and the keys of its heading and lead.</summary>
public interface IEventFormPage
{
    EventForm Form { get; }

    string HeadingKey { get; }

    string? LeadKey { get; }
}

/// <summary>The secretariat writes a new event (a draft) or changes one.</summary>
[Authorize(Policy = Policies.Secretariat)]
public sealed class EditEventModel(EventCalendar calendar, IStringLocalizer<Program> text) : PageModel, IEventFormPage
{
    [BindProperty]
    public EventForm Form { get; set; } = new();

    public Guid? Id { get; private set; }

    public string HeadingKey => Id is null ? "Events.New" : "Events.Edit";

    public string? LeadKey => null;

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        if (id is { } existing)
        {
            if (await calendar.FindAsync(existing, withDrafts: true, ct) is not { } item)
            {
                return NotFound();
            }

            Form = EventForm.From(item);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        var outcome = id is { } existing ? await calendar.UpdateAsync(existing, Form.ToInput(), ct) : await calendar.CreateAsync(Form.ToInput(), ct);
        if (outcome.NotFound)
        {
            return NotFound();
        }

        return EventForm.Answer(this, outcome, "Events.Done.save", text);
    }
}
