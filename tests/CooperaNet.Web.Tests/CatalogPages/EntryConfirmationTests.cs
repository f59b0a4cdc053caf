using System.Net;
using CooperaNet.Application.Identity;
using CooperaNet.Domain.Catalog;
using CooperaNet.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CooperaNet.Web.Tests.Support.EntryBuilder;

namespace CooperaNet.Web.Tests.CatalogPages;

/// <summary>Deleting and withdrawing take two steps, without JavaScript: the button asks, the confirmation acts.</summary>
public sealed class EntryConfirmationTests(CooperaNetFactory factory) : IClassFixture<CooperaNetFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Deleting_asks_first_and_changes_nothing_until_confirmed()
    {
        var entry = await AnEntry().Offer().From("UY").Titled("Gestión de residuos sólidos urbanos").Published().SaveAsync(factory);
        var uruguay = await Sessions.SignedInAsync(factory, Roles.FocalPoint, "UY");
        var path = $"/en/catalog/{entry.Id}";

        using var asked = await uruguay.PostFormAsync(path, new Dictionary<string, string> { ["transition"] = "delete" });

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var page = await AccountClient.TextAsync(asked);
        Assert.Matches(
            "<section class=\"notice confirm\" aria-labelledby=\"confirm-title\" aria-describedby=\"confirm-hint\">\\s*" +
            "<h3 id=\"confirm-title\" tabindex=\"-1\" autofocus>Delete this entry\\?</h3>\\s*" +
            "<p id=\"confirm-hint\">It can be restored by the secretariat.</p>\\s*" +
            "<div class=\"actions\">\\s*<form method=\"post\" class=\"inline-form\">\\s*" +
            "<input type=\"hidden\" name=\"transition\" value=\"delete\">\\s*" +
            "<input type=\"hidden\" name=\"confirmed\" value=\"true\">\\s*" +
            "<button type=\"submit\" class=\"button warning\">Yes, delete it</button>",
            page);
        Assert.Contains($"<a class=\"button secondary\" href=\"{path}\">Cancel</a>", page);
        Assert.Contains("<title>Delete this entry? Gestión de residuos sólidos urbanos", page);
        await using (var db = factory.NewDbContext())
        {
            Assert.Null((await db.Entries.AsNoTracking().SingleAsync(e => e.Id == entry.Id, Ct)).DeletedAt);
        }

        using var confirmed = await uruguay.PostFormAsync(path, new Dictionary<string, string> { ["transition"] = "delete", ["confirmed"] = "true" });

        Assert.Equal("/en/catalog", confirmed.Headers.Location?.OriginalString);
        await using var after = factory.NewDbContext();
        Assert.NotNull((await after.Entries.IgnoreQueryFilters().AsNoTracking().SingleAsync(e => e.Id == entry.Id, Ct)).DeletedAt);
    }

    [Fact]
    public async Task Withdrawing_asks_first_and_says_it_cannot_be_undone()
    {
        var entry = await AnEntry().Demand().From("PY").Titled("Mejoramiento genético de la soja").Submitted().SaveAsync(factory);
        var paraguay = await Sessions.SignedInAsync(factory, Roles.FocalPoint, "PY");
        var path = $"/en/catalog/{entry.Id}";

        using var asked = await paraguay.PostFormAsync(path, new Dictionary<string, string> { ["transition"] = "withdraw" });

        var page = await AccountClient.TextAsync(asked);
        Assert.Contains("autofocus>Withdraw this entry?</h3>", page);
        Assert.Contains("a withdrawn entry cannot be submitted or published again.", page);
        Assert.Matches("<input type=\"hidden\" name=\"transition\" value=\"withdraw\">\\s*<input type=\"hidden\" name=\"confirmed\" value=\"true\">", page);

        using var confirmed = await paraguay.PostFormAsync(path, new Dictionary<string, string> { ["transition"] = "withdraw", ["confirmed"] = "true" });

        Assert.Equal(path, confirmed.Headers.Location?.OriginalString);
        await using var db = factory.NewDbContext();
        Assert.Equal(EntryStatus.Withdrawn, (await db.Entries.AsNoTracking().SingleAsync(e => e.Id == entry.Id, Ct)).Status);
    }

    [Fact]
    public async Task The_entry_page_shows_no_confirmation_until_a_destructive_button_is_pressed()
    {
        var entry = await AnEntry().Offer().From("BO").Titled("Cadenas de valor de la quinua").SaveAsync(factory);
        var bolivia = await Sessions.SignedInAsync(factory, Roles.FocalPoint, "BO");
        var path = $"/en/catalog/{entry.Id}";

        var page = await bolivia.PageAsync(path);
        using var submitted = await bolivia.PostFormAsync(path, new Dictionary<string, string> { ["transition"] = "submit" });

        Assert.DoesNotContain("confirm-title", page);
        Assert.Matches("value=\"delete\">\\s*<button type=\"submit\" class=\"button warning\">Delete</button>", page);
        Assert.Equal(path, submitted.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("es", "¿Eliminar esta ficha?", "La secretaría puede restaurarla.", "Sí, eliminarla", "Cancelar")]
    [InlineData("en", "Delete this entry?", "It can be restored by the secretariat.", "Yes, delete it", "Cancel")]
    [InlineData("pt", "Excluir esta ficha?", "A secretaria pode restaurá-la.", "Sim, excluí-la", "Cancelar")]
    [InlineData("fr", "Supprimer cette fiche ?", "Le secrétariat peut la restaurer.", "Oui, la supprimer", "Annuler")]
    public async Task The_confirmation_speaks_the_page_language(string lang, string question, string hint, string confirm, string cancel)
    {
        var entry = await AnEntry().Offer().From("CR").Titled("Pago por servicios ambientales").SaveAsync(factory);
        var secretariat = await Sessions.SignedInAsync(factory, Roles.Secretariat, lang: lang);
        var path = $"/{lang}/catalog/{entry.Id}";

        using var asked = await secretariat.PostFormAsync(path, new Dictionary<string, string> { ["transition"] = "delete" });

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var page = await AccountClient.TextAsync(asked);
        Assert.Contains($"autofocus>{question}</h3>", page);
        Assert.Contains($"<p id=\"confirm-hint\">{hint}</p>", page);
        Assert.Contains($"class=\"button warning\">{confirm}</button>", page);
        Assert.Contains($"href=\"{path}\">{cancel}</a>", page);
    }
}
