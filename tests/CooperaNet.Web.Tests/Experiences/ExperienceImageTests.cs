using System.Net;
using System.Net.Http.Headers;
using CooperaNet.Application.Experiences;
using CooperaNet.Application.Identity;
using CooperaNet.Domain.Experiences;
using CooperaNet.Web.Tests.CatalogApi;
using CooperaNet.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace CooperaNet.Web.Tests.Experiences;

/// <summary>Images are checked by content, scaled down and stripped of metadata; refused uploads store nothing.</summary>
public sealed class ExperienceImageTests(CooperaNetFactory factory) : IClassFixture<CooperaNetFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void A_large_photo_is_scaled_to_1600_pixels_and_loses_its_metadata()
    {
        var original = ExperienceData.JpegWithMetadata(3200, 2000);
        Assert.Contains("GPS", System.Text.Encoding.ASCII.GetString(original), StringComparison.Ordinal);

        var stored = ExperienceImages.Process(original);

        Assert.NotNull(stored);
        Assert.Equal(("image/jpeg", 1600, 1000), (stored.ContentType, stored.Width, stored.Height));
        var text = System.Text.Encoding.ASCII.GetString(stored.Content);
        Assert.DoesNotContain("Exif", text, StringComparison.Ordinal);
        Assert.DoesNotContain("GPS", text, StringComparison.Ordinal);
        using var decoded = SKBitmap.Decode(stored.Content);
        Assert.Equal((1600, 1000), (decoded.Width, decoded.Height));
    }

    [Fact]
    public void A_png_stays_a_png_and_a_small_image_keeps_its_size()
    {
        using var bitmap = new SKBitmap(40, 30);
        using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);

        var stored = ExperienceImages.Process(png.ToArray());

        Assert.Equal(("image/png", 40, 30), (stored!.ContentType, stored.Width, stored.Height));
    }

    [Theory]
    [InlineData("%PDF-1.7 not an image")]
    [InlineData("GIF89a")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>")]
    public void Anything_but_jpeg_png_and_webp_is_refused_whatever_it_is_called(string content) =>
        Assert.Null(ExperienceImages.Process(System.Text.Encoding.ASCII.GetBytes(content)));

    [Fact]
    public async Task An_upload_through_the_api_is_stored_resized_and_served_to_readers_of_the_experience()
    {
        var (client, experience) = await OwnDraftAsync();

        using var response = await UploadAsync(client, experience.Id, ExperienceData.JpegWithMetadata(2400, 1800), "photo.jpg", "image/jpeg", "Una junta de agua revisa el tanque");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await using var db = factory.NewDbContext();
        var image = await db.ExperienceImages.SingleAsync(i => i.ExperienceId == experience.Id, Ct);
        Assert.Equal((1600, 1200, "Una junta de agua revisa el tanque"), (image.Width, image.Height, image.AltText));
        Assert.DoesNotContain("GPS", System.Text.Encoding.ASCII.GetString(image.Content), StringComparison.Ordinal);
        using var served = await client.GetAsync($"/api/v1/experiences/{experience.Id}/images/{image.Id}", Ct);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType?.MediaType);
        using var anonymous = await factory.CreateClient().GetAsync($"/api/v1/experiences/{experience.Id}/images/{image.Id}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
    }

    [Fact]
    public async Task A_file_of_the_wrong_type_too_large_or_without_description_is_refused_with_nothing_stored()
    {
        var (client, experience) = await OwnDraftAsync();

        using var pdf = await UploadAsync(client, experience.Id, "%PDF-1.7 looks like a photo"u8.ToArray(), "photo.jpg", "image/jpeg", "Foto");
        using var large = await UploadAsync(client, experience.Id, new byte[ExperienceImage.MaxBytes + 1], "huge.jpg", "image/jpeg", "Foto");
        using var noAlt = await UploadAsync(client, experience.Id, ExperienceData.JpegWithMetadata(20, 20), "photo.jpg", "image/jpeg", " ");
        using var notPdf = await AttachAsync(client, experience.Id, ExperienceData.JpegWithMetadata(20, 20), "report.pdf");

        Assert.All([pdf, large, noAlt, notPdf], r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        var errors = (await CatalogApiClient.JsonAsync(pdf)).GetProperty("errors");
        Assert.Equal("Only JPEG, PNG and WebP images are accepted; this file is not one, whatever its name says.", errors.GetProperty("file")[0].GetString());
        Assert.Equal("The file is larger than 8 MB.", (await CatalogApiClient.JsonAsync(large)).GetProperty("errors").GetProperty("file")[0].GetString());
        Assert.True((await CatalogApiClient.JsonAsync(noAlt)).GetProperty("errors").TryGetProperty("altText", out _));
        await using var db = factory.NewDbContext();
        Assert.False(await db.ExperienceImages.AnyAsync(i => i.ExperienceId == experience.Id, Ct));
        Assert.False(await db.ExperienceAttachments.AnyAsync(a => a.ExperienceId == experience.Id, Ct));
    }

    [Fact]
    public async Task A_pdf_is_attached_and_another_users_upload_is_refused()
    {
        var (client, experience) = await OwnDraftAsync();
        var stranger = await CatalogApiClient.ForAsync(factory, Roles.FocalPoint, "AR");

        using var attached = await AttachAsync(client, experience.Id, "%PDF-1.7\n%informe"u8.ToArray(), "informe.pdf");
        using var refused = await AttachAsync(stranger, experience.Id, "%PDF-1.7\n%otro"u8.ToArray(), "otro.pdf");

        Assert.Equal(HttpStatusCode.Created, attached.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        await using var db = factory.NewDbContext();
        Assert.Equal("informe.pdf", (await db.ExperienceAttachments.SingleAsync(a => a.ExperienceId == experience.Id, Ct)).FileName);
    }

    private async Task<(HttpClient Client, Experience Experience)> OwnDraftAsync()
    {
        var client = await CatalogApiClient.ForAsync(factory, Roles.FocalPoint, "CO");
        var experience = await ExperienceData.SaveAsync(factory, ExperienceData.Input(), ExperienceStatus.Draft);
        return (client, experience);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid id, byte[] content, string name, string type, string alt)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        form.Add(file, "file", name);
        form.Add(new StringContent(alt), "altText");
        return await client.PostAsync($"/api/v1/experiences/{id}/images", form, Ct);
    }

    private static async Task<HttpResponseMessage> AttachAsync(HttpClient client, Guid id, byte[] content, string name)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", name);
        return await client.PostAsync($"/api/v1/experiences/{id}/attachments", form, Ct);
    }
}
