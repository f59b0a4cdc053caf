using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using CooperaNet.Application.Interop.Iati;
using CooperaNet.Web.Tests.Support;
using static CooperaNet.Web.Tests.Support.EntryBuilder;

namespace CooperaNet.Web.Tests.OpenData;

/// <summary>The application with one published offer, saved before the open-data files are first built.</summary>
public sealed class OpenDataHost : CooperaNetFactory, IAsyncLifetime
{
    public const string OfferTitle = "Bancos de leche humana en hospitales públicos";

    public async ValueTask InitializeAsync() =>
        await AnEntry().Offer().From("BR").InSector("12240").ForSdg("3").Titled(OfferTitle).Published().SaveAsync(this);
}

public sealed class OpenDataTests(OpenDataHost host) : IClassFixture<OpenDataHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Package_is_served_with_its_etag_last_modified_and_a_public_cache_and_holds_the_seven_files()
    {
        using var client = host.CreateClient();

        using var response = await client.GetAsync("/open-data/cooperanet-open-data.zip", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Matches("^\"[0-9a-f]{64}\"$", response.Headers.ETag?.Tag);
        Assert.NotNull(response.Content.Headers.LastModified);
        Assert.True(response.Headers.CacheControl?.Public);
        Assert.Equal(TimeSpan.FromHours(1), response.Headers.CacheControl?.MaxAge);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(Ct), ZipArchiveMode.Read);
        Assert.Equal(["offers.csv", "demands.csv", "initiatives.csv", "catalog.json", "iati-activities.xml", "datapackage.json", "LICENSE.txt"], zip.Entries.Select(e => e.FullName));
        using var offers = new StreamReader(zip.GetEntry("offers.csv")!.Open());
        Assert.Contains(OpenDataHost.OfferTitle, await offers.ReadToEndAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/open-data/cooperanet-open-data.zip")]
    [InlineData("/open-data/iati-activities.xml")]
    public async Task A_client_with_the_current_etag_gets_304_and_one_with_another_gets_the_file(string path)
    {
        using var client = host.CreateClient();
        using var first = await client.GetAsync(path, Ct);

        using var same = new HttpRequestMessage(HttpMethod.Get, path);
        same.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var notModified = await client.SendAsync(same, Ct);
        using var other = new HttpRequestMessage(HttpMethod.Get, path);
        other.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"" + new string('0', 64) + "\""));
        using var changed = await client.SendAsync(other, Ct);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(first.Headers.ETag, notModified.Headers.ETag);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(Ct), await changed.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task A_client_that_has_the_file_since_its_last_modified_date_gets_304_and_an_older_one_gets_the_file()
    {
        using var client = host.CreateClient();
        using var first = await client.GetAsync("/open-data/cooperanet-open-data.zip", Ct);
        var lastModified = first.Content.Headers.LastModified!.Value;

        using var since = new HttpRequestMessage(HttpMethod.Get, "/open-data/cooperanet-open-data.zip");
        since.Headers.IfModifiedSince = lastModified;
        using var notModified = await client.SendAsync(since, Ct);
        using var before = new HttpRequestMessage(HttpMethod.Get, "/open-data/cooperanet-open-data.zip");
        before.Headers.IfModifiedSince = lastModified.AddDays(-1);
        using var modified = await client.SendAsync(before, Ct);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.OK, modified.StatusCode);
    }

    [Fact]
    public async Task Iati_file_is_served_as_valid_xml()
    {
        using var client = host.CreateClient();

        using var response = await client.GetAsync("/open-data/iati-activities.xml", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.ETag);
        Assert.Empty(IatiSchema.Validate(await response.Content.ReadAsStreamAsync(Ct)));
    }

    [Theory]
    [InlineData("es", "Datos abiertos", "Diccionario de datos", "Resumen, en el idioma de la ficha.")]
    [InlineData("en", "Open data", "Data dictionary", "Summary, in the entry's language.")]
    [InlineData("pt", "Dados abertos", "Dicionário de dados", "Resumo, no idioma da ficha.")]
    [InlineData("fr", "Données ouvertes", "Dictionnaire des données", "Résumé, dans la langue de la fiche.")]
    public async Task Page_gives_the_licence_the_links_and_the_dictionary_in_its_language(string lang, string title, string dictionary, string summaryMeaning)
    {
        using var client = host.CreateClient();

        var page = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync($"/{lang}/open-data", Ct));

        Assert.Contains($"<h1>{title}</h1>", page, StringComparison.Ordinal);
        Assert.Contains($">{dictionary}</h2>", page, StringComparison.Ordinal);
        Assert.Contains(summaryMeaning, page, StringComparison.Ordinal);
        Assert.Contains("href=\"/open-data/cooperanet-open-data.zip\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/open-data/iati-activities.xml\"", page, StringComparison.Ordinal);
        Assert.Contains("https://creativecommons.org/licenses/by/4.0/", page, StringComparison.Ordinal);
        Assert.Contains("CooperaNet — Organization of American States", page, StringComparison.Ordinal);
        Assert.Contains("<code>coste_ejecutado_receptor</code>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("OpenData.", page, StringComparison.Ordinal);
    }
}
