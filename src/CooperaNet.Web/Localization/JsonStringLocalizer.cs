using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using CooperaNet.Domain;
using Microsoft.Extensions.Localization;

namespace CooperaNet.Web.Localization;

/// <summary>
/// The user-interface strings: flat JSON files per area and language in Resources/ (strings.es.json,
/// account.es.json ...), merged per language and read once at start. The four files have the same keys (a test proves it); a missing key shows
/// itself as the key, never as an empty string.
/// </summary>
public sealed class UiStrings
{
    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> byLanguage;

    public UiStrings(string resourcesFolder)
    {
        byLanguage = Languages.All.ToFrozenDictionary(lang => lang, lang => Directory
            .EnumerateFiles(resourcesFolder, $"*.{lang}.json")
            .Order(StringComparer.Ordinal)
            .SelectMany(Load)
            .ToFrozenDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
    }

    public IReadOnlyDictionary<string, string> For(string language) =>
        byLanguage.TryGetValue(language, out var strings) ? strings : byLanguage[Languages.Default];

    public static FrozenDictionary<string, string> Load(string path)
    {
        using var stream = File.OpenRead(path);
        return (JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? []).ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The language of the current request, from the UI culture the localization middleware set.</summary>
    public static string CurrentLanguage => Languages.Normalize(CultureInfo.CurrentUICulture.Name) ?? Languages.Default;
}

/// <summary>Serves every <see cref="IStringLocalizer"/> from <see cref="UiStrings"/>, in the current UI culture.</summary>
public sealed class JsonStringLocalizerFactory(UiStrings strings) : IStringLocalizerFactory
{
    public IStringLocalizer Create(Type resourceSource) => new JsonStringLocalizer(strings);

    public IStringLocalizer Create(string baseName, string location) => new JsonStringLocalizer(strings);
}

internal sealed class JsonStringLocalizer(UiStrings strings) : IStringLocalizer
{
    public LocalizedString this[string name]
    {
        get
        {
            var found = strings.For(UiStrings.CurrentLanguage).TryGetValue(name, out var value);
            return new LocalizedString(name, found ? value! : name, resourceNotFound: !found);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        strings.For(UiStrings.CurrentLanguage).Select(p => new LocalizedString(p.Key, p.Value));
}
