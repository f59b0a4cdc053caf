using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CooperaNet.Domain;

namespace CooperaNet.Application.Demo;

/// <summary>One real IATI activity of the shipped demo file (see Demo/Data/SOURCES.md).</summary>
internal sealed record DemoActivity(
    string Source,
    string IatiIdentifier,
    string Country,
    string Language,
    string Title,
    string Description,
    DemoTexts? SecondTexts,
    IReadOnlyList<string> DacSectors,
    IReadOnlyList<string> Sdgs,
    string ReportingOrg,
    DateOnly? StartDate,
    DateOnly? EndDate)
{
    /// <summary>Translations written for the demonstration set (demo-translations.json), by language.</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, DemoTranslation> Translations { get; init; } = new Dictionary<string, DemoTranslation>();
}

/// <summary>The activity's narrative in its second language.</summary>
internal sealed record DemoTexts(string Language, string Title, string Description);

/// <summary>A translation of an activity's texts; the description is left empty where the original is long.</summary>
internal sealed record DemoTranslation(string Title, string Summary, string? Description);

/// <summary>Reads the embedded demo-activities.json and demo-translations.json.</summary>
internal static class DemoActivities
{
    private const string ActivitiesResource = "CooperaNet.Demo.demo-activities.json";
    private const string TranslationsResource = "CooperaNet.Demo.demo-translations.json";

    /// <summary>
    /// The activities in file order, each with its translations. A translation into the activity's own
    /// language or its second language, or of an activity the file does not have, is a data error.
    /// </summary>
    public static IReadOnlyList<DemoActivity> Load()
    {
        var activities = Read(ActivitiesResource, DemoJson.Default.ListDemoActivity);
        var translations = Read(TranslationsResource, DemoJson.Default.DictionaryStringDictionaryStringDemoTranslation);
        var unknown = translations.Keys.Except(activities.Select(a => a.IatiIdentifier), StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"{TranslationsResource} translates activities that are not in the demo file: {string.Join(", ", unknown)}.");
        }

        return activities.Select(a => translations.TryGetValue(a.IatiIdentifier, out var texts) ? a with { Translations = Checked(a, texts) } : a).ToList();
    }

    private static Dictionary<string, DemoTranslation> Checked(DemoActivity activity, Dictionary<string, DemoTranslation> texts)
    {
        foreach (var (language, text) in texts)
        {
            if (!Languages.All.Contains(language) || language == activity.Language || language == activity.SecondTexts?.Language
                || string.IsNullOrWhiteSpace(text.Title) || string.IsNullOrWhiteSpace(text.Summary))
            {
                throw new InvalidOperationException($"{TranslationsResource}: the {language} translation of {activity.IatiIdentifier} is not valid.");
            }
        }

        return texts;
    }

    private static T Read<T>(string resource, JsonTypeInfo<T> type)
    {
        using var stream = typeof(DemoActivities).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"{resource} is not embedded.");
        return JsonSerializer.Deserialize(stream, type) ?? throw new InvalidOperationException($"{resource} is empty.");
    }
}

/// <summary>Source-generated reader: no reflection on the web app's cold start.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(List<DemoActivity>))]
[JsonSerializable(typeof(Dictionary<string, Dictionary<string, DemoTranslation>>))]
internal sealed partial class DemoJson : JsonSerializerContext;
