using CooperaNet.Application.Data;
using CooperaNet.Application.FollowUp;
using CooperaNet.Domain;
using CooperaNet.Domain.FollowUp;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Web.Features.FollowUp;

/// <summary>What the campaign pages and API show, read without tracking and shaped for them.</summary>
public sealed class FollowUpViews(CooperaNetDbContext db, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IReadOnlyList<CampaignRow>> CampaignsAsync()
    {
        var campaigns = await db.Campaigns.AsNoTracking().OrderByDescending(c => c.StartsOn).ThenBy(c => c.Name).ToListAsync();
        var counts = await db.CampaignDeliveries.AsNoTracking().GroupBy(d => d.CampaignId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        return [.. campaigns.Select(c => new CampaignRow(c.Id, c.Name, c.StartsOn, c.EndsOn, FollowUpNames.Of(c.Target), FollowUpNames.Of(c.Status), counts.GetValueOrDefault(c.Id)))];
    }

    /// <summary>A campaign with, for each targeted state, the steps sent and whether it published since the start.</summary>
    public async Task<CampaignView?> CampaignAsync(Guid id, string language)
    {
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id);
        if (campaign is null)
        {
            return null;
        }

        var states = await db.MemberStates.AsNoTracking().Select(s => new { s.Code, s.Name, s.Subregion }).ToListAsync();
        var published = await db.Entries.AsNoTracking()
            .Where(e => e.PublishedAt != null)
            .GroupBy(e => e.StateCode)
            .Select(g => new { State = g.Key, First = g.Min(e => e.PublishedAt), Last = g.Max(e => e.PublishedAt) })
            .ToDictionaryAsync(g => g.State, g => (g.First, g.Last));
        var deliveries = (await db.CampaignDeliveries.AsNoTracking().Where(d => d.CampaignId == id).ToListAsync()).ToLookup(d => d.StateCode);
        var rows = states
            .Where(s => campaign.Targets(s.Code, s.Subregion, published.GetValueOrDefault(s.Code).First) || deliveries[s.Code].Any())
            .Select(s =>
            {
                var sent = deliveries[s.Code].ToList();
                var since = campaign.StartedAt is { } started && published.GetValueOrDefault(s.Code).Last >= started;
                return new StateDeliveries(s.Code, s.Name.Resolve(language).Text, since, [.. sent.Select(d => d.StepNumber).Distinct().Order()], sent.Count == 0 ? null : sent.Max(d => d.SentAt), sent.Select(d => d.RecipientId).Distinct().Count());
            })
            .OrderBy(r => r.StateName, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo(language), ignoreCase: true))
            .ToList();
        return new CampaignView(
            campaign.Id, campaign.Name, campaign.StartsOn, campaign.EndsOn, FollowUpNames.Of(campaign.Target), campaign.Subregion, campaign.TargetStateList,
            Languages.All.ToDictionary(l => l, l => campaign.Message.In(l) ?? string.Empty),
            [.. campaign.Steps.Select(s => new StepView(s.Number, FollowUpNames.Of(s.Kind), s.DaysWithoutActivity))],
            FollowUpNames.Of(campaign.Status), campaign.StartedAt, campaign.EndedAt, rows);
    }

    public async Task<IReadOnlyList<SessionView>> SessionsAsync(string language)
    {
        var names = await StateNamesAsync(language);
        var sessions = await db.SocialisationSessions.AsNoTracking().Include(s => s.Invitees).OrderByDescending(s => s.HeldOn).ToListAsync();
        return [.. sessions.Select(s => new SessionView(s.Id, s.Title, FollowUpNames.Of(s.Kind), s.HeldOn,
            [.. s.Invitees.OrderBy(i => i.StateCode).Select(i => new InviteeView(i.StateCode, names.GetValueOrDefault(i.StateCode, i.StateCode), i.Attended))], s.AttendanceCount))];
    }

    /// <summary>Every invitation, the newest first: to whom, for which state, and whether its link is pending, used or expired.</summary>
    public async Task<IReadOnlyList<InvitationView>> InvitationsAsync()
    {
        var now = clock.GetUtcNow();
        var invitations = await db.Invitations.AsNoTracking().OrderByDescending(i => i.CreatedAt).ToListAsync();
        return [.. invitations.Select(i => View(i, now))];
    }

    public async Task<InvitationView?> InvitationAsync(Guid id) =>
        await db.Invitations.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id) is { } invitation ? View(invitation, clock.GetUtcNow()) : null;

    public async Task<StateLogView?> StateLogAsync(string state, string language)
    {
        var code = state.ToUpperInvariant();
        var name = await db.MemberStates.AsNoTracking().Where(s => s.Code == code).Select(s => s.Name).FirstOrDefaultAsync();
        if (name is null)
        {
            return null;
        }

        var stateName = name.Resolve(language).Text;
        var today = Today;
        var entries = await db.FollowUpEntries.AsNoTracking().Where(e => e.StateCode == code).OrderByDescending(e => e.OccurredOn).ThenByDescending(e => e.CreatedAt).ToListAsync();
        return new StateLogView(code, stateName, [.. entries.Select(e => View(e, stateName, today))]);
    }

    /// <summary>Next steps still open after their day, the oldest first.</summary>
    public async Task<IReadOnlyList<FollowUpEntryView>> OverdueAsync(string language)
    {
        var today = Today;
        var names = await StateNamesAsync(language);
        var entries = await db.FollowUpEntries.AsNoTracking()
            .Where(e => e.DoneAt == null && e.NextStepDue != null && e.NextStepDue < today)
            .OrderBy(e => e.NextStepDue)
            .ToListAsync();
        return [.. entries.Select(e => View(e, names.GetValueOrDefault(e.StateCode, e.StateCode), today))];
    }

    public async Task<Dictionary<string, string>> StateNamesAsync(string language) =>
        (await db.MemberStates.AsNoTracking().Select(s => new { s.Code, s.Name }).ToListAsync()).ToDictionary(s => s.Code, s => s.Name.Resolve(language).Text, StringComparer.Ordinal);

    /// <summary>An invitation without its token's hash, which never leaves the database.</summary>
    private static InvitationView View(Invitation i, DateTimeOffset now) =>
        new(i.Id, i.Email, i.StateCode, i.Language, i.CreatedAt, i.ExpiresAt, i.UsedAt, FollowUpNames.Of(i.StatusAt(now)) switch
        {
            "valid" => "pending",
            var other => other,
        });

    private static FollowUpEntryView View(FollowUpEntry e, string stateName, DateOnly today) =>
        new(e.Id, e.StateCode, stateName, FollowUpNames.Of(e.Kind), e.OccurredOn, e.Note, e.NextStep, e.NextStepDue, e.IsDone, e.IsOverdue(today));
}
