using CooperaNet.Application.Auditing;
using CooperaNet.Application.Catalog;
using CooperaNet.Application.Data;
using CooperaNet.Domain.Guidelines;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Application.Guidelines;

/// <summary>The moves of a version the secretariat makes without further input.</summary>
public enum GuidelineMove
{
    Consult,
    ReturnToDraft,
    Publish,
}

/// <summary>The result of a write: what was written, or field errors, or not found, or a refused move.</summary>
public sealed record GuidelineOutcome(GuidelineVersion? Version, GuidelineComment? Comment, IReadOnlyList<FieldError> Errors, bool NotFound, GuidelineError? Refused)
{
    public static GuidelineOutcome Done(GuidelineVersion version) => new(version, null, [], false, null);

    public static GuidelineOutcome Done(GuidelineComment comment) => new(null, comment, [], false, null);

    public static GuidelineOutcome Invalid(IReadOnlyList<FieldError> errors) => new(null, null, errors, false, null);

    public static readonly GuidelineOutcome Missing = new(null, null, [], true, null);

    public static GuidelineOutcome Refuse(GuidelineError error) => new(null, null, [], false, error);

    public bool Succeeded => Version is not null || Comment is not null;
}

/// <summary>
/// The guidelines over the database. Everyone reads published (and superseded) versions; participants
/// (<c>participant: true</c>: the secretariat, focal points, working-group members and partners) also read
/// drafts, consultations and comments. Authorization is the caller's; every change is audited under the
/// current actor by the audit interceptor.
/// </summary>
public sealed class GuidelineBook(CooperaNetDbContext db, TimeProvider clock, ICurrentActor actor)
{
    /// <summary>The guidelines the reader may see, by slug, each with only the versions they may see.</summary>
    public async Task<IReadOnlyList<Domain.Guidelines.Guideline>> ListAsync(bool participant, CancellationToken ct = default)
    {
        var all = await db.Guidelines.AsNoTracking().Include(g => g.Versions).OrderBy(g => g.Slug).ToListAsync(ct);
        return all.Select(g => Visible(g, participant)).OfType<Domain.Guidelines.Guideline>().ToList();
    }

    /// <summary>One guideline with the versions the reader may see; null when it has none.</summary>
    public async Task<Domain.Guidelines.Guideline?> FindAsync(string slug, bool participant, CancellationToken ct = default)
    {
        var guideline = await db.Guidelines.AsNoTracking().Include(g => g.Versions).FirstOrDefaultAsync(g => g.Slug == slug, ct);
        return guideline is null ? null : Visible(guideline, participant);
    }

    /// <summary>The comments of a version not withdrawn, oldest first.</summary>
    public async Task<IReadOnlyList<GuidelineComment>> CommentsAsync(Guid versionId, CancellationToken ct = default) =>
        await db.GuidelineComments.AsNoTracking().Where(c => c.VersionId == versionId && c.WithdrawnAt == null).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToListAsync(ct);

    /// <summary>A new draft of the guideline, a copy of its latest version.</summary>
    public async Task<GuidelineOutcome> NewVersionAsync(string slug, CancellationToken ct = default)
    {
        if (await TrackedAsync(slug, ct) is not { } guideline)
        {
            return GuidelineOutcome.Missing;
        }

        var version = guideline.NewVersion(actor.UserId, clock.GetUtcNow());
        db.GuidelineVersions.Add(version);
        await db.SaveChangesAsync(ct);
        return GuidelineOutcome.Done(version);
    }

    /// <summary>Rewrites a draft's titles and bodies.</summary>
    public async Task<GuidelineOutcome> RewriteAsync(string slug, int number, GuidelineVersionInput input, CancellationToken ct = default)
    {
        if ((await TrackedAsync(slug, ct))?.Version(number) is not { } version)
        {
            return GuidelineOutcome.Missing;
        }

        var errors = input.Validate();
        if (errors.Count > 0)
        {
            return GuidelineOutcome.Invalid(errors);
        }

        return await SaveAsync(version, version.Rewrite(input.Title, input.Body, clock.GetUtcNow()), ct);
    }

    /// <summary>Opens the consultation, closes it back to a draft, or publishes an approved version.</summary>
    public async Task<GuidelineOutcome> MoveAsync(string slug, int number, GuidelineMove move, CancellationToken ct = default)
    {
        var guideline = await TrackedAsync(slug, ct);
        if (guideline?.Version(number) is not { } version)
        {
            return GuidelineOutcome.Missing;
        }

        var now = clock.GetUtcNow();
        var error = move switch
        {
            GuidelineMove.Consult => guideline.StartConsultation(version, now),
            GuidelineMove.ReturnToDraft => version.ReturnToDraft(now),
            _ => guideline.Publish(version, now),
        };
        return await SaveAsync(version, error, ct);
    }

    /// <summary>Records the working group's approval of the version in consultation.</summary>
    public async Task<GuidelineOutcome> ApproveAsync(string slug, int number, GuidelineApprovalInput input, CancellationToken ct = default)
    {
        if ((await TrackedAsync(slug, ct))?.Version(number) is not { } version)
        {
            return GuidelineOutcome.Missing;
        }

        var errors = input.Validate();
        if (errors.Count > 0)
        {
            return GuidelineOutcome.Invalid(errors);
        }

        var error = version.Approve(actor.UserId, actor.Name, clock.GetUtcNow(), input.Meeting!.Trim(), input.MeetingDate, input.Note?.Trim());
        return await SaveAsync(version, error, ct);
    }

    /// <summary>A participant's comment on a version in consultation.</summary>
    public async Task<GuidelineOutcome> CommentAsync(string slug, int number, GuidelineCommentInput input, CancellationToken ct = default)
    {
        if ((await TrackedAsync(slug, ct))?.Version(number) is not { } version || actor.UserId is not { } author)
        {
            return GuidelineOutcome.Missing;
        }

        if (version.Status != GuidelineStatus.InConsultation)
        {
            return GuidelineOutcome.Refuse(GuidelineError.NotInConsultation);
        }

        var errors = input.Validate();
        if (errors.Count > 0)
        {
            return GuidelineOutcome.Invalid(errors);
        }

        var comment = new GuidelineComment
        {
            Id = Guid.NewGuid(),
            VersionId = version.Id,
            AuthorId = author,
            AuthorName = actor.Name,
            Section = string.IsNullOrWhiteSpace(input.Section) ? null : input.Section.Trim(),
            Text = input.Text!.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        db.GuidelineComments.Add(comment);
        await db.SaveChangesAsync(ct);
        return GuidelineOutcome.Done(comment);
    }

    /// <summary>The secretariat marks a comment as addressed.</summary>
    public async Task<GuidelineOutcome> MarkAddressedAsync(string slug, Guid commentId, CancellationToken ct = default)
    {
        if (await CommentOfAsync(slug, commentId, ct) is not { } comment)
        {
            return GuidelineOutcome.Missing;
        }

        return await SaveAsync(comment, comment.MarkAddressed(actor.UserId, clock.GetUtcNow()), ct);
    }

    /// <summary>The author withdraws their own comment; anyone else's is not found.</summary>
    public async Task<GuidelineOutcome> WithdrawAsync(string slug, Guid commentId, CancellationToken ct = default)
    {
        if (await CommentOfAsync(slug, commentId, ct) is not { } comment || comment.AuthorId != actor.UserId)
        {
            return GuidelineOutcome.Missing;
        }

        return await SaveAsync(comment, comment.Withdraw(clock.GetUtcNow()), ct);
    }

    /// <summary>The author restores their own withdrawn comment while the version is still in consultation.</summary>
    public async Task<GuidelineOutcome> RestoreAsync(string slug, Guid commentId, CancellationToken ct = default)
    {
        if (await CommentOfAsync(slug, commentId, ct) is not { } comment || comment.AuthorId != actor.UserId)
        {
            return GuidelineOutcome.Missing;
        }

        if (!await db.GuidelineVersions.AnyAsync(v => v.Id == comment.VersionId && v.Status == GuidelineStatus.InConsultation, ct))
        {
            return GuidelineOutcome.Refuse(GuidelineError.NotInConsultation);
        }

        return await SaveAsync(comment, comment.Restore(), ct);
    }

    /// <summary>The comments <paramref name="authorId"/> withdrew from a version, newest first, so they may restore them.</summary>
    public async Task<IReadOnlyList<GuidelineComment>> WithdrawnAsync(Guid versionId, Guid authorId, CancellationToken ct = default) =>
        await db.GuidelineComments.AsNoTracking().Where(c => c.VersionId == versionId && c.AuthorId == authorId && c.WithdrawnAt != null).OrderByDescending(c => c.CreatedAt).ToListAsync(ct);

    private async Task<GuidelineOutcome> SaveAsync(GuidelineVersion version, GuidelineError? error, CancellationToken ct)
    {
        if (error is not null)
        {
            return GuidelineOutcome.Refuse(error);
        }

        await db.SaveChangesAsync(ct);
        return GuidelineOutcome.Done(version);
    }

    private async Task<GuidelineOutcome> SaveAsync(GuidelineComment comment, GuidelineError? error, CancellationToken ct)
    {
        if (error is not null)
        {
            return GuidelineOutcome.Refuse(error);
        }

        await db.SaveChangesAsync(ct);
        return GuidelineOutcome.Done(comment);
    }

    private Task<Domain.Guidelines.Guideline?> TrackedAsync(string slug, CancellationToken ct) =>
        db.Guidelines.Include(g => g.Versions).FirstOrDefaultAsync(g => g.Slug == slug, ct);

    private async Task<GuidelineComment?> CommentOfAsync(string slug, Guid commentId, CancellationToken ct) =>
        await (from comment in db.GuidelineComments
               join version in db.GuidelineVersions on comment.VersionId equals version.Id
               join guideline in db.Guidelines on version.GuidelineId equals guideline.Id
               where comment.Id == commentId && guideline.Slug == slug
               select comment).FirstOrDefaultAsync(ct);

    private static Domain.Guidelines.Guideline? Visible(Domain.Guidelines.Guideline guideline, bool participant)
    {
        if (participant)
        {
            return guideline;
        }

        foreach (var hidden in guideline.Versions.Where(v => !v.IsPublic).ToList())
        {
            guideline.Versions.Remove(hidden);
        }

        return guideline.Versions.Count > 0 ? guideline : null;
    }
}
