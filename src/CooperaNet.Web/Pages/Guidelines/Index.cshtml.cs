using CooperaNet.Application.Guidelines;
using CooperaNet.Domain.Guidelines;
using CooperaNet.Web.Features.Guidelines;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CooperaNet.Web.Pages.Guidelines;

/// <summary>The guidelines: published ones for everyone, drafts and consultations too for participants.</summary>
public sealed class GuidelinesIndexModel(GuidelineBook book, IAuthorizationService auth) : PageModel
{
    public IReadOnlyList<Guideline> Guidelines { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Guidelines = await book.ListAsync(await auth.IsParticipantAsync(User), ct);
}
