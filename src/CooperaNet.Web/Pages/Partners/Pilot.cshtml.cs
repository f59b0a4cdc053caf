using CooperaNet.Application.Partners;
using CooperaNet.Domain.Partners;
using CooperaNet.Web.Features.Partners;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Pages.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Partners;

/// <summary>The pilot with SEGIB and MERCOSUR (work plan action 1): each organisation's milestones; the secretariat moves them.</summary>
public sealed class PartnerPilotModel(PartnerRegistry registry, PartnerAccessResolver who, IStringLocalizer<Program> text, TimeProvider clock) : PartnerPageModel(who, text)
{
    public IReadOnlyList<(PartnerOrganisation Organisation, IReadOnlyList<PilotMilestone> Milestones)> Pilot { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public string? Notice { get; private set; }

    [BindProperty]
    public MilestoneForm Form { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Notice = Notices.Take(this);
        await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid milestoneId, CancellationToken ct)
    {
        var outcome = await registry.MoveMilestoneAsync(milestoneId, new MilestoneInput(Form.Status, Form.DoneOn, Form.Note), await ResolveAsync(ct), ct);
        if (outcome.Errors.Count > 0)
        {
            await ShowAsync(ct);
        }

        return Answer(outcome, PartnerRoutes.Pilot, "Partners.Done.milestone");
    }

    private async Task ShowAsync(CancellationToken ct)
    {
        await ResolveAsync(ct);
        Pilot = await registry.PilotAsync(ct);
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    }
}

/// <summary>The milestone form's fields.</summary>
public sealed class MilestoneForm
{
    public string? Status { get; set; }

    public DateOnly? DoneOn { get; set; }

    public string? Note { get; set; }
}
