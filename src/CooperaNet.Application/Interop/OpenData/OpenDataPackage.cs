using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using CooperaNet.Application.Data;
using CooperaNet.Application.Interop.Iati;
using CooperaNet.Application.Interop.Sidicss;
using CooperaNet.Application.Interop.Tables;
using CooperaNet.Domain.Catalog;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Application.Interop.OpenData;

/// <summary>What a build wrote: its generation time and how many IATI activities (none: no IATI file).</summary>
public sealed record OpenDataBuild(DateTimeOffset Generated, int Activities);

/// <summary>
/// The public record as one ZIP: offers, demands and initiatives as CSV, the catalog as JSON, the IATI
/// activities, a Frictionless descriptor and the licence. Contact names and e-mails are never written.
/// Entries come in a fixed order, each stamped with the generation time, so the same data at the same
/// time gives the same bytes.
/// </summary>
public sealed class OpenDataPackage(CooperaNetDbContext db, IatiExporter iati, SidicssExchange sidicss, TimeProvider clock)
{
    public const string ZipName = "cooperanet-open-data.zip";
    public const string IatiName = "iati-activities.xml";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private sealed record Translation(string Language, string Title, string Summary, string Description);

    private sealed record Entry(
        string Kind, string Id, string State, string Status, string Language, string Title, string Summary, string Description,
        string Institution, string Modality, IReadOnlyList<string> Sectors, IReadOnlyList<string> Sdgs, IReadOnlyList<string> WorkingLanguages,
        string? StartsOn, string? EndsOn, string? PublishedAt, IReadOnlyList<Translation> Translations);

    /// <summary>
    /// Writes the IATI document to <paramref name="iatiFile"/> (seekable; checked against the schema, an
    /// invalid document stops the build) and the ZIP to <paramref name="zip"/>. With no public activity
    /// there is no valid IATI document (it needs one activity at least): the package then goes without it.
    /// </summary>
    public async Task<OpenDataBuild> WriteAsync(Stream zip, Stream iatiFile, string? baseUrl, CancellationToken ct)
    {
        // ZIP times have a two-second step: the generation time is kept at that step so Last-Modified matches.
        var now = clock.GetUtcNow();
        var generated = new DateTimeOffset(now.Ticks - (now.Ticks % (2 * TimeSpan.TicksPerSecond)), TimeSpan.Zero);

        var activities = (await iati.WriteAsync(iatiFile, baseUrl, ct)).Activities;
        iatiFile.Position = 0;
        var findings = activities == 0 ? [] : IatiSchema.Validate(iatiFile);
        if (findings.Count > 0)
        {
            var first = findings[0];
            throw new InvalidDataException($"The IATI document breaks the schema at line {first.Line}, column {first.Column}: {first.Message}");
        }

        var entries = await EntriesAsync(ct);
        var (initiatives, _) = await sidicss.ExportAsync(SidicssFormat.Csv, ct);

        using var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true);
        await AddAsync(archive, "offers.csv", generated, CsvOf(entries.Where(e => e.Kind == "offer")), ct);
        await AddAsync(archive, "demands.csv", generated, CsvOf(entries.Where(e => e.Kind == "demand")), ct);
        await AddAsync(archive, "initiatives.csv", generated, initiatives, ct);
        await AddAsync(archive, "catalog.json", generated, JsonSerializer.SerializeToUtf8Bytes(new { generated, license = OpenDataDictionary.LicenseUrl, entries }, Json), ct);
        if (activities > 0)
        {
            iatiFile.Position = 0;
            await using var target = Create(archive, IatiName, generated).Open();
            await iatiFile.CopyToAsync(target, ct);
        }

        await AddAsync(archive, "datapackage.json", generated, JsonSerializer.SerializeToUtf8Bytes(Descriptor(generated, activities > 0), Json), ct);
        await AddAsync(archive, "LICENSE.txt", generated, Encoding.UTF8.GetBytes(License(generated)), ct);
        return new OpenDataBuild(generated, activities);
    }

    private async Task<List<Entry>> EntriesAsync(CancellationToken ct)
    {
        var rows = await db.Entries.AsNoTracking()
            .Include(e => e.Translations).Include(e => e.Sectors).Include(e => e.Sdgs).AsSplitQuery()
            .Where(e => e.DeletedAt == null && (e.Status == EntryStatus.Published || e.Status == EntryStatus.Closed))
            .OrderBy(e => e.Kind).ThenBy(e => e.Id)
            .ToListAsync(ct);
        return [.. rows.Select(e => new Entry(
            e.Kind == EntryKind.Offer ? "offer" : "demand",
            e.Id.ToString("D"),
            e.StateCode,
            e.Status == EntryStatus.Closed ? "closed" : "published",
            e.Language,
            e.Title,
            e.Summary,
            e.Description,
            e.Institution,
            Kebab(e.Modality.ToString()),
            [.. e.Sectors.Select(s => s.SectorCode).Order(StringComparer.Ordinal)],
            [.. e.Sdgs.Select(s => s.Code).Order(StringComparer.Ordinal)],
            [.. e.WorkingLanguages.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            e.StartsOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            e.EndsOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            e.PublishedAt?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            [.. e.Translations.Where(t => t.Language != e.Language).OrderBy(t => t.Language, StringComparer.Ordinal).Select(t => new Translation(t.Language, t.Title, t.Summary, t.Description))]))];
    }

    private static byte[] CsvOf(IEnumerable<Entry> entries) =>
        CsvFile.Write(
            [.. OpenDataDictionary.EntryFields.Select(f => f.Name)],
            entries.Select(e => (IReadOnlyList<string>)
            [
                e.Id, e.State, e.Status, e.Language, e.Title, e.Summary, e.Institution, e.Modality,
                string.Join(';', e.Sectors), string.Join(';', e.Sdgs), string.Join(';', e.WorkingLanguages),
                e.StartsOn ?? string.Empty, e.EndsOn ?? string.Empty, e.PublishedAt ?? string.Empty,
            ]));

    private static object Descriptor(DateTimeOffset generated, bool withIati) => new
    {
        profile = "data-package",
        name = "cooperanet-open-data",
        title = "CooperaNet open data: offers, demands and initiatives of cooperation among the OAS member states",
        homepage = "https://www.oas.org/",
        created = generated.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        licenses = new[] { new { name = OpenDataDictionary.LicenseName, title = OpenDataDictionary.LicenseTitle, path = OpenDataDictionary.LicenseUrl } },
        sources = new[] { new { title = OpenDataDictionary.Attribution } },
        resources = OpenDataDictionary.Resources.Where(r => withIati || r.Path != IatiName).Select(r => new
        {
            name = r.Name,
            path = r.Path,
            format = r.Format,
            mediatype = r.MediaType,
            encoding = "utf-8",
            profile = r.Format == "csv" ? "tabular-data-resource" : "data-resource",
            description = r.Description,
            schema = r.Fields.Count == 0 ? null : new { fields = r.Fields.Select(f => new { name = f.Name, type = f.Type, description = f.Description }) },
        }),
    };

    private static string License(DateTimeOffset generated) =>
        $"""
        CooperaNet open data, generated {generated.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC.

        These files are licensed under the {OpenDataDictionary.LicenseTitle} licence ({OpenDataDictionary.LicenseName}):
        {OpenDataDictionary.LicenseUrl}

        You may copy, share and adapt them for any purpose, provided you give credit as:
        "{OpenDataDictionary.Attribution}", link to the licence and say whether you changed the data.

        They hold what member states published: no contact names or e-mail addresses.

        """;

    private static async Task AddAsync(ZipArchive archive, string name, DateTimeOffset generated, byte[] content, CancellationToken ct)
    {
        await using var target = Create(archive, name, generated).Open();
        await target.WriteAsync(content, ct);
    }

    private static ZipArchiveEntry Create(ZipArchive archive, string name, DateTimeOffset generated)
    {
        var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = generated;
        return entry;
    }

    private static string Kebab(string name)
    {
        var text = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }
}
