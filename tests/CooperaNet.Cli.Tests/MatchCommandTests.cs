using System.Text.Json;
using CooperaNet.Cli.Tests.Support;

namespace CooperaNet.Cli.Tests;

public sealed class MatchCommandTests : IDisposable
{
    private readonly TestCli cli = new();
    private readonly string folder = Directory.CreateTempSubdirectory("cooperanet-match-test-").FullName;

    [Fact]
    public async Task A_Spanish_demand_without_codes_finds_the_English_offer_on_its_subject()
    {
        var offers = Write("offers.jsonl",
            """{"id": 1, "kind": "offer", "title": "Teacher training for primary schools", "description": "Workshops for teachers.", "language": "en", "sectors": ["11220"], "sdgs": ["4"], "countries": [], "modality": null}""",
            """{"id": "vax", "kind": "offer", "title": "Vaccination campaigns", "description": "Cold chain and immunization.", "language": "en", "sectors": ["12250"], "sdgs": [], "countries": [], "modality": null}""",
            """{"id": 3, "kind": "offer", "title": "Rural drinking water", "description": "Wells and pipes.", "language": "en", "sectors": ["14030"], "sdgs": [], "countries": [], "modality": null}""");
        var demands = Write("demands.jsonl",
            """{"id": "d-1", "kind": "demand", "title": "Capacitación de docentes", "description": "Buscamos apoyo para formar maestros de escuela primaria.", "language": "es", "sectors": [], "sdgs": [], "countries": ["PE"], "modality": null}""",
            "",
            """{"id": 7, "kind": "demand", "title": "Campanha de vacinação", "description": "Imunização de crianças.", "language": "pt", "sectors": [], "sdgs": [], "countries": [], "modality": null}""");

        var result = await cli.RunAsync("match", "--offers", offers, "--demands", demands, "--top", "2");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(2, result.Lines.Count);
        using var first = JsonDocument.Parse(result.Lines[0]);
        Assert.Equal("d-1", first.RootElement.GetProperty("demandId").GetString());
        var matches = first.RootElement.GetProperty("matches");
        Assert.InRange(matches.GetArrayLength(), 1, 2);
        Assert.Equal(JsonValueKind.Number, matches[0].GetProperty("offerId").ValueKind);
        Assert.Equal(1, matches[0].GetProperty("offerId").GetInt32());
        Assert.InRange(matches[0].GetProperty("score").GetDouble(), 0.01, 1.0);
        var reason = matches[0].GetProperty("reasons").EnumerateArray().First(r => r.GetProperty("kind").GetString() == "sameSector");
        Assert.Equal("11220", reason.GetProperty("values")[0].GetString());
        Assert.True(reason.GetProperty("inferred").GetBoolean());

        using var second = JsonDocument.Parse(result.Lines[1]);
        Assert.Equal(7, second.RootElement.GetProperty("demandId").GetInt32());
        Assert.Equal("vax", second.RootElement.GetProperty("matches")[0].GetProperty("offerId").GetString());
    }

    [Fact]
    public async Task Classify_prints_ranked_sectors_and_goals_per_line()
    {
        var items = Write("items.jsonl",
            """{"id": 42, "title": "Abastecimiento de agua potable y saneamiento rural", "description": "Pozos, tanques y letrinas en comunidades.", "language": "es"}""",
            """{"id": "b", "title": "Formation des enseignants du primaire", "description": "", "language": "fr"}""");

        var result = await cli.RunAsync("classify", "--in", items, "--top", "3");

        Assert.True(result.ExitCode == 0, result.Error);
        using var water = JsonDocument.Parse(result.Lines[0]);
        Assert.Equal(42, water.RootElement.GetProperty("id").GetInt32());
        var sectors = water.RootElement.GetProperty("sectors").EnumerateArray().ToList();
        Assert.Equal(3, sectors.Count);
        Assert.StartsWith("140", sectors[0].GetProperty("code").GetString(), StringComparison.Ordinal);
        Assert.Equal("6", water.RootElement.GetProperty("sdgs")[0].GetProperty("code").GetString());
        using var teachers = JsonDocument.Parse(result.Lines[1]);
        Assert.StartsWith("11", teachers.RootElement.GetProperty("sectors")[0].GetProperty("code").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"id": 1, "title": "x", "description": "y", "language": "en"}""" + "\n" + "{not json", "line 2", "not valid JSON")]
    [InlineData("""{"title": "x", "language": "en"}""", "line 1", "\"id\"")]
    [InlineData("""{"id": 1, "kind": "demand", "title": "x", "language": "en"}""", "line 1", "offers file")]
    [InlineData("""{"id": 1, "title": "x", "sectors": "11220"}""", "line 1", "\"sectors\" must be an array")]
    [InlineData("""{"id": 1, "title": "x"}""" + "\n" + """{"id": 1, "title": "y"}""", "line 2", "appears twice")]
    public async Task A_bad_offers_line_fails_with_its_line_number_on_stderr(string content, string line, string reason)
    {
        var offers = Write("offers.jsonl", content);
        var demands = Write("demands.jsonl", """{"id": 1, "title": "Agua", "language": "es"}""");

        var result = await cli.RunAsync("match", "--offers", offers, "--demands", demands);

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.StartsWith("error: ", result.Error);
        Assert.Contains(line, result.Error);
        Assert.Contains(reason, result.Error);
    }

    [Fact]
    public async Task A_missing_file_fails_with_a_message()
    {
        var result = await cli.RunAsync("classify", "--in", Path.Combine(folder, "absent.jsonl"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("absent.jsonl", result.Error);
    }

    [Fact]
    public async Task A_top_below_one_is_bad_usage()
    {
        var result = await cli.RunAsync("match", "--offers", "a.jsonl", "--demands", "b.jsonl", "--top", "0");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--top", result.Error);
    }

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }

    public void Dispose()
    {
        cli.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
