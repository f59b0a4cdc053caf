using System.Net;
using CooperaNet.Domain.Experts;
using CooperaNet.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CooperaNet.Web.Tests.Experts.ExpertData;

namespace CooperaNet.Web.Tests.Experts;

public sealed class ExpertPagesTests(CooperaNetFactory factory) : IClassFixture<CooperaNetFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("es", "Para postularse debe aceptar el tratamiento de sus datos personales.", "Indique al menos un idioma con su nivel.")]
    [InlineData("fr", "Pour postuler, vous devez accepter le traitement de vos données personnelles.", "Indiquez au moins une langue avec son niveau.")]
    [InlineData("pt", "Para se candidatar, você deve aceitar o tratamento dos seus dados pessoais.", "Indique ao menos um idioma com seu nível.")]
    public async Task The_apply_form_refuses_bad_input_with_each_message_on_its_field_in_the_page_language(string lang, string consent, string languages)
    {
        var browser = AccountClient.For(factory);
        var fields = Form(AProfile() with { Languages = [], YearsOfExperience = 90 });
        fields["Account.Email"] = "not an address";
        fields["Account.Password"] = TestUsers.Password;

        using var response = await browser.PostFormAsync($"/{lang}/experts/apply", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await AccountClient.TextAsync(response);
        Assert.Contains("class=\"error-summary\"", html);
        Assert.Contains($"id=\"Account_Consent-error\">{consent}<", html);
        Assert.Contains($"id=\"Form_Languages-error\">{languages}<", html);
        Assert.Contains("href=\"#Account_Email\"", html);
        Assert.Contains("href=\"#Form_YearsOfExperience\"", html);
        Assert.Contains("value=\"Lucía Fernández\"", html);
    }

    [Fact]
    public async Task Applying_through_the_page_signs_the_new_expert_in_and_shows_their_profile()
    {
        var email = $"pagina-{Guid.NewGuid():N}@example.org";
        var browser = AccountClient.For(factory);
        var fields = Form(AProfile("Inés Quispe", "PE") with { Languages = [new("es", "native"), new("qu", "native"), new("en", "intermediate")] });
        fields["Account.Email"] = email;
        fields["Account.Password"] = TestUsers.Password;
        fields["Account.Consent"] = "true";

        using var response = await browser.PostFormAsync("/es/experts/apply", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/es/experts/profile", response.Headers.Location?.OriginalString);
        var profile = await browser.PageAsync("/es/experts/profile");
        Assert.Contains("Su solicitud fue recibida", profile);
        Assert.Contains("Inés Quispe", profile);
        Assert.Contains("Perú", profile);
        Assert.Contains("(qu): Lengua materna", profile);
        await using var db = factory.NewDbContext();
        var stored = await db.ExpertProfiles.Include(p => p.Languages).SingleAsync(p => p.FullName == "Inés Quispe", Ct);
        Assert.Equal(["en", "es", "qu"], stored.Languages.Select(l => l.Language).Order(StringComparer.Ordinal));
        Assert.Equal("es", await db.Users.Where(u => u.Id == stored.UserId).Select(u => u.PreferredLanguage).SingleAsync(Ct));
    }

    [Fact]
    public async Task The_profile_page_saves_an_edit_and_refuses_a_cv_that_is_not_a_pdf()
    {
        var (browser, profile) = await factory.SignedInExpertAsync();

        using var saved = await browser.PostFormAsync("/en/experts/profile", Form(AProfile("Lucía F. Ruiz") with { Sectors = ["11220"] }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Lucía F. Ruiz", await browser.PageAsync("/en/experts/profile"));

        var page = await browser.PageAsync("/en/experts/profile");
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(AccountClient.FormToken(page)), "__RequestVerificationToken" },
            { new ByteArrayContent("GIF89a not a pdf"u8.ToArray()), "CvFile", "cv.pdf" },
        };
        using var refused = await browser.Http.PostAsync("/en/experts/profile?handler=Cv", upload, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("id=\"CvFile-error\">Only PDF files are accepted", await AccountClient.TextAsync(refused));
        await using var db = factory.NewDbContext();
        Assert.False(await db.ExpertCvs.AnyAsync(c => c.ExpertId == profile.Id, Ct));
        Assert.Equal(["11220"], await db.Set<ExpertSector>().Where(s => s.ExpertId == profile.Id).Select(s => s.SectorCode).ToListAsync(Ct));
    }

    [Fact]
    public async Task Erasing_from_the_page_asks_for_the_box_then_erases_and_signs_out()
    {
        var (browser, profile) = await factory.SignedInExpertAsync(lang: "fr");
        var page = await browser.PageAsync("/fr/experts/profile");
        foreach (var handler in new[] { "Cv", "Erase" })
        {
            Assert.Matches($"(?s)<form [^>]*handler={handler}[^>]*>(?:(?!</form>).)*name=\"__RequestVerificationToken\"", page);
        }

        using var unconfirmed = await browser.PostFormAsync("/fr/experts/profile?handler=Erase", new Dictionary<string, string>(), "/fr/experts/profile");
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Contains("Cochez la case pour confirmer", await AccountClient.TextAsync(unconfirmed));

        using var erased = await browser.PostFormAsync("/fr/experts/profile?handler=Erase", new Dictionary<string, string> { ["ConfirmErasure"] = "true" }, "/fr/experts/profile");
        Assert.Equal(HttpStatusCode.Redirect, erased.StatusCode);
        Assert.Equal("/fr/experts/apply", erased.Headers.Location?.OriginalString);
        Assert.Contains("Votre profil, votre CV et votre compte ont été effacés.", await browser.PageAsync("/fr/experts/apply"));
        await using var db = factory.NewDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.Id == profile.UserId, Ct));
    }
}
