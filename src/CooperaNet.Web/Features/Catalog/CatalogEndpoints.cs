using System.Text.Json;
using CooperaNet.Application.Catalog;
using CooperaNet.Application.Data;
using CooperaNet.Domain;
using CooperaNet.Domain.Catalog;
using CooperaNet.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CooperaNet.Web.Features.Catalog;

/// <summary>Offers and demands: read by anyone when published, written by their state and the secretariat.</summary>
public static class CatalogEndpoints
{
    public static IEndpointRouteBuilder MapCatalogEndpoints(this IEndpointRouteBuilder routes)
    {
        foreach (var kind in new[] { EntryKind.Offer, EntryKind.Demand })
        {
            var plural = EntryKinds.NameOf(kind) + "s";
            var group = routes.MapGroup($"/api/v1/{plural}").WithTags(kind == EntryKind.Offer ? "Offers" : "Demands").AddEndpointFilter(ApiLanguage.Validate);
            var name = kind == EntryKind.Offer ? "Offer" : "Demand";

            group.MapGet("/", (HttpContext http, CooperaNetDbContext db, IMemoryCache cache, CatalogListCache lists, IStringLocalizer<Program> text, CancellationToken ct) => ListAsync(kind, http, db, cache, lists, text, ct))
                .WithName($"List{name}s").WithSummary($"Published {plural}: search (q), filters, sorting and paging; ?format=csv or xlsx downloads the list.")
                .Produces<EntryListView>().ProducesValidationProblem();
            group.MapGet("/{id:guid}", (Guid id, HttpContext http, CooperaNetDbContext db, IMemoryCache cache, IAuthorizationService auth, IStringLocalizer<Program> text) => GetAsync(kind, id, http, db, cache, auth, text))
                .WithName($"Get{name}").WithSummary($"One {EntryKinds.NameOf(kind)}.").Produces<EntryView>().ProducesProblem(404);

            var write = group.MapGroup("/").RequireAuthorization(Policies.SignedIn);
            write.MapPost("/", (EntryInput? input, HttpContext http, CooperaNetDbContext db, IMemoryCache cache, CatalogListCache lists, IAuthorizationService auth, TimeProvider clock, IStringLocalizer<Program> text) => CreateAsync(kind, input, http, db, cache, lists, auth, clock, text))
                .WithName($"Create{name}").WithSummary($"Create a draft {EntryKinds.NameOf(kind)} for your state (focal point) or any state (secretariat, with \"state\").")
                .Produces<EntryView>(201).ProducesValidationProblem().ProducesProblem(403);
            write.MapPut("/{id:guid}", (Guid id, EntryInput? input, HttpContext http, CooperaNetDbContext db, IMemoryCache cache, CatalogListCache lists, IAuthorizationService auth, TimeProvider clock, IStringLocalizer<Program> text) => UpdateAsync(kind, id, input, http, db, cache, lists, auth, clock, text))
                .WithName($"Update{name}").WithSummary($"Change a draft {EntryKinds.NameOf(kind)}.")
                .Produces<EntryView>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
            write.MapDelete("/{id:guid}", (Guid id, HttpContext http, CooperaNetDbContext db, IMemoryCache cache, CatalogListCache lists, IAuthorizationService auth, TimeProvider clock, IStringLocalizer<Program> text) =>
                    TransitionAsync(kind, id, CatalogOperations.Edit, (e, at) => e.Delete(at), http, db, cache, lists, auth, clock, text, includeDeleted: false))
                .WithName($"Delete{name}").WithSummary("Delete (the secretariat can restore it).").Produces<EntryView>().ProducesProblem(403).ProducesProblem(404);

            MapTransition(write, kind, name, "submit", CatalogOperations.Edit, (e, at, _) => e.Submit(at));
            MapTransition(write, kind, name, "withdraw", CatalogOperations.Edit, (e, at, _) => e.Withdraw(at));
            MapTransition(write, kind, name, "close", CatalogOperations.Edit, (e, at, _) => e.Close(at));
            MapTransition(write, kind, name, "publish", CatalogOperations.Moderate, (e, at, _) => e.Publish(at));
            MapTransition(write, kind, name, "return", CatalogOperations.Moderate, (e, at, comment) => e.Return(comment ?? string.Empty, at));
            MapTransition(write, kind, name, "restore", CatalogOperations.Moderate, (e, at, _) => e.Restore(at), includeDeleted: true);
        }

        return routes;
    }

    private static void MapTransition(RouteGroupBuilder write, EntryKind kind, string name, string action, OperationAuthorizationRequirement operation,
        Func<CatalogEntry, DateTimeOffset, string?, EntryError?> move, bool includeDeleted = false)
    {
        write.MapPost($"/{{id:guid}}/{action}", (Guid id, ReturnInput? body, HttpContext http, CooperaNetDbContext db, IMemoryCache cache, CatalogListCache lists, IAuthorizationService auth, TimeProvider clock, IStringLocalizer<Program> text) =>
                TransitionAsync(kind, id, operation, (e, at) => move(e, at, body?.Comment), http, db, cache, lists, auth, clock, text, includeDeleted))
            .WithName($"{char.ToUpperInvariant(action[0])}{action[1..]}{name}")
            .WithSummary(action switch
            {
                "submit" => "Send a draft to the secretariat.",
                "withdraw" => "Take an entry back.",
                "close" => "Close a published entry.",
                "publish" => "Publish a submitted entry (secretariat).",
                "return" => "Return an entry to its state with a comment (secretariat): {\"comment\": \"...\"}.",
                _ => "Undo a deletion (secretariat).",
            })
            .Produces<EntryView>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
    }

    private static async Task<IResult> ListAsync(EntryKind kind, HttpContext http, CooperaNetDbContext db, IMemoryCache cache, CatalogListCache lists, IStringLocalizer<Program> text, CancellationToken ct)
    {
        var (filter, errors) = CatalogFilters.Parse(http.Request.Query, kind);
        if (errors.Count > 0)
        {
            return Problems.Validation(text, errors);
        }

        var lang = ApiLanguage.Of(http);
        var visible = VisibleStates(http.User);
        var format = http.Request.Query["format"].ToString();
        if (!string.IsNullOrEmpty(format))
        {
            return await CatalogExports.ExportAsync(format, filter, visible, db, cache, lang, text, ct);
        }

        // Published entries look the same to every reader: their lists may be shared.
        if (lists.Enabled && filter.Status is null or EntryStatus.Published)
        {
            var json = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var body = await lists.GetAsync($"{lang}|{JsonSerializer.Serialize(filter, json)}", async services => JsonSerializer.SerializeToUtf8Bytes(
                await ListViewAsync(services.GetRequiredService<CooperaNetDbContext>(), services.GetRequiredService<IMemoryCache>(), filter, visible, lang, CancellationToken.None), json));
            return TypedResults.Bytes(body, "application/json; charset=utf-8");
        }

        return TypedResults.Ok(await ListViewAsync(db, cache, filter, visible, lang, ct));
    }

    private static async Task<EntryListView> ListViewAsync(CooperaNetDbContext db, IMemoryCache cache, EntryFilter filter, IReadOnlyCollection<string>? visible, string lang, CancellationToken ct)
    {
        var page = await EntrySearch.PageAsync(db, filter, visible, ct);
        var names = await StateNamesAsync(db, cache, lang);
        return new EntryListView(lang, page.Total, page.Page, page.PageSize, page.Items.Select(e => EntryView.From(e, names[e.StateCode], lang)).ToList());
    }

    private static async Task<IResult> GetAsync(EntryKind kind, Guid id, HttpContext http, CooperaNetDbContext db, IMemoryCache cache, IAuthorizationService auth, IStringLocalizer<Program> text)
    {
        var entry = await Load(db, id, kind, tracking: false, includeDeleted: false);
        if (entry is null || (entry.Status != EntryStatus.Published && !(await auth.AuthorizeAsync(http.User, entry, CatalogOperations.Read)).Succeeded))
        {
            return Problems.NotFound(text);
        }

        var lang = ApiLanguage.Of(http);
        return TypedResults.Ok(EntryView.From(entry, (await StateNamesAsync(db, cache, lang))[entry.StateCode], lang));
    }

    private static async Task<IResult> CreateAsync(EntryKind kind, EntryInput? input, HttpContext http, CooperaNetDbContext db, IMemoryCache cache, CatalogListCache lists, IAuthorizationService auth, TimeProvider clock, IStringLocalizer<Program> text)
    {
        if (input is null)
        {
            return Problems.Validation(text, [new FieldError("body", "body.required")]);
        }

        var user = http.User;
        var state = user.IsSecretariat() ? input.State?.Trim().ToUpperInvariant() : user.FocalPointState();
        if (state is null)
        {
            return user.IsSecretariat()
                ? Problems.Validation(text, [new FieldError("state", "required")])
                : Problems.Forbidden(text);
        }

        var codes = await ReferenceCodes.LoadAsync(db, cache);
        if (!codes.States.Contains(state))
        {
            return Problems.Validation(text, [new FieldError("state", "state.unknown", state)]);
        }

        if (!(await auth.AuthorizeAsync(user, new StateCatalog(state), CatalogOperations.Create)).Succeeded)
        {
            return Problems.Forbidden(text);
        }

        var now = clock.GetUtcNow();
        var errors = EntryValidation.Check(input, codes, DateOnly.FromDateTime(now.UtcDateTime));
        if (errors.Count > 0)
        {
            return Problems.Validation(text, errors);
        }

        var entry = EntryWriter.Create(kind, state, input, codes, now, bySecretariat: user.IsSecretariat());
        db.Entries.Add(entry);
        await db.SaveChangesAsync();
        lists.Clear();
        var lang = ApiLanguage.Of(http);
        var view = EntryView.From(entry, (await StateNamesAsync(db, cache, lang))[state], lang);
        return TypedResults.Created(view.Links.Self, view);
    }

    private static async Task<IResult> UpdateAsync(EntryKind kind, Guid id, EntryInput? input, HttpContext http, CooperaNetDbContext db, IMemoryCache cache, CatalogListCache lists, IAuthorizationService auth, TimeProvider clock, IStringLocalizer<Program> text)
    {
        var entry = await Load(db, id, kind, tracking: true, includeDeleted: false);
        if (entry is null)
        {
            return Problems.NotFound(text);
        }

        if (!(await auth.AuthorizeAsync(http.User, entry, CatalogOperations.Edit)).Succeeded)
        {
            return Problems.Forbidden(text);
        }

        if (input is null)
        {
            return Problems.Validation(text, [new FieldError("body", "body.required")]);
        }

        if (!entry.IsEditableByState && !http.User.IsSecretariat())
        {
            return Problems.Conflict(text, EntryError.NotEditable);
        }

        var codes = await ReferenceCodes.LoadAsync(db, cache);
        var now = clock.GetUtcNow();
        var errors = EntryValidation.Check(input, codes, DateOnly.FromDateTime(now.UtcDateTime));
        if (errors.Count > 0)
        {
            return Problems.Validation(text, errors);
        }

        EntryWriter.Apply(entry, input, codes, now, bySecretariat: http.User.IsSecretariat());
        await db.SaveChangesAsync();
        lists.Clear();
        var lang = ApiLanguage.Of(http);
        return TypedResults.Ok(EntryView.From(entry, (await StateNamesAsync(db, cache, lang))[entry.StateCode], lang));
    }

    private static async Task<IResult> TransitionAsync(EntryKind kind, Guid id, OperationAuthorizationRequirement operation, Func<CatalogEntry, DateTimeOffset, EntryError?> move,
        HttpContext http, CooperaNetDbContext db, IMemoryCache cache, CatalogListCache lists, IAuthorizationService auth, TimeProvider clock, IStringLocalizer<Program> text, bool includeDeleted)
    {
        var entry = await Load(db, id, kind, tracking: true, includeDeleted);
        if (entry is null)
        {
            return Problems.NotFound(text);
        }

        if (!(await auth.AuthorizeAsync(http.User, entry, operation)).Succeeded)
        {
            return Problems.Forbidden(text);
        }

        var now = clock.GetUtcNow();
        var error = move(entry, now);
        if (error == EntryError.CommentRequired)
        {
            return Problems.Validation(text, [new FieldError("comment", "required")]);
        }

        if (error is not null)
        {
            return Problems.Conflict(text, error);
        }

        entry.LastChangedBySecretariat = http.User.IsSecretariat();
        await db.SaveChangesAsync();
        lists.Clear();
        var lang = ApiLanguage.Of(http);
        return TypedResults.Ok(EntryView.From(entry, (await StateNamesAsync(db, cache, lang))[entry.StateCode], lang));
    }

    private static Task<CatalogEntry?> Load(CooperaNetDbContext db, Guid id, EntryKind kind, bool tracking, bool includeDeleted)
    {
        IQueryable<CatalogEntry> query = db.Entries.Include(e => e.Translations).Include(e => e.Sectors).Include(e => e.Sdgs);
        if (tracking)
        {
            query = query.Include(e => e.SearchTerms);
        }
        else
        {
            query = query.AsNoTracking();
        }

        if (includeDeleted)
        {
            query = query.IgnoreQueryFilters();
        }

        return query.AsSplitQuery().FirstOrDefaultAsync(e => e.Id == id && e.Kind == kind);
    }

    /// <summary>Statuses other than published: all states for the secretariat, its own for a focal point, none for others.</summary>
    internal static IReadOnlyCollection<string> VisibleStatesFor(System.Security.Claims.ClaimsPrincipal user) => VisibleStates(user) ?? [];

    private static IReadOnlyCollection<string>? VisibleStates(System.Security.Claims.ClaimsPrincipal user) =>
        user.IsSecretariat() ? null : user.FocalPointState() is { } state ? [state] : [];

    internal static async Task<IReadOnlyDictionary<string, string>> StateNamesAsync(CooperaNetDbContext db, IMemoryCache cache, string lang) =>
        (await cache.GetOrCreateAsync($"state-names:{lang}", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5);
            var states = await db.MemberStates.AsNoTracking().ToListAsync();
            return (IReadOnlyDictionary<string, string>)states.ToDictionary(s => s.Code, s => s.Name.Resolve(lang).Text);
        }))!;
}
