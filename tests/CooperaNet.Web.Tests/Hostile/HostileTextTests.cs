using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using CooperaNet.Application.Identity;
using CooperaNet.Domain.Guidelines;
using CooperaNet.Web.Tests.CatalogApi;
using CooperaNet.Web.Tests.CatalogPages;
using CooperaNet.Web.Tests.Events;
using CooperaNet.Web.Tests.Experiences;
using CooperaNet.Web.Tests.Guidelines;
using CooperaNet.Web.Tests.Partners;
using CooperaNet.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CooperaNet.Web.Tests.Hostile;

/// <summary>
/// Real XSS and SQL-injection payloads (corpus/payloads.txt, sources in corpus/SOURCES.md) stored through
/// the text fields of the main writes by the API: the API gives each back unchanged, the database row
/// holds it unchanged, and the page shows it as text, with no element or attribute of its own.
/// </summary>
public sealed class HostileTextTests(HostileHost host) : IClassFixture<HostileHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Corpus = File.ReadAllLines(CorpusFile()).Where(l => l.Length > 0).ToArray();

    /// <summary>One kind of write: who makes it, where it is posted, read back and shown, and which tables hold its text.</summary>
    private sealed record Write(string Role, Func<string, Task<string>> PostPath, Func<Dictionary<string, string>, object> Body, string[] Fields, Func<string, JsonElement, string> ReadPath, Func<string, JsonElement, string> PagePath, string[] Tables, string ShownField)
    {
        /// <summary>Fields the API gives back under another name (a description per language read in the caller's).</summary>
        public Dictionary<string, string> ReadAs { get; init; } = [];
    }

    public static TheoryData<string> Kinds() => ["offer", "experience", "event", "partner organisation", "partner contact", "guideline comment"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Every_payload_stored_through_every_text_field_comes_back_unchanged_and_shows_escaped(string kind)
    {
        var write = WriteOf(kind);
        var browser = await host.BrowserAsync(write.Role);
        Assert.True(Corpus.Length >= 10, "The corpus is missing");
        foreach (var payload in Corpus)
        {
            var word = PageMatrixHost.Word();
            var values = write.Fields.ToDictionary(f => f, f => $"{word}{f.Length} {payload}");
            var target = await write.PostPath(word);
            using var created = await browser.Http.PostAsJsonAsync(target, write.Body(values), Ct);
            var createdText = await created.Content.ReadAsStringAsync(Ct);
            Assert.True(created.StatusCode == HttpStatusCode.Created, $"{kind} with {payload}: {(int)created.StatusCode} {createdText}");
            var json = JsonDocument.Parse(createdText).RootElement;

            using var read = await browser.Http.GetAsync(write.ReadPath(target, json), Ct);
            var readJson = JsonDocument.Parse(await read.Content.ReadAsStringAsync(Ct)).RootElement;
            foreach (var (field, value) in values)
            {
                Assert.True(Holds(readJson, write.ReadAs.GetValueOrDefault(field, field), value), $"{kind}: the API does not give back {field} = {value}: {readJson}");
                Assert.True(await StoredAsync(write.Tables, value), $"{kind}: no row of {string.Join(", ", write.Tables)} holds {field} = {value}");
            }

            var page = write.PagePath(target, json);
            using var shown = await browser.GetAsync(page);
            Assert.True(shown.StatusCode == HttpStatusCode.OK, $"GET {page} answered {(int)shown.StatusCode}");
            var document = new HtmlParser().ParseDocument(await shown.Content.ReadAsStringAsync(Ct));
            Assert.Contains(values[write.ShownField], document.Body!.TextContent, StringComparison.Ordinal);
            Assert.Empty(document.All.Where(e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))).Select(e => e.OuterHtml));
            Assert.Empty(document.QuerySelectorAll("script:not([src]), iframe, svg[onload], style:not([nonce]), img[src='x']").Select(e => e.OuterHtml));
            Assert.Empty(document.QuerySelectorAll("[href], [src]").Where(e => (e.GetAttribute("href") ?? e.GetAttribute("src"))!.Trim().StartsWith("jav", StringComparison.OrdinalIgnoreCase)).Select(e => e.OuterHtml));
        }
    }

    private Write WriteOf(string kind) => kind switch
    {
        "offer" => new(Roles.FocalPoint, _ => Task.FromResult("/api/v1/offers"),
            v => With(CatalogApiClient.AnOffer(), v), ["title", "summary", "description", "institution", "contactName", "costSharing"],
            (path, json) => $"{path}/{Id(json)}", (_, json) => $"/en/catalog/{Id(json)}", ["Entries", "EntryTranslations"], "title"),
        "experience" => new(Roles.FocalPoint, _ => Task.FromResult("/api/v1/experiences"),
            v => ExperienceData.Input() with { Title = v["title"], Summary = v["summary"], AuthorName = v["authorName"] }, ["title", "summary", "authorName"],
            (path, json) => $"{path}/{Id(json)}", (_, json) => $"/en/experiences/{Id(json)}", ["Experiences", "ExperienceTranslations"], "title"),
        "event" => new(Roles.Secretariat, _ => Task.FromResult("/api/v1/events"),
            v => With(EventData.Json("x"), v), ["title", "description", "coOrganisers"],
            (path, json) => $"{path}/{Id(json)}", (_, json) => $"/en/events/{Id(json)}", ["Events"], "title"),
        "partner organisation" => new(Roles.Secretariat, _ => Task.FromResult("/api/v1/partners"),
            v => With(PartnerData.OrganisationJson("x"), v), ["name", "descriptionEs"],
            (path, json) => $"{path}/{Id(json)}", (_, json) => $"/es/partners/{Id(json)}", ["PartnerOrganisations"], "name")
        {
            ReadAs = new() { ["descriptionEs"] = "description" },
        },
        "partner contact" => new(Roles.Secretariat, async word => $"/api/v1/partners/{(await PartnerData.SaveAsync(host, "Organización " + word)).Id}/contacts",
            v => With(PartnerData.ContactJson(), v), ["name", "position", "phone"],
            (path, _) => path, (path, _) => path.Replace("/api/v1/", "/en/", StringComparison.Ordinal).Replace("/contacts", string.Empty, StringComparison.Ordinal), ["PartnerContacts"], "name"),
        _ => new(Roles.FocalPoint, async _ => $"/api/v1/guidelines/{(await GuidelineData.SaveAsync(host, GuidelineStatus.InConsultation)).Slug}/versions/1/comments",
            v => new { section = v["section"], text = v["text"] }, ["section", "text"],
            (path, _) => path.Replace("/comments", string.Empty, StringComparison.Ordinal), (path, _) => path.Replace("/api/v1/", "/en/", StringComparison.Ordinal).Replace("/versions/1/comments", "/1", StringComparison.Ordinal), ["GuidelineComments"], "text"),
    };

    /// <summary>A JSON body with <paramref name="values"/> in place of its fields of the same name.</summary>
    private static Dictionary<string, object?> With(object body, Dictionary<string, string> values)
    {
        var fields = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(body))!;
        foreach (var (field, value) in values)
        {
            fields[field] = value;
        }

        return fields;
    }

    private static string Id(JsonElement json) => json.GetProperty("id").GetString()!;

    /// <summary>Whether some property named <paramref name="field"/>, at any depth, holds exactly <paramref name="value"/>.</summary>
    private static bool Holds(JsonElement json, string field, string value) => json.ValueKind switch
    {
        JsonValueKind.Object => json.EnumerateObject().Any(p => (p.Name == field && Is(p.Value, value)) || Holds(p.Value, field, value)),
        JsonValueKind.Array => json.EnumerateArray().Any(e => Holds(e, field, value)),
        _ => false,
    };

    /// <summary>The value itself, or a list holding it (lines of a multi-line field come back as a list).</summary>
    private static bool Is(JsonElement json, string value) =>
        (json.ValueKind == JsonValueKind.String && json.GetString() == value)
        || (json.ValueKind == JsonValueKind.Array && json.EnumerateArray().Any(e => e.ValueKind == JsonValueKind.String && e.GetString() == value));

    /// <summary>Whether a text column of one of <paramref name="tables"/> holds exactly <paramref name="value"/>.</summary>
    private async Task<bool> StoredAsync(string[] tables, string value)
    {
        await using var db = host.NewDbContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        foreach (var type in db.Model.GetEntityTypes().Where(t => tables.Contains(t.GetTableName())))
        {
            var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
            var columns = type.GetFlattenedProperties().Where(p => p.ClrType == typeof(string)).Select(p => $"\"{p.GetColumnName(table)}\" = @value").ToList();
            await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Names come from the EF model; the value is a parameter.
            command.CommandText = $"SELECT COUNT(*) FROM \"{type.GetTableName()}\" WHERE {string.Join(" OR ", columns)}";
#pragma warning restore CA2100
            var parameter = command.CreateParameter();
            parameter.ParameterName = "value";
            parameter.Value = value;
            command.Parameters.Add(parameter);
            if (Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture) > 0)
            {
                return true;
            }
        }

        return false;
    }

    private static string CorpusFile()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "CooperaNet.slnx")))
        {
            folder = folder.Parent;
        }

        return Path.Combine(folder?.FullName ?? throw new InvalidOperationException("No CooperaNet.slnx above the tests."), "tests", "CooperaNet.Web.Tests", "Hostile", "corpus", "payloads.txt");
    }
}
