using CooperaNet.Application.Reports;
using CooperaNet.Domain.WorkPlans;
using CooperaNet.Web.Features.Reports;
using CooperaNet.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Reports;

/// <summary>
/// The issued semester reports, public, with their files in the four languages; for working-group members
/// and the secretariat, the drafts too and a way to open any semester's draft.
/// </summary>
public sealed class ReportsIndexModel(SemesterReports reports, ReportCommands commands, IStringLocalizer<Program> text) : PageModel
{
    /// <summary>The first semester a report can be about: the platform's first work plan began in 2023.</summary>
    public static readonly Semester First = new(2023, 1);

    public IReadOnlyList<IssuedReport> Issued { get; private set; } = [];

    public IReadOnlyList<DraftReport> Drafts { get; private set; } = [];

    public bool MayReadDrafts { get; private set; }

    /// <summary>Semesters a draft can be opened for, newest first.</summary>
    public IReadOnlyList<Semester> Semesters { get; private set; } = [];

    public Semester Suggested => reports.LastFinished;

    [BindProperty(SupportsGet = true, Name = "semester")]
    public string? Semester { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        MayReadDrafts = await commands.MayReadDraftsAsync(User);
        if (MayReadDrafts && Semester is not null)
        {
            if (commands.Parse(Semester, out var semester) is { } invalid)
            {
                var error = invalid.Errors![0];
                ModelState.AddModelError("semester", text["Error." + error.Code, error.Arguments]);
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }
            else
            {
                return Redirect($"/{UiStrings.CurrentLanguage}{ReportRoutes.Report(semester.ToString())}");
            }
        }

        Issued = await reports.IssuedAsync(ct);
        if (MayReadDrafts)
        {
            Drafts = await reports.DraftsAsync(ct);
            var list = new List<Semester>();
            for (var s = Domain.WorkPlans.Semester.Of(reports.Today); s.Start >= First.Start; s = s.Previous())
            {
                list.Add(s);
            }

            Semesters = list;
        }

        return Page();
    }
}
