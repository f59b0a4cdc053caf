using CooperaNet.Application.Partners;
using CooperaNet.Domain.Partners;
using CooperaNet.Web.Features.Partners;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Pages.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Partners;

/// <summary>
/// One organisation: its public part and agreements for everyone; its contacts for the secretariat and its own
/// partner users; deleting and restoring for the secretariat.
/// </summary>
public sealed class PartnerOrganisationModel(PartnerRegistry registry, AgreementDocuments documents, PartnerAccessResolver who, IStringLocalizer<Program> text) : PartnerPageModel(who, text)
{
    public PartnerOrganisation Item { get; private set; } = null!;

    public PartnerOrganisation? Parent { get; private set; }

    public IReadOnlyList<PartnerOrganisation> Programmes { get; private set; } = [];

    /// <summary>The agreements; deleted ones too for the secretariat.</summary>
    public IReadOnlyList<PartnerAgreement> Agreements { get; private set; } = [];

    /// <summary>The agreements whose signed text is on file.</summary>
    public IReadOnlySet<Guid> WithDocument { get; private set; } = new HashSet<Guid>();

    /// <summary>Null when the reader may not see them.</summary>
    public IReadOnlyList<PartnerContact>? Contacts { get; private set; }

    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Notice = Notices.Take(this);
        return await ShowAsync(id, ct) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct) => MoveAsync(id, restore: false, ct);

    public Task<IActionResult> OnPostRestoreAsync(Guid id, CancellationToken ct) => MoveAsync(id, restore: true, ct);

    public async Task<IActionResult> OnPostRemoveContactAsync(Guid id, Guid contactId, CancellationToken ct) =>
        Answer(await registry.RemoveContactAsync(id, contactId, await ResolveAsync(ct), ct), PartnerRoutes.Page(id), "Partners.Done.remove-contact");

    /// <summary>Deletes or restores the organisation; a refused move shows the page again with why.</summary>
    private async Task<IActionResult> MoveAsync(Guid id, bool restore, CancellationToken ct)
    {
        var outcome = await registry.DeleteAsync(id, restore, await ResolveAsync(ct), ct);
        if (outcome.Refused is not null && !await ShowAsync(id, ct))
        {
            return NotFound();
        }

        return Answer(outcome, PartnerRoutes.Page(id), restore ? "Partners.Done.restore" : "Partners.Done.delete");
    }

    private async Task<bool> ShowAsync(Guid id, CancellationToken ct)
    {
        var access = await ResolveAsync(ct);
        if (await registry.FindAsync(id, access.Secretariat, ct) is not { } item)
        {
            return false;
        }

        Item = item;
        Parent = item.ParentId is { } parent ? await registry.FindAsync(parent, withDeleted: false, ct) : null;
        Programmes = (await registry.ListAsync(null, withDeleted: false, ct)).Where(o => o.ParentId == id).ToList();
        Agreements = await registry.AgreementsAsync(id, withDeleted: access.Secretariat, ct);
        WithDocument = await documents.WithDocumentAsync(Agreements.Select(a => a.Id).ToList(), ct);
        Contacts = await registry.ContactsAsync(id, access, ct);
        return true;
    }
}
