using System.Security.Cryptography;
using CooperaNet.Application.Catalog;
using CooperaNet.Application.Data;
using CooperaNet.Domain.Catalog;
using CooperaNet.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Features.Catalog;

/// <summary>
/// PDF attachments of an entry. Uploads take a bearer token only (a browser form cannot forge one),
/// are checked by content — a file named .pdf that is not a PDF is refused — and limited in size
/// and number.
/// </summary>
public static class AttachmentEndpoints
{
    public static IEndpointRouteBuilder MapAttachmentEndpoints(this IEndpointRouteBuilder routes)
    {
        var tokenOnly = new AuthorizationPolicyBuilder(ApiTokenAuthenticationHandler.SchemeName).RequireAuthenticatedUser().Build();
        foreach (var kind in new[] { EntryKind.Offer, EntryKind.Demand })
        {
            var plural = EntryKinds.NameOf(kind) + "s";
            var group = routes.MapGroup($"/api/v1/{plural}/{{id:guid}}/attachments").WithTags(kind == EntryKind.Offer ? "Offers" : "Demands");
            var name = kind == EntryKind.Offer ? "Offer" : "Demand";

            group.MapPost("/", (Guid id, IFormFile? file, HttpContext http, AttachmentCommands commands, IStringLocalizer<Program> text, CancellationToken ct) =>
                    UploadAsync(kind, id, file, http, commands, text, ct))
                .RequireAuthorization(tokenOnly).DisableAntiforgery()
                .WithName($"Attach{name}File").WithSummary("Attach a PDF (multipart/form-data, field \"file\", at most 5 MB, 5 per entry).")
                .Accepts<IFormFile>("multipart/form-data").Produces<AttachmentView>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);

            group.MapGet("/{attachmentId:guid}", (Guid id, Guid attachmentId, HttpContext http, AttachmentCommands commands, IStringLocalizer<Program> text, CancellationToken ct) =>
                    DownloadAsync(kind, id, attachmentId, http, commands, text, ct))
                .AllowAnonymous().WithName($"Get{name}File").WithSummary("Download an attachment.").Produces(200, contentType: EntryAttachment.PdfContentType).ProducesProblem(404);

            group.MapDelete("/{attachmentId:guid}", (Guid id, Guid attachmentId, HttpContext http, AttachmentCommands commands, IStringLocalizer<Program> text, CancellationToken ct) =>
                    RemoveAsync(kind, id, attachmentId, http, commands, text, ct))
                .RequireAuthorization(tokenOnly)
                .WithName($"Remove{name}File").WithSummary("Remove an attachment (kept: the secretariat can restore it).")
                .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

            group.MapPost("/{attachmentId:guid}/restore", (Guid id, Guid attachmentId, HttpContext http, AttachmentCommands commands, IStringLocalizer<Program> text, CancellationToken ct) =>
                    RestoreAsync(kind, id, attachmentId, http, commands, text, ct))
                .RequireAuthorization(tokenOnly).DisableAntiforgery()
                .WithName($"Restore{name}File").WithSummary("Put a removed attachment back (secretariat).")
                .Produces<AttachmentView>(200).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        }

        return routes;
    }

    private static async Task<IResult> UploadAsync(EntryKind kind, Guid id, IFormFile? file, HttpContext http, AttachmentCommands commands, IStringLocalizer<Program> text, CancellationToken ct)
    {
        var outcome = await commands.AddAsync(http.User, id, kind, file, ct);
        return outcome.Refusal == EntryRefusal.None
            ? TypedResults.Created(outcome.Attachment!.Link, outcome.Attachment)
            : Refused(outcome, text);
    }

    private static async Task<IResult> DownloadAsync(EntryKind kind, Guid id, Guid attachmentId, HttpContext http, AttachmentCommands commands, IStringLocalizer<Program> text, CancellationToken ct) =>
        await commands.DownloadAsync(http.User, id, kind, attachmentId, ct) is { } file
            ? TypedResults.File(file.Content, EntryAttachment.PdfContentType, file.FileName)
            : Problems.NotFound(text);

    private static async Task<IResult> RemoveAsync(EntryKind kind, Guid id, Guid attachmentId, HttpContext http, AttachmentCommands commands, IStringLocalizer<Program> text, CancellationToken ct)
    {
        var outcome = await commands.RemoveAsync(http.User, id, kind, attachmentId, ct);
        return outcome.Refusal == EntryRefusal.None ? TypedResults.NoContent() : Refused(outcome, text);
    }

    private static async Task<IResult> RestoreAsync(EntryKind kind, Guid id, Guid attachmentId, HttpContext http, AttachmentCommands commands, IStringLocalizer<Program> text, CancellationToken ct)
    {
        var outcome = await commands.RestoreAsync(http.User, id, kind, attachmentId, ct);
        return outcome.Refusal == EntryRefusal.None ? TypedResults.Ok(outcome.Attachment) : Refused(outcome, text);
    }

    private static IResult Refused(AttachmentOutcome outcome, IStringLocalizer<Program> text) =>
        Problems.Refused(text, outcome.Refusal, outcome.Errors, outcome.Conflict?.Code);
}
