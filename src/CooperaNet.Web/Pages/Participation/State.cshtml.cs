using System.Globalization;
using CooperaNet.Application.Participation;
using CooperaNet.Web.Features.Catalog;
using CooperaNet.Web.Features.Participation;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;

namespace CooperaNet.Web.Pages.Participation;

/// <summary>The secretariat's view of one state: its entries, focal points, answers to matches, autonomy and trend.</summary>
[Authorize(Policy = Policies.Secretariat)]
public sealed class ParticipationStateModel(ParticipationViews views, Application.Data.CooperaNetDbContext db, IMemoryCache cache) : PageModel
{
    public StateParticipationReport Report { get; private set; } = null!;

    public string StateName { get; private set; } = string.Empty;

    public bool IsQuiet { get; private set; }

    public int QuietAfterDays => views.Options.QuietAfterDays;

    public TrendChart Chart { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var upper = code.ToUpperInvariant();
        if (upper != code)
        {
            return RedirectPermanent($"/{UiStrings.CurrentLanguage}{ParticipationRoutes.State(upper)}");
        }

        if (await views.ReportAsync(code, ct) is not { } report)
        {
            return NotFound();
        }

        Report = report;
        StateName = (await CatalogLookups.LoadAsync(db, cache, UiStrings.CurrentLanguage)).StateName(code);
        IsQuiet = report.LastActivityAt is not { } last || last < views.Now.AddDays(-QuietAfterDays);
        Chart = new TrendChart(report.Months);
        return Page();
    }

    public static string Percent(double? share) => share is { } s ? s.ToString("P0", CultureInfo.CurrentCulture) : "–";

    public static string Month(MonthFigure month) =>
        new DateTime(month.Year, month.Month, 1, 0, 0, 0, DateTimeKind.Utc).ToString("MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>The month's abbreviated name, under its bar.</summary>
    public static string MonthShort(MonthFigure month) =>
        new DateTime(month.Year, month.Month, 1, 0, 0, 0, DateTimeKind.Utc).ToString("MMM", CultureInfo.CurrentCulture);
}

/// <summary>The bars of the monthly trend: entries published, split into the state's own and the secretariat's.</summary>
public sealed class TrendChart(IReadOnlyList<MonthFigure> months)
{
    public const double Width = 640;
    public const double Height = 220;
    public const double Left = 36;
    public const double Bottom = 30;
    private const double Top = 10;

    public IReadOnlyList<MonthFigure> Months => months;

    /// <summary>The axis maximum: the largest month rounded up to an even number, at least 2.</summary>
    public int Max { get; } = Math.Max(2, (months.Count == 0 ? 0 : months.Max(m => m.Autonomy.Published) + 1) / 2 * 2);

    public double Slot => (Width - Left) / Math.Max(1, months.Count);

    public double BarWidth => Slot * 0.7;

    public double X(int index) => Left + (index * Slot) + ((Slot - BarWidth) / 2);

    public double Y(double value) => Top + ((Height - Bottom - Top) * (1 - (value / Max)));

    public double BarHeight(double value) => Y(0) - Y(value);

    public static string N(double value) => Math.Round(value, 1).ToString(CultureInfo.InvariantCulture);
}
