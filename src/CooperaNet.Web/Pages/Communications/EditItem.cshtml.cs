using CooperaNet.Application.Communications;
using CooperaNet.Domain.Communications;
using CooperaNet.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Communications;

/// <summary>The secretariat adds an item to a semester's plan or changes one (its status included).</summary>
[Authorize(Policy = Policies.Secretariat)]
public sealed class EditItemModel(CommunicationsPlanner planner, IStringLocalizer<Program> text) : PlanEntryPageModel<ItemForm, PlanItem>(planner, text)
{
    protected override ItemForm? FormOf(CommunicationPlan plan, Guid id) =>
        plan.Items.FirstOrDefault(i => i.Id == id) is { } item ? ItemForm.From(item) : null;

    protected override Task<CommunicationOutcome<PlanItem>> SaveAsync(int year, int half, Guid? id, CancellationToken ct) =>
        Planner.SaveItemAsync(year, half, id, Form.ToInput(), ct);
}
