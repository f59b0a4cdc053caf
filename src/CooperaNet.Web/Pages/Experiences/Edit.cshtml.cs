using CooperaNet.Application.Data;
using CooperaNet.Domain.Experiences;
using CooperaNet.Web.Features.Catalog;
using CooperaNet.Web.Features.Experiences;
using CooperaNet.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Experiences;

/// <summary>Changes an experience and its translations: a draft for its owners, any for the secretariat.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class EditExperienceModel(ExperienceCommands commands, IAuthorizationService auth, CooperaNetDbContext db, IMemoryCache cache, IStringLocalizer<Program> text)
    : ExperienceFormPage(commands, db, cache, text)
{
    public Experience Experience { get; private set; } = null!;

    /// <summary>The user owns it, but its status does not allow changes now.</summary>
    public bool Locked { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await RefuseAsync(id) is { } refusal)
        {
            return refusal;
        }

        Form = ExperienceForm.From(Experience);
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await RefuseAsync(id) is { } refusal)
        {
            return refusal;
        }

        var (input, readable) = await ReadFormAsync();
        return readable ? await AnswerAsync(await Commands.UpdateAsync(User, id, input), "Experiences.Done.saved") : await ShowAsync(StatusCodes.Status400BadRequest);
    }

    /// <summary>404 for an experience the user may not see, 403 for one they see but may not edit, 409 for one whose status forbids changes.</summary>
    private async Task<IActionResult?> RefuseAsync(Guid id)
    {
        var experience = await Commands.ReadAsync(User, id);
        if (experience is null)
        {
            return NotFound();
        }

        if (!(await auth.AuthorizeAsync(User, experience, ExperienceOperations.Edit)).Succeeded)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Experience = experience;
        Locked = !await Commands.CanEditAsync(User, experience);
        return Locked ? await ShowAsync(StatusCodes.Status409Conflict) : null;
    }
}
