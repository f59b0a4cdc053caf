using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CooperaNet.Application.Experts;
using CooperaNet.Application.Identity;
using CooperaNet.Domain.Experts;
using CooperaNet.Web.Tests.CatalogPages;
using CooperaNet.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CooperaNet.Web.Tests.Experts.ExpertData;

namespace CooperaNet.Web.Tests.Experts;

public sealed class ExpertApiTests(CooperaNetFactory factory) : IClassFixture<CooperaNetFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Anyone_applies_and_the_new_account_signs_in_and_reads_its_profile()
    {
        var email = $"aplica-{Guid.NewGuid():N}@example.org";
        using var applied = await factory.CreateClient().PostAsJsonAsync("/api/v1/experts/applications",
            new { email, password = TestUsers.Password, consent = true, language = "pt", profile = AProfile("Joana Silva", "BR") }, Ct);

        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        Assert.Equal("/api/v1/experts/me", applied.Headers.Location?.OriginalString);
        var created = await JsonAsync(applied);
        Assert.Equal(ExpertValidation.ConsentVersion, created.GetProperty("consentVersion").GetString());

        var browser = AccountClient.For(factory);
        using var signIn = await browser.SignInAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var me = await JsonAsync(await browser.Http.GetAsync("/api/v1/experts/me", Ct));
        Assert.Equal("Joana Silva", me.GetProperty("profile").GetProperty("fullName").GetString());
        Assert.Equal("BR", me.GetProperty("profile").GetProperty("nationality").GetString());
        await using var db = factory.NewDbContext();
        Assert.Equal("pt", await db.Users.Where(u => u.Email == email).Select(u => u.PreferredLanguage).SingleAsync(Ct));
    }

    [Fact]
    public async Task An_application_without_consent_is_refused_field_by_field_in_the_callers_language()
    {
        var email = $"sin-consentimiento-{Guid.NewGuid():N}@example.org";
        using var refused = await factory.CreateClient().PostAsJsonAsync("/api/v1/experts/applications?lang=fr",
            new { email, password = TestUsers.Password, consent = false, profile = AProfile() with { Nationality = "XX", Languages = [] } }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await JsonAsync(refused)).GetProperty("errors");
        Assert.Equal("Pour postuler, vous devez accepter le traitement de vos données personnelles.", errors.GetProperty("consent")[0].GetString());
        Assert.Equal("« XX » n'est pas un pays de la liste.", errors.GetProperty("profile.nationality")[0].GetString());
        Assert.Equal("Indiquez au moins une langue avec son niveau.", errors.GetProperty("profile.languages")[0].GetString());
        await using var db = factory.NewDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == email, Ct));
    }

    [Fact]
    public async Task A_taken_address_is_refused_on_the_email_field()
    {
        var (_, email) = await factory.ExpertAsync();
        using var refused = await factory.CreateClient().PostAsJsonAsync("/api/v1/experts/applications?lang=es",
            new { email, password = TestUsers.Password, consent = true, profile = AProfile() }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("Ya existe una cuenta con esta dirección. Inicie sesión con ella.", (await JsonAsync(refused)).GetProperty("errors").GetProperty("email")[0].GetString());
    }

    [Fact]
    public async Task A_weak_password_is_refused_on_the_password_field_and_creates_nothing()
    {
        var email = $"clave-corta-{Guid.NewGuid():N}@example.org";
        using var refused = await factory.CreateClient().PostAsJsonAsync("/api/v1/experts/applications?lang=es",
            new { email, password = "abc", consent = true, profile = AProfile() }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.StartsWith("La contraseña debe tener al menos", (await JsonAsync(refused)).GetProperty("errors").GetProperty("password")[0].GetString());
        await using var db = factory.NewDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == email, Ct));
    }

    [Fact]
    public async Task A_cv_of_the_wrong_type_or_size_is_refused_and_nothing_is_stored()
    {
        var (browser, profile) = await factory.SignedInExpertAsync(lang: "es");
        browser.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");

        using var notPdf = await browser.Http.PutAsync("/api/v1/experts/me/cv", CvForm("MZ\u0090 not a pdf"u8.ToArray(), "cv.pdf"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, notPdf.StatusCode);
        Assert.StartsWith("Solo se aceptan archivos PDF", (await JsonAsync(notPdf)).GetProperty("errors").GetProperty("cv")[0].GetString());

        var big = new byte[ExpertCv.MaxBytes + 1];
        Pdf.CopyTo(big, 0);
        using var body = new ByteArrayContent(big);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var tooBig = await browser.Http.PutAsync("/api/v1/experts/me/cv", body, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
        Assert.Equal("El archivo supera 5 MB.", (await JsonAsync(tooBig)).GetProperty("errors").GetProperty("cv")[0].GetString());

        using var word = new ByteArrayContent("PK\u0003\u0004"u8.ToArray());
        word.Headers.ContentType = new MediaTypeHeaderValue("application/msword");
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.Http.PutAsync("/api/v1/experts/me/cv", word, Ct)).StatusCode);

        await using var db = factory.NewDbContext();
        Assert.False(await db.ExpertCvs.AnyAsync(c => c.ExpertId == profile.Id, Ct));
    }

    [Fact]
    public async Task A_pdf_cv_is_stored_and_its_expert_downloads_it_with_the_read_audited()
    {
        var (browser, profile) = await factory.SignedInExpertAsync();

        using var upload = await browser.Http.PutAsync("/api/v1/experts/me/cv", CvForm(Pdf, "Currículo Joana.pdf"), Ct);
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.Equal("Currículo Joana.pdf", (await JsonAsync(upload)).GetProperty("fileName").GetString());

        using var download = await browser.Http.GetAsync("/api/v1/experts/me/cv", Ct);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync(Ct));
        await using var db = factory.NewDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Entity == nameof(ExpertCv) && a.Action == ExpertProfiles.CvRead && a.EntityKey == profile.Id.ToString() && a.ActorId == profile.UserId, Ct));
    }

    [Fact]
    public async Task An_expert_edits_their_own_profile_and_a_bad_edit_changes_nothing()
    {
        var (browser, _) = await factory.SignedInExpertAsync();

        using var edited = await browser.Http.PutAsJsonAsync("/api/v1/experts/me", AProfile("Lucía Fernández Ruiz") with { Availability = "unavailable", AvailableFrom = new DateOnly(2031, 1, 1), Sectors = ["11220", "14030"] }, Ct);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);

        using var bad = await browser.Http.PutAsJsonAsync("/api/v1/experts/me?lang=en", AProfile("X") with { YearsOfExperience = 200 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await JsonAsync(bad)).GetProperty("errors");
        Assert.Equal("Must be a number between 0 and 70.", errors.GetProperty("yearsOfExperience")[0].GetString());
        Assert.True(errors.TryGetProperty("fullName", out _));

        var me = (await JsonAsync(await browser.Http.GetAsync("/api/v1/experts/me", Ct))).GetProperty("profile");
        Assert.Equal("Lucía Fernández Ruiz", me.GetProperty("fullName").GetString());
        Assert.Equal("unavailable", me.GetProperty("availability").GetString());
        Assert.Equal(["11220", "14030"], me.GetProperty("sectors").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task An_expert_cannot_reach_another_experts_profile_or_cv()
    {
        var (other, _) = await factory.ExpertAsync(AProfile("Otra Experta"));
        await factory.WithScopeAsync(sp => sp.GetRequiredService<ExpertProfiles>().UploadCvAsync(other.Id, "cv.pdf", Pdf, Ct));
        var (browser, mine) = await factory.SignedInExpertAsync();
        var lastAudit = await LastAuditAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await browser.Http.GetAsync($"/api/v1/experts/{other.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.Http.GetAsync($"/api/v1/experts/{other.Id}/cv", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.Http.GetAsync("/api/v1/experts", Ct)).StatusCode);
        using var page = await browser.GetAsync($"/en/experts/{other.Id}");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/en/account/access-denied", page.Headers.Location?.OriginalString, StringComparison.Ordinal);

        // /me is always the caller's own profile: an edit never lands on anyone else's.
        using var edited = await browser.Http.PutAsJsonAsync("/api/v1/experts/me", AProfile("Yo Misma"), Ct);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        await using var db = factory.NewDbContext();
        Assert.Equal("Otra Experta", await db.ExpertProfiles.Where(p => p.Id == other.Id).Select(p => p.FullName).SingleAsync(Ct));
        Assert.Equal("Yo Misma", await db.ExpertProfiles.Where(p => p.Id == mine.Id).Select(p => p.FullName).SingleAsync(Ct));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Id > lastAudit && a.EntityKey == other.Id.ToString(), Ct));
    }

    [Fact]
    public async Task The_export_holds_the_account_the_profile_the_cv_and_their_history()
    {
        var (browser, profile) = await factory.SignedInExpertAsync(AProfile("Marie Dupont", "HT") with { Languages = [new("fr", "native"), new("qu", "basic")] });
        await browser.Http.PutAsync("/api/v1/experts/me/cv", CvForm(Pdf, "cv-marie.pdf"), Ct);

        using var export = await browser.Http.GetAsync("/api/v1/experts/me/export", Ct);

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/json", export.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", export.Content.Headers.ContentDisposition?.DispositionType);
        var data = JsonDocument.Parse(await export.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.EndsWith("@example.org", data.GetProperty("account").GetProperty("email").GetString());
        Assert.Equal("Marie Dupont", data.GetProperty("profile").GetProperty("fullName").GetString());
        Assert.Equal(["fr", "qu"], data.GetProperty("profile").GetProperty("languages").EnumerateArray().Select(l => l.GetProperty("language").GetString()).Order());
        Assert.Equal(Pdf, Convert.FromBase64String(data.GetProperty("cv").GetProperty("contentBase64").GetString()!));
        Assert.Contains(data.GetProperty("history").EnumerateArray(), h => h.GetProperty("entity").GetString() == nameof(ExpertProfile));
        Assert.NotEqual(Guid.Empty, profile.Id);
    }

    [Fact]
    public async Task Erasure_needs_a_confirmation_then_removes_the_profile_and_the_account()
    {
        var (browser, profile) = await factory.SignedInExpertAsync();
        var email = await EmailOfAsync(profile.UserId);

        using var unconfirmed = await browser.Http.DeleteAsync("/api/v1/experts/me?lang=en", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Equal("Tick the box to confirm that you want to erase all your data.", (await JsonAsync(unconfirmed)).GetProperty("errors").GetProperty("confirm")[0].GetString());

        using var request = new HttpRequestMessage(HttpMethod.Delete, "/api/v1/experts/me") { Content = JsonContent.Create(new { confirm = true }) };
        using var erased = await browser.Http.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);

        await using var db = factory.NewDbContext();
        Assert.False(await db.ExpertProfiles.AnyAsync(p => p.Id == profile.Id, Ct));
        Assert.False(await db.Users.AnyAsync(u => u.Id == profile.UserId, Ct));
        var again = AccountClient.For(factory);
        using var signIn = await again.SignInAsync(email);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }

    [Fact]
    public async Task The_secretariat_searches_the_roster_by_sector_language_country_and_availability()
    {
        var word = PageMatrixHost.Word();
        await factory.ExpertAsync(AProfile($"Ana {word}", "CO", "11220", "en", "available"));
        await factory.ExpertAsync(AProfile($"Bruno {word}", "BR", "14030", "fr", "partly"));
        await factory.ExpertAsync(AProfile($"Carla {word}", "CO", "14030", "fr", "available"));
        var secretariat = await Sessions.SignedInAsync(factory, Roles.Secretariat);

        async Task<string[]> NamesAsync(string filters)
        {
            using var response = await secretariat.Http.GetAsync($"/api/v1/experts?q={word}&{filters}", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return [.. (await JsonAsync(response)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("fullName").GetString()!.Split(' ')[0])];
        }

        Assert.Equal(["Ana", "Bruno", "Carla"], await NamesAsync(string.Empty));
        Assert.Equal(["Bruno", "Carla"], await NamesAsync("sector=14030"));
        Assert.Equal(["Ana"], await NamesAsync("category=112"));
        Assert.Equal(["Bruno", "Carla"], await NamesAsync("language=FR"));
        Assert.Equal(["Ana", "Carla"], await NamesAsync("country=co"));
        Assert.Equal(["Carla"], await NamesAsync("country=CO&sector=14030&availability=available"));
        Assert.Equal(["Ana", "Bruno", "Carla"], await NamesAsync("inRoster=false"));
        Assert.Empty(await NamesAsync("inRoster=true"));
        Assert.Equal(["Bruno"], await NamesAsync("pageSize=1&page=2"));

        using var bad = await secretariat.Http.GetAsync("/api/v1/experts?availability=soon&language=xyz&pageSize=500&lang=es", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await JsonAsync(bad)).GetProperty("errors");
        Assert.Equal(["availability", "language", "pageSize"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_cv_read_by_the_secretariat_is_audited_with_its_reader()
    {
        var (expert, _) = await factory.ExpertAsync();
        await factory.WithScopeAsync(sp => sp.GetRequiredService<ExpertProfiles>().UploadCvAsync(expert.Id, "cv.pdf", Pdf, Ct));
        var email = $"secretaria-{Guid.NewGuid():N}@example.org";
        var secretariat = await Sessions.SignedInAsync(factory, Roles.Secretariat, email: email);
        var lastAudit = await LastAuditAsync();

        var profile = await JsonAsync(await secretariat.Http.GetAsync($"/api/v1/experts/{expert.Id}", Ct));
        Assert.Equal("Lucía Fernández", profile.GetProperty("fullName").GetString());
        using var cv = await secretariat.Http.GetAsync($"/api/v1/experts/{expert.Id}/cv", Ct);
        Assert.Equal(Pdf, await cv.Content.ReadAsByteArrayAsync(Ct));

        await using var db = factory.NewDbContext();
        var secretariatId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Ct);
        var reads = await db.AuditEntries.Where(a => a.Id > lastAudit && a.Entity == nameof(ExpertCv)).ToListAsync(Ct);
        var read = Assert.Single(reads);
        Assert.Equal((ExpertProfiles.CvRead, expert.Id.ToString(), secretariatId, email), (read.Action, read.EntityKey, read.ActorId!.Value, read.Actor));
    }

    private static MultipartFormDataContent CvForm(byte[] content, string name)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "cv", name);
        return form;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

    private async Task<long> LastAuditAsync()
    {
        await using var db = factory.NewDbContext();
        return await db.AuditEntries.MaxAsync(a => (long?)a.Id, Ct) ?? 0;
    }

    private async Task<string> EmailOfAsync(Guid userId)
    {
        await using var db = factory.NewDbContext();
        return await db.Users.Where(u => u.Id == userId).Select(u => u.Email!).SingleAsync(Ct);
    }
}
