using CooperaNet.Application.Catalog;
using CooperaNet.Application.Data;
using CooperaNet.Domain.Events;
using CooperaNet.Domain.Experiences;
using CooperaNet.Domain.Partners;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Application.Partners;

/// <summary>
/// Who is asking: the secretariat manages everything; a partner user manages their own organisation's
/// description, website, contacts and engagement log; everyone else only reads the public part.
/// </summary>
public sealed record PartnerAccess(bool Secretariat, Guid? OwnOrganisationId, Guid? UserId)
{
    public static readonly PartnerAccess Public = new(false, null, null);

    /// <summary>May see the contacts and change the description, contacts and log of <paramref name="organisationId"/>.</summary>
    public bool Manages(Guid organisationId) => Secretariat || OwnOrganisationId == organisationId;
}

/// <summary>The result of a write: the value, or field errors, or not found, or not allowed, or a refused move.</summary>
public sealed record PartnerOutcome<T>(T? Value, IReadOnlyList<FieldError> Errors, bool NotFound, bool Forbidden, PartnerError? Refused)
    where T : class
{
}

/// <summary>Builds <see cref="PartnerOutcome{T}"/>s.</summary>
public static class PartnerOutcome
{
    public static PartnerOutcome<T> Done<T>(T value)
        where T : class => new(value, [], false, false, null);

    public static PartnerOutcome<T> Invalid<T>(IReadOnlyList<FieldError> errors)
        where T : class => new(null, errors, false, false, null);

    public static PartnerOutcome<T> Missing<T>()
        where T : class => new(null, [], true, false, null);

    public static PartnerOutcome<T> Denied<T>()
        where T : class => new(null, [], false, true, null);

    public static PartnerOutcome<T> Refuse<T>(PartnerError error)
        where T : class => new(null, [], false, false, error);
}

/// <summary>What a partner organisation did with the member states: its log, agreements, events and experiences.</summary>
public sealed record JointActivity(
    PartnerOrganisation Organisation,
    IReadOnlyList<EngagementEntry> Log,
    IReadOnlyList<PartnerAgreement> Agreements,
    IReadOnlyList<Event> LinkedEvents,
    IReadOnlyList<Event> ProposedEvents,
    IReadOnlyList<Experience> Experiences);

/// <summary>
/// The registry of partner organisations over the database. Reads of the public part for everyone; contacts,
/// and every write, checked against <see cref="PartnerAccess"/>. The actor of every change is recorded by the
/// audit interceptor.
/// </summary>
public sealed class PartnerRegistry(CooperaNetDbContext db, TimeProvider clock)
{
    /// <summary>Organisations by name, of one scope when asked; deleted ones only for the secretariat when asked.</summary>
    public async Task<IReadOnlyList<PartnerOrganisation>> ListAsync(PartnerScope? scope, bool withDeleted, CancellationToken ct = default) =>
        await db.PartnerOrganisations.AsNoTracking()
            .Where(o => withDeleted || o.DeletedAt == null)
            .Where(o => scope == null || o.Scope == scope)
            .OrderBy(o => o.Name)
            .ToListAsync(ct);

    public async Task<PartnerOrganisation?> FindAsync(Guid id, bool withDeleted, CancellationToken ct = default) =>
        await db.PartnerOrganisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id && (withDeleted || o.DeletedAt == null), ct);

    /// <summary>The organisation the user's account belongs to, if any.</summary>
    public async Task<Guid?> OrganisationOfAsync(Guid userId, CancellationToken ct = default) =>
        await db.Users.Where(u => u.Id == userId).Select(u => u.PartnerOrganisationId).FirstOrDefaultAsync(ct);

    /// <summary>The contacts, only for those who manage the organisation; null otherwise.</summary>
    public async Task<IReadOnlyList<PartnerContact>?> ContactsAsync(Guid organisationId, PartnerAccess access, CancellationToken ct = default) =>
        access.Manages(organisationId)
            ? await db.PartnerContacts.AsNoTracking().Where(c => c.OrganisationId == organisationId).OrderBy(c => c.Name).ToListAsync(ct)
            : null;

    /// <summary>Agreements latest first; deleted ones only when asked.</summary>
    public async Task<IReadOnlyList<PartnerAgreement>> AgreementsAsync(Guid organisationId, bool withDeleted, CancellationToken ct = default) =>
        (await db.PartnerAgreements.AsNoTracking().Where(a => a.OrganisationId == organisationId && (withDeleted || a.DeletedAt == null)).ToListAsync(ct))
            .OrderByDescending(a => a.SignedOn ?? a.StartsOn ?? DateOnly.MinValue).ThenBy(a => a.Title, StringComparer.Ordinal).ToList();

    /// <summary>One agreement of the organisation; a deleted one only when asked.</summary>
    public async Task<PartnerAgreement?> AgreementAsync(Guid organisationId, Guid agreementId, bool withDeleted, CancellationToken ct = default) =>
        await db.PartnerAgreements.AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == agreementId && a.OrganisationId == organisationId && (withDeleted || a.DeletedAt == null), ct);

    public async Task<IReadOnlyList<EngagementEntry>> LogAsync(Guid organisationId, CancellationToken ct = default) =>
        (await db.EngagementEntries.AsNoTracking().Where(e => e.OrganisationId == organisationId).ToListAsync(ct))
            .OrderByDescending(e => e.OccurredOn).ThenByDescending(e => e.RecordedAt).ToList();

    /// <summary>The pilot's milestones of every organisation taking part, in order.</summary>
    public async Task<IReadOnlyList<(PartnerOrganisation Organisation, IReadOnlyList<PilotMilestone> Milestones)>> PilotAsync(CancellationToken ct = default)
    {
        var milestones = await db.PilotMilestones.AsNoTracking().ToListAsync(ct);
        var ids = milestones.Select(m => m.OrganisationId).Distinct().ToList();
        var organisations = await db.PartnerOrganisations.AsNoTracking().Where(o => ids.Contains(o.Id) && o.DeletedAt == null).OrderBy(o => o.Name).ToListAsync(ct);
        return organisations.Select(o => (o, (IReadOnlyList<PilotMilestone>)milestones.Where(m => m.OrganisationId == o.Id).OrderBy(m => m.Order).ToList())).ToList();
    }

    /// <summary>The organisation's joint activity, for those who manage it; null otherwise or when it does not exist.</summary>
    public async Task<JointActivity?> JointActivityAsync(Guid organisationId, PartnerAccess access, CancellationToken ct = default)
    {
        if (!access.Manages(organisationId) || await FindAsync(organisationId, withDeleted: false, ct) is not { } organisation)
        {
            return null;
        }

        var log = await LogAsync(organisationId, ct);
        var eventIds = log.Where(e => e.EventId != null).Select(e => e.EventId!.Value).ToList();
        var members = db.Users.Where(u => u.PartnerOrganisationId == organisationId).Select(u => u.Id);
        var linked = await db.Events.AsNoTracking().Where(e => eventIds.Contains(e.Id)).ToListAsync(ct);
        var proposed = await db.Events.AsNoTracking().Where(e => e.ProposedById != null && members.Contains(e.ProposedById.Value)).ToListAsync(ct);
        var experiences = await db.Experiences.AsNoTracking().Where(e => e.DeletedAt == null && members.Contains(e.AuthorId)).ToListAsync(ct);
        return new JointActivity(organisation, log, await AgreementsAsync(organisationId, withDeleted: false, ct),
            linked.OrderByDescending(e => e.StartsAt).ToList(), proposed.OrderByDescending(e => e.CreatedAt).ToList(),
            experiences.OrderByDescending(e => e.UpdatedAt).ToList());
    }

    public async Task<PartnerOutcome<PartnerOrganisation>> CreateAsync(OrganisationInput input, PartnerAccess access, CancellationToken ct = default)
    {
        if (!access.Secretariat)
        {
            return PartnerOutcome.Denied<PartnerOrganisation>();
        }

        var errors = input.Validate(full: true);
        if (errors.Count > 0)
        {
            return PartnerOutcome.Invalid<PartnerOrganisation>(errors);
        }

        var now = clock.GetUtcNow();
        var item = new PartnerOrganisation { Id = Guid.NewGuid(), Name = string.Empty, CreatedAt = now };
        input.ApplyTo(item, full: true, now);
        db.PartnerOrganisations.Add(item);
        await db.SaveChangesAsync(ct);
        return PartnerOutcome.Done(item);
    }

    /// <summary>The secretariat changes everything; the organisation's own partner users only its description and website.</summary>
    public async Task<PartnerOutcome<PartnerOrganisation>> UpdateAsync(Guid id, OrganisationInput input, PartnerAccess access, CancellationToken ct = default)
    {
        var item = await db.PartnerOrganisations.FirstOrDefaultAsync(o => o.Id == id && o.DeletedAt == null, ct);
        if (item is null)
        {
            return PartnerOutcome.Missing<PartnerOrganisation>();
        }

        if (!access.Manages(id))
        {
            return PartnerOutcome.Denied<PartnerOrganisation>();
        }

        var errors = input.Validate(access.Secretariat);
        if (errors.Count > 0)
        {
            return PartnerOutcome.Invalid<PartnerOrganisation>(errors);
        }

        input.ApplyTo(item, access.Secretariat, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return PartnerOutcome.Done(item);
    }

    /// <summary>The secretariat deletes (restore: false → true) or restores an organisation.</summary>
    public async Task<PartnerOutcome<PartnerOrganisation>> DeleteAsync(Guid id, bool restore, PartnerAccess access, CancellationToken ct = default)
    {
        if (!access.Secretariat)
        {
            return PartnerOutcome.Denied<PartnerOrganisation>();
        }

        var item = await db.PartnerOrganisations.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (item is null)
        {
            return PartnerOutcome.Missing<PartnerOrganisation>();
        }

        var now = clock.GetUtcNow();
        if ((restore ? item.Restore(now) : item.Delete(now)) is { } error)
        {
            return PartnerOutcome.Refuse<PartnerOrganisation>(error);
        }

        await db.SaveChangesAsync(ct);
        return PartnerOutcome.Done(item);
    }

    public async Task<PartnerOutcome<PartnerContact>> AddContactAsync(Guid organisationId, ContactInput input, PartnerAccess access, CancellationToken ct = default)
    {
        if (await Refusal<PartnerContact>(organisationId, access, ct) is { } refused)
        {
            return refused;
        }

        var errors = input.Validate();
        if (errors.Count > 0)
        {
            return PartnerOutcome.Invalid<PartnerContact>(errors);
        }

        var contact = input.ToContact(organisationId);
        db.PartnerContacts.Add(contact);
        await db.SaveChangesAsync(ct);
        return PartnerOutcome.Done(contact);
    }

    public async Task<PartnerOutcome<PartnerContact>> RemoveContactAsync(Guid organisationId, Guid contactId, PartnerAccess access, CancellationToken ct = default)
    {
        if (await Refusal<PartnerContact>(organisationId, access, ct) is { } refused)
        {
            return refused;
        }

        var contact = await db.PartnerContacts.FirstOrDefaultAsync(c => c.Id == contactId && c.OrganisationId == organisationId, ct);
        if (contact is null)
        {
            return PartnerOutcome.Missing<PartnerContact>();
        }

        db.PartnerContacts.Remove(contact);
        await db.SaveChangesAsync(ct);
        return PartnerOutcome.Done(contact);
    }

    public async Task<PartnerOutcome<EngagementEntry>> RecordAsync(Guid organisationId, EngagementInput input, PartnerAccess access, CancellationToken ct = default)
    {
        if (await Refusal<EngagementEntry>(organisationId, access, ct) is { } refused)
        {
            return refused;
        }

        var errors = input.Validate();
        if (errors.Count > 0)
        {
            return PartnerOutcome.Invalid<EngagementEntry>(errors);
        }

        var entry = new EngagementEntry
        {
            Id = Guid.NewGuid(),
            OrganisationId = organisationId,
            Kind = PartnerNames.Parse<EngagementKind>(input.Kind)!.Value,
            OccurredOn = input.OccurredOn!.Value,
            Summary = input.Summary!.Trim(),
            EventId = input.EventId,
            InitiativeId = input.InitiativeId,
            RecordedById = access.UserId ?? Guid.Empty,
            RecordedAt = clock.GetUtcNow(),
        };
        db.EngagementEntries.Add(entry);
        await db.SaveChangesAsync(ct);
        return PartnerOutcome.Done(entry);
    }

    /// <summary>The secretariat writes a new agreement or changes one (<paramref name="id"/>).</summary>
    public async Task<PartnerOutcome<PartnerAgreement>> SaveAgreementAsync(Guid organisationId, Guid? id, AgreementInput input, PartnerAccess access, CancellationToken ct = default)
    {
        if (!access.Secretariat)
        {
            return PartnerOutcome.Denied<PartnerAgreement>();
        }

        if (await FindAsync(organisationId, withDeleted: false, ct) is null)
        {
            return PartnerOutcome.Missing<PartnerAgreement>();
        }

        var item = id is { } existing
            ? await db.PartnerAgreements.FirstOrDefaultAsync(a => a.Id == existing && a.OrganisationId == organisationId, ct)
            : new PartnerAgreement { Id = Guid.NewGuid(), OrganisationId = organisationId, Title = string.Empty };
        if (item is null)
        {
            return PartnerOutcome.Missing<PartnerAgreement>();
        }

        var errors = input.Validate();
        if (errors.Count > 0)
        {
            return PartnerOutcome.Invalid<PartnerAgreement>(errors);
        }

        input.ApplyTo(item, clock.GetUtcNow());
        if (id is null)
        {
            db.PartnerAgreements.Add(item);
        }

        await db.SaveChangesAsync(ct);
        return PartnerOutcome.Done(item);
    }

    public async Task<PartnerOutcome<PartnerAgreement>> DeleteAgreementAsync(Guid organisationId, Guid id, bool restore, PartnerAccess access, CancellationToken ct = default)
    {
        if (!access.Secretariat)
        {
            return PartnerOutcome.Denied<PartnerAgreement>();
        }

        var item = await db.PartnerAgreements.FirstOrDefaultAsync(a => a.Id == id && a.OrganisationId == organisationId, ct);
        if (item is null)
        {
            return PartnerOutcome.Missing<PartnerAgreement>();
        }

        var now = clock.GetUtcNow();
        if ((restore ? item.Restore(now) : item.Delete(now)) is { } error)
        {
            return PartnerOutcome.Refuse<PartnerAgreement>(error);
        }

        await db.SaveChangesAsync(ct);
        return PartnerOutcome.Done(item);
    }

    /// <summary>The secretariat moves a milestone of the pilot.</summary>
    public async Task<PartnerOutcome<PilotMilestone>> MoveMilestoneAsync(Guid id, MilestoneInput input, PartnerAccess access, CancellationToken ct = default)
    {
        if (!access.Secretariat)
        {
            return PartnerOutcome.Denied<PilotMilestone>();
        }

        var item = await db.PilotMilestones.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (item is null)
        {
            return PartnerOutcome.Missing<PilotMilestone>();
        }

        var errors = input.Validate();
        if (errors.Count > 0)
        {
            return PartnerOutcome.Invalid<PilotMilestone>(errors);
        }

        item.Move(PartnerNames.Parse<MilestoneStatus>(input.Status)!.Value, input.DoneOn, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        item.Note = input.Note?.Trim() ?? string.Empty;
        await db.SaveChangesAsync(ct);
        return PartnerOutcome.Done(item);
    }

    /// <summary>Missing when the organisation does not exist (or is deleted), denied when the caller does not manage it.</summary>
    private async Task<PartnerOutcome<T>?> Refusal<T>(Guid organisationId, PartnerAccess access, CancellationToken ct)
        where T : class
    {
        if (await FindAsync(organisationId, withDeleted: false, ct) is null)
        {
            return PartnerOutcome.Missing<T>();
        }

        return access.Manages(organisationId) ? null : PartnerOutcome.Denied<T>();
    }
}
