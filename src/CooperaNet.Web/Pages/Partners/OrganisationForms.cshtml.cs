using CooperaNet.Application.Partners;
using CooperaNet.Domain.Partners;
using CooperaNet.Web.Features.Partners;
using CooperaNet.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Partners;

/// <summary>
/// The small forms of one organisation: a contact or an engagement-log entry (the secretariat and the
/// organisation's own partner users), an agreement (the secretariat).
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public abstract class OrganisationFormModel(PartnerRegistry registry, PartnerAccessResolver who, IStringLocalizer<Program> text) : PartnerPageModel(who, text)
{
    public PartnerOrganisation Organisation { get; private set; } = null!;

    protected PartnerRegistry Registry => registry;

    /// <summary>Only the secretariat may use the form.</summary>
    protected virtual bool SecretariatOnly => false;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await PrepareAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) => await PrepareAsync(id, ct) ?? await SaveAsync(id, ct);

    protected abstract Task<IActionResult> SaveAsync(Guid id, CancellationToken ct);

    private async Task<IActionResult?> PrepareAsync(Guid id, CancellationToken ct)
    {
        var access = await ResolveAsync(ct);
        if (await registry.FindAsync(id, withDeleted: false, ct) is not { } organisation)
        {
            return NotFound();
        }

        Organisation = organisation;
        return (SecretariatOnly ? access.Secretariat : access.Manages(id)) ? null : Refuse();
    }
}

public sealed class NewContactModel(PartnerRegistry registry, PartnerAccessResolver who, IStringLocalizer<Program> text) : OrganisationFormModel(registry, who, text)
{
    [BindProperty]
    public ContactForm Form { get; set; } = new();

    protected override async Task<IActionResult> SaveAsync(Guid id, CancellationToken ct) =>
        Answer(await Registry.AddContactAsync(id, Form.ToInput(), Access, ct), PartnerRoutes.Page(id), "Partners.Done.contact");
}

public sealed class NewEntryModel(PartnerRegistry registry, PartnerAccessResolver who, IStringLocalizer<Program> text) : OrganisationFormModel(registry, who, text)
{
    [BindProperty]
    public EngagementForm Form { get; set; } = new();

    protected override async Task<IActionResult> SaveAsync(Guid id, CancellationToken ct) =>
        Answer(await Registry.RecordAsync(id, Form.ToInput(), Access, ct), PartnerRoutes.Activity(id), "Partners.Done.entry");
}

public sealed class NewAgreementModel(PartnerRegistry registry, PartnerAccessResolver who, IStringLocalizer<Program> text) : OrganisationFormModel(registry, who, text), IAgreementFormPage
{
    [BindProperty]
    public AgreementForm Form { get; set; } = new();

    protected override bool SecretariatOnly => true;

    protected override async Task<IActionResult> SaveAsync(Guid id, CancellationToken ct) =>
        Answer(await Registry.SaveAgreementAsync(id, null, Form.ToInput(), Access, ct), PartnerRoutes.Page(id), "Partners.Done.agreement");
}
