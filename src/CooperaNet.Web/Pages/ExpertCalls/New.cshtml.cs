using CooperaNet.Application.Data;
using CooperaNet.Web.Features.Experts;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.ExpertCalls;

/// <summary>The secretariat opens a draft call, empty or filled from a priority area (?dimension=sector&amp;code=14030).</summary>
[Authorize(Policy = Policies.Secretariat)]
public sealed class NewCallModel(CallCommands commands, CallPrefill prefill, CooperaNetDbContext db, IMemoryCache cache, IStringLocalizer<Program> text)
    : CallFormPage(commands, db, cache, text)
{
    /// <summary>True when the form was filled from a priority area.</summary>
    public bool FromArea { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? dimension, string? code, CancellationToken ct)
    {
        var lang = UiStrings.CurrentLanguage;
        if (dimension is not null || code is not null)
        {
            var label = Text["Calls.Form.AreaOf." + dimension?.Trim().ToLowerInvariant()];
            if (label.ResourceNotFound || await prefill.FromAreaAsync(dimension, code, lang, label.Value, ct) is not { } input)
            {
                return NotFound();
            }

            Form = CallForm.From(input);
            FromArea = true;
        }
        else
        {
            Form.Language = lang;
        }

        return await ShowAsync();
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SaveAsync(input => Commands.CreateAsync(input, ct), "Calls.Done.Created");
}
