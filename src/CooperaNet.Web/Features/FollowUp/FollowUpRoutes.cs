namespace CooperaNet.Web.Features.FollowUp;

/// <summary>The follow-up pages' routes without the language prefix.</summary>
public static class FollowUpRoutes
{
    public const string Campaigns = "/campaigns";
    public const string NewCampaign = "/campaigns/new";
    public const string Sessions = "/campaigns/sessions";
    public const string Invitations = "/campaigns/invitations";
    public const string Overdue = "/follow-up/overdue";
    public const string Unsubscribe = "/follow-up/unsubscribe";
    public const string AcceptInvitation = "/account/accept-invitation";

    public static string Campaign(Guid id) => $"/campaigns/{id}";

    public static string EditCampaign(Guid id) => $"/campaigns/{id}/edit";

    public static string State(string code) => $"/follow-up/{code}";
}
