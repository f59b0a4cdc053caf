using CooperaNet.Application.Data;
using CooperaNet.Application.Identity;
using CooperaNet.Domain.Catalog;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Application.Participation;

/// <summary>How many of a state's entries are in one status.</summary>
public sealed record StatusCount(EntryStatus Status, int Count);

/// <summary>An account that speaks for the state.</summary>
public sealed record FocalPointAccount(Guid Id, string Name, string Email, DateTimeOffset? LastSignInAt);

/// <summary>
/// Entries that reached publication, and how many of them the state's own focal points created and
/// sent for publication (the rest the secretariat wrote or sent on the state's behalf).
/// </summary>
public sealed record AutonomyFigure(int Published, int ByOwnFocalPoints)
{
    /// <summary>Between 0 and 1; null when nothing was published.</summary>
    public double? Share => Published == 0 ? null : (double)ByOwnFocalPoints / Published;
}

/// <summary>One calendar month of a state's publications.</summary>
public sealed record MonthFigure(int Year, int Month, AutonomyFigure Autonomy);

/// <summary>The secretariat's view of one member state's use of the platform.</summary>
/// <param name="Code">Alpha-2 code.</param>
/// <param name="ByStatus">Entries per status (deleted ones apart).</param>
/// <param name="Deleted">Deleted entries.</param>
/// <param name="LastActivityAt">The state's latest change to an entry or answer to a match.</param>
/// <param name="FocalPoints">Its accounts.</param>
/// <param name="MatchesProposed">Sides of pairs proposed to the state.</param>
/// <param name="MatchesAnswered">Of those, the ones it answered.</param>
/// <param name="MedianResponseDays">Median days from the pair's proposal to the state's answer.</param>
/// <param name="Autonomy">Over every entry that reached publication.</param>
/// <param name="Months">The last months, oldest first, by month of first publication.</param>
public sealed record StateParticipationReport(
    string Code,
    IReadOnlyList<StatusCount> ByStatus,
    int Deleted,
    DateTimeOffset? LastActivityAt,
    IReadOnlyList<FocalPointAccount> FocalPoints,
    int MatchesProposed,
    int MatchesAnswered,
    double? MedianResponseDays,
    AutonomyFigure Autonomy,
    IReadOnlyList<MonthFigure> Months);

/// <summary>A state and when it last did something on the platform (null: never).</summary>
public sealed record StateLastActivity(string Code, DateTimeOffset? LastActivityAt);

/// <summary>Reads a state's participation for the secretariat.</summary>
public static class StateParticipation
{
    public static async Task<StateParticipationReport> ReportAsync(CooperaNetDbContext db, string code, DateTimeOffset now, int months, CancellationToken ct)
    {
        var statuses = await db.Entries.IgnoreQueryFilters().AsNoTracking().Where(e => e.StateCode == code)
            .GroupBy(e => new { e.Status, Deleted = e.DeletedAt != null })
            .Select(g => new { g.Key.Status, g.Key.Deleted, Count = g.Count() })
            .ToListAsync(ct);
        var byStatus = Enum.GetValues<EntryStatus>()
            .Select(s => new StatusCount(s, statuses.Where(r => r.Status == s && !r.Deleted).Sum(r => r.Count)))
            .ToList();

        var focalPoints = await FocalPointsAsync(db, code, ct);
        var sides = await db.Pairs.AsNoTracking().Where(p => p.OfferState == code).Select(p => new { p.CreatedAt, AnsweredAt = p.OfferAnsweredAt })
            .Concat(db.Pairs.AsNoTracking().Where(p => p.DemandState == code).Select(p => new { p.CreatedAt, AnsweredAt = p.DemandAnsweredAt }))
            .ToListAsync(ct);
        var answered = sides.Where(s => s.AnsweredAt is not null).Select(s => (s.AnsweredAt!.Value - s.CreatedAt).TotalDays).ToList();

        var published = await db.Entries.AsNoTracking().Where(e => e.StateCode == code && e.PublishedAt != null)
            .Select(e => new { e.Id, e.PublishedAt }).ToListAsync(ct);
        var own = await AutonomyAudit.OwnEntriesAsync(db, [.. published.Select(e => e.Id)], [.. focalPoints.Select(f => f.Id)], ct);
        var start = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1 - months);
        var trend = Enumerable.Range(0, months).Select(i => start.AddMonths(i)).Select(month =>
        {
            var inMonth = published.Where(e => e.PublishedAt!.Value.UtcDateTime.Year == month.Year && e.PublishedAt.Value.UtcDateTime.Month == month.Month).ToList();
            return new MonthFigure(month.Year, month.Month, new AutonomyFigure(inMonth.Count, inMonth.Count(e => own.Contains(e.Id))));
        }).ToList();

        var last = (await LastActivityAsync(db, code, ct)).Single().LastActivityAt;
        return new StateParticipationReport(
            code,
            byStatus,
            statuses.Where(r => r.Deleted).Sum(r => r.Count),
            last,
            focalPoints,
            sides.Count,
            answered.Count,
            Median(answered),
            new AutonomyFigure(published.Count, published.Count(e => own.Contains(e.Id))),
            trend);
    }

    /// <summary>
    /// When each state (or only <paramref name="code"/>) last changed one of its entries or answered a
    /// match. A change made by the secretariat to the state's entry counts too.
    /// </summary>
    public static async Task<IReadOnlyList<StateLastActivity>> LastActivityAsync(CooperaNetDbContext db, string? code, CancellationToken ct)
    {
        var codes = await db.MemberStates.AsNoTracking().Where(s => code == null || s.Code == code).Select(s => s.Code).OrderBy(c => c).ToListAsync(ct);
        var entries = await db.Entries.IgnoreQueryFilters().AsNoTracking().Where(e => code == null || e.StateCode == code)
            .GroupBy(e => e.StateCode).Select(g => new { State = g.Key, At = (DateTimeOffset?)g.Max(e => e.UpdatedAt) }).ToListAsync(ct);
        var offers = await db.Pairs.AsNoTracking().Where(p => p.OfferAnsweredAt != null && (code == null || p.OfferState == code))
            .GroupBy(p => p.OfferState).Select(g => new { State = g.Key, At = g.Max(p => p.OfferAnsweredAt) }).ToListAsync(ct);
        var demands = await db.Pairs.AsNoTracking().Where(p => p.DemandAnsweredAt != null && (code == null || p.DemandState == code))
            .GroupBy(p => p.DemandState).Select(g => new { State = g.Key, At = g.Max(p => p.DemandAnsweredAt) }).ToListAsync(ct);
        var all = entries.Concat(offers).Concat(demands).ToLookup(r => r.State, StringComparer.Ordinal);
        return [.. codes.Select(c => new StateLastActivity(c, all[c].Max(r => r.At)))];
    }

    /// <summary>States with no activity since <paramref name="since"/>, those that never had any first.</summary>
    public static async Task<IReadOnlyList<StateLastActivity>> QuietSinceAsync(CooperaNetDbContext db, DateTimeOffset since, CancellationToken ct) =>
        [.. (await LastActivityAsync(db, null, ct)).Where(s => s.LastActivityAt is null || s.LastActivityAt < since).OrderBy(s => s.LastActivityAt ?? DateTimeOffset.MinValue).ThenBy(s => s.Code, StringComparer.Ordinal)];

    private static async Task<List<FocalPointAccount>> FocalPointsAsync(CooperaNetDbContext db, string code, CancellationToken ct)
    {
        var role = await db.Roles.AsNoTracking().Where(r => r.Name == Roles.FocalPoint).Select(r => r.Id).SingleOrDefaultAsync(ct);
        return await db.Users.AsNoTracking()
            .Where(u => u.MemberStateCode == code && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == role))
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Select(u => new FocalPointAccount(u.Id, u.DisplayName, u.Email ?? string.Empty, u.LastSignInAt))
            .ToListAsync(ct);
    }

    /// <summary>The median of <paramref name="days"/>, to a tenth; null when there are none (sorts the list).</summary>
    internal static double? Median(List<double> days)
    {
        if (days.Count == 0)
        {
            return null;
        }

        days.Sort();
        var middle = days.Count / 2;
        return Math.Round(days.Count % 2 == 1 ? days[middle] : (days[middle - 1] + days[middle]) / 2, 1);
    }
}
