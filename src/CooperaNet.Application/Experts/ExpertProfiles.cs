using System.Security.Cryptography;
using System.Text.Json;
using CooperaNet.Application.Auditing;
using CooperaNet.Application.Catalog;
using CooperaNet.Application.Data;
using CooperaNet.Application.Identity;
using CooperaNet.Domain.Experts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CooperaNet.Application.Experts;

/// <summary>The result of an application: the new profile, or what was wrong (profile fields, or the account's).</summary>
public sealed record ExpertApplication(ExpertProfile? Profile, IReadOnlyList<FieldError> Errors, IReadOnlyList<IdentityError> AccountErrors)
{
    public bool Succeeded => Profile is not null;
}

/// <summary>Everything the platform holds about one expert, as they download it.</summary>
public sealed record ExpertExport(
    DateTimeOffset ExportedAt,
    object Account,
    object Profile,
    object? Cv,
    IReadOnlyList<object> History);

/// <summary>
/// Experts' profiles: applying (an account and a profile, with consent, in one step), keeping the
/// profile, the CV (every read of it audited), downloading everything held, and erasure.
/// </summary>
public sealed class ExpertProfiles(CooperaNetDbContext db, UserManager<ApplicationUser> users, UserAdministration administration, IMemoryCache cache, TimeProvider clock)
{
    /// <summary>The audit action of a CV read.</summary>
    public const string CvRead = "read";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>
    /// Creates the applicant's account (role expert) and profile in one transaction; refused without
    /// consent, with an invalid profile, or when the account cannot be created (address taken, weak password).
    /// </summary>
    public async Task<ExpertApplication> ApplyAsync(string? email, string? password, bool consent, string language, ExpertInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var errors = ExpertValidation.Check(input, await ReferenceCodes.LoadAsync(db, cache), DateOnly.FromDateTime(now.UtcDateTime));
        var address = email?.Trim() ?? string.Empty;
        if (address.Length > 256 || !System.Net.Mail.MailAddress.TryCreate(address, out var parsed) || parsed.Address != address)
        {
            errors.Add(new("email", "email"));
        }

        if (!consent)
        {
            errors.Add(new("consent", "expert.consent"));
        }

        if (string.IsNullOrEmpty(password))
        {
            errors.Add(new("password", "required"));
        }

        if (errors.Count > 0)
        {
            return new ExpertApplication(null, errors, []);
        }

        await administration.EnsureRolesAsync();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var user = new ApplicationUser
        {
            Id = Guid.CreateVersion7(now),
            UserName = address,
            Email = address,
            DisplayName = input.FullName!.Trim(),
            PreferredLanguage = language,
            CreatedAt = now,
            LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user, password!);
        if (!created.Succeeded)
        {
            await transaction.RollbackAsync(ct);
            return new ExpertApplication(null, [], [.. created.Errors]);
        }

        await users.AddToRoleAsync(user, Roles.Expert);
        var profile = new ExpertProfile
        {
            Id = Guid.CreateVersion7(now),
            UserId = user.Id,
            FullName = string.Empty,
            Nationality = string.Empty,
            CreatedAt = now,
        };
        profile.Consent(ExpertValidation.ConsentVersion, now);
        ExpertWriter.Apply(profile, input, now);
        db.ExpertProfiles.Add(profile);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ExpertApplication(profile, [], []);
    }

    /// <summary>
    /// Creates the profile of an existing expert account that has none (made by an administrator, or
    /// whose profile was never written), with the consent recorded; refused without consent or with an
    /// invalid profile. The account must have the expert role and no profile: the caller checks it.
    /// </summary>
    public async Task<(ExpertProfile? Profile, IReadOnlyList<FieldError> Errors)> CreateAsync(Guid userId, bool consent, ExpertInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var errors = ExpertValidation.Check(input, await ReferenceCodes.LoadAsync(db, cache), DateOnly.FromDateTime(now.UtcDateTime));
        if (!consent)
        {
            errors.Add(new("consent", "expert.consent"));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var profile = new ExpertProfile { Id = Guid.CreateVersion7(now), UserId = userId, FullName = string.Empty, Nationality = string.Empty, CreatedAt = now };
        profile.Consent(ExpertValidation.ConsentVersion, now);
        ExpertWriter.Apply(profile, input, now);
        db.ExpertProfiles.Add(profile);
        await db.SaveChangesAsync(ct);
        return (profile, []);
    }

    /// <summary>The profile of the account <paramref name="userId"/>, with its languages, sectors and SDGs; null when it has none.</summary>
    public Task<ExpertProfile?> OfUserAsync(Guid userId, CancellationToken ct) => Profiles().FirstOrDefaultAsync(p => p.UserId == userId, ct);

    /// <summary>The profile <paramref name="id"/>, tracked for changes.</summary>
    public Task<ExpertProfile?> FindAsync(Guid id, CancellationToken ct) => Profiles().FirstOrDefaultAsync(p => p.Id == id, ct);

    /// <summary>Changes the profile after checking the input; nothing is saved when something is wrong.</summary>
    public async Task<IReadOnlyList<FieldError>> UpdateAsync(ExpertProfile profile, ExpertInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var errors = ExpertValidation.Check(input, await ReferenceCodes.LoadAsync(db, cache), DateOnly.FromDateTime(now.UtcDateTime));
        if (errors.Count > 0)
        {
            return errors;
        }

        ExpertWriter.Apply(profile, input, now);
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>Replaces the CV; refused (nothing stored) unless it is a PDF by its content and within the size limit.</summary>
    public async Task<FieldError?> UploadCvAsync(Guid expertId, string? fileName, byte[] content, CancellationToken ct)
    {
        if (content.Length > ExpertCv.MaxBytes)
        {
            return new FieldError("cv", "file.size", ExpertCv.MaxBytes / (1024 * 1024));
        }

        if (content.Length == 0 || !Domain.UploadedFiles.IsPdf(content))
        {
            return new FieldError("cv", "file.pdf");
        }

        var name = Path.GetFileName(fileName ?? string.Empty).Trim();
        var cv = new ExpertCv
        {
            ExpertId = expertId,
            FileName = name.Length is 0 or > 200 ? "cv.pdf" : name,
            Size = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Content = content,
            UploadedAt = clock.GetUtcNow(),
        };
        await db.ExpertCvs.Where(c => c.ExpertId == expertId).ExecuteDeleteAsync(ct);
        db.ExpertCvs.Add(cv);
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>The CV's name and size without its content; null when there is none.</summary>
    public Task<CvInfo?> CvInfoAsync(Guid expertId, CancellationToken ct) =>
        db.ExpertCvs.AsNoTracking().Where(c => c.ExpertId == expertId).Select(c => new CvInfo(c.FileName, c.Size, c.UploadedAt)).FirstOrDefaultAsync(ct);

    /// <summary>
    /// The CV, for someone allowed to read it (the caller checked who); the read is recorded in the
    /// audit trail with the reader, so the expert sees who looked at it.
    /// </summary>
    public async Task<ExpertCv?> ReadCvAsync(Guid expertId, ICurrentActor reader, CancellationToken ct)
    {
        var cv = await db.ExpertCvs.AsNoTracking().FirstOrDefaultAsync(c => c.ExpertId == expertId, ct);
        if (cv is not null)
        {
            db.AuditEntries.Add(new AuditEntry
            {
                At = clock.GetUtcNow(),
                ActorId = reader.UserId,
                Actor = reader.Name,
                Action = CvRead,
                Entity = nameof(ExpertCv),
                EntityKey = expertId.ToString(),
            });
            await db.SaveChangesAsync(ct);
        }

        return cv;
    }

    /// <summary>Everything held about the expert: account, profile, CV (its content in base 64) and the audit trail of both.</summary>
    public async Task<string> ExportAsync(ExpertProfile profile, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == profile.UserId, ct);
        var roles = await users.GetRolesAsync(user);
        var cv = await db.ExpertCvs.AsNoTracking().FirstOrDefaultAsync(c => c.ExpertId == profile.Id, ct);
        var keys = new[] { profile.Id.ToString(), profile.UserId.ToString() };
        var history = await db.AuditEntries.AsNoTracking()
            .Where(a => keys.Contains(a.EntityKey) && (a.Entity == nameof(ExpertProfile) || a.Entity == nameof(ExpertCv) || a.Entity == nameof(ApplicationUser)))
            .OrderBy(a => a.Id)
            .Select(a => new { a.At, a.Actor, a.Action, a.Entity, a.Before, a.After })
            .ToListAsync(ct);
        var export = new ExpertExport(
            clock.GetUtcNow(),
            new { user.Email, user.DisplayName, user.PreferredLanguage, user.CreatedAt, user.LastSignInAt, user.TwoFactorEnabled, Roles = roles },
            ExpertViews.Of(profile),
            cv is null ? null : new { cv.FileName, cv.Size, cv.Sha256, cv.UploadedAt, ContentBase64 = Convert.ToBase64String(cv.Content) },
            [.. history]);
        return JsonSerializer.Serialize(export, Json);
    }

    /// <summary>
    /// Erases the expert: profile, CV and account are deleted, and the personal values in the audit
    /// trail of them are blanked (who changed what and when stays, the data does not). Recorded as an
    /// erasure by <paramref name="by"/>.
    /// </summary>
    public async Task EraseAsync(ExpertProfile profile, ICurrentActor by, CancellationToken ct)
    {
        var keys = new[] { profile.Id.ToString(), profile.UserId.ToString() };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.ExpertCvs.Where(c => c.ExpertId == profile.Id).ExecuteDeleteAsync(ct);
        db.ExpertProfiles.Remove(profile);
        await db.SaveChangesAsync(ct);
        var user = await users.FindByIdAsync(profile.UserId.ToString());
        if (user is not null)
        {
            await users.DeleteAsync(user);
        }

        var prefix = profile.Id.ToString();
        await db.AuditEntries.Where(a => keys.Contains(a.EntityKey) || a.EntityKey.StartsWith(prefix)).ExecuteUpdateAsync(a => a.SetProperty(e => e.Before, (string?)null).SetProperty(e => e.After, (string?)null), ct);
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            ActorId = by.UserId,
            Actor = by.Name,
            Action = "erased",
            Entity = nameof(ExpertProfile),
            EntityKey = profile.Id.ToString(),
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private IQueryable<ExpertProfile> Profiles() =>
        db.ExpertProfiles.Include(p => p.Languages).Include(p => p.Sectors).Include(p => p.Sdgs).AsSplitQuery();
}

/// <summary>A CV's name, size and upload time.</summary>
public sealed record CvInfo(string FileName, int Size, DateTimeOffset UploadedAt);

/// <summary>Registers the experts' services.</summary>
public static class ExpertServices
{
    public static Microsoft.Extensions.DependencyInjection.IServiceCollection AddExperts(this Microsoft.Extensions.DependencyInjection.IServiceCollection services)
    {
        Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddScoped<ExpertProfiles>(services);
        Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddScoped<ExpertCalls>(services);
        Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddScoped<ExpertAssignments>(services);
        Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddScoped<ExpertRanking>(services);
        Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddSingleton<ExpertIndex>(services);
        return services;
    }
}
