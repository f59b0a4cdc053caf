using System.Globalization;
using CooperaNet.Application.Events;
using CooperaNet.Domain.Events;
using CooperaNet.Web.Features.Events;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using CooperaNet.Web.Pages.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Events;

/// <summary>The event form's fields; materials are typed one per line as "Title | https://...".</summary>
public sealed class EventForm
{
    public const string Prefix = "Form";

    public string? Kind { get; set; }

    public string? Title { get; set; }

    public string? Description { get; set; }

    public string? CoOrganisers { get; set; }

    public string? OnlineUrl { get; set; }

    public string? Venue { get; set; }

    public string? City { get; set; }

    public string? Country { get; set; }

    public string? TimeZone { get; set; } = "America/Bogota";

    public DateTime? Start { get; set; }

    public DateTime? End { get; set; }

    public int? Capacity { get; set; }

    public string? Materials { get; set; }

    public EventInput ToInput() => new(
        Kind, Title, Description, CoOrganisers, OnlineUrl, Venue, City, Country, TimeZone, Start, End, Capacity,
        (Materials ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('|', 2, StringSplitOptions.TrimEntries))
            .Select(parts => new EventMaterialInput(parts[0], parts.Length > 1 ? parts[1] : null))
            .ToList());

    public static EventForm From(Event item) => new()
    {
        Kind = item.Kind.ToString().ToLowerInvariant(),
        Title = item.Title,
        Description = item.Description,
        CoOrganisers = item.CoOrganisers,
        OnlineUrl = item.OnlineUrl,
        Venue = item.Venue,
        City = item.City,
        Country = item.CountryCode,
        TimeZone = item.TimeZoneId,
        Start = item.LocalStart.DateTime,
        End = item.LocalEnd.DateTime,
        Capacity = item.Capacity,
        Materials = string.Join('\n', item.Materials.Select(m => $"{m.Title} | {m.Url}")),
    };

    /// <summary>The form field a validation error belongs to: "materials[2].url" → "Form.Materials".</summary>
    /// <summary>
    /// The answer to a posted event form: to the event's page after a save (with <paramref name="done"/> as the
    /// notice), else the form again with each refused field's message, as a 400.
    /// </summary>
    public static IActionResult Answer(PageModel page, EventOutcome outcome, string done, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Event is { } saved)
        {
            page.TempData[Notices.Key] = done;
            return new RedirectResult($"/{UiStrings.CurrentLanguage}{EventRoutes.Page(saved.Id)}");
        }

        foreach (var error in outcome.Errors)
        {
            page.ModelState.AddModelError(FieldOf(error.Field), Problems.Message(text, error));
        }

        page.Response.StatusCode = StatusCodes.Status400BadRequest;
        return page.Page();
    }

    public static string FieldOf(string field)
    {
        var name = field.Split('[', '.')[0];
        return $"{Prefix}.{char.ToUpper(name[0], CultureInfo.InvariantCulture)}{name[1..]}";
    }
}
