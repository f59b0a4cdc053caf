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

    /// <summary>True when <paramref name="content"/> is a PDF by its signature, whatever its name says.</summary>
    public static bool IsPdf(ReadOnlySpan<byte> content) => content.StartsWith("%PDF-"u8);

    /// <summary>Keeps the file's own name, without a path or characters that would break a header.</summary>
    public static string CleanName(string? name)
    {
        var bare = Path.GetFileName((name ?? string.Empty).Replace('\\', '/'));
        var clean = new string(bare.Where(c => !char.IsControl(c) && c is not ('"' or '/' or ':')).ToArray()).Trim();
        if (clean.Length == 0)
        {
            clean = "agreement.pdf";
        }

        return clean.Length > 200 ? clean[^200..] : clean;
    }
}
