using CooperaNet.Application.Identity;
using CooperaNet.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CooperaNet.Web.Pages.Admin;

/// <summary>Every account of the platform, for the secretariat.</summary>
[Authorize(Policy = Policies.Secretariat)]
public sealed class UsersModel(UserAdministration administration) : PageModel
{
    public IReadOnlyList<UserSummary> Users { get; private set; } = [];

    public async Task OnGetAsync() => Users = await administration.ListUsersAsync();
}
