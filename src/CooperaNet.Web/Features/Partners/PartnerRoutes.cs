namespace CooperaNet.Web.Features.Partners;

/// <summary>The addresses of the partner registry; page routes without the language prefix.</summary>
public static class PartnerRoutes
{
    public const string List = "/partners";
    public const string New = "/partners/new";
    public const string Pilot = "/partners/pilot";
    public const string ApiGroup = "/api/v1/partners";

    public static string Page(Guid id) => $"/partners/{id}";

    public static string Edit(Guid id) => $"/partners/{id}/edit";

    public static string Activity(Guid id) => $"/partners/{id}/activity";

    public static string NewContact(Guid id) => $"/partners/{id}/contacts/new";

    public static string NewEntry(Guid id) => $"/partners/{id}/log/new";

    public static string NewAgreement(Guid id) => $"/partners/{id}/agreements/new";

    public static string Agreement(Guid id, Guid agreementId) => $"/partners/{id}/agreements/{agreementId}";

    /// <summary>The API address a document is downloaded from (no language prefix: it is not a page).</summary>
    public static string Document(Guid id, Guid agreementId, Guid documentId) => $"{ApiGroup}/{id}/agreements/{agreementId}/documents/{documentId}";
}
