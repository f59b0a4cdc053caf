using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CooperaNet.Application.Identity;
using CooperaNet.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Web.Tests.CatalogApi;

/// <summary>API clients for each kind of user, with personal bearer tokens.</summary>
public sealed class CatalogApiClient
{
    public static async Task<HttpClient> ForAsync(CooperaNetFactory factory, string role, string? state = null, string language = "en")
    {
        var email = $"{role}-{state ?? "x"}-{Guid.NewGuid():N}@example.org";
        var user = await factory.CreateUserAsync(email, role, state);
        var token = await factory.WithScopeAsync(sp => sp.GetRequiredService<UserAdministration>().CreateTokenAsync(user.Id, "tests"));
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Secret);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    public static object AnOffer(string title = "Asistencia técnica en gestión de agua potable rural", string sector = "14030", string language = "es") => new
    {
        language,
        title,
        summary = "Acompañamiento a operadores comunitarios de acueductos rurales.",
        description = "Visitas técnicas, guías y formación de operadores.",
        sectors = new[] { sector },
        sdgs = new[] { "6", "6.1" },
        modality = "technical-assistance",
        workingLanguages = new[] { "es" },
        openTo = new[] { "South America" },
        institution = "APC-Colombia",
        contactName = "Ana Pérez",
        contactEmail = "ana.perez@apccolombia.gov.co",
        startsOn = "2027-02-01",
        endsOn = "2027-06-30",
        costSharing = "El oferente cubre los honorarios; el receptor, la logística.",
        expiresOn = "2027-12-31",
    };

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
}
