using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CooperaNet.Application.Identity;
using CooperaNet.Web.Tests.Support;
using static CooperaNet.Web.Tests.CatalogApi.CatalogApiClient;

namespace CooperaNet.Web.Tests.CatalogApi;

/// <summary>A small published catalog shared by the search tests of this class (read-only after set-up).</summary>
public sealed class SearchCatalogFactory : CooperaNetFactory, IAsyncLifetime
{
    public async ValueTask InitializeAsync()
    {
        var colombia = await ForAsync(this, Roles.FocalPoint, "CO");
        var brazil = await ForAsync(this, Roles.FocalPoint, "BR");
        var canada = await ForAsync(this, Roles.FocalPoint, "CA");
        var secretariat = await ForAsync(this, Roles.Secretariat);
        await PublishAsync(colombia, secretariat, "offers", AnOffer("Educación técnica para jóvenes rurales", "11330"));
        await PublishAsync(brazil, secretariat, "offers", AnOffer("Formação profissional em energia solar", "23230", "pt"));
        await PublishAsync(canada, secretariat, "offers", AnOffer("Rural water supply operators training", "14030", "en"));
        await PublishAsync(colombia, secretariat, "demands", AnOffer("Sistemas de alerta temprana de inundaciones", "74020"));
        using var draft = await colombia.PostAsJsonAsync("/api/v1/offers", AnOffer("Borrador sobre educación ambiental", "41081"));
        Assert.Equal(HttpStatusCode.Created, draft.StatusCode);
    }

    private static async Task PublishAsync(HttpClient author, HttpClient secretariat, string kind, object body)
    {
        using var created = await author.PostAsJsonAsync($"/api/v1/{kind}", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await JsonAsync(created)).GetProperty("id").GetGuid();
        (await author.PostAsync($"/api/v1/{kind}/{id}/submit", null)).EnsureSuccessStatusCode();
        (await secretariat.PostAsync($"/api/v1/{kind}/{id}/publish", null)).EnsureSuccessStatusCode();
    }
}

public sealed class CatalogSearchTests(SearchCatalogFactory factory) : IClassFixture<SearchCatalogFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("educacion", "Educación técnica para jóvenes rurales")]
    [InlineData("EDUCACIÓN", "Educación técnica para jóvenes rurales")]
    [InlineData("water", "Rural water supply operators training")]
    [InlineData("formação", "Formação profissional em energia solar")]
    [InlineData("formacoes profissionais", "Formação profissional em energia solar")]
    public async Task Search_ignores_accents_case_and_plural(string query, string title)
    {
        var titles = await TitlesAsync($"/api/v1/offers?q={Uri.EscapeDataString(query)}");
        Assert.Contains(title, titles);
    }

    [Fact]
    public async Task A_Spanish_query_finds_an_English_entry_through_its_sector()
    {
        var titles = await TitlesAsync("/api/v1/offers?q=agua%20potable&lang=es");
        Assert.Equal(["Rural water supply operators training"], titles);
    }

    [Fact]
    public async Task Drafts_are_never_public()
    {
        Assert.DoesNotContain("Borrador sobre educación ambiental", await TitlesAsync("/api/v1/offers?q=educacion"));
        using var response = await factory.CreateClient().GetAsync("/api/v1/offers?status=draft", Ct);
        Assert.Equal(0, (await JsonAsync(response)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Filters_narrow_the_results()
    {
        Assert.Equal(["Formação profissional em energia solar"], await TitlesAsync("/api/v1/offers?state=BR"));
        Assert.Equal(["Rural water supply operators training"], await TitlesAsync("/api/v1/offers?category=140"));
        Assert.Equal(["Sistemas de alerta temprana de inundaciones"], await TitlesAsync("/api/v1/demands?subregion=South%20America"));
        Assert.Equal(3, (await TitlesAsync("/api/v1/offers?sdg=6")).Count);
        Assert.Empty(await TitlesAsync("/api/v1/offers?modality=scholarship"));
    }

    [Fact]
    public async Task Results_are_paged()
    {
        using var response = await factory.CreateClient().GetAsync("/api/v1/offers?pageSize=2&page=2&sort=title", Ct);
        var page = await JsonAsync(response);
        Assert.Equal(3, page.GetProperty("total").GetInt32());
        Assert.Equal(["Rural water supply operators training"], page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task The_list_downloads_as_csv_with_names_in_the_requested_language()
    {
        using var response = await factory.CreateClient().GetAsync("/api/v1/offers?q=water&format=csv&lang=es", Ct);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var csv = await response.Content.ReadAsStringAsync(Ct);
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("Identificador,Tipo,Código del Estado,Estado,", lines[0]);
        Assert.Contains("Canadá", lines[1]);
        Assert.Contains("Asistencia técnica", lines[1]);
    }

    [Fact]
    public async Task The_list_downloads_as_an_excel_workbook()
    {
        using var response = await factory.CreateClient().GetAsync("/api/v1/offers?format=xlsx&lang=fr", Ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var rows = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal("Identifiant", rows[0].Descendants<DocumentFormat.OpenXml.Spreadsheet.Text>().First().Text);
    }

    [Fact]
    public async Task Unknown_filter_values_are_refused()
    {
        using var response = await factory.CreateClient().GetAsync("/api/v1/offers?format=pdf", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<List<string?>> TitlesAsync(string path)
    {
        using var response = await factory.CreateClient().GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await JsonAsync(response);
        return json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()).ToList();
    }
}
