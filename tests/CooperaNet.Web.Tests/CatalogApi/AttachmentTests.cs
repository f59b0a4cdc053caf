using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CooperaNet.Application.Identity;
using CooperaNet.Web.Tests.Support;
using static CooperaNet.Web.Tests.CatalogApi.CatalogApiClient;

namespace CooperaNet.Web.Tests.CatalogApi;

public sealed class AttachmentTests(CooperaNetFactory factory) : IClassFixture<CooperaNetFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    [Fact]
    public async Task A_focal_point_attaches_a_pdf_and_readers_download_it_once_published()
    {
        var colombia = await ForAsync(factory, Roles.FocalPoint, "CO");
        var secretariat = await ForAsync(factory, Roles.Secretariat);
        var id = await CreateAsync(colombia);

        using var upload = await colombia.PostAsync($"/api/v1/offers/{id}/attachments", Form(Pdf, "../../términos de referencia.pdf"), Ct);
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var attachment = await JsonAsync(upload);
        Assert.Equal("términos de referencia.pdf", attachment.GetProperty("fileName").GetString());
        var link = attachment.GetProperty("link").GetString()!;

        var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(link, Ct)).StatusCode);
        await colombia.PostAsync($"/api/v1/offers/{id}/submit", null, Ct);
        await secretariat.PostAsync($"/api/v1/offers/{id}/publish", null, Ct);

        using var download = await anonymous.GetAsync(link, Ct);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync(Ct));
        var entry = await JsonAsync(await anonymous.GetAsync($"/api/v1/offers/{id}", Ct));
        Assert.Equal(1, entry.GetProperty("attachments").GetArrayLength());
    }

    [Fact]
    public async Task A_file_named_pdf_that_is_not_a_pdf_is_refused()
    {
        var colombia = await ForAsync(factory, Roles.FocalPoint, "CO", language: "es");
        var id = await CreateAsync(colombia);
        using var upload = await colombia.PostAsync($"/api/v1/offers/{id}/attachments", Form("MZ\u0090 not a pdf"u8.ToArray(), "informe.pdf"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, upload.StatusCode);
        Assert.StartsWith("Solo se aceptan archivos PDF", (await JsonAsync(upload)).GetProperty("errors").GetProperty("file")[0].GetString());
    }

    [Fact]
    public async Task Files_over_five_megabytes_are_refused()
    {
        var colombia = await ForAsync(factory, Roles.FocalPoint, "CO");
        var id = await CreateAsync(colombia);
        var big = new byte[(5 * 1024 * 1024) + 1];
        Pdf.CopyTo(big, 0);
        using var upload = await colombia.PostAsync($"/api/v1/offers/{id}/attachments", Form(big, "big.pdf"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, upload.StatusCode);
    }

    [Fact]
    public async Task Another_state_cannot_attach_files()
    {
        var colombia = await ForAsync(factory, Roles.FocalPoint, "CO");
        var peru = await ForAsync(factory, Roles.FocalPoint, "PE");
        var id = await CreateAsync(colombia);
        using var upload = await peru.PostAsync($"/api/v1/offers/{id}/attachments", Form(Pdf, "x.pdf"), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
    }

    [Fact]
    public async Task Once_published_its_state_cannot_remove_a_file_and_a_removed_file_can_be_restored()
    {
        var colombia = await ForAsync(factory, Roles.FocalPoint, "CO");
        var secretariat = await ForAsync(factory, Roles.Secretariat);
        var id = await CreateAsync(colombia);
        using var upload = await colombia.PostAsync($"/api/v1/offers/{id}/attachments", Form(Pdf, "anexo.pdf"), Ct);
        var link = (await JsonAsync(upload)).GetProperty("link").GetString()!;
        await colombia.PostAsync($"/api/v1/offers/{id}/submit", null, Ct);
        await secretariat.PostAsync($"/api/v1/offers/{id}/publish", null, Ct);

        using var refused = await colombia.DeleteAsync(link, Ct);
        using var removed = await secretariat.DeleteAsync(link, Ct);
        using var gone = await factory.CreateClient().GetAsync(link, Ct);
        using var restoredByState = await colombia.PostAsync($"{link}/restore", null, Ct);
        using var restored = await secretariat.PostAsync($"{link}/restore", null, Ct);
        using var back = await factory.CreateClient().GetAsync(link, Ct);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, restoredByState.StatusCode);
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        Assert.Equal(Pdf, await back.Content.ReadAsByteArrayAsync(Ct));
    }

    private static MultipartFormDataContent Form(byte[] content, string name)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent { { file, "file", name } };
    }

    private static async Task<Guid> CreateAsync(HttpClient client)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/offers", AnOffer(), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("id").GetGuid();
    }
}
