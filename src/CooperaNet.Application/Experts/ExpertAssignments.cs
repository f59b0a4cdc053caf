using CooperaNet.Application.Data;
using CooperaNet.Domain.Catalog;
using CooperaNet.Domain.Crossing;
using CooperaNet.Domain.Experts;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Application.Experts;

/// <summary>What the secretariat sends to assign an expert: a demand or an initiative (exactly one), a role and dates.</summary>
public sealed record AssignmentInput(Guid ExpertId, Guid? DemandId, Guid? InitiativeId, string Role, DateOnly StartsOn, DateOnly EndsOn);

/// <summary>An expert of the roster with the receiving states' evaluations of their completed missions.</summary>
public sealed record RosterExpert(
    Guid Id,
    string FullName,
    string Nationality,
    Availability Availability,
    DateTimeOffset InRosterSince,
    int CompletedMissions,
    int Evaluations,
    double? AverageEvaluation);

/// <summary>
/// Assignments of experts to demands and initiatives: proposed by the secretariat, accepted or
/// declined by the expert, completed, and evaluated once by the receiving state; and the roster with
/// each expert's average evaluation. Who may do what is the caller's check.
/// </summary>
public sealed class ExpertAssignments(CooperaNetDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Proposes an expert of the roster for a published demand (its state receives the work) or an
    /// initiative (its receiver does; the first one when a regional initiative has several).
    /// </summary>
    public async Task<(ExpertAssignment? Assignment, ExpertError? Error)> AssignAsync(AssignmentInput input, string by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var expert = await db.ExpertProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.Id == input.ExpertId, ct);
        if (expert is null)
        {
            return (null, ExpertError.NotFound);
        }

        string? receiver = null;
        if (input.DemandId is { } demandId)
        {
            receiver = await db.Entries.AsNoTracking()
                .Where(e => e.Id == demandId && e.Kind == EntryKind.Demand)
                .Select(e => e.StateCode).FirstOrDefaultAsync(ct);
        }
        else if (input.InitiativeId is { } initiativeId)
        {
            receiver = await db.Set<InitiativeParticipant>().AsNoTracking()
                .Where(p => p.InitiativeId == initiativeId && p.Role == ParticipantRole.Receiver)
                .OrderBy(p => p.StateCode).Select(p => p.StateCode).FirstOrDefaultAsync(ct);
        }

        if (receiver is null && (input.DemandId is null) != (input.InitiativeId is null))
        {
            return (null, ExpertError.NotFound);
        }

        var now = clock.GetUtcNow();
        var (assignment, error) = ExpertAssignment.Propose(
            Guid.CreateVersion7(now), expert, input.DemandId, input.InitiativeId, receiver ?? string.Empty, input.Role, input.StartsOn, input.EndsOn, by, now);
        if (assignment is not null)
        {
            db.ExpertAssignments.Add(assignment);
            await db.SaveChangesAsync(ct);
        }

        return (assignment, error);
    }

    /// <summary>The expert <paramref name="expertId"/> takes the mission offered to them.</summary>
    public Task<ExpertError?> AcceptAsync(Guid assignmentId, Guid expertId, CancellationToken ct) =>
        OnAssignmentAsync(assignmentId, expertId, (a, now) => a.Accept(now), ct);

    /// <summary>The expert <paramref name="expertId"/> declines, with a reason.</summary>
    public Task<ExpertError?> DeclineAsync(Guid assignmentId, Guid expertId, string reason, CancellationToken ct) =>
        OnAssignmentAsync(assignmentId, expertId, (a, now) => a.Decline(reason, now), ct);

    /// <summary>The mission is over.</summary>
    public Task<ExpertError?> CompleteAsync(Guid assignmentId, CancellationToken ct) =>
        OnAssignmentAsync(assignmentId, null, (a, now) => a.Complete(now), ct);

    /// <summary>The receiving state's evaluation of the completed work, once.</summary>
    public Task<ExpertError?> EvaluateAsync(Guid assignmentId, int score, string comment, string by, CancellationToken ct) =>
        OnAssignmentAsync(assignmentId, null, (a, now) => a.Evaluate(score, comment, by, now), ct);

    /// <summary>An expert's assignments, latest first.</summary>
    public async Task<IReadOnlyList<ExpertAssignment>> OfExpertAsync(Guid expertId, CancellationToken ct) =>
        await db.ExpertAssignments.AsNoTracking().Where(a => a.ExpertId == expertId).OrderByDescending(a => a.ProposedAt).ToListAsync(ct);

    /// <summary>The roster: every expert approved into it, by name, with their missions completed and their average evaluation.</summary>
    public async Task<IReadOnlyList<RosterExpert>> RosterAsync(CancellationToken ct)
    {
        var experts = await db.ExpertProfiles.AsNoTracking()
            .Where(p => p.InRosterSince != null)
            .Select(p => new { p.Id, p.FullName, p.Nationality, p.Availability, InRosterSince = p.InRosterSince!.Value })
            .ToListAsync(ct);
        var missions = (await db.ExpertAssignments.AsNoTracking()
                .Where(a => a.Status == AssignmentStatus.Completed)
                .Select(a => new { a.ExpertId, a.EvaluationScore })
                .ToListAsync(ct))
            .ToLookup(a => a.ExpertId);
        return experts
            .Select(e =>
            {
                var scores = missions[e.Id].Select(m => m.EvaluationScore).OfType<int>().ToList();
                return new RosterExpert(
                    e.Id, e.FullName, e.Nationality, e.Availability, e.InRosterSince, missions[e.Id].Count(), scores.Count,
                    scores.Count == 0 ? null : Math.Round(scores.Average(), 2));
            })
            .OrderBy(e => e.FullName, StringComparer.CurrentCulture)
            .ToList();
    }

    private async Task<ExpertError?> OnAssignmentAsync(Guid id, Guid? expertId, Func<ExpertAssignment, DateTimeOffset, ExpertError?> move, CancellationToken ct)
    {
        var assignment = await db.ExpertAssignments.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (assignment is null)
        {
            return ExpertError.NotFound;
        }

        if (expertId is { } expert && assignment.ExpertId != expert)
        {
            return ExpertError.WrongExpert;
        }

        var error = move(assignment, clock.GetUtcNow());
        if (error is null)
        {
            await db.SaveChangesAsync(ct);
        }

        return error;
    }
}
