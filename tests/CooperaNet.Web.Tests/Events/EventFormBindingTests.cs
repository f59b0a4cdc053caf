using System.Net;
using CooperaNet.Web.Tests.CatalogPages;

namespace CooperaNet.Web.Tests.Events;

/// <summary>A value that does not bind (here a start that is not a date) is refused in the page's language, not in the framework's English.</summary>
public sealed class EventFormBindingTests(PageMatrixHost host) : IClassFixture<PageMatrixHost>
{
    [Theory]
    [InlineData("es", "«mañana» no es un valor válido aquí.")]
    [InlineData("fr", "« mañana » n’est pas une valeur valide ici.")]
    public async Task A_value_that_is_not_a_date_is_refused_in_the_pages_language(string lang, string message)
    {
        var session = await host.SessionAsync(Who.Secretariat);
        var form = EventData.Form("Evento " + PageMatrixHost.Word());
        form["Form.Start"] = "mañana";

        using var response = await session.PostAsync($"/{lang}/events/new", form);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.DoesNotContain("is not valid for", html, StringComparison.Ordinal);
    }
}
