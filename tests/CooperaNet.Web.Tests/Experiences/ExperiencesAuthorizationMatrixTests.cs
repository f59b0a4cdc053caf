using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CooperaNet.Application.Identity;
using CooperaNet.Domain.Experiences;
using CooperaNet.Web.Tests.CatalogPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static CooperaNet.Web.Tests.Experiences.ExperiencesAuthorizationMatrixTests.Outcome;

namespace CooperaNet.Web.Tests.Experiences;

/// <summary>
/// Every experience page, handler and endpoint, tried by every kind of user on a fresh experience. The
/// table is the rule: Colombia's focal points change Colombia's experiences, experts and partners their
/// own, the secretariat any, and only the secretariat publishes, returns and restores. An experience a
/// user may not see is not found; one they see but may not change is forbidden; a change its status does
/// not allow is a conflict. Allowed writes are saved and audited under their actor; refused ones change nothing.
/// </summary>
public sealed class ExperiencesAuthorizationMatrixTests(PageMatrixHost host) : IClassFixture<PageMatrixHost>
{
    public enum Outcome
    {
        Ok,
        SignIn,
        TwoFactor,
        Forbidden,
        NotFound,
        Conflict,

        /// <summary>Page: redirect after the change, which is saved and audited.</summary>
        Done,

        /// <summary>API: 401.</summary>
        Unauthorized,

        /// <summary>API: 200 or 204 after a write, saved and audited.</summary>
        Saved,

        /// <summary>API: 201, saved and audited.</summary>
        Created,
    }

    /// <summary>Whose experience a row works on.</summary>
    public enum Owner
    {
        /// <summary>Colombia's, written by another of its focal points.</summary>
        Colombia,

        /// <summary>Written by the user trying (an expert's or a partner's own), with no state.</summary>
        Mine,
    }

    private enum Verb
    {
        Get,
        Post,
        PostFile,
        PostJson,
        PutJson,
        Delete,
        PostFileToken,
        DeleteToken,
    }

    private sealed record Row(string Name, Verb Verb, Owner Owner, ExperienceStatus Status, bool Deleted, string Path, Func<object>? Body, Outcome[] Expected);

    private static readonly string[] Audited = ["Experience", "ExperienceImage", "ExperienceAttachment", "ExperienceTranslation", "ExperienceSector", "ExperienceSdg", "ExperienceState"];

    private const ExperienceStatus Draft = ExperienceStatus.Draft;
    private const ExperienceStatus Review = ExperienceStatus.InReview;
    private const ExperienceStatus Public = ExperienceStatus.Published;

    // {id} is the row's experience, {file} an image on it, {pdf} a PDF.
    private static readonly Row[] Table =
    [
        // Page, handler or endpoint                                                                                       Anonymous     Expert     Partner    WorkGroup  OtherState OwnState   Secretar.  Secr.no2FA
        new("GET list", Verb.Get, Owner.Colombia, Public, false, "/en/experiences", null,                                  [Ok,           Ok,        Ok,        Ok,        Ok,        Ok,        Ok,        TwoFactor]),
        new("GET new", Verb.Get, Owner.Colombia, Public, false, "/en/experiences/new", null,                               [SignIn,       Ok,        Ok,        Forbidden, Ok,        Ok,        Ok,        TwoFactor]),
        new("POST new", Verb.Post, Owner.Colombia, Public, false, "/en/experiences/new", NewForm,                          [SignIn,       Done,      Done,      Forbidden, Done,      Done,      Done,      TwoFactor]),
        new("GET published", Verb.Get, Owner.Colombia, Public, false, "/en/experiences/{id}/a-slug", null,                 [Ok,           Ok,        Ok,        Ok,        Ok,        Ok,        Ok,        TwoFactor]),
        new("GET draft", Verb.Get, Owner.Colombia, Draft, false, "/en/experiences/{id}", null,                             [NotFound,     NotFound,  NotFound,  NotFound,  NotFound,  Ok,        Ok,        TwoFactor]),
        new("GET own draft", Verb.Get, Owner.Mine, Draft, false, "/en/experiences/{id}", null,                             [NotFound,     Ok,        Ok,        NotFound,  NotFound,  NotFound,  Ok,        TwoFactor]),
        new("GET deleted", Verb.Get, Owner.Colombia, Public, true, "/en/experiences/{id}", null,                           [NotFound,     NotFound,  NotFound,  NotFound,  NotFound,  NotFound,  Ok,        TwoFactor]),
        new("GET edit draft", Verb.Get, Owner.Colombia, Draft, false, "/en/experiences/{id}/edit", null,                   [SignIn,       NotFound,  NotFound,  NotFound,  NotFound,  Ok,        Ok,        TwoFactor]),
        new("GET edit published", Verb.Get, Owner.Colombia, Public, false, "/en/experiences/{id}/edit", null,              [SignIn,       Forbidden, Forbidden, Forbidden, Forbidden, Conflict,  Ok,        TwoFactor]),
        new("POST edit draft", Verb.Post, Owner.Colombia, Draft, false, "/en/experiences/{id}/edit", EditForm,             [SignIn,       NotFound,  NotFound,  NotFound,  NotFound,  Done,      Done,      TwoFactor]),
        new("POST edit own draft", Verb.Post, Owner.Mine, Draft, false, "/en/experiences/{id}/edit", EditForm,             [SignIn,       Done,      Done,      NotFound,  NotFound,  NotFound,  Done,      TwoFactor]),
        new("POST submit", Verb.Post, Owner.Colombia, Draft, false, "/en/experiences/{id}", Move("submit"),               [SignIn,       NotFound,  NotFound,  NotFound,  NotFound,  Done,      Done,      TwoFactor]),
        new("POST submit own", Verb.Post, Owner.Mine, Draft, false, "/en/experiences/{id}", Move("submit"),               [SignIn,       Done,      Done,      NotFound,  NotFound,  NotFound,  Done,      TwoFactor]),
        new("POST publish", Verb.Post, Owner.Colombia, Review, false, "/en/experiences/{id}", Move("publish"),            [SignIn,       NotFound,  NotFound,  NotFound,  NotFound,  Forbidden, Done,      TwoFactor]),
        new("POST return", Verb.Post, Owner.Colombia, Review, false, "/en/experiences/{id}", Move("return"),              [SignIn,       NotFound,  NotFound,  NotFound,  NotFound,  Forbidden, Done,      TwoFactor]),
        new("POST delete published", Verb.Post, Owner.Colombia, Public, false, "/en/experiences/{id}", Move("delete"),    [SignIn,       Forbidden, Forbidden, Forbidden, Forbidden, Done,      Done,      TwoFactor]),
        new("POST restore", Verb.Post, Owner.Colombia, Public, true, "/en/experiences/{id}", Move("restore"),             [SignIn,       NotFound,  NotFound,  NotFound,  NotFound,  NotFound,  Done,      TwoFactor]),
        new("POST image", Verb.PostFile, Owner.Colombia, Draft, false, "/en/experiences/{id}?handler=Image", null,         [SignIn,       NotFound,  NotFound,  NotFound,  NotFound,  Done,      Done,      TwoFactor]),
        new("POST pdf", Verb.PostFile, Owner.Colombia, Draft, false, "/en/experiences/{id}?handler=Attach", null,          [SignIn,       NotFound,  NotFound,  NotFound,  NotFound,  Done,      Done,      TwoFactor]),
        new("POST image on published", Verb.PostFile, Owner.Colombia, Public, false, "/en/experiences/{id}?handler=Image", null, [SignIn, Forbidden, Forbidden, Forbidden, Forbidden, Conflict,  Done,      TwoFactor]),
        new("POST remove file", Verb.Post, Owner.Colombia, Draft, false, "/en/experiences/{id}?handler=RemoveFile", RemoveForm, [SignIn,  NotFound,  NotFound,  NotFound,  NotFound,  Done,      Done,      TwoFactor]),

        new("API list", Verb.Get, Owner.Colombia, Public, false, "/api/v1/experiences", null,                             [Ok,           Ok,        Ok,        Ok,        Ok,        Ok,        Ok,        Ok]),
        new("API feed", Verb.Get, Owner.Colombia, Public, false, "/fr/experiences/feed.atom", null,                        [Ok,           Ok,        Ok,        Ok,        Ok,        Ok,        Ok,        Ok]),
        new("API published", Verb.Get, Owner.Colombia, Public, false, "/api/v1/experiences/{id}", null,                    [Ok,           Ok,        Ok,        Ok,        Ok,        Ok,        Ok,        Ok]),
        new("API draft", Verb.Get, Owner.Colombia, Draft, false, "/api/v1/experiences/{id}", null,                         [NotFound,     NotFound,  NotFound,  NotFound,  NotFound,  Ok,        Ok,        Ok]),
        new("API own draft", Verb.Get, Owner.Mine, Draft, false, "/api/v1/experiences/{id}", null,                         [NotFound,     Ok,        Ok,        NotFound,  NotFound,  NotFound,  Ok,        Ok]),
        new("API create", Verb.PostJson, Owner.Colombia, Public, false, "/api/v1/experiences", NewJson,                    [Unauthorized, Created,   Created,   Forbidden, Created,   Created,   Created,   Created]),
        new("API update draft", Verb.PutJson, Owner.Colombia, Draft, false, "/api/v1/experiences/{id}", NewJson,           [Unauthorized, NotFound,  NotFound,  NotFound,  NotFound,  Saved,     Saved,     Saved]),
        new("API update own draft", Verb.PutJson, Owner.Mine, Draft, false, "/api/v1/experiences/{id}", NewJson,           [Unauthorized, Saved,     Saved,     NotFound,  NotFound,  NotFound,  Saved,     Saved]),
        new("API update published", Verb.PutJson, Owner.Colombia, Public, false, "/api/v1/experiences/{id}", NewJson,      [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Conflict,  Saved,     Saved]),
        new("API delete", Verb.Delete, Owner.Colombia, Public, false, "/api/v1/experiences/{id}", null,                    [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Saved,     Saved,     Saved]),
        new("API submit", Verb.PostJson, Owner.Colombia, Draft, false, "/api/v1/experiences/{id}/submit", Empty,           [Unauthorized, NotFound,  NotFound,  NotFound,  NotFound,  Saved,     Saved,     Saved]),
        new("API publish", Verb.PostJson, Owner.Colombia, Review, false, "/api/v1/experiences/{id}/publish", Empty,        [Unauthorized, NotFound,  NotFound,  NotFound,  NotFound,  Forbidden, Saved,     Saved]),
        new("API return", Verb.PostJson, Owner.Colombia, Review, false, "/api/v1/experiences/{id}/return", Comment,        [Unauthorized, NotFound,  NotFound,  NotFound,  NotFound,  Forbidden, Saved,     Saved]),
        new("API restore", Verb.PostJson, Owner.Colombia, Public, true, "/api/v1/experiences/{id}/restore", Empty,         [Unauthorized, NotFound,  NotFound,  NotFound,  NotFound,  NotFound,  Saved,     Saved]),
        new("API add image", Verb.PostFileToken, Owner.Colombia, Draft, false, "/api/v1/experiences/{id}/images", null,    [Unauthorized, NotFound,  NotFound,  NotFound,  NotFound,  Created,   Created,   Created]),
        new("API add pdf", Verb.PostFileToken, Owner.Colombia, Draft, false, "/api/v1/experiences/{id}/attachments", null, [Unauthorized, NotFound,  NotFound,  NotFound,  NotFound,  Created,   Created,   Created]),
        new("API remove image", Verb.DeleteToken, Owner.Colombia, Draft, false, "/api/v1/experiences/{id}/images/{file}", null, [Unauthorized, NotFound, NotFound, NotFound, NotFound, Saved,    Saved,     Saved]),
        new("API remove pdf", Verb.DeleteToken, Owner.Colombia, Draft, false, "/api/v1/experiences/{id}/attachments/{pdf}", null, [Unauthorized, NotFound, NotFound, NotFound, NotFound, Saved,   Saved,     Saved]),
        new("API pdf of published", Verb.Get, Owner.Colombia, Public, false, "/api/v1/experiences/{id}/attachments/{pdf}", null, [Ok,      Ok,        Ok,        Ok,        Ok,        Ok,        Ok,        Ok]),
        new("API image of draft", Verb.Get, Owner.Colombia, Draft, false, "/api/v1/experiences/{id}/images/{file}", null,  [NotFound,     NotFound,  NotFound,  NotFound,  NotFound,  Ok,        Ok,        Ok]),
        new("API image of published", Verb.Get, Owner.Colombia, Public, false, "/api/v1/experiences/{id}/images/{file}", null, [Ok,        Ok,        Ok,        Ok,        Ok,        Ok,        Ok,        Ok]),
    ];

    private readonly Dictionary<Who, HttpClient> tokens = [];

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
    public async Task Each_experience_page_and_endpoint_answers_each_user_as_the_table_says(string row, Who who, Outcome expected)
    {
        var line = Table.Single(r => r.Name == row);
        var session = await host.SessionAsync(who);
        var experience = await ExperienceData.SaveAsync(
            host,
            ExperienceData.Input("Experiencia " + PageMatrixHost.Word()),
            line.Status,
            state: line.Owner == Owner.Colombia ? "CO" : null,
            author: line.Owner == Owner.Mine ? session.UserId ?? Guid.NewGuid() : Guid.NewGuid(),
            deleted: line.Deleted);
        var file = line.Path.Contains("{file}", StringComparison.Ordinal) || line.Path.Contains("RemoveFile", StringComparison.Ordinal) ? await ImageOnAsync(experience.Id) : Guid.Empty;
        var pdf = line.Path.Contains("{pdf}", StringComparison.Ordinal) ? await PdfOnAsync(experience.Id) : Guid.Empty;
        var path = line.Path.Replace("{id}", experience.Id.ToString(), StringComparison.Ordinal)
            .Replace("{file}", file.ToString(), StringComparison.Ordinal).Replace("{pdf}", pdf.ToString(), StringComparison.Ordinal);
        var body = line.Body?.Invoke();
        if (body is Dictionary<string, string> form && form.ContainsKey("fileId"))
        {
            form["fileId"] = file.ToString();
        }

        var lastAudit = await host.LastAuditAsync();
        using var response = line.Verb switch
        {
            Verb.Get => await session.Browser.GetAsync(path),
            Verb.Post => await session.PostAsync(path, (Dictionary<string, string>)body!),
            Verb.PostFile => await PostFileAsync(session, path),
            Verb.PostJson => await session.Browser.Http.PostAsJsonAsync(path, body, TestContext.Current.CancellationToken),
            Verb.PutJson => await session.Browser.Http.PutAsJsonAsync(path, body, TestContext.Current.CancellationToken),
            Verb.Delete => await session.Browser.Http.DeleteAsync(path, TestContext.Current.CancellationToken),
            Verb.PostFileToken => await (await TokenClientAsync(session)).PostAsync(path, Upload(path.EndsWith("/images", StringComparison.Ordinal), form: false), TestContext.Current.CancellationToken),
            _ => await (await TokenClientAsync(session)).DeleteAsync(path, TestContext.Current.CancellationToken),
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
            case Done:
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && location.StartsWith("/en/experiences", StringComparison.Ordinal), status);
                break;
            case Saved:
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NoContent, status);
                break;
            default:
                var code = expected switch
                {
                    Ok => HttpStatusCode.OK,
                    Forbidden => HttpStatusCode.Forbidden,
                    NotFound => HttpStatusCode.NotFound,
                    Conflict => HttpStatusCode.Conflict,
                    Unauthorized => HttpStatusCode.Unauthorized,
                    _ => HttpStatusCode.Created,
                };
                Assert.True(response.StatusCode == code, status);
                break;
        }

        var records = await host.AuditSinceAsync(lastAudit, Audited);
        if (expected is Done or Saved or Created)
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
    public void Every_experience_endpoint_is_in_the_table()
    {
        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/api/v1/experiences", StringComparison.Ordinal) || raw.Contains("/experiences/feed.atom", StringComparison.Ordinal)))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {Shape(e.RoutePattern.RawText!)}"))
            .Distinct()
            .ToList();
        var tried = Table.Where(r => r.Name.StartsWith("API", StringComparison.Ordinal))
            .Select(r => $"{Method(r.Verb)} {Shape(r.Path)}")
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(endpoints);
        Assert.All(endpoints, e => Assert.Contains(e, tried));
    }

    private static string Method(Verb verb) => verb switch
    {
        Verb.Get => "GET",
        Verb.PutJson => "PUT",
        Verb.Delete or Verb.DeleteToken => "DELETE",
        _ => "POST",
    };

    /// <summary>A path with every parameter as "*": "/api/v1/experiences/{id:guid}/publish" → "/api/v1/experiences/*/publish".</summary>
    private static string Shape(string path)
    {
        var segments = path.TrimEnd('/').Split('/').Select(s => s.StartsWith('{') || s is "fr" or "en" ? "*" : s);
        return string.Join('/', segments);
    }

    private async Task<Guid> ImageOnAsync(Guid experienceId) => await host.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<Application.Data.CooperaNetDbContext>();
        var image = Application.Experiences.ExperienceImages.Process(ExperienceData.JpegWithMetadata(20, 20))!;
        var stored = new ExperienceImage
        {
            Id = Guid.NewGuid(),
            ExperienceId = experienceId,
            AltText = "Foto",
            ContentType = image.ContentType,
            Width = image.Width,
            Height = image.Height,
            Size = image.Content.Length,
            Content = image.Content,
        };
        db.ExperienceImages.Add(stored);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return stored.Id;
    });

    private async Task<Guid> PdfOnAsync(Guid experienceId) => await host.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<Application.Data.CooperaNetDbContext>();
        var content = "%PDF-1.7\n%informe"u8.ToArray();
        var stored = new ExperienceAttachment { Id = Guid.NewGuid(), ExperienceId = experienceId, FileName = "informe.pdf", Size = content.Length, Sha256 = "0", Content = content };
        db.ExperienceAttachments.Add(stored);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return stored.Id;
    });

    private async Task<HttpClient> TokenClientAsync(PageMatrixHost.Session session)
    {
        if (!tokens.TryGetValue(session.Who, out var client))
        {
            client = host.CreateClient();
            if (session.UserId is { } id)
            {
                var token = await host.WithScopeAsync(sp => sp.GetRequiredService<UserAdministration>().CreateTokenAsync(id, "matrix"));
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Secret);
            }

            tokens[session.Who] = client;
        }

        return client;
    }

    private static async Task<HttpResponseMessage> PostFileAsync(PageMatrixHost.Session session, string path)
    {
        using var content = Upload(path.Contains("handler=Image", StringComparison.Ordinal), form: true, session.Token);
        return await session.Browser.Http.PostAsync(path, content, TestContext.Current.CancellationToken);
    }

    private static MultipartFormDataContent Upload(bool image, bool form, string? antiforgery = null)
    {
        var content = new MultipartFormDataContent();
        var bytes = image ? ExperienceData.JpegWithMetadata(40, 30) : "%PDF-1.7\n%informe"u8.ToArray();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(image ? "image/jpeg" : "application/pdf");
        content.Add(file, "file", image ? "foto.jpg" : "informe.pdf");
        content.Add(new StringContent("Una junta de agua revisa el tanque"), "altText");
        if (form)
        {
            content.Add(new StringContent(antiforgery!), "__RequestVerificationToken");
        }

        return content;
    }

    private static Func<object> Move(string transition) => () => new Dictionary<string, string> { ["transition"] = transition, ["comment"] = "Añadan los resultados." };

    private static object NewForm() => new Dictionary<string, string>
    {
        ["Form.Kind"] = "lesson-learned",
        ["Form.AuthorName"] = "Institución autora",
        ["Form.Language"] = "es",
        ["Form.Title"] = "Lección " + PageMatrixHost.Word(),
        ["Form.Summary"] = "Lo que aprendimos al formar operadores comunitarios.",
        ["Form.Body"] = "Un relato de la experiencia con sus resultados y dificultades.",
        ["Form.Sectors"] = "14030",
        ["Form.Sdgs"] = "6",
        ["Form.States"] = "CO",
    };

    private static object EditForm() => NewForm();

    private static object RemoveForm() => new Dictionary<string, string> { ["fileId"] = string.Empty };

    private static object NewJson() => ExperienceData.Input("Experiencia " + PageMatrixHost.Word());

    private static object Empty() => new { };

    private static object Comment() => new { comment = "Añadan los resultados." };
}
