using CooperaNet.Application.Data;
using CooperaNet.Application.FollowUp;
using CooperaNet.Domain;
using CooperaNet.Domain.Guidelines;
using Microsoft.EntityFrameworkCore;

namespace CooperaNet.Application.Guidelines;

/// <summary>
/// The two guidelines the work plan asks for (para 68, action 1), seeded as first drafts at start-up.
/// Idempotent: a guideline whose slug exists is left as it is, whatever the secretariat has done to it since;
/// when two instances start together, the unique slug lets one seed them and the other leaves them be.
/// </summary>
public static class GuidelineSeeder
{
    public static async Task<int> SeedAsync(CooperaNetDbContext db, TimeProvider clock, CancellationToken ct = default)
    {
        var existing = await db.Guidelines.Select(g => g.Slug).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var added = 0;
        foreach (var seed in GuidelineSeeds.All.Where(s => !existing.Contains(s.Slug)))
        {
            var guideline = new Guideline { Id = Guid.NewGuid(), Slug = seed.Slug, Purpose = seed.Purpose, CreatedAt = now };
            var draft = guideline.NewVersion(null, now);
            draft.Rewrite(seed.Title, seed.Body, now);
            db.Guidelines.Add(guideline);
            added++;
        }

        if (added == 0)
        {
            return 0;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException error) when (UniqueViolations.Caused(error))
        {
            // Another instance starting at the same time seeded them first: theirs stand.
            db.ChangeTracker.Clear();
            return 0;
        }

        return added;
    }
}

/// <summary>A seeded guideline: slug, purpose, and the first draft's title and body.</summary>
public sealed record GuidelineSeed(string Slug, LocalizedText Purpose, LocalizedText Title, LocalizedText Body);
