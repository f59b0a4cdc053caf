using System.Security.Claims;
using System.Security.Cryptography;
using CooperaNet.Application.Catalog;
using CooperaNet.Application.Data;
using CooperaNet.Domain.Catalog;
using CooperaNet.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Web.Features.Catalog;

public sealed record AttachmentView(Guid Id, string FileName, int Size, string Sha256, DateTimeOffset UploadedAt, string Link, DateTimeOffset? RemovedAt = null);

/// <summary>What an attachment write did: the file, or why it was refused (as for entries).</summary>
public sealed record AttachmentOutcome(EntryRefusal Refusal, AttachmentView? Attachment = null, IReadOnlyList<FieldError>? Errors = null, EntryError? Conflict = null)
{
    public static readonly AttachmentOutcome NotFound = new(EntryRefusal.NotFound);

    public static readonly AttachmentOutcome Forbidden = new(EntryRefusal.Forbidden);

    public static AttachmentOutcome Invalid(params FieldError[] errors) => new(EntryRefusal.Invalid, Errors: errors);
}

/// <summary>
/// The PDF files of an entry, with the same rules for the API and the entry page: whoever may edit the
/// entry's content may attach and remove files; files are checked by content, limited in size and
/// number; a removed file is kept and the secretariat can put it back.
/// </summary>
public sealed class AttachmentCommands(CooperaNetDbContext db, IAuthorizationService auth, EntryCommands entries, TimeProvider clock, CatalogListCache lists)
{
    public const int MaxPerEntry = 5;

    /// <summary>The address a file is downloaded from.</summary>
    public static string Link(EntryKind kind, Guid entryId, Guid attachmentId) =>
        $"/api/v1/{EntryKinds.NameOf(kind)}s/{entryId}/attachments/{attachmentId}";

    /// <summary>The entry's files, oldest first; removed ones too when asked (the secretariat's view).</summary>
    public static async Task<IReadOnlyList<AttachmentView>> ListAsync(CooperaNetDbContext db, CatalogEntry entry, bool includeRemoved = false) =>
        (await db.Set<EntryAttachment>().AsNoTracking()
            .Where(a => a.EntryId == entry.Id && (includeRemoved || a.RemovedAt == null))
            .Select(a => new { a.Id, a.FileName, a.Size, a.Sha256, a.UploadedAt, a.RemovedAt })
            .ToListAsync())
        .OrderBy(a => a.UploadedAt)
        .Select(a => new AttachmentView(a.Id, a.FileName, a.Size, a.Sha256, a.UploadedAt, Link(entry.Kind, entry.Id, a.Id), a.RemovedAt))
        .ToList();

    /// <summary>Attaches <paramref name="file"/> to the entry if the user may edit it now.</summary>
    public async Task<AttachmentOutcome> AddAsync(ClaimsPrincipal user, Guid entryId, EntryKind? kind, IFormFile? file, CancellationToken ct = default)
    {
        var (entry, refusal) = await EditableAsync(user, entryId, kind);
        if (entry is null)
        {
            return refusal!;
        }

        if (file is null || file.Length == 0)
        {
            return AttachmentOutcome.Invalid(new FieldError("file", "required"));
        }

        if (file.Length > EntryAttachment.MaxBytes)
        {
            return AttachmentOutcome.Invalid(new FieldError("file", "file.size", EntryAttachment.MaxBytes / (1024 * 1024)));
        }

        if (await db.Set<EntryAttachment>().CountAsync(a => a.EntryId == entryId && a.RemovedAt == null, ct) >= MaxPerEntry)
        {
            return AttachmentOutcome.Invalid(new FieldError("file", "too-many", MaxPerEntry));
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        var content = buffer.ToArray();
        if (!EntryAttachment.IsPdf(content))
        {
            return AttachmentOutcome.Invalid(new FieldError("file", "file.pdf"));
        }

        var now = clock.GetUtcNow();
        var attachment = new EntryAttachment
        {
            Id = Guid.CreateVersion7(now),
            EntryId = entry.Id,
            FileName = Domain.UploadedFiles.CleanName(file.FileName),
            Size = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Content = content,
            UploadedAt = now,
        };
        db.Add(attachment);
        Touch((CatalogEntry)entry, user, now);
        await db.SaveChangesAsync(ct);
        lists.ClearIfPublic((CatalogEntry)entry, wasPublic: false);
        return new AttachmentOutcome(EntryRefusal.None, View(entry, attachment));
    }

    /// <summary>Takes a file off the entry (kept, so it can be put back) if the user may edit the entry now.</summary>
    public async Task<AttachmentOutcome> RemoveAsync(ClaimsPrincipal user, Guid entryId, EntryKind? kind, Guid attachmentId, CancellationToken ct = default)
    {
        var (entry, refusal) = await EditableAsync(user, entryId, kind);
        if (entry is null)
        {
            return refusal!;
        }

        var attachment = await db.Set<EntryAttachment>().FirstOrDefaultAsync(a => a.Id == attachmentId && a.EntryId == entryId && a.RemovedAt == null, ct);
        if (attachment is null)
        {
            return AttachmentOutcome.NotFound;
        }

        var now = clock.GetUtcNow();
        attachment.RemovedAt = now;
        Touch((CatalogEntry)entry, user, now);
        await db.SaveChangesAsync(ct);
        lists.ClearIfPublic((CatalogEntry)entry, wasPublic: false);
        return new AttachmentOutcome(EntryRefusal.None, View(entry, attachment));
    }

    /// <summary>Puts a removed file back (the secretariat), within the limit of files per entry.</summary>
    public async Task<AttachmentOutcome> RestoreAsync(ClaimsPrincipal user, Guid entryId, EntryKind? kind, Guid attachmentId, CancellationToken ct = default)
    {
        var entry = await db.Entries.IgnoreQueryFilters().FirstOrDefaultAsync(e => e.Id == entryId && (kind == null || e.Kind == kind), ct);
        if (entry is null)
        {
            return AttachmentOutcome.NotFound;
        }

        if (!(await auth.AuthorizeAsync(user, entry, CatalogOperations.Moderate)).Succeeded)
        {
            return AttachmentOutcome.Forbidden;
        }

        var attachment = await db.Set<EntryAttachment>().FirstOrDefaultAsync(a => a.Id == attachmentId && a.EntryId == entryId && a.RemovedAt != null, ct);
        if (attachment is null)
        {
            return AttachmentOutcome.NotFound;
        }

        if (await db.Set<EntryAttachment>().CountAsync(a => a.EntryId == entryId && a.RemovedAt == null, ct) >= MaxPerEntry)
        {
            return AttachmentOutcome.Invalid(new FieldError("file", "too-many", MaxPerEntry));
        }

        var now = clock.GetUtcNow();
        attachment.RemovedAt = null;
        Touch(entry, user, now);
        await db.SaveChangesAsync(ct);
        lists.ClearIfPublic(entry, wasPublic: false);
        return new AttachmentOutcome(EntryRefusal.None, View(entry, attachment));
    }

    /// <summary>The file's content if the user may see the entry and the file is on it.</summary>
    public async Task<EntryAttachment?> DownloadAsync(ClaimsPrincipal user, Guid entryId, EntryKind? kind, Guid attachmentId, CancellationToken ct = default)
    {
        if (await entries.ReadAsync(user, entryId, kind) is null)
        {
            return null;
        }

        return await db.Set<EntryAttachment>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.EntryId == entryId && a.RemovedAt == null, ct);
    }

    /// <summary>
    /// The tracked entry if the user may change its files now; otherwise the refusal, as for the
    /// entry's other writes: not found, forbidden (another state's entry), or a conflict when its
    /// status does not allow changes.
    /// </summary>
    private async Task<(CatalogEntry? Entry, AttachmentOutcome? Refusal)> EditableAsync(ClaimsPrincipal user, Guid entryId, EntryKind? kind)
    {
        var query = user.IsSecretariat() ? db.Entries.IgnoreQueryFilters() : db.Entries;
        var entry = await query.FirstOrDefaultAsync(e => e.Id == entryId && (kind == null || e.Kind == kind));
        if (entry is null)
        {
            return (null, AttachmentOutcome.NotFound);
        }

        if (!(await auth.AuthorizeAsync(user, entry, CatalogOperations.Edit)).Succeeded)
        {
            return (null, AttachmentOutcome.Forbidden);
        }

        if (!await entries.CanEditAsync(user, entry))
        {
            return (null, new AttachmentOutcome(EntryRefusal.Conflict, Conflict: entry.DeletedAt is null ? EntryError.NotEditable : EntryError.Deleted));
        }

        return (entry, null);
    }

    private static void Touch(CatalogEntry entry, ClaimsPrincipal user, DateTimeOffset now)
    {
        entry.UpdatedAt = now;
        entry.LastChangedBySecretariat = user.IsSecretariat();
    }

    private static AttachmentView View(CatalogEntry entry, EntryAttachment a) =>
        new(a.Id, a.FileName, a.Size, a.Sha256, a.UploadedAt, Link(entry.Kind, entry.Id, a.Id), a.RemovedAt);
}
