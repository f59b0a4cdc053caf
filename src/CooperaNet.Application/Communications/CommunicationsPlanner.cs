using CooperaNet.Application.Catalog;
using CooperaNet.Application.Data;
using CooperaNet.Application.FollowUp;
using CooperaNet.Domain.Communications;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Application.Communications;

/// <summary>The result of a write: the value, or field errors, or not found, or a conflict (by code).</summary>
public sealed record CommunicationOutcome<T>(T? Value, IReadOnlyList<FieldError> Errors, bool NotFound, string? Conflict)
    where T : class;

/// <summary>Builds <see cref="CommunicationOutcome{T}"/> values.</summary>
public static class CommunicationOutcome
{
    public static CommunicationOutcome<T> Done<T>(T value)
        where T : class => new(value, [], false, null);

    public static CommunicationOutcome<T> Invalid<T>(IReadOnlyList<FieldError> errors)
        where T : class => new(null, errors, false, null);

    public static CommunicationOutcome<T> Missing<T>()
        where T : class => new(null, [], true, null);

    public static CommunicationOutcome<T> Refuse<T>(string code)
        where T : class => new(null, [], false, code);
}

/// <summary>
/// The communication plan over the database: the audiences' key messages (read by everyone), the channels,
/// the semester plans with their items and content pieces (read by the secretariat, working-group members
/// and focal points). Every write is the secretariat's; authorization is the caller's, and the audit
/// interceptor records the actor of every change.
/// </summary>
public sealed class CommunicationsPlanner(CooperaNetDbContext db, TimeProvider clock)
{
    public const string SemesterTaken = "communications.semester-taken";

    public async Task<IReadOnlyList<AudienceMessage>> MessagesAsync(CancellationToken ct = default) =>
        (await db.AudienceMessages.AsNoTracking().ToListAsync(ct)).OrderBy(m => m.Audience).ToList();

    public async Task<AudienceMessage?> MessageAsync(Audience audience, CancellationToken ct = default) =>
        await db.AudienceMessages.AsNoTracking().FirstOrDefaultAsync(m => m.Audience == audience, ct);

    /// <summary>Writes an audience's description and key message, stamped with the editor and the time.</summary>
    public async Task<CommunicationOutcome<AudienceMessage>> SaveMessageAsync(Audience audience, AudienceMessageInput input, Guid editor, CancellationToken ct = default)
    {
        var errors = input.Validate();
        if (errors.Count > 0)
        {
            return CommunicationOutcome.Invalid<AudienceMessage>(errors);
        }

        var item = await db.AudienceMessages.FirstOrDefaultAsync(m => m.Audience == audience, ct);
        if (item is null)
        {
            item = new AudienceMessage { Audience = audience, Description = new(), Message = new() };
            db.AudienceMessages.Add(item);
        }

        item.Description = input.Description!.ToText();
        item.Message = input.Message!.ToText();
        item.UpdatedAt = clock.GetUtcNow();
        item.UpdatedById = editor;
        await db.SaveChangesAsync(ct);
        return CommunicationOutcome.Done(item);
    }

    /// <summary>Every channel, active first, by kind and name.</summary>
    public async Task<IReadOnlyList<Channel>> ChannelsAsync(CancellationToken ct = default) =>
        (await db.CommunicationChannels.AsNoTracking().ToListAsync(ct))
            .OrderByDescending(c => c.Active).ThenBy(c => c.Kind).ThenBy(c => c.Name, StringComparer.CurrentCulture).ToList();

    public async Task<Channel?> ChannelAsync(Guid id, CancellationToken ct = default) =>
        await db.CommunicationChannels.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);

    /// <summary>Adds a channel (id null) or changes one; names are unique.</summary>
    public async Task<CommunicationOutcome<Channel>> SaveChannelAsync(Guid? id, ChannelInput input, CancellationToken ct = default)
    {
        var errors = input.Validate();
        if (errors.Count > 0)
        {
            return CommunicationOutcome.Invalid<Channel>(errors);
        }

        Channel? item;
        if (id is { } existing)
        {
            item = await db.CommunicationChannels.FirstOrDefaultAsync(c => c.Id == existing, ct);
            if (item is null)
            {
                return CommunicationOutcome.Missing<Channel>();
            }
        }
        else
        {
            item = new Channel { Id = Guid.NewGuid(), Name = string.Empty, Address = string.Empty };
            db.CommunicationChannels.Add(item);
        }

        var name = input.Name!.Trim();
        if (await db.CommunicationChannels.AnyAsync(c => c.Name == name && c.Id != item.Id, ct))
        {
            db.ChangeTracker.Clear();
            return CommunicationOutcome.Invalid<Channel>([new FieldError("name", "communications.channel-name-taken")]);
        }

        input.ApplyTo(item, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return CommunicationOutcome.Done(item);
    }

    /// <summary>The semesters that have a plan, latest first.</summary>
    public async Task<IReadOnlyList<CommunicationPlan>> PlansAsync(CancellationToken ct = default) =>
        await db.CommunicationPlans.AsNoTracking().OrderByDescending(p => p.Year).ThenByDescending(p => p.Half).ToListAsync(ct);

    /// <summary>The semester's plan with its items and content pieces, or null.</summary>
    public async Task<CommunicationPlan?> PlanAsync(int year, int half, CancellationToken ct = default) =>
        await db.CommunicationPlans.AsNoTracking().Include(p => p.Items).Include(p => p.Pieces).AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Year == year && p.Half == half, ct);

    /// <summary>Opens the plan of a semester; one per semester (a unique index holds it when two race).</summary>
    public async Task<CommunicationOutcome<CommunicationPlan>> CreatePlanAsync(int? year, int? half, CancellationToken ct = default)
    {
        if (year is not { } y || half is not { } h || !CommunicationRules.IsSemester(y, h))
        {
            return CommunicationOutcome.Invalid<CommunicationPlan>([new FieldError("semester", "communications.semester")]);
        }

        if (await db.CommunicationPlans.AnyAsync(p => p.Year == y && p.Half == h, ct))
        {
            return CommunicationOutcome.Refuse<CommunicationPlan>(SemesterTaken);
        }

        var plan = new CommunicationPlan { Id = Guid.NewGuid(), Year = y, Half = h, CreatedAt = clock.GetUtcNow() };
        db.CommunicationPlans.Add(plan);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException error) when (UniqueViolations.Caused(error))
        {
            db.ChangeTracker.Clear();
            return CommunicationOutcome.Refuse<CommunicationPlan>(SemesterTaken);
        }

        return CommunicationOutcome.Done(plan);
    }

    /// <summary>Adds an item to the semester's plan (itemId null) or changes one of its items.</summary>
    public async Task<CommunicationOutcome<PlanItem>> SaveItemAsync(int year, int half, Guid? itemId, PlanItemInput input, CancellationToken ct = default)
    {
        var plan = await db.CommunicationPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Year == year && p.Half == half, ct);
        if (plan is null)
        {
            return CommunicationOutcome.Missing<PlanItem>();
        }

        var errors = input.Validate(plan);
        await CheckChannelAsync(errors, input.ChannelId, ct);
        PlanItem? item = null;
        if (itemId is { } existing && (item = await db.CommunicationPlanItems.FirstOrDefaultAsync(i => i.Id == existing && i.PlanId == plan.Id, ct)) is null)
        {
            return CommunicationOutcome.Missing<PlanItem>();
        }

        if (errors.Count > 0)
        {
            return CommunicationOutcome.Invalid<PlanItem>(errors);
        }

        if (item is null)
        {
            item = new PlanItem { Id = Guid.NewGuid(), PlanId = plan.Id, Owner = string.Empty };
            db.CommunicationPlanItems.Add(item);
        }

        input.ApplyTo(item, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return CommunicationOutcome.Done(item);
    }

    /// <summary>Adds a content piece to the semester's plan (pieceId null) or changes one.</summary>
    public async Task<CommunicationOutcome<ContentPiece>> SavePieceAsync(int year, int half, Guid? pieceId, ContentPieceInput input, CancellationToken ct = default)
    {
        var plan = await db.CommunicationPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Year == year && p.Half == half, ct);
        if (plan is null)
        {
            return CommunicationOutcome.Missing<ContentPiece>();
        }

        var errors = input.Validate(plan);
        await CheckChannelAsync(errors, input.ChannelId, ct);
        if (errors.Count == 0 && input.InternalId is { } linked && !await LinkExistsAsync(Inputs.Parse<ContentKind>(input.Kind)!.Value, linked, ct))
        {
            errors.Add(new FieldError("internalId", "communications.internal-missing"));
        }

        ContentPiece? piece = null;
        if (pieceId is { } existing && (piece = await db.ContentPieces.FirstOrDefaultAsync(p => p.Id == existing && p.PlanId == plan.Id, ct)) is null)
        {
            return CommunicationOutcome.Missing<ContentPiece>();
        }

        if (errors.Count > 0)
        {
            return CommunicationOutcome.Invalid<ContentPiece>(errors);
        }

        if (piece is null)
        {
            piece = new ContentPiece { Id = Guid.NewGuid(), PlanId = plan.Id, Title = string.Empty };
            db.ContentPieces.Add(piece);
        }

        input.ApplyTo(piece, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return CommunicationOutcome.Done(piece);
    }

    /// <summary>The semester ("2027-1") of each report among <paramref name="ids"/>, for the reports' addresses.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> ReportSemestersAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default) =>
        await db.SemesterReports.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Semester, ct);

    /// <summary>The channel must exist; a new or moved item may not use an inactive one.</summary>
    private async Task CheckChannelAsync(List<FieldError> errors, Guid? channelId, CancellationToken ct)
    {
        if (channelId is { } id && !await db.CommunicationChannels.AnyAsync(c => c.Id == id && c.Active, ct))
        {
            errors.Add(new FieldError("channelId", "communications.channel"));
        }
    }

    private async Task<bool> LinkExistsAsync(ContentKind kind, Guid id, CancellationToken ct) => kind switch
    {
        ContentKind.Event => await db.Events.AnyAsync(e => e.Id == id, ct),
        ContentKind.Experience => await db.Experiences.AnyAsync(e => e.Id == id, ct),
        ContentKind.Report => await db.SemesterReports.AnyAsync(r => r.Id == id, ct),
        _ => false,
    };
}
