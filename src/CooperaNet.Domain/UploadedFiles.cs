namespace CooperaNet.Domain;

/// <summary>What every upload of the platform checks: a PDF by its content, and a file name safe to keep and send back.</summary>
public static class UploadedFiles
{
    /// <summary>The longest file name kept.</summary>
    public const int NameMax = 200;

    /// <summary>True when <paramref name="content"/> is a PDF by its signature, whatever its name says.</summary>
    public static bool IsPdf(ReadOnlySpan<byte> content) => content.StartsWith("%PDF-"u8);

    /// <summary>Keeps the file's own name, without a path or characters that would break a header; <paramref name="fallback"/> when nothing is left.</summary>
    public static string CleanName(string? name, string fallback = "document.pdf")
    {
        var bare = Path.GetFileName((name ?? string.Empty).Replace('\\', '/'));
        var clean = new string(bare.Where(c => !char.IsControl(c) && c is not ('"' or '/' or ':')).ToArray()).Trim();
        if (clean.Length == 0)
        {
            clean = fallback;
        }

        return clean.Length > NameMax ? clean[^NameMax..] : clean;
    }
}
