using System.Diagnostics;
using System.Text;
using System.Xml.Linq;
using CooperaNet.Application.Demo;
using CooperaNet.Application.Interop.Iati;
using CooperaNet.Domain.Catalog;
using CooperaNet.Domain.Crossing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CooperaNet.Application.Tests.Interop;

/// <summary>The demo catalog with a few hand-made records beside it, exported once as IATI.</summary>
public sealed class IatiExportFixture : IAsyncLifetime
{
    public DataHost Host { get; private set; } = null!;

    public CatalogEntry Offer { get; } = Entry(EntryKind.Offer, "CO", "es", "Riego por goteo para la agricultura familiar", ["31140", "31161"], ["2", "6.4", "2.3"]);

    public CatalogEntry Demand { get; } = Entry(EntryKind.Demand, "PY", "es", "Gestión del agua en pequeñas fincas\u0001", ["31140"], ["6"]);

    public CatalogEntry Closed { get; } = Entry(EntryKind.Offer, "BR", "pt", "Bancos de leite humano", ["12240"], []);

    public CatalogEntry Draft { get; } = Entry(EntryKind.Offer, "UY", "es", "Borrador sin publicar", ["15110"], []);

    public CatalogEntry Deleted { get; } = Entry(EntryKind.Demand, "HN", "es", "Demanda retirada del catálogo", ["15110"], []);

    public Initiative Initiative { get; private set; } = null!;

    public byte[] Document { get; private set; } = [];

    public IatiExportResult Result { get; private set; } = null!;

    public int PublicEntries { get; private set; }

    public async ValueTask InitializeAsync()
    {
        Host = await DataHost.StartAsync();
        await Host.InScopeAsync(sp => sp.GetRequiredService<DemoCatalogSeeder>().SeedAsync());
        var now = Host.Clock.GetUtcNow();
        Demand.Translations.Add(new EntryTranslation { Language = "en", Title = "Water management on small farms", Summary = "Small farms need to manage water." });
        foreach (var entry in new[] { Offer, Demand, Closed, Deleted })
        {
            Assert.Null(entry.Submit(now));
            Assert.Null(entry.Publish(now));
        }

        Assert.Null(Closed.Close(now));
        Assert.Null(Deleted.Delete(now));
        Initiative = new Initiative
        {
            Id = Guid.NewGuid(),
            Title = "Agua para la agricultura familiar",
            Language = "es",
            Modality = CooperationModality.Triangular,
            OfferId = Offer.Id,
            DemandId = Demand.Id,
            StartsOn = new DateOnly(2026, 3, 1),
            EndsOn = new DateOnly(2026, 12, 31),
            CreatedAt = now,
            Participants =
            [
                new InitiativeParticipant { StateCode = "CO", Role = ParticipantRole.FirstOfferer },
                new InitiativeParticipant { StateCode = "CL", Role = ParticipantRole.SecondOfferer },
                new InitiativeParticipant { StateCode = "PY", Role = ParticipantRole.Receiver },
            ],
        };
        await Host.WithDbAsync(db =>
        {
            db.Entries.AddRange(Offer, Demand, Closed, Draft, Deleted);
            db.Initiatives.Add(Initiative);
            return db.SaveChangesAsync();
        });
        PublicEntries = await Host.WithDbAsync(db => db.Entries.CountAsync(e => e.DeletedAt == null && (e.Status == EntryStatus.Published || e.Status == EntryStatus.Closed)));

        using var output = new MemoryStream();
        Result = await Host.InScopeAsync(sp => sp.GetRequiredService<IatiExporter>().WriteAsync(output, "https://cooperanet.example.org/", CancellationToken.None));
        Document = output.ToArray();
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();

    private static CatalogEntry Entry(EntryKind kind, string state, string language, string title, string[] sectors, string[] sdgs)
    {
        var id = Guid.NewGuid();
        return new CatalogEntry
        {
            Id = id,
            Kind = kind,
            StateCode = state,
            Language = language,
            Title = title,
            Summary = $"{title}: resumen.",
            Institution = $"Institución de {state}",
            Modality = kind == EntryKind.Offer ? Modality.ExpertMission : Modality.TechnicalAssistance,
            CreatedAt = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero),
            UpdatedAt = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero),
            Sectors = [.. sectors.Select(s => new EntrySector { EntryId = id, SectorCode = s })],
            Sdgs = [.. sdgs.Select(s => new EntrySdg { EntryId = id, Code = s })],
        };
    }
}

public sealed class IatiExportTests(IatiExportFixture export) : IClassFixture<IatiExportFixture>
{
    private static readonly XNamespace Xml = XNamespace.Xml;

    private XDocument Document => XDocument.Parse(Encoding.UTF8.GetString(export.Document));

    [Fact]
    public void The_export_is_valid_against_the_official_schema()
    {
        using var stream = new MemoryStream(export.Document);
        Assert.Empty(IatiSchema.Validate(stream));
    }

    [Fact]
    public async Task Xmllint_accepts_it_with_the_official_schema()
    {
        var folder = Directory.CreateTempSubdirectory("cooperanet-iati-");
        try
        {
            var assembly = typeof(IatiSchema).Assembly;
            foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("CooperaNet.Iati.", StringComparison.Ordinal)))
            {
                await using var resource = assembly.GetManifestResourceStream(name)!;
                await using var file = File.Create(Path.Combine(folder.FullName, name["CooperaNet.Iati.".Length..]));
                await resource.CopyToAsync(file, TestContext.Current.CancellationToken);
            }

            var path = Path.Combine(folder.FullName, "export.xml");
            await File.WriteAllBytesAsync(path, export.Document, TestContext.Current.CancellationToken);
            var (code, error) = await XmllintAsync(Path.Combine(folder.FullName, "iati-activities-schema.xsd"), path);
            Assert.True(code == 0, error);
            Assert.Contains("validates", error, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Every_public_entry_and_initiative_is_an_activity_and_nothing_else()
    {
        var activities = Document.Root!.Elements("iati-activity").ToList();
        var identifiers = activities.Select(a => a.Element("iati-identifier")!.Value).ToList();

        Assert.Equal("2.03", Document.Root.Attribute("version")!.Value);
        Assert.Equal(export.PublicEntries + 1, activities.Count);
        Assert.Equal(activities.Count, export.Result.Activities);
        Assert.Equal(1, export.Result.Initiatives);
        Assert.Equal(identifiers.Count, identifiers.Distinct().Count());
        Assert.Contains($"XI-IATI-OAS-{export.Closed.Id:D}", identifiers);
        Assert.DoesNotContain($"XI-IATI-OAS-{export.Draft.Id:D}", identifiers);
        Assert.DoesNotContain($"XI-IATI-OAS-{export.Deleted.Id:D}", identifiers);
        Assert.All(activities, a => Assert.Equal("XI-IATI-OAS", a.Element("reporting-org")!.Attribute("ref")!.Value));
    }

    [Fact]
    public void A_demand_carries_its_translations_its_country_its_sectors_and_its_page()
    {
        var demand = Activity(export.Demand.Id);

        Assert.Equal("es", demand.Attribute(Xml + "lang")!.Value);
        var titles = demand.Element("title")!.Elements("narrative").ToList();
        Assert.Equal(["Gestión del agua en pequeñas fincas", "Water management on small farms"], titles.Select(t => t.Value));
        Assert.Null(titles[0].Attribute(Xml + "lang"));
        Assert.Equal("en", titles[1].Attribute(Xml + "lang")!.Value);
        Assert.Equal("PY", demand.Element("recipient-country")!.Attribute("code")!.Value);
        Assert.Null(demand.Element("recipient-region"));
        Assert.Equal("1", demand.Element("activity-status")!.Attribute("code")!.Value);
        Assert.Equal(["1 31140 100", "7 6 100"], Sectors(demand));
        Assert.Equal("D02", demand.Element("default-aid-type")!.Attribute("code")!.Value);
        Assert.Equal($"https://cooperanet.example.org/es/catalog/{export.Demand.Id:D}", demand.Element("document-link")!.Attribute("url")!.Value);
    }

    [Fact]
    public void An_offer_splits_each_vocabulary_into_shares_of_one_hundred()
    {
        var offer = Activity(export.Offer.Id);

        Assert.Equal(["1 31140 50", "1 31161 50", "7 2 100", "8 2.3 50", "8 6.4 50"], Sectors(offer));
        Assert.Equal("498", offer.Element("recipient-region")!.Attribute("code")!.Value);
        Assert.Equal("D01", offer.Element("default-aid-type")!.Attribute("code")!.Value);
        Assert.Equal(["1", "4"], offer.Elements("participating-org").Select(p => p.Attribute("role")!.Value));
        Assert.Equal("Colombia", offer.Elements("participating-org").First().Elements("narrative").First().Value);
        Assert.Equal("4", Activity(export.Closed.Id).Element("activity-status")!.Attribute("code")!.Value);
    }

    [Fact]
    public void A_triangular_initiative_names_its_partners_and_the_entries_it_came_from()
    {
        var initiative = Activity(export.Initiative.Id);

        Assert.Equal("8", initiative.Element("collaboration-type")!.Attribute("code")!.Value);
        Assert.Equal(["4", "4", "2"], initiative.Elements("participating-org").Select(p => p.Attribute("role")!.Value));
        Assert.Equal(["PY"], initiative.Elements("recipient-country").Select(c => c.Attribute("code")!.Value));
        Assert.Equal(["1 2026-03-01", "3 2026-12-31"], initiative.Elements("activity-date").Select(d => $"{d.Attribute("type")!.Value} {d.Attribute("iso-date")!.Value}"));
        Assert.Equal([$"XI-IATI-OAS-{export.Offer.Id:D}", $"XI-IATI-OAS-{export.Demand.Id:D}"], initiative.Elements("related-activity").Select(r => r.Attribute("ref")!.Value));
        Assert.Equal(["1 31140 100", "7 6 100"], Sectors(initiative));
    }

    [Theory]
    [InlineData(1, "100")]
    [InlineData(3, "33.33 33.33 33.34")]
    [InlineData(7, "14.28 14.28 14.28 14.28 14.28 14.28 14.32")]
    public void Shares_add_up_to_exactly_one_hundred(int count, string expected)
    {
        var shares = IatiXmlWriter.Shares(count);

        Assert.Equal(100m, shares.Sum());
        Assert.Equal(expected, string.Join(' ', shares.Select(s => s.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Fact]
    public void The_schema_refuses_an_activity_without_identifier_and_a_document_with_a_DTD()
    {
        var withoutIdentifier = Encoding.UTF8.GetString(export.Document);
        var first = withoutIdentifier.IndexOf("<iati-identifier>", StringComparison.Ordinal);
        var end = withoutIdentifier.IndexOf("</iati-identifier>", first, StringComparison.Ordinal) + "</iati-identifier>".Length;
        using var broken = new MemoryStream(Encoding.UTF8.GetBytes(withoutIdentifier.Remove(first, end - first)));
        var findings = IatiSchema.Validate(broken);
        Assert.Contains(findings, f => f.Message.Contains("reporting-org", StringComparison.Ordinal));

        const string Bomb = """<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><iati-activities version="2.03">&lol2;</iati-activities>""";
        using var hostile = new MemoryStream(Encoding.UTF8.GetBytes(Bomb));
        Assert.Contains("DTD", Assert.Single(IatiSchema.Validate(hostile)).Message, StringComparison.Ordinal);
    }

    private XElement Activity(Guid id) =>
        Document.Root!.Elements("iati-activity").Single(a => a.Element("iati-identifier")!.Value == $"XI-IATI-OAS-{id:D}");

    private static IEnumerable<string> Sectors(XElement activity) =>
        activity.Elements("sector").Select(s => $"{s.Attribute("vocabulary")!.Value} {s.Attribute("code")!.Value} {s.Attribute("percentage")!.Value}");

    private static async Task<(int Code, string Error)> XmllintAsync(string schema, string path)
    {
        var start = new ProcessStartInfo("xmllint") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "--noout", "--nonet", "--schema", schema, path })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await error);
    }
}
