using System.Globalization;
using CooperaNet.Application.Data;
using CooperaNet.Application.Participation;
using CooperaNet.Web.Features.Catalog;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CooperaNet.Web.Features.Participation;

/// <summary>One member state's public figures, named in the reader's language.</summary>
public sealed record StateActivityView(string Code, string Name, int Offers, int Demands, int Published, DateTimeOffset? LastPublishedAt, ActivityLevel Level);

/// <summary>The public participation figures: how many states have published, and each state's activity.</summary>
public sealed record ParticipationView(string Language, int Active, int Total, IReadOnlyList<StateActivityView> States);

/// <summary>A quiet state: its name and when it last did something (null: never).</summary>
public sealed record QuietStateView(string Code, string Name, DateTimeOffset? LastActivityAt);

/// <summary>Reads the participation figures for the pages and the API.</summary>
public sealed class ParticipationViews(CooperaNetDbContext db, IMemoryCache cache, IOptions<CatalogOptions> catalog, IOptions<ParticipationOptions> options, TimeProvider clock)
{
    private const string SummaryKey = "participation:summary";

    public ParticipationOptions Options => options.Value;

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>
    /// The figures change only when an entry does; they are kept for as long as the catalog keeps
    /// its lists (CooperaNet:Catalog:ListCacheSeconds), and the public page's HTML is evicted with
    /// the catalog's pages on every write.
    /// </summary>
    public async Task<ParticipationView> SummaryAsync(string language, CancellationToken ct)
    {
        var seconds = catalog.Value.ListCacheSeconds;
        var summary = seconds == 0
            ? await ComputeAsync(ct)
            : await cache.GetOrCreateAsync(SummaryKey, entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(seconds);
                return ComputeAsync(CancellationToken.None);
            });
        var lookups = await CatalogLookups.LoadAsync(db, cache, language);
        var names = StringComparer.Create(CultureInfo.CurrentCulture, CompareOptions.IgnoreCase);
        return new ParticipationView(
            language,
            summary!.Active,
            summary.Total,
            [.. summary.States
                .Select(s => new StateActivityView(s.Code, lookups.StateName(s.Code), s.Offers, s.Demands, s.Published, s.LastPublishedAt, s.Level))
                .OrderBy(s => s.Name, names)]);
    }

    public async Task<StateParticipationReport?> ReportAsync(string code, CancellationToken ct) =>
        await db.MemberStates.FindAsync([code], ct) is null
            ? null
            : await StateParticipation.ReportAsync(db, code, clock.GetUtcNow(), Options.TrendMonths, ct);

    /// <summary>States with no activity for <see cref="ParticipationOptions.QuietAfterDays"/> days, the longest quiet first.</summary>
    public async Task<IReadOnlyList<QuietStateView>> QuietAsync(string language, CancellationToken ct)
    {
        var lookups = await CatalogLookups.LoadAsync(db, cache, language);
        var quiet = await StateParticipation.QuietSinceAsync(db, clock.GetUtcNow().AddDays(-Options.QuietAfterDays), ct);
        return [.. quiet.Select(s => new QuietStateView(s.Code, lookups.StateName(s.Code), s.LastActivityAt))];
    }

    private Task<ParticipationSummary> ComputeAsync(CancellationToken ct) =>
        ParticipationFigures.SummaryAsync(db, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
}
