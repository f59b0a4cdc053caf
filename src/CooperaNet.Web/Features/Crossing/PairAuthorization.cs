using CooperaNet.Domain.Crossing;
using CooperaNet.Web.Features.Catalog;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace CooperaNet.Web.Features.Crossing;

/// <summary>What a user wants to do with a pair or an initiative.</summary>
public static class PairOperations
{
    /// <summary>See it: the focal points of the states concerned and the secretariat.</summary>
    public static readonly OperationAuthorizationRequirement Read = new() { Name = "PairRead" };

    /// <summary>Answer for a side (interest, decline): that side's focal points, or the secretariat on its behalf.</summary>
    public static readonly OperationAuthorizationRequirement Answer = new() { Name = "PairAnswer" };

    /// <summary>Broker an agreed pair, move an initiative: the secretariat.</summary>
    public static readonly OperationAuthorizationRequirement Broker = new() { Name = "PairBroker" };
}

/// <summary>A pair seen from one side, the resource of <see cref="PairOperations.Answer"/>.</summary>
public sealed record PairSideResource(Pair Pair, PairSide Side);

/// <summary>The rules for pairs and initiatives, in one place for the API and the pages.</summary>
public sealed class PairAuthorizationHandler : IAuthorizationHandler
{
    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        foreach (var requirement in context.PendingRequirements.OfType<OperationAuthorizationRequirement>().ToList())
        {
            var user = context.User;
            var state = user.FocalPointState();
            var allowed = (requirement.Name, context.Resource) switch
            {
                ("PairRead", Pair pair) => user.IsSecretariat() || (state is not null && (pair.OfferState == state || pair.DemandState == state)),
                ("PairRead", Initiative initiative) => user.IsSecretariat() || (state is not null && initiative.Participants.Any(p => p.StateCode == state)),
                ("PairAnswer", PairSideResource side) => user.IsSecretariat() || (state is not null && side.Pair.StateOf(side.Side) == state),
                ("PairBroker", Pair or Initiative) => user.IsSecretariat(),
                _ => false,
            };
            if (allowed)
            {
                context.Succeed(requirement);
            }
        }

        return Task.CompletedTask;
    }
}
