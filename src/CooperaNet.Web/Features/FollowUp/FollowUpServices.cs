using CooperaNet.Application.FollowUp;
using CooperaNet.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;

namespace CooperaNet.Web.Features.FollowUp;

public static class FollowUpFeature
{
    /// <summary>Campaigns, invitations, sessions and follow-up logs, with the job that sends the reminders.</summary>
    public static WebApplicationBuilder AddCooperaNetFollowUp(this WebApplicationBuilder builder)
    {
        builder.Services.AddCooperaNetFollowUp(builder.Configuration, background: true);
        builder.Services.AddSingleton<IFollowUpTexts, FollowUpTexts>();
        builder.Services.AddSingleton<IAuthorizationHandler, FollowUpAuthorizationHandler>();
        builder.Services.AddScoped<FollowUpCommands>();
        builder.Services.AddScoped<FollowUpViews>();
        builder.Services.AddScoped<InvitationEmails>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(FollowUpPolicies.Readers, policy => policy.RequireAuthenticatedUser().RequireAssertion(context => context.User.ReadsAllFollowUp()));
        return builder;
    }
}
