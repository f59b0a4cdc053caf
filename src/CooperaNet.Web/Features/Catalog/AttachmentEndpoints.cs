using System.Security.Cryptography;
using CooperaNet.Application.Catalog;
using CooperaNet.Application.Data;
using CooperaNet.Domain.Catalog;
using CooperaNet.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Features.Catalog;

public sealed record AttachmentView(Guid Id, string FileName, int Size, string Sha256, DateTimeOffset UploadedAt, string Link);

/// <summary>
/// PDF attachments of an entry. Uploads take a bearer token only (a browser form cannot forge one),
/// are checked by content — a file named .pdf that is not a PDF is refused — and limited in size
/// and number.
/// </summary>
public static class AttachmentEndpoints
{
    public const int MaxPerEntry = 5;

    public static IEndpointRouteBuilder MapAttachmentEndpoints(this IEndpointRouteBuilder routes)
    {
        var tokenOnly = new AuthorizationPolicyBuilder(ApiTokenAuthenticationHandler.SchemeName).RequireAuthenticatedUser().Build();
        foreach (var kind in new[] { EntryKind.Offer, EntryKind.Demand })
        {
            var plural = EntryKinds.NameOf(kind) + "s";
            var group = routes.MapGroup($"/api/v1/{plural}/{{id:guid}}/attachments").WithTags(kind == EntryKind.Offer ? "Offers" : "Demands");
            var name = kind == EntryKind.Offer ? "Offer" : "Demand";

            group.MapPost("/", (Guid id, IFormFile? file, HttpContext http, CooperaNetDbContext db, IAuthorizationService auth, EntryCommands commands, TimeProvider clock, IStringLocalizer<Program> text) =>
                    UploadAsync(kind, id, file, http, db, auth, commands, clock, text))
                .RequireAuthorization(tokenOnly).DisableAntiforgery()
                .WithName($"Attach{name}File").WithSummary("Attach a PDF (multipart/form-data, field \"file\", at most 5 MB, 5 per entry).")
                .Accepts<IFormFile>("multipart/form-data").Produces<AttachmentView>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);

            group.MapGet("/{attachmentId:guid}", (Guid id, Guid attachmentId, HttpContext http, CooperaNetDbContext db, IAuthorizationService auth, IStringLocalizer<Program> text) =>
                    DownloadAsync(kind, id, attachmentId, http, db, auth, text))
                .WithName($"Get{name}File").WithSummary("Download an attachment.").Produces(200, contentType: EntryAttachment.PdfContentType).ProducesProblem(404);

            group.MapDelete("/{attachmentId:guid}", (Guid id, Guid attachmentId, HttpContext http, CooperaNetDbContext db, IAuthorizationService auth, IStringLocalizer<Program> text) =>
                    RemoveAsync(kind, id, attachmentId, http, db, auth, text))
                .RequireAuthorization(tokenOnly)
                .WithName($"Remove{name}File").WithSummary("Remove an attachment.").Produces(204).ProducesProblem(403).ProducesProblem(404);
        }

        return routes;
    }

    public static async Task<IReadOnlyList<AttachmentView>> ListAsync(CooperaNetDbContext db, CatalogEntry entry) =>
        await db.Set<EntryAttachment>().AsNoTracking()
            .Where(a => a.EntryId == entry.Id)
            .OrderBy(a => a.UploadedAt)
            .Select(a => new AttachmentView(a.Id, a.FileName, a.Size, a.Sha256, a.UploadedAt, $"/api/v1/{EntryKinds.NameOf(entry.Kind)}s/{entry.Id}/attachments/{a.Id}"))
            .ToListAsync();

    private static async Task<IResult> UploadAsync(EntryKind kind, Guid id, IFormFile? file, HttpContext http, CooperaNetDbContext db, IAuthorizationService auth, EntryCommands commands, TimeProvider clock, IStringLocalizer<Program> text)
    {
        var entry = await db.Entries.FirstOrDefaultAsync(e => e.Id == id && e.Kind == kind);
        if (entry is null)
        {
            return Problems.NotFound(text);
        }

        if (!(await auth.AuthorizeAsync(http.User, entry, CatalogOperations.Edit)).Succeeded)
        {
            return Problems.Forbidden(text);
        }

        if (!await commands.CanEditAsync(http.User, entry))
        {
            return Problems.Conflict(text, EntryError.NotEditable);
        }

        if (file is null || file.Length == 0)
        {
            return Problems.Validation(text, [new FieldError("file", "required")]);
        }

        if (file.Length > EntryAttachment.MaxBytes)
        {
            return Problems.Validation(text, [new FieldError("file", "file.size", EntryAttachment.MaxBytes / (1024 * 1024))]);
        }

        if (await db.Set<EntryAttachment>().CountAsync(a => a.EntryId == id) >= MaxPerEntry)
        {
            return Problems.Validation(text, [new FieldError("file", "too-many", MaxPerEntry)]);
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer);
        var content = buffer.ToArray();
        if (!EntryAttachment.IsPdf(content))
        {
            return Problems.Validation(text, [new FieldError("file", "file.pdf")]);
        }

        var now = clock.GetUtcNow();
        var attachment = new EntryAttachment
        {
            Id = Guid.CreateVersion7(now),
            EntryId = entry.Id,
            FileName = CleanName(file.FileName),
            Size = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Content = content,
            UploadedAt = now,
        };
        db.Add(attachment);
        entry.UpdatedAt = now;
        entry.LastChangedBySecretariat = http.User.IsSecretariat();
        await db.SaveChangesAsync();
        var link = $"/api/v1/{EntryKinds.NameOf(kind)}s/{id}/attachments/{attachment.Id}";
        return TypedResults.Created(link, new AttachmentView(attachment.Id, attachment.FileName, attachment.Size, attachment.Sha256, now, link));
    }

    private static async Task<IResult> DownloadAsync(EntryKind kind, Guid id, Guid attachmentId, HttpContext http, CooperaNetDbContext db, IAuthorizationService auth, IStringLocalizer<Program> text)
    {
        var entry = await db.Entries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id && e.Kind == kind);
        if (entry is null || (entry.Status != EntryStatus.Published && !(await auth.AuthorizeAsync(http.User, entry, CatalogOperations.Read)).Succeeded))
        {
            return Problems.NotFound(text);
        }

        var file = await db.Set<EntryAttachment>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.EntryId == id);
        return file is null
            ? Problems.NotFound(text)
            : TypedResults.File(file.Content, EntryAttachment.PdfContentType, file.FileName);
    }

    private static async Task<IResult> RemoveAsync(EntryKind kind, Guid id, Guid attachmentId, HttpContext http, CooperaNetDbContext db, IAuthorizationService auth, IStringLocalizer<Program> text)
    {
        var entry = await db.Entries.FirstOrDefaultAsync(e => e.Id == id && e.Kind == kind);
        if (entry is null)
        {
            return Problems.NotFound(text);
        }

        if (!(await auth.AuthorizeAsync(http.User, entry, CatalogOperations.Edit)).Succeeded)
        {
            return Problems.Forbidden(text);
        }

        var file = await db.Set<EntryAttachment>().FirstOrDefaultAsync(a => a.Id == attachmentId && a.EntryId == id);
        if (file is null)
        {
            return Problems.NotFound(text);
        }

        db.Remove(file);
        await db.SaveChangesAsync();
        return TypedResults.NoContent();
    }

    /// <summary>Keeps the file's own name, without a path or characters that would break a header.</summary>
    private static string CleanName(string name)
    {
        var bare = Path.GetFileName(name.Replace('\\', '/'));
        var clean = new string(bare.Where(c => !char.IsControl(c) && c is not ('"' or '/' or ':')).ToArray()).Trim();
        if (clean.Length == 0)
        {
            clean = "document.pdf";
        }

        return clean.Length > 200 ? clean[^200..] : clean;
    }
}
