using System.Security.Claims;
using CooperaNet.Application.Catalog;
using CooperaNet.Application.Data;
using CooperaNet.Domain;
using CooperaNet.Domain.Catalog;
using CooperaNet.Domain.Crossing;
using CooperaNet.Web.Features.Catalog;
using CooperaNet.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Web.Features.Crossing;

/// <summary>What a write on a pair or an initiative did, or why it was refused (as for entries).</summary>
public sealed record CrossingOutcome(EntryRefusal Refusal, Pair? Pair = null, Initiative? Initiative = null, IReadOnlyList<FieldError>? Errors = null, string? Conflict = null)
{
    public static readonly CrossingOutcome NotFound = new(EntryRefusal.NotFound);

    public static readonly CrossingOutcome Forbidden = new(EntryRefusal.Forbidden);

    public static CrossingOutcome Invalid(params FieldError[] errors) => new(EntryRefusal.Invalid, Errors: errors);

    public static CrossingOutcome Refused(string code) => new(EntryRefusal.Conflict, Conflict: code);
}

/// <summary>How the secretariat brokers an agreed pair into an initiative.</summary>
public sealed record BrokerInput(string? Title, string? Type, string? Modality, string? SecondOfferer, DateOnly? StartsOn, DateOnly? EndsOn);

/// <summary>
/// Following a pair to an agreed initiative: either side says it is interested or declines (its
/// focal points, or the secretariat on its behalf); when both are interested the secretariat
/// brokers it into an initiative, which then moves planned → in execution → completed. Every step
/// notifies the states concerned. The API and the pages both go through here.
/// </summary>
public sealed class PairCommands(CooperaNetDbContext db, IAuthorizationService auth, Notifier notifier, TimeProvider clock)
{
    /// <summary>The pair if <paramref name="user"/> may see it.</summary>
    public async Task<Pair?> ReadAsync(ClaimsPrincipal user, Guid id)
    {
        var pair = await db.Pairs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id);
        return pair is not null && (await auth.AuthorizeAsync(user, pair, PairOperations.Read)).Succeeded ? pair : null;
    }

    /// <summary>The side <paramref name="user"/> answers for: its state's side, or the one the secretariat names.</summary>
    public static PairSide? SideFor(ClaimsPrincipal user, Pair pair, string? side)
    {
        if (Enum.TryParse<PairSide>(side, ignoreCase: true, out var named) && Enum.IsDefined(named))
        {
            return named;
        }

        var state = user.FocalPointState();
        return state is null ? null : pair.SidesOf(state).Cast<PairSide?>().FirstOrDefault();
    }

    /// <summary>The sides <paramref name="user"/> may answer for now.</summary>
    public async Task<IReadOnlyList<PairSide>> AnswerableSidesAsync(ClaimsPrincipal user, Pair pair)
    {
        var sides = new List<PairSide>();
        foreach (var side in new[] { PairSide.Offer, PairSide.Demand })
        {
            if (pair.IsOpen && pair.InterestOf(side) == Interest.Pending && (await auth.AuthorizeAsync(user, new PairSideResource(pair, side), PairOperations.Answer)).Succeeded)
            {
                sides.Add(side);
            }
        }

        return sides;
    }

    public Task<CrossingOutcome> InterestAsync(ClaimsPrincipal user, Guid id, string? side) =>
        AnswerAsync(user, id, side, reason: null);

    public Task<CrossingOutcome> DeclineAsync(ClaimsPrincipal user, Guid id, string? side, string? reason) =>
        AnswerAsync(user, id, side, reason ?? string.Empty);

    /// <summary>Makes the agreed pair an initiative with the states' roles (SEGIB's model).</summary>
    public async Task<CrossingOutcome> BrokerAsync(ClaimsPrincipal user, Guid id, BrokerInput? input)
    {
        var pair = await db.Pairs.FirstOrDefaultAsync(p => p.Id == id);
        if (pair is null || !(await auth.AuthorizeAsync(user, pair, PairOperations.Read)).Succeeded)
        {
            return CrossingOutcome.NotFound;
        }

        if (!(await auth.AuthorizeAsync(user, pair, PairOperations.Broker)).Succeeded)
        {
            return CrossingOutcome.Forbidden;
        }

        if (pair.Status != PairStatus.Agreed)
        {
            return CrossingOutcome.Refused(pair.Status == PairStatus.Brokered ? PairError.Closed.Code : PairError.NotAgreed.Code);
        }

        var errors = new List<FieldError>();
        var title = input?.Title?.Trim() ?? string.Empty;
        if (title.Length == 0)
        {
            errors.Add(new FieldError("title", "required"));
        }
        else if (title.Length > Initiative.TitleMax)
        {
            errors.Add(new FieldError("title", "length", 1, Initiative.TitleMax));
        }

        if (!Enum.TryParse<InitiativeType>(input?.Type, ignoreCase: true, out var type) || !Enum.IsDefined(type) || int.TryParse(input?.Type, out _))
        {
            errors.Add(new FieldError("type", "choice"));
        }

        if (!Enum.TryParse<CooperationModality>(input?.Modality, ignoreCase: true, out var modality) || !Enum.IsDefined(modality) || int.TryParse(input?.Modality, out _) || modality == CooperationModality.Regional)
        {
            errors.Add(new FieldError("modality", "choice"));
        }

        var second = input?.SecondOfferer?.Trim().ToUpperInvariant();
        if (modality == CooperationModality.Triangular)
        {
            if (string.IsNullOrEmpty(second))
            {
                errors.Add(new FieldError("secondOfferer", "required"));
            }
            else if (!await db.MemberStates.AnyAsync(s => s.Code == second))
            {
                errors.Add(new FieldError("secondOfferer", "state.unknown", second));
            }
            else if (second == pair.OfferState || second == pair.DemandState)
            {
                errors.Add(new FieldError("secondOfferer", "initiative.roles"));
            }
        }

        if (input?.StartsOn is { } start && input.EndsOn is { } end && end < start)
        {
            errors.Add(new FieldError("endsOn", "dates.order"));
        }

        if (errors.Count > 0)
        {
            return CrossingOutcome.Invalid([.. errors]);
        }

        List<(string State, ParticipantRole Role)> roles = modality == CooperationModality.Triangular
            ? [(pair.OfferState, ParticipantRole.FirstOfferer), (second!, ParticipantRole.SecondOfferer), (pair.DemandState, ParticipantRole.Receiver)]
            : [(pair.OfferState, ParticipantRole.Offerer), (pair.DemandState, ParticipantRole.Receiver)];
        if (Initiative.Check(title, modality, roles, input!.StartsOn, input.EndsOn) is { } error)
        {
            return CrossingOutcome.Refused(error.Code);
        }

        var now = clock.GetUtcNow();
        var demand = await db.Entries.AsNoTracking().Where(e => e.Id == pair.DemandId).Select(e => e.Language).FirstOrDefaultAsync();
        var initiative = new Initiative
        {
            Id = Guid.CreateVersion7(now),
            Title = title,
            Language = demand ?? Languages.Default,
            Type = type,
            Modality = modality,
            PairId = pair.Id,
            OfferId = pair.OfferId,
            DemandId = pair.DemandId,
            StartsOn = input.StartsOn,
            EndsOn = input.EndsOn,
            CreatedAt = now,
            Participants = [.. roles.Select(r => new InitiativeParticipant { StateCode = r.State, Role = r.Role })],
        };
        db.Initiatives.Add(initiative);
        pair.Broker(initiative.Id, now);
        await notifier.NotifyAsync("initiative.created", [.. roles.Select(r => r.State)], secretariat: false, Routes.Initiative(initiative.Id), title);
        await db.SaveChangesAsync();
        return new CrossingOutcome(EntryRefusal.None, pair, initiative);
    }

    /// <summary>The initiative if <paramref name="user"/> may see it.</summary>
    public async Task<Initiative?> ReadInitiativeAsync(ClaimsPrincipal user, Guid id)
    {
        var initiative = await db.Initiatives.AsNoTracking().Include(i => i.Participants).FirstOrDefaultAsync(i => i.Id == id);
        return initiative is not null && (await auth.AuthorizeAsync(user, initiative, PairOperations.Read)).Succeeded ? initiative : null;
    }

    /// <summary>Starts ("start") or completes ("complete") an initiative (the secretariat).</summary>
    public async Task<CrossingOutcome> MoveInitiativeAsync(ClaimsPrincipal user, Guid id, string move)
    {
        var initiative = await db.Initiatives.Include(i => i.Participants).FirstOrDefaultAsync(i => i.Id == id);
        if (initiative is null || !(await auth.AuthorizeAsync(user, initiative, PairOperations.Read)).Succeeded)
        {
            return CrossingOutcome.NotFound;
        }

        if (!(await auth.AuthorizeAsync(user, initiative, PairOperations.Broker)).Succeeded)
        {
            return CrossingOutcome.Forbidden;
        }

        var now = clock.GetUtcNow();
        var error = move switch
        {
            "start" => initiative.Start(now),
            "complete" => initiative.Complete(now),
            _ => InitiativeError.Status,
        };
        if (error is not null)
        {
            return CrossingOutcome.Refused(error.Code);
        }

        await notifier.NotifyAsync("initiative." + move, [.. initiative.Participants.Select(p => p.StateCode)], secretariat: false, Routes.Initiative(initiative.Id), initiative.Title);
        await db.SaveChangesAsync();
        return new CrossingOutcome(EntryRefusal.None, Initiative: initiative);
    }

    private async Task<CrossingOutcome> AnswerAsync(ClaimsPrincipal user, Guid id, string? sideName, string? reason)
    {
        var pair = await db.Pairs.FirstOrDefaultAsync(p => p.Id == id);
        if (pair is null || !(await auth.AuthorizeAsync(user, pair, PairOperations.Read)).Succeeded)
        {
            return CrossingOutcome.NotFound;
        }

        if (SideFor(user, pair, sideName) is not { } side)
        {
            return CrossingOutcome.Invalid(new FieldError("side", "choice"));
        }

        if (!(await auth.AuthorizeAsync(user, new PairSideResource(pair, side), PairOperations.Answer)).Succeeded)
        {
            return CrossingOutcome.Forbidden;
        }

        if (reason is not null && reason.Trim().Length > Pair.ReasonMax)
        {
            return CrossingOutcome.Invalid(new FieldError("reason", "length", 1, Pair.ReasonMax));
        }

        var now = clock.GetUtcNow();
        var error = reason is null ? pair.ExpressInterest(side, now) : pair.Decline(side, reason, now);
        if (error == PairError.ReasonRequired)
        {
            return CrossingOutcome.Invalid(new FieldError("reason", "required"));
        }

        if (error is not null)
        {
            return CrossingOutcome.Refused(error.Code);
        }

        var titles = await db.Entries.AsNoTracking().Where(e => e.Id == pair.OfferId || e.Id == pair.DemandId)
            .Select(e => new { e.Id, e.Title }).ToDictionaryAsync(e => e.Id, e => e.Title);
        string[] names = [titles.GetValueOrDefault(pair.DemandId) ?? string.Empty, titles.GetValueOrDefault(pair.OfferId) ?? string.Empty];
        var link = Routes.Pair(pair.Id);
        var kind = pair.Status switch
        {
            PairStatus.Agreed => "pair.agreed",
            PairStatus.Declined => "pair.declined",
            _ => "pair.interest",
        };
        await notifier.NotifyAsync(kind, [pair.OfferState, pair.DemandState], secretariat: pair.Status == PairStatus.Agreed, link, names);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            // The other side (or the secretariat) answered at the same moment: nothing saved; ask again.
            return CrossingOutcome.Refused("pair.changed");
        }

        return new CrossingOutcome(EntryRefusal.None, pair);
    }
}
