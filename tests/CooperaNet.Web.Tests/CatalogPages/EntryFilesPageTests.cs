using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using CooperaNet.Application.Identity;
using CooperaNet.Domain.Catalog;
using CooperaNet.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CooperaNet.Web.Tests.Support.EntryBuilder;

namespace CooperaNet.Web.Tests.CatalogPages;

/// <summary>PDF documents on the entry page: attached by whoever may edit the entry, removed without loss, put back by the secretariat.</summary>
public sealed partial class EntryFilesPageTests(CooperaNetFactory factory) : IClassFixture<CooperaNetFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    [Fact]
    public async Task A_focal_point_attaches_a_pdf_to_its_draft_and_the_public_downloads_it_once_published()
    {
        var entry = await AnEntry().Offer().From("CR").Titled("Pago por servicios ambientales").SaveAsync(factory);
        var costaRica = await Sessions.SignedInAsync(factory, Roles.FocalPoint, "CR");
        var path = $"/en/catalog/{entry.Id}";

        using var attached = await PostFileAsync(costaRica, path, Pdf, "términos de referencia.pdf");

        Assert.Equal($"{path}#files-title", attached.Headers.Location?.OriginalString);
        var page = await costaRica.PageAsync(path);
        Assert.Contains("The document is attached.", page);
        var link = DownloadLink().Match(page);
        Assert.True(link.Success, "No download link on the entry page");
        Assert.Contains(">términos de referencia.pdf</a> <span class=\"hint\">(PDF, 1 KB)</span>", page);

        var anonymous = AccountClient.For(factory);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(link.Groups[1].Value)).StatusCode);
        await using (var db = factory.NewDbContext())
        {
            var stored = await db.Entries.SingleAsync(e => e.Id == entry.Id, Ct);
            Assert.Null(stored.Submit(TimeProvider.System.GetUtcNow()));
            Assert.Null(stored.Publish(TimeProvider.System.GetUtcNow()));
            await db.SaveChangesAsync(Ct);
        }

        var publicPage = await anonymous.PageAsync(path);
        Assert.Contains(">términos de referencia.pdf</a>", publicPage);
        Assert.DoesNotContain("name=\"file\"", publicPage);
        using var download = await anonymous.GetAsync(link.Groups[1].Value);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task A_file_that_is_not_a_pdf_is_refused_in_the_page_language_and_nothing_is_stored()
    {
        var entry = await AnEntry().Demand().From("GT").Titled("Registro catastral").SaveAsync(factory);
        var guatemala = await Sessions.SignedInAsync(factory, Roles.FocalPoint, "GT", lang: "es");
        var path = $"/es/catalog/{entry.Id}";

        using var refused = await PostFileAsync(guatemala, path, "MZ\u0090 ejecutable"u8.ToArray(), "informe.pdf");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await AccountClient.TextAsync(refused);
        Assert.Contains("<p class=\"field-error\" id=\"file-error\">Solo se aceptan archivos PDF", page);
        Assert.Contains("aria-invalid=\"true\" aria-describedby=\"file-hint file-error\"", page);
        await using var db = factory.NewDbContext();
        Assert.False(await db.Set<EntryAttachment>().AnyAsync(a => a.EntryId == entry.Id, Ct));
    }

    [Fact]
    public async Task A_removed_file_is_kept_and_the_secretariat_puts_it_back()
    {
        var entry = await AnEntry().Offer().From("EC").Titled("Monitoreo de glaciares andinos").SaveAsync(factory);
        var ecuador = await Sessions.SignedInAsync(factory, Roles.FocalPoint, "EC");
        var path = $"/en/catalog/{entry.Id}";
        (await PostFileAsync(ecuador, path, Pdf, "glaciares.pdf")).Dispose();
        var attachmentId = await AttachmentIdAsync(entry.Id);

        using var removed = await ecuador.PostFormAsync($"{path}?handler=RemoveFile", new Dictionary<string, string> { ["attachmentId"] = attachmentId.ToString() }, formPage: path);

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var focalPage = await ecuador.PageAsync(path);
        Assert.Contains("The document was removed; the secretariat can put it back.", focalPage);
        Assert.DoesNotContain("glaciares.pdf", focalPage);
        await using (var db = factory.NewDbContext())
        {
            var kept = await db.Set<EntryAttachment>().AsNoTracking().SingleAsync(a => a.Id == attachmentId, Ct);
            Assert.NotNull(kept.RemovedAt);
            Assert.Equal(Pdf, kept.Content);
        }

        var secretariat = await Sessions.SignedInAsync(factory, Roles.Secretariat);
        var moderation = await secretariat.PageAsync(path);
        Assert.Matches("<span>glaciares.pdf</span> <span class=\"tag tag-status\">Removed</span>", moderation);
        using var restored = await secretariat.PostFormAsync($"{path}?handler=RestoreFile", new Dictionary<string, string> { ["attachmentId"] = attachmentId.ToString() }, formPage: path);

        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Contains(">glaciares.pdf</a>", await ecuador.PageAsync(path));
    }

    [Fact]
    public async Task A_focal_point_cannot_restore_a_removed_file()
    {
        var entry = await AnEntry().Offer().From("HN").Titled("Café de altura").SaveAsync(factory);
        var honduras = await Sessions.SignedInAsync(factory, Roles.FocalPoint, "HN");
        var path = $"/en/catalog/{entry.Id}";
        (await PostFileAsync(honduras, path, Pdf, "cafe.pdf")).Dispose();
        var attachmentId = await AttachmentIdAsync(entry.Id);
        (await honduras.PostFormAsync($"{path}?handler=RemoveFile", new Dictionary<string, string> { ["attachmentId"] = attachmentId.ToString() }, formPage: path)).Dispose();

        using var refused = await honduras.PostFormAsync($"{path}?handler=RestoreFile", new Dictionary<string, string> { ["attachmentId"] = attachmentId.ToString() }, formPage: path);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        await using var db = factory.NewDbContext();
        Assert.NotNull((await db.Set<EntryAttachment>().AsNoTracking().SingleAsync(a => a.Id == attachmentId, Ct)).RemovedAt);
    }

    [Fact]
    public async Task Files_of_a_published_entry_are_not_changed_by_its_state_nor_by_another_state()
    {
        var entry = await AnEntry().Offer().From("PA").Titled("Logística portuaria").Published().SaveAsync(factory);
        var panama = await Sessions.SignedInAsync(factory, Roles.FocalPoint, "PA");
        var chile = await Sessions.SignedInAsync(factory, Roles.FocalPoint, "CL");
        var path = $"/en/catalog/{entry.Id}";

        using var own = await PostFileAsync(panama, path, Pdf, "puerto.pdf");
        using var other = await PostFileAsync(chile, path, Pdf, "puerto.pdf");

        Assert.Equal(HttpStatusCode.Conflict, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.DoesNotContain("name=\"file\"", await panama.PageAsync(path));
        await using var db = factory.NewDbContext();
        Assert.False(await db.Set<EntryAttachment>().AnyAsync(a => a.EntryId == entry.Id, Ct));
    }

    private async Task<Guid> AttachmentIdAsync(Guid entryId)
    {
        await using var db = factory.NewDbContext();
        return await db.Set<EntryAttachment>().Where(a => a.EntryId == entryId).Select(a => a.Id).SingleAsync(Ct);
    }

    /// <summary>Posts the entry page's upload form: multipart, with the page's antiforgery token.</summary>
    private static async Task<HttpResponseMessage> PostFileAsync(AccountClient client, string path, byte[] content, string fileName)
    {
        var token = AccountClient.FormToken(await client.PageAsync(path));
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { file, "file", fileName },
        };
        return await client.Http.PostAsync($"{path}?handler=Attach", form, Ct);
    }

    [GeneratedRegex("<a href=\"(/api/v1/offers/[0-9a-f-]+/attachments/[0-9a-f-]+)\" type=\"application/pdf\" download>")]
    private static partial Regex DownloadLink();
}
