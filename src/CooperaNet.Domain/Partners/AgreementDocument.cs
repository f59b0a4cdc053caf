namespace CooperaNet.Domain.Partners;

/// <summary>
/// The signed text of an agreement, as a PDF. An agreement has at most one current document: a new upload
/// replaces the current one, which is kept (removed) so the secretariat can put it back.
/// </summary>
public sealed class AgreementDocument
{
    /// <summary>The only type accepted.</summary>
    public const string PdfContentType = "application/pdf";

    /// <summary>Largest accepted file: 10 MB (a scanned agreement of a few pages).</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    public Guid Id { get; init; }

    public Guid AgreementId { get; init; }

    /// <summary>The name the file was given, cleaned of any path.</summary>
    public required string FileName { get; init; }

    /// <summary>Size in bytes.</summary>
    public int Size { get; init; }

    /// <summary>Lower-case hex SHA-256 of the content.</summary>
    public required string Sha256 { get; init; }

    /// <summary>The file itself.</summary>
    public required byte[] Content { get; init; }

    public DateTimeOffset UploadedAt { get; init; }

    /// <summary>When it was removed or replaced; null while it is the agreement's current document.</summary>
    public DateTimeOffset? RemovedAt { get; set; }
}
