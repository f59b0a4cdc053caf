using CooperaNet.Application.Partners;
using CooperaNet.Web.Features.Partners;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Pages.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Partners;

/// <summary>
/// "Our joint activity": the organisation's engagement log, agreements, the events linked in the log, the events
/// its users proposed and the experiences they wrote. For the secretariat and the organisation's own partner users; 404 for anyone else.
/// </summary>
public sealed class PartnerActivityModel(PartnerRegistry registry, PartnerAccessResolver who, IStringLocalizer<Program> text) : PartnerPageModel(who, text)
{
    public JointActivity Activity { get; private set; } = null!;

    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Notice = Notices.Take(this);
        if (await registry.JointActivityAsync(id, await ResolveAsync(ct), ct) is not { } activity)
        {
            return NotFound();
        }

        Activity = activity;
        return Page();
    }
}
