using CooperaNet.Application.Communications;
using CooperaNet.Domain;
using CooperaNet.Domain.Communications;
using CooperaNet.Web.Features.Events;
using CooperaNet.Web.Features.Experiences;
using CooperaNet.Web.Features.Reports;
using CooperaNet.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CooperaNet.Web.Pages.Communications;

/// <summary>One row of the grid: an audience or a channel, and what is planned for it in each month.</summary>
public sealed record GridRow(string Key, string Heading, IReadOnlyList<GridCell> Cells);

/// <summary>A month's cell: the plan items and content pieces on it, by date.</summary>
public sealed record GridCell(DateOnly Month, IReadOnlyList<PlanItem> Items, IReadOnlyList<ContentPiece> Pieces);

/// <summary>
/// A semester's plan as a grid: the six months as columns, the audiences as rows (or the channels, with
/// <c>?by=channel</c>), each cell listing its items and content pieces.
/// </summary>
[Authorize(Policy = Policies.ReadsCommunicationPlan)]
public sealed class PlanModel(CommunicationsPlanner planner, IAuthorizationService auth) : PageModel
{
    public CommunicationPlan Plan { get; private set; } = null!;

    public bool ByChannel { get; private set; }

    public bool IsSecretariat { get; private set; }

    public IReadOnlyDictionary<Guid, Channel> Channels { get; private set; } = new Dictionary<Guid, Channel>();

    public IReadOnlyDictionary<Audience, AudienceMessage> Messages { get; private set; } = new Dictionary<Audience, AudienceMessage>();

    public IReadOnlyList<GridRow> Rows { get; private set; } = [];

    private IReadOnlyDictionary<Guid, string> reports = new Dictionary<Guid, string>();

    public async Task<IActionResult> OnGetAsync(int year, int half, string? by, CancellationToken ct)
    {
        if (await planner.PlanAsync(year, half, ct) is not { } plan)
        {
            return NotFound();
        }

        Plan = plan;
        ByChannel = by == "channel";
        IsSecretariat = (await auth.AuthorizeAsync(User, Policies.Secretariat)).Succeeded;
        Channels = (await planner.ChannelsAsync(ct)).ToDictionary(c => c.Id);
        Messages = (await planner.MessagesAsync(ct)).ToDictionary(m => m.Audience);
        reports = await planner.ReportSemestersAsync(plan.Pieces.Where(p => p.Kind == ContentKind.Report && p.InternalId is not null).Select(p => p.InternalId!.Value).ToList(), ct);
        var months = plan.Months;
        static bool InMonth(DateOnly day, DateOnly month) => day.Year == month.Year && day.Month == month.Month;
        if (ByChannel)
        {
            var used = plan.Items.Select(i => i.ChannelId).Concat(plan.Pieces.Select(p => p.ChannelId)).ToHashSet();
            Rows = Channels.Values.Where(c => c.Active || used.Contains(c.Id)).Select(c => new GridRow(
                "channel-" + c.Id,
                c.Name,
                months.Select(m => new GridCell(
                    m,
                    plan.Items.Where(i => i.ChannelId == c.Id && InMonth(i.PlannedOn, m)).OrderBy(i => i.PlannedOn).ToList(),
                    plan.Pieces.Where(p => p.ChannelId == c.Id && InMonth(p.PlannedOn, m)).OrderBy(p => p.PlannedOn).ToList())).ToList())).ToList();
        }
        else
        {
            Rows = AudienceNames.All.Select(a => new GridRow(
                "audience-" + AudienceNames.Key(a),
                AudienceNames.Key(a),
                months.Select(m => new GridCell(
                    m,
                    plan.Items.Where(i => i.Audience == a && InMonth(i.PlannedOn, m)).OrderBy(i => i.PlannedOn).ToList(),
                    plan.Pieces.Where(p => p.Audiences.Contains(a) && InMonth(p.PlannedOn, m)).OrderBy(p => p.PlannedOn).ToList())).ToList())).ToList();
        }

        return Page();
    }

    /// <summary>The item's message in <paramref name="language"/>: its own, or the audience's key message.</summary>
    public ResolvedText MessageOf(PlanItem item, string language) =>
        item.UsesKeyMessage
            ? Messages.TryGetValue(item.Audience, out var key) ? key.Message.Resolve(language) : new ResolvedText(string.Empty, language)
            : item.Message.Resolve(language);

    /// <summary>Where a content piece points: the platform's page (with the language) or the external address; null when unknown.</summary>
    public string? LinkOf(ContentPiece piece, string language) => piece switch
    {
        { ExternalUrl: { } url } => url,
        { Kind: ContentKind.Experience, InternalId: { } id } => $"/{language}{ExperienceRoutes.Page(id)}",
        { Kind: ContentKind.Event, InternalId: { } id } => $"/{language}{EventRoutes.Page(id)}",
        { Kind: ContentKind.Report, InternalId: { } id } when reports.TryGetValue(id, out var semester) => $"/{language}{ReportRoutes.Report(semester)}",
        _ => null,
    };

    public string ChannelName(Guid id) => Channels.TryGetValue(id, out var channel) ? channel.Name : string.Empty;
}
