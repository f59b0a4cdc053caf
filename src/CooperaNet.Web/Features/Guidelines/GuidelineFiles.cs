using System.Globalization;
using CooperaNet.Application.Guidelines;
using CooperaNet.Application.Reports.Rendering;
using CooperaNet.Domain.Guidelines;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Features.Guidelines;

/// <summary>A version as a PDF in one language, written by the report renderer; drafts carry the draft mark on every page.</summary>
public static class GuidelineFiles
{
    public const string PdfType = "application/pdf";

    public static byte[] Pdf(Guideline guideline, GuidelineVersion version, string language, IStringLocalizer text)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        var status = text["Guidelines.Status." + VersionView.StatusName(version.Status)].Value;
        var date = (version.PublishedAt ?? version.UpdatedAt).ToString("d", culture);
        var words = new GuidelineDocumentText(
            text["Guidelines.Pdf.Subtitle", version.Number, status, date].Value,
            text["Guidelines.Purpose"].Value,
            guideline.Purpose.Resolve(language).Text,
            version.Status == GuidelineStatus.Published ? null : status,
            text["Guidelines.Pdf.Footer"].Value,
            text["Guidelines.Pdf.PageOf"].Value);
        using var output = new MemoryStream();
        PdfReportWriter.Write(GuidelineDocument.Report(version, language, words), output);
        return output.ToArray();
    }

    public static string FileName(string slug, int number, string language) => $"{slug}-v{number}-{language}.pdf";
}
