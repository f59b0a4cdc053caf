using CooperaNet.Application.Data;
using CooperaNet.Domain.Experts;
using CooperaNet.Web.Features.Experts;
using CooperaNet.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.ExpertCalls;

/// <summary>The secretariat changes a draft or published call.</summary>
[Authorize(Policy = Policies.Secretariat)]
public sealed class EditCallModel(CallCommands commands, CooperaNetDbContext db, IMemoryCache cache, IStringLocalizer<Program> text)
    : CallFormPage(commands, db, cache, text)
{
    public ExpertCall Call { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await Commands.FindAsync(id, ct) is not { } call)
        {
            return NotFound();
        }

        Call = call;
        Form = CallForm.From(call);
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await Commands.FindAsync(id, ct) is not { } call)
        {
            return NotFound();
        }

        Call = call;
        return await SaveAsync(input => Commands.EditAsync(id, input, ct), "Calls.Done.Saved");
    }
}
