using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CooperaNet.Application.Experts;
using CooperaNet.Web.Tests.CatalogPages;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CooperaNet.Web.Tests.Experts.ExpertsAuthorizationMatrixTests.Outcome;

namespace CooperaNet.Web.Tests.Experts;

/// <summary>
/// Every experts' page, handler and endpoint, tried by every kind of user. Anyone applies; the expert
/// (who has a profile and a CV here) reads and changes only their own; the secretariat with its second
/// factor searches the roster and reads any profile and CV. Allowed writes and CV reads are audited
/// under their actor; refused requests record nothing.
/// </summary>
public sealed class ExpertsAuthorizationMatrixTests(PageMatrixHost host) : IClassFixture<PageMatrixHost>
{
    private const string OtherName = "Otra Experta Matriz";

    public enum Outcome
    {
        Ok,
        SignIn,
        TwoFactor,
        Denied,
        NotFound,

        /// <summary>403: a page's status, or the API's.</summary>
        Forbidden,

        /// <summary>400 with the fields' messages; nothing written.</summary>
        Invalid,

        /// <summary>Page: redirect to the own profile, nothing written.</summary>
        ToProfile,

        /// <summary>Page: redirect to the own profile after the change, which is saved and audited.</summary>
        Done,

        /// <summary>API: 401.</summary>
        Unauthorized,

        /// <summary>API: 200 after a change or a CV read, audited under the caller.</summary>
        Audited,

        /// <summary>API: 409 (applying while signed in).</summary>
        Conflict,
    }

    private enum Verb
    {
        Get,
        Post,
        PostJson,
        PutJson,
        PutPdf,
        Delete,
    }

    /// <summary>A row: the route it covers, and how to call it; paths get the other expert's id for {other}.</summary>
    private sealed record Row(string Name, string Route, Verb Verb, string Path, Func<object>? Body, Outcome[] Expected);

    private static readonly string[] AuditedEntities = ["ExpertProfile", "ExpertCv", "ExpertLanguage", "ExpertSector", "ExpertSdg", "ApplicationUser"];

    private static readonly Row[] Table =
    [
        // Page, handler or endpoint                                                                                                     Anonymous     Expert     Partner    WorkGroup  OtherState OwnState   Secretar.  Secr.no2FA
        new("GET apply", "experts/apply", Verb.Get, "/en/experts/apply", null,                                                           [Ok,           ToProfile, Ok,        Ok,        Ok,        Ok,        Ok,        TwoFactor]),
        new("POST apply without consent", "experts/apply", Verb.Post, "/en/experts/apply", ApplyForm,                                    [Invalid,      Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, TwoFactor]),
        new("POST apply, suggest", "experts/apply", Verb.Post, "/en/experts/apply?handler=Suggest", ApplyForm,                           [Ok,           Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, TwoFactor]),
        new("GET profile", "experts/profile", Verb.Get, "/en/experts/profile", null,                                                     [SignIn,       Ok,        Denied,    Denied,    Denied,    Denied,    Denied,    TwoFactor]),
        new("POST profile", "experts/profile", Verb.Post, "/en/experts/profile", ProfileForm,                                            [SignIn,       Done,      Denied,    Denied,    Denied,    Denied,    Denied,    TwoFactor]),
        new("POST profile, suggest", "experts/profile", Verb.Post, "/en/experts/profile?handler=Suggest", ProfileForm,                   [SignIn,       Ok,        Denied,    Denied,    Denied,    Denied,    Denied,    TwoFactor]),
        new("POST profile, CV without a file", "experts/profile", Verb.Post, "/en/experts/profile?handler=Cv", () => new Dictionary<string, string>(), [SignIn, Invalid, Denied, Denied, Denied, Denied, Denied,    TwoFactor]),
        new("POST profile, erase unconfirmed", "experts/profile", Verb.Post, "/en/experts/profile?handler=Erase", () => new Dictionary<string, string>(), [SignIn, Invalid, Denied, Denied, Denied, Denied, Denied, TwoFactor]),
        new("GET roster", "experts", Verb.Get, "/en/experts?language=es&availability=available", null,                                   [SignIn,       Denied,    Denied,    Denied,    Denied,    Denied,    Ok,        TwoFactor]),
        new("GET an expert", "experts/{id:guid}", Verb.Get, "/en/experts/{other}", null,                                                 [SignIn,       Denied,    Denied,    Denied,    Denied,    Denied,    Ok,        TwoFactor]),
        new("GET an unknown expert", "experts/{id:guid}", Verb.Get, $"/en/experts/{Guid.Empty}", null,                                   [SignIn,       NotFound,  NotFound,  NotFound,  NotFound,  NotFound,  NotFound,  TwoFactor]),

        new("API apply without consent", "POST /api/v1/experts/applications", Verb.PostJson, "/api/v1/experts/applications", ApplyJson, [Invalid,      Conflict,  Conflict,  Conflict,  Conflict,  Conflict,  Conflict,  Conflict]),
        new("API my profile", "GET /api/v1/experts/me", Verb.Get, "/api/v1/experts/me", null,                                            [Unauthorized, Ok,        Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        new("API edit my profile", "PUT /api/v1/experts/me", Verb.PutJson, "/api/v1/experts/me", () => NewProfile(),                    [Unauthorized, Audited,   Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        new("API upload my CV", "PUT /api/v1/experts/me/cv", Verb.PutPdf, "/api/v1/experts/me/cv", null,                                [Unauthorized, Audited,   Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        new("API my CV", "GET /api/v1/experts/me/cv", Verb.Get, "/api/v1/experts/me/cv", null,                                          [Unauthorized, Audited,   Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        new("API my data", "GET /api/v1/experts/me/export", Verb.Get, "/api/v1/experts/me/export", null,                                 [Unauthorized, Ok,        Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        new("API erase unconfirmed", "DELETE /api/v1/experts/me", Verb.Delete, "/api/v1/experts/me", null,                               [Unauthorized, Invalid,   Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        new("API roster", "GET /api/v1/experts", Verb.Get, "/api/v1/experts?sector=14030&country=UY", null,                              [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Ok,        Forbidden]),
        new("API an expert", "GET /api/v1/experts/{id:guid}", Verb.Get, "/api/v1/experts/{other}", null,                                 [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Ok,        Forbidden]),
        new("API an expert's CV", "GET /api/v1/experts/{id:guid}/cv", Verb.Get, "/api/v1/experts/{other}/cv", null,                      [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Audited,   Forbidden]),
    ];

    public static TheoryData<string, Who, Outcome> Cases()
    {
        var data = new TheoryData<string, Who, Outcome>();
        foreach (var row in Table)
        {
            Assert.Equal(Enum.GetValues<Who>().Length, row.Expected.Length);
            foreach (var who in Enum.GetValues<Who>())
            {
                data.Add(row.Name, who, row.Expected[(int)who]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_experts_page_and_endpoint_answers_each_user_as_the_table_says(string row, Who who, Outcome expected)
    {
        var line = Table.Single(r => r.Name == row);
        var expert = await host.SessionAsync(Who.Expert);
        await host.GiveProfileAsync(expert);
        var other = await OtherExpertAsync();
        var session = await host.SessionAsync(who);
        var path = line.Path.Replace("{other}", other.ToString(), StringComparison.Ordinal);
        var lastAudit = await host.LastAuditAsync();

        using var response = line.Verb switch
        {
            Verb.Get => await session.Browser.GetAsync(path),
            Verb.Post => await session.PostAsync(path, (Dictionary<string, string>)line.Body!()),
            Verb.PostJson => await session.Browser.Http.PostAsJsonAsync(path, line.Body!(), TestContext.Current.CancellationToken),
            Verb.PutJson => await session.Browser.Http.PutAsJsonAsync(path, line.Body!(), TestContext.Current.CancellationToken),
            Verb.PutPdf => await session.Browser.Http.PutAsync(path, Pdf(), TestContext.Current.CancellationToken),
            _ => await session.Browser.Http.DeleteAsync(path, TestContext.Current.CancellationToken),
        };

        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        var status = $"{line.Verb} {path} answered {(int)response.StatusCode} {location}";
        switch (expected)
        {
            case SignIn:
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && location.StartsWith("/en/account/sign-in?ReturnUrl=", StringComparison.Ordinal), status);
                break;
            case TwoFactor:
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && location == "/en/account/profile#two-factor", status);
                break;
            case Denied:
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && location.StartsWith("/en/account/access-denied", StringComparison.Ordinal), status);
                break;
            case ToProfile or Done:
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && location.StartsWith("/en/experts/profile", StringComparison.Ordinal), status);
                break;
            default:
                var code = expected switch
                {
                    Ok or Audited => HttpStatusCode.OK,
                    NotFound => HttpStatusCode.NotFound,
                    Forbidden => HttpStatusCode.Forbidden,
                    Invalid => HttpStatusCode.BadRequest,
                    Unauthorized => HttpStatusCode.Unauthorized,
                    _ => HttpStatusCode.Conflict,
                };
                Assert.True(response.StatusCode == code, status);
                break;
        }

        var records = await host.AuditSinceAsync(lastAudit, AuditedEntities);
        if (expected is Done or Audited)
        {
            Assert.NotEmpty(records);
            Assert.All(records, r => Assert.Equal(session.UserId, r.ActorId));
        }
        else
        {
            Assert.Empty(records);
        }
    }

    [Fact]
    public void Every_experts_page_and_endpoint_is_in_the_table()
    {
        var routes = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => e.Metadata.GetMetadata<PageActionDescriptor>() is { } page
                // The assignments' pages have their own matrix (AssignmentsAuthorizationMatrixTests).
                ? (page.ViewEnginePath.StartsWith("/Experts/", StringComparison.Ordinal) && !e.RoutePattern.RawText!.Contains("experts/assignments", StringComparison.Ordinal)
                    ? [e.RoutePattern.RawText!.Replace("{culture:lang}/", string.Empty, StringComparison.Ordinal)] : [])
                : e.RoutePattern.RawText is { } raw && raw.StartsWith("/api/v1/experts", StringComparison.Ordinal)
                    ? (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {raw.TrimEnd('/')}")
                    : [])
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(routes.Order(StringComparer.Ordinal), Table.Select(r => r.Route).Distinct().Order(StringComparer.Ordinal));
    }

    private static Dictionary<string, string> ApplyForm()
    {
        var form = ExpertData.Form(ExpertData.AProfile("Nadie " + PageMatrixHost.Word()));
        form["Account.Email"] = $"{PageMatrixHost.Word()}@example.org";
        form["Account.Password"] = Support.TestUsers.Password;
        return form;
    }

    private static object ApplyJson() =>
        new { email = $"{PageMatrixHost.Word()}@example.org", password = Support.TestUsers.Password, consent = false, profile = ExpertData.AProfile() };

    private static ExpertInput NewProfile() => ExpertData.AProfile("Matriz " + PageMatrixHost.Word());

    private static Dictionary<string, string> ProfileForm() => ExpertData.Form(NewProfile());

    private static ByteArrayContent Pdf()
    {
        var content = new ByteArrayContent(ExpertData.Pdf);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return content;
    }

    /// <summary>An expert who is not the matrix's own, with a CV; made once for the class.</summary>
    private async Task<Guid> OtherExpertAsync()
    {
        await using (var db = host.NewDbContext())
        {
            if (await db.ExpertProfiles.Where(p => p.FullName == OtherName).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(TestContext.Current.CancellationToken) is { } id)
            {
                return id;
            }
        }

        var (profile, _) = await host.ExpertAsync(ExpertData.AProfile(OtherName));
        await host.WithScopeAsync(sp => sp.GetRequiredService<ExpertProfiles>().UploadCvAsync(profile.Id, "cv.pdf", ExpertData.Pdf, TestContext.Current.CancellationToken));
        return profile.Id;
    }
}
