using System.IO.Compression;
using System.Text;
using System.Text.Json;
using CooperaNet.Application.Demo;
using CooperaNet.Application.Interop.Iati;
using CooperaNet.Application.Interop.OpenData;
using CooperaNet.Application.Interop.Tables;
using CooperaNet.Domain.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Application.Tests.Interop;

/// <summary>The demo catalog, a published offer with a contact person, a draft, and the package built from them.</summary>
public sealed class OpenDataFixture : IAsyncLifetime
{
    public const string ContactEmail = "maria.contacto@agencia.example.org";
    public const string ContactName = "María Contacto Reservada";

    public DataHost Host { get; private set; } = null!;

    public CatalogEntry Offer { get; private set; } = null!;

    public CatalogEntry Draft { get; private set; } = null!;

    public byte[] Package { get; private set; } = [];

    public byte[] Iati { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        Host = await DataHost.StartAsync();
        await Host.InScopeAsync(sp => sp.GetRequiredService<DemoCatalogSeeder>().SeedAsync());
        var now = Host.Clock.GetUtcNow();
        Offer = Entry("Riego por goteo para la agricultura familiar");
        Offer.Translations.Add(new EntryTranslation { Language = "en", Title = "Drip irrigation for family farming", Summary = "Small farms save water." });
        Assert.Null(Offer.Submit(now));
        Assert.Null(Offer.Publish(now));
        Draft = Entry("Borrador que nadie debe ver");
        await Host.WithDbAsync(db =>
        {
            db.Entries.AddRange(Offer, Draft);
            return db.SaveChangesAsync();
        });
        (Package, Iati) = await BuildAsync();
    }

    public Task<(byte[] Package, byte[] Iati)> BuildAsync() => Host.InScopeAsync(async sp =>
    {
        using var zip = new MemoryStream();
        using var iati = new MemoryStream();
        await sp.GetRequiredService<OpenDataPackage>().WriteAsync(zip, iati, "https://cooperanet.example.org", CancellationToken.None);
        return (zip.ToArray(), iati.ToArray());
    });

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();

    private static CatalogEntry Entry(string title)
    {
        var id = Guid.NewGuid();
        return new CatalogEntry
        {
            Id = id,
            Kind = EntryKind.Offer,
            StateCode = "CO",
            Language = "es",
            Title = title,
            Summary = $"{title}: resumen.",
            Institution = "Agencia Presidencial de Cooperación",
            ContactName = ContactName,
            ContactEmail = ContactEmail,
            WorkingLanguages = "es,en",
            Modality = Modality.ExpertMission,
            StartsOn = new DateOnly(2026, 4, 1),
            CreatedAt = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero),
            UpdatedAt = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero),
            Sectors = [new EntrySector { EntryId = id, SectorCode = "31140" }],
            Sdgs = [new EntrySdg { EntryId = id, Code = "6.4" }, new EntrySdg { EntryId = id, Code = "2" }],
        };
    }
}

public sealed class OpenDataPackageTests(OpenDataFixture data) : IClassFixture<OpenDataFixture>
{
    private static readonly string[] Files = ["offers.csv", "demands.csv", "initiatives.csv", "catalog.json", "iati-activities.xml", "datapackage.json", "LICENSE.txt"];

    [Fact]
    public void Package_holds_the_seven_files_in_a_fixed_order_stamped_with_the_generation_time()
    {
        using var zip = new ZipArchive(new MemoryStream(data.Package), ZipArchiveMode.Read);

        Assert.Equal(Files, zip.Entries.Select(e => e.FullName));
        Assert.All(zip.Entries, e => Assert.Equal(data.Host.Clock.GetUtcNow().UtcDateTime, e.LastWriteTime.UtcDateTime));
    }

    [Fact]
    public void Offers_csv_has_the_dictionarys_columns_and_the_published_offer_but_not_the_draft()
    {
        var rows = Csv("offers.csv");

        Assert.Equal(OpenDataDictionary.EntryFields.Select(f => f.Name), rows[0]);
        var offer = Assert.Single(rows, r => r[0] == data.Offer.Id.ToString("D"));
        Assert.Equal(["CO", "published", "es", "Riego por goteo para la agricultura familiar"], offer.Skip(1).Take(4));
        Assert.Equal("expert-mission", offer[7]);
        Assert.Equal("31140", offer[8]);
        Assert.Equal("2;6.4", offer[9]);
        Assert.Equal("es;en", offer[10]);
        Assert.Equal("2026-04-01", offer[11]);
        Assert.Equal("2026-03-02T14:00:00Z", offer[13]);
        Assert.DoesNotContain(rows, r => r[0] == data.Draft.Id.ToString("D"));
    }

    [Fact]
    public void Demands_csv_holds_only_demands_and_initiatives_csv_is_the_sidicss_layout()
    {
        var demands = Csv("demands.csv");
        var initiatives = Csv("initiatives.csv");

        Assert.Equal(OpenDataDictionary.EntryFields.Select(f => f.Name), demands[0]);
        Assert.True(demands.Count > 1, "The demo catalog has published demands.");
        Assert.DoesNotContain(demands, r => r[0] == data.Offer.Id.ToString("D"));
        Assert.Equal(Application.Interop.Sidicss.SidicssExchange.Columns, initiatives[0]);
        Assert.Equal(OpenDataDictionary.InitiativeFields.Select(f => f.Name), initiatives[0]);
    }

    [Fact]
    public void Catalog_json_carries_the_entry_with_its_human_translation()
    {
        using var json = JsonDocument.Parse(Read("catalog.json"));
        var entry = json.RootElement.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("id").GetString() == data.Offer.Id.ToString("D"));

        Assert.Equal("offer", entry.GetProperty("kind").GetString());
        var translation = Assert.Single(entry.GetProperty("translations").EnumerateArray());
        Assert.Equal("en", translation.GetProperty("language").GetString());
        Assert.Equal("Drip irrigation for family farming", translation.GetProperty("title").GetString());
        Assert.Equal(OpenDataDictionary.CatalogFields.Select(f => f.Name), entry.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void No_file_holds_a_contact_name_or_e_mail()
    {
        using var zip = new ZipArchive(new MemoryStream(data.Package), ZipArchiveMode.Read);

        Assert.All(zip.Entries, entry =>
        {
            var text = Read(entry.FullName);
            Assert.DoesNotContain(OpenDataFixture.ContactEmail, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(OpenDataFixture.ContactName, text, StringComparison.OrdinalIgnoreCase);
        });
        Assert.DoesNotContain(OpenDataFixture.ContactEmail, Encoding.UTF8.GetString(data.Iati), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Iati_file_is_valid_against_the_schema_and_is_the_one_in_the_package()
    {
        Assert.Empty(IatiSchema.Validate(new MemoryStream(data.Iati)));
        Assert.Equal(Encoding.UTF8.GetString(data.Iati), Read("iati-activities.xml"));
        Assert.Contains(data.Offer.Id.ToString("D"), Read("iati-activities.xml"), StringComparison.Ordinal);
    }

    [Fact]
    public void Datapackage_states_the_licence_and_describes_every_field_of_every_file()
    {
        using var json = JsonDocument.Parse(Read("datapackage.json"));
        var root = json.RootElement;

        var licence = Assert.Single(root.GetProperty("licenses").EnumerateArray());
        Assert.Equal("CC-BY-4.0", licence.GetProperty("name").GetString());
        Assert.Equal("https://creativecommons.org/licenses/by/4.0/", licence.GetProperty("path").GetString());
        var resources = root.GetProperty("resources").EnumerateArray().ToList();
        Assert.Equal(Files.Take(5).Order(StringComparer.Ordinal), resources.Select(r => r.GetProperty("path").GetString()!).Order(StringComparer.Ordinal));
        var offers = resources.Single(r => r.GetProperty("name").GetString() == "offers");
        var fields = offers.GetProperty("schema").GetProperty("fields").EnumerateArray().ToList();
        Assert.Equal(Csv("offers.csv")[0], fields.Select(f => f.GetProperty("name").GetString()));
        Assert.All(fields, f => Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("description").GetString())));
        Assert.Contains("CC BY 4.0", Read("LICENSE.txt").Replace("CC-BY-4.0", "CC BY 4.0", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains(OpenDataDictionary.Attribution, Read("LICENSE.txt"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_data_at_the_same_time_gives_the_same_bytes()
    {
        var (again, iati) = await data.BuildAsync();

        Assert.Equal(data.Package, again);
        Assert.Equal(data.Iati, iati);
    }

    private string Read(string name)
    {
        using var zip = new ZipArchive(new MemoryStream(data.Package), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry(name)!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private List<IReadOnlyList<string>> Csv(string name)
    {
        var (records, unclosed) = CsvFile.Read(Read(name));
        Assert.Null(unclosed);
        return [.. records.Select(r => r.Fields)];
    }
}

public sealed class OpenDataFilesTests
{
    private static async Task<DataHost> WithDemoCatalogAsync()
    {
        var host = await DataHost.StartAsync();
        await host.InScopeAsync(sp => sp.GetRequiredService<DemoCatalogSeeder>().SeedAsync());
        return host;
    }

    [Fact]
    public async Task Files_are_built_when_missing_kept_while_fresh_and_rebuilt_once_stale()
    {
        await using var host = await WithDemoCatalogAsync();
        var files = host.Services.GetRequiredService<OpenDataFiles>();

        Assert.True(await files.RefreshIfStaleAsync());
        var first = await files.CurrentAsync();
        Assert.True(File.Exists(first.Package.Path));
        Assert.Equal(host.Clock.GetUtcNow(), first.Package.LastModified);
        Assert.Equal(new FileInfo(first.Package.Path).Length, first.Package.Size);
        Assert.NotNull(first.Iati);
        Assert.Matches("^\"[0-9a-f]{64}\"$", first.Package.ETag);

        host.Clock.Advance(TimeSpan.FromHours(23));
        Assert.False(await files.RefreshIfStaleAsync());
        Assert.Same(first, await files.CurrentAsync());

        host.Clock.Advance(TimeSpan.FromHours(1));
        Assert.True(await files.RefreshIfStaleAsync());
        var second = await files.CurrentAsync();
        Assert.Equal(host.Clock.GetUtcNow(), second.Package.LastModified);
        Assert.NotEqual(first.Package.ETag, second.Package.ETag);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(second.Package.Path)!, "*.tmp"));
    }

    [Fact]
    public async Task With_nothing_public_the_package_goes_without_the_IATI_file_an_empty_one_would_be_invalid()
    {
        await using var host = await DataHost.StartAsync();

        var files = await host.Services.GetRequiredService<OpenDataFiles>().CurrentAsync();

        Assert.Null(files.Iati);
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(files.Package.Path)!, OpenDataPackage.IatiName)));
        using var zip = ZipFile.OpenRead(files.Package.Path);
        Assert.Equal(["offers.csv", "demands.csv", "initiatives.csv", "catalog.json", "datapackage.json", "LICENSE.txt"], zip.Entries.Select(e => e.FullName));
    }

    [Fact]
    public async Task Files_left_by_a_previous_run_are_used_while_fresh()
    {
        await using var host = await WithDemoCatalogAsync();
        var built = await host.Services.GetRequiredService<OpenDataFiles>().CurrentAsync();

        var restarted = host.StartInstance();
        var files = restarted.GetRequiredService<OpenDataFiles>();

        Assert.False(await files.RefreshIfStaleAsync());
        Assert.Equal(built, await files.CurrentAsync());
    }

    [Fact]
    public async Task Concurrent_requests_for_missing_files_build_them_once()
    {
        await using var host = await DataHost.StartAsync();
        var files = host.Services.GetRequiredService<OpenDataFiles>();

        var built = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => files.RefreshIfStaleAsync()));

        Assert.Equal(1, built.Count(b => b));
    }
}
