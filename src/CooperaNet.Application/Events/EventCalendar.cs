using CooperaNet.Application.Catalog;
using CooperaNet.Application.Data;
using CooperaNet.Application.FollowUp;
using CooperaNet.Domain.Events;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Application.Events;

/// <summary>
/// The result of a write: the event, or field errors, or not found, or a refused move. A registration
/// that found the event full is done with <see cref="Waiting"/> and the place on the waiting list.
/// </summary>
public sealed record EventOutcome(Event? Event, IReadOnlyList<FieldError> Errors, bool NotFound, EventError? Refused)
{
    public bool Waiting { get; init; }

    /// <summary>1 for the first on the waiting list.</summary>
    public int? Position { get; init; }

    public static EventOutcome Done(Event item) => new(item, [], false, null);

    public static EventOutcome Invalid(IReadOnlyList<FieldError> errors) => new(null, errors, false, null);

    public static readonly EventOutcome Missing = new(null, [], true, null);

    public static EventOutcome Refuse(EventError error) => new(null, [], false, error);
}

/// <summary>Tells someone from the waiting list that a place is theirs; queued in the transaction that gave it.</summary>
public interface IEventLetters
{
    Task PlaceFreedAsync(Event item, Guid userId, CancellationToken ct);
}

/// <summary>
/// The events calendar over the database: reads for everyone (drafts and proposals only for the
/// secretariat, and each proposal for its author), writes for the secretariat, proposals by focal points
/// and partners, registrations for signed-in users with a waiting list once the places are taken.
/// Authorization is the caller's; the actor of every change is recorded by the audit interceptor.
/// </summary>
public sealed class EventCalendar(CooperaNetDbContext db, TimeProvider clock, IEventLetters? letters = null)
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

    /// <summary>The event, if the reader may see it.</summary>
    public Task<Event?> FindAsync(Guid id, bool withDrafts, CancellationToken ct = default) => FindAsync(id, withDrafts, null, ct);

    /// <summary>The event, if the reader may see it: <paramref name="author"/> also sees the proposals they made.</summary>
    public async Task<Event?> FindAsync(Guid id, bool withDrafts, Guid? author, CancellationToken ct = default) =>
        await db.Events.AsNoTracking().Include(e => e.Materials)
            .Where(e => withDrafts || e.Status == EventStatus.Published || e.Status == EventStatus.Cancelled || (author != null && e.ProposedById == author))
            .FirstOrDefaultAsync(e => e.Id == id, ct);

    /// <summary>The events <paramref name="author"/> proposed, latest first, whatever became of them.</summary>
    public async Task<IReadOnlyList<Event>> ProposedByAsync(Guid author, CancellationToken ct = default) =>
        await db.Events.AsNoTracking().Where(e => e.ProposedById == author).OrderByDescending(e => e.CreatedAt).ToListAsync(ct);

    public async Task<bool> IsRegisteredAsync(Guid id, Guid userId, CancellationToken ct = default) =>
        await db.EventRegistrations.AnyAsync(r => r.EventId == id && r.UserId == userId, ct);

    /// <summary>The user's registration: null without one; otherwise whether they wait, and their place in the queue.</summary>
    public async Task<(bool Waiting, int Position)?> RegistrationOfAsync(Guid id, Guid userId, CancellationToken ct = default)
    {
        var mine = await db.EventRegistrations.AsNoTracking().FirstOrDefaultAsync(r => r.EventId == id && r.UserId == userId, ct);
        if (mine is null)
        {
            return null;
        }

        return (mine.Waiting, mine.Waiting ? await PositionAsync(mine, ct) : 0);
    }

    /// <summary>How many wait for a place at the event.</summary>
    public async Task<int> WaitingCountAsync(Guid id, CancellationToken ct = default) =>
        await db.EventRegistrations.CountAsync(r => r.EventId == id && r.Waiting, ct);

    /// <summary>A focal point or partner proposes an event; it waits for the secretariat to publish or decline it.</summary>
    public async Task<EventOutcome> ProposeAsync(EventInput input, Guid author, CancellationToken ct = default)
    {
        var errors = input.Validate();
        if (errors.Count > 0)
        {
            return EventOutcome.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var item = Event.Propose(Guid.NewGuid(), author, now);
        input.ApplyTo(item, now);
        db.Events.Add(item);
        await db.SaveChangesAsync(ct);
        return EventOutcome.Done(item);
    }

    /// <summary>The secretariat declines a proposal.</summary>
    public async Task<EventOutcome> DeclineAsync(Guid id, CancellationToken ct = default)
    {
        var item = await db.Events.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (item is null)
        {
            return EventOutcome.Missing;
        }

        if (item.Decline(clock.GetUtcNow()) is { } error)
        {
            return EventOutcome.Refuse(error);
        }

        await db.SaveChangesAsync(ct);
        return EventOutcome.Done(item);
    }

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

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.EventMaterials.RemoveRange(item.Materials);
        input.ApplyTo(item, clock.GetUtcNow());
        db.EventMaterials.AddRange(item.Materials);
        await db.SaveChangesAsync(ct);
        while (item.Capacity is { } capacity && item.Registered < capacity && await PromoteAsync(item, ct))
        {
            item.Registered++;
        }

        await transaction.CommitAsync(ct);
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
        var item = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id && (e.Status == EventStatus.Published || e.Status == EventStatus.Cancelled), ct);
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
        var registration = new EventRegistration { Id = Guid.NewGuid(), EventId = id, UserId = userId, RegisteredAt = now, Waiting = taken == 0 };
        db.EventRegistrations.Add(registration);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException error) when (UniqueViolations.Caused(error))
        {
            db.ChangeTracker.Clear();
            return EventOutcome.Refuse(EventError.AlreadyRegistered);
        }

        var position = registration.Waiting ? await PositionAsync(registration, ct) : (int?)null;
        await transaction.CommitAsync(ct);
        return EventOutcome.Done(await db.Events.AsNoTracking().FirstAsync(e => e.Id == id, ct)) with { Waiting = registration.Waiting, Position = position };
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
        if (!registration.Waiting)
        {
            // The freed place goes to the first on the waiting list, if anyone waits and the event has not started.
            var item = await db.Events.AsNoTracking().FirstAsync(e => e.Id == id, ct);
            var promoted = item.Status == EventStatus.Published && clock.GetUtcNow() < item.StartsAt && await PromoteAsync(item, ct);
            if (!promoted)
            {
                await db.Events.Where(e => e.Id == id && e.Registered > 0)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.Registered, e => e.Registered - 1), ct);
            }
        }

        await transaction.CommitAsync(ct);
        return EventOutcome.Done(await db.Events.AsNoTracking().FirstAsync(e => e.Id == id, ct));
    }

    /// <summary>
    /// Gives a place to the first on the waiting list: a conditional update, so two freed places never go
    /// to the same person; the letter telling them is queued in the same transaction. False when nobody waits.
    /// </summary>
    private async Task<bool> PromoteAsync(Event item, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        while (true)
        {
            var next = await db.EventRegistrations.AsNoTracking()
                .Where(r => r.EventId == item.Id && r.Waiting)
                .OrderBy(r => r.RegisteredAt).ThenBy(r => r.Id)
                .FirstOrDefaultAsync(ct);
            if (next is null)
            {
                return false;
            }

            var moved = await db.EventRegistrations.Where(r => r.Id == next.Id && r.Waiting)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Waiting, false).SetProperty(r => r.PromotedAt, now), ct);
            if (moved == 1)
            {
                if (letters is not null)
                {
                    await letters.PlaceFreedAsync(item, next.UserId, ct);
                    await db.SaveChangesAsync(ct);
                }

                return true;
            }
        }
    }

    /// <summary>1 + how many joined the waiting list before this registration (at the same instant: the same position).</summary>
    private async Task<int> PositionAsync(EventRegistration mine, CancellationToken ct) =>
        1 + await db.EventRegistrations.CountAsync(
            r => r.EventId == mine.EventId && r.Waiting && r.RegisteredAt < mine.RegisteredAt, ct);

    private IQueryable<Event> Visible(bool withDrafts) =>
        withDrafts ? db.Events.AsNoTracking() : db.Events.AsNoTracking().Where(e => e.Status == EventStatus.Published || e.Status == EventStatus.Cancelled);
}
