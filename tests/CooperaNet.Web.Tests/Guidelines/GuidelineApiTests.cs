using System.Net;
using System.Net.Http.Json;
using CooperaNet.Application.Guidelines;
using CooperaNet.Application.Identity;
using CooperaNet.Domain.Guidelines;
using CooperaNet.Web.Tests.CatalogApi;
using CooperaNet.Web.Tests.CatalogPages;
using CooperaNet.Web.Tests.Reports;
using CooperaNet.Web.Tests.Support;

namespace CooperaNet.Web.Tests.Guidelines;

public sealed class GuidelineApiTests(CooperaNetFactory factory) : IClassFixture<CooperaNetFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_draft_is_consulted_approved_published_and_superseded_and_anyone_reads_the_published_one()
    {
        var secretariat = (await Sessions.SignedInAsync(factory, Roles.Secretariat)).Http;
        var focalPoint = await CatalogApiClient.ForAsync(factory, Roles.FocalPoint, "CO");
        var expert = await CatalogApiClient.ForAsync(factory, Roles.Expert);
        var anonymous = factory.CreateClient();
        var (slug, _) = await GuidelineData.SaveAsync(factory, GuidelineStatus.Draft);
        var api = $"/api/v1/guidelines/{slug}";

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(api, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await expert.GetAsync(api, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await focalPoint.GetAsync(api, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secretariat.PutAsJsonAsync($"{api}/versions/1", GuidelineData.Json("uno"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secretariat.PostAsync($"{api}/versions/1/consultation", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await secretariat.PutAsJsonAsync($"{api}/versions/1", GuidelineData.Json("dos"), Ct)).StatusCode);

        using var comment = await focalPoint.PostAsJsonAsync($"{api}/versions/1/comments", new { section = "Contactos", text = "Agregar un plazo de respuesta." }, Ct);
        Assert.Equal(HttpStatusCode.Created, comment.StatusCode);
        var commentId = (await CatalogApiClient.JsonAsync(comment)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await expert.PostAsJsonAsync($"{api}/versions/1/comments", new { text = "Hola" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secretariat.PostAsync($"{api}/comments/{commentId}/addressed", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await secretariat.PostAsync($"{api}/versions/1/publish", null, Ct)).StatusCode);

        using var approved = await secretariat.PostAsJsonAsync($"{api}/versions/1/approval", new { meeting = "GT3, reunión virtual", meetingDate = "2026-11-20", note = "Por consenso" }, Ct);
        var approval = (await CatalogApiClient.JsonAsync(approved)).GetProperty("approval");
        Assert.Equal("GT3, reunión virtual", approval.GetProperty("meeting").GetString());
        Assert.Equal("2026-11-20", approval.GetProperty("meetingDate").GetString());
        Assert.StartsWith("secretariat-", approval.GetProperty("recordedBy").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await secretariat.PostAsync($"{api}/versions/1/publish", null, Ct)).StatusCode);

        var first = await CatalogApiClient.JsonAsync(await anonymous.GetAsync($"{api}/versions/1", Ct));
        Assert.Equal("published", first.GetProperty("status").GetString());
        Assert.Equal("Guideline uno", first.GetProperty("title").GetProperty("en").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, first.GetProperty("comments").ValueKind);
        var seen = await CatalogApiClient.JsonAsync(await focalPoint.GetAsync($"{api}/versions/1", Ct));
        Assert.NotNull(Assert.Single(seen.GetProperty("comments").EnumerateArray()).GetProperty("addressedAt").GetString());

        using var second = await secretariat.PostAsync($"{api}/versions", null, Ct);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal("Guideline uno", (await CatalogApiClient.JsonAsync(second)).GetProperty("title").GetProperty("en").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"{api}/versions/2", Ct)).StatusCode);
        var changed = GuidelineData.Json("dos");
        Assert.Equal(HttpStatusCode.OK, (await secretariat.PutAsJsonAsync($"{api}/versions/2", changed, Ct)).StatusCode);

        var diff = await CatalogApiClient.JsonAsync(await focalPoint.GetAsync($"{api}/diff?from=1&to=2&lang=en", Ct));
        Assert.Equal(
            [("same", "Guideline "), ("deleted", "uno"), ("inserted", "dos")],
            diff.GetProperty("title").EnumerateArray().Select(p => (p.GetProperty("kind").GetString(), p.GetProperty("text").GetString())));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"{api}/diff?from=1&to=2", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await secretariat.PostAsync($"{api}/versions/2/consultation", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secretariat.PostAsJsonAsync($"{api}/versions/2/approval", new { meeting = "GT3, Washington" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secretariat.PostAsync($"{api}/versions/2/publish", null, Ct)).StatusCode);

        var history = await CatalogApiClient.JsonAsync(await anonymous.GetAsync($"{api}?lang=fr", Ct));
        Assert.Equal(
            [(2, "published", "Ligne directrice dos"), (1, "superseded", "Ligne directrice uno")],
            history.GetProperty("versions").EnumerateArray().Select(v => (v.GetProperty("number").GetInt32(), v.GetProperty("status").GetString(), v.GetProperty("title").GetString())));
        var list = await CatalogApiClient.JsonAsync(await anonymous.GetAsync("/api/v1/guidelines", Ct));
        var listed = Assert.Single(list.EnumerateArray(), g => g.GetProperty("slug").GetString() == slug);
        Assert.Equal(2, listed.GetProperty("publishedVersion").GetInt32());
    }

    [Theory]
    [InlineData("es", "Lineamiento uno", "La Secretaría revisa los contactos.")]
    [InlineData("fr", "Ligne directrice uno", "Le Secrétariat révise les contacts.")]
    public async Task The_published_version_downloads_as_a_PDF_in_each_language(string lang, string title, string sentence)
    {
        var secretariat = (await Sessions.SignedInAsync(factory, Roles.Secretariat)).Http;
        var (slug, _) = await GuidelineData.SaveAsync(factory, GuidelineStatus.Draft);
        Assert.Equal(HttpStatusCode.OK, (await secretariat.PutAsJsonAsync($"/api/v1/guidelines/{slug}/versions/1", GuidelineData.Json("uno"), Ct)).StatusCode);
        foreach (var step in new[] { "consultation", "approval", "publish" })
        {
            using var moved = await secretariat.PostAsJsonAsync($"/api/v1/guidelines/{slug}/versions/1/{step}", new { meeting = "GT3" }, Ct);
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        }

        using var response = await factory.CreateClient().GetAsync($"/api/v1/guidelines/{slug}/versions/1/pdf?lang={lang}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var text = await ReportData.PdfTextAsync(await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Contains(title, text, StringComparison.Ordinal);
        Assert.Contains(sentence, text, StringComparison.Ordinal);
        Assert.Contains(lang == "es" ? "Propósito" : "Objet", text, StringComparison.Ordinal);
        Assert.DoesNotContain(lang == "es" ? "Borrador" : "Projet", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_PDF_carries_the_draft_mark_and_only_participants_get_it()
    {
        var partner = await CatalogApiClient.ForAsync(factory, Roles.Partner);
        var path = $"/api/v1/guidelines/{GuidelineSeeds.SegibMercosurSlug}/versions/1/pdf?lang=pt";

        using var response = await partner.GetAsync(path, Ct);

        var text = await ReportData.PdfTextAsync(await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Contains("Diretrizes para a coordenação com a SEGIB", text, StringComparison.Ordinal);
        Assert.Contains("Rascunho", text, StringComparison.Ordinal);
        Assert.Contains("MERCOSUL", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync(path, Ct)).StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_refused_field_by_field_in_the_callers_language()
    {
        var spanish = (await Sessions.SignedInAsync(factory, Roles.Secretariat)).Http;
        spanish.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");
        var (slug, _) = await GuidelineData.SaveAsync(factory, GuidelineStatus.InConsultation);

        using var rewrite = await spanish.PutAsJsonAsync($"/api/v1/guidelines/{GuidelineSeeds.RelationsSlug}/versions/1", new { titleEs = "Sólo español", bodyEn = new string('x', 20_001) }, Ct);
        using var approval = await spanish.PostAsJsonAsync($"/api/v1/guidelines/{slug}/versions/1/approval", new { meeting = " " }, Ct);
        using var second = await spanish.PostAsync($"/api/v1/guidelines/{slug}/versions", null, Ct);
        using var consult = await spanish.PostAsync($"/api/v1/guidelines/{slug}/versions/2/consultation", null, Ct);

        var errors = (await CatalogApiClient.JsonAsync(rewrite)).GetProperty("errors");
        Assert.Equal(["titleEn", "titlePt", "titleFr", "bodyEs", "bodyEn", "bodyPt", "bodyFr"], errors.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Escriba como máximo 20000 caracteres.", errors.GetProperty("bodyEn")[0].GetString());
        Assert.Equal("Este campo es obligatorio.", (await CatalogApiClient.JsonAsync(approval)).GetProperty("errors").GetProperty("meeting")[0].GetString());
        Assert.Equal(HttpStatusCode.Conflict, consult.StatusCode);
        Assert.Equal("Otra versión de este lineamiento ya está en consulta.", (await CatalogApiClient.JsonAsync(consult)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await spanish.GetAsync("/api/v1/guidelines/no-such-guideline", Ct)).StatusCode);
    }
}
