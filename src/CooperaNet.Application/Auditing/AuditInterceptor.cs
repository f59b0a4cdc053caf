using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CooperaNet.Application.Auditing;

/// <summary>
/// Adds an <see cref="AuditEntry"/> for every added, modified or deleted entity to the same
/// SaveChanges, so the record of a change commits or rolls back with the change itself.
/// Secrets (password hashes, security stamps, token hashes, data-protection keys) are never written to the log, nor are
/// e-mail bodies and extra headers, which carry one-time links such as password resets.
/// </summary>
public sealed class AuditInterceptor(ICurrentActor actor, TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly HashSet<string> Hidden = new(StringComparer.Ordinal)
    {
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "Hash", "Value", "AuthenticatorKey", "TextBody", "HtmlBody", "Headers", "Content",
    };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Record(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var entries = context.ChangeTracker.Entries()
            .Where(e => e.Entity is not (AuditEntry or DataProtectionKey or Domain.Catalog.EntrySearchTerm or Matching.MatchingRequest or Idempotency.IdempotencyRecord) && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => Describe(e, now))
            .OfType<AuditEntry>()
            .ToList();
        context.Set<AuditEntry>().AddRange(entries);
    }

    private AuditEntry? Describe(EntityEntry entry, DateTimeOffset now)
    {
        var properties = entry.Properties.Where(p => !Hidden.Contains(p.Metadata.Name)).ToList();
        Dictionary<string, object?>? before = null, after = null;
        switch (entry.State)
        {
            case EntityState.Added:
                after = properties.ToDictionary(p => p.Metadata.Name, p => p.CurrentValue);
                break;
            case EntityState.Deleted:
                before = properties.ToDictionary(p => p.Metadata.Name, p => p.OriginalValue);
                break;
            default:
                var changed = properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).ToList();
                if (changed.Count == 0)
                {
                    return null;
                }

                before = changed.ToDictionary(p => p.Metadata.Name, p => p.OriginalValue);
                after = changed.ToDictionary(p => p.Metadata.Name, p => p.CurrentValue);
                break;
        }

        var key = entry.Metadata.FindPrimaryKey()?.Properties
            .Select(p => entry.Property(p.Name).CurrentValue?.ToString()) ?? [];
        return new AuditEntry
        {
            At = now,
            ActorId = actor.UserId,
            Actor = actor.Name,
            Action = entry.State.ToString().ToLowerInvariant(),
            Entity = entry.Metadata.ClrType.Name,
            EntityKey = string.Join("/", key),
            Before = before is null ? null : JsonSerializer.Serialize(before),
            After = after is null ? null : JsonSerializer.Serialize(after),
        };
    }
}
