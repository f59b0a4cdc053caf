using System.Collections.Frozen;
using System.Text.Json;

namespace CooperaNet.Application.Experts;

/// <summary>
/// The languages an expert may speak and a call may ask for: the IATI Language list (ISO 639-1),
/// which has Haitian Creole, Quechua, Guarani and the other languages of the Americas whatever the
/// server's culture data knows.
/// </summary>
public static class SpokenLanguages
{
    private sealed record Row(string Code, string En);

    private static readonly FrozenDictionary<string, string> Names = Load();

    /// <summary>Every code, sorted.</summary>
    public static IReadOnlyList<string> Codes { get; } = [.. Names.Keys.Order(StringComparer.Ordinal)];

    /// <summary>True for a code of the list, in any case ("ht", "QU").</summary>
    public static bool IsKnown(string? code) => code is { Length: 2 } && Names.ContainsKey(code.ToLowerInvariant());

    /// <summary>The language's English name in the list, or the code when unknown.</summary>
    public static string EnglishName(string code) => Names.GetValueOrDefault(code.ToLowerInvariant(), code);

    private static FrozenDictionary<string, string> Load()
    {
        using var stream = typeof(SpokenLanguages).Assembly.GetManifestResourceStream("CooperaNet.Experts.languages.json")
            ?? throw new InvalidOperationException("The language list is missing.");
        var rows = JsonSerializer.Deserialize<List<Row>>(stream, JsonSerializerOptions.Web)!;
        return rows.ToFrozenDictionary(r => r.Code, r => r.En, StringComparer.Ordinal);
    }
}
