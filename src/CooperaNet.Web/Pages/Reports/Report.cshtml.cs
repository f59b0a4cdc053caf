using CooperaNet.Application.Reports;
using CooperaNet.Application.Reports.Rendering;
using CooperaNet.Domain;
using CooperaNet.Domain.Reports;
using CooperaNet.Web.Features.Catalog;
using CooperaNet.Web.Features.Reports;
using CooperaNet.Web.Localization;
using CooperaNet.Web.Pages.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Reports;

/// <summary>A proposal as the secretariat's form shows it.</summary>
public sealed record ProposalRow(string Key, string Wording, ProposalDecision Decision, string? Text, string? TextLanguage, bool IsOwn);

/// <summary>
/// One semester's report on the page, with its files in every language. On a draft, the secretariat
/// keeps, drops or rewords each proposal, adds its own and issues the report.
/// </summary>
public sealed class ReportModel(ReportCommands commands, IStringLocalizer<Program> text) : PageModel
{
    public ReportContent? Report { get; private set; }

    public ReportDocument? Document { get; private set; }

    /// <summary>Why there is no report to show, in the reader's language.</summary>
    public string? Missing { get; private set; }

    public bool CanWrite { get; private set; }

    public IReadOnlyList<ProposalRow> Proposals { get; private set; } = [];

    public string? Notice { get; private set; }

    public string SemesterKey { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(string semester, CancellationToken ct)
    {
        Notice = Notices.Take(this);
        return await ShowAsync(semester, ct);
    }

    public async Task<IActionResult> OnPostDecideAsync(string semester, string? key, string? decision, string? wording, string? language, CancellationToken ct) =>
        await AfterAsync(semester, await commands.DecideAsync(User, semester, key ?? string.Empty, new ProposalDecisionInput(decision, wording, language), ct), "Reports.Done.Decided", "proposals", ct, key);

    public async Task<IActionResult> OnPostProposeAsync(string semester, string? wording, string? language, CancellationToken ct) =>
        await AfterAsync(semester, await commands.ProposeAsync(User, semester, new OwnProposalInput(wording, language), ct), "Reports.Done.Proposed", "proposals", ct);

    public async Task<IActionResult> OnPostIssueAsync(string semester, bool confirm, CancellationToken ct)
    {
        if (!confirm && await commands.MayWriteAsync(User))
        {
            ModelState.AddModelError("confirm", text["Reports.Issue.ConfirmRequired"]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await ShowAsync(semester, ct);
        }

        return await AfterAsync(semester, await commands.IssueAsync(User, semester, ct), "Reports.Done.Issued", null, ct);
    }

    private async Task<IActionResult> AfterAsync(string semester, ReportOutcome outcome, string notice, string? anchor, CancellationToken ct, string? proposalKey = null)
    {
        switch (outcome.Refusal)
        {
            case EntryRefusal.None:
                TempData[Notices.Key] = notice;
                return Redirect($"/{UiStrings.CurrentLanguage}{ReportRoutes.Report(semester.ToUpperInvariant())}{(anchor is null ? string.Empty : "#" + anchor)}");
            case EntryRefusal.Forbidden:
                return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
            case EntryRefusal.NotFound:
                return NotFound();
            case EntryRefusal.Invalid:
                Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
            default:
                ModelState.AddModelError(string.Empty, text["Error." + outcome.Conflict]);
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
        }

        var shown = await ShowAsync(semester, ct);
        foreach (var error in outcome.Errors ?? [])
        {
            ModelState.AddModelError(FieldOf(error.Field, proposalKey), text["Error." + error.Code, error.Arguments]);
        }

        return shown;
    }

    /// <summary>
    /// The id of the field an error is about, so the error summary links to it: the refused proposal's own
    /// radios and wording when a decision was refused, the own-proposal form's fields otherwise. A bad
    /// semester has no field on this page: it is listed without a link.
    /// </summary>
    private string FieldOf(string field, string? proposalKey)
    {
        var index = proposalKey is null ? -1 : Proposals.ToList().FindIndex(p => p.Key == proposalKey);
        return field switch
        {
            "semester" => string.Empty,
            "decision" when index >= 0 => $"decision-{index}-accepted",
            "text" or "language" when index >= 0 => $"wording-{index}",
            "text" => "wording",
            _ => field,
        };
    }

    private async Task<IActionResult> ShowAsync(string semester, CancellationToken ct)
    {
        var (content, refusal) = await commands.ReadAsync(User, semester, ct);
        if (refusal is not null)
        {
            Missing = refusal.Errors is [var error, ..] ? text["Error." + error.Code, error.Arguments] : text["Error." + refusal.Conflict];
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        var language = UiStrings.CurrentLanguage;
        Report = content!;
        SemesterKey = Report.Figures.Semester;
        Document = ReportComposer.Compose(Report, language);
        CanWrite = !Report.IsIssued && await commands.MayWriteAsync(User);
        Proposals = [.. Report.Proposals.Select(p => new ProposalRow(
            p.Key, ReportComposer.TextOf(p with { Text = null }, Report.Figures, language), p.Decision, p.Text, p.TextLanguage, p.Key.StartsWith(SemesterReport.OwnPrefix, StringComparison.Ordinal)))];
        return Page();
    }

    /// <summary>The languages an own proposal can be written in, the reader's first.</summary>
    public static IEnumerable<string> LanguagesFirst(string language) => Languages.All.OrderBy(l => l == language ? 0 : 1);
}
