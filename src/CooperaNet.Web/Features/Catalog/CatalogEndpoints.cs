using System.Text.Json;
using CooperaNet.Application.Catalog;
using CooperaNet.Application.Data;
using CooperaNet.Domain.Catalog;
using CooperaNet.Web.Infrastructure;
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
                .AllowAnonymous().WithName($"List{name}s").WithSummary($"Published {plural}: search (q), filters, sorting and paging; ?format=csv or xlsx downloads the list.")
                .Produces<EntryListView>().ProducesValidationProblem();
            group.MapGet("/{id:guid}", (Guid id, HttpContext http, EntryCommands commands, CooperaNetDbContext db, IMemoryCache cache, CatalogListCache lists, IStringLocalizer<Program> text) => GetAsync(kind, id, http, commands, db, cache, lists, text))
                .AllowAnonymous().WithName($"Get{name}").WithSummary($"One {EntryKinds.NameOf(kind)}.").Produces<EntryView>().ProducesProblem(404);

            var write = group.MapGroup("/").RequireAuthorization(Policies.SignedIn);
            write.MapPost("/", async (EntryInput? input, HttpContext http, EntryCommands commands, CooperaNetDbContext db, IMemoryCache cache, IStringLocalizer<Program> text) =>
                    await ResultAsync(await commands.CreateAsync(http.User, kind, input), http, db, cache, text, created: true))
                .WithName($"Create{name}").WithSummary($"Create a draft {EntryKinds.NameOf(kind)} for your state (focal point) or any state (secretariat, with \"state\").")
                .Produces<EntryView>(201).ProducesValidationProblem().ProducesProblem(403);
            write.MapPut("/{id:guid}", async (Guid id, EntryInput? input, HttpContext http, EntryCommands commands, CooperaNetDbContext db, IMemoryCache cache, IStringLocalizer<Program> text) =>
                    await ResultAsync(await commands.UpdateAsync(http.User, id, kind, input), http, db, cache, text))
                .WithName($"Update{name}").WithSummary($"Change a draft {EntryKinds.NameOf(kind)}.")
                .Produces<EntryView>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
            write.MapDelete("/{id:guid}", async (Guid id, HttpContext http, EntryCommands commands, CooperaNetDbContext db, IMemoryCache cache, IStringLocalizer<Program> text) =>
                    await ResultAsync(await commands.MoveAsync(http.User, id, kind, EntryAction.Of(EntryTransition.Delete), comment: null), http, db, cache, text))
                .WithName($"Delete{name}").WithSummary("Delete (the secretariat can restore it).").Produces<EntryView>().ProducesProblem(403).ProducesProblem(404);

            foreach (var action in EntryAction.All.Where(a => a.Transition != EntryTransition.Delete))
            {
                MapTransition(write, kind, name, action);
            }
        }

        return routes;
    }

    private static void MapTransition(RouteGroupBuilder write, EntryKind kind, string name, EntryAction action)
    {
        write.MapPost($"/{{id:guid}}/{action.Name}", async (Guid id, ReturnInput? body, HttpContext http, EntryCommands commands, CooperaNetDbContext db, IMemoryCache cache, IStringLocalizer<Program> text) =>
                await ResultAsync(await commands.MoveAsync(http.User, id, kind, action, body?.Comment), http, db, cache, text))
            .WithName($"{char.ToUpperInvariant(action.Name[0])}{action.Name[1..]}{name}")
            .WithSummary(action.Transition switch
            {
                EntryTransition.Submit => "Send a draft to the secretariat.",
                EntryTransition.Withdraw => "Take an entry back.",
                EntryTransition.Close => "Close a published entry.",
                EntryTransition.Publish => "Publish a submitted entry (secretariat).",
                EntryTransition.Return => "Return an entry to its state with a comment (secretariat): {\"comment\": \"...\"}.",
                _ => "Undo a deletion (secretariat).",
            })
            .Produces<EntryView>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
    }

    private static async Task<IResult> ListAsync(EntryKind kind, HttpContext http, CooperaNetDbContext db, IMemoryCache cache, CatalogListCache lists, IStringLocalizer<Program> text, CancellationToken ct)
    {
        var (filter, errors) = CatalogFilters.Parse(http.Request.Query, kind, Today(http));
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
        var page = await EntrySearch.PageAsync(db, await ReferenceCodes.LoadAsync(db, cache), filter, visible, ct);
        var lookups = await CatalogLookups.LoadAsync(db, cache, lang);
        return new EntryListView(lang, page.Total, page.Page, page.PageSize, page.Items.Select(e => EntryView.From(e, lookups.StateName(e.StateCode), lang)).ToList());
    }

    private static async Task<IResult> GetAsync(EntryKind kind, Guid id, HttpContext http, EntryCommands commands, CooperaNetDbContext db, IMemoryCache cache, CatalogListCache lists, IStringLocalizer<Program> text)
    {
        if (lists.Enabled)
        {
            // A published entry reads the same for everyone: its JSON is shared like the lists. An empty
            // body stands for "not public" (a draft, another kind, no such entry): the reader's own rights decide.
            var lang = ApiLanguage.Of(http);
            var json = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var shared = await lists.GetAsync($"entry|{EntryKinds.NameOf(kind)}|{id}|{lang}", async services =>
            {
                var anyone = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());
                var published = await services.GetRequiredService<EntryCommands>().ReadAsync(anyone, id, kind);
                return published is null ? [] : JsonSerializer.SerializeToUtf8Bytes(
                    await ViewAsync(published, lang, services.GetRequiredService<CooperaNetDbContext>(), services.GetRequiredService<IMemoryCache>()), json);
            });
            if (shared.Length > 0)
            {
                return TypedResults.Bytes(shared, "application/json; charset=utf-8");
            }
        }

        var entry = await commands.ReadAsync(http.User, id, kind);
        return entry is null ? Problems.NotFound(text) : TypedResults.Ok(await ViewAsync(entry, http, db, cache));
    }

    /// <summary>The one place an <see cref="EntryOutcome"/> becomes an HTTP answer.</summary>
    private static async Task<IResult> ResultAsync(EntryOutcome outcome, HttpContext http, CooperaNetDbContext db, IMemoryCache cache, IStringLocalizer<Program> text, bool created = false)
    {
        switch (outcome.Refusal)
        {
            case EntryRefusal.NotFound:
                return Problems.NotFound(text);
            case EntryRefusal.Forbidden:
                return Problems.Forbidden(text);
            case EntryRefusal.Invalid:
                return Problems.Validation(text, outcome.Errors!);
            case EntryRefusal.Conflict:
                return Problems.Conflict(text, (EntryError)outcome.Conflict!);
            default:
                var entry = (CatalogEntry)outcome.Entry!;
                // A new entry has no files yet: nothing to read back.
                var view = await ViewAsync(entry, ApiLanguage.Of(http), db, cache, withFiles: !created);
                return created ? TypedResults.Created(view.Links.Self, view) : TypedResults.Ok(view);
        }
    }

    private static Task<EntryView> ViewAsync(CatalogEntry entry, HttpContext http, CooperaNetDbContext db, IMemoryCache cache) =>
        ViewAsync(entry, ApiLanguage.Of(http), db, cache);

    private static async Task<EntryView> ViewAsync(CatalogEntry entry, string lang, CooperaNetDbContext db, IMemoryCache cache, bool withFiles = true) =>
        EntryView.From(entry, (await CatalogLookups.LoadAsync(db, cache, lang)).StateName(entry.StateCode), lang, withFiles ? await AttachmentCommands.ListAsync(db, entry) : []);

    private static DateOnly Today(HttpContext http) =>
        DateOnly.FromDateTime(http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);

    /// <summary>Statuses other than published: all states (null) for the secretariat, its own for a focal point, none for others.</summary>
    internal static IReadOnlyCollection<string>? VisibleStates(System.Security.Claims.ClaimsPrincipal user) =>
        user.IsSecretariat() ? null : user.FocalPointState() is { } state ? [state] : [];

}
