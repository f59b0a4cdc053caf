using CooperaNet.Application.Interop.Sidicss;
using CooperaNet.Web.Features.Interop;
using CooperaNet.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Interop;

/// <summary>
/// The secretariat's exchange with SEGIB's SIDICSS: every initiative downloaded in the layout as CSV or
/// XLSX, and a file of the same layout read back, previewed first (nothing changes) with each refused
/// row's line, column and reason.
/// </summary>
[Authorize(Policy = Policies.Secretariat)]
[RequestSizeLimit(SidicssEndpoints.MaxFileBytes + (1024 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = SidicssEndpoints.MaxFileBytes + (1024 * 1024))]
public sealed class SidicssModel(SidicssExchange exchange, TimeProvider clock, IStringLocalizer<Program> text) : PageModel
{
    /// <summary>Most findings listed on the page; the counts say how many there are.</summary>
    public const int Shown = 200;

    /// <summary>The SIDICSS file, .csv or .xlsx.</summary>
    [BindProperty]
    public IFormFile? Upload { get; set; }

    public SidicssImportContract? Report { get; private set; }

    public string? FileName { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (SidicssEndpoints.FormatNamed(format) is not { } chosen)
        {
            return NotFound();
        }

        var (content, _) = await exchange.ExportAsync(chosen, ct);
        return File(content, SidicssEndpoints.ContentType(chosen), SidicssEndpoints.FileName(chosen, clock.GetUtcNow()));
    }

    public Task<IActionResult> OnPostPreviewAsync(CancellationToken ct) => RunAsync(dryRun: true, ct);

    public Task<IActionResult> OnPostImportAsync(CancellationToken ct) => RunAsync(dryRun: false, ct);

    private async Task<IActionResult> RunAsync(bool dryRun, CancellationToken ct)
    {
        var file = Upload;
        var format = Path.GetExtension(file?.FileName ?? string.Empty).ToLowerInvariant() switch
        {
            ".csv" => SidicssFormat.Csv,
            ".xlsx" => (SidicssFormat?)SidicssFormat.Xlsx,
            _ => null,
        };
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), text["Error.required"]);
        }
        else if (file.Length > SidicssEndpoints.MaxFileBytes)
        {
            ModelState.AddModelError(nameof(Upload), text["Error.sidicss.file-size", SidicssEndpoints.MaxFileBytes / (1024 * 1024)]);
        }
        else if (format is null)
        {
            ModelState.AddModelError(nameof(Upload), text["Error.sidicss.extension"]);
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        FileName = Path.GetFileName(file!.FileName);
        await using var upload = file.OpenReadStream();
        await using var buffered = await SidicssEndpoints.BufferAsync(upload, ct);
        var result = await exchange.ImportAsync(buffered!, format!.Value, dryRun, ct);
        Report = SidicssEndpoints.ContractOf(result, text);
        if (result.Stopped)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        return Page();
    }
}
