using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using CooperaNet.Domain;

namespace CooperaNet.Application.Reports;

/// <summary>
/// The report's wording in es, en, pt and fr (embedded files Reports/Texts/report.{lang}.json, same
/// keys in each): the report is written by the command line as well as the web host, so its texts
/// travel with the application rather than with the web resources.
/// </summary>
public sealed class ReportTexts
{
    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> texts;

    private ReportTexts(FrozenDictionary<string, FrozenDictionary<string, string>> texts) => this.texts = texts;

    /// <summary>The texts, read once.</summary>
    public static ReportTexts Shared { get; } = Load();

    /// <summary>The keys each language defines, for checking that they agree.</summary>
    public IReadOnlyDictionary<string, IReadOnlyCollection<string>> Keys =>
        texts.ToDictionary(l => l.Key, l => (IReadOnlyCollection<string>)l.Value.Keys);

    /// <summary>The culture numbers and dates of <paramref name="language"/> are written in.</summary>
    public static CultureInfo CultureOf(string language) => CultureInfo.GetCultureInfo(language == Languages.Portuguese ? "pt-BR" : language);

    /// <summary>The text <paramref name="key"/> in <paramref name="language"/>, its placeholders filled in that language's culture.</summary>
    public string Get(string language, string key, params object?[] args)
    {
        var pattern = texts[language].TryGetValue(key, out var text) ? text
            : throw new KeyNotFoundException($"No report text '{key}' in '{language}'.");
        return args.Length == 0 ? pattern : string.Format(CultureOf(language), pattern, args);
    }

    private static ReportTexts Load()
    {
        var assembly = typeof(ReportTexts).Assembly;
        var all = new Dictionary<string, FrozenDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var language in Languages.All)
        {
            using var stream = assembly.GetManifestResourceStream($"CooperaNet.Reports.report.{language}.json")
                ?? throw new InvalidOperationException($"The report texts for '{language}' are missing.");
            all[language] = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!.ToFrozenDictionary(StringComparer.Ordinal);
        }

        return new ReportTexts(all.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
