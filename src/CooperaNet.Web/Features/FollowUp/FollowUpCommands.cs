using System.Security.Claims;
using CooperaNet.Application.Catalog;
using CooperaNet.Application.Data;
using CooperaNet.Application.FollowUp;
using CooperaNet.Domain;
using CooperaNet.Domain.FollowUp;
using CooperaNet.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Web.Features.FollowUp;

/// <summary>
/// The one place pages and API change campaigns, sessions, invitations and follow-up logs, after the
/// policy or the resource check has agreed. Refusals come back as results, not exceptions.
/// </summary>
public sealed class FollowUpCommands(CooperaNetDbContext db, IAuthorizationService auth, Invitations invitations, InvitationEmails emails, TimeProvider clock)
{
    public async Task<FollowUpResult> CreateCampaignAsync(ClaimsPrincipal user, CampaignInput? input)
    {
        if (!await IsSecretariatAsync(user))
        {
            return FollowUpResult.Forbidden;
        }

        var (draft, errors) = await DraftAsync(input);
        if (draft is null)
        {
            return FollowUpResult.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var (campaign, refused) = Campaign.Draft(Guid.CreateVersion7(now), draft, now);
        if (campaign is null)
        {
            return FollowUpResult.Invalid(Fields(refused));
        }

        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        return FollowUpResult.Done(campaign.Id);
    }

    public async Task<FollowUpResult> EditCampaignAsync(ClaimsPrincipal user, Guid id, CampaignInput? input)
    {
        if (!await IsSecretariatAsync(user))
        {
            return FollowUpResult.Forbidden;
        }

        var campaign = await db.Campaigns.FirstOrDefaultAsync(c => c.Id == id);
        if (campaign is null)
        {
            return FollowUpResult.NotFound;
        }

        if (campaign.Status != CampaignStatus.Draft)
        {
            return FollowUpResult.Refused(FollowUpError.NotEditable.Code);
        }

        var (draft, errors) = await DraftAsync(input);
        if (draft is null)
        {
            return FollowUpResult.Invalid(errors);
        }

        var refused = campaign.Edit(draft);
        if (refused.Count > 0)
        {
            return FollowUpResult.Invalid(Fields(refused));
        }

        await db.SaveChangesAsync();
        return FollowUpResult.Done(id);
    }

    /// <summary>"start" or "end" a campaign.</summary>
    public async Task<FollowUpResult> MoveCampaignAsync(ClaimsPrincipal user, Guid id, string move)
    {
        if (!await IsSecretariatAsync(user))
        {
            return FollowUpResult.Forbidden;
        }

        var campaign = await db.Campaigns.FirstOrDefaultAsync(c => c.Id == id);
        if (campaign is null)
        {
            return FollowUpResult.NotFound;
        }

        var now = clock.GetUtcNow();
        var error = move switch
        {
            "start" => campaign.Start(now),
            "end" => campaign.End(now),
            _ => FollowUpError.IllegalTransition,
        };
        if (error is not null)
        {
            return FollowUpResult.Refused(error.Code);
        }

        await db.SaveChangesAsync();
        return FollowUpResult.Done(id);
    }

    public async Task<FollowUpResult> PlanSessionAsync(ClaimsPrincipal user, SessionInput? input)
    {
        if (!await IsSecretariatAsync(user))
        {
            return FollowUpResult.Forbidden;
        }

        var errors = new List<FieldError>();
        var kind = Parse<SessionKind>(input?.Kind, "kind", errors);
        if (input?.HeldOn is null)
        {
            errors.Add(new FieldError("heldOn", "required"));
        }

        var states = await StatesAsync(input?.States, "states", errors);
        if (errors.Count > 0)
        {
            return FollowUpResult.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var (session, refused) = SocialisationSession.Plan(Guid.CreateVersion7(now), input!.Title, kind, input.HeldOn!.Value, states, now);
        if (session is null)
        {
            return FollowUpResult.Invalid(Fields(refused));
        }

        db.SocialisationSessions.Add(session);
        await db.SaveChangesAsync();
        return FollowUpResult.Done(session.Id);
    }

    public async Task<FollowUpResult> RecordAttendanceAsync(ClaimsPrincipal user, Guid id, IReadOnlyList<string>? attended)
    {
        if (!await IsSecretariatAsync(user))
        {
            return FollowUpResult.Forbidden;
        }

        var session = await db.SocialisationSessions.Include(s => s.Invitees).FirstOrDefaultAsync(s => s.Id == id);
        if (session is null)
        {
            return FollowUpResult.NotFound;
        }

        if (session.RecordAttendance(attended ?? []) is { } error)
        {
            return FollowUpResult.Invalid(Fields([error]));
        }

        await db.SaveChangesAsync();
        return FollowUpResult.Done(id);
    }

    /// <summary>Invites a focal point and queues the e-mail with its link, in one save.</summary>
    public async Task<FollowUpResult> InviteAsync(ClaimsPrincipal user, InvitationInput? input, string baseUrl)
    {
        if (!await IsSecretariatAsync(user))
        {
            return FollowUpResult.Forbidden;
        }

        var by = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : (Guid?)null;
        var (invitation, token, errors) = await invitations.InviteAsync(input?.Email, input?.State, input?.Language, by);
        if (invitation is null)
        {
            return FollowUpResult.Invalid(errors);
        }

        var stateName = await db.MemberStates.Where(s => s.Code == invitation.StateCode).Select(s => s.Name).SingleAsync();
        emails.Queue(invitation, stateName.Resolve(invitation.Language).Text, baseUrl, token!);
        await db.SaveChangesAsync();
        return FollowUpResult.Done(invitation.Id);
    }

    public async Task<FollowUpResult> AddEntryAsync(ClaimsPrincipal user, string state, FollowUpEntryInput? input)
    {
        var code = state.ToUpperInvariant();
        if (!await db.MemberStates.AnyAsync(s => s.Code == code))
        {
            return FollowUpResult.NotFound;
        }

        if (!(await auth.AuthorizeAsync(user, new StateFollowUp(code), FollowUpOperations.Write)).Succeeded)
        {
            return FollowUpResult.Forbidden;
        }

        var errors = new List<FieldError>();
        var kind = Parse<FollowUpKind>(input?.Kind, "kind", errors);
        if (input?.OccurredOn is null)
        {
            errors.Add(new FieldError("occurredOn", "required"));
        }

        if (errors.Count > 0)
        {
            return FollowUpResult.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var (entry, refused) = FollowUpEntry.Record(Guid.CreateVersion7(now), code, kind, input!.OccurredOn!.Value, input.Note, input.NextStep, input.NextStepDue, now);
        if (entry is null)
        {
            return FollowUpResult.Invalid(Fields(refused));
        }

        db.FollowUpEntries.Add(entry);
        await db.SaveChangesAsync();
        return FollowUpResult.Done(entry.Id);
    }

    public async Task<FollowUpResult> MarkDoneAsync(ClaimsPrincipal user, string state, Guid id)
    {
        var code = state.ToUpperInvariant();
        if (!(await auth.AuthorizeAsync(user, new StateFollowUp(code), FollowUpOperations.Write)).Succeeded)
        {
            return FollowUpResult.Forbidden;
        }

        var entry = await db.FollowUpEntries.FirstOrDefaultAsync(e => e.Id == id && e.StateCode == code);
        if (entry is null)
        {
            return FollowUpResult.NotFound;
        }

        if (entry.MarkDone(clock.GetUtcNow()) is { } error)
        {
            return FollowUpResult.Refused(error.Code);
        }

        await db.SaveChangesAsync();
        return FollowUpResult.Done(id);
    }

    private async Task<bool> IsSecretariatAsync(ClaimsPrincipal user) =>
        (await auth.AuthorizeAsync(user, Policies.Secretariat)).Succeeded;

    private async Task<(CampaignDraft? Draft, List<FieldError> Errors)> DraftAsync(CampaignInput? input)
    {
        var errors = new List<FieldError>();
        if (input is null)
        {
            return (null, [new FieldError("name", "body.required")]);
        }

        var target = Parse<CampaignTarget>(input.Target, "target", errors);
        if (input.StartsOn is null)
        {
            errors.Add(new FieldError("startsOn", "required"));
        }

        if (input.EndsOn is null)
        {
            errors.Add(new FieldError("endsOn", "required"));
        }

        var states = target == CampaignTarget.States ? await StatesAsync(input.States, "states", errors) : [];
        var subregions = await db.MemberStates.Select(s => s.Subregion).Distinct().ToListAsync();
        if (target == CampaignTarget.Subregion && !subregions.Contains(input.Subregion ?? string.Empty))
        {
            errors.Add(new FieldError("subregion", "required"));
        }

        var steps = new List<StepDraft> { new(CampaignStepKind.Invitation, 0) };
        if (input.ReminderDays is { } reminder)
        {
            steps.Add(new StepDraft(CampaignStepKind.Reminder, reminder));
        }

        if (input.FinalReminderDays is { } final)
        {
            steps.Add(new StepDraft(CampaignStepKind.FinalReminder, final));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var message = LocalizedText.Of(input.MessageEs, input.MessageEn, input.MessagePt, input.MessageFr);
        return (new CampaignDraft(input.Name, input.StartsOn!.Value, input.EndsOn!.Value, target, input.Subregion, states, message, steps), errors);
    }

    /// <summary>State codes typed with commas or spaces; each must be a member state.</summary>
    private async Task<List<string>> StatesAsync(string? typed, string field, List<FieldError> errors)
    {
        var codes = (typed ?? string.Empty).Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.ToUpperInvariant()).Distinct().ToList();
        if (codes.Count == 0)
        {
            errors.Add(new FieldError(field, "required"));
            return codes;
        }

        var known = await db.MemberStates.Where(s => codes.Contains(s.Code)).Select(s => s.Code).ToListAsync();
        if (known.Count != codes.Count)
        {
            errors.Add(new FieldError(field, "state.unknown", string.Join(", ", codes.Except(known))));
        }

        return codes;
    }

    private static T Parse<T>(string? name, string field, List<FieldError> errors)
        where T : struct, Enum
    {
        if (FollowUpNames.TryParse<T>(name, out var value))
        {
            return value;
        }

        errors.Add(new FieldError(field, string.IsNullOrWhiteSpace(name) ? "required" : "choice"));
        return default;
    }

    /// <summary>The domain's refusals as field errors ("messageEs" stays the field the form and the API name).</summary>
    private static List<FieldError> Fields(IEnumerable<FollowUpError> errors) =>
        [.. errors.Select(e => new FieldError(e.Field ?? string.Empty, e.Code))];
}
