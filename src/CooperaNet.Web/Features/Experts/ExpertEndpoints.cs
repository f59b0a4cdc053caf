using System.Globalization;
using CooperaNet.Application.Catalog;
using CooperaNet.Application.Data;
using CooperaNet.Application.Experts;
using CooperaNet.Domain.Experts;
using CooperaNet.Web.Features.Account;
using CooperaNet.Web.Features.Catalog;
using CooperaNet.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CooperaNet.Web.Features.Experts;

/// <summary>
/// Experts' profiles on the API. Anyone applies; an expert reads, changes, downloads and erases their
/// own profile and CV; the secretariat (with its second factor) searches the roster and reads any
/// profile and CV. Every CV read is audited with its reader. Nothing here is public.
/// </summary>
public static class ExpertEndpoints
{
    private const string PdfType = "application/pdf";

    public static IEndpointRouteBuilder MapExpertEndpoints(this IEndpointRouteBuilder routes)
    {
        var experts = routes.MapGroup(ExpertRoutes.Api).WithTags("Experts").AddEndpointFilter(ApiLanguage.Validate);

        experts.MapPost("/applications", ApplyAsync)
            .AllowAnonymous()
            .WithName("ApplyAsExpert")
            .WithSummary("Apply as an expert: {email, password, consent: true, language: es|en|pt|fr, profile: {fullName, nationality, residence, summary, yearsOfExperience, education, currentPosition, availability: available|partly|unavailable, availableFrom, languages: [{language, level: basic|intermediate|advanced|native}], sectors, sdgs}}. Creates the account (role expert) and the profile with the consent recorded.")
            .Produces<ExpertView>(201).ProducesValidationProblem();

        var me = experts.MapGroup("/me").RequireAuthorization(ExpertPolicies.Expert);
        me.MapGet("/", async (HttpContext http, ExpertCommands commands, IStringLocalizer<Program> text, CancellationToken ct) =>
                await commands.MineAsync(http.User, ct) is { } profile ? TypedResults.Ok(await MineAsync(commands, profile, ct)) : Problems.NotFound(text))
            .WithName("GetMyExpertProfile").WithSummary("The signed-in expert's profile and the description of their CV.")
            .Produces<MyProfileView>().ProducesProblem(403).ProducesProblem(404);
        me.MapPut("/", async (ExpertInput? input, HttpContext http, ExpertCommands commands, IStringLocalizer<Program> text, CancellationToken ct) =>
            {
                var result = await commands.UpdateAsync(http.User, input, ct);
                return result.Refusal == EntryRefusal.None
                    ? TypedResults.Ok(await MineAsync(commands, (await commands.MineAsync(http.User, ct))!, ct))
                    : Refused(result, text);
            })
            .WithName("EditMyExpertProfile").WithSummary("Change the signed-in expert's profile, with the fields and rules of the application's profile.")
            .Produces<MyProfileView>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        me.MapPut("/cv", UploadCvAsync)
            .WithName("UploadMyCv").WithSummary("Replace the CV: a PDF of at most 5 MB, as multipart/form-data (field \"cv\") or as an application/pdf body. Checked by content; a refused file is not stored.")
            .Produces<CvView>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        me.MapGet("/cv", async (HttpContext http, ExpertCommands commands, IStringLocalizer<Program> text, CancellationToken ct) =>
                Download(await commands.MyCvAsync(http.User, ct), text))
            .WithName("GetMyCv").WithSummary("Download the signed-in expert's CV (the read is recorded).")
            .Produces(200, contentType: PdfType).ProducesProblem(403).ProducesProblem(404);
        me.MapGet("/export", async (HttpContext http, ExpertCommands commands, IStringLocalizer<Program> text, CancellationToken ct) =>
                await commands.ExportAsync(http.User, ct) is { } json
                    ? TypedResults.File(System.Text.Encoding.UTF8.GetBytes(json), "application/json", "cooperanet-expert-data.json")
                    : Problems.NotFound(text))
            .WithName("ExportMyExpertData").WithSummary("Everything the platform holds about the signed-in expert, as a JSON file: account, profile, CV (base 64) and the record of changes and reads.")
            .Produces(200, contentType: "application/json").ProducesProblem(403).ProducesProblem(404);
        me.MapDelete("/", async ([FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] ErasureRequest? request, HttpContext http, ExpertCommands commands, IStringLocalizer<Program> text, CancellationToken ct) =>
            {
                var result = await commands.EraseAsync(http.User, request?.Confirm == true, ct);
                return result.Refusal == EntryRefusal.None ? TypedResults.NoContent() : Refused(result, text);
            })
            .WithName("EraseMyExpertData").WithSummary("Erase the signed-in expert's profile, CV and account: send {\"confirm\": true}. The record of changes keeps who and when, without the personal values.")
            .Produces(204).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);

        var roster = experts.MapGroup("/").RequireAuthorization(Policies.Secretariat);
        roster.MapGet("/", SearchAsync)
            .WithName("SearchExperts").WithSummary("The experts' profiles (secretariat), by name: filters sector (DAC code), category (3 digits), language (ISO 639-1), country (nationality or residence), availability, inRoster (true|false), q (words of the name or summary); page, pageSize (at most 100).")
            .Produces<RosterPage>().ProducesValidationProblem().ProducesProblem(403);

        // The secretariat reads any profile; a focal point those of the experts assigned to its state.
        var readers = experts.MapGroup("/").RequireAuthorization(Policies.SignedIn);
        readers.MapGet("/{id:guid}", async (Guid id, HttpContext http, ExpertCommands commands, IStringLocalizer<Program> text, CancellationToken ct) =>
                await commands.ReadAsync(http.User, id, ct) switch
                {
                    ({ } profile, _) => TypedResults.Ok(ExpertViews.Of(profile)),
                    (_, EntryRefusal.Forbidden) => Forbidden(text),
                    _ => Problems.NotFound(text),
                })
            .WithName("GetExpert").WithSummary("One expert's profile (secretariat, and the focal points of a state the expert is assigned to).")
            .Produces<ExpertView>().ProducesProblem(403).ProducesProblem(404);
        readers.MapGet("/{id:guid}/cv", async (Guid id, HttpContext http, ExpertCommands commands, IStringLocalizer<Program> text, CancellationToken ct) =>
                Download(await commands.CvAsync(http.User, id, ct), text))
            .WithName("GetExpertCv").WithSummary("One expert's CV (as the profile); the read is recorded with the reader.")
            .Produces(200, contentType: PdfType).ProducesProblem(403).ProducesProblem(404);
        return routes;
    }

    /// <summary>The CV's description as the API shows it, with its download link.</summary>
    public static CvView? CvOf(CvInfo? info) => info is null ? null : new CvView(info.FileName, info.Size, info.UploadedAt, ExpertRoutes.MyCv);

    private static async Task<MyProfileView> MineAsync(ExpertCommands commands, ExpertProfile profile, CancellationToken ct) =>
        new(ExpertViews.Of(profile), CvOf(await commands.CvInfoAsync(profile, ct)));

    private static async Task<IResult> ApplyAsync(ApplicationRequest? request, HttpContext http, ExpertCommands commands, IStringLocalizer<Program> text, IOptions<IdentityOptions> identity, CancellationToken ct)
    {
        if (http.User.Identity?.IsAuthenticated == true)
        {
            return Problems.Conflict(text, "expert.signed-in");
        }

        if (request is null)
        {
            return Problems.Validation(text, [new FieldError("profile", "required")]);
        }

        var result = await commands.ApplyAsync(request, ct);
        if (result.Succeeded)
        {
            return TypedResults.Created($"{ExpertRoutes.Api}/me", ExpertViews.Of(result.Profile!));
        }

        var password = identity.Value.Password;
        var errors = result.Errors
            .GroupBy(e => e.Field is "email" or "password" or "consent" or "language" ? e.Field : "profile." + e.Field)
            .ToDictionary(g => g.Key, g => g.Select(e => Problems.Message(text, e)).Distinct().ToArray());
        foreach (var group in result.AccountErrors.GroupBy(e => AccountField(e.Code)))
        {
            errors[group.Key] = [.. group.Select(e => AccountMessage(text, e, password)).Distinct()];
        }

        return TypedResults.ValidationProblem(errors, title: text["Problem.Validation"]);
    }

    /// <summary>The field an Identity error is about: the address when it is taken or invalid, else the password.</summary>
    public static string AccountField(string code) => code.Contains("Email", StringComparison.Ordinal) || code.Contains("UserName", StringComparison.Ordinal) ? "email" : "password";

    /// <summary>An Identity error in the request's language: our text for a taken address, IdentityErrors' for the rest.</summary>
    public static string AccountMessage(IStringLocalizer text, IdentityError error, PasswordOptions password) =>
        error.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)
            ? text["Error.expert.email-taken"]
            : text[IdentityErrors.KeyFor(error.Code), password.RequiredLength, password.RequiredUniqueChars];

    private static async Task<IResult> UploadCvAsync(HttpContext http, ExpertCommands commands, IStringLocalizer<Program> text, CancellationToken ct)
    {
        ExpertResult result;
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(ct);
            var file = form.Files.GetFile("cv");
            await using var stream = file?.OpenReadStream();
            result = await commands.UploadCvAsync(http.User, file?.FileName, stream, file?.Length, ct);
        }
        else if (string.Equals(http.Request.ContentType?.Split(';')[0].Trim(), PdfType, StringComparison.OrdinalIgnoreCase))
        {
            var name = http.Request.Headers.ContentDisposition.ToString() is { Length: > 0 } disposition
                && System.Net.Http.Headers.ContentDispositionHeaderValue.TryParse(disposition, out var parsed) ? parsed.FileName?.Trim('"') : null;
            result = await commands.UploadCvAsync(http.User, name, http.Request.Body, http.Request.ContentLength, ct);
        }
        else
        {
            result = ExpertResult.Invalid(new FieldError("cv", "file.pdf"));
        }

        if (result.Refusal != EntryRefusal.None)
        {
            return Refused(result, text);
        }

        var profile = (await commands.MineAsync(http.User, ct))!;
        return TypedResults.Ok(CvOf(await commands.CvInfoAsync(profile, ct)));
    }

    private static async Task<IResult> SearchAsync(
        string? q, string? sector, string? category, string? language, string? country, string? availability, string? inRoster, string? page, string? pageSize,
        CooperaNetDbContext db, IStringLocalizer<Program> text, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var query = new RosterQuery
        {
            Q = q,
            Sector = sector,
            Category = category,
            Language = language,
            Country = country,
            Availability = availability,
            InRoster = Flag(inRoster, errors),
            Page = Number(page, "page", 1, errors),
            PageSize = Number(pageSize, "pageSize", RosterSearch.DefaultPageSize, errors),
        };
        errors.AddRange(RosterSearch.Check(query));
        return errors.Count > 0 ? Problems.Validation(text, errors) : TypedResults.Ok(await RosterSearch.SearchAsync(db, query, ct));
    }

    private static bool? Flag(string? value, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (bool.TryParse(value, out var flag))
        {
            return flag;
        }

        errors.Add(new FieldError("inRoster", "expert.in-roster"));
        return null;
    }

    private static int Number(string? value, string field, int otherwise, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return otherwise;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        errors.Add(new FieldError(field, "range", 1, field == "page" ? int.MaxValue : RosterSearch.MaxPageSize));
        return otherwise;
    }

    private static IResult Download(CvDownload download, IStringLocalizer<Program> text) => download.Refusal switch
    {
        EntryRefusal.None => TypedResults.File(download.Cv!.Content, PdfType, download.Cv.FileName),
        EntryRefusal.Forbidden => Forbidden(text),
        _ => Problems.NotFound(text),
    };

    private static IResult Refused(ExpertResult result, IStringLocalizer<Program> text) =>
        result.Refusal == EntryRefusal.Forbidden ? Forbidden(text) : Problems.Refused(text, result.Refusal, result.Errors, null);

    private static IResult Forbidden(IStringLocalizer<Program> text) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: text["Problem.Forbidden"], detail: text["Error.expert.forbidden"]);
}
