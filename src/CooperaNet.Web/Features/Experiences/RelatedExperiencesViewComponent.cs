using CooperaNet.Application.Data;
using CooperaNet.Application.Experiences;
using CooperaNet.Domain.Crossing;
using CooperaNet.Domain.Experiences;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Web.Features.Experiences;

/// <summary>
/// "Related experiences" under an offer, a demand or an initiative: the few published experiences that
/// share the most with it, ranked by <see cref="RelatedExperiences"/> (same initiative, then shared
/// sectors, sector categories and SDG goals, the most recent first among equals). Nothing is drawn
/// when none shares anything.
/// </summary>
public sealed class RelatedExperiencesViewComponent(CooperaNetDbContext db) : ViewComponent
{
    public const int Count = 3;

    /// <summary>For an offer or demand give its codes; for an initiative give it, and the codes of its offer and demand are read.</summary>
    public async Task<IViewComponentResult> InvokeAsync(IEnumerable<string>? sectors = null, IEnumerable<string>? sdgs = null, Initiative? initiative = null)
    {
        var subject = initiative is null
            ? new Subject([.. sectors ?? []], [.. sdgs ?? []])
            : await OfInitiativeAsync(initiative);
        return View(await ExperienceSearch.RelatedAsync(db, subject, Count));
    }

    /// <summary>The sectors and SDGs of an initiative: those of the offer and the demand it came from.</summary>
    private async Task<Subject> OfInitiativeAsync(Initiative initiative)
    {
        var entries = new[] { initiative.OfferId, initiative.DemandId }.OfType<Guid>().ToList();
        var sectors = await db.Entries.AsNoTracking().Where(e => entries.Contains(e.Id)).SelectMany(e => e.Sectors.Select(s => s.SectorCode)).Distinct().ToListAsync();
        var sdgs = await db.Entries.AsNoTracking().Where(e => entries.Contains(e.Id)).SelectMany(e => e.Sdgs.Select(s => s.Code)).Distinct().ToListAsync();
        return new Subject(sectors, sdgs, initiative.Id);
    }
}
