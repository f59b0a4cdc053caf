using System.Security.Claims;
using CooperaNet.Application.Auditing;
using CooperaNet.Application.Catalog;
using CooperaNet.Application.Data;
using CooperaNet.Application.Experts;
using CooperaNet.Application.Identity;
using CooperaNet.Domain;
using CooperaNet.Domain.Experts;
using CooperaNet.Web.Features.Catalog;
using CooperaNet.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Web.Features.Experts;

/// <summary>What a write to a call or an application did: done, or why it was refused (as for entries).</summary>
public sealed record CallOutcome(EntryRefusal Refusal, IReadOnlyList<FieldError>? Errors = null, string? Conflict = null, Guid? Id = null)
{
    public static readonly CallOutcome NotFound = new(EntryRefusal.NotFound);

    public static CallOutcome Invalid(params FieldError[] errors) => new(EntryRefusal.Invalid, errors);

    /// <summary>The outcome of a domain move: its error as a field's message (400), a missing thing (404) or a refused move (409).</summary>
    public static CallOutcome Of(ExpertError? error, Guid? id = null) => error switch
    {
        null => new(EntryRefusal.None, Id: id),
        _ when error == ExpertError.NotFound => NotFound,
        { Field: { } field } => Invalid(FieldOf(error, field)),
        _ => new(EntryRefusal.Conflict, Conflict: error.Code),
    };

    /// <summary>A domain error as a field's message, reusing the general texts for what is missing, too long or out of range.</summary>
    private static FieldError FieldOf(ExpertError error, string field) => error.Code switch
    {
        "expert.required" => new(field, "required"),
        "expert.too-long" when field is "sectors" or "languages" or "countries" => new(field, "too-many", ExpertCall.MaxCodes),
        "expert.too-long" => new(field, "length", 1, field switch
        {
            "title" => ExpertCall.TitleMax,
            "description" => ExpertCall.DescriptionMax,
            "priorityArea" => ExpertCall.PriorityAreaMax,
            "motivation" => CallApplication.MotivationMax,
            "reason" => CallApplication.ReasonMax,
            _ => ApplicationReview.NoteMax,
        }),
        "expert.score-range" => new(field, "range", ReviewScores.Min, ReviewScores.Max),
        _ => new(field, error.Code),
    };
}

/// <summary>
/// The one place pages and API open, change, publish and close calls, apply to them and vet the
/// applications, once the caller's policy has agreed (the secretariat with its second factor, or an
/// expert). The actor's name goes with every decision and review; the audit records the rest.
/// </summary>
public sealed class CallCommands(ExpertCalls calls, CooperaNetDbContext db, IAuthorizationService auth, ICurrentActor actor, TimeProvider clock)
{
    /// <summary>True for the secretariat signed in with its second factor.</summary>
    public async Task<bool> IsSecretariatAsync(ClaimsPrincipal user) => (await auth.AuthorizeAsync(user, Policies.Secretariat)).Succeeded;

    /// <summary>The signed-in expert's profile id; null for anyone else or an expert without a profile.</summary>
    public async Task<Guid?> ExpertIdAsync(ClaimsPrincipal user, CancellationToken ct) =>
        user.IsInRole(Roles.Expert) && user.UserId() is { } userId
            ? await db.ExpertProfiles.AsNoTracking().Where(p => p.UserId == userId).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct)
            : null;

    public Task<ExpertCall?> FindAsync(Guid id, CancellationToken ct) => calls.FindAsync(id, ct);

    /// <summary>A call's applications, best mean score first; null when there is no such call.</summary>
    public async Task<IReadOnlyList<ApplicationView>?> ApplicationsAsync(Guid callId, CancellationToken ct) =>
        await calls.FindAsync(callId, ct) is null ? null : [.. (await calls.ApplicationsAsync(callId, ct)).Select(ApplicationView.Of)];

    /// <summary>A call the user may read: a published one, or any for the secretariat.</summary>
    public async Task<ExpertCall?> ReadableAsync(ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        await calls.FindAsync(id, ct) is { } call && (call.Status == CallStatus.Published || await IsSecretariatAsync(user)) ? call : null;

    /// <summary>The published calls still taking applications, the nearest deadline first.</summary>
    public async Task<IReadOnlyList<ExpertCall>> OpenAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var open = await db.ExpertCalls.AsNoTracking().Where(c => c.Status == CallStatus.Published && c.Deadline > now).ToListAsync(ct);
        return [.. open.OrderBy(c => c.Deadline).ThenBy(c => c.Title, StringComparer.Ordinal)];
    }

    /// <summary>Every call, or those in <paramref name="status"/>: drafts first, then published, then closed, the newest first in each.</summary>
    public async Task<IReadOnlyList<ExpertCall>> AllAsync(CallStatus? status, CancellationToken ct)
    {
        var all = await db.ExpertCalls.AsNoTracking().Where(c => status == null || c.Status == status).ToListAsync(ct);
        return [.. all.OrderBy(c => c.Status).ThenByDescending(c => c.CreatedAt)];
    }

    /// <summary>The expert's applications with the title and status of their calls, the newest first; never the reviews.</summary>
    public async Task<IReadOnlyList<MyApplicationView>> ApplicationsOfAsync(Guid expertId, CancellationToken ct)
    {
        var rows = await (
                from application in db.CallApplications.AsNoTracking()
                join call in db.ExpertCalls.AsNoTracking() on application.CallId equals call.Id
                where application.ExpertId == expertId
                select new { application.Id, application.CallId, call.Title, call.Language, application.Status, application.SubmittedAt, application.RejectionReason })
            .ToListAsync(ct);
        return [.. rows.OrderByDescending(r => r.SubmittedAt).Select(r => new MyApplicationView(r.Id, r.CallId, r.Title, r.Language, CallNames.NameOf(r.Status), r.SubmittedAt, r.RejectionReason))];
    }

    /// <summary>Opens a draft call.</summary>
    public async Task<CallOutcome> CreateAsync(CallInput input, CancellationToken ct)
    {
        if (Missing(input) is { Count: > 0 } missing)
        {
            return new CallOutcome(EntryRefusal.Invalid, missing);
        }

        var (call, error) = await calls.CreateAsync(input.ToDetails(), actor.Name, ct);
        return CallOutcome.Of(error, call?.Id);
    }

    /// <summary>Changes a draft or published call.</summary>
    public async Task<CallOutcome> EditAsync(Guid id, CallInput input, CancellationToken ct) =>
        Missing(input) is { Count: > 0 } missing ? new CallOutcome(EntryRefusal.Invalid, missing) : CallOutcome.Of(await calls.EditAsync(id, input.ToDetails(), ct), id);

    /// <summary>Publishes a draft with a deadline ahead.</summary>
    public async Task<CallOutcome> PublishAsync(Guid id, CancellationToken ct) => CallOutcome.Of(await calls.PublishAsync(id, ct), id);

    /// <summary>Closes a published call.</summary>
    public async Task<CallOutcome> CloseAsync(Guid id, CancellationToken ct) => CallOutcome.Of(await calls.CloseAsync(id, ct), id);

    /// <summary>The signed-in expert applies to a published call before its deadline, once.</summary>
    public async Task<CallOutcome> ApplyAsync(ClaimsPrincipal user, Guid callId, string? motivation, CancellationToken ct)
    {
        if (await ExpertIdAsync(user, ct) is not { } expertId || await calls.FindAsync(callId, ct) is not { Status: not CallStatus.Draft })
        {
            return CallOutcome.NotFound;
        }

        var (application, error) = await calls.ApplyAsync(callId, expertId, motivation ?? string.Empty, ct);
        return CallOutcome.Of(error, application?.Id);
    }

    /// <summary>Moves an application: shortlist, interview, approve, or reject with a reason.</summary>
    public async Task<CallOutcome> MoveAsync(Guid applicationId, MoveInput input, CancellationToken ct)
    {
        if (input.Move is null || !CallNames.Moves.TryGetValue(input.Move.Trim(), out var move))
        {
            return CallOutcome.Invalid(new FieldError("move", "choice"));
        }

        return CallOutcome.Of(await calls.MoveAsync(applicationId, move, input.Reason, actor.Name, ct), applicationId);
    }

    /// <summary>The signed-in evaluator's scores and comment, or their declared conflict of interest with its note.</summary>
    public async Task<CallOutcome> ReviewAsync(Guid applicationId, ReviewInput input, CancellationToken ct)
    {
        ReviewScores? scores = null;
        if (!input.ConflictOfInterest)
        {
            var missing = new (string Field, int? Score)[] { ("expertiseFit", input.ExpertiseFit), ("experience", input.Experience), ("languages", input.Languages), ("availability", input.Availability) }
                .Where(s => s.Score is null).Select(s => new FieldError(s.Field, "required")).ToArray();
            if (missing.Length > 0)
            {
                return CallOutcome.Invalid(missing);
            }

            scores = new ReviewScores(input.ExpertiseFit!.Value, input.Experience!.Value, input.Languages!.Value, input.Availability!.Value);
        }

        var outcome = CallOutcome.Of(await calls.ReviewAsync(applicationId, actor.Name, scores, input.ConflictOfInterest ? input.Note : input.Comment, ct), applicationId);

        // The domain names the comment and the conflict's note alike; the caller sent one of them.
        return outcome.Errors is { } errors && !input.ConflictOfInterest
            ? outcome with { Errors = [.. errors.Select(e => e.Field == "note" ? e with { Field = "comment" } : e)] }
            : outcome;
    }

    /// <summary>The required fields left empty, all at once, so a form shows every one of them.</summary>
    private static List<FieldError> Missing(CallInput input)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(input.Title))
        {
            errors.Add(new("title", "required"));
        }

        if (string.IsNullOrWhiteSpace(input.Description))
        {
            errors.Add(new("description", "required"));
        }

        if (!Languages.IsSupported(input.Language ?? string.Empty))
        {
            errors.Add(new("language", "language"));
        }

        if (input.Sectors is null or { Count: 0 })
        {
            errors.Add(new("sectors", "sectors.required"));
        }

        return errors;
    }
}
