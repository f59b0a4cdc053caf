using System.Security.Claims;
using CooperaNet.Application.Catalog;
using CooperaNet.Application.Data;
using CooperaNet.Application.Reports;
using CooperaNet.Domain;
using CooperaNet.Domain.Reports;
using CooperaNet.Domain.WorkPlans;
using CooperaNet.Web.Features.Catalog;
using CooperaNet.Web.Features.FollowUp;
using CooperaNet.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Web.Features.Reports;

/// <summary>The outcome of a report request or change: a refusal with its fields or conflict, or what was asked for.</summary>
public sealed record ReportOutcome(EntryRefusal Refusal, IReadOnlyList<FieldError>? Errors = null, string? Conflict = null, string? Key = null)
{
    public static readonly ReportOutcome Done = new(EntryRefusal.None);

    /// <summary>The report exists only as a draft, which the caller may not read.</summary>
    public static readonly ReportOutcome NotIssued = new(EntryRefusal.NotFound, Conflict: "report.not-issued");

    public static ReportOutcome Invalid(string field, string code, params object[] args) => new(EntryRefusal.Invalid, [new FieldError(field, code, args)]);
}

/// <summary>What the proposal form or the API sends: the decision and, optionally, a new wording.</summary>
public sealed record ProposalDecisionInput(string? Decision, string? Text, string? Language);

/// <summary>The secretariat's own proposal.</summary>
public sealed record OwnProposalInput(string? Text, string? Language);

/// <summary>
/// Reading and changing semester reports, for the pages and the API alike: who may read a draft
/// (working-group members and the secretariat), who may change and issue (the secretariat), and the
/// checks of every input with a message per field.
/// </summary>
public sealed class ReportCommands(SemesterReports reports, CooperaNetDbContext db, IAuthorizationService auth)
{
    /// <summary>The decisions the form and the API accept, by name.</summary>
    public static readonly IReadOnlyDictionary<string, ProposalDecision> Decisions = new Dictionary<string, ProposalDecision>(StringComparer.OrdinalIgnoreCase)
    {
        ["accepted"] = ProposalDecision.Accepted,
        ["dropped"] = ProposalDecision.Dropped,
        ["pending"] = ProposalDecision.Pending,
    };

    /// <summary>The name of <paramref name="decision"/> the form and the API use.</summary>
    public static string NameOf(ProposalDecision decision) => Decisions.First(d => d.Value == decision).Key;

    /// <summary>Reads <paramref name="semesterText"/> ("2024H1"), or says what is wrong with it.</summary>
    public ReportOutcome? Parse(string? semesterText, out Semester semester) =>
        !Semester.TryParse(semesterText, out semester) ? ReportOutcome.Invalid("semester", "report.semester", semesterText ?? string.Empty)
        : !reports.HasBegun(semester) ? ReportOutcome.Invalid("semester", ReportError.NotStarted.Code, semester.ToString())
        : null;

    /// <summary>The report for <paramref name="user"/>: issued ones for anyone, drafts for readers (others are told it is not issued yet).</summary>
    public async Task<(ReportContent? Content, ReportOutcome? Refusal)> ReadAsync(ClaimsPrincipal user, string? semesterText, CancellationToken ct)
    {
        if (Parse(semesterText, out var semester) is { } invalid)
        {
            return (null, invalid);
        }

        if (!await reports.IsIssuedAsync(semester, ct) && !await MayReadDraftsAsync(user))
        {
            return (null, ReportOutcome.NotIssued);
        }

        return (await reports.ReadAsync(semester, ct), null);
    }

    /// <summary>True when <paramref name="user"/> reads drafts: working-group members and the secretariat.</summary>
    public async Task<bool> MayReadDraftsAsync(ClaimsPrincipal user) => (await auth.AuthorizeAsync(user, FollowUpPolicies.Readers)).Succeeded;

    /// <summary>True when <paramref name="user"/> decides proposals and issues reports: the secretariat.</summary>
    public async Task<bool> MayWriteAsync(ClaimsPrincipal user) => (await auth.AuthorizeAsync(user, Policies.Secretariat)).Succeeded;

    /// <summary>Keeps, drops or rewords a proposal of a draft.</summary>
    public Task<ReportOutcome> DecideAsync(ClaimsPrincipal user, string? semesterText, string key, ProposalDecisionInput? input, CancellationToken ct) =>
        WriteAsync(user, semesterText, async (semester, name) =>
        {
            if (input?.Decision is not { } decisionName || !Decisions.TryGetValue(decisionName, out var decision))
            {
                return ReportOutcome.Invalid("decision", "report.decision");
            }

            return Outcome(await reports.DecideAsync(semester, key, decision, input.Text, Languages.Normalize(input.Language) ?? input.Language, name, ct));
        }, ct);

    /// <summary>Adds the secretariat's own proposal to a draft.</summary>
    public Task<ReportOutcome> ProposeAsync(ClaimsPrincipal user, string? semesterText, OwnProposalInput? input, CancellationToken ct) =>
        WriteAsync(user, semesterText, async (semester, name) =>
        {
            var (key, error) = await reports.ProposeAsync(semester, input?.Text, Languages.Normalize(input?.Language) ?? input?.Language, name, ct);
            return error is null ? new ReportOutcome(EntryRefusal.None, Key: key) : Outcome(error);
        }, ct);

    /// <summary>Issues a report.</summary>
    public Task<ReportOutcome> IssueAsync(ClaimsPrincipal user, string? semesterText, CancellationToken ct) =>
        WriteAsync(user, semesterText, async (semester, name) => Outcome(await reports.IssueAsync(semester, name, ct)), ct);

    private async Task<ReportOutcome> WriteAsync(ClaimsPrincipal user, string? semesterText, Func<Semester, string, Task<ReportOutcome>> write, CancellationToken ct)
    {
        if (!await MayWriteAsync(user))
        {
            return new ReportOutcome(EntryRefusal.Forbidden);
        }

        if (Parse(semesterText, out var semester) is { } invalid)
        {
            return invalid;
        }

        var id = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId) ? userId : Guid.Empty;
        var name = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        return await write(semester, string.IsNullOrWhiteSpace(name) ? user.Identity?.Name ?? id.ToString() : name);
    }

    private static ReportOutcome Outcome(ReportError? error) => error switch
    {
        null => ReportOutcome.Done,
        _ when error == ReportError.UnknownProposal => new ReportOutcome(EntryRefusal.NotFound),
        _ when error == ReportError.TextRequired || error == ReportError.TextTooLong => ReportOutcome.Invalid("text", error.Code, ReportProposal.TextMax),
        _ when error == ReportError.Language => ReportOutcome.Invalid("language", error.Code),
        _ when error == ReportError.NotStarted => ReportOutcome.Invalid("semester", error.Code, string.Empty),
        _ => new ReportOutcome(EntryRefusal.Conflict, Conflict: error.Code),
    };
}
