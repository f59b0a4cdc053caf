using CooperaNet.Domain.Catalog;
using CooperaNet.Web.Pages.Experts;
using Microsoft.AspNetCore.Mvc;

namespace CooperaNet.Web.Features.Experts;

/// <summary>
/// "Experts for this demand" on a demand's page: the roster's experts ranked for it, with their
/// reasons, and the form to propose one. For the secretariat only: for anyone else it draws and
/// reads nothing, so the public page costs the same.
/// </summary>
public sealed class DemandExpertsViewComponent(AssignmentCommands commands) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(CatalogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Kind != EntryKind.Demand || entry.DeletedAt is not null || !await commands.MayProposeAsync(UserClaimsPrincipal))
        {
            return Content(string.Empty);
        }

        return View(await ProposeForm.LoadAsync(commands, UserClaimsPrincipal, entry.Id, new ProposeInput(), HttpContext.RequestAborted));
    }
}
