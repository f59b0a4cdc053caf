using System.Text.RegularExpressions;
using CooperaNet.Application.Data;
using CooperaNet.Application.Identity;
using CooperaNet.Application.Partners;
using CooperaNet.Domain;
using CooperaNet.Domain.Partners;
using CooperaNet.Web.Tests.CatalogPages;
using CooperaNet.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Web.Tests.Partners;

/// <summary>Every kind of user of the partner registry.</summary>
public enum PartnerWho
{
    Anonymous,
    Secretariat,
    FocalPoint,
    Expert,

    /// <summary>A partner user of the organisation the case is about.</summary>
    OwnPartner,

    /// <summary>A partner user of MERCOSUR, another organisation.</summary>
    OtherPartner,
    WorkingGroupMember,
}

/// <summary>
/// An organisation of the case with a contact, an agreement with its signed text (and an earlier, removed one),
/// a deleted agreement and a pilot milestone.
/// </summary>
public sealed record PartnerCase(Guid Id, Guid ContactId, Guid AgreementId, Guid DeletedAgreementId, Guid MilestoneId, Guid DocumentId, Guid RemovedDocumentId);

/// <summary>Organisations and partner users saved straight into the test database.</summary>
public static partial class PartnerData
{
    public static async Task<PartnerCase> SaveAsync(CooperaNetFactory app, string name, bool deleted = false) =>
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CooperaNetDbContext>();
            var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
            var organisation = new PartnerOrganisation
            {
                Id = Guid.NewGuid(),
                Name = name,
                Acronym = "OEI",
                Scope = PartnerScope.Regional,
                Description = LocalizedText.Of("Organismo de cooperación.", "Cooperation body.", "Organismo de cooperação.", "Organisme de coopération."),
                Website = "https://example.org/oei",
                MemberStates = "AR CO",
                CreatedAt = now,
                UpdatedAt = now,
            };
            if (deleted)
            {
                organisation.Delete(now);
            }

            var contact = new PartnerContact { Id = Guid.NewGuid(), OrganisationId = organisation.Id, Name = "Lucía Gómez", Email = "lucia@example.org" };
            var agreement = new PartnerAgreement { Id = Guid.NewGuid(), OrganisationId = organisation.Id, Title = "Memorando", Kind = AgreementKind.MemorandumOfUnderstanding, Status = AgreementStatus.InForce };
            var removed = new PartnerAgreement { Id = Guid.NewGuid(), OrganisationId = organisation.Id, Title = "Carta anterior", Kind = AgreementKind.LetterOfIntent, Status = AgreementStatus.Expired };
            removed.Delete(now);
            var milestone = new PilotMilestone { Id = Guid.NewGuid(), OrganisationId = organisation.Id, Order = 1, Title = "Primera reunión", DueOn = new DateOnly(2027, 1, 31) };
            var earlier = Document(agreement.Id, "memorando-borrador.pdf", now.AddDays(-30));
            earlier.RemovedAt = now.AddDays(-1);
            var signed = Document(agreement.Id, "memorando-firmado.pdf", now.AddDays(-1));
            db.AddRange(organisation, contact, agreement, removed, milestone, earlier, signed);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            return new PartnerCase(organisation.Id, contact.Id, agreement.Id, removed.Id, milestone.Id, signed.Id, earlier.Id);
        });

    /// <summary>The smallest file that starts as a PDF does.</summary>
    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    /// <summary>A multipart form with <paramref name="content"/> as its "file" field.</summary>
    public static MultipartFormDataContent FileForm(byte[] content, string name, string field = "file")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        form.Add(file, field, name);
        return form;
    }

    /// <summary>Makes the user a partner user of <paramref name="organisation"/>.</summary>
    public static async Task BindAsync(CooperaNetFactory app, Guid userId, Guid organisation)
    {
        await using var db = app.NewDbContext();
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.PartnerOrganisationId, organisation), TestContext.Current.CancellationToken);
    }

    private static AgreementDocument Document(Guid agreementId, string name, DateTimeOffset at) => new()
    {
        Id = Guid.NewGuid(),
        AgreementId = agreementId,
        FileName = name,
        Size = Pdf.Length,
        Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Pdf)),
        Content = Pdf,
        UploadedAt = at,
    };

    public static Dictionary<string, string> OrganisationForm(string name) => new()
    {
        ["Form.Name"] = name,
        ["Form.Acronym"] = "CAN",
        ["Form.Scope"] = "subregional",
        ["Form.MemberStates"] = "BO CO EC PE",
        ["Form.DescriptionEs"] = "Comunidad Andina.",
        ["Form.DescriptionEn"] = "Andean Community.",
        ["Form.Website"] = "https://www.comunidadandina.org",
    };

    public static object OrganisationJson(string name) => new
    {
        name,
        acronym = "CAN",
        scope = "subregional",
        memberStates = "BO CO EC PE",
        descriptionEs = "Comunidad Andina.",
        website = "https://www.comunidadandina.org",
    };

    public static Dictionary<string, string> ContactForm() => new() { ["Form.Name"] = "Mario Silva", ["Form.Email"] = "mario@example.org", ["Form.Languages"] = "es pt" };

    public static object ContactJson() => new { name = "Mario Silva", email = "mario@example.org", languages = "es pt" };

    public static Dictionary<string, string> EntryForm() => new() { ["Form.Kind"] = "meeting", ["Form.OccurredOn"] = "2026-10-02", ["Form.Summary"] = "Reunión de coordinación." };

    public static object EntryJson() => new { kind = "joint-event", occurredOn = "2026-10-02", summary = "Seminario conjunto." };

    public static Dictionary<string, string> AgreementForm() => new()
    {
        ["Form.Title"] = "Acuerdo marco",
        ["Form.Kind"] = "framework-agreement",
        ["Form.Status"] = "signed",
        ["Form.SignedOn"] = "2026-09-01",
    };

    public static object AgreementJson() => new { title = "Acuerdo marco", kind = "framework-agreement", status = "signed", signedOn = "2026-09-01" };

    public static object MilestoneJson() => new { status = "done", doneOn = "2026-11-02", note = "Reunión celebrada." };

    public static Dictionary<string, string> MilestoneForm() => new() { ["Form.Status"] = "in-progress", ["Form.Note"] = "En preparación." };

    /// <summary>A browser of one kind of user with an antiforgery token; partner users bound to MERCOSUR until a case binds them.</summary>
    public static async Task<PageMatrixHost.Session> SignInAsync(CooperaNetFactory app, PartnerWho who)
    {
        if (who == PartnerWho.Anonymous)
        {
            var anonymous = AccountClient.For(app);
            return new PageMatrixHost.Session(Who.Anonymous, anonymous, await TokenAsync(anonymous, "/en/account/sign-in"), null, null, null);
        }

        var (role, state) = who switch
        {
            PartnerWho.Secretariat => (Roles.Secretariat, null),
            PartnerWho.FocalPoint => (Roles.FocalPoint, "CO"),
            PartnerWho.Expert => (Roles.Expert, null),
            PartnerWho.WorkingGroupMember => (Roles.WorkingGroupMember, null),
            _ => (Roles.Partner, (string?)null),
        };
        var email = $"{who}-{Guid.NewGuid():N}@example.org".ToLowerInvariant();
        var browser = await Sessions.SignedInAsync(app, role, state, email: email);
        await using var db = app.NewDbContext();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == email, TestContext.Current.CancellationToken);
        if (role == Roles.Partner)
        {
            await BindAsync(app, user.Id, PartnerSeeder.Mercosur);
        }

        return new PageMatrixHost.Session(Who.Partner, browser, await TokenAsync(browser, "/en/account/profile"), user.Id, email, state);
    }

    private static async Task<string> TokenAsync(AccountClient browser, string page)
    {
        var token = AntiforgeryToken().Match(await browser.PageAsync(page));
        Assert.True(token.Success, $"No antiforgery token on {page}");
        return token.Groups[1].Value;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
