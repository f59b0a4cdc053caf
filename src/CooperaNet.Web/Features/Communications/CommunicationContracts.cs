using CooperaNet.Application.Communications;
using CooperaNet.Domain.Communications;

namespace CooperaNet.Web.Features.Communications;

/// <summary>An audience, who they are and its key message, in the four languages.</summary>
public sealed record AudienceMessageView(string Audience, TextInput Description, TextInput Message, DateTimeOffset UpdatedAt)
{
    public static AudienceMessageView Of(AudienceMessage item) =>
        new(AudienceNames.Key(item.Audience), TextInput.Of(item.Description), TextInput.Of(item.Message), item.UpdatedAt);
}

/// <summary>A channel: kind ("social-media"), name, address (a web address, a handle or a page of the platform), audiences reached.</summary>
public sealed record ChannelView(Guid Id, string Kind, string Name, string Address, IReadOnlyList<string> Audiences, bool Active)
{
    public static ChannelView Of(Channel item) =>
        new(item.Id, CommunicationNames.Key(item.Kind), item.Name, item.Address, item.Audiences.Select(AudienceNames.Key).ToList(), item.Active);
}

/// <summary>A line of the plan; message is null when it carries the audience's key message.</summary>
public sealed record PlanItemView(Guid Id, string Audience, Guid ChannelId, TextInput? Message, DateOnly PlannedOn, string Status, string Owner)
{
    public static PlanItemView Of(PlanItem item) =>
        new(item.Id, AudienceNames.Key(item.Audience), item.ChannelId, item.UsesKeyMessage ? null : TextInput.Of(item.Message), item.PlannedOn,
            CommunicationNames.Key(item.Status), item.Owner);
}

/// <summary>A content piece on the plan, linked to the platform (internalId) or outside it (externalUrl).</summary>
public sealed record ContentPieceView(
    Guid Id, string Kind, string Title, Guid? InternalId, string? ExternalUrl, IReadOnlyList<string> Audiences, Guid ChannelId,
    DateOnly PlannedOn, DateOnly? PublishedOn, string Status)
{
    public static ContentPieceView Of(ContentPiece item) =>
        new(item.Id, CommunicationNames.Key(item.Kind), item.Title, item.InternalId, item.ExternalUrl, item.Audiences.Select(AudienceNames.Key).ToList(),
            item.ChannelId, item.PlannedOn, item.PublishedOn, CommunicationNames.Key(item.Status));
}

/// <summary>A semester's plan: its days, items and content pieces by date.</summary>
public sealed record PlanView(int Year, int Half, DateOnly Start, DateOnly End, IReadOnlyList<PlanItemView> Items, IReadOnlyList<ContentPieceView> Pieces)
{
    public static PlanView Of(CommunicationPlan plan) => new(
        plan.Year, plan.Half, plan.Start, plan.End,
        plan.Items.OrderBy(i => i.PlannedOn).Select(PlanItemView.Of).ToList(),
        plan.Pieces.OrderBy(p => p.PlannedOn).Select(ContentPieceView.Of).ToList());
}

/// <summary>A semester that has a plan.</summary>
public sealed record PlanSummaryView(int Year, int Half, DateOnly Start, DateOnly End);

/// <summary>The semester of a new plan: the year and 1 (January-June) or 2 (July-December).</summary>
public sealed record PlanInput(int? Year, int? Half);

/// <summary>The lower-case, dashed names of the plan's enums, in addresses, the API and resource keys.</summary>
public static class CommunicationNames
{
    /// <summary>"SocialMedia" → "social-media".</summary>
    public static string Key<T>(T value)
        where T : struct, Enum =>
        string.Concat(value.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    public static IReadOnlyList<string> Keys<T>()
        where T : struct, Enum => Enum.GetValues<T>().Select(Key).ToList();
}
