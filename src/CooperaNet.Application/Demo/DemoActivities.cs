using System.Text.Json;
using System.Text.Json.Serialization;

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
    DateOnly? EndDate);

/// <summary>The activity's narrative in its second language.</summary>
internal sealed record DemoTexts(string Language, string Title, string Description);

/// <summary>Reads the embedded demo-activities.json.</summary>
internal static class DemoActivities
{
    private const string Resource = "CooperaNet.Demo.demo-activities.json";

    public static IReadOnlyList<DemoActivity> Load()
    {
        using var stream = typeof(DemoActivities).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"{Resource} is not embedded.");
        return JsonSerializer.Deserialize(stream, DemoJson.Default.ListDemoActivity)
            ?? throw new InvalidOperationException($"{Resource} is empty.");
    }
}

/// <summary>Source-generated reader: no reflection on the web app's cold start.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(List<DemoActivity>))]
internal sealed partial class DemoJson : JsonSerializerContext;
