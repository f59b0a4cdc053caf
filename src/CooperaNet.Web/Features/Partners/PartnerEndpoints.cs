using CooperaNet.Application.Partners;
using CooperaNet.Domain.Partners;
using CooperaNet.Web.Infrastructure;
using CooperaNet.Web.Localization;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Features.Partners;

/// <summary>
/// The registry of partner organisations: the public part (organisations, agreements, the pilot) read by
/// anyone; contacts and the engagement log read and written by the secretariat and the organisation's own
/// partner users; everything else written by the secretariat.
/// </summary>
public static class PartnerEndpoints
{
    private const int MaxPageSize = 100;

    public static IEndpointRouteBuilder MapPartnerEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(PartnerRoutes.ApiGroup).WithTags("Partners").AddEndpointFilter(ApiLanguage.Validate);
        group.MapGet("/", async (string? scope, int? page, int? pageSize, PartnerRegistry registry, IStringLocalizer<Program> text, CancellationToken ct) =>
            {
                var filter = PartnerNames.ScopeOf(scope);
                if (scope is not null && filter is null)
                {
                    return Problems.Validation(text, [new(nameof(scope), "partner.scope-unknown")]);
                }

                var size = Math.Clamp(pageSize ?? 20, 1, MaxPageSize);
                var number = Math.Max(page ?? 1, 1);
                var all = await registry.ListAsync(filter, withDeleted: false, ct);
                var items = all.Skip((number - 1) * size).Take(size).Select(o => OrganisationView.Of(o, UiStrings.CurrentLanguage)).ToList();
                return TypedResults.Ok(new PartnerPage<OrganisationView>(items, number, size, all.Count));
            })
            .AllowAnonymous().WithName("ListPartners").WithSummary("Partner organisations by name, of one scope (universal, regional, subregional) when asked; paged.")
            .Produces<PartnerPage<OrganisationView>>().ProducesValidationProblem();
        group.MapGet("/{id:guid}", async (Guid id, HttpContext http, PartnerRegistry registry, PartnerAccessResolver who, IStringLocalizer<Program> text, CancellationToken ct) =>
                await registry.FindAsync(id, (await who.ForAsync(http.User, ct)).Secretariat, ct) is { } item
                    ? TypedResults.Ok(OrganisationView.Of(item, UiStrings.CurrentLanguage)) : Problems.NotFound(text))
            .AllowAnonymous().WithName("GetPartner").WithSummary("One organisation's public part (a deleted one only for the secretariat).").Produces<OrganisationView>().ProducesProblem(404);
        group.MapGet("/{id:guid}/agreements", async (Guid id, PartnerRegistry registry, AgreementDocuments documents, IStringLocalizer<Program> text, CancellationToken ct) =>
            {
                if (await registry.FindAsync(id, withDeleted: false, ct) is null)
                {
                    return Problems.NotFound(text);
                }

                var agreements = await registry.AgreementsAsync(id, withDeleted: false, ct);
                var withDocument = await documents.WithDocumentAsync(agreements.Select(a => a.Id).ToList(), ct);
                return TypedResults.Ok(agreements.Select(a => AgreementView.Of(a, withDocument.Contains(a.Id))).ToList());
            })
            .AllowAnonymous().WithName("ListPartnerAgreements").WithSummary("The organisation's agreements: kind, status, title, dates and whether the signed text is on file.").Produces<List<AgreementView>>().ProducesProblem(404);
        group.MapGet("/pilot", async (PartnerRegistry registry, CancellationToken ct) =>
                TypedResults.Ok((await registry.PilotAsync(ct)).Select(p => new PilotView(OrganisationView.Of(p.Organisation, UiStrings.CurrentLanguage),
                    p.Milestones.Count(m => m.Status == MilestoneStatus.Done), p.Milestones.Count, p.Milestones.Select(MilestoneView.Of).ToList())).ToList()))
            .AllowAnonymous().WithName("GetPartnerPilot").WithSummary("The pilot with SEGIB and MERCOSUR (work plan action 1): each organisation's milestones and how many are done.")
            .Produces<List<PilotView>>();

        var members = group.MapGroup("/").RequireAuthorization(Policies.SignedIn);
        members.MapGet("/{id:guid}/contacts", async (Guid id, HttpContext http, PartnerRegistry registry, PartnerAccessResolver who, IStringLocalizer<Program> text, CancellationToken ct) =>
            {
                if (await registry.FindAsync(id, withDeleted: false, ct) is null)
                {
                    return Problems.NotFound(text);
                }

                var contacts = await registry.ContactsAsync(id, await who.ForAsync(http.User, ct), ct);
                return contacts is null ? Problems.Forbidden(text) : TypedResults.Ok(contacts.Select(ContactView.Of).ToList());
            })
            .WithName("ListPartnerContacts").WithSummary("The organisation's contacts (secretariat and the organisation's own partner users).")
            .Produces<List<ContactView>>().ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        members.MapPost("/{id:guid}/contacts", async (Guid id, ContactInput? input, HttpContext http, PartnerRegistry registry, PartnerAccessResolver who, IStringLocalizer<Program> text, CancellationToken ct) =>
                Result(await registry.AddContactAsync(id, input ?? new(null, null, null, null, null), await who.ForAsync(http.User, ct), ct), ContactView.Of, text, created: true))
            .WithName("AddPartnerContact").WithSummary("Add a contact (secretariat and the organisation's own partner users).")
            .Produces<ContactView>(201).ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        members.MapDelete("/{id:guid}/contacts/{contactId:guid}", async (Guid id, Guid contactId, HttpContext http, PartnerRegistry registry, PartnerAccessResolver who, IStringLocalizer<Program> text, CancellationToken ct) =>
                Result(await registry.RemoveContactAsync(id, contactId, await who.ForAsync(http.User, ct), ct), ContactView.Of, text))
            .WithName("RemovePartnerContact").WithSummary("Remove a contact (secretariat and the organisation's own partner users).")
            .Produces<ContactView>().ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        members.MapGet("/{id:guid}/log", async (Guid id, HttpContext http, PartnerRegistry registry, PartnerAccessResolver who, IStringLocalizer<Program> text, CancellationToken ct) =>
            {
                if (await registry.FindAsync(id, withDeleted: false, ct) is null)
                {
                    return Problems.NotFound(text);
                }

                return (await who.ForAsync(http.User, ct)).Manages(id)
                    ? TypedResults.Ok((await registry.LogAsync(id, ct)).Select(EngagementView.Of).ToList())
                    : Problems.Forbidden(text);
            })
            .WithName("ListPartnerEngagements").WithSummary("The engagement log, latest first (secretariat and the organisation's own partner users).")
            .Produces<List<EngagementView>>().ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        members.MapPost("/{id:guid}/log", async (Guid id, EngagementInput? input, HttpContext http, PartnerRegistry registry, PartnerAccessResolver who, IStringLocalizer<Program> text, CancellationToken ct) =>
                Result(await registry.RecordAsync(id, input ?? new(null, null, null, null, null), await who.ForAsync(http.User, ct), ct), EngagementView.Of, text, created: true))
            .WithName("RecordPartnerEngagement").WithSummary("Record a meeting, joint event or joint initiative (kind: meeting, joint-event, joint-initiative, other), optionally linked to an event or initiative by id.")
            .Produces<EngagementView>(201).ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        members.MapPut("/{id:guid}", async (Guid id, OrganisationInput? input, HttpContext http, PartnerRegistry registry, PartnerAccessResolver who, IStringLocalizer<Program> text, CancellationToken ct) =>
                Result(await registry.UpdateAsync(id, input ?? EmptyOrganisation, await who.ForAsync(http.User, ct), ct), o => OrganisationView.Of(o, UiStrings.CurrentLanguage), text))
            .WithName("UpdatePartner").WithSummary("Change an organisation: everything (secretariat), or only the description and website (its own partner users).")
            .Produces<OrganisationView>().ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);

        var secretariat = group.MapGroup("/").RequireAuthorization(Policies.Secretariat);
        secretariat.MapPost("/", async (OrganisationInput? input, HttpContext http, PartnerRegistry registry, PartnerAccessResolver who, IStringLocalizer<Program> text, CancellationToken ct) =>
                Result(await registry.CreateAsync(input ?? EmptyOrganisation, await who.ForAsync(http.User, ct), ct), o => OrganisationView.Of(o, UiStrings.CurrentLanguage), text, created: true))
            .WithName("CreatePartner").WithSummary("Add an organisation (secretariat). Scope: universal, regional or subregional; member states as ISO codes.")
            .Produces<OrganisationView>(201).ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403);
        secretariat.MapDelete("/{id:guid}", async (Guid id, HttpContext http, PartnerRegistry registry, PartnerAccessResolver who, IStringLocalizer<Program> text, CancellationToken ct) =>
                Result(await registry.DeleteAsync(id, restore: false, await who.ForAsync(http.User, ct), ct), o => OrganisationView.Of(o, UiStrings.CurrentLanguage), text))
            .WithName("DeletePartner").WithSummary("Delete an organisation; it can be restored (secretariat).").Produces<OrganisationView>().ProducesProblem(404).ProducesProblem(409);
        secretariat.MapPost("/{id:guid}/restore", async (Guid id, HttpContext http, PartnerRegistry registry, PartnerAccessResolver who, IStringLocalizer<Program> text, CancellationToken ct) =>
                Result(await registry.DeleteAsync(id, restore: true, await who.ForAsync(http.User, ct), ct), o => OrganisationView.Of(o, UiStrings.CurrentLanguage), text))
            .WithName("RestorePartner").WithSummary("Restore a deleted organisation (secretariat).").Produces<OrganisationView>().ProducesProblem(404).ProducesProblem(409);
        secretariat.MapPost("/{id:guid}/agreements", async (Guid id, AgreementInput? input, HttpContext http, PartnerRegistry registry, PartnerAccessResolver who, IStringLocalizer<Program> text, CancellationToken ct) =>
                Result(await registry.SaveAgreementAsync(id, null, input ?? EmptyAgreement, await who.ForAsync(http.User, ct), ct), AgreementView.Of, text, created: true))
            .WithName("CreatePartnerAgreement").WithSummary("Add an agreement (secretariat). Kind: memorandum-of-understanding, framework-agreement, letter-of-intent, specific-agreement, other; status: draft, under-negotiation, signed, in-force, expired, terminated.")
            .Produces<AgreementView>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        secretariat.MapPut("/{id:guid}/agreements/{agreementId:guid}", async (Guid id, Guid agreementId, AgreementInput? input, HttpContext http, PartnerRegistry registry, PartnerAccessResolver who, IStringLocalizer<Program> text, CancellationToken ct) =>
                Result(await registry.SaveAgreementAsync(id, agreementId, input ?? EmptyAgreement, await who.ForAsync(http.User, ct), ct), AgreementView.Of, text))
            .WithName("UpdatePartnerAgreement").WithSummary("Change an agreement (secretariat).")
            .Produces<AgreementView>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        secretariat.MapDelete("/{id:guid}/agreements/{agreementId:guid}", async (Guid id, Guid agreementId, HttpContext http, PartnerRegistry registry, PartnerAccessResolver who, IStringLocalizer<Program> text, CancellationToken ct) =>
                Result(await registry.DeleteAgreementAsync(id, agreementId, restore: false, await who.ForAsync(http.User, ct), ct), AgreementView.Of, text))
            .WithName("DeletePartnerAgreement").WithSummary("Delete an agreement; it can be restored (secretariat).").Produces<AgreementView>().ProducesProblem(404).ProducesProblem(409);
        secretariat.MapPost("/{id:guid}/agreements/{agreementId:guid}/restore", async (Guid id, Guid agreementId, HttpContext http, PartnerRegistry registry, PartnerAccessResolver who, IStringLocalizer<Program> text, CancellationToken ct) =>
                Result(await registry.DeleteAgreementAsync(id, agreementId, restore: true, await who.ForAsync(http.User, ct), ct), AgreementView.Of, text))
            .WithName("RestorePartnerAgreement").WithSummary("Restore a deleted agreement (secretariat).").Produces<AgreementView>().ProducesProblem(404).ProducesProblem(409);
        secretariat.MapPut("/pilot/milestones/{milestoneId:guid}", async (Guid milestoneId, MilestoneInput? input, HttpContext http, PartnerRegistry registry, PartnerAccessResolver who, IStringLocalizer<Program> text, CancellationToken ct) =>
                Result(await registry.MoveMilestoneAsync(milestoneId, input ?? new(null, null, null), await who.ForAsync(http.User, ct), ct), MilestoneView.Of, text))
            .WithName("MovePilotMilestone").WithSummary("Set a milestone's status (planned, in-progress, done, delayed), done date and note (secretariat).")
            .Produces<MilestoneView>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        return routes.MapAgreementDocumentEndpoints();
    }

    private static readonly OrganisationInput EmptyOrganisation = new(null, null, null, null, null, null, null, null, null, null);

    private static readonly AgreementInput EmptyAgreement = new(null, null, null, null, null, null);

    internal static IResult Result<T, TView>(PartnerOutcome<T> outcome, Func<T, TView> view, IStringLocalizer text, bool created = false)
        where T : class => outcome switch
        {
            { Value: { } value } when created => TypedResults.Created((string?)null, view(value)),
            { Value: { } value } => TypedResults.Ok(view(value)),
            { NotFound: true } => Problems.NotFound(text),
            { Forbidden: true } => Problems.Forbidden(text),
            { Refused: { } refused } => Problems.Conflict(text, refused.Code),
            _ => Problems.Validation(text, outcome.Errors),
        };
}
