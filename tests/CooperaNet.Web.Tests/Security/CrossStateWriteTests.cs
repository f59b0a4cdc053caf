using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CooperaNet.Application.Identity;
using CooperaNet.Domain.Catalog;
using CooperaNet.Domain.Experiences;
using CooperaNet.Domain.FollowUp;
using CooperaNet.Web.Tests.Experiences;
using CooperaNet.Web.Tests.Hostile;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CooperaNet.Web.Tests.Support.EntryBuilder;

namespace CooperaNet.Web.Tests.Security;

/// <summary>
/// Every mutating API endpoint and page handler of the platform, tried by Brazil's focal point against a
/// record Colombia owns, is refused (403/404, or the access-denied page) and leaves the record, the audit
/// trail and the row count of every table as they were. An endpoint that is not about a state's record says
/// why in the table; where only the secretariat (or another role) may use it, Brazil's focal point is tried
/// there too. A new endpoint or handler missing from the table fails <see cref="Every_mutating_endpoint_and_page_handler_is_in_the_table"/>.
/// </summary>
public sealed class CrossStateWriteTests(HostileHost host) : IClassFixture<HostileHost>
{
    private enum Kind
    {
        /// <summary>Acts on a record of a state: tried by another state's focal point on Colombia's.</summary>
        StateOwned,

        /// <summary>Not a state's record and not for focal points (the secretariat's, an expert's, a partner's): tried anyway, must be refused.</summary>
        NotForFocalPoints,

        /// <summary>Not a state's record; a focal point may use it for itself (its account, its own state's new record, public forms).</summary>
        Own,
    }

    /// <summary>What a case sends: the path, the body (form fields for a page, JSON or multipart for the API) and the row it must not change.</summary>
    private sealed record Attempt(string Path, Func<HttpContent?>? Body = null, Func<HostileHost, Task<string>>? Row = null);

    private sealed record Case(Kind Kind, string Reason, Func<Seed, Attempt>? Arrange = null);

    /// <summary>Colombia's records the cases aim at.</summary>
    private sealed record Seed(
        Guid DraftOffer, Guid PublishedOffer, Guid DeletedOffer, Guid OfferFile, Guid RemovedOfferFile,
        Guid DraftDemand, Guid PublishedDemand, Guid DeletedDemand, Guid DemandFile, Guid RemovedDemandFile,
        Guid DraftExperience, Guid PublishedExperience, Guid DeletedExperience, Guid Image, Guid ExperienceFile,
        Guid FollowUpEntry, Guid Pair);

    private const string Secretariat = "the secretariat's";

    /// <summary>A work plan of the reference data, so work-plan writes are tried on a real plan and action.</summary>
    private const string Plan = "AICD-GT3-2023-2024";

    private static readonly Dictionary<string, Case> Table = new(StringComparer.Ordinal)
    {
        // The catalog: offers and demands belong to their state.
        ["POST /api/v1/offers/"] = Own("creates an offer of the caller's own state (MassAssignmentTests: a state sent in the body is ignored)"),
        ["PUT /api/v1/offers/{id:guid}"] = Owned(s => Api($"/api/v1/offers/{s.DraftOffer}", Entry(s.DraftOffer), Json(AnEntry().Offer().Titled("Cambiado por otro Estado").Input()))),
        ["DELETE /api/v1/offers/{id:guid}"] = Owned(s => Api($"/api/v1/offers/{s.PublishedOffer}", Entry(s.PublishedOffer))),
        ["POST /api/v1/offers/{id:guid}/submit"] = Owned(s => Api($"/api/v1/offers/{s.DraftOffer}/submit", Entry(s.DraftOffer), Json(new { }))),
        ["POST /api/v1/offers/{id:guid}/publish"] = Owned(s => Api($"/api/v1/offers/{s.DraftOffer}/publish", Entry(s.DraftOffer), Json(new { }))),
        ["POST /api/v1/offers/{id:guid}/return"] = Owned(s => Api($"/api/v1/offers/{s.DraftOffer}/return", Entry(s.DraftOffer), Json(new { comment = "Revisar" }))),
        ["POST /api/v1/offers/{id:guid}/withdraw"] = Owned(s => Api($"/api/v1/offers/{s.PublishedOffer}/withdraw", Entry(s.PublishedOffer), Json(new { }))),
        ["POST /api/v1/offers/{id:guid}/close"] = Owned(s => Api($"/api/v1/offers/{s.PublishedOffer}/close", Entry(s.PublishedOffer), Json(new { }))),
        ["POST /api/v1/offers/{id:guid}/restore"] = Owned(s => Api($"/api/v1/offers/{s.DeletedOffer}/restore", Entry(s.DeletedOffer), Json(new { }))),
        ["POST /api/v1/offers/{id:guid}/attachments/"] = Owned(s => Api($"/api/v1/offers/{s.DraftOffer}/attachments", Entry(s.DraftOffer), PdfForm)),
        ["DELETE /api/v1/offers/{id:guid}/attachments/{attachmentId:guid}"] = Owned(s => Api($"/api/v1/offers/{s.DraftOffer}/attachments/{s.OfferFile}", File(s.OfferFile))),
        ["POST /api/v1/offers/{id:guid}/attachments/{attachmentId:guid}/restore"] = Owned(s => Api($"/api/v1/offers/{s.DraftOffer}/attachments/{s.RemovedOfferFile}/restore", File(s.RemovedOfferFile), Json(new { }))),
        ["POST /api/v1/demands/"] = Own("creates a demand of the caller's own state (MassAssignmentTests: a state sent in the body is ignored)"),
        ["PUT /api/v1/demands/{id:guid}"] = Owned(s => Api($"/api/v1/demands/{s.DraftDemand}", Entry(s.DraftDemand), Json(AnEntry().Demand().Titled("Cambiada por otro Estado").Input()))),
        ["DELETE /api/v1/demands/{id:guid}"] = Owned(s => Api($"/api/v1/demands/{s.PublishedDemand}", Entry(s.PublishedDemand))),
        ["POST /api/v1/demands/{id:guid}/submit"] = Owned(s => Api($"/api/v1/demands/{s.DraftDemand}/submit", Entry(s.DraftDemand), Json(new { }))),
        ["POST /api/v1/demands/{id:guid}/publish"] = Owned(s => Api($"/api/v1/demands/{s.DraftDemand}/publish", Entry(s.DraftDemand), Json(new { }))),
        ["POST /api/v1/demands/{id:guid}/return"] = Owned(s => Api($"/api/v1/demands/{s.DraftDemand}/return", Entry(s.DraftDemand), Json(new { comment = "Revisar" }))),
        ["POST /api/v1/demands/{id:guid}/withdraw"] = Owned(s => Api($"/api/v1/demands/{s.PublishedDemand}/withdraw", Entry(s.PublishedDemand), Json(new { }))),
        ["POST /api/v1/demands/{id:guid}/close"] = Owned(s => Api($"/api/v1/demands/{s.PublishedDemand}/close", Entry(s.PublishedDemand), Json(new { }))),
        ["POST /api/v1/demands/{id:guid}/restore"] = Owned(s => Api($"/api/v1/demands/{s.DeletedDemand}/restore", Entry(s.DeletedDemand), Json(new { }))),
        ["POST /api/v1/demands/{id:guid}/attachments/"] = Owned(s => Api($"/api/v1/demands/{s.DraftDemand}/attachments", Entry(s.DraftDemand), PdfForm)),
        ["DELETE /api/v1/demands/{id:guid}/attachments/{attachmentId:guid}"] = Owned(s => Api($"/api/v1/demands/{s.DraftDemand}/attachments/{s.DemandFile}", File(s.DemandFile))),
        ["POST /api/v1/demands/{id:guid}/attachments/{attachmentId:guid}/restore"] = Owned(s => Api($"/api/v1/demands/{s.DraftDemand}/attachments/{s.RemovedDemandFile}/restore", File(s.RemovedDemandFile), Json(new { }))),
        ["POST /api/v1/suggest/classification"] = Own("suggests codes for a text; writes nothing"),
        ["POST /{culture:lang}/catalog/new"] = Own("creates an entry of the caller's own state"),
        ["POST /{culture:lang}/catalog/new?handler=Suggest"] = Own("suggests codes for the form being written; writes nothing"),
        ["POST /{culture:lang}/catalog/{id:guid}"] = Owned(s => Page($"/en/catalog/{s.DraftOffer}", Entry(s.DraftOffer), ("transition", "submit"), ("confirmed", "true"))),
        ["POST /{culture:lang}/catalog/{id:guid}?handler=Attach"] = Owned(s => new($"/en/catalog/{s.DraftOffer}?handler=Attach", PdfForm, Entry(s.DraftOffer))),
        ["POST /{culture:lang}/catalog/{id:guid}?handler=RemoveFile"] = Owned(s => Page($"/en/catalog/{s.DraftOffer}?handler=RemoveFile", File(s.OfferFile), ("attachmentId", s.OfferFile.ToString()))),
        ["POST /{culture:lang}/catalog/{id:guid}?handler=RestoreFile"] = Owned(s => Page($"/en/catalog/{s.DraftOffer}?handler=RestoreFile", File(s.RemovedOfferFile), ("attachmentId", s.RemovedOfferFile.ToString()))),
        ["POST /{culture:lang}/catalog/{id:guid}/edit"] = Owned(s => Page($"/en/catalog/{s.DraftOffer}/edit", Entry(s.DraftOffer), ("Input.Title", "Cambiado por otro Estado"), ("Input.Language", "es"))),
        ["POST /{culture:lang}/catalog/{id:guid}/edit?handler=Suggest"] = Owned(s => Page($"/en/catalog/{s.DraftOffer}/edit?handler=Suggest", Entry(s.DraftOffer), ("Input.Title", "Agua potable"))),

        // Experiences of a state.
        ["POST /api/v1/experiences/"] = Own("creates an experience of the caller's own state (MassAssignmentTests: a state sent in the body is ignored)"),
        ["PUT /api/v1/experiences/{id:guid}"] = Owned(s => Api($"/api/v1/experiences/{s.DraftExperience}", Experience(s.DraftExperience), Json(ExperienceData.Input("Cambiada por otro Estado")))),
        ["DELETE /api/v1/experiences/{id:guid}"] = Owned(s => Api($"/api/v1/experiences/{s.PublishedExperience}", Experience(s.PublishedExperience))),
        ["POST /api/v1/experiences/{id:guid}/submit"] = Owned(s => Api($"/api/v1/experiences/{s.DraftExperience}/submit", Experience(s.DraftExperience), Json(new { }))),
        ["POST /api/v1/experiences/{id:guid}/publish"] = Owned(s => Api($"/api/v1/experiences/{s.DraftExperience}/publish", Experience(s.DraftExperience), Json(new { }))),
        ["POST /api/v1/experiences/{id:guid}/return"] = Owned(s => Api($"/api/v1/experiences/{s.DraftExperience}/return", Experience(s.DraftExperience), Json(new { comment = "Revisar" }))),
        ["POST /api/v1/experiences/{id:guid}/restore"] = Owned(s => Api($"/api/v1/experiences/{s.DeletedExperience}/restore", Experience(s.DeletedExperience), Json(new { }))),
        ["POST /api/v1/experiences/{id:guid}/images"] = Owned(s => Api($"/api/v1/experiences/{s.DraftExperience}/images", Experience(s.DraftExperience), JpegForm)),
        ["POST /api/v1/experiences/{id:guid}/attachments"] = Owned(s => Api($"/api/v1/experiences/{s.DraftExperience}/attachments", Experience(s.DraftExperience), PdfForm)),
        ["DELETE /api/v1/experiences/{id:guid}/images/{fileId:guid}"] = Owned(s => Api($"/api/v1/experiences/{s.DraftExperience}/images/{s.Image}", ImageRow(s.Image))),
        ["DELETE /api/v1/experiences/{id:guid}/attachments/{fileId:guid}"] = Owned(s => Api($"/api/v1/experiences/{s.DraftExperience}/attachments/{s.ExperienceFile}", ExperienceFileRow(s.ExperienceFile))),
        ["POST /{culture:lang}/experiences/new"] = Own("creates an experience of the caller's own state"),
        ["POST /{culture:lang}/experiences/{id:guid}/{slug?}"] = Owned(s => Page($"/en/experiences/{s.DraftExperience}", Experience(s.DraftExperience), ("transition", "submit"))),
        ["POST /{culture:lang}/experiences/{id:guid}/{slug?}?handler=Attach"] = Owned(s => new($"/en/experiences/{s.DraftExperience}?handler=Attach", PdfForm, Experience(s.DraftExperience))),
        ["POST /{culture:lang}/experiences/{id:guid}/{slug?}?handler=Image"] = Owned(s => new($"/en/experiences/{s.DraftExperience}?handler=Image", JpegForm, Experience(s.DraftExperience))),
        ["POST /{culture:lang}/experiences/{id:guid}/{slug?}?handler=RemoveFile"] = Owned(s => Page($"/en/experiences/{s.DraftExperience}?handler=RemoveFile", ImageRow(s.Image), ("fileId", s.Image.ToString()))),
        ["POST /{culture:lang}/experiences/{id:guid}/edit"] = Owned(s => Page($"/en/experiences/{s.DraftExperience}/edit", Experience(s.DraftExperience), ("Input.Title", "Cambiada por otro Estado"), ("Input.Language", "es"))),

        // A state's follow-up log.
        ["POST /api/v1/follow-up/{state:length(2)}"] = Owned(s => Api("/api/v1/follow-up/CO", null, Json(new { kind = "meeting", occurredOn = "2026-11-02", note = "Reunión inventada" }))),
        ["POST /api/v1/follow-up/{state:length(2)}/{id:guid}/done"] = Owned(s => Api($"/api/v1/follow-up/CO/{s.FollowUpEntry}/done", FollowUp(s.FollowUpEntry), Json(new { }))),
        ["POST /{culture:lang}/follow-up/{state:length(2)}?handler=Add"] = Owned(s => Page("/en/follow-up/CO?handler=Add", null, ("Form.Kind", "meeting"), ("Form.OccurredOn", "2026-11-02"), ("Form.Note", "Reunión inventada"))),
        ["POST /{culture:lang}/follow-up/{state:length(2)}?handler=Done"] = Owned(s => Page($"/en/follow-up/CO?handler=Done", FollowUp(s.FollowUpEntry), ("entry", s.FollowUpEntry.ToString()))),
        ["POST /{culture:lang}/follow-up/unsubscribe"] = Own("a reminder's recipient opts out with the token of their own e-mail"),

        // Pairs and initiatives join two states; answering for a state is that state's.
        ["POST /api/v1/pairs/{id:guid}/interest"] = Owned(s => Api($"/api/v1/pairs/{s.Pair}/interest", PairRow(s.Pair), Json(new { side = "offer" }))),
        ["POST /api/v1/pairs/{id:guid}/decline"] = Owned(s => Api($"/api/v1/pairs/{s.Pair}/decline", PairRow(s.Pair), Json(new { side = "offer", reason = "No nos interesa" }))),
        ["POST /api/v1/pairs/{id:guid}/initiative"] = NotForOthers(Secretariat, s => Api($"/api/v1/pairs/{s.Pair}/initiative", PairRow(s.Pair), Json(new { title = "Iniciativa", type = "bilateral", modality = "technical-assistance" }))),
        ["POST /api/v1/initiatives/{id:guid}/start"] = NotForOthers(Secretariat),
        ["POST /api/v1/initiatives/{id:guid}/complete"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/matches/{id:guid}?handler=Interest"] = Owned(s => Page($"/en/matches/{s.Pair}?handler=Interest", PairRow(s.Pair), ("side", "offer"))),
        ["POST /{culture:lang}/matches/{id:guid}?handler=Decline"] = Owned(s => Page($"/en/matches/{s.Pair}?handler=Decline", PairRow(s.Pair), ("side", "offer"), ("reason", "No nos interesa"))),
        ["POST /{culture:lang}/matches/{id:guid}?handler=Broker"] = NotForOthers(Secretariat, s => Page($"/en/matches/{s.Pair}?handler=Broker", PairRow(s.Pair), ("Broker.Title", "Iniciativa"))),
        ["POST /{culture:lang}/initiatives/{id:guid}"] = NotForOthers(Secretariat),

        // Events: the secretariat's calendar; anyone signed in registers and proposes for themselves.
        ["POST /api/v1/events/"] = NotForOthers(Secretariat),
        ["PUT /api/v1/events/{id:guid}"] = NotForOthers(Secretariat),
        ["POST /api/v1/events/{id:guid}/publish"] = NotForOthers(Secretariat),
        ["POST /api/v1/events/{id:guid}/cancel"] = NotForOthers(Secretariat),
        ["POST /api/v1/events/{id:guid}/decline"] = NotForOthers(Secretariat),
        ["POST /api/v1/events/{id:guid}/registration"] = Own("the caller's own registration"),
        ["DELETE /api/v1/events/{id:guid}/registration"] = Own("the caller's own registration"),
        ["POST /api/v1/events/proposals/"] = Own("the caller's own proposal (MassAssignmentTests: a status sent in the body is ignored)"),
        ["POST /{culture:lang}/events/new"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/events/{id:guid}/edit"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/events/{id:guid}?handler=Publish"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/events/{id:guid}?handler=Cancel"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/events/{id:guid}?handler=Decline"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/events/{id:guid}?handler=Register"] = Own("the caller's own registration"),
        ["POST /{culture:lang}/events/{id:guid}?handler=Unregister"] = Own("the caller's own registration"),
        ["POST /{culture:lang}/events/propose"] = Own("the caller's own proposal"),

        // Follow-up campaigns, sessions and invitations: the secretariat's.
        ["POST /api/v1/campaigns/"] = NotForOthers(Secretariat),
        ["PUT /api/v1/campaigns/{id:guid}"] = NotForOthers(Secretariat),
        ["POST /api/v1/campaigns/{id:guid}/start"] = NotForOthers(Secretariat),
        ["POST /api/v1/campaigns/{id:guid}/end"] = NotForOthers(Secretariat),
        ["POST /api/v1/campaigns/invitations"] = NotForOthers(Secretariat),
        ["POST /api/v1/campaigns/sessions"] = NotForOthers(Secretariat),
        ["POST /api/v1/campaigns/sessions/{id:guid}/attendance"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/campaigns/new"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/campaigns/{id:guid}/edit"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/campaigns/{id:guid}?handler=Move"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/campaigns/invitations"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/campaigns/sessions?handler=Plan"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/campaigns/sessions?handler=Attendance"] = NotForOthers(Secretariat),

        // Communications plan: the secretariat's.
        ["PUT /api/v1/communications/audiences/{audience}"] = NotForOthers(Secretariat),
        ["POST /api/v1/communications/channels"] = NotForOthers(Secretariat),
        ["PUT /api/v1/communications/channels/{id:guid}"] = NotForOthers(Secretariat),
        ["POST /api/v1/communications/plans"] = NotForOthers(Secretariat),
        ["POST /api/v1/communications/plans/{year:int}/{half:int}/items"] = NotForOthers(Secretariat),
        ["PUT /api/v1/communications/plans/{year:int}/{half:int}/items/{id:guid}"] = NotForOthers(Secretariat),
        ["POST /api/v1/communications/plans/{year:int}/{half:int}/pieces"] = NotForOthers(Secretariat),
        ["PUT /api/v1/communications/plans/{year:int}/{half:int}/pieces/{id:guid}"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/communications/audiences/{audience}/edit"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/communications/channels/new"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/communications/channels/{id:guid}/edit"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/communications/plans"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/communications/plans/{year:int}/{half:int}/items/new"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/communications/plans/{year:int}/{half:int}/items/{id:guid}/edit"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/communications/plans/{year:int}/{half:int}/pieces/new"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/communications/plans/{year:int}/{half:int}/pieces/{id:guid}/edit"] = NotForOthers(Secretariat),

        // Experts: the roster and calls are the secretariat's; profiles, CVs and applications are the expert's own.
        ["POST /api/v1/experts/applications"] = Own("the caller's own application to the roster"),
        ["PUT /api/v1/experts/me/"] = Own("the caller's own expert profile"),
        ["PUT /api/v1/experts/me/cv"] = Own("the caller's own CV"),
        ["DELETE /api/v1/experts/me/"] = Own("erases the caller's own expert profile"),
        ["POST /api/v1/expert-calls/"] = NotForOthers(Secretariat),
        ["PUT /api/v1/expert-calls/{id:guid}"] = NotForOthers(Secretariat),
        ["POST /api/v1/expert-calls/{id:guid}/publish"] = NotForOthers(Secretariat),
        ["POST /api/v1/expert-calls/{id:guid}/close"] = NotForOthers(Secretariat),
        ["POST /api/v1/expert-calls/{id:guid}/applications"] = NotForOthers("experts apply to calls"),
        ["POST /api/v1/expert-calls/applications/{id:guid}/move"] = NotForOthers(Secretariat),
        ["POST /api/v1/expert-calls/applications/{id:guid}/reviews"] = NotForOthers(Secretariat),
        ["POST /api/v1/expert-assignments/"] = NotForOthers(Secretariat),
        ["POST /api/v1/expert-assignments/{id:guid}/accept"] = NotForOthers("the expert concerned answers"),
        ["POST /api/v1/expert-assignments/{id:guid}/decline"] = NotForOthers("the expert concerned answers"),
        ["POST /api/v1/expert-assignments/{id:guid}/complete"] = NotForOthers(Secretariat),
        ["POST /api/v1/expert-assignments/{id:guid}/evaluation"] = NotForOthers("the receiving state evaluates its own missions; tried here on one Brazil does not see"),
        ["POST /{culture:lang}/experts/apply"] = Own("the caller's own application to the roster"),
        ["POST /{culture:lang}/experts/apply?handler=Suggest"] = Own("suggests codes for the form being written; writes nothing"),
        ["POST /{culture:lang}/experts/profile"] = Own("the caller's own expert profile"),
        ["POST /{culture:lang}/experts/profile?handler=Cv"] = Own("the caller's own CV"),
        ["POST /{culture:lang}/experts/profile?handler=Erase"] = Own("erases the caller's own expert profile"),
        ["POST /{culture:lang}/experts/profile?handler=Suggest"] = Own("suggests codes for the form being written; writes nothing"),
        ["POST /{culture:lang}/experts/profile?handler=Accept"] = Own("the expert answers an assignment of their own"),
        ["POST /{culture:lang}/experts/profile?handler=Decline"] = Own("the expert answers an assignment of their own"),
        ["POST /{culture:lang}/experts/{id:guid}?handler=Complete"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/experts/assignments?handler=Complete"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/experts/assignments?handler=Evaluate"] = NotForOthers("the receiving state evaluates its own missions; tried here on one Brazil does not see"),
        ["POST /{culture:lang}/experts/assignments/propose"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/experts/calls/new"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/experts/calls/{id:guid}/edit"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/experts/calls/{id:guid}?handler=Publish"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/experts/calls/{id:guid}?handler=Close"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/experts/calls/{id:guid}?handler=Apply"] = NotForOthers("experts apply to calls"),
        ["POST /{culture:lang}/experts/calls/{id:guid}/applications?handler=Move"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/experts/calls/{id:guid}/applications?handler=Review"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/experts/calls/{id:guid}/applications?handler=Conflict"] = NotForOthers(Secretariat),

        // Guidelines: the secretariat's; anyone taking part comments and withdraws their own comment.
        ["POST /api/v1/guidelines/{slug}/versions"] = NotForOthers(Secretariat),
        ["PUT /api/v1/guidelines/{slug}/versions/{number:int}"] = NotForOthers(Secretariat),
        ["POST /api/v1/guidelines/{slug}/versions/{number:int}/consultation"] = NotForOthers(Secretariat),
        ["POST /api/v1/guidelines/{slug}/versions/{number:int}/return-to-draft"] = NotForOthers(Secretariat),
        ["POST /api/v1/guidelines/{slug}/versions/{number:int}/approval"] = NotForOthers(Secretariat),
        ["POST /api/v1/guidelines/{slug}/versions/{number:int}/publish"] = NotForOthers(Secretariat),
        ["POST /api/v1/guidelines/{slug}/comments/{id:guid}/addressed"] = NotForOthers(Secretariat),
        ["POST /api/v1/guidelines/{slug}/versions/{number:int}/comments"] = Own("the caller's own comment on a consultation"),
        ["DELETE /api/v1/guidelines/{slug}/comments/{id:guid}"] = NotForOthers("a comment is withdrawn by its author; tried here on one that is not Brazil's"),
        ["POST /api/v1/guidelines/{slug}/comments/{id:guid}/restore"] = NotForOthers("a comment is restored by its author; tried here on one that is not Brazil's"),
        ["POST /{culture:lang}/guidelines/{slug}/{number:int}/edit"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/guidelines/{slug}/{number:int?}?handler=Comment"] = Own("the caller's own comment on a consultation"),
        ["POST /{culture:lang}/guidelines/{slug}/{number:int?}?handler=Withdraw"] = NotForOthers("a comment is withdrawn by its author; tried here on one that is not Brazil's"),
        ["POST /{culture:lang}/guidelines/{slug}/{number:int?}?handler=Restore"] = NotForOthers("a comment is restored by its author; tried here on one that is not Brazil's"),
        ["POST /{culture:lang}/guidelines/{slug}/{number:int?}?handler=Addressed"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/guidelines/{slug}/{number:int?}?handler=Approve"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/guidelines/{slug}/{number:int?}?handler=Consult"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/guidelines/{slug}/{number:int?}?handler=NewVersion"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/guidelines/{slug}/{number:int?}?handler=Publish"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/guidelines/{slug}/{number:int?}?handler=ReturnToDraft"] = NotForOthers(Secretariat),

        // Imports: the secretariat's.
        ["POST /api/v1/iati/imports"] = NotForOthers(Secretariat),
        ["POST /api/v1/sidicss/imports"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/iati/import?handler=Preview"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/iati/import?handler=Import"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/sidicss?handler=Preview"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/sidicss?handler=Import"] = NotForOthers(Secretariat),

        // Newsletter: issues are the secretariat's; subscribing is anyone's own.
        ["POST /api/v1/newsletter/issues/"] = NotForOthers(Secretariat),
        ["PUT /api/v1/newsletter/issues/{id:guid}"] = NotForOthers(Secretariat),
        ["POST /api/v1/newsletter/issues/{id:guid}/send"] = NotForOthers(Secretariat),
        ["DELETE /api/v1/newsletter/issues/{id:guid}"] = NotForOthers(Secretariat),
        ["POST /api/v1/newsletter/issues/{id:guid}/restore"] = NotForOthers(Secretariat),
        ["POST /api/v1/newsletter/subscriptions"] = Own("a public subscription of an e-mail address"),
        ["POST /api/v1/newsletter/subscriptions/confirmation"] = Own("confirms a subscription with the token of its own e-mail"),
        ["POST /{culture:lang}/newsletter/new"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/newsletter/{id:guid}/edit"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/newsletter/{id:guid}?handler=Send"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/newsletter/{id:guid}?handler=Delete"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/newsletter/{id:guid}?handler=Restore"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/newsletter?handler=Subscribe"] = Own("a public subscription of an e-mail address"),
        ["POST /{culture:lang}/newsletter/confirm/{token}"] = Own("confirms a subscription with the token of its own e-mail"),
        ["POST /{culture:lang}/newsletter/unsubscribe/{token}"] = Own("ends a subscription with the token of its own e-mail"),

        // Partners: the secretariat's register; an organisation's own members keep its contacts and log.
        ["POST /api/v1/partners/"] = NotForOthers(Secretariat),
        ["PUT /api/v1/partners/{id:guid}"] = NotForOthers("the organisation's own members and the secretariat"),
        ["DELETE /api/v1/partners/{id:guid}"] = NotForOthers(Secretariat),
        ["POST /api/v1/partners/{id:guid}/restore"] = NotForOthers(Secretariat),
        ["POST /api/v1/partners/{id:guid}/contacts"] = NotForOthers("the organisation's own members and the secretariat"),
        ["DELETE /api/v1/partners/{id:guid}/contacts/{contactId:guid}"] = NotForOthers("the organisation's own members and the secretariat"),
        ["POST /api/v1/partners/{id:guid}/log"] = NotForOthers("the organisation's own members and the secretariat"),
        ["POST /api/v1/partners/{id:guid}/agreements"] = NotForOthers(Secretariat),
        ["PUT /api/v1/partners/{id:guid}/agreements/{agreementId:guid}"] = NotForOthers(Secretariat),
        ["DELETE /api/v1/partners/{id:guid}/agreements/{agreementId:guid}"] = NotForOthers(Secretariat),
        ["POST /api/v1/partners/{id:guid}/agreements/{agreementId:guid}/restore"] = NotForOthers(Secretariat),
        ["POST /api/v1/partners/{id:guid}/agreements/{agreementId:guid}/documents/"] = NotForOthers(Secretariat, _ => Api($"/api/v1/partners/{Guid.NewGuid()}/agreements/{Guid.NewGuid()}/documents", null, PdfForm)),
        ["DELETE /api/v1/partners/{id:guid}/agreements/{agreementId:guid}/documents/{documentId:guid}"] = NotForOthers(Secretariat),
        ["POST /api/v1/partners/{id:guid}/agreements/{agreementId:guid}/documents/{documentId:guid}/restore"] = NotForOthers(Secretariat),
        ["PUT /api/v1/partners/pilot/milestones/{milestoneId:guid}"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/partners/new"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/partners/{id:guid}/edit"] = NotForOthers("the organisation's own members and the secretariat"),
        ["POST /{culture:lang}/partners/{id:guid}?handler=Delete"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/partners/{id:guid}?handler=Restore"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/partners/{id:guid}?handler=RemoveContact"] = NotForOthers("the organisation's own members and the secretariat"),
        ["POST /{culture:lang}/partners/{id:guid}/contacts/new"] = NotForOthers("the organisation's own members and the secretariat"),
        ["POST /{culture:lang}/partners/{id:guid}/log/new"] = NotForOthers("the organisation's own members and the secretariat"),
        ["POST /{culture:lang}/partners/{id:guid}/agreements/new"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/partners/{id:guid}/agreements/{agreementId:guid}"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/partners/{id:guid}/agreements/{agreementId:guid}?handler=Delete"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/partners/{id:guid}/agreements/{agreementId:guid}?handler=Restore"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/partners/{id:guid}/agreements/{agreementId:guid}?handler=Upload"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/partners/{id:guid}/agreements/{agreementId:guid}?handler=RemoveDocument"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/partners/{id:guid}/agreements/{agreementId:guid}?handler=RestoreDocument"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/partners/pilot?handler=Move"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/admin/users?handler=Partner"] = NotForOthers(Secretariat),

        // Semester reports and the work plan: the secretariat's and the working group's.
        ["POST /api/v1/reports/{semester}/proposals/{key}"] = NotForOthers(Secretariat),
        ["POST /api/v1/reports/{semester}/proposals"] = NotForOthers(Secretariat),
        ["POST /api/v1/reports/{semester}/issue"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/reports/{semester}?handler=Decide"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/reports/{semester}?handler=Propose"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/reports/{semester}?handler=Issue"] = NotForOthers(Secretariat),
        ["POST /api/v1/work-plans/{code}/actions/{number:int}/comments"] = NotForOthers("working-group members and the secretariat", _ => Api($"/api/v1/work-plans/{Plan}/actions/3/comments", null, Json(new { text = "Comentario" }))),
        ["POST /api/v1/work-plans/{code}/actions/{number:int}/proposals"] = NotForOthers("working-group members", _ => Api($"/api/v1/work-plans/{Plan}/actions/3/proposals", null, Json(new { text = "Propuesta" }))),
        ["POST /api/v1/work-plans/proposals/{id:guid}/accept"] = NotForOthers(Secretariat),
        ["POST /api/v1/work-plans/proposals/{id:guid}/decline"] = NotForOthers(Secretariat),
        ["POST /api/v1/work-plans/indicators/{id:int}/evidence"] = NotForOthers(Secretariat),
        ["POST /api/v1/work-plans/{code}/copy"] = NotForOthers(Secretariat, _ => Api($"/api/v1/work-plans/{Plan}/copy", null, Json(new { code = "AICD-GT3-2027-2028", firstYear = 2027 }))),
        ["PUT /api/v1/work-plans/{code}/actions/{number:int}"] = NotForOthers(Secretariat, _ => Api($"/api/v1/work-plans/{Plan}/actions/3", null, Json(new { }))),
        ["POST /{culture:lang}/work-plan/{code}/actions/{number:int}?handler=Comment"] = NotForOthers("working-group members and the secretariat", _ => Page($"/en/work-plan/{Plan}/actions/3?handler=Comment", null, ("text", "Comentario"))),
        ["POST /{culture:lang}/work-plan/{code}/actions/{number:int}?handler=Propose"] = NotForOthers("working-group members", _ => Page($"/en/work-plan/{Plan}/actions/3?handler=Propose", null, ("text", "Propuesta"))),
        ["POST /{culture:lang}/work-plan/{code}/actions/{number:int}?handler=Decide"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/work-plan/{code}/actions/{number:int}?handler=Record"] = NotForOthers(Secretariat),
        ["POST /{culture:lang}/work-plan/plans?handler=Copy"] = NotForOthers(Secretariat, _ => Page("/en/work-plan/plans?handler=Copy", null, ("Copy.Source", Plan), ("Copy.Code", "AICD-GT3-2027-2028"), ("Copy.FirstYear", "2027"))),

        // The caller's own account, notifications and the public pages.
        ["POST /{culture:lang}/account/sign-in"] = Own("signs in"),
        ["POST /{culture:lang}/account/sign-out"] = Own("ends the caller's own session"),
        ["POST /{culture:lang}/account/two-factor"] = Own("the second step of the caller's own sign-in"),
        ["POST /{culture:lang}/account/recovery-code"] = Own("the second step of the caller's own sign-in"),
        ["POST /{culture:lang}/account/forgot-password"] = Own("asks for a reset link sent to an address's owner"),
        ["POST /{culture:lang}/account/reset-password"] = Own("resets a password with the token of its owner's e-mail"),
        ["POST /{culture:lang}/account/accept-invitation"] = Own("accepts an invitation with the token of its own e-mail"),
        ["POST /{culture:lang}/account/profile?handler=ChangePassword"] = Own("the caller's own password"),
        ["POST /{culture:lang}/account/profile?handler=CreateToken"] = Own("the caller's own API token"),
        ["POST /{culture:lang}/account/profile?handler=RevokeToken"] = Own("the caller's own API token (another's is not found: ProfileTests)"),
        ["POST /{culture:lang}/account/profile?handler=EnableTwoFactor"] = Own("the caller's own second factor"),
        ["POST /{culture:lang}/account/profile?handler=DisableTwoFactor"] = Own("the caller's own second factor"),
        ["POST /{culture:lang}/account/profile?handler=RecoveryCodes"] = Own("the caller's own recovery codes"),
        ["POST /{culture:lang}/notifications"] = Own("marks the caller's own notifications read"),
        ["POST /error/{code:int}"] = Own("the error page; writes nothing"),
        ["* /health/live"] = Own("health probe; reads only"),
        ["* /health/ready"] = Own("health probe; reads only"),
    };

    [Fact]
    public async Task Every_mutating_endpoint_and_page_handler_is_in_the_table()
    {
        var keys = (await CrossState.MutatingTargetsAsync(host.Services)).Select(t => t.Key).ToList();

        Assert.True(keys.Count > 200, $"Only {keys.Count} mutating endpoints and handlers found: the enumeration is not seeing the application.");
        var missing = keys.Where(k => !Table.ContainsKey(k)).ToList();
        var stale = Table.Keys.Where(k => !keys.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "Not in the cross-state table (add a row saying whose record it writes):\n" + string.Join('\n', missing));
        Assert.True(stale.Count == 0, "In the table but no longer mapped:\n" + string.Join('\n', stale));
    }

    [Fact]
    public async Task Another_states_focal_point_is_refused_everywhere_and_nothing_changes()
    {
        var seed = await SeedAsync();
        var brazil = await CrossState.FocalPointAsync(host, "BR");
        var targets = await CrossState.MutatingTargetsAsync(host.Services);
        var failures = new List<string>();
        var tried = 0;
        foreach (var target in targets)
        {
            if (!Table.TryGetValue(target.Key, out var row) || row.Kind == Kind.Own)
            {
                continue;
            }

            var attempt = row.Arrange?.Invoke(seed) ?? Generic(target);
            var failure = await TryAsync(brazil, target, attempt);
            tried++;
            if (failure is not null)
            {
                failures.Add($"{target.Key} ({row.Kind}: {row.Reason}): {failure}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(tried > 150, $"Only {tried} endpoints tried");
        Assert.True(Table.Values.Count(r => r.Kind == Kind.StateOwned) >= 45, "The state-owned rows are fewer than the catalog, experiences and follow-up have");
    }

    [Fact]
    public async Task A_form_post_to_a_page_without_that_handler_is_refused_or_not_found_and_writes_nothing()
    {
        var brazil = await CrossState.FocalPointAsync(host, "BR");
        var pages = await CrossState.PagesWithoutPlainPostAsync(host.Services);
        Assert.True(pages.Count > 40, $"Only {pages.Count} pages found");
        var failures = new List<string>();
        foreach (var page in pages)
        {
            var target = new CrossState.Target("POST /" + page.RawText, page, IsPage: true, "POST", null);
            if (await TryAsync(brazil, target, new Attempt(CrossState.Fill(page))) is { } failure)
            {
                failures.Add(failure);
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Sends the attempt as Brazil; returns why it is wrong, or null when it was refused and wrote nothing.</summary>
    private async Task<string?> TryAsync(CrossState.FocalPoint brazil, CrossState.Target target, Attempt attempt)
    {
        var rowBefore = attempt.Row is null ? null : await attempt.Row(host);
        var before = await host.FingerprintAsync();
        var logged = host.Logs.Count;
        using var request = new HttpRequestMessage(new HttpMethod(target.Method), attempt.Path);
        HttpResponseMessage response;
        if (target.IsPage)
        {
            request.Content = await WithTokenAsync(attempt.Body?.Invoke() ?? new FormUrlEncodedContent([]), brazil.FormToken);
            response = await brazil.Browser.Http.SendAsync(request, TestContext.Current.CancellationToken);
        }
        else
        {
            request.Content = attempt.Body?.Invoke() ?? (target.Method == "DELETE" ? null : Json(new { })());
            response = await brazil.Api.SendAsync(request, TestContext.Current.CancellationToken);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var location = response.Headers.Location?.OriginalString ?? string.Empty;
            var refused = target.IsPage
                ? status is 403 or 404 || (status == 302 && location.StartsWith("/en/account/access-denied", StringComparison.Ordinal))
                : status is 403 or 404;
            var after = await host.FingerprintAsync();
            var rowAfter = attempt.Row is null ? null : await attempt.Row(host);
            if (!refused)
            {
                var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                var errors = string.Join("\n", host.Logs.Since(logged));
                return $"{target.Method} {attempt.Path} answered {status} {location} {(status >= 500 ? errors[..Math.Min(errors.Length, 1500)] : body[..Math.Min(body.Length, 300)])}";
            }

            if (after != before)
            {
                return $"refused with {status} but the database changed:\nbefore {before}\nafter  {after}";
            }

            return rowAfter != rowBefore ? $"refused with {status} but the row changed:\nbefore {rowBefore}\nafter  {rowAfter}" : null;
        }
    }

    /// <summary>A request to an endpoint that is not about a seeded record: every route value filled, an empty body.</summary>
    private static Attempt Generic(CrossState.Target target) =>
        new(CrossState.Fill(target.Pattern) + (string.IsNullOrEmpty(target.Handler) ? string.Empty : "?handler=" + target.Handler));

    private static async Task<HttpContent> WithTokenAsync(HttpContent content, string token)
    {
        if (content is MultipartFormDataContent multipart)
        {
            multipart.Add(new StringContent(token), "__RequestVerificationToken");
            return multipart;
        }

        var fields = await content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var text = (fields.Length == 0 ? string.Empty : fields + "&") + "__RequestVerificationToken=" + Uri.EscapeDataString(token);
        return new StringContent(text, Encoding.UTF8, "application/x-www-form-urlencoded");
    }

    private async Task<Seed> SeedAsync()
    {
        var colombia = await host.TokenClientAsync(Roles.FocalPoint);
        var draftOffer = (await AnEntry().Offer().From("CO").Titled("Oferta en borrador").SaveAsync(host)).Id;
        var publishedOffer = (await AnEntry().Offer().From("CO").Titled("Oferta publicada").Published().SaveAsync(host)).Id;
        var deletedOffer = await DeletedEntryAsync(AnEntry().Offer());
        var draftDemand = (await AnEntry().Demand().From("CO").Titled("Demanda en borrador").SaveAsync(host)).Id;
        var publishedDemand = (await AnEntry().Demand().From("CO").Titled("Demanda publicada").Published().SaveAsync(host)).Id;
        var deletedDemand = await DeletedEntryAsync(AnEntry().Demand());
        var (offerFile, removedOfferFile) = await FilesAsync(colombia, "offers", draftOffer);
        var (demandFile, removedDemandFile) = await FilesAsync(colombia, "demands", draftDemand);

        var draftExperience = (await ExperienceData.SaveAsync(host, ExperienceData.Input("Experiencia en borrador"), ExperienceStatus.Draft)).Id;
        var publishedExperience = (await ExperienceData.SaveAsync(host, ExperienceData.Input("Experiencia publicada"))).Id;
        var deletedExperience = (await ExperienceData.SaveAsync(host, ExperienceData.Input("Experiencia borrada"), deleted: true)).Id;
        using (var image = await colombia.PostAsync($"/api/v1/experiences/{draftExperience}/images", JpegForm(), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Created, image.StatusCode);
        }

        using (var file = await colombia.PostAsync($"/api/v1/experiences/{draftExperience}/attachments", PdfForm(), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Created, file.StatusCode);
        }

        var argentina = (await AnEntry().Demand().From("AR").Titled("Demanda de Argentina").Published().SaveAsync(host)).Id;
        var pair = Guid.NewGuid();
        var followUp = Guid.NewGuid();
        await host.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Application.Data.CooperaNetDbContext>();
            var at = sp.GetRequiredService<TimeProvider>().GetUtcNow();
            var (entry, errors) = FollowUpEntry.Record(followUp, "CO", FollowUpKind.Meeting, new DateOnly(2026, 10, 1), "Reunión con la agencia", "Enviar la lista", new DateOnly(2026, 12, 15), at);
            Assert.Empty(errors);
            db.FollowUpEntries.Add(entry!);
            db.Pairs.Add(Domain.Crossing.Pair.Propose(pair, publishedOffer, "CO", argentina, "AR", 0.8, "[]", at));
            return await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        await using var read = host.NewDbContext();
        var imageId = await read.ExperienceImages.Where(i => i.ExperienceId == draftExperience).Select(i => i.Id).SingleAsync(TestContext.Current.CancellationToken);
        var attachment = await read.ExperienceAttachments.Where(a => a.ExperienceId == draftExperience).Select(a => a.Id).SingleAsync(TestContext.Current.CancellationToken);
        return new Seed(
            draftOffer, publishedOffer, deletedOffer, offerFile, removedOfferFile,
            draftDemand, publishedDemand, deletedDemand, demandFile, removedDemandFile,
            draftExperience, publishedExperience, deletedExperience, imageId, attachment, followUp, pair);
    }

    private async Task<Guid> DeletedEntryAsync(Support.EntryBuilder builder)
    {
        var entry = await builder.From("CO").Titled("Registro borrado").Published().SaveAsync(host);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Application.Data.CooperaNetDbContext>();
        var tracked = await db.Entries.SingleAsync(e => e.Id == entry.Id, TestContext.Current.CancellationToken);
        Assert.Null(tracked.Delete(scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow()));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return entry.Id;
    }

    /// <summary>Two files uploaded by Colombia's focal point on its entry; the second removed again.</summary>
    private async Task<(Guid Kept, Guid Removed)> FilesAsync(HttpClient colombia, string kind, Guid entry)
    {
        foreach (var note in new[] { "primero", "segundo" })
        {
            using var form = new MultipartFormDataContent { { CrossState.Pdf(note), "file", note + ".pdf" } };
            using var upload = await colombia.PostAsync($"/api/v1/{kind}/{entry}/attachments", form, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        }

        await using var db = host.NewDbContext();
        var ids = await db.Set<EntryAttachment>().Where(a => a.EntryId == entry).Select(a => a.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, ids.Count);
        using var remove = await colombia.DeleteAsync($"/api/v1/{kind}/{entry}/attachments/{ids[1]}", TestContext.Current.CancellationToken);
        Assert.True(remove.IsSuccessStatusCode, $"Removing the file answered {(int)remove.StatusCode}");
        return (ids[0], ids[1]);
    }

    private static Case Owned(Func<Seed, Attempt> arrange) => new(Kind.StateOwned, "Colombia's record", arrange);

    private static Case NotForOthers(string reason, Func<Seed, Attempt>? arrange = null) => new(Kind.NotForFocalPoints, reason, arrange);

    private static Case Own(string reason) => new(Kind.Own, reason);

    private static Attempt Api(string path, Func<HostileHost, Task<string>>? row, Func<HttpContent?>? body = null) => new(path, body, row);

    private static Attempt Page(string path, Func<HostileHost, Task<string>>? row, params (string Name, string Value)[] fields) =>
        new(path, () => new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))), row);

    private static Func<HostileHost, Task<string>> Entry(Guid id) => h => CrossState.RowAsync<CatalogEntry>(h, id);

    private static Func<HostileHost, Task<string>> File(Guid id) => h => CrossState.RowAsync<EntryAttachment>(h, id);

    private static Func<HostileHost, Task<string>> Experience(Guid id) => h => CrossState.RowAsync<Experience>(h, id);

    private static Func<HostileHost, Task<string>> ImageRow(Guid id) => h => CrossState.RowAsync<ExperienceImage>(h, id);

    private static Func<HostileHost, Task<string>> ExperienceFileRow(Guid id) => h => CrossState.RowAsync<ExperienceAttachment>(h, id);

    private static Func<HostileHost, Task<string>> PairRow(Guid id) => h => CrossState.RowAsync<Domain.Crossing.Pair>(h, id);

    private static Func<HostileHost, Task<string>> FollowUp(Guid id) => h => CrossState.RowAsync<FollowUpEntry>(h, id);

    private static Func<HttpContent?> Json(object value) => () => System.Net.Http.Json.JsonContent.Create(value);

    private static HttpContent PdfForm() => new MultipartFormDataContent { { CrossState.Pdf(), "file", "informe.pdf" } };

    private static HttpContent JpegForm()
    {
        var image = new ByteArrayContent(ExperienceData.JpegWithMetadata(40, 30));
        image.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        return new MultipartFormDataContent { { image, "file", "foto.jpg" }, { new StringContent("Una junta de agua revisa el tanque"), "altText" } };
    }
}
