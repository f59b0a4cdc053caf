using CooperaNet.Application.Data;
using CooperaNet.Domain.Catalog;
using CooperaNet.Domain.Events;
using CooperaNet.Domain.WorkPlans;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Application.WorkPlans;

/// <summary>
/// The computed indicators, from the platform's data as it stood at the end of a day (UTC). An entry
/// counts as published from its first publication on, whatever happened to it later, unless it was
/// deleted; a pair counts from the day both sides agreed; an initiative from the day it was brokered; a
/// joint event (published, with co-organisers) once it has ended; an expert while in the roster (one
/// removed from it no longer counts, on any day); a guideline once its approval is recorded; an agreement
/// from the day it was signed, unless deleted.
/// One instance remembers what it computed, so a page asks the database once per measure and day.
/// </summary>
public sealed class IndicatorCalculator(CooperaNetDbContext db)
{
    private readonly Dictionary<(IndicatorMeasure, DateOnly), int> known = [];

    /// <summary>The value of <paramref name="measure"/> at the end of <paramref name="day"/>.</summary>
    public async Task<int> ValueAsync(IndicatorMeasure measure, DateOnly day, CancellationToken cancellationToken = default)
    {
        if (known.TryGetValue((measure, day), out var value))
        {
            return value;
        }

        var before = new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var published = db.Entries.AsNoTracking().Where(e => e.PublishedAt != null && e.PublishedAt < before);
        value = measure switch
        {
            IndicatorMeasure.StatesWithPublishedEntry => await published.Select(e => e.StateCode).Distinct().CountAsync(cancellationToken),
            IndicatorMeasure.PublishedOffers => await published.CountAsync(e => e.Kind == EntryKind.Offer, cancellationToken),
            IndicatorMeasure.PublishedDemands => await published.CountAsync(e => e.Kind == EntryKind.Demand, cancellationToken),
            IndicatorMeasure.PairsAgreed => await db.Pairs.AsNoTracking().CountAsync(p => p.AgreedAt != null && p.AgreedAt < before, cancellationToken),
            IndicatorMeasure.InitiativesBrokered => await db.Initiatives.AsNoTracking().CountAsync(i => i.CreatedAt < before, cancellationToken),
            IndicatorMeasure.EventsHeld => await db.Events.AsNoTracking()
                .CountAsync(e => e.Status == EventStatus.Published && e.EndsAt < before && e.CoOrganisers != string.Empty, cancellationToken),
            IndicatorMeasure.ExpertsInRoster => await db.ExpertProfiles.AsNoTracking().CountAsync(p => p.InRosterSince != null && p.InRosterSince < before, cancellationToken),
            IndicatorMeasure.GuidelinesApproved => await db.GuidelineVersions.AsNoTracking()
                .Where(v => v.ApprovalRecordedAt != null && v.ApprovalRecordedAt < before).Select(v => v.GuidelineId).Distinct().CountAsync(cancellationToken),
            IndicatorMeasure.PartnerAgreements => await db.PartnerAgreements.AsNoTracking()
                .CountAsync(a => a.DeletedAt == null && a.SignedOn != null && a.SignedOn <= day, cancellationToken),
            IndicatorMeasure.Recorded => throw new ArgumentException("A recorded indicator is not computed.", nameof(measure)),
            _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, null),
        };
        known[(measure, day)] = value;
        return value;
    }
}
