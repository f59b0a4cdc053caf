using CooperaNet.Application.Events;
using CooperaNet.Domain.Events;
using CooperaNet.Web.Features.Experts;
using CooperaNet.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CooperaNet.Web.Pages.Events;

/// <summary>The calendar as a list: upcoming events by start, then past ones (with their materials).</summary>
public sealed class EventsIndexModel(EventCalendar calendar, IAuthorizationService auth, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Event> Upcoming { get; private set; } = [];

    public IReadOnlyList<Event> Past { get; private set; } = [];

    public bool IsSecretariat { get; private set; }

    /// <summary>A focal point or partner, who may propose events.</summary>
    public bool Proposes { get; private set; }

    /// <summary>The events the signed-in focal point or partner proposed.</summary>
    public IReadOnlyList<Event> Proposals { get; private set; } = [];

    public DateOnly ThisMonth { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        IsSecretariat = (await auth.AuthorizeAsync(User, Policies.Secretariat)).Succeeded;
        (Upcoming, Past) = await calendar.ListAsync(IsSecretariat, ct);
        Proposes = (await auth.AuthorizeAsync(User, Policies.ProposesEvents)).Succeeded;
        if (Proposes && User.UserId() is { } userId)
        {
            Proposals = await calendar.ProposedByAsync(userId, ct);
        }

        var today = clock.GetUtcNow();
        ThisMonth = new DateOnly(today.Year, today.Month, 1);
    }
}
