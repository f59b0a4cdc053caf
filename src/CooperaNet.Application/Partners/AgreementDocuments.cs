using System.Security.Cryptography;
using CooperaNet.Application.Auditing;
using CooperaNet.Application.Catalog;
using CooperaNet.Application.Data;
using CooperaNet.Domain;
using CooperaNet.Domain.Partners;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Application.Partners;

/// <summary>A document without its content.</summary>
public sealed record AgreementDocumentInfo(Guid Id, Guid AgreementId, string FileName, int Size, string Sha256, DateTimeOffset UploadedAt, DateTimeOffset? RemovedAt);

/// <summary>
/// The signed text of an agreement. The secretariat uploads, removes and restores; those who manage the
/// organisation (the secretariat and its own partner users) download the current one, and every download is
/// written to the audit trail with the reader. Files are checked by content and limited in size.
/// </summary>
public sealed class AgreementDocuments(CooperaNetDbContext db, TimeProvider clock, ICurrentActor actor)
{
    /// <summary>The audit action of a download.</summary>
    public const string Read = "read";

    /// <summary>The agreements of <paramref name="agreementIds"/> that have a current document.</summary>
    public async Task<IReadOnlySet<Guid>> WithDocumentAsync(IReadOnlyCollection<Guid> agreementIds, CancellationToken ct = default) =>
        (await db.AgreementDocuments.AsNoTracking().Where(d => agreementIds.Contains(d.AgreementId) && d.RemovedAt == null).Select(d => d.AgreementId).ToListAsync(ct))
            .ToHashSet();

    /// <summary>The agreement's documents, latest first: the current one for those who manage the organisation, the removed ones too for the secretariat.</summary>
    public async Task<PartnerOutcome<IReadOnlyList<AgreementDocumentInfo>>> ListAsync(Guid organisationId, Guid agreementId, PartnerAccess access, CancellationToken ct = default)
    {
        if (await ReadRefusalAsync<IReadOnlyList<AgreementDocumentInfo>>(organisationId, agreementId, access, ct) is { } refused)
        {
            return refused;
        }

        return PartnerOutcome.Done(await DocumentsAsync(agreementId, access, ct));
    }

    /// <summary>
    /// The documents of an agreement the caller has just read with the same access (its page did): no second look
    /// at whether the organisation and agreement exist. Null when the caller does not manage the organisation.
    /// </summary>
    public async Task<IReadOnlyList<AgreementDocumentInfo>?> ListForReadAgreementAsync(PartnerAgreement agreement, PartnerAccess access, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(access);
        return access.Manages(agreement.OrganisationId) ? await DocumentsAsync(agreement.Id, access, ct) : null;
    }

    private async Task<IReadOnlyList<AgreementDocumentInfo>> DocumentsAsync(Guid agreementId, PartnerAccess access, CancellationToken ct) =>
        (await db.AgreementDocuments.AsNoTracking()
                .Where(d => d.AgreementId == agreementId && (access.Secretariat || d.RemovedAt == null))
                .Select(d => new AgreementDocumentInfo(d.Id, d.AgreementId, d.FileName, d.Size, d.Sha256, d.UploadedAt, d.RemovedAt))
                .ToListAsync(ct))
            .OrderByDescending(d => d.UploadedAt).ToList();

    /// <summary>
    /// The secretariat uploads the agreement's document: a PDF by content, at most <see cref="AgreementDocument.MaxBytes"/>.
    /// The current one, if any, is replaced and kept. The size is checked before the content is read.
    /// </summary>
    public async Task<PartnerOutcome<AgreementDocumentInfo>> AttachAsync(Guid organisationId, Guid agreementId, string? fileName, long length, Stream? content, PartnerAccess access, CancellationToken ct = default)
    {
        var (agreement, refusal) = await WritableAsync(organisationId, agreementId, access, ct);
        if (agreement is null)
        {
            return refusal!;
        }

        if (content is null || length == 0)
        {
            return PartnerOutcome.Invalid<AgreementDocumentInfo>([new FieldError("file", "required")]);
        }

        if (length > AgreementDocument.MaxBytes)
        {
            return PartnerOutcome.Invalid<AgreementDocumentInfo>([new FieldError("file", "file.size", AgreementDocument.MaxBytes / (1024 * 1024))]);
        }

        using var buffer = new MemoryStream((int)length);
        await content.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        if (bytes.Length > AgreementDocument.MaxBytes)
        {
            return PartnerOutcome.Invalid<AgreementDocumentInfo>([new FieldError("file", "file.size", AgreementDocument.MaxBytes / (1024 * 1024))]);
        }

        if (!UploadedFiles.IsPdf(bytes))
        {
            return PartnerOutcome.Invalid<AgreementDocumentInfo>([new FieldError("file", "file.pdf")]);
        }

        var now = clock.GetUtcNow();
        await foreach (var current in db.AgreementDocuments.Where(d => d.AgreementId == agreementId && d.RemovedAt == null).AsAsyncEnumerable().WithCancellation(ct))
        {
            current.RemovedAt = now;
        }

        var document = new AgreementDocument
        {
            Id = Guid.CreateVersion7(now),
            AgreementId = agreementId,
            FileName = UploadedFiles.CleanName(fileName, "agreement.pdf"),
            Size = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            Content = bytes,
            UploadedAt = now,
        };
        db.AgreementDocuments.Add(document);
        agreement.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return PartnerOutcome.Done(Info(document));
    }

    /// <summary>
    /// The secretariat takes the current document off the agreement (kept), or puts a removed one back
    /// (<paramref name="restore"/>), which then replaces the current one.
    /// </summary>
    public async Task<PartnerOutcome<AgreementDocumentInfo>> MoveAsync(Guid organisationId, Guid agreementId, Guid documentId, bool restore, PartnerAccess access, CancellationToken ct = default)
    {
        var (agreement, refusal) = await WritableAsync(organisationId, agreementId, access, ct);
        if (agreement is null)
        {
            return refusal!;
        }

        var document = await db.AgreementDocuments.FirstOrDefaultAsync(d => d.Id == documentId && d.AgreementId == agreementId, ct);
        if (document is null)
        {
            return PartnerOutcome.Missing<AgreementDocumentInfo>();
        }

        if ((document.RemovedAt is null) == restore)
        {
            return PartnerOutcome.Refuse<AgreementDocumentInfo>(restore ? PartnerError.DocumentCurrent : PartnerError.DocumentRemoved);
        }

        var now = clock.GetUtcNow();
        if (restore)
        {
            await foreach (var current in db.AgreementDocuments.Where(d => d.AgreementId == agreementId && d.RemovedAt == null).AsAsyncEnumerable().WithCancellation(ct))
            {
                current.RemovedAt = now;
            }
        }

        document.RemovedAt = restore ? null : now;
        agreement.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return PartnerOutcome.Done(Info(document));
    }

    /// <summary>
    /// The document's content for those who manage the organisation (a removed one only for the secretariat);
    /// the download is recorded in the audit trail with the reader.
    /// </summary>
    public async Task<PartnerOutcome<AgreementDocument>> DownloadAsync(Guid organisationId, Guid agreementId, Guid documentId, PartnerAccess access, CancellationToken ct = default)
    {
        if (await ReadRefusalAsync<AgreementDocument>(organisationId, agreementId, access, ct) is { } refused)
        {
            return refused;
        }

        var document = await db.AgreementDocuments.AsNoTracking()
            .FirstOrDefaultAsync(d => d.Id == documentId && d.AgreementId == agreementId && (access.Secretariat || d.RemovedAt == null), ct);
        if (document is null)
        {
            return PartnerOutcome.Missing<AgreementDocument>();
        }

        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            ActorId = actor.UserId,
            Actor = actor.Name,
            Action = Read,
            Entity = nameof(AgreementDocument),
            EntityKey = document.Id.ToString(),
        });
        await db.SaveChangesAsync(ct);
        return PartnerOutcome.Done(document);
    }

    public static AgreementDocumentInfo Info(AgreementDocument d) => new(d.Id, d.AgreementId, d.FileName, d.Size, d.Sha256, d.UploadedAt, d.RemovedAt);

    /// <summary>Why the caller may not read the agreement's documents: not found (organisation or agreement), or not allowed; null when they may.</summary>
    private async Task<PartnerOutcome<T>?> ReadRefusalAsync<T>(Guid organisationId, Guid agreementId, PartnerAccess access, CancellationToken ct)
        where T : class
    {
        var organisation = await db.PartnerOrganisations.AsNoTracking().Where(o => o.Id == organisationId && (access.Secretariat || o.DeletedAt == null)).AnyAsync(ct);
        var agreement = organisation && await db.PartnerAgreements.AsNoTracking()
            .AnyAsync(a => a.Id == agreementId && a.OrganisationId == organisationId && (access.Secretariat || a.DeletedAt == null), ct);
        if (!agreement)
        {
            return PartnerOutcome.Missing<T>();
        }

        return access.Manages(organisationId) ? null : PartnerOutcome.Denied<T>();
    }

    /// <summary>
    /// The tracked agreement whose documents the caller may change: the secretariat's, of an organisation and an
    /// agreement that are not deleted; otherwise why not (not allowed, not found, deleted).
    /// </summary>
    private async Task<(PartnerAgreement? Agreement, PartnerOutcome<AgreementDocumentInfo>? Refusal)> WritableAsync(
        Guid organisationId, Guid agreementId, PartnerAccess access, CancellationToken ct)
    {
        if (!access.Secretariat)
        {
            return (null, PartnerOutcome.Denied<AgreementDocumentInfo>());
        }

        var agreement = await db.PartnerOrganisations.AnyAsync(o => o.Id == organisationId && o.DeletedAt == null, ct)
            ? await db.PartnerAgreements.FirstOrDefaultAsync(a => a.Id == agreementId && a.OrganisationId == organisationId, ct)
            : null;
        if (agreement is null)
        {
            return (null, PartnerOutcome.Missing<AgreementDocumentInfo>());
        }

        return agreement.DeletedAt is null ? (agreement, null) : (null, PartnerOutcome.Refuse<AgreementDocumentInfo>(PartnerError.Deleted));
    }
}
