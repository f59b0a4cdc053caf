using CooperaNet.Web.Features.Experts;

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
public sealed record ProposeForm(Guid DemandId, IReadOnlyList<CandidateView> Candidates, ProposeInput Input, IReadOnlyList<AssignmentView> Proposed);
