using System.Globalization;
using CooperaNet.Application.Catalog;
using CooperaNet.Application.Data;
using CooperaNet.Application.Interop.Iati;
using CooperaNet.Web.Infrastructure;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Features.Interop;

/// <summary>One finding of an import, worded in the request's language.</summary>
public sealed record IatiFindingContract(string Severity, int Activity, string? Identifier, string Element, string Code, string Message);

/// <summary>What an IATI import did, or would do on a dry run; nothing changed when <c>stopped</c>.</summary>
public sealed record IatiImportContract(int Read, int Created, int Updated, int Unchanged, int Refused, bool DryRun, bool Stopped, IReadOnlyList<IatiFindingContract> Findings);

/// <summary>An activity another organisation published in IATI, as imported.</summary>
public sealed record ExternalActivityContract(
    string IatiIdentifier, string ReportingOrgRef, string ReportingOrgName, string Language, string Title, string Description,
    string Status, DateOnly? StartsOn, DateOnly? EndsOn, IReadOnlyList<string> Countries, IReadOnlyList<string> Sectors, IReadOnlyList<string> Sdgs);

/// <summary>A page of imported activities.</summary>
public sealed record ExternalActivityPage(int Total, int Page, int PageSize, IReadOnlyList<ExternalActivityContract> Items);

/// <summary>
/// IATI on the API: the secretariat imports another publisher's activity file (streamed, a dry run
/// first if it likes) and gets the findings in its language; anyone reads the imported activities of
/// the Americas, the cooperation already under way there.
/// </summary>
public static class IatiEndpoints
{
    public const string Imports = "/api/v1/iati/imports";
    public const string Activities = "/api/v1/external-activities";

    /// <summary>Largest file accepted: the import streams, so this guards the disk and the time, not memory.</summary>
    public const long MaxFileBytes = 256L * 1024 * 1024;

    private const int MaxPageSize = 100;

    public static IEndpointRouteBuilder MapIatiEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(Imports, ImportAsync)
            .RequireAuthorization(Policies.Secretariat)
            .AddEndpointFilter(ApiLanguage.Validate)
            .WithTags("IATI")
            .WithName("ImportIatiActivities")
            .WithSummary("Import an IATI 2.01–2.03 activity file (body: application/xml, at most 256 MB; ?dryRun=true changes nothing). Activities of the Americas are created or updated by iati-identifier. 200 with the counts and findings (critical, error, warning) in the request's language; 422 with the same report when the file is not well-formed or breaks the schema (nothing changed).")
            .Produces<IatiImportContract>().Produces<IatiImportContract>(422).ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403);
        routes.MapGet(Activities, ListAsync)
            .AllowAnonymous()
            .AddEndpointFilter(ApiLanguage.Validate)
            .WithTags("IATI")
            .WithName("ListExternalActivities")
            .WithSummary("Activities imported from other publishers' IATI files, by identifier: filters country (alpha-2), sector (DAC 5-digit), publisher (reporting organisation's identifier); page, pageSize (at most 100). Texts in the request's language when the publisher gave it, else in the activity's.")
            .Produces<ExternalActivityPage>().ProducesValidationProblem();
        return routes;
    }

    private static async Task<IResult> ImportAsync(HttpContext http, IatiImporter importer, IStringLocalizer<Program> text, CancellationToken ct)
    {
        var dryRun = http.Request.Query["dryRun"].ToString();
        if (dryRun.Length > 0 && !bool.TryParse(dryRun, out _))
        {
            return Problems.Validation(text, [new FieldError("dryRun", "iati.dry-run")]);
        }

        var type = http.Request.ContentType?.Split(';')[0].Trim() ?? string.Empty;
        if (type is not ("application/xml" or "text/xml"))
        {
            return Problems.Validation(text, [new FieldError("file", "iati.content-type")]);
        }

        if (http.Request.ContentLength > MaxFileBytes)
        {
            return Problems.Validation(text, [new FieldError("file", "iati.file-size", MaxFileBytes / (1024 * 1024))]);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxFileBytes;
        }

        IatiImportResult result;
        try
        {
            result = await importer.ImportAsync(http.Request.Body, dryRun.Equals("true", StringComparison.OrdinalIgnoreCase), null, ct);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problems.Validation(text, [new FieldError("file", "iati.file-size", MaxFileBytes / (1024 * 1024))]);
        }

        var contract = ContractOf(result, text);
        return result.Stopped ? TypedResults.UnprocessableEntity(contract) : TypedResults.Ok(contract);
    }

    /// <summary>The import's report with each finding worded in the request's language.</summary>
    public static IatiImportContract ContractOf(IatiImportResult result, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(text);
        return new IatiImportContract(
            result.Read, result.Created, result.Updated, result.Unchanged, result.Refused, result.DryRun, result.Stopped,
            [.. result.Findings.Select(f => new IatiFindingContract(
                f.Severity.ToString().ToLowerInvariant(), f.Activity, f.Identifier, f.Element, f.Code,
                text["Iati.Finding." + f.Code, [.. f.Args]].Value))]);
    }

    private static async Task<IResult> ListAsync(
        string? country, string? sector, string? publisher, string? page, string? pageSize,
        HttpContext http, CooperaNetDbContext db, IStringLocalizer<Program> text, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var number = Number(page, "page", 1, int.MaxValue, errors);
        var size = Number(pageSize, "pageSize", 20, MaxPageSize, errors);
        // Codes and identifiers only: a country is two letters, and no filter carries control characters
        // (PostgreSQL refuses a NUL in text, which would otherwise reach the query).
        if (!string.IsNullOrWhiteSpace(country) && !IsAlpha2(country.Trim()))
        {
            errors.Add(new FieldError("country", "choice"));
        }

        foreach (var (field, value) in new[] { ("sector", sector), ("publisher", publisher) })
        {
            if (value is not null && value.Any(char.IsControl))
            {
                errors.Add(new FieldError(field, "choice"));
            }
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(text, errors);
        }

        var query = db.ExternalActivities.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(country))
        {
            var code = country.Trim().ToUpperInvariant();
            query = query.Where(a => a.Countries.Contains(code));
        }

        if (!string.IsNullOrWhiteSpace(sector))
        {
            var code = sector.Trim();
            query = query.Where(a => a.Sectors.Contains(code));
        }

        if (!string.IsNullOrWhiteSpace(publisher))
        {
            var reference = publisher.Trim();
            query = query.Where(a => a.ReportingOrgRef == reference);
        }

        var total = await query.CountAsync(ct);
        var activities = await query.Include(a => a.Texts)
            .OrderBy(a => a.IatiIdentifier)
            .Skip((number - 1) * size).Take(size)
            .ToListAsync(ct);
        var language = ApiLanguage.Of(http);
        var items = activities.Select(a =>
        {
            var shown = a.Texts.FirstOrDefault(t => t.Language == language) ?? a.Texts.FirstOrDefault(t => t.Language == a.Language) ?? a.Texts.First();
            return new ExternalActivityContract(
                a.IatiIdentifier, a.ReportingOrgRef, a.ReportingOrgName, shown.Language, shown.Title, shown.Description,
                a.Status, a.StartsOn, a.EndsOn, a.Countries, a.Sectors, a.Sdgs);
        }).ToList();
        return TypedResults.Ok(new ExternalActivityPage(total, number, size, items));
    }

    private static bool IsAlpha2(string code) => code.Length == 2 && code.All(char.IsAsciiLetter);

    private static int Number(string? value, string field, int otherwise, int max, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return otherwise;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= max)
        {
            return number;
        }

        errors.Add(new FieldError(field, "range", 1, max));
        return otherwise;
    }
}
