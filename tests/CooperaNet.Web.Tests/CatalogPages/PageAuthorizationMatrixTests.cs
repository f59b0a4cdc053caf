using System.Net;
using CooperaNet.Application.Auditing;
using CooperaNet.Application.Identity;
using CooperaNet.Domain.Catalog;
using CooperaNet.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CooperaNet.Web.Tests.CatalogPages.PageAuthorizationMatrixTests.Outcome;
using static CooperaNet.Web.Tests.Support.EntryBuilder;

namespace CooperaNet.Web.Tests.CatalogPages;

/// <summary>
/// Every catalog page and handler, tried by every kind of user on a fresh entry of Colombia's in each
/// status (Argentina's focal point plays "another state"). The table below is the rule: one row per
/// page or handler and status, one column per user. Pages never reveal an entry the user may not see
/// (404, as its own page answers); one they see but may not change is 403; a move the entry's status
/// does not allow is 409. Every write that is allowed changes the database and is audited under its
/// actor, the secretariat's as on the state's behalf; every refused one changes nothing.
/// </summary>
public sealed class PageAuthorizationMatrixTests(PageMatrixHost host) : IClassFixture<PageMatrixHost>
{
    /// <summary>What the page answers.</summary>
    public enum Outcome
    {
        /// <summary>200, showing the entry (or the page, when there is no entry).</summary>
        Ok,

        /// <summary>200, the list shows the entry.</summary>
        Listed,

        /// <summary>200, the list does not show the entry.</summary>
        Unlisted,

        /// <summary>200, a confirmation panel for the move; nothing changed yet.</summary>
        Asks,

        /// <summary>Redirect to the sign-in page.</summary>
        SignIn,

        /// <summary>Redirect to set up two-step verification (the secretariat without it).</summary>
        TwoFactor,

        /// <summary>Redirect to the access-denied page (a page behind a role policy).</summary>
        Denied,

        Forbidden,
        NotFound,
        Conflict,
        Invalid,

        /// <summary>Redirect after the change, which is saved and audited.</summary>
        Done,
    }

    private enum Verb
    {
        Get,
        Post,
    }

    /// <summary>One page or handler; <paramref name="Arrange"/> makes the case of a row that is not about a catalog entry.</summary>
    private sealed record Row(string Name, Stage? Stage, Verb Verb, Func<Case, string> Path, Func<Case, Dictionary<string, string>>? Fields, Outcome[] Expected, Func<PageMatrixHost, string, Task<Case>>? Arrange = null);

    /// <summary>
    /// What one row's request is about: its entry (if any), with a word found in no other entry's title; or, for the
    /// partner link, the partner user (<paramref name="Id"/>) and the organisation to link them to.
    /// </summary>
    public sealed record Case(Guid Id, string Title, string Word, Guid Organisation = default);

    private static readonly Row[] Table =
    [
        // Page or handler, status, request                                                           Anonymous  Expert     Partner    WorkGroup  OtherState OwnState   Secretar.  Secr.no2FA
        Get("GET catalog", null, Catalog,                                                            [Ok,        Ok,        Ok,        Ok,        Ok,        Ok,        Ok,        TwoFactor]),
        Get("GET catalog search", Stage.Published, Search,                                           [Listed,    Listed,    Listed,    Listed,    Listed,    Listed,    Listed,    TwoFactor]),
        Get("GET catalog search", Stage.Draft, SearchDrafts,                                         [Unlisted,  Unlisted,  Unlisted,  Unlisted,  Unlisted,  Listed,    Listed,    TwoFactor]),
        Get("GET state page", Stage.Published, StatePage,                                            [Listed,    Listed,    Listed,    Listed,    Listed,    Listed,    Listed,    TwoFactor]),
        Get("GET state page", Stage.Draft, StatePage,                                                [Unlisted,  Unlisted,  Unlisted,  Unlisted,  Unlisted,  Unlisted,  Unlisted,  TwoFactor]),
        Get("GET admin users", null, AdminUsers,                                                     [SignIn,    Denied,    Denied,    Denied,    Denied,    Denied,    Ok,        TwoFactor]),
        Get("GET new entry", null, New,                                                              [SignIn,    Forbidden, Forbidden, Forbidden, Ok,        Ok,        Ok,        TwoFactor]),
        Post("POST new entry", null, New, NewOffer,                                                  [SignIn,    Forbidden, Forbidden, Forbidden, Done,      Done,      Done,      TwoFactor]),
        Post("POST new entry suggest", null, NewSuggest, NewOffer,                                   [SignIn,    Forbidden, Forbidden, Forbidden, Ok,        Ok,        Ok,        TwoFactor]),

        Get("GET entry", Stage.Draft, EntryPath,                                                     [NotFound,  NotFound,  NotFound,  NotFound,  NotFound,  Ok,        Ok,        TwoFactor]),
        Get("GET entry", Stage.Submitted, EntryPath,                                                 [NotFound,  NotFound,  NotFound,  NotFound,  NotFound,  Ok,        Ok,        TwoFactor]),
        Get("GET entry", Stage.Published, EntryPath,                                                 [Ok,        Ok,        Ok,        Ok,        Ok,        Ok,        Ok,        TwoFactor]),
        Get("GET entry", Stage.Returned, EntryPath,                                                  [NotFound,  NotFound,  NotFound,  NotFound,  NotFound,  Ok,        Ok,        TwoFactor]),
        Get("GET entry", Stage.Withdrawn, EntryPath,                                                 [NotFound,  NotFound,  NotFound,  NotFound,  NotFound,  Ok,        Ok,        TwoFactor]),
        Get("GET entry", Stage.Closed, EntryPath,                                                    [NotFound,  NotFound,  NotFound,  NotFound,  NotFound,  Ok,        Ok,        TwoFactor]),
        Get("GET entry", Stage.Deleted, EntryPath,                                                   [NotFound,  NotFound,  NotFound,  NotFound,  NotFound,  NotFound,  Ok,        TwoFactor]),

        Get("GET edit", Stage.Draft, EditPath,                                                       [SignIn,    NotFound,  NotFound,  NotFound,  NotFound,  Ok,        Ok,        TwoFactor]),
        Get("GET edit", Stage.Submitted, EditPath,                                                   [SignIn,    NotFound,  NotFound,  NotFound,  NotFound,  Conflict,  Ok,        TwoFactor]),
        Get("GET edit", Stage.Published, EditPath,                                                   [SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Conflict,  Ok,        TwoFactor]),
        Get("GET edit", Stage.Returned, EditPath,                                                    [SignIn,    NotFound,  NotFound,  NotFound,  NotFound,  Ok,        Ok,        TwoFactor]),
        Get("GET edit", Stage.Withdrawn, EditPath,                                                   [SignIn,    NotFound,  NotFound,  NotFound,  NotFound,  Conflict,  Ok,        TwoFactor]),
        Get("GET edit", Stage.Closed, EditPath,                                                      [SignIn,    NotFound,  NotFound,  NotFound,  NotFound,  Conflict,  Ok,        TwoFactor]),
        Get("GET edit", Stage.Deleted, EditPath,                                                     [SignIn,    NotFound,  NotFound,  NotFound,  NotFound,  NotFound,  Conflict,  TwoFactor]),

        Post("POST edit", Stage.Draft, EditPath, Changed,                                            [SignIn,    NotFound,  NotFound,  NotFound,  NotFound,  Done,      Done,      TwoFactor]),
        Post("POST edit", Stage.Submitted, EditPath, Changed,                                        [SignIn,    NotFound,  NotFound,  NotFound,  NotFound,  Conflict,  Done,      TwoFactor]),
        Post("POST edit", Stage.Published, EditPath, Changed,                                        [SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Conflict,  Done,      TwoFactor]),
        Post("POST edit", Stage.Returned, EditPath, Changed,                                         [SignIn,    NotFound,  NotFound,  NotFound,  NotFound,  Done,      Done,      TwoFactor]),
        Post("POST edit", Stage.Withdrawn, EditPath, Changed,                                        [SignIn,    NotFound,  NotFound,  NotFound,  NotFound,  Conflict,  Done,      TwoFactor]),
        Post("POST edit", Stage.Closed, EditPath, Changed,                                           [SignIn,    NotFound,  NotFound,  NotFound,  NotFound,  Conflict,  Done,      TwoFactor]),
        Post("POST edit", Stage.Deleted, EditPath, Changed,                                          [SignIn,    NotFound,  NotFound,  NotFound,  NotFound,  NotFound,  Conflict,  TwoFactor]),

        Post("POST edit suggest", Stage.Draft, SuggestPath, Changed,                                 [SignIn,    NotFound,  NotFound,  NotFound,  NotFound,  Ok,        Ok,        TwoFactor]),
        Post("POST edit suggest", Stage.Submitted, SuggestPath, Changed,                             [SignIn,    NotFound,  NotFound,  NotFound,  NotFound,  Conflict,  Ok,        TwoFactor]),
        Post("POST edit suggest", Stage.Published, SuggestPath, Changed,                             [SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Conflict,  Ok,        TwoFactor]),
        Post("POST edit suggest", Stage.Deleted, SuggestPath, Changed,                               [SignIn,    NotFound,  NotFound,  NotFound,  NotFound,  NotFound,  Conflict,  TwoFactor]),

        Move("submit", Stage.Draft,                                                                  [SignIn,    NotFound,  NotFound,  NotFound,  NotFound,  Done,      Done,      TwoFactor]),
        Move("submit", Stage.Returned,                                                               [SignIn,    NotFound,  NotFound,  NotFound,  NotFound,  Done,      Done,      TwoFactor]),
        Move("submit", Stage.Published,                                                              [SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Conflict,  Conflict,  TwoFactor]),
        Move("submit", Stage.Deleted,                                                                [SignIn,    NotFound,  NotFound,  NotFound,  NotFound,  NotFound,  Conflict,  TwoFactor]),
        Move("publish", Stage.Submitted,                                                             [SignIn,    NotFound,  NotFound,  NotFound,  NotFound,  Forbidden, Done,      TwoFactor]),
        Move("publish", Stage.Draft,                                                                 [SignIn,    NotFound,  NotFound,  NotFound,  NotFound,  Forbidden, Conflict,  TwoFactor]),
        Move("return", Stage.Submitted,                                                              [SignIn,    NotFound,  NotFound,  NotFound,  NotFound,  Forbidden, Done,      TwoFactor]),
        Move("return", Stage.Published,                                                              [SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Done,      TwoFactor]),
        Post("POST return without a comment", Stage.Submitted, EntryPath, Transition("return"),      [SignIn,    NotFound,  NotFound,  NotFound,  NotFound,  Forbidden, Invalid,   TwoFactor]),
        Move("withdraw", Stage.Draft,                                                                [SignIn,    NotFound,  NotFound,  NotFound,  NotFound,  Done,      Done,      TwoFactor]),
        Move("withdraw", Stage.Submitted,                                                            [SignIn,    NotFound,  NotFound,  NotFound,  NotFound,  Done,      Done,      TwoFactor]),
        Move("withdraw", Stage.Published,                                                            [SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Done,      Done,      TwoFactor]),
        Move("withdraw", Stage.Closed,                                                               [SignIn,    NotFound,  NotFound,  NotFound,  NotFound,  Conflict,  Conflict,  TwoFactor]),
        Move("close", Stage.Published,                                                               [SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Done,      Done,      TwoFactor]),
        Move("close", Stage.Draft,                                                                   [SignIn,    NotFound,  NotFound,  NotFound,  NotFound,  Conflict,  Conflict,  TwoFactor]),
        Move("delete", Stage.Draft,                                                                  [SignIn,    NotFound,  NotFound,  NotFound,  NotFound,  Done,      Done,      TwoFactor]),
        Move("delete", Stage.Submitted,                                                              [SignIn,    NotFound,  NotFound,  NotFound,  NotFound,  Done,      Done,      TwoFactor]),
        Move("delete", Stage.Published,                                                              [SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Done,      Done,      TwoFactor]),
        Move("delete", Stage.Returned,                                                               [SignIn,    NotFound,  NotFound,  NotFound,  NotFound,  Done,      Done,      TwoFactor]),
        Move("delete", Stage.Withdrawn,                                                              [SignIn,    NotFound,  NotFound,  NotFound,  NotFound,  Done,      Done,      TwoFactor]),
        Move("delete", Stage.Closed,                                                                 [SignIn,    NotFound,  NotFound,  NotFound,  NotFound,  Done,      Done,      TwoFactor]),
        Move("delete", Stage.Deleted,                                                                [SignIn,    NotFound,  NotFound,  NotFound,  NotFound,  NotFound,  Conflict,  TwoFactor]),
        Move("restore", Stage.Deleted,                                                               [SignIn,    NotFound,  NotFound,  NotFound,  NotFound,  NotFound,  Done,      TwoFactor]),
        Move("restore", Stage.Published,                                                             [SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Conflict,  TwoFactor]),
        Post("POST an unknown move", Stage.Published, EntryPath, Transition("publish-twice"),        [SignIn,    Invalid,   Invalid,   Invalid,   Invalid,   Invalid,   Invalid,   TwoFactor]),

        Post("POST delete, not yet confirmed", Stage.Draft, EntryPath, Transition("delete"),         [SignIn,    NotFound,  NotFound,  NotFound,  NotFound,  Asks,      Asks,      TwoFactor]),
        Post("POST delete, not yet confirmed", Stage.Published, EntryPath, Transition("delete"),     [SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Asks,      Asks,      TwoFactor]),
        Post("POST withdraw, not yet confirmed", Stage.Published, EntryPath, Transition("withdraw"), [SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Asks,      Asks,      TwoFactor]),
        Post("POST withdraw, not yet confirmed", Stage.Closed, EntryPath, Transition("withdraw"),    [SignIn,    NotFound,  NotFound,  NotFound,  NotFound,  Conflict,  Conflict,  TwoFactor]),

        // The documents form: without a file the allowed users get the field's error, the others as above.
        Post("POST attach, no file", Stage.Draft, AttachPath, NoFields,                              [SignIn,    NotFound,  NotFound,  NotFound,  NotFound,  Invalid,   Invalid,   TwoFactor]),
        Post("POST attach, no file", Stage.Published, AttachPath, NoFields,                          [SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Conflict,  Invalid,   TwoFactor]),
        Post("POST attach, no file", Stage.Deleted, AttachPath, NoFields,                            [SignIn,    NotFound,  NotFound,  NotFound,  NotFound,  NotFound,  Conflict,  TwoFactor]),

        // The secretariat links a partner user to their organisation on the page of every account.
        new("POST admin users partner link", null, Verb.Post, AdminUsersPartner, PartnerLink,        [SignIn,    Denied,    Denied,    Denied,    Denied,    Denied,    Done,      TwoFactor], PartnerCaseAsync),
    ];

    public static TheoryData<string, Who, Outcome> Cases()
    {
        var data = new TheoryData<string, Who, Outcome>();
        foreach (var row in Table)
        {
            Assert.Equal(Enum.GetValues<Who>().Length, row.Expected.Length);
            foreach (var who in Enum.GetValues<Who>())
            {
                data.Add(Key(row), who, row.Expected[(int)who]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_page_and_handler_answers_each_user_as_the_table_says(string row, Who who, Outcome expected)
    {
        var line = Table.Single(r => Key(r) == row);
        var word = PageMatrixHost.Word();
        var title = "Riego tecnificado para pequeños productores " + word;
        var entry = line.Stage is { } stage ? await host.EntryAsync(stage, title) : null;
        var @case = line.Arrange is { } arrange ? await arrange(host, word) : new Case(entry?.Id ?? Guid.Empty, title, word);
        var session = await host.SessionAsync(who);
        var before = await SnapshotAsync(@case);

        using var response = line.Verb == Verb.Get
            ? await session.Browser.GetAsync(line.Path(@case))
            : await session.PostAsync(line.Path(@case), line.Fields!(@case));

        var body = await AccountClient.TextAsync(response);
        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        var status = $"{line.Verb} {line.Path(@case)} answered {(int)response.StatusCode} {location}";
        switch (expected)
        {
            case Ok or Listed:
                Assert.True(response.StatusCode == HttpStatusCode.OK, status);
                Assert.True(entry is null || body.Contains(title, StringComparison.Ordinal), "the page does not show the entry");
                break;
            case Unlisted:
                Assert.True(response.StatusCode == HttpStatusCode.OK, status);
                Assert.DoesNotContain(title, body, StringComparison.Ordinal);
                break;
            case Asks:
                Assert.True(response.StatusCode == HttpStatusCode.OK, status);
                Assert.Contains("<h3 id=\"confirm-title\" tabindex=\"-1\" autofocus>", body, StringComparison.Ordinal);
                Assert.Contains("<input type=\"hidden\" name=\"confirmed\" value=\"true\">", body, StringComparison.Ordinal);
                break;
            case SignIn:
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && location.StartsWith("/en/account/sign-in?ReturnUrl=", StringComparison.Ordinal), status);
                break;
            case TwoFactor:
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && location == "/en/account/profile#two-factor", status);
                break;
            case Denied:
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && location.StartsWith("/en/account/access-denied", StringComparison.Ordinal), status);
                break;
            case Done:
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && location.StartsWith(line.Arrange is null ? "/en/catalog" : "/en/admin/users", StringComparison.Ordinal), status);
                break;
            default:
                var code = expected switch
                {
                    Forbidden => HttpStatusCode.Forbidden,
                    NotFound => HttpStatusCode.NotFound,
                    Conflict => HttpStatusCode.Conflict,
                    _ => HttpStatusCode.BadRequest,
                };
                Assert.True(response.StatusCode == code, status);
                if (expected == NotFound)
                {
                    Assert.DoesNotContain(title, body, StringComparison.Ordinal);
                }

                break;
        }

        var after = await SnapshotAsync(@case);
        if (expected != Done)
        {
            Assert.Equal(before, after);
            return;
        }

        Assert.NotEqual(before, after);
        if (line.Arrange is not null)
        {
            Assert.Equal(@case.Organisation, after.Partner);
            await AssertUserAuditedAsync(@case, session, before.LastUserAudit);
            return;
        }

        await AssertAuditedAsync(@case, session, before.LastAudit);
    }

    /// <summary>
    /// What a write would change: the entry, the number of entries, the last audit record of an entry; for the partner
    /// link, the user's organisation and the last audit record of that user.
    /// </summary>
    private sealed record Snapshot(string? Entry, int Entries, long LastAudit, Guid? Partner, long LastUserAudit);

    private async Task<Snapshot> SnapshotAsync(Case @case)
    {
        await using var db = host.NewDbContext();
        var ct = TestContext.Current.CancellationToken;
        var entry = await db.Entries.IgnoreQueryFilters().AsNoTracking().Include(e => e.Sectors)
            .Where(e => e.Id == @case.Id)
            .Select(e => $"{e.Status} {e.Title} {e.DeletedAt} {e.UpdatedAt:O} {e.ReturnComment} {e.LastChangedBySecretariat} {string.Join(",", e.Sectors.Select(s => s.SectorCode))}")
            .SingleOrDefaultAsync(ct);
        var entries = await db.Entries.IgnoreQueryFilters().CountAsync(ct);
        var audit = await db.Set<AuditEntry>().Where(a => a.Entity == nameof(CatalogEntry)).MaxAsync(a => (long?)a.Id, ct) ?? 0;
        var partner = await db.Users.Where(u => u.Id == @case.Id).Select(u => u.PartnerOrganisationId).SingleOrDefaultAsync(ct);
        var key = @case.Id.ToString();
        var userAudit = await db.Set<AuditEntry>().Where(a => a.Entity == nameof(ApplicationUser) && a.EntityKey == key).MaxAsync(a => (long?)a.Id, ct) ?? 0;
        return new Snapshot(entry, entries, audit, partner, userAudit);
    }

    /// <summary>The partner link is recorded on the user's row under the secretariat's account.</summary>
    private async Task AssertUserAuditedAsync(Case @case, PageMatrixHost.Session session, long lastAuditBefore)
    {
        await using var db = host.NewDbContext();
        var key = @case.Id.ToString();
        var records = await db.Set<AuditEntry>().AsNoTracking()
            .Where(a => a.Entity == nameof(ApplicationUser) && a.EntityKey == key && a.Id > lastAuditBefore)
            .ToListAsync(TestContext.Current.CancellationToken);
        var record = Assert.Single(records);
        Assert.Equal(session.UserId, record.ActorId);
        Assert.Equal(session.Email, record.Actor);
        Assert.Equal("{\"PartnerOrganisationId\":null}", record.Before);
        Assert.Equal($"{{\"PartnerOrganisationId\":\"{@case.Organisation}\"}}", record.After);
    }

    /// <summary>The change is recorded under its actor; the secretariat's as made on the state's behalf.</summary>
    private async Task AssertAuditedAsync(Case @case, PageMatrixHost.Session session, long lastAuditBefore)
    {
        await using var db = host.NewDbContext();
        var ct = TestContext.Current.CancellationToken;
        var records = await db.Set<AuditEntry>().AsNoTracking()
            .Where(a => a.Entity == nameof(CatalogEntry) && a.Id > lastAuditBefore)
            .ToListAsync(ct);
        var record = Assert.Single(records);
        Assert.Equal(session.UserId, record.ActorId);
        Assert.Equal(session.Email, record.Actor);

        var id = @case.Id == Guid.Empty ? Guid.Parse(record.EntityKey) : @case.Id;
        Assert.Equal(id.ToString(), record.EntityKey);
        var entry = await db.Entries.IgnoreQueryFilters().AsNoTracking().SingleAsync(e => e.Id == id, ct);
        var bySecretariat = session.Who == Who.Secretariat;
        Assert.Equal(bySecretariat, entry.LastChangedBySecretariat);
        if (bySecretariat)
        {
            Assert.Contains("\"LastChangedBySecretariat\":true", record.After, StringComparison.Ordinal);
        }

        // A new entry belongs to the focal point's own state, whatever the form said; the secretariat names it.
        Assert.Equal(session.State ?? "CO", entry.StateCode);
    }

    private static string Key(Row row) => row.Stage is { } stage ? $"{row.Name} · {stage}" : row.Name;

    private static Row Get(string name, Stage? stage, Func<Case, string> path, Outcome[] expected) =>
        new(name, stage, Verb.Get, path, null, expected);

    private static Row Post(string name, Stage? stage, Func<Case, string> path, Func<Case, Dictionary<string, string>> fields, Outcome[] expected) =>
        new(name, stage, Verb.Post, path, fields, expected);

    /// <summary>A life-cycle button of the entry page; destructive moves confirmed, a return with its comment.</summary>
    private static Row Move(string transition, Stage stage, Outcome[] expected) =>
        Post($"POST {transition}", stage, EntryPath, _ => transition switch
        {
            "return" => new() { ["transition"] = transition, ["comment"] = "Please add the budget." },
            "delete" or "withdraw" => new() { ["transition"] = transition, ["confirmed"] = "true" },
            _ => new() { ["transition"] = transition },
        }, expected);

    private static string Catalog(Case c) => "/en/catalog";

    private static string Search(Case c) => $"/en/catalog?q={c.Word}";

    private static string SearchDrafts(Case c) => $"/en/catalog?q={c.Word}&status=draft";

    private static string StatePage(Case c) => "/en/states/CO";

    private static string AdminUsers(Case c) => "/en/admin/users";

    private static string AdminUsersPartner(Case c) => "/en/admin/users?handler=Partner";

    private static Dictionary<string, string> PartnerLink(Case c) => new() { ["userId"] = c.Id.ToString(), ["organisationId"] = c.Organisation.ToString() };

    /// <summary>A new partner user of no organisation, and a new organisation to link them to.</summary>
    private static async Task<Case> PartnerCaseAsync(PageMatrixHost host, string word)
    {
        var name = "Organización " + word;
        var organisation = await Partners.PartnerData.SaveAsync(host, name);
        var user = await host.CreateUserAsync($"linked-partner-{word}@example.org", Roles.Partner);
        return new Case(user.Id, name, word, organisation.Id);
    }

    private static string New(Case c) => "/en/catalog/new";

    private static string NewSuggest(Case c) => "/en/catalog/new?handler=Suggest";

    private static string EntryPath(Case c) => $"/en/catalog/{c.Id}";

    private static string AttachPath(Case c) => $"/en/catalog/{c.Id}?handler=Attach";

    private static Dictionary<string, string> NoFields(Case c) => [];

    private static string EditPath(Case c) => $"/en/catalog/{c.Id}/edit";

    private static string SuggestPath(Case c) => $"/en/catalog/{c.Id}/edit?handler=Suggest";

    /// <summary>The entry form with a new title (and, for a new entry, Colombia named as its state).</summary>
    private static Dictionary<string, string> Changed(Case c) => new()
    {
        ["Form.Kind"] = "offer",
        ["Form.State"] = "CO",
        ["Form.Language"] = "es",
        ["Form.Title"] = "Cambiado: " + c.Title,
        ["Form.Summary"] = "Acompañamiento a asociaciones de regantes durante una campaña agrícola.",
        ["Form.Description"] = "Diseño de sistemas por goteo.",
        ["Form.Sectors"] = "31140",
        ["Form.Sdgs"] = "2",
        ["Form.Modality"] = "technical-assistance",
        ["Form.WorkingLanguages"] = "es",
        ["Form.Institution"] = "Ministerio de Agricultura",
        ["Form.ContactName"] = "Ana Pérez",
        ["Form.ContactEmail"] = "ana.perez@example.gov",
    };

    private static Dictionary<string, string> NewOffer(Case c) => Changed(c);

    /// <summary>A life-cycle button's form as it is, without a comment or a confirmation.</summary>
    private static Func<Case, Dictionary<string, string>> Transition(string name) => _ => new() { ["transition"] = name };
}
