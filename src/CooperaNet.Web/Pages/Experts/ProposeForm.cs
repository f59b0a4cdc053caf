using System.Security.Claims;
using CooperaNet.Web.Features.Experts;
using CooperaNet.Web.Localization;

namespace CooperaNet.Web.Pages.Experts;

/// <summary>The fields of the form that proposes an expert for a demand, as posted.</summary>
public sealed class ProposeInput
{
    public Guid? ExpertId { get; set; }

    public string? Role { get; set; }

    /// <summary>yyyy-mm-dd, as a date input sends it.</summary>
    public string? StartsOn { get; set; }

    public string? EndsOn { get; set; }
}

/// <summary>The experts ranked for a demand and the form to propose one of them, on the demand's page and on the propose page.</summary>
public sealed record ProposeForm(Guid DemandId, IReadOnlyList<CandidateView> Candidates, ProposeInput Input, IReadOnlyList<AssignmentView> Proposed)
{
    /// <summary>The ranked experts, those already proposed and the form, for a demand; null when there is no such demand.</summary>
    public static async Task<ProposeForm?> LoadAsync(AssignmentCommands commands, ClaimsPrincipal user, Guid demandId, ProposeInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(commands);
        return await commands.CandidatesAsync(demandId, AssignmentCommands.DefaultTop, UiStrings.CurrentLanguage, ct) is { } candidates
            ? new ProposeForm(demandId, candidates, input, await commands.ListAsync(user, expertId: null, demandId, ct) ?? [])
            : null;
    }
}
