using CooperaNet.Application.Partners;
using CooperaNet.Domain.Partners;
using CooperaNet.Web.Features.Partners;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Pages.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Pages.Partners;

/// <summary>
/// One agreement: its public part for everyone; its signed text for those who manage the organisation; for the
/// secretariat, the form to change it, the upload, removal and restoring of its document, and deleting and
/// restoring the agreement itself.
/// </summary>
public sealed class PartnerAgreementModel(PartnerRegistry registry, AgreementDocuments documents, PartnerAccessResolver who, IStringLocalizer<Program> text)
    : PartnerPageModel(who, text), IAgreementFormPage
{
    [BindProperty]
    public AgreementForm Form { get; set; } = new();

    [BindProperty]
    public DocumentForm Upload { get; set; } = new();

    public PartnerOrganisation Organisation { get; private set; } = null!;

    public PartnerAgreement Item { get; private set; } = null!;

    /// <summary>The documents, latest first; null when the reader may not see them.</summary>
    public IReadOnlyList<AgreementDocumentInfo>? Documents { get; private set; }

    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid agreementId, CancellationToken ct)
    {
        Notice = Notices.Take(this);
        return await ShowAsync(id, agreementId, keepForm: false, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid agreementId, CancellationToken ct) =>
        await ShowAsync(id, agreementId, keepForm: true, ct)
            ? Answer(await registry.SaveAgreementAsync(id, agreementId, Form.ToInput(), Access, ct), PartnerRoutes.Agreement(id, agreementId), "Partners.Done.agreement")
            : NotFound();

    public async Task<IActionResult> OnPostUploadAsync(Guid id, Guid agreementId, CancellationToken ct)
    {
        if (!await ShowAsync(id, agreementId, keepForm: false, ct))
        {
            return NotFound();
        }

        var file = Upload.File;
        await using var content = file?.OpenReadStream();
        var outcome = await documents.AttachAsync(id, agreementId, file?.FileName, file?.Length ?? 0, content, Access, ct);
        return Answer(outcome, PartnerRoutes.Agreement(id, agreementId), "Partners.Done.document", nameof(Upload));
    }

    public Task<IActionResult> OnPostRemoveDocumentAsync(Guid id, Guid agreementId, Guid documentId, CancellationToken ct) =>
        MoveDocumentAsync(id, agreementId, documentId, restore: false, ct);

    public Task<IActionResult> OnPostRestoreDocumentAsync(Guid id, Guid agreementId, Guid documentId, CancellationToken ct) =>
        MoveDocumentAsync(id, agreementId, documentId, restore: true, ct);

    public Task<IActionResult> OnPostDeleteAsync(Guid id, Guid agreementId, CancellationToken ct) => MoveAsync(id, agreementId, restore: false, ct);

    public Task<IActionResult> OnPostRestoreAsync(Guid id, Guid agreementId, CancellationToken ct) => MoveAsync(id, agreementId, restore: true, ct);

    private async Task<IActionResult> MoveDocumentAsync(Guid id, Guid agreementId, Guid documentId, bool restore, CancellationToken ct) =>
        await ShowAsync(id, agreementId, keepForm: false, ct)
            ? Answer(await documents.MoveAsync(id, agreementId, documentId, restore, Access, ct), PartnerRoutes.Agreement(id, agreementId),
                restore ? "Partners.Done.document-restore" : "Partners.Done.document-remove")
            : NotFound();

    private async Task<IActionResult> MoveAsync(Guid id, Guid agreementId, bool restore, CancellationToken ct) =>
        await ShowAsync(id, agreementId, keepForm: false, ct)
            ? Answer(await registry.DeleteAgreementAsync(id, agreementId, restore, Access, ct), PartnerRoutes.Agreement(id, agreementId),
                restore ? "Partners.Done.agreement-restore" : "Partners.Done.agreement-delete")
            : NotFound();

    /// <summary>Loads the organisation and the agreement (a deleted one only for the secretariat); false when there is none to show.</summary>
    private async Task<bool> ShowAsync(Guid id, Guid agreementId, bool keepForm, CancellationToken ct)
    {
        var access = await ResolveAsync(ct);
        if (await registry.FindAsync(id, withDeleted: access.Secretariat, ct) is not { } organisation
            || await registry.AgreementAsync(id, agreementId, withDeleted: access.Secretariat, ct) is not { } item)
        {
            return false;
        }

        Organisation = organisation;
        Item = item;
        Documents = await documents.ListForReadAgreementAsync(item, access, ct);
        if (!keepForm)
        {
            Form = AgreementForm.From(item);
        }

        return true;
    }
}
