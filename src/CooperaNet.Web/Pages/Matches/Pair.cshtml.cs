using CooperaNet.Application.Data;
using CooperaNet.Domain.Crossing;
using CooperaNet.Web.Features.Account;
using CooperaNet.Web.Features.Catalog;
using CooperaNet.Web.Features.Crossing;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using CooperaNet.Web.Pages.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Matches;

/// <summary>
/// One pair: both entries, why they fit, each side's answer, the buttons the user may press (interest,
/// decline with a reason) and, for the secretariat when both agreed, the form that brokers it.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class PairModel(PairCommands commands, PairViews views, CooperaNetDbContext db, IMemoryCache cache, IStringLocalizer<Program> text) : PageModel
{
    public PairView Pair { get; private set; } = null!;

    public IReadOnlyList<PairSide> Sides { get; private set; } = [];

    public bool CanBroker { get; private set; }

    public CatalogLookups Lookups { get; private set; } = null!;

    public string? Notice { get; private set; }

    [BindProperty]
    public BrokerForm Broker { get; set; } = new();

    public string? Reason { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Notice = Notices.Take(this);
        return await ShowAsync(id) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostInterestAsync(Guid id, string? side) =>
        ActAsync(id, "interest", () => commands.InterestAsync(User, id, side));

    public Task<IActionResult> OnPostDeclineAsync(Guid id, string? side, string? reason)
    {
        Reason = reason;
        return ActAsync(id, "decline", () => commands.DeclineAsync(User, id, side, reason));
    }

    public Task<IActionResult> OnPostBrokerAsync(Guid id) =>
        ActAsync(id, "broker", () => commands.BrokerAsync(User, id, new BrokerInput(Broker.Title, Broker.Type, Broker.Modality, Broker.SecondOfferer, Broker.StartsOn, Broker.EndsOn)));

    private async Task<IActionResult> ActAsync(Guid id, string done, Func<Task<CrossingOutcome>> act)
    {
        var outcome = await act();
        switch (outcome.Refusal)
        {
            case EntryRefusal.None:
                TempData[Notices.Key] = "Pages.Pair.Done." + done;
                var lang = UiStrings.CurrentLanguage;
                return Redirect(outcome.Initiative is { } initiative ? $"/{lang}{Routes.Initiative(initiative.Id)}" : $"/{lang}{Routes.Pair(id)}");
            case EntryRefusal.NotFound:
                return NotFound();
            case EntryRefusal.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (!await ShowAsync(id))
        {
            return NotFound();
        }

        if (outcome.Refusal == EntryRefusal.Invalid)
        {
            foreach (var error in outcome.Errors!)
            {
                ModelState.AddModelError(done == "broker" ? "Broker." + char.ToUpperInvariant(error.Field[0]) + error.Field[1..] : error.Field, Problems.Message(text, error));
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else
        {
            ModelState.AddModelError(string.Empty, text["Error." + outcome.Conflict]);
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        return Page();
    }

    private async Task<bool> ShowAsync(Guid id)
    {
        var pair = await commands.ReadAsync(User, id);
        if (pair is null)
        {
            return false;
        }

        var lang = UiStrings.CurrentLanguage;
        Pair = await views.ViewAsync((Pair)pair, lang);
        Sides = await commands.AnswerableSidesAsync(User, (Pair)pair);
        CanBroker = pair.Status == PairStatus.Agreed && User.IsSecretariat();
        Lookups = await CatalogLookups.LoadAsync(db, cache, lang);
        if (CanBroker && string.IsNullOrEmpty(Broker.Title))
        {
            Broker.Title = Pair.Demand.Title;
        }

        return true;
    }

    public sealed class BrokerForm
    {
        public string? Title { get; set; }

        public string? Type { get; set; } = "project";

        public string? Modality { get; set; } = "bilateral";

        public string? SecondOfferer { get; set; }

        public DateOnly? StartsOn { get; set; }

        public DateOnly? EndsOn { get; set; }
    }
}
