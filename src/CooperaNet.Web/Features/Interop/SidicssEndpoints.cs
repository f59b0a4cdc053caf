using CooperaNet.Application.Catalog;
using CooperaNet.Application.Interop.Sidicss;
using CooperaNet.Web.Infrastructure;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Features.Interop;

/// <summary>A row and column of a SIDICSS file the import could not take, worded in the request's language.</summary>
public sealed record SidicssFindingContract(int Line, string Column, string Code, string Message);

/// <summary>What a SIDICSS import did, or would do on a dry run; nothing changed when <c>stopped</c>.</summary>
public sealed record SidicssImportContract(int Rows, int Created, int Updated, int Unchanged, int Refused, bool DryRun, bool Stopped, IReadOnlyList<SidicssFindingContract> Findings);

/// <summary>
/// SEGIB's SIDICSS layout on the API: the secretariat downloads every initiative as CSV or XLSX and reads
/// back a file of the same layout (a dry run first if it likes), with each refused row's line, column and
/// reason in the request's language.
/// </summary>
public static class SidicssEndpoints
{
    public const string Export = "/api/v1/sidicss/initiatives";
    public const string Imports = "/api/v1/sidicss/imports";

    public const string CsvType = "text/csv";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Largest file accepted: the import holds the table in memory, so this bounds it (about 100,000 rows).</summary>
    public const long MaxFileBytes = 32L * 1024 * 1024;

    public static IEndpointRouteBuilder MapSidicssEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Export, ExportAsync)
            .RequireAuthorization(Policies.Secretariat)
            .AddEndpointFilter(ApiLanguage.Validate)
            .WithTags("SIDICSS")
            .WithName("ExportSidicss")
            .WithSummary("Every initiative in SEGIB's SIDICSS layout (docs/interop/SIDICSS.md): format=csv (default) or xlsx. The same records always give the same bytes.")
            .Produces(200, contentType: CsvType).Produces(200, contentType: XlsxType).ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403);
        routes.MapPost(Imports, ImportAsync)
            .RequireAuthorization(Policies.Secretariat)
            .AddEndpointFilter(ApiLanguage.Validate)
            .WithTags("SIDICSS")
            .WithName("ImportSidicss")
            .WithSummary("Read a file of the SIDICSS layout (body: text/csv or the XLSX type, at most 32 MB; ?dryRun=true changes nothing). Each row creates or updates the initiative of its code, or is refused with its line, column and reason; 422 with the report when the file cannot be read or its header is not the layout's (nothing changed).")
            .Produces<SidicssImportContract>().Produces<SidicssImportContract>(422).ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403);
        return routes;
    }

    /// <summary>The download's name: the platform, the layout and the day, with the format's extension.</summary>
    public static string FileName(SidicssFormat format, DateTimeOffset now) =>
        $"cooperanet-sidicss-{now:yyyy-MM-dd}.{(format == SidicssFormat.Csv ? "csv" : "xlsx")}";

    public static string ContentType(SidicssFormat format) => format == SidicssFormat.Csv ? CsvType + "; charset=utf-8" : XlsxType;

    /// <summary>csv or xlsx, case-insensitive; empty means csv.</summary>
    public static SidicssFormat? FormatNamed(string? name) => (name ?? string.Empty).Trim().ToLowerInvariant() switch
    {
        "" or "csv" => SidicssFormat.Csv,
        "xlsx" => SidicssFormat.Xlsx,
        _ => null,
    };

    /// <summary>The report with each finding worded in the request's language.</summary>
    public static SidicssImportContract ContractOf(SidicssImportResult result, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(text);
        return new SidicssImportContract(
            result.Rows, result.Created, result.Updated, result.Unchanged, result.Refused, result.DryRun, result.Stopped,
            [.. result.Findings.Select(f => new SidicssFindingContract(f.Line, f.Column, f.Code, text["Sidicss.Finding." + f.Code, [.. f.Args]].Value))]);
    }

    /// <summary>
    /// Copies an upload into memory, refusing it past <see cref="MaxFileBytes"/> whatever its announced
    /// length; null when it is too large.
    /// </summary>
    public static async Task<MemoryStream?> BufferAsync(Stream body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(buffer, ct)) > 0)
        {
            if (copy.Length + read > MaxFileBytes)
            {
                await copy.DisposeAsync();
                return null;
            }

            copy.Write(buffer, 0, read);
        }

        copy.Position = 0;
        return copy;
    }

    private static async Task<IResult> ExportAsync(string? format, SidicssExchange exchange, TimeProvider clock, IStringLocalizer<Program> text, CancellationToken ct)
    {
        if (FormatNamed(format) is not { } chosen)
        {
            return Problems.Validation(text, [new FieldError("format", "sidicss.format")]);
        }

        var (content, _) = await exchange.ExportAsync(chosen, ct);
        return TypedResults.File(content, ContentType(chosen), FileName(chosen, clock.GetUtcNow()));
    }

    private static async Task<IResult> ImportAsync(HttpContext http, SidicssExchange exchange, IStringLocalizer<Program> text, CancellationToken ct)
    {
        var dryRun = http.Request.Query["dryRun"].ToString();
        if (dryRun.Length > 0 && !bool.TryParse(dryRun, out _))
        {
            return Problems.Validation(text, [new FieldError("dryRun", "iati.dry-run")]);
        }

        var type = http.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant() ?? string.Empty;
        SidicssFormat? format = type switch
        {
            CsvType => SidicssFormat.Csv,
            XlsxType => SidicssFormat.Xlsx,
            _ => null,
        };
        if (format is null)
        {
            return Problems.Validation(text, [new FieldError("file", "sidicss.content-type")]);
        }

        if (http.Request.ContentLength > MaxFileBytes)
        {
            return Problems.Validation(text, [new FieldError("file", "sidicss.file-size", MaxFileBytes / (1024 * 1024))]);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxFileBytes + 1;
        }

        MemoryStream? file;
        try
        {
            file = await BufferAsync(http.Request.Body, ct);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            file = null;
        }

        if (file is null)
        {
            return Problems.Validation(text, [new FieldError("file", "sidicss.file-size", MaxFileBytes / (1024 * 1024))]);
        }

        await using (file)
        {
            var result = await exchange.ImportAsync(file, format.Value, dryRun.Equals("true", StringComparison.OrdinalIgnoreCase), ct);
            var contract = ContractOf(result, text);
            return result.Stopped ? TypedResults.UnprocessableEntity(contract) : TypedResults.Ok(contract);
        }
    }
}
