using CooperaNet.Application.Partners;
using CooperaNet.Domain.Partners;
using CooperaNet.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Features.Partners;

/// <summary>
/// The signed text of an agreement. Uploads take a bearer token only (a browser form on another site cannot
/// forge one) and are checked by content; downloads are for those who manage the organisation and are audited.
/// </summary>
public static class AgreementDocumentEndpoints
{
    public static IEndpointRouteBuilder MapAgreementDocumentEndpoints(this IEndpointRouteBuilder routes)
    {
        var tokenOnly = new AuthorizationPolicyBuilder(ApiTokenAuthenticationHandler.SchemeName).RequireAuthenticatedUser().Build();
        var group = routes.MapGroup(PartnerRoutes.ApiGroup + "/{id:guid}/agreements/{agreementId:guid}/documents")
            .WithTags("Partners").AddEndpointFilter(ApiLanguage.Validate);

        group.MapGet("/", async (Guid id, Guid agreementId, HttpContext http, AgreementDocuments documents, PartnerAccessResolver who, IStringLocalizer<Program> text, CancellationToken ct) =>
                PartnerEndpoints.Result(await documents.ListAsync(id, agreementId, await who.ForAsync(http.User, ct), ct),
                    list => list.Select(d => AgreementDocumentView.Of(id, d)).ToList(), text))
            .RequireAuthorization(Policies.SignedIn)
            .WithName("ListAgreementDocuments").WithSummary("The agreement's document, latest first; removed ones too for the secretariat (secretariat and the organisation's own partner users).")
            .Produces<List<AgreementDocumentView>>().ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);

        group.MapPost("/", async (Guid id, Guid agreementId, IFormFile? file, HttpContext http, AgreementDocuments documents, PartnerAccessResolver who, IStringLocalizer<Program> text, CancellationToken ct) =>
            {
                await using var content = file?.OpenReadStream();
                var outcome = await documents.AttachAsync(id, agreementId, file?.FileName, file?.Length ?? 0, content, await who.ForAsync(http.User, ct), ct);
                return outcome.Value is { } saved
                    ? TypedResults.Created(PartnerRoutes.Document(id, agreementId, saved.Id), AgreementDocumentView.Of(id, saved))
                    : PartnerEndpoints.Result(outcome, d => AgreementDocumentView.Of(id, d), text);
            })
            .RequireAuthorization(tokenOnly).DisableAntiforgery()
            .WithName("UploadAgreementDocument").WithSummary("Upload the agreement's signed text (secretariat): multipart/form-data, field \"file\", a PDF of at most 10 MB; replaces the current one, which is kept.")
            .Accepts<IFormFile>("multipart/form-data").Produces<AgreementDocumentView>(201).ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        group.MapGet("/{documentId:guid}", async (Guid id, Guid agreementId, Guid documentId, HttpContext http, AgreementDocuments documents, PartnerAccessResolver who, IStringLocalizer<Program> text, CancellationToken ct) =>
            {
                var outcome = await documents.DownloadAsync(id, agreementId, documentId, await who.ForAsync(http.User, ct), ct);
                return outcome.Value is { } file
                    ? TypedResults.File(file.Content, AgreementDocument.PdfContentType, file.FileName)
                    : PartnerEndpoints.Result(outcome, d => d.Id, text);
            })
            .RequireAuthorization(Policies.SignedIn)
            .WithName("GetAgreementDocument").WithSummary("Download a document (secretariat and the organisation's own partner users); every download is recorded.")
            .Produces(200, contentType: AgreementDocument.PdfContentType).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);

        group.MapDelete("/{documentId:guid}", async (Guid id, Guid agreementId, Guid documentId, HttpContext http, AgreementDocuments documents, PartnerAccessResolver who, IStringLocalizer<Program> text, CancellationToken ct) =>
                PartnerEndpoints.Result(await documents.MoveAsync(id, agreementId, documentId, restore: false, await who.ForAsync(http.User, ct), ct), d => AgreementDocumentView.Of(id, d), text))
            .RequireAuthorization(Policies.Secretariat)
            .WithName("RemoveAgreementDocument").WithSummary("Take the current document off the agreement; it is kept and can be restored (secretariat).")
            .Produces<AgreementDocumentView>().ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        group.MapPost("/{documentId:guid}/restore", async (Guid id, Guid agreementId, Guid documentId, HttpContext http, AgreementDocuments documents, PartnerAccessResolver who, IStringLocalizer<Program> text, CancellationToken ct) =>
                PartnerEndpoints.Result(await documents.MoveAsync(id, agreementId, documentId, restore: true, await who.ForAsync(http.User, ct), ct), d => AgreementDocumentView.Of(id, d), text))
            .RequireAuthorization(Policies.Secretariat)
            .WithName("RestoreAgreementDocument").WithSummary("Put a removed document back as the agreement's current one (secretariat).")
            .Produces<AgreementDocumentView>().ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        return routes;
    }
}
