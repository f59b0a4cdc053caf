using System.Security.Claims;
using System.Security.Cryptography;
using CooperaNet.Application.Catalog;
using CooperaNet.Application.Data;
using CooperaNet.Application.Experiences;
using CooperaNet.Domain.Catalog;
using CooperaNet.Domain.Experiences;
using CooperaNet.Web.Features.Catalog;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CooperaNet.Web.Features.Experiences;

/// <summary>A life-cycle move by its API and form name, and who may make it.</summary>
public sealed record ExperienceAction(string Name, ExperienceTransition Transition, OperationAuthorizationRequirement Operation)
{
    public static IReadOnlyList<ExperienceAction> All { get; } =
    [
        new("submit", ExperienceTransition.Submit, ExperienceOperations.Edit),
        new("delete", ExperienceTransition.Delete, ExperienceOperations.Edit),
        new("publish", ExperienceTransition.Publish, ExperienceOperations.Moderate),
        new("return", ExperienceTransition.Return, ExperienceOperations.Moderate),
        new("restore", ExperienceTransition.Restore, ExperienceOperations.Moderate),
    ];

    public static ExperienceAction Of(ExperienceTransition transition) => All.First(a => a.Transition == transition);

    public static ExperienceAction? Find(string? name) => All.FirstOrDefault(a => a.Name == name);

    internal ExperienceError? Apply(Experience experience, DateTimeOffset at, string? comment) => Transition switch
    {
        ExperienceTransition.Submit => experience.Submit(at),
        ExperienceTransition.Delete => experience.Delete(at),
        ExperienceTransition.Publish => experience.Publish(at),
        ExperienceTransition.Return => experience.Return(comment, at),
        _ => experience.Restore(at),
    };
}

/// <summary>What a write did: the experience (or the file), or why it was refused. The API and the pages each map it once.</summary>
public sealed record ExperienceOutcome(EntryRefusal Refusal, Experience? Experience = null, IReadOnlyList<FieldError>? Errors = null, string? Conflict = null, Guid? FileId = null)
{
    public static readonly ExperienceOutcome NotFound = new(EntryRefusal.NotFound);

    public static readonly ExperienceOutcome Forbidden = new(EntryRefusal.Forbidden);

    public static ExperienceOutcome Done(Experience experience, Guid? fileId = null) => new(EntryRefusal.None, experience, FileId: fileId);

    public static ExperienceOutcome Invalid(params FieldError[] errors) => new(EntryRefusal.Invalid, Errors: errors);

    public static ExperienceOutcome Refused(ExperienceError error) => new(EntryRefusal.Conflict, Conflict: error.Code);
}

/// <summary>
/// Reading and writing experiences with their rules — who may, what is valid, which move is allowed,
/// which files are accepted. The API endpoints and the pages both go through here; every write is
/// one SaveChanges, which the audit interceptor records.
/// </summary>
public sealed class ExperienceCommands(CooperaNetDbContext db, IMemoryCache cache, IAuthorizationService auth, TimeProvider clock)
{
    public const int MaxImages = 10;
    public const int MaxAttachments = 5;

    /// <summary>The experience if <paramref name="user"/> may see it: published for all, others for their owners and the secretariat, deleted ones (when asked) for the secretariat.</summary>
    public async Task<Experience?> ReadAsync(ClaimsPrincipal user, Guid id, bool includeDeleted = false)
    {
        var experience = await LoadAsync(id, tracking: false, includeDeleted);
        if (experience is null)
        {
            return null;
        }

        var operation = experience.DeletedAt is not null ? ExperienceOperations.Moderate
            : experience.Status != ExperienceStatus.Published ? ExperienceOperations.Read
            : null;
        return operation is null || (await auth.AuthorizeAsync(user, experience, operation)).Succeeded ? experience : null;
    }

    /// <summary>May <paramref name="user"/> write new experiences?</summary>
    public async Task<bool> CanCreateAsync(ClaimsPrincipal user) =>
        (await auth.AuthorizeAsync(user, ExperienceExchange.Instance, ExperienceOperations.Create)).Succeeded;

    /// <summary>May <paramref name="user"/> change the content now? Drafts for their owners, anything but a deleted one for the secretariat.</summary>
    public async Task<bool> CanEditAsync(ClaimsPrincipal user, Experience experience) =>
        experience.DeletedAt is null && (experience.IsEditableByAuthor || user.IsSecretariat())
        && (await auth.AuthorizeAsync(user, experience, ExperienceOperations.Edit)).Succeeded;

    /// <summary>The moves <paramref name="user"/> may make now.</summary>
    public async Task<IReadOnlyList<ExperienceAction>> ActionsAsync(ClaimsPrincipal user, Experience experience)
    {
        var actions = new List<ExperienceAction>();
        foreach (var action in ExperienceAction.All.Where(a => experience.Allows(a.Transition)))
        {
            if ((await auth.AuthorizeAsync(user, experience, action.Operation)).Succeeded)
            {
                actions.Add(action);
            }
        }

        return actions;
    }

    /// <summary>The validation alone, so a form lists every problem at once.</summary>
    public async Task<List<FieldError>> CheckAsync(ExperienceInput input)
    {
        var errors = ExperienceValidation.Check(input, await ReferenceCodes.LoadAsync(db, cache));
        if (input.InitiativeId is { } initiative && !await db.Initiatives.AnyAsync(i => i.Id == initiative))
        {
            errors.Add(new FieldError("initiativeId", "experience.initiative-unknown"));
        }

        return errors;
    }

    public async Task<ExperienceOutcome> CreateAsync(ClaimsPrincipal user, ExperienceInput? input)
    {
        if (!await CanCreateAsync(user))
        {
            return ExperienceOutcome.Forbidden;
        }

        if (input is null)
        {
            return ExperienceOutcome.Invalid(new FieldError("body", "body.required"));
        }

        var actor = await ActorAsync(user);
        var state = actor.Role switch
        {
            ExperienceAuthorRole.FocalPoint => actor.State,
            ExperienceAuthorRole.Secretariat => string.IsNullOrWhiteSpace(input.State) ? null : input.State.Trim().ToUpperInvariant(),
            _ => null,
        };
        var errors = await CheckAsync(input);
        if (state is not null && !(await ReferenceCodes.LoadAsync(db, cache)).States.Contains(state))
        {
            errors.Add(new FieldError("state", "state.unknown", state));
        }

        if (errors.Count > 0)
        {
            return new ExperienceOutcome(EntryRefusal.Invalid, Errors: errors);
        }

        var experience = ExperienceWriter.Create(input, actor, state, clock.GetUtcNow());
        db.Experiences.Add(experience);
        await db.SaveChangesAsync();
        return ExperienceOutcome.Done(experience);
    }

    public async Task<ExperienceOutcome> UpdateAsync(ClaimsPrincipal user, Guid id, ExperienceInput? input)
    {
        var (experience, refusal) = await EditableAsync(user, id);
        if (experience is null)
        {
            return refusal!;
        }

        if (input is null)
        {
            return ExperienceOutcome.Invalid(new FieldError("body", "body.required"));
        }

        var errors = await CheckAsync(input);
        if (errors.Count > 0)
        {
            return new ExperienceOutcome(EntryRefusal.Invalid, Errors: errors);
        }

        ExperienceWriter.Apply(experience, input, await ActorAsync(user), clock.GetUtcNow());
        await db.SaveChangesAsync();
        return ExperienceOutcome.Done(experience);
    }

    public async Task<ExperienceOutcome> MoveAsync(ClaimsPrincipal user, Guid id, ExperienceAction action, string? comment)
    {
        var experience = await LoadAsync(id, tracking: true, includeDeleted: action.Transition == ExperienceTransition.Restore && user.IsSecretariat());
        if (experience is null || !await VisibleAsync(user, experience))
        {
            return ExperienceOutcome.NotFound;
        }

        if (!(await auth.AuthorizeAsync(user, experience, action.Operation)).Succeeded)
        {
            return ExperienceOutcome.Forbidden;
        }

        var error = action.Apply(experience, clock.GetUtcNow(), comment);
        if (error == ExperienceError.CommentRequired)
        {
            return ExperienceOutcome.Invalid(new FieldError("comment", "required"));
        }

        if (error is not null)
        {
            return ExperienceOutcome.Refused(error);
        }

        await db.SaveChangesAsync();
        return ExperienceOutcome.Done(experience);
    }

    /// <summary>Adds an image: checked by content, scaled down and re-encoded; its description is required. Nothing is stored when it is refused.</summary>
    public async Task<ExperienceOutcome> AddImageAsync(ClaimsPrincipal user, Guid id, IFormFile? file, string? altText, CancellationToken ct = default)
    {
        var (experience, refusal) = await EditableAsync(user, id);
        if (experience is null)
        {
            return refusal!;
        }

        var errors = new List<FieldError>();
        var alt = altText?.Trim() ?? string.Empty;
        if (alt.Length == 0)
        {
            errors.Add(new FieldError("altText", "experience.alt-required"));
        }
        else if (alt.Length > ExperienceImage.AltMax)
        {
            errors.Add(new FieldError("altText", "length", 1, ExperienceImage.AltMax));
        }

        var content = await ReadAsync(file, ExperienceImage.MaxBytes, errors, ct);
        ProcessedImage? image = null;
        if (content is not null)
        {
            image = ExperienceImages.Process(content);
            if (image is null)
            {
                errors.Add(new FieldError("file", "experience.image-type"));
            }
        }

        if (errors.Count == 0 && await db.ExperienceImages.CountAsync(i => i.ExperienceId == id && i.RemovedAt == null, ct) >= MaxImages)
        {
            errors.Add(new FieldError("file", "too-many", MaxImages));
        }

        if (errors.Count > 0 || image is null)
        {
            return new ExperienceOutcome(EntryRefusal.Invalid, Errors: errors);
        }

        var now = clock.GetUtcNow();
        var stored = new ExperienceImage
        {
            Id = Guid.CreateVersion7(now),
            ExperienceId = id,
            AltText = alt,
            ContentType = image.ContentType,
            Width = image.Width,
            Height = image.Height,
            Size = image.Content.Length,
            Content = image.Content,
            UploadedAt = now,
        };
        db.ExperienceImages.Add(stored);
        experience.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return ExperienceOutcome.Done(experience, stored.Id);
    }

    /// <summary>Attaches a PDF, checked by its content like the catalog's attachments.</summary>
    public async Task<ExperienceOutcome> AddAttachmentAsync(ClaimsPrincipal user, Guid id, IFormFile? file, CancellationToken ct = default)
    {
        var (experience, refusal) = await EditableAsync(user, id);
        if (experience is null)
        {
            return refusal!;
        }

        var errors = new List<FieldError>();
        var content = await ReadAsync(file, EntryAttachment.MaxBytes, errors, ct);
        if (content is not null && !EntryAttachment.IsPdf(content))
        {
            errors.Add(new FieldError("file", "file.pdf"));
        }

        if (errors.Count == 0 && await db.ExperienceAttachments.CountAsync(a => a.ExperienceId == id && a.RemovedAt == null, ct) >= MaxAttachments)
        {
            errors.Add(new FieldError("file", "too-many", MaxAttachments));
        }

        if (errors.Count > 0 || content is null)
        {
            return new ExperienceOutcome(EntryRefusal.Invalid, Errors: errors);
        }

        var now = clock.GetUtcNow();
        var attachment = new ExperienceAttachment
        {
            Id = Guid.CreateVersion7(now),
            ExperienceId = id,
            FileName = Domain.UploadedFiles.CleanName(file!.FileName),
            Size = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Content = content,
            UploadedAt = now,
        };
        db.ExperienceAttachments.Add(attachment);
        experience.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return ExperienceOutcome.Done(experience, attachment.Id);
    }

    /// <summary>Takes an image or a file off the experience; it is kept (RemovedAt), as a deleted experience is.</summary>
    public async Task<ExperienceOutcome> RemoveFileAsync(ClaimsPrincipal user, Guid id, Guid fileId, CancellationToken ct = default)
    {
        var (experience, refusal) = await EditableAsync(user, id);
        if (experience is null)
        {
            return refusal!;
        }

        var now = clock.GetUtcNow();
        var image = await db.ExperienceImages.FirstOrDefaultAsync(i => i.Id == fileId && i.ExperienceId == id && i.RemovedAt == null, ct);
        var attachment = image is null ? await db.ExperienceAttachments.FirstOrDefaultAsync(a => a.Id == fileId && a.ExperienceId == id && a.RemovedAt == null, ct) : null;
        if (image is null && attachment is null)
        {
            return ExperienceOutcome.NotFound;
        }

        if (image is not null)
        {
            image.RemovedAt = now;
        }
        else
        {
            attachment!.RemovedAt = now;
        }

        experience.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return ExperienceOutcome.Done(experience, fileId);
    }

    /// <summary>An image of an experience the user may see.</summary>
    public async Task<ExperienceImage?> ImageAsync(ClaimsPrincipal user, Guid id, Guid imageId, CancellationToken ct = default) =>
        await ReadAsync(user, id) is null ? null
        : await db.ExperienceImages.AsNoTracking().FirstOrDefaultAsync(i => i.Id == imageId && i.ExperienceId == id && i.RemovedAt == null, ct);

    /// <summary>A PDF of an experience the user may see.</summary>
    public async Task<ExperienceAttachment?> AttachmentAsync(ClaimsPrincipal user, Guid id, Guid attachmentId, CancellationToken ct = default) =>
        await ReadAsync(user, id) is null ? null
        : await db.ExperienceAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.ExperienceId == id && a.RemovedAt == null, ct);

    /// <summary>The images and files of an experience, oldest first, without their content.</summary>
    public async Task<ExperienceFiles> FilesAsync(Guid id, CancellationToken ct = default)
    {
        var images = await db.ExperienceImages.AsNoTracking().Where(i => i.ExperienceId == id && i.RemovedAt == null)
            .Select(i => new ImageView(i.Id, i.AltText, i.ContentType, i.Width, i.Height, i.Size, i.UploadedAt, string.Empty)).ToListAsync(ct);
        var files = await db.ExperienceAttachments.AsNoTracking().Where(a => a.ExperienceId == id && a.RemovedAt == null)
            .Select(a => new FileView(a.Id, a.FileName, a.Size, a.Sha256, a.UploadedAt, string.Empty)).ToListAsync(ct);
        return new ExperienceFiles(
            [.. images.OrderBy(i => i.UploadedAt).Select(i => i with { Link = ExperienceRoutes.Image(id, i.Id) })],
            [.. files.OrderBy(f => f.UploadedAt).Select(f => f with { Link = ExperienceRoutes.Attachment(id, f.Id) })]);
    }

    /// <summary>The writer as recorded: id, display name, part and state.</summary>
    private async Task<ExperienceWriterActor> ActorAsync(ClaimsPrincipal user)
    {
        var id = ExperienceAuthors.IdOf(user) ?? Guid.Empty;
        var name = await db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefaultAsync();
        return new ExperienceWriterActor(
            id,
            string.IsNullOrWhiteSpace(name) ? user.Identity?.Name ?? "—" : name,
            ExperienceAuthors.RoleOf(user) ?? ExperienceAuthorRole.Secretariat,
            user.FocalPointState());
    }

    /// <summary>The tracked experience if the user may change it now; otherwise not found (cannot see it), forbidden, or a conflict (its status).</summary>
    private async Task<(Experience? Experience, ExperienceOutcome? Refusal)> EditableAsync(ClaimsPrincipal user, Guid id)
    {
        var experience = await LoadAsync(id, tracking: true, includeDeleted: false);
        if (experience is null || !await VisibleAsync(user, experience))
        {
            return (null, ExperienceOutcome.NotFound);
        }

        if (!(await auth.AuthorizeAsync(user, experience, ExperienceOperations.Edit)).Succeeded)
        {
            return (null, ExperienceOutcome.Forbidden);
        }

        return await CanEditAsync(user, experience) ? (experience, null) : (null, ExperienceOutcome.Refused(ExperienceError.NotEditable));
    }

    /// <summary>The same question as <see cref="ReadAsync"/>, on a loaded experience: a user never learns of one they may not see.</summary>
    private async Task<bool> VisibleAsync(ClaimsPrincipal user, Experience experience) =>
        experience.DeletedAt is not null ? user.IsSecretariat()
        : experience.Status == ExperienceStatus.Published || (await auth.AuthorizeAsync(user, experience, ExperienceOperations.Read)).Succeeded;

    private static async Task<byte[]?> ReadAsync(IFormFile? file, int maxBytes, List<FieldError> errors, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            errors.Add(new FieldError("file", "required"));
            return null;
        }

        if (file.Length > maxBytes)
        {
            errors.Add(new FieldError("file", "file.size", maxBytes / (1024 * 1024)));
            return null;
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    private Task<Experience?> LoadAsync(Guid id, bool tracking, bool includeDeleted)
    {
        IQueryable<Experience> query = db.Experiences.Include(e => e.Translations).Include(e => e.States).Include(e => e.Sectors).Include(e => e.Sdgs);
        if (!tracking)
        {
            query = query.AsNoTracking();
        }

        if (includeDeleted)
        {
            query = query.IgnoreQueryFilters();
        }

        return query.AsSplitQuery().FirstOrDefaultAsync(e => e.Id == id);
    }
}
