using System.Globalization;
using CooperaNet.Application.Data;
using CooperaNet.Application.Experts;
using CooperaNet.Web.Features.Catalog;
using CooperaNet.Web.Features.Experts;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using CooperaNet.Web.Pages.Catalog;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Experts;

/// <summary>The secretariat's search of the experts: by words, sector, category, language, country, availability and roster.</summary>
[Authorize(Policy = Policies.Secretariat)]
public sealed class IndexModel(CooperaNetDbContext db, IMemoryCache cache, IStringLocalizer<Program> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sector { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Language { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Availability { get; set; }

    /// <summary>"true", "false" or empty.</summary>
    [BindProperty(SupportsGet = true)]
    public string? InRoster { get; set; }

    [BindProperty(Name = "page", SupportsGet = true)]
    public string? PageNumber { get; set; }

    public RosterPage? Results { get; private set; }

    public CatalogLookups Lookups { get; private set; } = null!;

    public IReadOnlyList<(string Code, string Name)> CountryOptions { get; private set; } = [];

    public Pager? Pager { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var lang = UiStrings.CurrentLanguage;
        Lookups = await CatalogLookups.LoadAsync(db, cache, lang);
        var comparer = StringComparer.Create(CultureInfo.GetCultureInfo(lang), CompareOptions.IgnoreCase);
        CountryOptions = [.. Countries.Codes.Select(c => (c, Countries.NameOf(c, lang))).OrderBy(c => c.Item2, comparer)];

        var page = int.TryParse(PageNumber, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1;
        var query = new RosterQuery
        {
            Q = Q,
            Sector = Sector,
            Category = Category,
            Language = Language,
            Country = Country,
            Availability = Availability,
            InRoster = bool.TryParse(InRoster, out var flag) ? flag : null,
            Page = page,
        };
        var errors = RosterSearch.Check(query);
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                ModelState.AddModelError(char.ToUpperInvariant(error.Field[0]) + error.Field[1..], Problems.Message(text, error));
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Results = await RosterSearch.SearchAsync(db, query, ct);
        Pager = new Pager(Results.Page, Results.PageSize, Results.Total, text["Experts.Roster.Pages"], Link);
        return Page();
    }

    /// <summary>The address of page <paramref name="number"/> with the same filters.</summary>
    public string Link(int number)
    {
        var query = QueryString.Empty;
        foreach (var (name, value) in new[] { ("q", Q), ("sector", Sector), ("category", Category), ("language", Language), ("country", Country), ("availability", Availability), ("inRoster", InRoster) })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query = query.Add(name, value);
            }
        }

        if (number > 1)
        {
            query = query.Add("page", number.ToString(CultureInfo.InvariantCulture));
        }

        return $"/{UiStrings.CurrentLanguage}{ExpertRoutes.Roster}{query}";
    }
}
