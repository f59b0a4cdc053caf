using CooperaNet.Application.Data;
using CooperaNet.Application.Experiences;
using CooperaNet.Domain.Experiences;
using CooperaNet.Web.Features.Catalog;
using CooperaNet.Web.Features.Experiences;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using CooperaNet.Web.Pages.Account;
using CooperaNet.Web.Pages.Catalog;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Experiences;

/// <summary>
/// The published experiences with search and filters; for those who write them, also the ones they may
/// still change (and, for the secretariat, those waiting for review).
/// </summary>
public sealed class ExperiencesIndexModel(ExperienceCommands commands, CooperaNetDbContext db, IMemoryCache cache, IStringLocalizer<Program> text) : PageModel
{
    public ExperienceFilter Filter { get; private set; } = new();

    public ExperiencePage? Results { get; private set; }

    public CatalogLookups Lookups { get; private set; } = null!;

    public bool CanCreate { get; private set; }

    /// <summary>Unpublished experiences the user may change: their own (or their state's); in review for the secretariat.</summary>
    public IReadOnlyList<Experience> Mine { get; private set; } = [];

    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Notice = Notices.Take(this);
        var lang = UiStrings.CurrentLanguage;
        Lookups = await CatalogLookups.LoadAsync(db, cache, lang);
        var (filter, errors) = ExperienceEndpoints.ParseFilter(Request.Query);
        Filter = filter;
        foreach (var error in errors)
        {
            ModelState.AddModelError(error.Field, Problems.Message(text, error));
        }

        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else
        {
            Results = await ExperienceSearch.PageAsync(db, filter, ct);
        }

        CanCreate = await commands.CanCreateAsync(User);
        Mine = await MineAsync(ct);
        return Page();
    }

    public string Value(string key) => Request.Query[key].ToString();

    public string? ErrorOf(string key) =>
        ModelState.TryGetValue(key, out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null;

    public bool HasFilters => Filter.Kind is not null || Filter.State is not null || Filter.Sector is not null || Filter.Sdg is not null || Filter.Text is not null;

    public Pager Pager() => new(Results!.Page, ExperienceFilter.PageSize, Results.Total, text["Experiences.Pagination"], page =>
    {
        var query = Request.Query.Where(q => q.Key != "page").Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value.ToString())}").Append($"page={page}");
        return $"/{UiStrings.CurrentLanguage}{ExperienceRoutes.List}?{string.Join('&', query)}";
    });

    private async Task<IReadOnlyList<Experience>> MineAsync(CancellationToken ct)
    {
        var role = ExperienceAuthors.RoleOf(User);
        if (role is null)
        {
            return [];
        }

        var query = db.Experiences.AsNoTracking().Where(e => e.Status != ExperienceStatus.Published);
        var me = ExperienceAuthors.IdOf(User);
        var state = User.FocalPointState();
        query = role switch
        {
            ExperienceAuthorRole.Secretariat => query.Where(e => e.Status == ExperienceStatus.InReview || e.AuthorId == me),
            ExperienceAuthorRole.FocalPoint => query.Where(e => e.StateCode == state),
            _ => query.Where(e => e.AuthorId == me),
        };
        return await query.OrderByDescending(e => e.UpdatedAt).Take(50).Include(e => e.Translations).ToListAsync(ct);
    }
}
