using System.Globalization;
using System.Security.Claims;
using CooperaNet.Application.Auditing;
using CooperaNet.Application.Catalog;
using CooperaNet.Application.Data;
using CooperaNet.Application.Experts;
using CooperaNet.Domain.Experts;
using CooperaNet.Web.Features.Catalog;
using CooperaNet.Web.Features.Crossing;
using CooperaNet.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CooperaNet.Web.Features.Experts;

/// <summary>What the secretariat sends to propose an expert: a demand or an initiative (exactly one), a role and dates (yyyy-mm-dd).</summary>
public sealed record AssignmentRequest(Guid? ExpertId, Guid? DemandId, Guid? InitiativeId, string? Role, string? StartsOn, string? EndsOn);

/// <summary>The expert's answer when declining: the reason is required.</summary>
public sealed record DeclineRequest(string? Reason);

/// <summary>The receiving state's evaluation: a score from 1 to 5 and a comment.</summary>
public sealed record EvaluationRequest(int? Score, string? Comment);

/// <summary>The receiving state's evaluation as shown.</summary>
public sealed record EvaluationView(int Score, string Comment, DateTimeOffset EvaluatedAt);

/// <summary>An assignment as pages and API show it, with the expert's name and the title of what it answers.</summary>
public sealed record AssignmentView(
    Guid Id,
    Guid ExpertId,
    string ExpertName,
    Guid? DemandId,
    Guid? InitiativeId,
    string Target,
    string ReceivingState,
    string Role,
    DateOnly StartsOn,
    DateOnly EndsOn,
    string Status,
    DateTimeOffset ProposedAt,
    DateTimeOffset? AnsweredAt,
    string? DeclineReason,
    DateTimeOffset? CompletedAt,
    EvaluationView? Evaluation)
{
    /// <summary>Whether the assignment is at <paramref name="status"/>.</summary>
    public bool Is(AssignmentStatus status) => Status == NameOf(status);

    /// <summary>A status as pages and API write it: "proposed", "accepted", "declined", "completed".</summary>
    public static string NameOf(AssignmentStatus status) => status.ToString().ToLowerInvariant();
}

/// <summary>An expert ranked for a demand, with the engine's reasons in the reader's words.</summary>
public sealed record CandidateView(Guid ExpertId, string FullName, string Nationality, string Availability, double Score, IReadOnlyList<string> Reasons);

/// <summary>An expert's evaluations: how many, their mean, and each one with its comment.</summary>
public sealed record EvaluationsSummary(int Count, double? Average, IReadOnlyList<AssignmentView> Evaluated);

/// <summary>What an assignment's write did: the assignment, or why it was refused (as for entries; <see cref="Conflict"/> names the 409's reason).</summary>
public sealed record AssignmentOutcome(EntryRefusal Refusal, AssignmentView? Assignment = null, IReadOnlyList<FieldError>? Errors = null, string? Conflict = null)
{
    public static readonly AssignmentOutcome NotFound = new(EntryRefusal.NotFound, Conflict: "assignment.not-found");

    public static readonly AssignmentOutcome Forbidden = new(EntryRefusal.Forbidden);

    public static AssignmentOutcome Invalid(params FieldError[] errors) => new(EntryRefusal.Invalid, Errors: errors);
}

/// <summary>
/// The one place pages and API propose, read, answer, complete and evaluate experts' assignments and
/// rank experts for a demand, after <see cref="AssignmentAuthorizationHandler"/> (or the secretariat's
/// policy, to propose and rank) has agreed. The writes go through <see cref="ExpertAssignments"/>.
/// </summary>
public sealed class AssignmentCommands(
    ExpertAssignments assignments, ExpertRanking ranking, PairViews pairs, IAuthorizationService auth, ICurrentActor actor,
    CooperaNetDbContext db, IMemoryCache cache)
{
    /// <summary>Experts ranked by default.</summary>
    public const int DefaultTop = 10;

    /// <summary>Whether the user may propose experts and see the ranking: the secretariat with its second factor.</summary>
    public async Task<bool> MayProposeAsync(ClaimsPrincipal user) => (await auth.AuthorizeAsync(user, Policies.Secretariat)).Succeeded;

    /// <summary>The best experts for a demand, reasons worded in <paramref name="language"/>; null when there is no such demand.</summary>
    public async Task<IReadOnlyList<CandidateView>?> CandidatesAsync(Guid demandId, int top, string language, CancellationToken ct)
    {
        if (await ranking.RankAsync(demandId, top, ct) is not { } ranked)
        {
            return null;
        }

        var lookups = await CatalogLookups.LoadAsync(db, cache, language);
        return [.. ranked.Select(r => new CandidateView(
            r.ExpertId, r.FullName, r.Nationality, ExpertNames.NameOf(r.Availability), Math.Round(r.Score, 4), pairs.Describe(r.Reasons, lookups, language)))];
    }

    /// <summary>Proposes an expert of the roster (secretariat).</summary>
    public async Task<AssignmentOutcome> ProposeAsync(ClaimsPrincipal user, AssignmentRequest? request, CancellationToken ct)
    {
        if (!await MayProposeAsync(user))
        {
            return AssignmentOutcome.Forbidden;
        }

        var errors = new List<FieldError>();
        if (request?.ExpertId is null)
        {
            errors.Add(new("expertId", "required"));
        }

        var starts = Day(request?.StartsOn, "startsOn", errors);
        var ends = Day(request?.EndsOn, "endsOn", errors);
        if (errors.Count > 0)
        {
            return AssignmentOutcome.Invalid([.. errors]);
        }

        var input = new AssignmentInput(request!.ExpertId!.Value, request.DemandId, request.InitiativeId, request.Role ?? string.Empty, starts!.Value, ends!.Value);
        var (assignment, error) = await assignments.AssignAsync(input, actor.Name, ct);
        return assignment is null ? Refused(error!) : new AssignmentOutcome(EntryRefusal.None, await ViewAsync(assignment.Id, ct));
    }

    /// <summary>One assignment the user may see; null when there is none or they may not.</summary>
    public async Task<(AssignmentView? View, EntryRefusal Refusal)> ReadAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        if (await ResourceAsync(id, ct) is not { } resource)
        {
            return (null, EntryRefusal.NotFound);
        }

        return (await auth.AuthorizeAsync(user, resource, AssignmentOperations.Read)).Succeeded
            ? (await ViewAsync(id, ct), EntryRefusal.None)
            : (null, EntryRefusal.Forbidden);
    }

    /// <summary>
    /// The assignments the user may see, latest first: all of them for the secretariat (by expert or
    /// demand when asked), their own for an expert, their state's for a focal point; null for anyone else.
    /// </summary>
    public async Task<IReadOnlyList<AssignmentView>?> ListAsync(ClaimsPrincipal user, Guid? expertId, Guid? demandId, CancellationToken ct)
    {
        var query = db.ExpertAssignments.AsNoTracking();
        if (user.IsVerifiedSecretariat())
        {
            // All of them.
        }
        else if (user.FocalPointState() is { } state)
        {
            query = query.Where(a => a.ReceivingState == state);
        }
        else if (user.IsInRole(Application.Identity.Roles.Expert) && user.UserId() is { } userId)
        {
            var own = db.ExpertProfiles.Where(p => p.UserId == userId).Select(p => p.Id);
            query = query.Where(a => own.Contains(a.ExpertId));
        }
        else
        {
            return null;
        }

        if (expertId is { } expert)
        {
            query = query.Where(a => a.ExpertId == expert);
        }

        if (demandId is { } demand)
        {
            query = query.Where(a => a.DemandId == demand);
        }

        return await ViewsAsync(query, ct);
    }

    /// <summary>An expert's evaluations, for a page that already showed the user may read the profile.</summary>
    public async Task<EvaluationsSummary> EvaluationsAsync(Guid expertId, CancellationToken ct)
    {
        var evaluated = (await ViewsAsync(db.ExpertAssignments.AsNoTracking().Where(a => a.ExpertId == expertId && a.EvaluationScore != null), ct))
            .OrderByDescending(a => a.Evaluation!.EvaluatedAt).ToList();
        return new EvaluationsSummary(evaluated.Count, evaluated.Count == 0 ? null : Math.Round(evaluated.Average(a => a.Evaluation!.Score), 2), evaluated);
    }

    /// <summary>The expert concerned takes the mission.</summary>
    public Task<AssignmentOutcome> AcceptAsync(ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        MoveAsync(user, id, AssignmentOperations.Answer, async (a, ct) => Outcome(await assignments.AcceptAsync(a.Id, a.ExpertId, ct)), ct);

    /// <summary>The expert concerned says no, with a reason.</summary>
    public Task<AssignmentOutcome> DeclineAsync(ClaimsPrincipal user, Guid id, string? reason, CancellationToken ct) =>
        MoveAsync(user, id, AssignmentOperations.Answer, async (a, ct) => Outcome(await assignments.DeclineAsync(a.Id, a.ExpertId, reason ?? string.Empty, ct)), ct);

    /// <summary>The secretariat marks the mission over.</summary>
    public Task<AssignmentOutcome> CompleteAsync(ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        MoveAsync(user, id, AssignmentOperations.Complete, async (a, ct) => Outcome(await assignments.CompleteAsync(a.Id, ct)), ct);

    /// <summary>A focal point of the receiving state evaluates the completed work, once.</summary>
    public Task<AssignmentOutcome> EvaluateAsync(ClaimsPrincipal user, Guid id, EvaluationRequest? request, CancellationToken ct) =>
        MoveAsync(user, id, AssignmentOperations.Evaluate, async (a, ct) =>
        {
            if (request?.Score is not { } score)
            {
                // Without a score the domain is not asked; the comment's absence is said at the same time.
                return string.IsNullOrWhiteSpace(request?.Comment)
                    ? AssignmentOutcome.Invalid(new FieldError("score", "required"), new FieldError("comment", "required"))
                    : AssignmentOutcome.Invalid(new FieldError("score", "required"));
            }

            return Outcome(await assignments.EvaluateAsync(a.Id, score, request.Comment ?? string.Empty, actor.Name, ct));
        }, ct);

    /// <summary>An <see cref="ExpertError"/> as a refusal: a field's error is 400, an unknown thing 404, the rest 409.</summary>
    public static AssignmentOutcome Refused(ExpertError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var name = error.Code.Replace("expert.", string.Empty, StringComparison.Ordinal);
        return error switch
        {
            { Field: { } field } => AssignmentOutcome.Invalid(name switch
            {
                "required" => new FieldError(field, "required"),
                "too-long" => new FieldError(field, "assignment.too-long", field == "role" ? ExpertAssignment.RoleMax : ExpertAssignment.TextMax),
                "score-range" => new FieldError(field, "assignment.score-range", ExpertAssignment.ScoreMin, ExpertAssignment.ScoreMax),
                _ => new FieldError(field, "assignment." + name),
            }),
            _ when error == ExpertError.NotFound => AssignmentOutcome.NotFound,
            _ when error == ExpertError.WrongExpert => AssignmentOutcome.Forbidden,
            _ => new AssignmentOutcome(EntryRefusal.Conflict, Conflict: "assignment." + name),
        };
    }

    private async Task<AssignmentOutcome> MoveAsync(
        ClaimsPrincipal user, Guid id, Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement operation,
        Func<ExpertAssignment, CancellationToken, Task<AssignmentOutcome>> move, CancellationToken ct)
    {
        if (await ResourceAsync(id, ct) is not { } resource)
        {
            return AssignmentOutcome.NotFound;
        }

        if (!(await auth.AuthorizeAsync(user, resource, operation)).Succeeded)
        {
            return AssignmentOutcome.Forbidden;
        }

        var outcome = await move(resource.Assignment, ct);
        return outcome.Refusal == EntryRefusal.None ? outcome with { Assignment = await ViewAsync(id, ct) } : outcome;
    }

    /// <summary>Done (the view is read after), or the refusal of <paramref name="error"/>.</summary>
    private static AssignmentOutcome Outcome(ExpertError? error) => error is null ? new AssignmentOutcome(EntryRefusal.None) : Refused(error);

    private async Task<AssignmentResource?> ResourceAsync(Guid id, CancellationToken ct)
    {
        var found = await db.ExpertAssignments.AsNoTracking()
            .Where(a => a.Id == id)
            .Select(a => new { Assignment = a, UserId = db.ExpertProfiles.Where(p => p.Id == a.ExpertId).Select(p => (Guid?)p.UserId).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        return found is null ? null : new AssignmentResource(found.Assignment, found.UserId ?? Guid.Empty);
    }

    private async Task<AssignmentView> ViewAsync(Guid id, CancellationToken ct) =>
        (await ViewsAsync(db.ExpertAssignments.AsNoTracking().Where(a => a.Id == id), ct)).Single();

    private async Task<List<AssignmentView>> ViewsAsync(IQueryable<ExpertAssignment> query, CancellationToken ct)
    {
        var rows = await query
            .OrderByDescending(a => a.ProposedAt)
            .Select(a => new
            {
                Assignment = a,
                ExpertName = db.ExpertProfiles.Where(p => p.Id == a.ExpertId).Select(p => p.FullName).FirstOrDefault(),
                Demand = db.Entries.IgnoreQueryFilters().Where(e => e.Id == a.DemandId).Select(e => e.Title).FirstOrDefault(),
                Initiative = db.Initiatives.Where(i => i.Id == a.InitiativeId).Select(i => i.Title).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return [.. rows.Select(r => Of(r.Assignment, r.ExpertName ?? string.Empty, r.Demand ?? r.Initiative ?? string.Empty))];
    }

    private static AssignmentView Of(ExpertAssignment a, string expertName, string target) => new(
        a.Id, a.ExpertId, expertName, a.DemandId, a.InitiativeId, target, a.ReceivingState, a.Role, a.StartsOn, a.EndsOn,
        AssignmentView.NameOf(a.Status), a.ProposedAt, a.AnsweredAt, a.DeclineReason, a.CompletedAt,
        a.EvaluationScore is { } score ? new EvaluationView(score, a.EvaluationComment ?? string.Empty, a.EvaluatedAt!.Value) : null);

    private static DateOnly? Day(string? value, string field, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, "required"));
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors.Add(new(field, "assignment.date"));
        return null;
    }
}
