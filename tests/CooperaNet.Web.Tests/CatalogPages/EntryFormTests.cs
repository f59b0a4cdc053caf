using System.Net;
using CooperaNet.Application.Identity;
using CooperaNet.Domain.Catalog;
using CooperaNet.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CooperaNet.Web.Tests.Support.EntryBuilder;

namespace CooperaNet.Web.Tests.CatalogPages;

public sealed class EntryFormTests(CooperaNetFactory factory) : IClassFixture<CooperaNetFactory>
{
    private static Dictionary<string, string> ADemand(string title) => new()
    {
        ["Form.Kind"] = "demand",
        ["Form.Language"] = "es",
        ["Form.Title"] = title,
        ["Form.Summary"] = "Fortalecer la vigilancia epidemiológica de enfermedades transmitidas por vectores.",
        ["Form.Description"] = "Capacitación de equipos provinciales.\nProtocolos de notificación.",
        ["Form.Sectors"] = "12250, 12220",
        ["Form.Sdgs"] = "3, 3.3",
        ["Form.Modality"] = "expert-mission",
        ["Form.WorkingLanguages"] = "es",
        ["Form.OpenTo"] = "South America, MX",
        ["Form.Institution"] = "Ministerio de Salud",
        ["Form.ContactName"] = "Lucía Gómez",
        ["Form.ContactEmail"] = "lucia.gomez@salud.gob.ar",
        ["Form.StartsOn"] = "2027-03-01",
        ["Form.EndsOn"] = "2027-09-30",
        ["Form.CostSharing"] = "El Estado solicitante cubre la logística local.",
        ["Form.Translations[0].Language"] = "en",
        ["Form.Translations[0].Title"] = "Surveillance of vector-borne diseases",
        ["Form.Translations[0].Summary"] = "Strengthening epidemiological surveillance of vector-borne diseases.",
    };

    [Fact]
    public async Task The_form_suggests_sectors_and_goals_from_the_text_without_saving()
    {
        var uruguay = await Sessions.SignedInAsync(factory, Roles.FocalPoint, "UY");
        var typed = ADemand("Capacitación de operadores de acueductos rurales en agua potable");
        typed["Form.Sectors"] = string.Empty;

        using var response = await uruguay.PostFormAsync("/es/catalog/new?handler=Suggest", typed);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("<code>14030</code>", page);
        Assert.Contains("value=\"Capacitación de operadores de acueductos rurales en agua potable\"", page);
        await using var db = factory.NewDbContext();
        Assert.False(await db.Entries.AnyAsync(e => e.StateCode == "UY", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Focal_point_creates_an_entry_through_the_form_and_lands_on_it()
    {
        var argentina = await Sessions.SignedInAsync(factory, Roles.FocalPoint, "AR");
        Assert.Contains("href=\"/en/catalog/new\"", await argentina.PageAsync("/en/"));
        var form = await argentina.PageAsync("/en/catalog/new?kind=demand");
        Assert.Contains("Member state: Argentina", form);
        Assert.Contains("<datalist id=\"sector-codes\">", form);

        using var saved = await argentina.PostFormAsync("/en/catalog/new", ADemand("Vigilancia de enfermedades transmitidas por vectores"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var location = saved.Headers.Location!.OriginalString;
        Assert.StartsWith("/en/catalog/", location);
        var page = await argentina.PageAsync(location);
        Assert.Contains("Saved as a draft. Submit it to the secretariat when it is ready.", page);
        Assert.Contains("<h1 lang=\"en\">Surveillance of vector-borne diseases</h1>", page);
        Assert.Contains("Translated by the author. Original language: Spanish.", page);
        await using var db = factory.NewDbContext();
        var entry = await db.Entries.AsNoTracking().Include(e => e.Sectors).Include(e => e.Translations)
            .SingleAsync(e => e.Title == "Vigilancia de enfermedades transmitidas por vectores", TestContext.Current.CancellationToken);
        Assert.Equal("AR", entry.StateCode);
        Assert.Equal(EntryKind.Demand, entry.Kind);
        Assert.Equal(EntryStatus.Draft, entry.Status);
        Assert.Equal(["12220", "12250"], entry.Sectors.Select(s => s.SectorCode).Order());
        Assert.Equal("South America,MX", entry.OpenTo);
        Assert.Equal(new DateOnly(2027, 9, 30), entry.EndsOn);
        Assert.Equal("Surveillance of vector-borne diseases", Assert.Single(entry.Translations).Title);
    }

    [Fact]
    public async Task Another_states_focal_point_does_not_find_a_draft_through_its_edit_page()
    {
        var colombia = await Sessions.SignedInAsync(factory, Roles.FocalPoint, "CO");
        var argentina = await Sessions.SignedInAsync(factory, Roles.FocalPoint, "AR");
        using var created = await colombia.PostFormAsync("/en/catalog/new", ADemand("Demanda colombiana que otro Estado no edita"));
        var edit = created.Headers.Location!.OriginalString + "/edit";

        using var page = await argentina.GetAsync(edit);
        using var post = await argentina.PostFormAsync(edit, ADemand("Tomada por otro Estado"), formPage: "/en/catalog");
        var own = await colombia.PageAsync(edit);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.DoesNotContain("Demanda colombiana", await AccountClient.TextAsync(page));
        Assert.Contains("value=\"Demanda colombiana que otro Estado no edita\"", own);
    }

    [Theory]
    [InlineData(Roles.Expert)]
    [InlineData(Roles.Partner)]
    public async Task Roles_without_a_state_get_403_on_the_new_entry_page(string role)
    {
        var someone = await Sessions.SignedInAsync(factory, role);

        using var page = await someone.GetAsync("/en/catalog/new");

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.DoesNotContain("href=\"/en/catalog/new\"", await someone.PageAsync("/en/"));
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        using var page = await AccountClient.For(factory).GetAsync("/es/catalog/new?kind=offer");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/es/account/sign-in?ReturnUrl=", page.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Invalid_form_shows_the_localized_errors_and_keeps_what_was_typed()
    {
        var mexico = await Sessions.SignedInAsync(factory, Roles.FocalPoint, "MX", lang: "es");
        var fields = ADemand("Ab");
        fields["Form.Kind"] = string.Empty;
        fields["Form.Sectors"] = "12250, 99999";
        fields["Form.ContactEmail"] = "lucia en salud";
        fields["Form.Modality"] = string.Empty;
        fields["Form.Translations[1].Title"] = "Traduction sans langue";

        using var response = await mexico.PostFormAsync("/es/catalog/new", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await AccountClient.TextAsync(response);
        Assert.Contains("class=\"error-summary\" role=\"alert\"", page);
        Assert.Contains("<a href=\"#Form_Kind\">Elija si es una oferta o una demanda.</a>", page);
        Assert.Contains("<a href=\"#Form_Title\">Debe tener entre 3 y 200 caracteres.</a>", page);
        Assert.Contains("<a href=\"#Form_Sectors\">«99999» no es un código de sector CAD vigente.</a>", page);
        Assert.Contains("<a href=\"#Form_ContactEmail\">", page);
        Assert.Contains("<a href=\"#Form_Modality\">Elija una modalidad.</a>", page);
        Assert.Contains("<a href=\"#Form_Translations_1__Language\">", page);
        Assert.Contains("<p class=\"field-error\" id=\"Form_Title-error\">Debe tener entre 3 y 200 caracteres.</p>", page);
        Assert.Contains("value=\"Ab\"", page);
        Assert.Contains("value=\"12250, 99999\"", page);
        Assert.Contains("Fortalecer la vigilancia epidemiológica de enfermedades transmitidas por vectores.</textarea>", page);
        Assert.Contains("value=\"Traduction sans langue\"", page);
        Assert.Contains("value=\"Surveillance of vector-borne diseases\"", page);
        await using var db = factory.NewDbContext();
        Assert.False(await db.Entries.AnyAsync(e => e.Title == "Ab", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Own_focal_point_edits_a_draft_but_not_a_published_entry()
    {
        var draft = await AnEntry().Offer().From("DO").Titled("Turismo sostenible en zonas costeras").SaveAsync(factory);
        var published = await AnEntry().Offer().From("DO").Titled("Gestión de residuos en destinos turísticos").Published().SaveAsync(factory);
        var dominicana = await Sessions.SignedInAsync(factory, Roles.FocalPoint, "DO");
        var fields = ADemand("Turismo sostenible y resiliente en zonas costeras");

        using var saved = await dominicana.PostFormAsync($"/en/catalog/{draft.Id}/edit", fields);
        using var locked = await dominicana.GetAsync($"/en/catalog/{published.Id}/edit");

        Assert.Equal($"/en/catalog/{draft.Id}", saved.Headers.Location?.OriginalString);
        Assert.Contains("Your changes are saved.", await dominicana.PageAsync($"/en/catalog/{draft.Id}"));
        Assert.Equal(HttpStatusCode.Conflict, locked.StatusCode);
        Assert.Contains("Only drafts can be changed; ask the secretariat to return it.", await AccountClient.TextAsync(locked));
    }

    [Fact]
    public async Task The_secretariat_chooses_the_state()
    {
        var secretariat = await Sessions.SignedInAsync(factory, Roles.Secretariat);
        var form = await secretariat.PageAsync("/en/catalog/new");
        Assert.Contains("<select id=\"Form_State\" name=\"Form.State\">", form);

        var fields = ADemand("Registro civil digital en comunidades indígenas");
        using var missing = await secretariat.PostFormAsync("/en/catalog/new", fields);
        fields["Form.State"] = "HN";
        using var saved = await secretariat.PostFormAsync("/en/catalog/new", fields);

        Assert.Contains("<a href=\"#Form_State\">This is required.</a>", await AccountClient.TextAsync(missing));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var db = factory.NewDbContext();
        var entry = await db.Entries.AsNoTracking().SingleAsync(e => e.Title == "Registro civil digital en comunidades indígenas", TestContext.Current.CancellationToken);
        Assert.Equal("HN", entry.StateCode);
        Assert.True(entry.LastChangedBySecretariat);
    }
}
