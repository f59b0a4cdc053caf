using System.Globalization;
using CooperaNet.Application.Events;
using CooperaNet.Domain.Events;
using CooperaNet.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CooperaNet.Web.Pages.Events;

/// <summary>
/// One month as a calendar table, weeks from Monday; each event is placed on the day it starts in its
/// own time zone. The month comes from the path ("2026-11") or <c>?month=</c>, else the current one.
/// </summary>
public sealed class EventsMonthModel(EventCalendar calendar, IAuthorizationService auth, TimeProvider clock) : PageModel
{
    public DateOnly Month { get; private set; }

    public DateOnly Today { get; private set; }

    public ILookup<DateOnly, Event> ByDay { get; private set; } = Array.Empty<Event>().ToLookup(e => default(DateOnly));

    /// <summary>The weeks shown, Monday to Sunday, covering the month.</summary>
    public IReadOnlyList<DateOnly[]> Weeks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? month, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        Today = DateOnly.FromDateTime(now.UtcDateTime);
        var text = month ?? Request.Query["month"].ToString();
        if (string.IsNullOrEmpty(text))
        {
            Month = new DateOnly(Today.Year, Today.Month, 1);
        }
        else if (DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) && parsed.Year is >= 2000 and <= 2100)
        {
            Month = parsed;
        }
        else
        {
            return NotFound();
        }

        var first = Month.AddDays(-(((int)Month.DayOfWeek + 6) % 7));
        var last = Month.AddMonths(1).AddDays(-1);
        var weeks = new List<DateOnly[]>();
        for (var start = first; start <= last; start = start.AddDays(7))
        {
            weeks.Add(Enumerable.Range(0, 7).Select(start.AddDays).ToArray());
        }

        Weeks = weeks;
        var isSecretariat = (await auth.AuthorizeAsync(User, Policies.Secretariat)).Succeeded;
        var from = new DateTimeOffset(Month.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(-1);
        var to = new DateTimeOffset(Month.AddMonths(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(1);
        var events = await calendar.BetweenAsync(from, to, isSecretariat, ct);
        ByDay = events.ToLookup(e => DateOnly.FromDateTime(e.LocalStart.DateTime));
        return Page();
    }
}
