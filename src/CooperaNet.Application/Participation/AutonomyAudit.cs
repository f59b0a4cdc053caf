using System.Text.Json;
using CooperaNet.Application.Data;
using CooperaNet.Domain.Catalog;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Application.Participation;

/// <summary>
/// Who wrote an entry and who sent it for publication, read from the audit trail rather than from
/// the entry's own flags, which only remember the last change. Publishing itself is always the
/// secretariat's moderation, so an entry counts as the state's own work when the account that
/// created it and the one that submitted it (the last submission before it was first published)
/// are both focal points of the state. An entry added already submitted or published counts its
/// creator as its submitter.
/// </summary>
public static class AutonomyAudit
{
    private static readonly string EntityName = nameof(CatalogEntry);

    /// <summary>Of <paramref name="entries"/>, those created and submitted by one of <paramref name="focalPoints"/>.</summary>
    public static async Task<HashSet<Guid>> OwnEntriesAsync(CooperaNetDbContext db, IReadOnlyCollection<Guid> entries, IReadOnlyCollection<Guid> focalPoints, CancellationToken ct)
    {
        if (entries.Count == 0 || focalPoints.Count == 0)
        {
            return [];
        }

        var keys = entries.Select(id => id.ToString()).ToList();
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Entity == EntityName && keys.Contains(a.EntityKey) && (a.Action == "added" || a.After!.Contains("\"Status\"")))
            .OrderBy(a => a.Id)
            .Select(a => new AuditRow(a.EntityKey, a.Action, a.ActorId, a.After))
            .ToListAsync(ct);
        var own = focalPoints.ToHashSet();
        return [.. rows.GroupBy(r => r.EntityKey, StringComparer.Ordinal)
            .Where(history => IsOwn(history, own))
            .Select(history => Guid.Parse(history.Key))];
    }

    /// <summary>The rule, on one entry's audit rows in the order they were written.</summary>
    public static bool IsOwn(IEnumerable<AuditRow> history, IReadOnlySet<Guid> focalPoints)
    {
        Guid? creator = null, submitter = null;
        foreach (var row in history)
        {
            var status = StatusOf(row.After);
            if (row.Action == "added")
            {
                creator = row.ActorId;
                if (status is EntryStatus.Submitted or EntryStatus.Published)
                {
                    submitter = row.ActorId;
                }
            }
            else if (status == EntryStatus.Submitted)
            {
                submitter = row.ActorId;
            }

            if (status == EntryStatus.Published)
            {
                break;
            }
        }

        return creator is { } c && focalPoints.Contains(c) && submitter is { } s && focalPoints.Contains(s);
    }

    private static EntryStatus? StatusOf(string? after)
    {
        if (after is null)
        {
            return null;
        }

        using var json = JsonDocument.Parse(after);
        if (!json.RootElement.TryGetProperty(nameof(CatalogEntry.Status), out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt32(out var number) => (EntryStatus)number,
            JsonValueKind.String when Enum.TryParse<EntryStatus>(value.GetString(), out var named) => named,
            _ => null,
        };
    }

    /// <summary>The part of an audit record the rule reads.</summary>
    public sealed record AuditRow(string EntityKey, string Action, Guid? ActorId, string? After);
}
