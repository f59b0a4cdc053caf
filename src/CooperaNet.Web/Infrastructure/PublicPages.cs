using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace CooperaNet.Web.Infrastructure;

/// <summary>
/// The pages anyone may open without signing in, in one list: each gets [AllowAnonymous] as endpoint
/// metadata. Every other page model carries [Authorize(Policy = ...)]; a test fails on a page with
/// neither, so a new page is public only by being added here.
/// </summary>
public static class PublicPages
{
    /// <summary>Page paths (the file's path under Pages/, without extension).</summary>
    public static readonly IReadOnlyList<string> All =
    [
        "/Index",
        "/Error",
        "/ApiReference",
        "/WorkPlan",
        "/WorkPlans/Plans",
        "/WorkPlans/Action",
        "/Account/SignIn",
        "/Account/SignOut",
        "/Account/TwoFactor",
        "/Account/RecoveryCode",
        "/Account/ForgotPassword",
        "/Account/ResetPassword",
        "/Account/AcceptInvitation",
        "/Account/AccessDenied",
        "/Catalog/Index",
        "/Catalog/Entry",
        "/States/State",
        "/Participation/Index",
        "/Priorities/Index",
        "/Priorities/Area",
        "/Reports/Index",
        "/Reports/Report",
        "/Experiences/Index",
        "/Experiences/Experience",
        "/ExpertCalls/Index",
        "/ExpertCalls/Call",
        "/Experts/Apply",
        "/FollowUp/Unsubscribe",
        "/Events/Index",
        "/Events/Month",
        "/Events/Event",
        "/Guidelines/Index",
        "/Guidelines/Guideline",
        "/Guidelines/Diff",
        "/Newsletter/Index",
        "/Newsletter/Confirm",
        "/Newsletter/Issue",
        "/Newsletter/Unsubscribe",
        "/OpenData/Index",
        "/Communications/Index",
        "/Partners/Index",
        "/Partners/Organisation",
        "/Partners/Activity",
        "/Partners/Agreement",
        "/Partners/Pilot",
    ];

    public static PageConventionCollection AllowAnonymousToPublicPages(this PageConventionCollection conventions)
    {
        foreach (var page in All)
        {
            conventions.AllowAnonymousToPage(page);
        }

        return conventions;
    }
}
