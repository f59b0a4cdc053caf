using System.Security.Claims;
using CooperaNet.Application.Auditing;
using CooperaNet.Application.Catalog;
using CooperaNet.Application.Data;
using CooperaNet.Application.Experts;
using CooperaNet.Application.Identity;
using CooperaNet.Domain;
using CooperaNet.Domain.Experts;
using CooperaNet.Web.Features.Catalog;
using CooperaNet.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;

namespace CooperaNet.Web.Features.Experts;

/// <summary>What an expert's write did: done, or why it was refused (as for entries).</summary>
public sealed record ExpertResult(EntryRefusal Refusal, IReadOnlyList<FieldError>? Errors = null)
{
    public static readonly ExpertResult Done = new(EntryRefusal.None);

    public static readonly ExpertResult NotFound = new(EntryRefusal.NotFound);

    public static readonly ExpertResult Forbidden = new(EntryRefusal.Forbidden);

    public static ExpertResult Invalid(params FieldError[] errors) => new(EntryRefusal.Invalid, errors);
}

/// <summary>A CV to hand out, or why not.</summary>
public sealed record CvDownload(EntryRefusal Refusal, ExpertCv? Cv = null);

/// <summary>
/// The one place pages and API apply, change profiles and CVs, export and erase, after
/// <see cref="ExpertAuthorizationHandler"/> has agreed. Every CV handed out is read through
/// <see cref="ExpertProfiles.ReadCvAsync"/>, which audits it with the reader.
/// </summary>
public sealed class ExpertCommands(
    ExpertProfiles profiles, IAuthorizationService auth, ICurrentActor actor, SignInManager<ApplicationUser> signIn,
    CooperaNetDbContext db, IMemoryCache cache, TimeProvider clock)
{
    /// <summary>What is wrong with a profile, without saving anything (a form lists every problem at once).</summary>
    public async Task<List<FieldError>> CheckAsync(ExpertInput input) =>
        ExpertValidation.Check(input, await ReferenceCodes.LoadAsync(db, cache), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));

    /// <summary>Creates the account and the profile; the account speaks <paramref name="request"/>'s language, else the page's.</summary>
    public async Task<ExpertApplication> ApplyAsync(ApplicationRequest request, CancellationToken ct)
    {
        var language = Languages.Normalize(request.Language) ?? UiStrings.CurrentLanguage;
        return await profiles.ApplyAsync(request.Email, request.Password, request.Consent, language, request.Profile ?? new ExpertInput(), ct);
    }

    /// <summary>Signs the new expert in (the page, after applying).</summary>
    public async Task SignInAsync(ExpertProfile profile)
    {
        var user = await signIn.UserManager.FindByIdAsync(profile.UserId.ToString());
        await signIn.SignInAsync(user!, isPersistent: false);
    }

    /// <summary>The signed-in expert's own profile; null for anyone else or an expert without one.</summary>
    public async Task<ExpertProfile?> MineAsync(ClaimsPrincipal user, CancellationToken ct) =>
        user.IsInRole(Roles.Expert) && user.UserId() is { } id ? await profiles.OfUserAsync(id, ct) : null;

    /// <summary>A profile the user may read, or why not: there is none, or they may not.</summary>
    public async Task<(ExpertProfile? Profile, EntryRefusal Refusal)> ReadAsync(ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        await profiles.FindAsync(id, ct) is not { } profile ? (null, EntryRefusal.NotFound)
        : (await auth.AuthorizeAsync(user, profile, ExpertOperations.Read)).Succeeded ? (profile, EntryRefusal.None)
        : (null, EntryRefusal.Forbidden);

    public Task<CvInfo?> CvInfoAsync(ExpertProfile profile, CancellationToken ct) => profiles.CvInfoAsync(profile.Id, ct);

    /// <summary>Creates the profile of a signed-in expert account that has none, with the consent; the same checks as applying.</summary>
    public async Task<ExpertResult> CreateAsync(ClaimsPrincipal user, bool consent, ExpertInput input, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Expert) || user.UserId() is not { } userId)
        {
            return ExpertResult.Forbidden;
        }

        if (await MineAsync(user, ct) is not null)
        {
            return new ExpertResult(EntryRefusal.Conflict);
        }

        var (_, errors) = await profiles.CreateAsync(userId, consent, input, ct);
        return errors.Count == 0 ? ExpertResult.Done : new ExpertResult(EntryRefusal.Invalid, errors);
    }

    /// <summary>Changes the user's own profile; the same checks as applying.</summary>
    public async Task<ExpertResult> UpdateAsync(ClaimsPrincipal user, ExpertInput? input, CancellationToken ct)
    {
        var (profile, refusal) = await EditableAsync(user, ct);
        if (profile is null)
        {
            return refusal!;
        }

        var errors = await profiles.UpdateAsync(profile, input ?? new ExpertInput(), ct);
        return errors.Count == 0 ? ExpertResult.Done : new ExpertResult(EntryRefusal.Invalid, errors);
    }

    /// <summary>
    /// Replaces the user's CV with <paramref name="content"/>, read up to one byte past the limit:
    /// a larger or non-PDF file is refused and nothing is stored.
    /// </summary>
    public async Task<ExpertResult> UploadCvAsync(ClaimsPrincipal user, string? fileName, Stream? content, long? length, CancellationToken ct)
    {
        var (profile, refusal) = await EditableAsync(user, ct);
        if (profile is null)
        {
            return refusal!;
        }

        if (content is null || length == 0)
        {
            return ExpertResult.Invalid(new FieldError("cv", "required"));
        }

        if (length > ExpertCv.MaxBytes)
        {
            return ExpertResult.Invalid(TooLarge);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > ExpertCv.MaxBytes)
            {
                return ExpertResult.Invalid(TooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return ExpertResult.Invalid(new FieldError("cv", "required"));
        }

        var error = await profiles.UploadCvAsync(profile.Id, fileName, buffer.ToArray(), ct);
        return error is null ? ExpertResult.Done : ExpertResult.Invalid(error);
    }

    /// <summary>The user's own CV (the read is audited).</summary>
    public async Task<CvDownload> MyCvAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var (profile, refusal) = await EditableAsync(user, ct);
        if (profile is null)
        {
            return new CvDownload(refusal!.Refusal);
        }

        return await profiles.ReadCvAsync(profile.Id, actor, ct) is { } cv ? new CvDownload(EntryRefusal.None, cv) : new CvDownload(EntryRefusal.NotFound);
    }

    /// <summary>An expert's CV for someone allowed to read the profile (the read is audited with the reader).</summary>
    public async Task<CvDownload> CvAsync(ClaimsPrincipal user, Guid expertId, CancellationToken ct)
    {
        var profile = await profiles.FindAsync(expertId, ct);
        if (profile is null)
        {
            return new CvDownload(EntryRefusal.NotFound);
        }

        if (!(await auth.AuthorizeAsync(user, profile, ExpertOperations.Read)).Succeeded)
        {
            return new CvDownload(EntryRefusal.Forbidden);
        }

        return await profiles.ReadCvAsync(profile.Id, actor, ct) is { } cv ? new CvDownload(EntryRefusal.None, cv) : new CvDownload(EntryRefusal.NotFound);
    }

    /// <summary>Everything held about the user as an expert, as JSON; null when they have no profile.</summary>
    public async Task<string?> ExportAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var (profile, _) = await EditableAsync(user, ct);
        return profile is null ? null : await profiles.ExportAsync(profile, ct);
    }

    /// <summary>Erases the user's profile, CV and account once they confirmed it, and signs them out.</summary>
    public async Task<ExpertResult> EraseAsync(ClaimsPrincipal user, bool confirmed, CancellationToken ct)
    {
        var (profile, refusal) = await EditableAsync(user, ct);
        if (profile is null)
        {
            return refusal!;
        }

        if (!confirmed)
        {
            return ExpertResult.Invalid(new FieldError("confirm", "expert.confirm-erasure"));
        }

        await profiles.EraseAsync(profile, actor, ct);
        await signIn.SignOutAsync();
        return ExpertResult.Done;
    }

    private static FieldError TooLarge => new("cv", "file.size", ExpertCv.MaxBytes / (1024 * 1024));

    private async Task<(ExpertProfile? Profile, ExpertResult? Refusal)> EditableAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Expert))
        {
            return (null, ExpertResult.Forbidden);
        }

        var profile = await MineAsync(user, ct);
        if (profile is null)
        {
            return (null, ExpertResult.NotFound);
        }

        return (await auth.AuthorizeAsync(user, profile, ExpertOperations.Edit)).Succeeded ? (profile, null) : (null, ExpertResult.Forbidden);
    }
}
