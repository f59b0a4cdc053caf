using CooperaNet.Application.Partners;
using CooperaNet.Domain.Partners;

namespace CooperaNet.Web.Features.Partners;

/// <summary>The public part of an organisation: no contacts.</summary>
public sealed record OrganisationView(
    Guid Id,
    string Name,
    string Acronym,
    string Scope,
    Guid? ParentId,
    string Description,
    string? Website,
    IReadOnlyList<string> MemberStates,
    bool Deleted)
{
    public static OrganisationView Of(PartnerOrganisation item, string language) => new(
        item.Id, item.Name, item.Acronym, PartnerNames.Of(item.Scope), item.ParentId, item.Description.Resolve(language).Text,
        item.Website, item.MemberStateCodes, item.IsDeleted);
}

public sealed record ContactView(Guid Id, string Name, string Position, string Email, string Phone, string Languages)
{
    public static ContactView Of(PartnerContact item) => new(item.Id, item.Name, item.Position, item.Email, item.Phone, item.Languages);
}

/// <summary>An agreement; <paramref name="HasDocument"/> says whether its signed text is on file (downloaded by those who manage the organisation).</summary>
public sealed record AgreementView(Guid Id, string Kind, string Status, string Title, DateOnly? SignedOn, DateOnly? StartsOn, DateOnly? EndsOn, bool Deleted, bool HasDocument = false)
{
    public static AgreementView Of(PartnerAgreement item) => Of(item, hasDocument: false);

    public static AgreementView Of(PartnerAgreement item, bool hasDocument) =>
        new(item.Id, PartnerNames.Of(item.Kind), PartnerNames.Of(item.Status), item.Title, item.SignedOn, item.StartsOn, item.EndsOn, item.DeletedAt is not null, hasDocument);
}

/// <summary>An agreement's document without its content; <paramref name="Link"/> downloads it.</summary>
public sealed record AgreementDocumentView(Guid Id, string FileName, int Size, string Sha256, DateTimeOffset UploadedAt, DateTimeOffset? RemovedAt, string Link)
{
    public static AgreementDocumentView Of(Guid organisationId, AgreementDocumentInfo item) =>
        new(item.Id, item.FileName, item.Size, item.Sha256, item.UploadedAt, item.RemovedAt, PartnerRoutes.Document(organisationId, item.AgreementId, item.Id));
}

public sealed record EngagementView(Guid Id, string Kind, DateOnly OccurredOn, string Summary, Guid? EventId, Guid? InitiativeId, Guid RecordedById)
{
    public static EngagementView Of(EngagementEntry item) =>
        new(item.Id, PartnerNames.Of(item.Kind), item.OccurredOn, item.Summary, item.EventId, item.InitiativeId, item.RecordedById);
}

public sealed record MilestoneView(Guid Id, Guid OrganisationId, int Order, string Title, DateOnly DueOn, string Status, DateOnly? DoneOn, string Note)
{
    public static MilestoneView Of(PilotMilestone item) =>
        new(item.Id, item.OrganisationId, item.Order, item.Title, item.DueOn, PartnerNames.Of(item.Status), item.DoneOn, item.Note);
}

public sealed record PilotView(OrganisationView Organisation, int Done, int Total, IReadOnlyList<MilestoneView> Milestones);

public sealed record PartnerPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);
