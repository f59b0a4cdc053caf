using CooperaNet.Application.Identity;
using CooperaNet.Application.Partners;
using CooperaNet.Domain.Partners;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using CooperaNet.Web.Pages.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Admin;

/// <summary>Every account of the platform, for the secretariat, who also links each partner user to their organisation.</summary>
[Authorize(Policy = Policies.Secretariat)]
public sealed class UsersModel(UserAdministration administration, PartnerRegistry partners, IStringLocalizer<Program> text) : PageModel
{
    public IReadOnlyList<UserSummary> Users { get; private set; } = [];

    /// <summary>The organisations a partner user may be linked to: those not deleted, by name.</summary>
    public IReadOnlyList<PartnerOrganisation> Organisations { get; private set; } = [];

    public string? Notice { get; private set; }

    /// <summary>The name of the field of one user's partner form, which carries its error.</summary>
    public static string PartnerField(Guid userId) => $"partner-{userId:N}";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Notice = Notices.Take(this);
        await LoadAsync(ct);
    }

    /// <summary>Links the partner user to an organisation, or to none when <paramref name="organisationId"/> is empty.</summary>
    public async Task<IActionResult> OnPostPartnerAsync(Guid userId, Guid? organisationId, CancellationToken ct)
    {
        if (userId == Guid.Empty)
        {
            return NotFound();
        }

        var error = ModelState.IsValid
            ? await administration.SetPartnerOrganisationAsync(userId, organisationId)
            : new AdminError("partner-organisation", "The organisation is not an id.");
        if (error is null)
        {
            TempData[Notices.Key] = organisationId is null ? "Admin.Users.Partner.Cleared" : "Admin.Users.Partner.Linked";
            return Redirect($"/{UiStrings.CurrentLanguage}/admin/users");
        }

        if (error.Code == "user")
        {
            return NotFound();
        }

        ModelState.Clear();
        ModelState.AddModelError(PartnerField(userId), text["Admin.Users.Error." + error.Code]);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Users = await administration.ListUsersAsync();
        Organisations = await partners.ListAsync(null, withDeleted: false, ct);
    }
}
