using CooperaNet.Application.Data;
using CooperaNet.Domain;
using CooperaNet.Domain.FollowUp;
using CooperaNet.Web.Features.Catalog;
using CooperaNet.Web.Features.FollowUp;
using CooperaNet.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Campaigns;

/// <summary>The campaign form as posted: dates as typed, the reminders' days optional.</summary>
public sealed class CampaignForm
{
    public string? Name { get; set; }

    public string? StartsOn { get; set; }

    public string? EndsOn { get; set; }

    public string? Target { get; set; } = "all";

    public string? Subregion { get; set; }

    public string? States { get; set; }

    public string? MessageEs { get; set; }

    public string? MessageEn { get; set; }

    public string? MessagePt { get; set; }

    public string? MessageFr { get; set; }

    public int? ReminderDays { get; set; } = 14;

    public int? FinalReminderDays { get; set; } = 30;

    public static CampaignForm Of(CampaignView view) => new()
    {
        Name = view.Name,
        StartsOn = view.StartsOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        EndsOn = view.EndsOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Target = view.Target,
        Subregion = view.Subregion,
        States = string.Join(", ", view.States),
        MessageEs = view.Message[Languages.Spanish],
        MessageEn = view.Message[Languages.English],
        MessagePt = view.Message[Languages.Portuguese],
        MessageFr = view.Message[Languages.French],
        ReminderDays = view.Steps.FirstOrDefault(s => s.Kind == "reminder")?.DaysWithoutActivity,
        FinalReminderDays = view.Steps.FirstOrDefault(s => s.Kind == "final-reminder")?.DaysWithoutActivity,
    };
}

/// <summary>What the new and edit pages share: the form, its choices, and turning it into a command's input.</summary>
public abstract class CampaignFormPage(CooperaNetDbContext db, IMemoryCache cache, IStringLocalizer<Program> text) : PageModel
{
    [BindProperty]
    public CampaignForm Form { get; set; } = new();

    public CatalogLookups Lookups { get; private set; } = null!;

    protected IStringLocalizer<Program> Text => text;

    protected async Task LoadAsync() => Lookups = await CatalogLookups.LoadAsync(db, cache, UiStrings.CurrentLanguage);

    /// <summary>The command's input, or null when a date could not be read (the error is on its field).</summary>
    protected CampaignInput? Input()
    {
        var starts = FollowUpForms.Day(Form.StartsOn, "Form.StartsOn", ModelState, text);
        var ends = FollowUpForms.Day(Form.EndsOn, "Form.EndsOn", ModelState, text);
        return ModelState.IsValid
            ? new CampaignInput(Form.Name, starts, ends, Form.Target, Form.Subregion, Form.States, Form.MessageEs, Form.MessageEn, Form.MessagePt, Form.MessageFr, Form.ReminderDays, Form.FinalReminderDays)
            : null;
    }

    protected async Task<IActionResult> Refused(FollowUpResult result)
    {
        switch (result.Refusal)
        {
            case Features.Catalog.EntryRefusal.NotFound:
                return NotFound();
            case Features.Catalog.EntryRefusal.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
            case Features.Catalog.EntryRefusal.Invalid:
                // The steps are written as the reminders' days: their errors belong there.
                FollowUpForms.AddErrors(ModelState, nameof(Form), result.Errors!.Select(e => e.Field == "steps" ? e with { Field = "reminderDays" } : e), text);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
            default:
                ModelState.AddModelError(string.Empty, text["Error." + result.Conflict]);
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
        }

        await LoadAsync();
        return Page();
    }

    public static IReadOnlyList<string> Targets { get; } = FollowUpNames.All<CampaignTarget>();
}
