using CooperaNet.Domain.Experiences;
using SkiaSharp;

namespace CooperaNet.Application.Experiences;

/// <summary>An image as it will be stored: re-encoded, at most <see cref="ExperienceImage.MaxSide"/> pixels on its longest side.</summary>
public sealed record ProcessedImage(byte[] Content, string ContentType, int Width, int Height);

/// <summary>
/// Checks an uploaded image by its content (JPEG, PNG or WebP, whatever its name or declared type say),
/// turns it upright, scales it down and encodes it again. Nothing of the original file but its pixels
/// survives: EXIF, GPS, XMP and ICC metadata are gone.
/// </summary>
public static class ExperienceImages
{
    /// <summary>A decoded image larger than this many pixels is refused before it is decoded.</summary>
    public const long MaxPixels = 40_000_000;

    private const int Quality = 85;

    /// <summary>The stored image, or null when the bytes are not a JPEG, PNG or WebP image it can read.</summary>
    public static ProcessedImage? Process(ReadOnlySpan<byte> upload)
    {
        using var data = SKData.CreateCopy(upload);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return null;
        }

        var (format, contentType) = codec.EncodedFormat switch
        {
            SKEncodedImageFormat.Jpeg => (SKEncodedImageFormat.Jpeg, "image/jpeg"),
            SKEncodedImageFormat.Png => (SKEncodedImageFormat.Png, "image/png"),
            SKEncodedImageFormat.Webp => (SKEncodedImageFormat.Webp, "image/webp"),
            _ => (SKEncodedImageFormat.Bmp, string.Empty),
        };
        if (contentType.Length == 0 || (long)codec.Info.Width * codec.Info.Height > MaxPixels || codec.Info.Width == 0 || codec.Info.Height == 0)
        {
            return null;
        }

        using var decoded = SKBitmap.Decode(codec, codec.Info.WithColorType(SKColorType.Rgba8888).WithAlphaType(SKAlphaType.Premul));
        if (decoded is null)
        {
            return null;
        }

        using var upright = Upright(decoded, codec.EncodedOrigin);
        var scale = Math.Min(1.0, (double)ExperienceImage.MaxSide / Math.Max(upright.Width, upright.Height));
        var width = Math.Max(1, (int)Math.Round(upright.Width * scale));
        var height = Math.Max(1, (int)Math.Round(upright.Height * scale));
        using var sized = scale < 1.0
            ? upright.Resize(new SKImageInfo(width, height, upright.ColorType, upright.AlphaType), new SKSamplingOptions(SKCubicResampler.Mitchell))
            : upright.Copy();
        using var encoded = sized.Encode(format, Quality);
        return encoded is null ? null : new ProcessedImage(encoded.ToArray(), contentType, sized.Width, sized.Height);
    }

    /// <summary>The bitmap as a viewer would show it, following the camera's EXIF orientation (which the new file no longer carries).</summary>
    private static SKBitmap Upright(SKBitmap source, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft)
        {
            return source.Copy();
        }

        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var result = new SKBitmap(new SKImageInfo(swap ? source.Height : source.Width, swap ? source.Width : source.Height, source.ColorType, source.AlphaType));
        using var canvas = new SKCanvas(result);
        var (w, h) = (source.Width, source.Height);
        // Each case maps a pixel (x, y) of the stored picture to where a viewer following the tag puts it.
        switch (origin)
        {
            case SKEncodedOrigin.TopRight:
                canvas.Translate(w, 0);
                canvas.Scale(-1, 1);
                break;
            case SKEncodedOrigin.BottomRight:
                canvas.Translate(w, h);
                canvas.RotateDegrees(180);
                break;
            case SKEncodedOrigin.BottomLeft:
                canvas.Translate(0, h);
                canvas.Scale(1, -1);
                break;
            case SKEncodedOrigin.LeftTop:
                canvas.RotateDegrees(90);
                canvas.Scale(1, -1);
                break;
            case SKEncodedOrigin.RightTop:
                canvas.Translate(h, 0);
                canvas.RotateDegrees(90);
                break;
            case SKEncodedOrigin.RightBottom:
                canvas.Translate(h, w);
                canvas.RotateDegrees(90);
                canvas.Scale(-1, 1);
                break;
            case SKEncodedOrigin.LeftBottom:
                canvas.Translate(0, w);
                canvas.RotateDegrees(270);
                break;
        }

        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear), null);
        return result;
    }
}
