using CooperaNet.Application.Guidelines;
using CooperaNet.Domain.Guidelines;
using CooperaNet.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Features.Guidelines;

/// <summary>
/// The guidelines for relations with other cooperation bodies: published versions read by anyone (JSON and
/// PDF), drafts, consultations and comments by participants, every change of text or status by the secretariat.
/// </summary>
public static class GuidelineEndpoints
{
    public static IEndpointRouteBuilder MapGuidelineEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(GuidelineRoutes.ApiGroup).WithTags("Guidelines").AddEndpointFilter(ApiLanguage.Validate);
        group.MapGet("/", async (HttpContext http, GuidelineBook book, IAuthorizationService auth, CancellationToken ct) =>
            {
                var language = ApiLanguage.Of(http);
                var guidelines = await book.ListAsync(await auth.IsParticipantAsync(http.User), ct);
                return TypedResults.Ok(guidelines.Select(g => new GuidelineSummaryView(
                    g.Slug, g.Latest!.Title.Resolve(language).Text, g.Purpose.Resolve(language).Text, g.Latest.Number, VersionView.StatusName(g.Latest.Status), g.Published?.Number)).ToList());
            })
            .AllowAnonymous().WithName("ListGuidelines").WithSummary("The guidelines, with the latest version the caller may see (drafts and consultations only for participants).");
        group.MapGet("/{slug}", async (string slug, HttpContext http, GuidelineBook book, IAuthorizationService auth, IStringLocalizer<Program> text, CancellationToken ct) =>
            {
                if (await book.FindAsync(slug, await auth.IsParticipantAsync(http.User), ct) is not { } guideline)
                {
                    return Problems.NotFound(text);
                }

                var language = ApiLanguage.Of(http);
                return TypedResults.Ok(new GuidelineView(guideline.Slug, TextView.Of(guideline.Purpose), guideline.Versions.OrderByDescending(v => v.Number)
                    .Select(v => new VersionSummaryView(v.Number, VersionView.StatusName(v.Status), v.Title.Resolve(language).Text, v.CreatedAt, v.PublishedAt)).ToList()));
            })
            .AllowAnonymous().WithName("GetGuideline").WithSummary("A guideline's purpose and history, newest version first.").Produces<GuidelineView>().ProducesProblem(404);
        group.MapGet("/{slug}/versions/{number:int}", async (string slug, int number, HttpContext http, GuidelineBook book, IAuthorizationService auth, IStringLocalizer<Program> text, CancellationToken ct) =>
            {
                var participant = await auth.IsParticipantAsync(http.User);
                if ((await book.FindAsync(slug, participant, ct))?.Version(number) is not { } version)
                {
                    return Problems.NotFound(text);
                }

                return TypedResults.Ok(VersionView.Of(slug, version, participant ? await book.CommentsAsync(version.Id, ct) : null));
            })
            .AllowAnonymous().WithName("GetGuidelineVersion").WithSummary("One version in the four languages (Markdown bodies), its approval and, for participants, its comments.")
            .Produces<VersionView>().ProducesProblem(404);
        group.MapGet("/{slug}/versions/{number:int}/pdf", async (string slug, int number, HttpContext http, GuidelineBook book, IAuthorizationService auth, IStringLocalizer<Program> text, CancellationToken ct) =>
            {
                var guideline = await book.FindAsync(slug, await auth.IsParticipantAsync(http.User), ct);
                if (guideline?.Version(number) is not { } version)
                {
                    return Problems.NotFound(text);
                }

                var language = ApiLanguage.Of(http);
                http.Response.Headers.CacheControl = version.IsPublic ? "public, max-age=3600" : "no-store";
                return TypedResults.File(GuidelineFiles.Pdf(guideline, version, language, text), GuidelineFiles.PdfType, GuidelineFiles.FileName(slug, number, language));
            })
            .AllowAnonymous().WithName("GetGuidelinePdf").WithSummary("A version as a PDF in ?lang=es|en|pt|fr; versions not published carry the draft mark.")
            .Produces(200, contentType: GuidelineFiles.PdfType).ProducesProblem(404);
        group.MapGet("/{slug}/diff", async (string slug, int? from, int? to, HttpContext http, GuidelineBook book, IAuthorizationService auth, IStringLocalizer<Program> text, CancellationToken ct) =>
            {
                var guideline = await book.FindAsync(slug, await auth.IsParticipantAsync(http.User), ct);
                var language = ApiLanguage.Of(http);
                if (guideline is null || from is null || to is null || GuidelineComparison.Compare(guideline, from.Value, to.Value, language) is not { } diff)
                {
                    return Problems.NotFound(text);
                }

                return TypedResults.Ok(new DiffView(slug, from.Value, to.Value, language, DiffView.Of(diff.Title), DiffView.Of(diff.Body)));
            })
            .AllowAnonymous().WithName("GetGuidelineDiff").WithSummary("The differences from version ?from= to version ?to= in ?lang=: runs of text kept, inserted or deleted.")
            .Produces<DiffView>().ProducesProblem(404);

        var secretariat = group.MapGroup("/").RequireAuthorization(Policies.Secretariat);
        secretariat.MapPost("/{slug}/versions", async (string slug, GuidelineBook book, IStringLocalizer<Program> text, CancellationToken ct) =>
                Result(slug, await book.NewVersionAsync(slug, ct), text, created: true))
            .WithName("CreateGuidelineVersion").WithSummary("A new draft version, a copy of the latest (secretariat).")
            .Produces<VersionView>(201).ProducesProblem(403).ProducesProblem(404);
        secretariat.MapPut("/{slug}/versions/{number:int}", async (string slug, int number, GuidelineVersionInput? input, GuidelineBook book, IStringLocalizer<Program> text, CancellationToken ct) =>
                Result(slug, await book.RewriteAsync(slug, number, input ?? GuidelineInputs.EmptyVersion, ct), text))
            .WithName("UpdateGuidelineVersion").WithSummary("Rewrite a draft's titles and Markdown bodies in the four languages (secretariat).")
            .Produces<VersionView>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        secretariat.MapPost("/{slug}/versions/{number:int}/consultation", async (string slug, int number, GuidelineBook book, IStringLocalizer<Program> text, CancellationToken ct) =>
                Result(slug, await book.MoveAsync(slug, number, GuidelineMove.Consult, ct), text))
            .WithName("StartGuidelineConsultation").WithSummary("Open the consultation on a draft; one version at a time (secretariat).")
            .Produces<VersionView>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        secretariat.MapPost("/{slug}/versions/{number:int}/return-to-draft", async (string slug, int number, GuidelineBook book, IStringLocalizer<Program> text, CancellationToken ct) =>
                Result(slug, await book.MoveAsync(slug, number, GuidelineMove.ReturnToDraft, ct), text))
            .WithName("ReturnGuidelineToDraft").WithSummary("Close a consultation without approval, back to a draft (secretariat).")
            .Produces<VersionView>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        secretariat.MapPost("/{slug}/versions/{number:int}/approval", async (string slug, int number, GuidelineApprovalInput? input, GuidelineBook book, IStringLocalizer<Program> text, CancellationToken ct) =>
                Result(slug, await book.ApproveAsync(slug, number, input ?? GuidelineInputs.EmptyApproval, ct), text))
            .WithName("ApproveGuidelineVersion").WithSummary("Record the working group's approval of the version in consultation: meeting, its date, a note (secretariat).")
            .Produces<VersionView>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        secretariat.MapPost("/{slug}/versions/{number:int}/publish", async (string slug, int number, GuidelineBook book, IStringLocalizer<Program> text, CancellationToken ct) =>
                Result(slug, await book.MoveAsync(slug, number, GuidelineMove.Publish, ct), text))
            .WithName("PublishGuidelineVersion").WithSummary("Publish an approved version; the one published before is superseded (secretariat).")
            .Produces<VersionView>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        secretariat.MapPost("/{slug}/comments/{id:guid}/addressed", async (string slug, Guid id, GuidelineBook book, IStringLocalizer<Program> text, CancellationToken ct) =>
                Result(slug, await book.MarkAddressedAsync(slug, id, ct), text))
            .WithName("MarkGuidelineCommentAddressed").WithSummary("Mark a consultation comment as addressed (secretariat).")
            .Produces<CommentView>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        var participants = group.MapGroup("/").RequireAuthorization(GuidelineAccess.Participant);
        participants.MapPost("/{slug}/versions/{number:int}/comments", async (string slug, int number, GuidelineCommentInput? input, GuidelineBook book, IStringLocalizer<Program> text, CancellationToken ct) =>
                Result(slug, await book.CommentAsync(slug, number, input ?? GuidelineInputs.EmptyComment, ct), text, created: true))
            .WithName("CommentGuidelineVersion").WithSummary("Comment on the version in consultation, optionally on one section or paragraph (participants).")
            .Produces<CommentView>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        participants.MapDelete("/{slug}/comments/{id:guid}", async (string slug, Guid id, GuidelineBook book, IStringLocalizer<Program> text, CancellationToken ct) =>
                Result(slug, await book.WithdrawAsync(slug, id, ct), text))
            .WithName("WithdrawGuidelineComment").WithSummary("Withdraw one's own comment; it is kept but no longer shown.")
            .Produces<CommentView>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        participants.MapPost("/{slug}/comments/{id:guid}/restore", async (string slug, Guid id, GuidelineBook book, IStringLocalizer<Program> text, CancellationToken ct) =>
                Result(slug, await book.RestoreAsync(slug, id, ct), text))
            .WithName("RestoreGuidelineComment").WithSummary("Restore one's own withdrawn comment while the consultation is open.")
            .Produces<CommentView>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        return routes;
    }

    private static IResult Result(string slug, GuidelineOutcome outcome, IStringLocalizer text, bool created = false) => outcome switch
    {
        { Version: { } version } when created => TypedResults.Created($"{GuidelineRoutes.ApiGroup}/{slug}/versions/{version.Number}", VersionView.Of(slug, version)),
        { Version: { } version } => TypedResults.Ok(VersionView.Of(slug, version)),
        { Comment: { } comment } when created => TypedResults.Created($"{GuidelineRoutes.ApiGroup}/{slug}/comments/{comment.Id}", VersionView.CommentOf(comment)),
        { Comment: { } comment } => TypedResults.Ok(VersionView.CommentOf(comment)),
        { NotFound: true } => Problems.NotFound(text),
        { Refused: { } refused } => Problems.Conflict(text, refused.Code),
        _ => Problems.Validation(text, outcome.Errors),
    };
}
