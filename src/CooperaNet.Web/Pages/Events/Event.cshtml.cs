using CooperaNet.Application.Events;
using CooperaNet.Domain.Events;
using CooperaNet.Web.Features.Events;
using CooperaNet.Web.Features.Experts;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using CooperaNet.Web.Pages.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CooperaNet.Web.Pages.Events;

/// <summary>One event: when (in its own time zone), where, who organises it, registration and materials.</summary>
public sealed class EventModel(EventCalendar calendar, IAuthorizationService auth) : PageModel
{
    public Event Item { get; private set; } = null!;

    public bool IsSecretariat { get; private set; }

    public bool IsRegistered { get; private set; }

    /// <summary>The signed-in user's place on the waiting list (1 is next), or null when they do not wait.</summary>
    public int? WaitingPosition { get; private set; }

    /// <summary>How many wait for a place.</summary>
    public int Waiting { get; private set; }

    public string? Notice { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Notice = Notices.Take(this);
        return await ShowAsync(id, ct) ? Page() : NotFound();
    }

    /// <summary>Takes a place for the signed-in user.</summary>
    public Task<IActionResult> OnPostRegisterAsync(Guid id, CancellationToken ct) =>
        SignedInAsync(id, userId => calendar.RegisterAsync(id, userId, ct), "Events.Done.register", ct);

    /// <summary>Gives the signed-in user's place back.</summary>
    public Task<IActionResult> OnPostUnregisterAsync(Guid id, CancellationToken ct) =>
        SignedInAsync(id, userId => calendar.UnregisterAsync(id, userId, ct), "Events.Done.unregister", ct);

    public Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct) => SecretariatAsync(id, publish: true, ct);

    public Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct) => SecretariatAsync(id, publish: false, ct);

    public Task<IActionResult> OnPostDeclineAsync(Guid id, CancellationToken ct) => SecretariatAsync(id, publish: null, ct);

    private async Task<IActionResult> SignedInAsync(Guid id, Func<Guid, Task<EventOutcome>> act, string done, CancellationToken ct)
    {
        if (User.UserId() is not { } userId)
        {
            return Challenge();
        }

        return await AnswerAsync(id, await act(userId), done, ct);
    }

    /// <summary>Publishes (true), cancels (false) or declines (null) the event.</summary>
    private async Task<IActionResult> SecretariatAsync(Guid id, bool? publish, CancellationToken ct)
    {
        var allowed = await auth.AuthorizeAsync(User, Policies.Secretariat);
        if (!allowed.Succeeded)
        {
            return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        }

        var outcome = publish is { } move ? await calendar.MoveAsync(id, move, ct) : await calendar.DeclineAsync(id, ct);
        return await AnswerAsync(id, outcome, publish switch { true => "Events.Done.publish", false => "Events.Done.cancel", null => "Events.Done.decline" }, ct);
    }

    private async Task<IActionResult> AnswerAsync(Guid id, EventOutcome outcome, string done, CancellationToken ct)
    {
        if (outcome.Event is not null)
        {
            TempData[Notices.Key] = outcome.Waiting ? "Events.Done.waiting" : done;
            return Redirect($"/{UiStrings.CurrentLanguage}{EventRoutes.Page(id)}");
        }

        if (outcome.NotFound || !await ShowAsync(id, ct))
        {
            return NotFound();
        }

        Problem = "Error." + outcome.Refused!.Code;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<bool> ShowAsync(Guid id, CancellationToken ct)
    {
        IsSecretariat = (await auth.AuthorizeAsync(User, Policies.Secretariat)).Succeeded;
        if (await calendar.FindAsync(id, IsSecretariat, User.UserId(), ct) is not { } item)
        {
            return false;
        }

        Item = item;
        if (User.UserId() is { } userId && await calendar.RegistrationOfAsync(id, userId, ct) is { } mine)
        {
            IsRegistered = true;
            WaitingPosition = mine.Waiting ? mine.Position : null;
        }

        Waiting = item.Capacity is null ? 0 : await calendar.WaitingCountAsync(id, ct);
        return true;
    }
}
