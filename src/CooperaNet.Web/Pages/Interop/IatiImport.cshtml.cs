using CooperaNet.Application.Interop.Iati;
using CooperaNet.Web.Features.Interop;
using CooperaNet.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Interop;

/// <summary>
/// The secretariat reads another publisher's IATI file in: a preview (nothing changes) with the
/// mapping report, then the import. The file streams from the upload's temporary file; the report
/// shows the counts and the first findings, most serious first.
/// </summary>
[Authorize(Policy = Policies.Secretariat)]
[RequestSizeLimit(IatiEndpoints.MaxFileBytes + (1024 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = IatiEndpoints.MaxFileBytes + (1024 * 1024))]
public sealed class IatiImportModel(IatiImporter importer, IStringLocalizer<Program> text) : PageModel
{
    /// <summary>Most findings listed on the page; the counts say how many there are.</summary>
    public const int Shown = 200;

    /// <summary>The IATI activity file.</summary>
    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IatiImportContract? Report { get; private set; }

    public string? FileName { get; private set; }

    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostPreviewAsync(CancellationToken ct) => RunAsync(dryRun: true, ct);

    public Task<IActionResult> OnPostImportAsync(CancellationToken ct) => RunAsync(dryRun: false, ct);

    private async Task<IActionResult> RunAsync(bool dryRun, CancellationToken ct)
    {
        var file = Upload;
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), text["Error.required"]);
        }
        else if (file.Length > IatiEndpoints.MaxFileBytes)
        {
            ModelState.AddModelError(nameof(Upload), text["Error.iati.file-size", IatiEndpoints.MaxFileBytes / (1024 * 1024)]);
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        FileName = Path.GetFileName(file!.FileName);
        await using var stream = file.OpenReadStream();
        var result = await importer.ImportAsync(stream, dryRun, null, ct);
        Report = IatiEndpoints.ContractOf(result, text);
        if (result.Stopped)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        return Page();
    }
}
