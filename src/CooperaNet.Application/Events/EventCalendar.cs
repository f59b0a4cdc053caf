using CooperaNet.Application.Catalog;
using CooperaNet.Application.Data;
using CooperaNet.Application.FollowUp;
using CooperaNet.Domain.Events;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Application.Events;

/// <summary>The result of a write: the event, or field errors, or not found, or a refused move.</summary>
public sealed record EventOutcome(Event? Event, IReadOnlyList<FieldError> Errors, bool NotFound, EventError? Refused)
{
    public static EventOutcome Done(Event item) => new(item, [], false, null);

    public static EventOutcome Invalid(IReadOnlyList<FieldError> errors) => new(null, errors, false, null);

    public static readonly EventOutcome Missing = new(null, [], true, null);

    public static EventOutcome Refuse(EventError error) => new(null, [], false, error);
}

/// <summary>
/// The events calendar over the database: reads for everyone (drafts only for the secretariat), writes
/// for the secretariat, registrations for signed-in users. Authorization is the caller's; the actor of
/// every change is recorded by the audit interceptor.
/// </summary>
public sealed class EventCalendar(CooperaNetDbContext db, TimeProvider clock)
{
    /// <summary>Published and cancelled events (and drafts when asked), upcoming first by start, then past ones latest first.</summary>
    public async Task<(IReadOnlyList<Event> Upcoming, IReadOnlyList<Event> Past)> ListAsync(bool withDrafts, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var events = await Visible(withDrafts).Include(e => e.Materials).OrderBy(e => e.StartsAt).ToListAsync(ct);
        return (events.Where(e => e.EndsAt >= now).ToList(), events.Where(e => e.EndsAt < now).OrderByDescending(e => e.StartsAt).ToList());
    }

    /// <summary>Events overlapping a UTC range, by start.</summary>
    public async Task<IReadOnlyList<Event>> BetweenAsync(DateTimeOffset from, DateTimeOffset to, bool withDrafts, CancellationToken ct = default) =>
        await Visible(withDrafts).Where(e => e.StartsAt < to && e.EndsAt >= from).OrderBy(e => e.StartsAt).ToListAsync(ct);

    /// <summary>Every published or cancelled event, for the calendar feed.</summary>
    public async Task<IReadOnlyList<Event>> FeedAsync(CancellationToken ct = default) =>
        await Visible(withDrafts: false).OrderBy(e => e.StartsAt).ToListAsync(ct);

    public async Task<Event?> FindAsync(Guid id, bool withDrafts, CancellationToken ct = default) =>
        await Visible(withDrafts).AsNoTracking().Include(e => e.Materials).FirstOrDefaultAsync(e => e.Id == id, ct);

    public async Task<bool> IsRegisteredAsync(Guid id, Guid userId, CancellationToken ct = default) =>
        await db.EventRegistrations.AnyAsync(r => r.EventId == id && r.UserId == userId, ct);

    public async Task<EventOutcome> CreateAsync(EventInput input, CancellationToken ct = default)
    {
        var errors = input.Validate();
        if (errors.Count > 0)
        {
            return EventOutcome.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var item = new Event { Id = Guid.NewGuid(), Title = string.Empty, TimeZoneId = "UTC", CreatedAt = now };
        input.ApplyTo(item, now);
        db.Events.Add(item);
        await db.SaveChangesAsync(ct);
        return EventOutcome.Done(item);
    }

    public async Task<EventOutcome> UpdateAsync(Guid id, EventInput input, CancellationToken ct = default)
    {
        var item = await db.Events.Include(e => e.Materials).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (item is null)
        {
            return EventOutcome.Missing;
        }

        var errors = input.Validate();
        if (errors.Count == 0 && input.Capacity < item.Registered)
        {
            errors.Add(new FieldError("capacity", "event.capacity-below-registered", item.Registered));
        }

        if (errors.Count > 0)
        {
            return EventOutcome.Invalid(errors);
        }

        db.EventMaterials.RemoveRange(item.Materials);
        input.ApplyTo(item, clock.GetUtcNow());
        db.EventMaterials.AddRange(item.Materials);
        await db.SaveChangesAsync(ct);
        return EventOutcome.Done(item);
    }

    /// <summary>Publishes a draft or cancels an event.</summary>
    public async Task<EventOutcome> MoveAsync(Guid id, bool publish, CancellationToken ct = default)
    {
        var item = await db.Events.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (item is null)
        {
            return EventOutcome.Missing;
        }

        var now = clock.GetUtcNow();
        if ((publish ? item.Publish(now) : item.Cancel(now)) is { } error)
        {
            return EventOutcome.Refuse(error);
        }

        await db.SaveChangesAsync(ct);
        return EventOutcome.Done(item);
    }

    /// <summary>
    /// Takes a place for the user. The place is counted by a conditional update of the event's counter
    /// (atomic on both databases) and the registration inserted in the same transaction, so two users
    /// racing for the last place cannot both have it, and the unique index refuses a second one per user.
    /// </summary>
    public async Task<EventOutcome> RegisterAsync(Guid id, Guid userId, CancellationToken ct = default)
    {
        var item = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id && e.Status != EventStatus.Draft, ct);
        if (item is null)
        {
            return EventOutcome.Missing;
        }

        var now = clock.GetUtcNow();
        if (item.RefuseRegistration(now, 0) is { } closed)
        {
            return EventOutcome.Refuse(closed);
        }

        if (await IsRegisteredAsync(id, userId, ct))
        {
            return EventOutcome.Refuse(EventError.AlreadyRegistered);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var taken = await db.Events
            .Where(e => e.Id == id && e.Status == EventStatus.Published && e.Registered < e.Capacity)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Registered, e => e.Registered + 1), ct);
        if (taken == 0)
        {
            return EventOutcome.Refuse(EventError.Full);
        }

        db.EventRegistrations.Add(new EventRegistration { Id = Guid.NewGuid(), EventId = id, UserId = userId, RegisteredAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException error) when (UniqueViolations.Caused(error))
        {
            db.ChangeTracker.Clear();
            return EventOutcome.Refuse(EventError.AlreadyRegistered);
        }

        await transaction.CommitAsync(ct);
        return EventOutcome.Done(await db.Events.AsNoTracking().FirstAsync(e => e.Id == id, ct));
    }

    /// <summary>Gives the user's place back; not found when they had none.</summary>
    public async Task<EventOutcome> UnregisterAsync(Guid id, Guid userId, CancellationToken ct = default)
    {
        var registration = await db.EventRegistrations.FirstOrDefaultAsync(r => r.EventId == id && r.UserId == userId, ct);
        if (registration is null)
        {
            return EventOutcome.Missing;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.EventRegistrations.Remove(registration);
        await db.SaveChangesAsync(ct);
        await db.Events.Where(e => e.Id == id && e.Registered > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Registered, e => e.Registered - 1), ct);
        await transaction.CommitAsync(ct);
        return EventOutcome.Done(await db.Events.AsNoTracking().FirstAsync(e => e.Id == id, ct));
    }

    private IQueryable<Event> Visible(bool withDrafts) =>
        withDrafts ? db.Events.AsNoTracking() : db.Events.AsNoTracking().Where(e => e.Status != EventStatus.Draft);
}
