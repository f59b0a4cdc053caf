using CooperaNet.Application.Catalog;
using CooperaNet.Application.Data;
using CooperaNet.Application.FollowUp;
using CooperaNet.Domain.Experts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CooperaNet.Application.Experts;

/// <summary>The moves of vetting, as the secretariat names them.</summary>
public enum ApplicationMove
{
    /// <summary>Received → shortlisted.</summary>
    Shortlist = 0,

    /// <summary>Shortlisted → interviewed.</summary>
    Interview = 1,

    /// <summary>Interviewed → approved into the roster.</summary>
    Approve = 2,

    /// <summary>Not decided yet → rejected, with a reason.</summary>
    Reject = 3,
}

/// <summary>An application as the secretariat lists it for a call: the expert, where it is, and the evaluators' mean score.</summary>
public sealed record ApplicationSummary(
    Guid Id,
    Guid ExpertId,
    string ExpertName,
    ApplicationStatus Status,
    DateTimeOffset SubmittedAt,
    int Reviews,
    int Conflicts,
    double? MeanScore,
    string? RejectionReason);

/// <summary>
/// Calls for experts and their vetting: the secretariat opens, edits, publishes and closes calls,
/// experts apply, the secretariat moves each application and evaluators review it. Who may do what
/// is the caller's check: these take plain ids and the actor's name.
/// </summary>
public sealed class ExpertCalls(CooperaNetDbContext db, IMemoryCache cache, TimeProvider clock)
{
    /// <summary>Opens a draft call; refused with the field at fault, sectors checked against the DAC list.</summary>
    public async Task<(ExpertCall? Call, ExpertError? Error)> CreateAsync(CallDetails details, string by, CancellationToken ct)
    {
        if (await UnknownSectorAsync(details) is { } unknown)
        {
            return (null, unknown);
        }

        var now = clock.GetUtcNow();
        var (call, error) = ExpertCall.Open(Guid.CreateVersion7(now), details, by, now);
        if (call is not null)
        {
            db.ExpertCalls.Add(call);
            await db.SaveChangesAsync(ct);
        }

        return (call, error);
    }

    /// <summary>The call, or null.</summary>
    public Task<ExpertCall?> FindAsync(Guid id, CancellationToken ct) => db.ExpertCalls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);

    /// <summary>Changes a draft or published call.</summary>
    public async Task<ExpertError?> EditAsync(Guid id, CallDetails details, CancellationToken ct) =>
        await UnknownSectorAsync(details) ?? await OnCallAsync(id, (call, now) => call.Edit(details, now), ct);

    /// <summary>Publishes a draft with a future deadline.</summary>
    public Task<ExpertError?> PublishAsync(Guid id, CancellationToken ct) => OnCallAsync(id, (call, now) => call.Publish(now), ct);

    /// <summary>Closes a published call.</summary>
    public Task<ExpertError?> CloseAsync(Guid id, CancellationToken ct) => OnCallAsync(id, (call, now) => call.Close(now), ct);

    /// <summary>The expert applies to the call with a motivation; once per call.</summary>
    public async Task<(CallApplication? Application, ExpertError? Error)> ApplyAsync(Guid callId, Guid expertId, string motivation, CancellationToken ct)
    {
        var call = await db.ExpertCalls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId, ct);
        if (call is null || !await db.ExpertProfiles.AnyAsync(p => p.Id == expertId, ct))
        {
            return (null, ExpertError.NotFound);
        }

        if (await db.CallApplications.AnyAsync(a => a.CallId == callId && a.ExpertId == expertId, ct))
        {
            return (null, ExpertError.AlreadyApplied);
        }

        var now = clock.GetUtcNow();
        var (application, error) = call.Apply(Guid.CreateVersion7(now), expertId, motivation, now);
        if (application is null)
        {
            return (null, error);
        }

        db.CallApplications.Add(application);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (UniqueViolations.Caused(ex))
        {
            // The same expert applied through another instance at the same moment.
            db.ChangeTracker.Clear();
            return (null, ExpertError.AlreadyApplied);
        }

        return (application, null);
    }

    /// <summary>Moves an application in vetting; approval puts its expert in the roster in the same save.</summary>
    public async Task<ExpertError?> MoveAsync(Guid applicationId, ApplicationMove move, string? reason, string by, CancellationToken ct)
    {
        var application = await db.CallApplications.FirstOrDefaultAsync(a => a.Id == applicationId, ct);
        if (application is null)
        {
            return ExpertError.NotFound;
        }

        var now = clock.GetUtcNow();
        ExpertError? error;
        switch (move)
        {
            case ApplicationMove.Shortlist:
                error = application.Shortlist(now);
                break;
            case ApplicationMove.Interview:
                error = application.RecordInterview(now);
                break;
            case ApplicationMove.Approve:
                var expert = await db.ExpertProfiles.FirstOrDefaultAsync(p => p.Id == application.ExpertId, ct);
                error = expert is null ? ExpertError.NotFound : application.Approve(expert, by, now);
                break;
            default:
                error = application.Reject(reason ?? string.Empty, by, now);
                break;
        }

        return await SaveAsync(error, ct);
    }

    /// <summary>An evaluator's scores (with an optional comment), or a declared conflict of interest with its note when <paramref name="scores"/> is null.</summary>
    public async Task<ExpertError?> ReviewAsync(Guid applicationId, string evaluator, ReviewScores? scores, string? note, CancellationToken ct)
    {
        var application = await db.CallApplications.Include(a => a.Reviews).FirstOrDefaultAsync(a => a.Id == applicationId, ct);
        if (application is null)
        {
            return ExpertError.NotFound;
        }

        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var error = scores is null
            ? application.DeclareConflict(id, evaluator, note ?? string.Empty, now)
            : application.Review(id, evaluator, scores, note, now);
        try
        {
            return await SaveAsync(error, ct);
        }
        catch (DbUpdateException ex) when (UniqueViolations.Caused(ex))
        {
            db.ChangeTracker.Clear();
            return ExpertError.AlreadyReviewed;
        }
    }

    /// <summary>The applications to a call, best reviewed first, then oldest first.</summary>
    public async Task<IReadOnlyList<ApplicationSummary>> ApplicationsAsync(Guid callId, CancellationToken ct)
    {
        var applications = await db.CallApplications.AsNoTracking().Include(a => a.Reviews).Where(a => a.CallId == callId).ToListAsync(ct);
        var experts = applications.Select(a => a.ExpertId).ToList();
        var names = await db.ExpertProfiles.AsNoTracking().Where(p => experts.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, ct);
        return applications
            .Select(a => new ApplicationSummary(
                a.Id, a.ExpertId, names.GetValueOrDefault(a.ExpertId, string.Empty), a.Status, a.SubmittedAt,
                a.Reviews.Count, a.Reviews.Count(r => r.ConflictOfInterest), a.MeanScore, a.RejectionReason))
            .OrderByDescending(s => s.MeanScore ?? 0).ThenBy(s => s.SubmittedAt)
            .ToList();
    }

    private async Task<ExpertError?> UnknownSectorAsync(CallDetails details)
    {
        var codes = await ReferenceCodes.LoadAsync(db, cache);
        return details.Sectors.Any(s => !codes.ActiveSectors.Contains(s.Trim())) ? ExpertError.Invalid("sectors")
            : details.Countries.Any(c => !Countries.IsKnown(c.Trim().ToUpperInvariant())) ? ExpertError.Invalid("countries")
            : details.Languages.Any(l => !ExpertValidation.IsLanguageCode(l.Trim())) ? ExpertError.Invalid("languages")
            : null;
    }

    private async Task<ExpertError?> OnCallAsync(Guid id, Func<ExpertCall, DateTimeOffset, ExpertError?> move, CancellationToken ct)
    {
        var call = await db.ExpertCalls.FirstOrDefaultAsync(c => c.Id == id, ct);
        return call is null ? ExpertError.NotFound : await SaveAsync(move(call, clock.GetUtcNow()), ct);
    }

    private async Task<ExpertError?> SaveAsync(ExpertError? error, CancellationToken ct)
    {
        if (error is null)
        {
            await db.SaveChangesAsync(ct);
        }

        return error;
    }
}
