using System.Net;
using CooperaNet.Application.Auditing;
using CooperaNet.Application.Identity;
using CooperaNet.Application.Partners;
using CooperaNet.Web.Tests.CatalogApi;
using CooperaNet.Web.Tests.CatalogPages;
using CooperaNet.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CooperaNet.Web.Tests.CatalogApi.CatalogApiClient;

namespace CooperaNet.Web.Tests.Partners;

/// <summary>The signed text of an agreement through the API with personal tokens: upload, checks, replacement, restoring, audited downloads.</summary>
public sealed class PartnerDocumentTests(CooperaNetFactory factory) : IClassFixture<CooperaNetFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_secretariat_uploads_and_replaces_the_signed_text_and_the_partner_downloads_the_current_one_on_the_record()
    {
        var item = await PartnerData.SaveAsync(factory, "Organización " + PageMatrixHost.Word());
        var secretariat = await SecretariatAsync();
        var (partner, partnerId) = await PartnerAsync(item.Id);
        var documents = $"/api/v1/partners/{item.Id}/agreements/{item.AgreementId}/documents";
        var signed = "%PDF-1.7\n% acuerdo firmado el 2 de octubre\n%%EOF\n"u8.ToArray();

        using var upload = await secretariat.PostAsync(documents, PartnerData.FileForm(signed, "C:\\actas\\acuerdo:final.pdf"), Ct);
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var saved = await JsonAsync(upload);
        Assert.Equal("acuerdofinal.pdf", saved.GetProperty("fileName").GetString());
        Assert.Equal(upload.Headers.Location?.OriginalString, saved.GetProperty("link").GetString());

        var forPartner = await JsonAsync(await partner.GetAsync(documents, Ct));
        var forSecretariat = await JsonAsync(await secretariat.GetAsync(documents, Ct));
        Assert.Equal([saved.GetProperty("id").GetGuid()], forPartner.EnumerateArray().Select(d => d.GetProperty("id").GetGuid()));
        Assert.Equal(3, forSecretariat.GetArrayLength());
        Assert.Equal(2, forSecretariat.EnumerateArray().Count(d => d.GetProperty("removedAt").ValueKind != System.Text.Json.JsonValueKind.Null));

        var last = await LastAuditAsync();
        using var download = await partner.GetAsync(saved.GetProperty("link").GetString(), Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(signed, await download.Content.ReadAsByteArrayAsync(Ct));
        var read = Assert.Single(await AuditSinceAsync(last));
        Assert.Equal((partnerId, "read", saved.GetProperty("id").GetGuid().ToString()), (read.ActorId, read.Action, read.EntityKey));

        using var replaced = await partner.GetAsync($"{documents}/{item.DocumentId}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, replaced.StatusCode);
        var list = await JsonAsync(await factory.CreateClient().GetAsync($"/api/v1/partners/{item.Id}/agreements", Ct));
        Assert.True(list.EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == item.AgreementId).GetProperty("hasDocument").GetBoolean());

        using var restored = await secretariat.PostAsync($"{documents}/{item.DocumentId}/restore", null, Ct);
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        Assert.Equal(PartnerData.Pdf, await (await partner.GetAsync($"{documents}/{item.DocumentId}", Ct)).Content.ReadAsByteArrayAsync(Ct));
        using var again = await secretariat.PostAsync($"{documents}/{item.DocumentId}/restore", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task A_file_that_is_not_a_pdf_or_is_too_large_is_refused_in_the_callers_language_and_nothing_changes()
    {
        var item = await PartnerData.SaveAsync(factory, "Organización " + PageMatrixHost.Word());
        var secretariat = await SecretariatAsync("fr");
        var documents = $"/api/v1/partners/{item.Id}/agreements/{item.AgreementId}/documents";
        var before = await CountAsync(item.AgreementId);
        var big = new byte[(10 * 1024 * 1024) + 1];
        PartnerData.Pdf.CopyTo(big, 0);

        using var executable = await secretariat.PostAsync(documents, PartnerData.FileForm("MZ\u0090 ceci n'est pas un PDF"u8.ToArray(), "accord.pdf"), Ct);
        using var tooLarge = await secretariat.PostAsync(documents, PartnerData.FileForm(big, "accord.pdf"), Ct);
        using var empty = await secretariat.PostAsync(documents, PartnerData.FileForm([], "accord.pdf"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, executable.StatusCode);
        Assert.StartsWith("Seuls les fichiers PDF", (await JsonAsync(executable)).GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooLarge.StatusCode);
        Assert.Contains("10", (await JsonAsync(tooLarge)).GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(before, await CountAsync(item.AgreementId));
    }

    [Fact]
    public async Task Only_the_secretariats_token_uploads_and_a_deleted_agreement_takes_no_file()
    {
        var item = await PartnerData.SaveAsync(factory, "Organización " + PageMatrixHost.Word());
        var (partner, _) = await PartnerAsync(item.Id);
        var focalPoint = await ForAsync(factory, Roles.FocalPoint, "CO");
        var withoutSecondFactor = await ForAsync(factory, Roles.Secretariat);
        var secretariat = await SecretariatAsync();

        using var byPartner = await partner.PostAsync($"/api/v1/partners/{item.Id}/agreements/{item.AgreementId}/documents", PartnerData.FileForm(PartnerData.Pdf, "a.pdf"), Ct);
        using var byFocalPoint = await focalPoint.PostAsync($"/api/v1/partners/{item.Id}/agreements/{item.AgreementId}/documents", PartnerData.FileForm(PartnerData.Pdf, "a.pdf"), Ct);
        using var byTokenWithoutSecondFactor = await withoutSecondFactor.PostAsync($"/api/v1/partners/{item.Id}/agreements/{item.AgreementId}/documents", PartnerData.FileForm(PartnerData.Pdf, "a.pdf"), Ct);
        using var anonymous = await factory.CreateClient().PostAsync($"/api/v1/partners/{item.Id}/agreements/{item.AgreementId}/documents", PartnerData.FileForm(PartnerData.Pdf, "a.pdf"), Ct);
        using var deleted = await secretariat.PostAsync($"/api/v1/partners/{item.Id}/agreements/{item.DeletedAgreementId}/documents", PartnerData.FileForm(PartnerData.Pdf, "a.pdf"), Ct);
        using var elsewhere = await secretariat.PostAsync($"/api/v1/partners/{PartnerSeeder.Segib}/agreements/{item.AgreementId}/documents", PartnerData.FileForm(PartnerData.Pdf, "a.pdf"), Ct);

        Assert.Equal(
            [HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized, HttpStatusCode.Conflict, HttpStatusCode.NotFound],
            [byPartner.StatusCode, byFocalPoint.StatusCode, byTokenWithoutSecondFactor.StatusCode, anonymous.StatusCode, deleted.StatusCode, elsewhere.StatusCode]);
        Assert.Equal(2, await CountAsync(item.AgreementId));
        Assert.Equal(0, await CountAsync(item.DeletedAgreementId));
    }

    /// <summary>A token client of a secretariat account with its second factor on (the secretariat's operations ask for it).</summary>
    private async Task<HttpClient> SecretariatAsync(string language = "en")
    {
        var email = $"secretariat-{Guid.NewGuid():N}@example.org";
        var user = await factory.CreateUserAsync(email, Roles.Secretariat, null);
        await using (var db = factory.NewDbContext())
        {
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.TwoFactorEnabled, true), Ct);
        }

        return await TokenClientAsync(user.Id, language);
    }

    private async Task<HttpClient> TokenClientAsync(Guid userId, string language = "en")
    {
        var token = await factory.WithScopeAsync(sp => sp.GetRequiredService<UserAdministration>().CreateTokenAsync(userId, "tests"));
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.Secret);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    /// <summary>A token client of a partner user bound to <paramref name="organisation"/>, and the user's id.</summary>
    private async Task<(HttpClient Client, Guid UserId)> PartnerAsync(Guid organisation)
    {
        var email = $"partner-{Guid.NewGuid():N}@example.org";
        var user = await factory.CreateUserAsync(email, Roles.Partner, null);
        await PartnerData.BindAsync(factory, user.Id, organisation);
        return (await TokenClientAsync(user.Id), user.Id);
    }

    private async Task<int> CountAsync(Guid agreementId)
    {
        await using var db = factory.NewDbContext();
        return await db.AgreementDocuments.CountAsync(d => d.AgreementId == agreementId, Ct);
    }

    private async Task<long> LastAuditAsync()
    {
        await using var db = factory.NewDbContext();
        return await db.Set<AuditEntry>().MaxAsync(a => (long?)a.Id, Ct) ?? 0;
    }

    private async Task<List<AuditEntry>> AuditSinceAsync(long id)
    {
        await using var db = factory.NewDbContext();
        return await db.Set<AuditEntry>().AsNoTracking().Where(a => a.Id > id && a.Entity == "AgreementDocument").ToListAsync(Ct);
    }
}
