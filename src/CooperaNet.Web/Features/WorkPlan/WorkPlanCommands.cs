using System.Security.Claims;
using System.Text.RegularExpressions;
using CooperaNet.Application.Catalog;
using CooperaNet.Application.Data;
using CooperaNet.Domain.WorkPlans;
using CooperaNet.Web.Features.Catalog;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Web.Features.WorkPlan;

/// <summary>What a write on a work plan did, or why it was refused (as for entries).</summary>
public sealed record WorkPlanOutcome(EntryRefusal Refusal, IReadOnlyList<FieldError>? Errors = null, string? Conflict = null, string? Code = null)
{
    public static readonly WorkPlanOutcome Done = new(EntryRefusal.None);

    public static readonly WorkPlanOutcome NotFound = new(EntryRefusal.NotFound);

    public static readonly WorkPlanOutcome Forbidden = new(EntryRefusal.Forbidden);

    public static WorkPlanOutcome Invalid(params FieldError[] errors) => new(EntryRefusal.Invalid, Errors: errors);

    /// <summary>A domain refusal: a field's error when it is about a field, else a conflict.</summary>
    public static WorkPlanOutcome From(WorkPlanError error, string field) =>
        error == WorkPlanError.AlreadyDecided || error == WorkPlanError.NotRecorded
            ? new(EntryRefusal.Conflict, Conflict: error.Code)
            : Invalid(new FieldError(field, error.Code));
}

/// <summary>Evidence for a recorded indicator.</summary>
public sealed record EvidenceInput(int? Value, DateOnly? AsOf, string? Link, string? Note);

/// <summary>A copy of a plan for a later period.</summary>
public sealed record CopyInput(string? Code, int? FirstYear);

/// <summary>A change to an action of a copied plan: texts in the four languages, calendar, targets by indicator position.</summary>
public sealed record ActionEdit(TextInput? Title, TextInput? ExpectedResult, DateOnly? StartDate, DateOnly? EndDate, IReadOnlyDictionary<int, int>? Targets);

/// <summary>A text in es, en, pt, fr.</summary>
public sealed record TextInput(string? Es, string? En, string? Pt, string? Fr);

/// <summary>
/// The writes on work plans: comments, proposals and the secretariat's decisions, evidence for recorded
/// indicators, copies and their edits. The API and the pages both go through here, after
/// <see cref="WorkPlanAuthorizationHandler"/>.
/// </summary>
public sealed partial class WorkPlanCommands(CooperaNetDbContext db, IAuthorizationService auth, TimeProvider clock)
{
    public const int CodeMax = 40;

    public async Task<bool> MayAsync(ClaimsPrincipal user, OperationAuthorizationRequirement operation) =>
        (await auth.AuthorizeAsync(user, null, operation)).Succeeded;

    public Task<WorkPlanOutcome> CommentAsync(ClaimsPrincipal user, string code, int number, string? text) =>
        OnActionAsync(user, code, number, WorkPlanOperations.Comment, async (action, by, name, at) =>
        {
            var (comment, error) = ActionComment.Write(action.Id, text, by, name, at);
            if (error is not null)
            {
                return WorkPlanOutcome.From(error, "text");
            }

            db.ActionComments.Add(comment!);
            await db.SaveChangesAsync();
            return WorkPlanOutcome.Done;
        });

    public Task<WorkPlanOutcome> ProposeAsync(ClaimsPrincipal user, string code, int number, string? text) =>
        OnActionAsync(user, code, number, WorkPlanOperations.Propose, async (action, by, name, at) =>
        {
            var (proposal, error) = ActionProposal.Make(action.Id, text, by, name, at);
            if (error is not null)
            {
                return WorkPlanOutcome.From(error, "text");
            }

            db.ActionProposals.Add(proposal!);
            await db.SaveChangesAsync();
            return WorkPlanOutcome.Done;
        });

    /// <summary>The secretariat accepts (<paramref name="accept"/>) or declines a proposal with a reason.</summary>
    public async Task<WorkPlanOutcome> DecideAsync(ClaimsPrincipal user, Guid id, bool accept, string? reason)
    {
        var proposal = await db.ActionProposals.FirstOrDefaultAsync(p => p.Id == id);
        if (proposal is null || !await MayAsync(user, WorkPlanOperations.ReadDiscussion))
        {
            return WorkPlanOutcome.NotFound;
        }

        if (!await MayAsync(user, WorkPlanOperations.Manage))
        {
            return WorkPlanOutcome.Forbidden;
        }

        var (by, name) = await ActorAsync(user);
        var error = accept ? proposal.Accept(reason, by, name, clock.GetUtcNow()) : proposal.Decline(reason, by, name, clock.GetUtcNow());
        if (error is not null)
        {
            return WorkPlanOutcome.From(error, "reason");
        }

        await db.SaveChangesAsync();
        return WorkPlanOutcome.Done;
    }

    /// <summary>The secretariat records a value of a recorded indicator with its evidence.</summary>
    public async Task<WorkPlanOutcome> RecordAsync(ClaimsPrincipal user, int indicatorId, EvidenceInput? input)
    {
        var indicator = await db.WorkPlanIndicators.FirstOrDefaultAsync(i => i.Id == indicatorId);
        if (indicator is null)
        {
            return WorkPlanOutcome.NotFound;
        }

        if (!await MayAsync(user, WorkPlanOperations.Manage))
        {
            return WorkPlanOutcome.Forbidden;
        }

        var errors = new List<FieldError>();
        if (input?.Value is null)
        {
            errors.Add(new FieldError("value", "required"));
        }

        if (input?.AsOf is null)
        {
            errors.Add(new FieldError("asOf", "required"));
        }

        if (errors.Count > 0)
        {
            return WorkPlanOutcome.Invalid([.. errors]);
        }

        var (by, name) = await ActorAsync(user);
        var error = indicator.Record(input!.Value!.Value, input.AsOf!.Value, input.Link ?? string.Empty, input.Note, by, name, clock.GetUtcNow());
        if (error is not null)
        {
            return WorkPlanOutcome.From(error, error == WorkPlanError.EvidenceRequired ? "link" : error == WorkPlanError.TextTooLong ? "note" : error == WorkPlanError.FutureDate ? "asOf" : "value");
        }

        await db.SaveChangesAsync();
        return WorkPlanOutcome.Done;
    }

    /// <summary>The secretariat copies plan <paramref name="code"/> for a period starting in another year.</summary>
    public async Task<WorkPlanOutcome> CopyAsync(ClaimsPrincipal user, string code, CopyInput? input)
    {
        var source = await db.WorkPlans.AsNoTracking()
            .Include(p => p.Actions).ThenInclude(a => a.Indicators)
            .Include(p => p.Actions).ThenInclude(a => a.Steps)
            .Include(p => p.Actions).ThenInclude(a => a.Mandates)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Code == code);
        if (source is null)
        {
            return WorkPlanOutcome.NotFound;
        }

        if (!await MayAsync(user, WorkPlanOperations.Manage))
        {
            return WorkPlanOutcome.Forbidden;
        }

        var newCode = input?.Code?.Trim().ToUpperInvariant();
        var errors = new List<FieldError>();
        if (string.IsNullOrEmpty(newCode) || newCode.Length > CodeMax || !CodePattern().IsMatch(newCode))
        {
            errors.Add(new FieldError("code", "workplan.code"));
        }
        else if (await db.WorkPlans.AnyAsync(p => p.Code == newCode))
        {
            errors.Add(new FieldError("code", "workplan.code-taken"));
        }

        if (input?.FirstYear is not int year || year < 2000 || year > 2100)
        {
            errors.Add(new FieldError("firstYear", "workplan.year"));
        }

        if (errors.Count > 0)
        {
            return WorkPlanOutcome.Invalid([.. errors]);
        }

        db.WorkPlans.Add(source.CopyAs(newCode!, input!.FirstYear!.Value, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)));
        await db.SaveChangesAsync();
        return new WorkPlanOutcome(EntryRefusal.None, Code: newCode);
    }

    /// <summary>The secretariat edits an action of a copied plan; a plan adopted as a document follows its file (409).</summary>
    public async Task<WorkPlanOutcome> EditActionAsync(ClaimsPrincipal user, string code, int number, ActionEdit? input)
    {
        var plan = await db.WorkPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Code == code);
        var action = await db.WorkPlanActions.Include(a => a.Indicators).FirstOrDefaultAsync(a => a.WorkPlanCode == code && a.Number == number);
        if (plan is null || action is null)
        {
            return WorkPlanOutcome.NotFound;
        }

        if (!await MayAsync(user, WorkPlanOperations.Manage))
        {
            return WorkPlanOutcome.Forbidden;
        }

        if (!plan.IsEditable)
        {
            return new WorkPlanOutcome(EntryRefusal.Conflict, Conflict: "workplan.adopted");
        }

        var errors = new List<FieldError>();
        CheckText(input?.Title, "title", 400, errors);
        CheckText(input?.ExpectedResult, "expectedResult", 4000, errors);
        if (input?.StartDate is not { } start || input.EndDate is not { } end || end < start)
        {
            errors.Add(new FieldError("endDate", "workplan.dates"));
        }

        foreach (var (position, target) in input?.Targets ?? new Dictionary<int, int>())
        {
            if (target < 0 || action.Indicators.All(i => i.Position != position))
            {
                errors.Add(new FieldError($"targets[{position}]", "workplan.target"));
            }
        }

        if (errors.Count > 0)
        {
            return WorkPlanOutcome.Invalid([.. errors]);
        }

        action.Title = Text(input!.Title!);
        action.ExpectedResult = Text(input.ExpectedResult!);
        action.StartDate = input.StartDate!.Value;
        action.EndDate = input.EndDate!.Value;
        foreach (var (position, target) in input.Targets ?? new Dictionary<int, int>())
        {
            action.Indicators.Single(i => i.Position == position).Target = target;
        }

        await db.SaveChangesAsync();
        return WorkPlanOutcome.Done;
    }

    private static void CheckText(TextInput? text, string field, int max, List<FieldError> errors)
    {
        foreach (var (lang, value) in new[] { ("es", text?.Es), ("en", text?.En), ("pt", text?.Pt), ("fr", text?.Fr) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add(new FieldError($"{field}.{lang}", "required"));
            }
            else if (value.Trim().Length > max)
            {
                errors.Add(new FieldError($"{field}.{lang}", "workplan.text-too-long"));
            }
        }
    }

    private static Domain.LocalizedText Text(TextInput text) => Domain.LocalizedText.Of(text.Es?.Trim(), text.En?.Trim(), text.Pt?.Trim(), text.Fr?.Trim());

    private async Task<WorkPlanOutcome> OnActionAsync(
        ClaimsPrincipal user, string code, int number, OperationAuthorizationRequirement operation, Func<WorkPlanAction, Guid, string, DateTimeOffset, Task<WorkPlanOutcome>> act)
    {
        var action = await db.WorkPlanActions.AsNoTracking().FirstOrDefaultAsync(a => a.WorkPlanCode == code && a.Number == number);
        if (action is null)
        {
            return WorkPlanOutcome.NotFound;
        }

        if (!await MayAsync(user, operation))
        {
            return WorkPlanOutcome.Forbidden;
        }

        var (by, name) = await ActorAsync(user);
        return await act(action, by, name, clock.GetUtcNow());
    }

    /// <summary>The signed-in user's id and the name others see.</summary>
    private async Task<(Guid Id, string Name)> ActorAsync(ClaimsPrincipal user)
    {
        var id = Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var name = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefaultAsync();
        return (id, string.IsNullOrWhiteSpace(name) ? user.Identity?.Name ?? id.ToString() : name);
    }

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{2,}$")]
    private static partial Regex CodePattern();
}
