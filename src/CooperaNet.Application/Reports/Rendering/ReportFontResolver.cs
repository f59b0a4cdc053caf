using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace CooperaNet.Application.Reports.Rendering;

/// <summary>
/// Serves PDFsharp the DejaVu Sans fonts compiled into this assembly, so PDFs look the same on any
/// server (no installed font is read) and every font is embedded. Every family resolves to DejaVu Sans.
/// </summary>
internal sealed class ReportFontResolver : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    private static readonly ReportFontResolver Instance = new();
    private static readonly Lock Gate = new();
    private readonly ConcurrentDictionary<string, byte[]> faces = new(StringComparer.Ordinal);

    private ReportFontResolver()
    {
    }

    /// <summary>
    /// Makes this the process's font resolver, once. PDFsharp has no per-document font settings and refuses a
    /// second, different resolver once fonts are in use, so this is idempotent and refuses to replace another.
    /// </summary>
    public static void Install()
    {
        if (ReferenceEquals(GlobalFontSettings.FontResolver, Instance))
        {
            return;
        }

        lock (Gate)
        {
            var current = GlobalFontSettings.FontResolver;
            if (ReferenceEquals(current, Instance))
            {
                return;
            }

            if (current is not null)
            {
                throw new InvalidOperationException(
                    $"PDFsharp already has the font resolver {current.GetType().FullName}; the report fonts cannot be installed beside it.");
            }

            GlobalFontSettings.FontResolver = Instance;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new(isBold ? Bold : Regular, mustSimulateBold: false, mustSimulateItalic: isItalic);

    public byte[]? GetFont(string faceName) => faces.GetOrAdd(faceName, Load);

    private static byte[] Load(string faceName)
    {
        var name = $"CooperaNet.Reports.Fonts.{faceName}.ttf";
        using var resource = typeof(ReportFontResolver).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font resource {name} is missing.");
        using var bytes = new MemoryStream();
        resource.CopyTo(bytes);
        return bytes.ToArray();
    }
}
