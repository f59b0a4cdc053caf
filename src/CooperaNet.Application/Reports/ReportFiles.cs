using System.Text;
using CooperaNet.Application.Reports.Rendering;

namespace CooperaNet.Application.Reports;

/// <summary>A report written as a file.</summary>
public sealed record ReportFile(byte[] Content, string ContentType, string FileName);

/// <summary>The three formats a report is written in, and the one writer each uses.</summary>
public static class ReportFiles
{
    public const string Pdf = "pdf";
    public const string Docx = "docx";
    public const string Html = "html";

    /// <summary>pdf, docx, html.</summary>
    public static readonly IReadOnlyList<string> Formats = [Pdf, Docx, Html];

    /// <summary>The format named <paramref name="name"/> (any case), or null.</summary>
    public static string? Normalize(string? name) => Formats.FirstOrDefault(f => string.Equals(f, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Writes <paramref name="content"/> in <paramref name="language"/> as <paramref name="format"/> (one of <see cref="Formats"/>).</summary>
    public static ReportFile Write(ReportContent content, string language, string format)
    {
        var document = ReportComposer.Compose(content, language);
        var name = $"cooperanet-report-{content.Figures.Semester}-{language}{(content.IsIssued ? string.Empty : "-draft")}.{format}";
        switch (format)
        {
            case Pdf:
                {
                    using var stream = new MemoryStream();
                    PdfReportWriter.Write(document, stream);
                    return new ReportFile(stream.ToArray(), "application/pdf", name);
                }

            case Docx:
                {
                    using var stream = new MemoryStream();
                    DocxReportWriter.Write(document, stream);
                    return new ReportFile(stream.ToArray(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name);
                }

            case Html:
                return new ReportFile(Encoding.UTF8.GetBytes(HtmlReportWriter.Write(document)), "text/html; charset=utf-8", name);

            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown report format.");
        }
    }
}
