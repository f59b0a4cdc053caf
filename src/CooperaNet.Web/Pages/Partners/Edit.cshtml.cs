using CooperaNet.Application.Partners;
using CooperaNet.Domain.Partners;
using CooperaNet.Web.Features.Partners;
using CooperaNet.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Partners;

/// <summary>The organisation form's fields.</summary>
public sealed class OrganisationForm
{
    public string? Name { get; set; }

    public string? Acronym { get; set; }

    public string? Scope { get; set; } = "regional";

    public Guid? ParentId { get; set; }

    public string? DescriptionEs { get; set; }

    public string? DescriptionEn { get; set; }

    public string? DescriptionPt { get; set; }

    public string? DescriptionFr { get; set; }

    public string? Website { get; set; }

    public string? MemberStates { get; set; }

    public OrganisationInput ToInput() => new(Name, Acronym, Scope, ParentId, DescriptionEs, DescriptionEn, DescriptionPt, DescriptionFr, Website, MemberStates);

    public static OrganisationForm From(PartnerOrganisation item) => new()
    {
        Name = item.Name,
        Acronym = item.Acronym,
        Scope = PartnerNames.Of(item.Scope),
        ParentId = item.ParentId,
        DescriptionEs = item.Description.Es,
        DescriptionEn = item.Description.En,
        DescriptionPt = item.Description.Pt,
        DescriptionFr = item.Description.Fr,
        Website = item.Website,
        MemberStates = item.MemberStates,
    };
}

/// <summary>
/// The secretariat adds an organisation or changes everything of one; the organisation's own partner users
/// change its description and website.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class EditPartnerModel(PartnerRegistry registry, PartnerAccessResolver who, IStringLocalizer<Program> text) : PartnerPageModel(who, text)
{
    [BindProperty]
    public OrganisationForm Form { get; set; } = new();

    public Guid? Id { get; private set; }

    /// <summary>Other organisations, which may be this one's parent.</summary>
    public IReadOnlyList<PartnerOrganisation> Parents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (await PrepareAsync(id, ct) is { } refused)
        {
            return refused;
        }

        if (id is { } existing)
        {
            Form = OrganisationForm.From((await registry.FindAsync(existing, withDeleted: false, ct))!);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        if (await PrepareAsync(id, ct) is { } refused)
        {
            return refused;
        }

        var outcome = id is { } existing ? await registry.UpdateAsync(existing, Form.ToInput(), Access, ct) : await registry.CreateAsync(Form.ToInput(), Access, ct);
        return Answer(outcome, PartnerRoutes.Page(outcome.Value?.Id ?? Guid.Empty), "Partners.Done.save");
    }

    /// <summary>404 for an unknown organisation, 403 for who may not change it; null when the form may be shown.</summary>
    private async Task<IActionResult?> PrepareAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        var access = await ResolveAsync(ct);
        if (id is { } existing && await registry.FindAsync(existing, withDeleted: false, ct) is null)
        {
            return NotFound();
        }

        if (id is { } target ? !access.Manages(target) : !access.Secretariat)
        {
            return Refuse();
        }

        Parents = (await registry.ListAsync(null, withDeleted: false, ct)).Where(o => o.Id != id).ToList();
        return null;
    }
}
