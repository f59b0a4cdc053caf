using System.Security.Claims;
using CooperaNet.Application.Catalog;
using CooperaNet.Application.Data;
using CooperaNet.Domain.Catalog;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CooperaNet.Web.Features.Catalog;

/// <summary>A life-cycle move by its API and form name, and who may make it.</summary>
public sealed record EntryAction(string Name, EntryTransition Transition, OperationAuthorizationRequirement Operation)
{
    public static IReadOnlyList<EntryAction> All { get; } =
    [
        new("submit", EntryTransition.Submit, CatalogOperations.Edit),
        new("withdraw", EntryTransition.Withdraw, CatalogOperations.Edit),
        new("close", EntryTransition.Close, CatalogOperations.Edit),
        new("delete", EntryTransition.Delete, CatalogOperations.Edit),
        new("publish", EntryTransition.Publish, CatalogOperations.Moderate),
        new("return", EntryTransition.Return, CatalogOperations.Moderate),
        new("restore", EntryTransition.Restore, CatalogOperations.Moderate),
    ];

    public static EntryAction Of(EntryTransition transition) => All.First(a => a.Transition == transition);

    public static EntryAction? Find(string? name) => All.FirstOrDefault(a => a.Name == name);

    internal EntryError? Apply(CatalogEntry entry, DateTimeOffset at, string? comment) => Transition switch
    {
        EntryTransition.Submit => entry.Submit(at),
        EntryTransition.Withdraw => entry.Withdraw(at),
        EntryTransition.Close => entry.Close(at),
        EntryTransition.Delete => entry.Delete(at),
        EntryTransition.Publish => entry.Publish(at),
        EntryTransition.Return => entry.Return(comment ?? string.Empty, at),
        _ => entry.Restore(at),
    };
}

public enum EntryRefusal
{
    None,
    NotFound,
    Forbidden,
    Invalid,
    Conflict,
}

/// <summary>What a write did: the entry, or why it was refused. The API and the pages each map it once.</summary>
public sealed record EntryOutcome(EntryRefusal Refusal, CatalogEntry? Entry = null, IReadOnlyList<FieldError>? Errors = null, EntryError? Conflict = null)
{
    public static readonly EntryOutcome NotFound = new(EntryRefusal.NotFound);

    public static readonly EntryOutcome Forbidden = new(EntryRefusal.Forbidden);

    public static EntryOutcome Done(CatalogEntry entry) => new(EntryRefusal.None, entry);

    public static EntryOutcome Invalid(IReadOnlyList<FieldError> errors) => new(EntryRefusal.Invalid, Errors: errors);

    public static EntryOutcome Refused(EntryError error) => new(EntryRefusal.Conflict, Conflict: error);
}

/// <summary>
/// Reading and writing one entry with the catalog's rules: who may, what is valid, which move is
/// allowed. The API endpoints and the pages both go through here.
/// </summary>
public sealed class EntryCommands(CooperaNetDbContext db, IMemoryCache cache, IAuthorizationService auth, TimeProvider clock, CatalogListCache lists)
{
    /// <summary>
    /// The entry if <paramref name="user"/> may see it: published ones for all, others for their state
    /// and the secretariat, deleted ones (when asked for) for the secretariat only.
    /// </summary>
    public async Task<CatalogEntry?> ReadAsync(ClaimsPrincipal user, Guid id, EntryKind? kind, bool includeDeleted = false)
    {
        var entry = await LoadAsync(id, kind, tracking: false, includeDeleted);
        if (entry is null)
        {
            return null;
        }

        var operation = entry.DeletedAt is not null ? CatalogOperations.Moderate
            : entry.Status != EntryStatus.Published ? CatalogOperations.Read
            : null;
        return operation is null || (await auth.AuthorizeAsync(user, entry, operation)).Succeeded ? entry : null;
    }

    /// <summary>The validation alone: a form that cannot be saved yet still lists every problem at once.</summary>
    public async Task<List<FieldError>> CheckAsync(EntryInput input) =>
        EntryValidation.Check(input, await ReferenceCodes.LoadAsync(db, cache), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));

    /// <summary>The moves <paramref name="user"/> may make on <paramref name="entry"/> now.</summary>
    public async Task<IReadOnlyList<EntryAction>> ActionsAsync(ClaimsPrincipal user, CatalogEntry entry)
    {
        var actions = new List<EntryAction>();
        foreach (var action in EntryAction.All.Where(a => entry.Allows(a.Transition)))
        {
            if ((await auth.AuthorizeAsync(user, entry, action.Operation)).Succeeded)
            {
                actions.Add(action);
            }
        }

        return actions;
    }

    /// <summary>The member states <paramref name="user"/> may create entries for: a focal point's own, every one for the secretariat.</summary>
    public async Task<IReadOnlyList<string>> CreatableStatesAsync(ClaimsPrincipal user)
    {
        var states = new List<string>();
        foreach (var state in (await ReferenceCodes.LoadAsync(db, cache)).States.Order(StringComparer.Ordinal))
        {
            if ((await auth.AuthorizeAsync(user, new StateCatalog(state), CatalogOperations.Create)).Succeeded)
            {
                states.Add(state);
            }
        }

        return states;
    }

    /// <summary>May <paramref name="user"/> change the entry's content now? Drafts for their state, anything for the secretariat.</summary>
    public async Task<bool> CanEditAsync(ClaimsPrincipal user, CatalogEntry entry) =>
        entry.DeletedAt is null && (entry.IsEditableByState || user.IsSecretariat()) && (await auth.AuthorizeAsync(user, entry, CatalogOperations.Edit)).Succeeded;

    /// <summary>The state a new entry of <paramref name="user"/> belongs to: a focal point's own, or the one the secretariat names.</summary>
    public static string? StateFor(ClaimsPrincipal user, EntryInput input) =>
        user.IsSecretariat() ? input.State?.Trim().ToUpperInvariant() : user.FocalPointState();

    public async Task<EntryOutcome> CreateAsync(ClaimsPrincipal user, EntryKind kind, EntryInput? input)
    {
        if (input is null)
        {
            return EntryOutcome.Invalid([new FieldError("body", "body.required")]);
        }

        var state = StateFor(user, input);
        if (string.IsNullOrEmpty(state))
        {
            return user.IsSecretariat() ? EntryOutcome.Invalid([new FieldError("state", "required")]) : EntryOutcome.Forbidden;
        }

        var codes = await ReferenceCodes.LoadAsync(db, cache);
        if (!codes.States.Contains(state))
        {
            return EntryOutcome.Invalid([new FieldError("state", "state.unknown", state)]);
        }

        if (!(await auth.AuthorizeAsync(user, new StateCatalog(state), CatalogOperations.Create)).Succeeded)
        {
            return EntryOutcome.Forbidden;
        }

        var now = clock.GetUtcNow();
        var errors = EntryValidation.Check(input, codes, DateOnly.FromDateTime(now.UtcDateTime));
        if (errors.Count > 0)
        {
            return EntryOutcome.Invalid(errors);
        }

        var entry = EntryWriter.Create(kind, state, input, codes, now, bySecretariat: user.IsSecretariat());
        db.Entries.Add(entry);
        await db.SaveChangesAsync();
        lists.ClearIfPublic(entry, wasPublic: false);
        return EntryOutcome.Done(entry);
    }

    public async Task<EntryOutcome> UpdateAsync(ClaimsPrincipal user, Guid id, EntryKind? kind, EntryInput? input)
    {
        var entry = await LoadAsync(id, kind, tracking: true, includeDeleted: false);
        if (entry is null)
        {
            return EntryOutcome.NotFound;
        }

        if (!(await auth.AuthorizeAsync(user, entry, CatalogOperations.Edit)).Succeeded)
        {
            return EntryOutcome.Forbidden;
        }

        if (input is null)
        {
            return EntryOutcome.Invalid([new FieldError("body", "body.required")]);
        }

        if (!entry.IsEditableByState && !user.IsSecretariat())
        {
            return EntryOutcome.Refused(EntryError.NotEditable);
        }

        var codes = await ReferenceCodes.LoadAsync(db, cache);
        var now = clock.GetUtcNow();
        var errors = EntryValidation.Check(input, codes, DateOnly.FromDateTime(now.UtcDateTime));
        if (errors.Count > 0)
        {
            return EntryOutcome.Invalid(errors);
        }

        var wasPublic = CatalogListCache.IsPublic(entry);
        EntryWriter.Apply(entry, input, codes, now, bySecretariat: user.IsSecretariat());
        await db.SaveChangesAsync();
        lists.ClearIfPublic(entry, wasPublic);
        return EntryOutcome.Done((CatalogEntry)entry);
    }

    public async Task<EntryOutcome> MoveAsync(ClaimsPrincipal user, Guid id, EntryKind? kind, EntryAction action, string? comment)
    {
        var entry = await LoadAsync(id, kind, tracking: true, includeDeleted: action.Transition == EntryTransition.Restore);
        if (entry is null)
        {
            return EntryOutcome.NotFound;
        }

        if (!(await auth.AuthorizeAsync(user, entry, action.Operation)).Succeeded)
        {
            return EntryOutcome.Forbidden;
        }

        var wasPublic = CatalogListCache.IsPublic(entry);
        var error = action.Apply(entry, clock.GetUtcNow(), comment);
        if (error == EntryError.CommentRequired)
        {
            return EntryOutcome.Invalid([new FieldError("comment", "required")]);
        }

        if (error is not null)
        {
            return EntryOutcome.Refused((EntryError)error);
        }

        entry.LastChangedBySecretariat = user.IsSecretariat();
        await db.SaveChangesAsync();
        lists.ClearIfPublic(entry, wasPublic);
        return EntryOutcome.Done(entry);
    }

    private Task<CatalogEntry?> LoadAsync(Guid id, EntryKind? kind, bool tracking, bool includeDeleted)
    {
        IQueryable<CatalogEntry> query = db.Entries.Include(e => e.Translations).Include(e => e.Sectors).Include(e => e.Sdgs);
        query = tracking ? query.Include(e => e.SearchTerms) : query.AsNoTracking();
        if (includeDeleted)
        {
            query = query.IgnoreQueryFilters();
        }

        if (kind is { } k)
        {
            query = query.Where(e => e.Kind == k);
        }

        return query.AsSplitQuery().FirstOrDefaultAsync(e => e.Id == id);
    }
}
