using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using CooperaNet.Application.Catalog;
using CooperaNet.Application.Data;
using CooperaNet.Domain.Interop;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CooperaNet.Application.Interop.Iati;

/// <summary>How far an import has read: bytes of the file (when its length is known) and activities.</summary>
public sealed record IatiImportProgress(long BytesRead, long? Length, int Activities);

/// <summary>What an import did, or would do on a dry run; nothing changed when <see cref="Stopped"/>.</summary>
public sealed record IatiImportResult(int Read, int Created, int Updated, int Unchanged, int Refused, bool DryRun, IReadOnlyList<IatiFinding> Findings)
{
    /// <summary>A critical finding stopped the import: the file is not a valid IATI 2.0x activity file.</summary>
    public bool Stopped => Findings.Any(f => f.Severity == IatiSeverity.Critical);
}

/// <summary>
/// Imports IATI 2.0x activity files, any publisher's, as they stream past: the file is checked
/// against the official schema while it is read (no DTD, no external entity), each activity is read
/// on its own, and each one is created, updated or left alone by its iati-identifier. One database
/// transaction holds it all: a file that breaks the schema or is not well-formed changes nothing,
/// and a dry run rolls back what it would have done. An activity refused does not stop the others.
/// </summary>
public sealed class IatiImporter(CooperaNetDbContext db, IMemoryCache cache, IOptions<IatiOptions> options, TimeProvider clock)
{
    private const int Batch = 200;
    private const int MaxCritical = 20;

    public async Task<IatiImportResult> ImportAsync(Stream file, bool dryRun, IProgress<IatiImportProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        var reader = new IatiActivityReader(await ReferenceCodes.LoadAsync(db, cache));
        var own = options.Value.ReportingOrgRef + "-";
        var findings = new List<IatiFinding>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new List<ExternalActivityData>(Batch);
        int read = 0, created = 0, updated = 0, unchanged = 0, refused = 0;
        var length = file.CanSeek ? file.Length : (long?)null;

        var settings = new XmlReaderSettings
        {
            Async = true,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            ValidationType = ValidationType.Schema,
            Schemas = IatiSchema.Set,
        };
        settings.ValidationEventHandler += (_, e) => Critical(e.Exception.LineNumber, e.Exception.LinePosition, "iati.schema", e.Message);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        using var xml = XmlReader.Create(file, settings);
        try
        {
            await xml.MoveToContentAsync();
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "iati-activities")
            {
                Critical(Line(xml), Column(xml), "iati.root", xml.LocalName);
            }
            else
            {
                var version = xml.GetAttribute("version") ?? string.Empty;
                if (!version.StartsWith("2.", StringComparison.Ordinal))
                {
                    Critical(Line(xml), Column(xml), "iati.version", version);
                }

                var fileLanguage = xml.GetAttribute("xml:lang");
                await xml.ReadAsync();
                while (!xml.EOF && !Stopped())
                {
                    if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "iati-activity")
                    {
                        await xml.ReadAsync();
                        continue;
                    }

                    var element = (XElement)await XNode.ReadFromAsync(xml, ct);
                    read++;
                    if (Stopped())
                    {
                        break;
                    }

                    var (activity, found) = reader.Read(element, read, fileLanguage);
                    findings.AddRange(found);
                    if (activity is not null && activity.IatiIdentifier.StartsWith(own, StringComparison.Ordinal))
                    {
                        findings.Add(new IatiFinding(IatiSeverity.Error, read, activity.IatiIdentifier, $"iati-activity[{read}]/iati-identifier", "iati.own", []));
                        activity = null;
                    }
                    else if (activity is not null && !seen.Add(activity.IatiIdentifier))
                    {
                        findings.Add(new IatiFinding(IatiSeverity.Error, read, activity.IatiIdentifier, $"iati-activity[{read}]/iati-identifier", "iati.duplicate", []));
                        activity = null;
                    }

                    if (activity is null)
                    {
                        refused++;
                    }
                    else
                    {
                        pending.Add(activity);
                    }

                    if (read % Batch == 0)
                    {
                        await StorePendingAsync();
                        await db.SaveChangesAsync(ct);
                        db.ChangeTracker.Clear();
                        progress?.Report(new IatiImportProgress(file.CanSeek ? file.Position : 0, length, read));
                    }
                }
            }
        }
        catch (XmlException ex)
        {
            // Some refusals (a DTD, in the prolog) carry no position: the reader's, if any, is where it stopped.
            Critical(ex.LineNumber > 0 ? ex.LineNumber : Line(xml), ex.LineNumber > 0 ? ex.LinePosition : Column(xml), "iati.xml", ex.Message);
        }
        catch (ArgumentOutOfRangeException ex) when (ex.TargetSite?.DeclaringType?.Namespace?.StartsWith("System", StringComparison.Ordinal) == true)
        {
            // The framework's XML reader itself fails this way on some malformed declarations (a huge XML
            // declaration of non-ASCII characters): the file is unreadable, said as such.
            Critical(Line(xml), Column(xml), "iati.xml", ex.Message);
        }

        if (!Stopped())
        {
            await StorePendingAsync();
        }

        if (Stopped() || dryRun)
        {
            await transaction.RollbackAsync(ct);
        }
        else
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        db.ChangeTracker.Clear();
        progress?.Report(new IatiImportProgress(length ?? 0, length, read));
        var sorted = findings.OrderBy(f => f.Severity).ThenBy(f => f.Activity).ToList();
        return Stopped()
            ? new IatiImportResult(read, 0, 0, 0, read, dryRun, sorted)
            : new IatiImportResult(read, created, updated, unchanged, refused, dryRun, sorted);

        bool Stopped() => findings.Any(f => f.Severity == IatiSeverity.Critical);

        async Task StorePendingAsync()
        {
            var (newOnes, changed, same) = await StoreAsync(pending, ct);
            (created, updated, unchanged) = (created + newOnes, updated + changed, unchanged + same);
            pending.Clear();
        }

        void Critical(int line, int column, string code, string argument)
        {
            if (findings.Count(f => f.Severity == IatiSeverity.Critical) < MaxCritical)
            {
                findings.Add(new IatiFinding(IatiSeverity.Critical, 0, null, line > 0 ? $"line {line}, column {column}" : "document", code, [argument]));
            }
        }
    }

    private static int Line(XmlReader reader) => (reader as IXmlLineInfo)?.LineNumber ?? 0;

    private static int Column(XmlReader reader) => (reader as IXmlLineInfo)?.LinePosition ?? 0;

    /// <summary>
    /// Creates, updates or leaves alone a batch of activities, asking the database twice at most: the content
    /// hashes of those it already holds, then the full records of those whose content changed. An identifier
    /// seen twice in the file is refused before this, so the database has the only earlier copy.
    /// </summary>
    private async Task<(int Created, int Updated, int Unchanged)> StoreAsync(List<ExternalActivityData> batch, CancellationToken ct)
    {
        if (batch.Count == 0)
        {
            return (0, 0, 0);
        }

        var now = clock.GetUtcNow();
        var hashed = batch.Select(d => (Data: d, Hash: d.Hash())).ToList();
        var identifiers = batch.Select(d => d.IatiIdentifier).ToList();
        var held = await db.ExternalActivities.AsNoTracking()
            .Where(a => identifiers.Contains(a.IatiIdentifier))
            .Select(a => new { a.IatiIdentifier, a.ContentHash })
            .ToDictionaryAsync(a => a.IatiIdentifier, a => a.ContentHash, StringComparer.Ordinal, ct);
        var changed = hashed.Where(h => held.TryGetValue(h.Data.IatiIdentifier, out var old) && old != h.Hash).Select(h => h.Data.IatiIdentifier).ToList();
        var toUpdate = changed.Count == 0
            ? []
            : await db.ExternalActivities.Include(a => a.Texts).Where(a => changed.Contains(a.IatiIdentifier)).ToDictionaryAsync(a => a.IatiIdentifier, StringComparer.Ordinal, ct);

        int created = 0, updated = 0, unchanged = 0;
        foreach (var (data, hash) in hashed)
        {
            if (toUpdate.TryGetValue(data.IatiIdentifier, out var existing))
            {
                Apply(existing, data, hash, now);
                updated++;
            }
            else if (held.ContainsKey(data.IatiIdentifier))
            {
                unchanged++;
            }
            else
            {
                var activity = new ExternalActivity
                {
                    Id = Guid.CreateVersion7(now),
                    IatiIdentifier = data.IatiIdentifier,
                    Language = data.Language,
                    ContentHash = hash,
                    ImportedAt = now,
                };
                Apply(activity, data, hash, now);
                db.ExternalActivities.Add(activity);
                created++;
            }
        }

        return (created, updated, unchanged);
    }

    private static void Apply(ExternalActivity activity, ExternalActivityData data, string hash, DateTimeOffset now)
    {
        activity.ReportingOrgRef = data.ReportingOrgRef;
        activity.ReportingOrgName = data.ReportingOrgName;
        activity.Language = data.Language;
        activity.Status = data.Status;
        activity.StartsOn = data.StartsOn;
        activity.EndsOn = data.EndsOn;
        activity.Countries = [.. data.Countries];
        activity.Sectors = [.. data.Sectors];
        activity.Sdgs = [.. data.Sdgs];
        activity.SourceUpdatedAt = data.SourceUpdatedAt;
        activity.ContentHash = hash;
        activity.UpdatedAt = now;
        activity.Texts.RemoveAll(t => data.Texts.All(d => d.Language != t.Language));
        foreach (var text in data.Texts)
        {
            if (activity.Texts.FirstOrDefault(t => t.Language == text.Language) is { } kept)
            {
                kept.Title = text.Title;
                kept.Description = text.Description;
            }
            else
            {
                activity.Texts.Add(new ExternalActivityText { ActivityId = activity.Id, Language = text.Language, Title = text.Title, Description = text.Description });
            }
        }
    }
}
