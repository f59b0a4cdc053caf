using System.Collections.Frozen;
using System.Text.Json;
using CooperaNet.Domain;

namespace CooperaNet.Application.Experts;

/// <summary>The countries an expert may be a national or resident of (the IATI Country list, names in four languages).</summary>
public static class Countries
{
    private sealed record Row(string Code, string Es, string En, string Pt, string Fr);

    private static readonly FrozenDictionary<string, LocalizedText> Names = Load();

    /// <summary>Every code, sorted.</summary>
    public static IReadOnlyList<string> Codes { get; } = [.. Names.Keys.Order(StringComparer.Ordinal)];

    /// <summary>True for an active ISO 3166-1 alpha-2 code (upper case).</summary>
    public static bool IsKnown(string? code) => code is not null && Names.ContainsKey(code);

    /// <summary>The country's name in <paramref name="language"/>, or the code when unknown.</summary>
    public static string NameOf(string code, string language) =>
        Names.TryGetValue(code, out var name) ? name.Resolve(language).Text : code;

    private static FrozenDictionary<string, LocalizedText> Load()
    {
        using var stream = typeof(Countries).Assembly.GetManifestResourceStream("CooperaNet.Experts.countries.json")
            ?? throw new InvalidOperationException("The country list is missing.");
        var rows = JsonSerializer.Deserialize<List<Row>>(stream, JsonSerializerOptions.Web)!;
        return rows.ToFrozenDictionary(r => r.Code, r => LocalizedText.Of(r.Es, r.En, r.Pt, r.Fr), StringComparer.Ordinal);
    }
}
