using CooperaNet.Application.Data;
using CooperaNet.Application.Experiences;
using CooperaNet.Domain.Experiences;
using CooperaNet.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Web.Tests.Experiences;

/// <summary>
/// Test experiences written as the application writes them (<see cref="ExperienceWriter"/>) and moved
/// along their life cycle by the domain's own methods.
/// </summary>
public static class ExperienceData
{
    public static ExperienceInput Input(string title = "Juntas de agua que operan sus acueductos", string sector = "14030", string sdg = "6", string language = "es") => new()
    {
        Kind = "success-story",
        AuthorName = "APC-Colombia",
        Language = language,
        Title = title,
        Summary = "Cómo las juntas comunitarias de Cauca aprendieron a operar y mantener sus acueductos rurales.",
        Body = "## Contexto\n\nLas juntas de agua de **Cauca** recibieron formación durante seis meses.\n\n- Visitas técnicas\n- Guías de operación",
        States = ["CO"],
        Sectors = [sector],
        Sdgs = [sdg],
    };

    /// <summary>Saves an experience of <paramref name="state"/> (or an expert's, when null) in <paramref name="status"/>, deleted when asked.</summary>
    public static async Task<Experience> SaveAsync(
        CooperaNetFactory factory, ExperienceInput input, ExperienceStatus status = ExperienceStatus.Published, string? state = "CO",
        Guid? author = null, bool deleted = false, DateTimeOffset? publishedAt = null, IEnumerable<ExperienceTranslationInput>? translations = null) =>
        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CooperaNetDbContext>();
            var at = publishedAt ?? sp.GetRequiredService<TimeProvider>().GetUtcNow();
            var actor = new ExperienceWriterActor(author ?? Guid.NewGuid(), "Ana Pérez", state is null ? ExperienceAuthorRole.Expert : ExperienceAuthorRole.FocalPoint, state);
            var experience = ExperienceWriter.Create(input with { Translations = [.. translations ?? []] }, actor, state, at);
            if (status != ExperienceStatus.Draft)
            {
                Assert.Null(experience.Submit(at));
            }

            if (status == ExperienceStatus.Published)
            {
                Assert.Null(experience.Publish(at));
            }

            if (deleted)
            {
                Assert.Null(experience.Delete(at));
            }

            db.Experiences.Add(experience);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            return experience;
        });

    /// <summary>A JPEG of <paramref name="width"/> × <paramref name="height"/> pixels carrying an EXIF block with a GPS position and a camera name.</summary>
    public static byte[] JpegWithMetadata(int width, int height)
    {
        using var bitmap = new SkiaSharp.SKBitmap(width, height);
        using (var canvas = new SkiaSharp.SKCanvas(bitmap))
        {
            canvas.Clear(new SkiaSharp.SKColor(30, 120, 200));
        }

        using var data = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Jpeg, 90);
        var jpeg = data.ToArray();
        // An APP1 segment right after the start-of-image marker: "Exif\0\0", a little-endian TIFF header,
        // and the text a camera and a GPS would leave there.
        var payload = "Exif\0\0II*\0\b\0\0\0"u8.ToArray().Concat(System.Text.Encoding.ASCII.GetBytes("CameraMaker GPS 4.6097N 74.0817W")).ToArray();
        var length = payload.Length + 2;
        byte[] segment = [0xFF, 0xE1, (byte)(length >> 8), (byte)(length & 0xFF), .. payload];
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }
}
