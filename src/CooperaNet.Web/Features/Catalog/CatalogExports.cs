using System.Globalization;
using System.Text;
using CooperaNet.Application.Catalog;
using CooperaNet.Application.Data;
using CooperaNet.Application.Interop.Tables;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Features.Catalog;

/// <summary>Any result list as CSV or Excel, with names in the requested language.</summary>
public static class CatalogExports
{
    public const int MaxRows = 10_000;

    private static readonly string[] Columns =
    [
        "id", "kind", "state", "stateName", "status", "language", "title", "summary", "sectors", "sectorNames",
        "sdgs", "modality", "institution", "contactName", "contactEmail", "startsOn", "endsOn", "expiresOn", "publishedAt", "link",
    ];

    public static async Task<IResult> ExportAsync(string format, EntryFilter filter, IReadOnlyCollection<string>? visible, CooperaNetDbContext db, IMemoryCache cache, string lang, IStringLocalizer text, CancellationToken ct)
    {
        if (format is not ("csv" or "xlsx"))
        {
            return Infrastructure.Problems.Validation(text, [new FieldError("format", "format")]);
        }

        var codes = await ReferenceCodes.LoadAsync(db, cache);
        var page = await EntrySearch.PageAsync(db, codes, filter with { Page = 1, PageSize = MaxRows }, visible, ct);
        var lookups = await CatalogLookups.LoadAsync(db, cache, lang);
        var rows = page.Items.Select(e => new[]
        {
            e.Id.ToString(), EntryKinds.NameOf(e.Kind), e.StateCode, lookups.StateName(e.StateCode), e.Status.ToString().ToLowerInvariant(), e.Language,
            e.Title, e.Summary,
            string.Join("; ", e.Sectors.Select(s => s.SectorCode).Order(StringComparer.Ordinal)),
            string.Join("; ", e.Sectors.Select(s => s.SectorCode).Order(StringComparer.Ordinal).Select(c => codes.SectorNames.TryGetValue(c, out var n) ? n.Resolve(lang).Text : c)),
            string.Join("; ", e.Sdgs.Select(s => s.Code).Order(StringComparer.Ordinal)),
            text["Modality." + Modalities.NameOf(e.Modality)].Value,
            e.Institution, e.ContactName, e.ContactEmail,
            Date(e.StartsOn), Date(e.EndsOn), Date(e.ExpiresOn),
            e.PublishedAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
            $"/{lang}/catalog/{e.Id}",
        }).ToList();
        var header = Columns.Select(c => text["Export.Column." + c].Value).ToArray();
        var file = $"cooperanet-{EntryKinds.NameOf(filter.Kind ?? Domain.Catalog.EntryKind.Offer)}s-{lang}";
        return format == "csv"
            ? TypedResults.File(Csv(header, rows), "text/csv; charset=utf-8", file + ".csv")
            : TypedResults.File(Xlsx(header, rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file + ".xlsx");
    }

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>RFC 4180 with a byte-order mark, so spreadsheet programs read the accents right.</summary>
    internal static byte[] Csv(string[] header, IEnumerable<string[]> rows) => CsvFile.Write(header, rows);

    internal static byte[] Xlsx(string[] header, IEnumerable<string[]> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            foreach (var row in rows.Prepend(header))
            {
                data.AppendChild(new Row(row.Select(value => new Cell
                {
                    DataType = CellValues.InlineString,
                    InlineString = new InlineString(new Text(value) { Space = SpaceProcessingModeValues.Preserve }),
                })));
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "CooperaNet" }));
        }

        return stream.ToArray();
    }
}
