using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CooperaNet.Web.Tests.CatalogPages;
using CooperaNet.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CooperaNet.Web.Tests.Partners.PartnersAuthorizationMatrixTests.Outcome;

namespace CooperaNet.Web.Tests.Partners;

/// <summary>The application for the partner matrix, with one signed-in browser per kind of user for the whole class.</summary>
public sealed class PartnersMatrixHost : CooperaNetFactory
{
    private readonly Dictionary<PartnerWho, PageMatrixHost.Session> sessions = [];

    public async Task<PageMatrixHost.Session> SessionAsync(PartnerWho who)
    {
        if (!sessions.TryGetValue(who, out var session))
        {
            session = await PartnerData.SignInAsync(this, who);
            sessions[who] = session;
        }

        return session;
    }
}

/// <summary>
/// Every partner page, handler and endpoint, tried by every kind of user on a fresh organisation. The table is
/// the rule: anyone reads the public part; the secretariat and the organisation's own partner users see its
/// contacts and log and change its description, contacts and log; only the secretariat does the rest. Allowed
/// writes are saved and audited under their actor; refused ones change no row and write no audit record.
/// </summary>
public sealed partial class PartnersAuthorizationMatrixTests(PartnersMatrixHost host) : IClassFixture<PartnersMatrixHost>
{
    public enum Outcome
    {
        Ok,
        SignIn,
        Forbidden,
        NotFound,
        Conflict,

        /// <summary>Page: redirect after the change, which is saved and audited.</summary>
        Done,

        /// <summary>API: 401.</summary>
        Unauthorized,

        /// <summary>API: 200 after a write, saved and audited.</summary>
        Saved,

        /// <summary>API: 201, saved and audited.</summary>
        Created,

        /// <summary>API: 200 with the file, the download recorded in the audit trail under its reader.</summary>
        Downloaded,
    }

    private enum Verb
    {
        Get,
        Post,
        PostJson,
        PutJson,
        Delete,

        /// <summary>A multipart form with a PDF: the page's form (with its antiforgery token) or the API's.</summary>
        PostFile,
    }

    /// <summary>One case; <paramref name="Deleted"/> deletes the case's organisation first.</summary>
    private sealed record Row(string Name, Verb Verb, bool Deleted, string Path, Func<object>? Body, Outcome[] Expected);

    private static readonly string[] Audited = ["PartnerOrganisation", "PartnerContact", "PartnerAgreement", "AgreementDocument", "EngagementEntry", "PilotMilestone"];

    private static readonly Row[] Table =
    [
        // Page, handler or endpoint                                                                                      Anonymous     Secretariat FocalPoint Expert     OwnPartner OtherPart. WorkGroup
        new("GET list", Verb.Get, false, "/en/partners", null,                                                          [Ok,           Ok,        Ok,        Ok,        Ok,        Ok,        Ok]),
        new("GET list by scope", Verb.Get, false, "/en/partners?scope=subregional", null,                               [Ok,           Ok,        Ok,        Ok,        Ok,        Ok,        Ok]),
        new("GET pilot", Verb.Get, false, "/en/partners/pilot", null,                                                   [Ok,           Ok,        Ok,        Ok,        Ok,        Ok,        Ok]),
        new("POST pilot move", Verb.Post, false, "/en/partners/pilot?handler=Move&milestoneId={milestone}", PartnerData.MilestoneForm, [SignIn, Done, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        new("GET organisation", Verb.Get, false, "/en/partners/{id}", null,                                             [Ok,           Ok,        Ok,        Ok,        Ok,        Ok,        Ok]),
        new("GET deleted organisation", Verb.Get, true, "/en/partners/{id}", null,                                      [NotFound,     Ok,        NotFound,  NotFound,  NotFound,  NotFound,  NotFound]),
        new("GET new", Verb.Get, false, "/en/partners/new", null,                                                       [SignIn,       Ok,        Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        new("POST new", Verb.Post, false, "/en/partners/new", () => PartnerData.OrganisationForm("Comunidad Andina"),   [SignIn,       Done,      Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        new("GET edit", Verb.Get, false, "/en/partners/{id}/edit", null,                                                [SignIn,       Ok,        Forbidden, Forbidden, Ok,        Forbidden, Forbidden]),
        new("POST edit", Verb.Post, false, "/en/partners/{id}/edit", () => PartnerData.OrganisationForm("Comunidad Andina"), [SignIn,  Done,      Forbidden, Forbidden, Done,      Forbidden, Forbidden]),
        new("GET edit deleted", Verb.Get, true, "/en/partners/{id}/edit", null,                                         [SignIn,       NotFound,  NotFound,  NotFound,  NotFound,  NotFound,  NotFound]),
        new("GET activity", Verb.Get, false, "/en/partners/{id}/activity", null,                                        [NotFound,     Ok,        NotFound,  NotFound,  Ok,        NotFound,  NotFound]),
        new("GET new contact", Verb.Get, false, "/en/partners/{id}/contacts/new", null,                                 [SignIn,       Ok,        Forbidden, Forbidden, Ok,        Forbidden, Forbidden]),
        new("POST new contact", Verb.Post, false, "/en/partners/{id}/contacts/new", PartnerData.ContactForm,            [SignIn,       Done,      Forbidden, Forbidden, Done,      Forbidden, Forbidden]),
        new("POST remove contact", Verb.Post, false, "/en/partners/{id}?handler=RemoveContact&contactId={contact}", NoFields, [SignIn,   Done,      Forbidden, Forbidden, Done,      Forbidden, Forbidden]),
        new("GET new entry", Verb.Get, false, "/en/partners/{id}/log/new", null,                                        [SignIn,       Ok,        Forbidden, Forbidden, Ok,        Forbidden, Forbidden]),
        new("POST new entry", Verb.Post, false, "/en/partners/{id}/log/new", PartnerData.EntryForm,                     [SignIn,       Done,      Forbidden, Forbidden, Done,      Forbidden, Forbidden]),
        new("GET new agreement", Verb.Get, false, "/en/partners/{id}/agreements/new", null,                             [SignIn,       Ok,        Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        new("POST new agreement", Verb.Post, false, "/en/partners/{id}/agreements/new", PartnerData.AgreementForm,      [SignIn,       Done,      Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        new("GET agreement", Verb.Get, false, "/en/partners/{id}/agreements/{agreement}", null,                         [Ok,           Ok,        Ok,        Ok,        Ok,        Ok,        Ok]),
        new("GET deleted agreement", Verb.Get, false, "/en/partners/{id}/agreements/{removed}", null,                   [NotFound,     Ok,        NotFound,  NotFound,  NotFound,  NotFound,  NotFound]),
        new("POST agreement", Verb.Post, false, "/en/partners/{id}/agreements/{agreement}", PartnerData.AgreementForm,  [SignIn,       Done,      Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        new("POST upload document", Verb.PostFile, false, "/en/partners/{id}/agreements/{agreement}?handler=Upload", NoFields, [SignIn,  Done,      Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        new("POST remove document", Verb.Post, false, "/en/partners/{id}/agreements/{agreement}?handler=RemoveDocument&documentId={document}", NoFields, [SignIn, Done, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        new("POST restore document", Verb.Post, false, "/en/partners/{id}/agreements/{agreement}?handler=RestoreDocument&documentId={earlier}", NoFields, [SignIn, Done, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        new("POST delete agreement", Verb.Post, false, "/en/partners/{id}/agreements/{agreement}?handler=Delete", NoFields, [SignIn,      Done,      Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        new("POST restore agreement", Verb.Post, false, "/en/partners/{id}/agreements/{removed}?handler=Restore", NoFields, [NotFound,     Done,      NotFound,  NotFound,  NotFound,  NotFound,  NotFound]),
        new("POST delete", Verb.Post, false, "/en/partners/{id}?handler=Delete", NoFields,                              [SignIn,       Done,      Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        new("POST restore", Verb.Post, true, "/en/partners/{id}?handler=Restore", NoFields,                             [SignIn,       Done,      Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        new("POST delete deleted", Verb.Post, true, "/en/partners/{id}?handler=Delete", NoFields,                       [SignIn,       Conflict,  Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),

        new("API list", Verb.Get, false, "/api/v1/partners?scope=regional", null,                                       [Ok,           Ok,        Ok,        Ok,        Ok,        Ok,        Ok]),
        new("API get", Verb.Get, false, "/api/v1/partners/{id}", null,                                                  [Ok,           Ok,        Ok,        Ok,        Ok,        Ok,        Ok]),
        new("API get deleted", Verb.Get, true, "/api/v1/partners/{id}", null,                                           [NotFound,     Ok,        NotFound,  NotFound,  NotFound,  NotFound,  NotFound]),
        new("API agreements", Verb.Get, false, "/api/v1/partners/{id}/agreements", null,                                [Ok,           Ok,        Ok,        Ok,        Ok,        Ok,        Ok]),
        new("API pilot", Verb.Get, false, "/api/v1/partners/pilot", null,                                               [Ok,           Ok,        Ok,        Ok,        Ok,        Ok,        Ok]),
        new("API contacts", Verb.Get, false, "/api/v1/partners/{id}/contacts", null,                                    [Unauthorized, Ok,        Forbidden, Forbidden, Ok,        Forbidden, Forbidden]),
        new("API add contact", Verb.PostJson, false, "/api/v1/partners/{id}/contacts", PartnerData.ContactJson,         [Unauthorized, Created,   Forbidden, Forbidden, Created,   Forbidden, Forbidden]),
        new("API remove contact", Verb.Delete, false, "/api/v1/partners/{id}/contacts/{contact}", null,                 [Unauthorized, Saved,     Forbidden, Forbidden, Saved,     Forbidden, Forbidden]),
        new("API log", Verb.Get, false, "/api/v1/partners/{id}/log", null,                                              [Unauthorized, Ok,        Forbidden, Forbidden, Ok,        Forbidden, Forbidden]),
        new("API record", Verb.PostJson, false, "/api/v1/partners/{id}/log", PartnerData.EntryJson,                     [Unauthorized, Created,   Forbidden, Forbidden, Created,   Forbidden, Forbidden]),
        new("API update", Verb.PutJson, false, "/api/v1/partners/{id}", () => PartnerData.OrganisationJson("Comunidad Andina"), [Unauthorized, Saved, Forbidden, Forbidden, Saved, Forbidden, Forbidden]),
        new("API update deleted", Verb.PutJson, true, "/api/v1/partners/{id}", () => PartnerData.OrganisationJson("Comunidad Andina"), [Unauthorized, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        new("API create", Verb.PostJson, false, "/api/v1/partners", () => PartnerData.OrganisationJson("Comunidad Andina"), [Unauthorized, Created, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        new("API delete", Verb.Delete, false, "/api/v1/partners/{id}", null,                                            [Unauthorized, Saved,     Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        new("API restore", Verb.PostJson, true, "/api/v1/partners/{id}/restore", NoFields,                              [Unauthorized, Saved,     Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        new("API add agreement", Verb.PostJson, false, "/api/v1/partners/{id}/agreements", PartnerData.AgreementJson,   [Unauthorized, Created,   Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        new("API update agreement", Verb.PutJson, false, "/api/v1/partners/{id}/agreements/{agreement}", PartnerData.AgreementJson, [Unauthorized, Saved, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        new("API delete agreement", Verb.Delete, false, "/api/v1/partners/{id}/agreements/{agreement}", null,           [Unauthorized, Saved,     Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        new("API restore agreement", Verb.PostJson, false, "/api/v1/partners/{id}/agreements/{removed}/restore", NoFields, [Unauthorized, Saved,  Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        new("API documents", Verb.Get, false, "/api/v1/partners/{id}/agreements/{agreement}/documents", null,          [Unauthorized, Ok,        Forbidden, Forbidden, Ok,        Forbidden, Forbidden]),
        new("API download document", Verb.Get, false, "/api/v1/partners/{id}/agreements/{agreement}/documents/{document}", null, [Unauthorized, Downloaded, Forbidden, Forbidden, Downloaded, Forbidden, Forbidden]),
        new("API download removed document", Verb.Get, false, "/api/v1/partners/{id}/agreements/{agreement}/documents/{earlier}", null, [Unauthorized, Downloaded, Forbidden, Forbidden, NotFound, Forbidden, Forbidden]),

        // Uploads through the API take a bearer token only: a signed-in browser's cookie is not enough (PartnerDocumentTests try the tokens).
        new("API upload document with a cookie", Verb.PostFile, false, "/api/v1/partners/{id}/agreements/{agreement}/documents", null, [Unauthorized, Unauthorized, Unauthorized, Unauthorized, Unauthorized, Unauthorized, Unauthorized]),
        new("API remove document", Verb.Delete, false, "/api/v1/partners/{id}/agreements/{agreement}/documents/{document}", null, [Unauthorized, Saved, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        new("API restore document", Verb.PostJson, false, "/api/v1/partners/{id}/agreements/{agreement}/documents/{earlier}/restore", NoFields, [Unauthorized, Saved, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        new("API move milestone", Verb.PutJson, false, "/api/v1/partners/pilot/milestones/{milestone}", PartnerData.MilestoneJson, [Unauthorized, Saved, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
    ];

    public static TheoryData<string, PartnerWho, Outcome> Cases()
    {
        var data = new TheoryData<string, PartnerWho, Outcome>();
        foreach (var row in Table)
        {
            Assert.Equal(Enum.GetValues<PartnerWho>().Length, row.Expected.Length);
            foreach (var who in Enum.GetValues<PartnerWho>())
            {
                data.Add(row.Name, who, row.Expected[(int)who]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_partner_page_and_endpoint_answers_each_user_as_the_table_says(string row, PartnerWho who, Outcome expected)
    {
        var line = Table.Single(r => r.Name == row);
        var session = await host.SessionAsync(who);
        var item = await PartnerData.SaveAsync(host, "Organización " + PageMatrixHost.Word(), line.Deleted);
        var own = await host.SessionAsync(PartnerWho.OwnPartner);
        await PartnerData.BindAsync(host, own.UserId!.Value, item.Id);
        var path = line.Path.Replace("{id}", item.Id.ToString(), StringComparison.Ordinal).Replace("{contact}", item.ContactId.ToString(), StringComparison.Ordinal)
            .Replace("{agreement}", item.AgreementId.ToString(), StringComparison.Ordinal).Replace("{removed}", item.DeletedAgreementId.ToString(), StringComparison.Ordinal)
            .Replace("{milestone}", item.MilestoneId.ToString(), StringComparison.Ordinal).Replace("{document}", item.DocumentId.ToString(), StringComparison.Ordinal)
            .Replace("{earlier}", item.RemovedDocumentId.ToString(), StringComparison.Ordinal);
        var body = line.Body?.Invoke();
        var before = await SnapshotAsync(item.Id);

        var lastAudit = await LastAuditAsync();
        using var response = line.Verb switch
        {
            Verb.Get => await session.Browser.GetAsync(path),
            Verb.Post => await session.PostAsync(path, (Dictionary<string, string>)body!),
            Verb.PostJson => await session.Browser.Http.PostAsJsonAsync(path, body, TestContext.Current.CancellationToken),
            Verb.PutJson => await session.Browser.Http.PutAsJsonAsync(path, body, TestContext.Current.CancellationToken),
            Verb.PostFile => await PostFileAsync(session, path),
            _ => await session.Browser.Http.DeleteAsync(path, TestContext.Current.CancellationToken),
        };

        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        var status = $"{line.Verb} {path} answered {(int)response.StatusCode} {location}";
        switch (expected)
        {
            case SignIn:
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && location.StartsWith("/en/account/sign-in?ReturnUrl=", StringComparison.Ordinal), status);
                break;
            case Done:
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && location.StartsWith("/en/partners", StringComparison.Ordinal), status);
                break;
            case Forbidden when line.Name.StartsWith("API", StringComparison.Ordinal):
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, status);
                break;
            case Forbidden:
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden || (response.StatusCode == HttpStatusCode.Redirect && location.StartsWith("/en/account/access-denied", StringComparison.Ordinal)), status);
                break;
            default:
                var code = expected switch
                {
                    Ok or Saved or Downloaded => HttpStatusCode.OK,
                    NotFound => HttpStatusCode.NotFound,
                    Conflict => HttpStatusCode.Conflict,
                    Unauthorized => HttpStatusCode.Unauthorized,
                    _ => HttpStatusCode.Created,
                };
                Assert.True(response.StatusCode == code, status);
                break;
        }

        var records = await AuditSinceAsync(lastAudit);
        if (expected is Downloaded)
        {
            Assert.Equal(PartnerData.Pdf, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
            var read = Assert.Single(records);
            Assert.Equal((session.UserId, "read", "AgreementDocument"), (read.ActorId, read.Action, read.Entity));
            Assert.Equal(before, await SnapshotAsync(item.Id));
        }
        else if (expected is Done or Saved or Created)
        {
            Assert.NotEmpty(records);
            Assert.All(records, r => Assert.Equal(session.UserId, r.ActorId));
        }
        else
        {
            Assert.Empty(records);
            Assert.Equal(before, await SnapshotAsync(item.Id));
        }
    }

    [Fact]
    public void Every_partner_page_route_and_endpoint_is_in_the_table()
    {
        var routes = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is { } page
                ? (page.ViewEnginePath.StartsWith("/Partners/", StringComparison.Ordinal) ? [Shape(e.RoutePattern.RawText!.Replace("{culture:lang}/", "/en/", StringComparison.Ordinal))] : [])
                : e.RoutePattern.RawText is { } raw && raw.StartsWith("/api/v1/partners", StringComparison.Ordinal)
                    ? (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {Shape(raw)}")
                    : [])
            .ToHashSet(StringComparer.Ordinal);
        var tried = Table.Select(r => r.Name.StartsWith("API", StringComparison.Ordinal) ? $"{Method(r.Verb)} {Shape(r.Path)}" : Shape(r.Path)).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(33, routes.Count);
        Assert.All(routes, r => Assert.Contains(r, tried));
    }

    [Fact]
    public void Every_partner_page_handler_is_in_the_table()
    {
        var handlers = typeof(Web.Pages.Partners.PartnerPageModel).Assembly.GetTypes()
            .Where(t => t.Namespace == "CooperaNet.Web.Pages.Partners" && t.IsSubclassOf(typeof(PageModel)))
            .SelectMany(t => t.GetMethods().Where(m => m.DeclaringType == t && HandlerName().IsMatch(m.Name)).Select(m => HandlerName().Match(m.Name)))
            .Select(m => m.Groups[2].Value.Length == 0 ? m.Groups[1].Value.ToUpperInvariant() : m.Groups[2].Value)
            .ToHashSet(StringComparer.Ordinal);
        var covered = Table.Where(r => !r.Name.StartsWith("API", StringComparison.Ordinal))
            .Select(r => r.Path.Contains("handler=", StringComparison.Ordinal) ? r.Path[(r.Path.IndexOf("handler=", StringComparison.Ordinal) + 8)..].Split('&')[0] : r.Verb.ToString().ToUpperInvariant())
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(["Delete", "GET", "Move", "POST", "RemoveContact", "RemoveDocument", "Restore", "RestoreDocument", "Upload"], handlers.Order(StringComparer.Ordinal));
        Assert.Subset(covered, handlers);
    }

    [GeneratedRegex("^On(Get|Post)([A-Za-z]*?)Async$")]
    private static partial Regex HandlerName();

    private static string Method(Verb verb) => verb switch
    {
        Verb.Get => "GET",
        Verb.PutJson => "PUT",
        Verb.Delete => "DELETE",
        _ => "POST",
    };

    /// <summary>A path without its query and with every parameter as "*": "/api/v1/partners/{id:guid}/log" → "/api/v1/partners/*/log".</summary>
    private static string Shape(string path)
    {
        var segments = path.Split('?')[0].TrimEnd('/').Split('/').Select(s => s.StartsWith('{') || Guid.TryParse(s, out _) ? "*" : s);
        return string.Join('/', segments);
    }

    private static Dictionary<string, string> NoFields() => [];

    /// <summary>Posts a PDF as a browser's form would (with the session's antiforgery token) or as an API client would (without).</summary>
    private static async Task<HttpResponseMessage> PostFileAsync(PageMatrixHost.Session session, string path)
    {
        var api = path.StartsWith("/api/", StringComparison.Ordinal);
        using var form = PartnerData.FileForm(PartnerData.Pdf, "acuerdo-firmado.pdf", api ? "file" : "Upload.File");
        if (!api)
        {
            form.Add(new StringContent(session.Token), "__RequestVerificationToken");
        }

        return await session.Browser.Http.PostAsync(path, form, TestContext.Current.CancellationToken);
    }

    private async Task<long> LastAuditAsync()
    {
        await using var db = host.NewDbContext();
        return await db.Set<Application.Auditing.AuditEntry>().MaxAsync(a => (long?)a.Id, TestContext.Current.CancellationToken) ?? 0;
    }

    private async Task<List<Application.Auditing.AuditEntry>> AuditSinceAsync(long id)
    {
        await using var db = host.NewDbContext();
        return await db.Set<Application.Auditing.AuditEntry>().AsNoTracking().Where(a => a.Id > id && Audited.Contains(a.Entity)).ToListAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The organisation's rows as text, to prove a refused request changed none of them.</summary>
    private async Task<string> SnapshotAsync(Guid id)
    {
        await using var db = host.NewDbContext();
        var ct = TestContext.Current.CancellationToken;
        var organisation = await db.PartnerOrganisations.AsNoTracking().SingleAsync(o => o.Id == id, ct);
        var contacts = await db.PartnerContacts.AsNoTracking().Where(c => c.OrganisationId == id).Select(c => c.Id + c.Name).ToListAsync(ct);
        var agreements = await db.PartnerAgreements.AsNoTracking().Where(a => a.OrganisationId == id).Select(a => a.Id + a.Title + a.Status + a.DeletedAt).ToListAsync(ct);
        var agreementIds = db.PartnerAgreements.Where(a => a.OrganisationId == id).Select(a => a.Id);
        var documents = await db.AgreementDocuments.AsNoTracking().Where(d => agreementIds.Contains(d.AgreementId)).Select(d => d.Id + ":" + d.RemovedAt).ToListAsync(ct);
        var log = await db.EngagementEntries.CountAsync(e => e.OrganisationId == id, ct);
        var milestones = await db.PilotMilestones.AsNoTracking().Where(m => m.OrganisationId == id).Select(m => m.Status + m.Note).ToListAsync(ct);
        var organisations = await db.PartnerOrganisations.CountAsync(ct);
        return string.Join('|', organisation.Name, organisation.Website, organisation.Description.En, organisation.DeletedAt, string.Join(',', contacts.Order(StringComparer.Ordinal)),
            string.Join(',', agreements.Order(StringComparer.Ordinal)), string.Join(',', documents.Order(StringComparer.Ordinal)), log, string.Join(',', milestones), organisations);
    }
}
