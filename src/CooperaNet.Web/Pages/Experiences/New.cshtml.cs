using CooperaNet.Application.Data;
using CooperaNet.Web.Features.Experiences;
using CooperaNet.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Experiences;

/// <summary>Writes a new experience: focal points, experts, partners and the secretariat.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class NewExperienceModel(ExperienceCommands commands, CooperaNetDbContext db, IMemoryCache cache, IStringLocalizer<Program> text)
    : ExperienceFormPage(commands, db, cache, text)
{
    public async Task<IActionResult> OnGetAsync()
    {
        if (!await Commands.CanCreateAsync(User))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Form.Language = Localization.UiStrings.CurrentLanguage;
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await Commands.CanCreateAsync(User))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var (input, readable) = await ReadFormAsync();
        return readable ? await AnswerAsync(await Commands.CreateAsync(User, input), "Experiences.Done.created") : await ShowAsync(StatusCodes.Status400BadRequest);
    }
}
