using CooperaNet.Application.Communications;
using CooperaNet.Domain.Communications;
using CooperaNet.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Communications;

/// <summary>The secretariat adds a content piece to a semester's plan or changes one.</summary>
[Authorize(Policy = Policies.Secretariat)]
public sealed class EditPieceModel(CommunicationsPlanner planner, IStringLocalizer<Program> text) : PlanEntryPageModel<PieceForm, ContentPiece>(planner, text)
{
    /// <summary>The audience checkboxes with their error, if any.</summary>
    public AudienceChecks Checks =>
        new(Form.Audiences, ModelState.TryGetValue("Form.Audiences", out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null);

    protected override PieceForm? FormOf(CommunicationPlan plan, Guid id) =>
        plan.Pieces.FirstOrDefault(p => p.Id == id) is { } piece ? PieceForm.From(piece) : null;

    protected override Task<CommunicationOutcome<ContentPiece>> SaveAsync(int year, int half, Guid? id, CancellationToken ct) =>
        Planner.SavePieceAsync(year, half, id, Form.ToInput(), ct);
}
