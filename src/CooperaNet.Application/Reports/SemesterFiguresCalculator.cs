using CooperaNet.Application.Data;
using CooperaNet.Application.Identity;
using CooperaNet.Application.Participation;
using CooperaNet.Application.WorkPlans;
using CooperaNet.Domain.Catalog;
using CooperaNet.Domain.Crossing;
using CooperaNet.Domain.WorkPlans;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Application.Reports;

/// <summary>
/// Counts a semester's figures from the records, as they stood at the semester's end (or today, for the
/// running semester). Every count is a query over timestamps the platform keeps; nothing is typed in.
/// </summary>
public sealed class SemesterFiguresCalculator(CooperaNetDbContext db, IndicatorCalculator indicators, WorkPlanTracker tracker)
{
    /// <summary>A demand open this long without agreement counts as unmet.</summary>
    public const int UnmetAfterDays = 182;

    /// <summary>A match unanswered this long counts as waiting too long.</summary>
    public const int UnansweredAfterDays = 30;

    /// <summary>A state publishing at least this many entries in the semester, less than half of them its own work, has low autonomy.</summary>
    public const int LowAutonomyMinimum = 2;

    /// <summary>The figures of <paramref name="semester"/> read on <paramref name="today"/>.</summary>
    public async Task<SemesterFigures> ComputeAsync(Semester semester, DateOnly today, CancellationToken ct)
    {
        var asOf = semester.End < today ? semester.End : today;
        var states = await db.MemberStates.AsNoTracking().OrderBy(s => s.Code).Select(s => new { s.Code, s.Name }).ToListAsync(ct);
        var names = states.ToDictionary(s => "state:" + s.Code, s => Names.Of(s.Name), StringComparer.Ordinal);
        var focalPoints = await FocalPointsAsync(ct);

        var (current, active) = await PeriodAsync(semester.Start, asOf, focalPoints, ct);
        var (previous, _) = await PeriodAsync(semester.Previous().Start, semester.Previous().End, focalPoints, ct);

        var (since, until) = Bounds(semester.Start, asOf);
        var firsts = await db.Entries.AsNoTracking().Where(e => e.PublishedAt != null && e.PublishedAt < until)
            .GroupBy(e => e.StateCode).Select(g => new { State = g.Key, First = g.Min(e => e.PublishedAt) }).ToListAsync(ct);
        var newStates = firsts.Where(f => f.First >= since).Select(f => f.State).Order(StringComparer.Ordinal).ToList();
        var withEntry = firsts.Select(f => f.State).ToHashSet(StringComparer.Ordinal);
        var withoutEntry = states.Select(s => s.Code).Where(c => !withEntry.Contains(c)).ToList();
        var quiet = firsts.Where(f => f.First < since && !active.Contains(f.State)).Select(f => f.State).Order(StringComparer.Ordinal).ToList();
        var lowAutonomy = await LowAutonomyAsync(since, until, focalPoints, ct);

        var categories = await CategoriesAsync(since, until, ct);
        var unmet = await UnmetDemandsAsync(asOf, until, ct);
        foreach (var category in await db.SectorCategories.AsNoTracking()
            .Where(c => categories.Select(x => x.Category).Contains(c.Code) || unmet.Select(x => x.Category).Contains(c.Code)).ToListAsync(ct))
        {
            names["category:" + category.Code] = Names.Of(category.Name);
        }

        var waitingSince = until.AddDays(-UnansweredAfterDays);
        var unanswered = await db.Pairs.AsNoTracking().CountAsync(
            p => p.CreatedAt < waitingSince
                && !(p.OfferInterest == Interest.Declined && p.OfferAnsweredAt < until)
                && !(p.DemandInterest == Interest.Declined && p.DemandAnsweredAt < until)
                && (p.OfferAnsweredAt == null || p.OfferAnsweredAt >= until || p.DemandAnsweredAt == null || p.DemandAnsweredAt >= until),
            ct);

        var (planCode, actions) = await ActionsAsync(semester, asOf, names, ct);
        var proposals = await WorkingGroupProposalsAsync(planCode, since, until, ct);

        return new SemesterFigures(
            semester.ToString(), semester.Start, semester.End, asOf, states.Count, current, previous,
            newStates, withoutEntry, quiet, lowAutonomy, categories, unmet, unanswered, planCode, actions, proposals, names);
    }

    private static (DateTimeOffset Since, DateTimeOffset Until) Bounds(DateOnly first, DateOnly last) =>
        (new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), new DateTimeOffset(last.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));

    /// <summary>A period's figures, and the states active in it (the semester's quiet states are read from them).</summary>
    private async Task<(PeriodFigures Figures, HashSet<string> Active)> PeriodAsync(DateOnly first, DateOnly last, IReadOnlyCollection<Guid> focalPoints, CancellationToken ct)
    {
        var (since, until) = Bounds(first, last);
        var statesWithEntry = await indicators.ValueAsync(IndicatorMeasure.StatesWithPublishedEntry, last, ct);
        var firsts = await db.Entries.AsNoTracking().Where(e => e.PublishedAt != null && e.PublishedAt < until)
            .GroupBy(e => e.StateCode).Select(g => g.Min(e => e.PublishedAt)).ToListAsync(ct);
        var published = await db.Entries.AsNoTracking().Where(e => e.PublishedAt >= since && e.PublishedAt < until)
            .Select(e => new { e.Id, e.Kind }).ToListAsync(ct);
        var own = await AutonomyAudit.OwnEntriesAsync(db, [.. published.Select(e => e.Id)], focalPoints, ct);
        var agreed = await db.Pairs.AsNoTracking().Where(p => p.AgreedAt >= since && p.AgreedAt < until)
            .Select(p => new { p.CreatedAt, p.AgreedAt }).ToListAsync(ct);
        var sessions = await db.SocialisationSessions.AsNoTracking().Where(s => s.HeldOn >= first && s.HeldOn <= last)
            .Select(s => s.Invitees.Count(i => i.Attended)).ToListAsync(ct);
        var active = await ActiveStatesAsync(since, until, ct);
        return (new PeriodFigures(
            statesWithEntry,
            firsts.Count(f => f >= since),
            active.Count,
            published.Count(e => e.Kind == EntryKind.Offer),
            published.Count(e => e.Kind == EntryKind.Demand),
            own.Count,
            await db.Pairs.AsNoTracking().CountAsync(p => p.CreatedAt >= since && p.CreatedAt < until, ct),
            agreed.Count,
            await db.Initiatives.AsNoTracking().CountAsync(i => i.CreatedAt >= since && i.CreatedAt < until, ct),
            StateParticipation.Median([.. agreed.Select(p => (p.AgreedAt!.Value - p.CreatedAt).TotalDays)]),
            sessions.Count,
            sessions.Sum()), active);
    }

    private async Task<HashSet<string>> ActiveStatesAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken ct)
    {
        var entries = await db.Entries.IgnoreQueryFilters().AsNoTracking().Where(e => e.UpdatedAt >= since && e.UpdatedAt < until)
            .Select(e => e.StateCode).Distinct().ToListAsync(ct);
        var offers = await db.Pairs.AsNoTracking().Where(p => p.OfferAnsweredAt >= since && p.OfferAnsweredAt < until)
            .Select(p => p.OfferState).Distinct().ToListAsync(ct);
        var demands = await db.Pairs.AsNoTracking().Where(p => p.DemandAnsweredAt >= since && p.DemandAnsweredAt < until)
            .Select(p => p.DemandState).Distinct().ToListAsync(ct);
        return [.. entries.Concat(offers).Concat(demands)];
    }

    private async Task<List<string>> LowAutonomyAsync(DateTimeOffset since, DateTimeOffset until, IReadOnlyCollection<Guid> focalPoints, CancellationToken ct)
    {
        var published = await db.Entries.AsNoTracking().Where(e => e.PublishedAt >= since && e.PublishedAt < until)
            .Select(e => new { e.Id, e.StateCode }).ToListAsync(ct);
        var own = await AutonomyAudit.OwnEntriesAsync(db, [.. published.Select(e => e.Id)], focalPoints, ct);
        return [.. published.GroupBy(e => e.StateCode)
            .Where(g => g.Count() >= LowAutonomyMinimum && g.Count(e => own.Contains(e.Id)) * 2 < g.Count())
            .Select(g => g.Key).Order(StringComparer.Ordinal)];
    }

    private async Task<List<CategoryFigure>> CategoriesAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken ct)
    {
        var rows = await (
                from entry in db.Entries.AsNoTracking().Where(e => e.PublishedAt >= since && e.PublishedAt < until)
                join link in db.Set<EntrySector>() on entry.Id equals link.EntryId
                join sector in db.Sectors on link.SectorCode equals sector.Code
                select new { entry.Id, entry.Kind, sector.CategoryCode })
            .Distinct()
            .GroupBy(x => new { x.CategoryCode, x.Kind })
            .Select(g => new { g.Key.CategoryCode, g.Key.Kind, Count = g.Count() })
            .ToListAsync(ct);
        return [.. rows.GroupBy(r => r.CategoryCode)
            .Select(g => new CategoryFigure(g.Key, g.Where(r => r.Kind == EntryKind.Offer).Sum(r => r.Count), g.Where(r => r.Kind == EntryKind.Demand).Sum(r => r.Count)))
            .OrderByDescending(c => c.Offers + c.Demands).ThenBy(c => c.Category, StringComparer.Ordinal)
            .Take(6)];
    }

    private async Task<List<UnmetDemand>> UnmetDemandsAsync(DateOnly asOf, DateTimeOffset until, CancellationToken ct)
    {
        var publishedBefore = until.AddDays(-UnmetAfterDays);
        var demands = db.Entries.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.Kind == EntryKind.Demand && e.Status == EntryStatus.Published && e.PublishedAt < publishedBefore
                && (e.DeletedAt == null || e.DeletedAt >= until) && (e.ExpiresOn == null || e.ExpiresOn >= asOf)
                && !db.Pairs.Any(p => p.DemandId == e.Id && p.AgreedAt < until));
        var rows = await (
                from entry in demands
                join link in db.Set<EntrySector>() on entry.Id equals link.EntryId
                join sector in db.Sectors on link.SectorCode equals sector.Code
                select new { entry.Id, sector.CategoryCode })
            .Distinct()
            .GroupBy(x => x.CategoryCode)
            .Select(g => new { Category = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        return [.. rows.OrderByDescending(r => r.Count).ThenBy(r => r.Category, StringComparer.Ordinal).Take(3).Select(r => new UnmetDemand(r.Category, r.Count))];
    }

    private async Task<(string? Code, List<ActionFigure> Actions)> ActionsAsync(Semester semester, DateOnly asOf, Dictionary<string, Names> names, CancellationToken ct)
    {
        var code = await db.WorkPlans.AsNoTracking().Where(p => p.StartDate <= semester.End && p.EndDate >= semester.Start)
            .OrderByDescending(p => p.StartDate).ThenBy(p => p.Code).Select(p => p.Code).FirstOrDefaultAsync(ct);
        if (code is null)
        {
            return (null, []);
        }

        var plan = await tracker.TrackOnAsync(code, Domain.Languages.Spanish, asOf, ct);
        foreach (var action in await db.WorkPlanActions.AsNoTracking().Where(a => a.WorkPlanCode == code).Select(a => new { a.Number, a.Title }).ToListAsync(ct))
        {
            names["action:" + action.Number] = Names.Of(action.Title);
        }

        return (code, [.. plan!.Actions.Select(a => new ActionFigure(a.Number, a.StatusName, Math.Round(a.Progress, 3), Math.Round(a.Expected, 3)))]);
    }

    private async Task<List<WorkingGroupProposalFigure>> WorkingGroupProposalsAsync(string? planCode, DateTimeOffset since, DateTimeOffset until, CancellationToken ct)
    {
        var rows = await db.ActionProposals.AsNoTracking().Where(p => p.CreatedAt >= since && p.CreatedAt < until)
            .Join(db.WorkPlanActions.Where(a => a.WorkPlanCode == planCode), p => p.ActionId, a => a.Id, (p, a) => new { a.Number, p.AuthorName, p.Text, p.Status, p.Reason, p.CreatedAt })
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Number).ThenBy(r => r.CreatedAt)
            .Select(r => new WorkingGroupProposalFigure(r.Number, r.AuthorName, r.Text, r.Status switch
            {
                ProposalStatus.Accepted => "accepted",
                ProposalStatus.Declined => "declined",
                _ => "open",
            }, r.Reason))];
    }

    private async Task<List<Guid>> FocalPointsAsync(CancellationToken ct)
    {
        var role = await db.Roles.AsNoTracking().Where(r => r.Name == Roles.FocalPoint).Select(r => r.Id).SingleOrDefaultAsync(ct);
        return await db.UserRoles.AsNoTracking().Where(ur => ur.RoleId == role).Select(ur => ur.UserId).ToListAsync(ct);
    }
}
