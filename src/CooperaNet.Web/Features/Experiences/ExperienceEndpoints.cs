using System.Text;
using CooperaNet.Application.Catalog;
using CooperaNet.Application.Data;
using CooperaNet.Application.Experiences;
using CooperaNet.Domain.Catalog;
using CooperaNet.Web.Features.Account;
using CooperaNet.Web.Features.Catalog;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Features.Experiences;

/// <summary>
/// The exchange of experiences: published ones read by anyone (list with filters, one by id, the Atom
/// feed per language); written by their authors and the secretariat, moderated by the secretariat.
/// Uploads take a bearer token only (a browser form cannot forge one), as the catalog's do.
/// </summary>
public static class ExperienceEndpoints
{
    public static IEndpointRouteBuilder MapExperienceEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet($"/{{{CulturePrefixConvention.RouteKey}:{LanguageRouteConstraint.Name}}}{ExperienceRoutes.Feed}", FeedAsync)
            .WithTags("Experiences").AllowAnonymous().WithName("ExperienceFeed").WithSummary("Atom 1.0 feed of the published experiences, in the language of the path.")
            .Produces(200, contentType: "application/atom+xml");

        var group = routes.MapGroup(ExperienceRoutes.ApiGroup).WithTags("Experiences").AddEndpointFilter(ApiLanguage.Validate);
        group.MapGet("/", ListAsync).AllowAnonymous().WithName("ListExperiences")
            .WithSummary("Published experiences, newest first: kind, state, sector (5-digit code or 3-digit category), sdg (goal), q (words), page.")
            .Produces<ExperienceListView>().ProducesValidationProblem();
        group.MapGet("/{id:guid}", GetAsync).AllowAnonymous().WithName("GetExperience").WithSummary("One experience.").Produces<ExperienceView>().ProducesProblem(404);

        var write = group.MapGroup("/").RequireAuthorization(Policies.SignedIn);
        write.MapPost("/", async (ExperienceInput? input, HttpContext http, ExperienceCommands commands, IStringLocalizer<Program> text) =>
                await ResultAsync(await commands.CreateAsync(http.User, input), http, commands, text, created: true))
            .WithName("CreateExperience").WithSummary("Write a draft experience (focal points for their state, experts, partners, the secretariat).")
            .Produces<ExperienceView>(201).ProducesValidationProblem().ProducesProblem(403);
        write.MapPut("/{id:guid}", async (Guid id, ExperienceInput? input, HttpContext http, ExperienceCommands commands, IStringLocalizer<Program> text) =>
                await ResultAsync(await commands.UpdateAsync(http.User, id, input), http, commands, text))
            .WithName("UpdateExperience").WithSummary("Change a draft experience and its translations (any experience for the secretariat).")
            .Produces<ExperienceView>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        write.MapDelete("/{id:guid}", async (Guid id, HttpContext http, ExperienceCommands commands, IStringLocalizer<Program> text) =>
                await ResultAsync(await commands.MoveAsync(http.User, id, ExperienceAction.Of(Domain.Experiences.ExperienceTransition.Delete), null), http, commands, text))
            .WithName("DeleteExperience").WithSummary("Delete (the secretariat can restore it).").Produces<ExperienceView>().ProducesProblem(403).ProducesProblem(404);
        foreach (var action in ExperienceAction.All.Where(a => a.Name != "delete"))
        {
            write.MapPost($"/{{id:guid}}/{action.Name}", async (Guid id, ExperienceReturnInput? body, HttpContext http, ExperienceCommands commands, IStringLocalizer<Program> text) =>
                    await ResultAsync(await commands.MoveAsync(http.User, id, action, body?.Comment), http, commands, text))
                .WithName($"{char.ToUpperInvariant(action.Name[0])}{action.Name[1..]}Experience")
                .WithSummary(action.Name switch
                {
                    "submit" => "Send a draft to the secretariat for review.",
                    "publish" => "Publish an experience in review (secretariat).",
                    "return" => "Return an experience to its author with a comment (secretariat): {\"comment\": \"...\"}.",
                    _ => "Undo a deletion (secretariat).",
                })
                .Produces<ExperienceView>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        }

        var tokenOnly = new AuthorizationPolicyBuilder(ApiTokenAuthenticationHandler.SchemeName).RequireAuthenticatedUser().Build();
        group.MapPost("/{id:guid}/images", async (Guid id, IFormFile? file, [Microsoft.AspNetCore.Mvc.FromForm] string? altText, HttpContext http, ExperienceCommands commands, IStringLocalizer<Program> text, CancellationToken ct) =>
                FileResult(await commands.AddImageAsync(http.User, id, file, altText, ct), text, f => ExperienceRoutes.Image(id, f)))
            .RequireAuthorization(tokenOnly).DisableAntiforgery()
            .WithName("AddExperienceImage").WithSummary("Add a JPEG, PNG or WebP image (multipart: \"file\", at most 8 MB; \"altText\", required). It is scaled to 1600 px and re-encoded without metadata.")
            .Accepts<IFormFile>("multipart/form-data").Produces(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        group.MapPost("/{id:guid}/attachments", async (Guid id, IFormFile? file, HttpContext http, ExperienceCommands commands, IStringLocalizer<Program> text, CancellationToken ct) =>
                FileResult(await commands.AddAttachmentAsync(http.User, id, file, ct), text, f => ExperienceRoutes.Attachment(id, f)))
            .RequireAuthorization(tokenOnly).DisableAntiforgery()
            .WithName("AddExperienceAttachment").WithSummary("Attach a PDF (multipart: \"file\", at most 5 MB, 5 per experience).")
            .Accepts<IFormFile>("multipart/form-data").Produces(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        foreach (var part in new[] { "images", "attachments" })
        {
            group.MapDelete($"/{{id:guid}}/{part}/{{fileId:guid}}", async (Guid id, Guid fileId, HttpContext http, ExperienceCommands commands, IStringLocalizer<Program> text, CancellationToken ct) =>
                    FileResult(await commands.RemoveFileAsync(http.User, id, fileId, ct), text, null))
                .RequireAuthorization(tokenOnly)
                .WithName(part == "images" ? "RemoveExperienceImage" : "RemoveExperienceAttachment").WithSummary("Take it off the experience (kept in the database).")
                .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        }

        group.MapGet("/{id:guid}/images/{fileId:guid}", async (Guid id, Guid fileId, HttpContext http, ExperienceCommands commands, IStringLocalizer<Program> text, CancellationToken ct) =>
                await commands.ImageAsync(http.User, id, fileId, ct) is { } image ? TypedResults.File(image.Content, image.ContentType) : Problems.NotFound(text))
            .AllowAnonymous().WithName("GetExperienceImage").WithSummary("An image of an experience.").Produces(200, contentType: "image/jpeg").ProducesProblem(404);
        group.MapGet("/{id:guid}/attachments/{fileId:guid}", async (Guid id, Guid fileId, HttpContext http, ExperienceCommands commands, IStringLocalizer<Program> text, CancellationToken ct) =>
                await commands.AttachmentAsync(http.User, id, fileId, ct) is { } file ? TypedResults.File(file.Content, EntryAttachment.PdfContentType, file.FileName) : Problems.NotFound(text))
            .AllowAnonymous().WithName("GetExperienceAttachment").WithSummary("A PDF of an experience.").Produces(200, contentType: EntryAttachment.PdfContentType).ProducesProblem(404);
        return routes;
    }

    /// <summary>Reads the list's query string; unknown values are refused by field, in the caller's language.</summary>
    public static (ExperienceFilter Filter, List<FieldError> Errors) ParseFilter(IQueryCollection query)
    {
        var errors = new List<FieldError>();
        var kindText = query["kind"].ToString();
        var kind = ExperienceKinds.Parse(kindText);
        if (kindText.Length > 0 && kind is null)
        {
            errors.Add(new FieldError("kind", "experience.kind", string.Join(", ", ExperienceKinds.All.Select(ExperienceKinds.NameOf))));
        }

        var state = query["state"].ToString().Trim();
        if (state.Length > 0 && (state.Length != 2 || !state.All(char.IsAsciiLetter)))
        {
            errors.Add(new FieldError("state", "state.unknown", state));
        }

        var sector = query["sector"].ToString().Trim();
        if (sector.Length > 0 && (sector.Length is not (3 or 5) || !sector.All(char.IsAsciiDigit)))
        {
            errors.Add(new FieldError("sector", "sectors.unknown", sector));
        }

        var sdg = query["sdg"].ToString().Trim();
        if (sdg.Length > 0 && (!int.TryParse(sdg, out var goal) || goal is < 1 or > 17))
        {
            errors.Add(new FieldError("sdg", "sdgs.unknown", sdg));
        }

        var pageText = query["page"].ToString();
        var page = 1;
        if (pageText.Length > 0 && (!int.TryParse(pageText, out page) || page < 1))
        {
            errors.Add(new FieldError("page", "range", 1, int.MaxValue));
        }

        var words = query["q"].ToString().Trim();
        return (new ExperienceFilter
        {
            Kind = kind,
            State = state.Length == 0 ? null : state.ToUpperInvariant(),
            Sector = sector.Length == 0 ? null : sector,
            Sdg = sdg.Length == 0 ? null : sdg,
            Text = words.Length == 0 ? null : words[..Math.Min(words.Length, 200)],
            Page = Math.Max(page, 1),
        }, errors);
    }

    private static async Task<IResult> ListAsync(HttpContext http, CooperaNetDbContext db, IStringLocalizer<Program> text, CancellationToken ct)
    {
        var (filter, errors) = ParseFilter(http.Request.Query);
        if (errors.Count > 0)
        {
            return Problems.Validation(text, errors);
        }

        var lang = ApiLanguage.Of(http);
        var page = await ExperienceSearch.PageAsync(db, filter, ct);
        return TypedResults.Ok(new ExperienceListView(lang, page.Total, page.Page, ExperienceFilter.PageSize, [.. page.Items.Select(e => ExperienceView.From(e, lang))]));
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, ExperienceCommands commands, IStringLocalizer<Program> text)
    {
        var experience = await commands.ReadAsync(http.User, id);
        return experience is null ? Problems.NotFound(text) : TypedResults.Ok(ExperienceView.From(experience, ApiLanguage.Of(http), await commands.FilesAsync(id)));
    }

    private static async Task<IResult> FeedAsync(HttpContext http, CooperaNetDbContext db, AccountEmails emails, TimeProvider clock, IStringLocalizer<Program> text, CancellationToken ct)
    {
        var lang = UiStrings.CurrentLanguage;
        var experiences = await ExperienceSearch.NewestAsync(db, ExperienceFeed.Size, ct);
        var feed = ExperienceFeed.Build(experiences, lang, emails.BaseUrl(http.Request), $"{text["Experiences.Title"]} · CooperaNet",
            kind => text["Experiences.Kind." + ExperienceKinds.NameOf(kind)], clock.GetUtcNow());
        using var body = new MemoryStream();
        using (var xml = System.Xml.XmlWriter.Create(body, new System.Xml.XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            feed.Save(xml);
        }

        return TypedResults.Bytes(body.ToArray(), ExperienceFeed.ContentType);
    }

    /// <summary>The one place an <see cref="ExperienceOutcome"/> becomes an HTTP answer.</summary>
    private static async Task<IResult> ResultAsync(ExperienceOutcome outcome, HttpContext http, ExperienceCommands commands, IStringLocalizer<Program> text, bool created = false)
    {
        if (outcome.Refusal != EntryRefusal.None)
        {
            return Refused(outcome, text);
        }

        var view = ExperienceView.From(outcome.Experience!, ApiLanguage.Of(http), await commands.FilesAsync(outcome.Experience!.Id));
        return created ? TypedResults.Created(view.Links.Self, view) : TypedResults.Ok(view);
    }

    private static IResult FileResult(ExperienceOutcome outcome, IStringLocalizer<Program> text, Func<Guid, string>? link) =>
        outcome.Refusal != EntryRefusal.None ? Refused(outcome, text)
        : link is null ? TypedResults.NoContent()
        : TypedResults.Created(link(outcome.FileId!.Value), new { id = outcome.FileId, link = link(outcome.FileId!.Value) });

    internal static IResult Refused(ExperienceOutcome outcome, IStringLocalizer<Program> text) => outcome.Refusal == EntryRefusal.Forbidden
        ? TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: text["Problem.Forbidden"], detail: text["Error.experience.forbidden"])
        : Problems.Refused(text, outcome.Refusal, outcome.Errors, outcome.Conflict);
}
