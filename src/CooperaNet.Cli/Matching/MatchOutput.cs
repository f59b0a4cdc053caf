using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CooperaNet.Matching;
using CooperaNet.Matching.Classification;

namespace CooperaNet.Cli.Matching;

/// <summary>Writes the result lines of <c>match</c> and <c>classify</c>: compact JSON, one object a line.</summary>
internal static class MatchOutput
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string MatchLine(string demandRawId, IReadOnlyList<Match> matches, IReadOnlyDictionary<string, string> rawIds) =>
        Line(writer =>
        {
            writer.WritePropertyName("demandId");
            writer.WriteRawValue(demandRawId);
            writer.WriteStartArray("matches");
            foreach (var match in matches)
            {
                writer.WriteStartObject();
                writer.WritePropertyName("offerId");
                writer.WriteRawValue(rawIds[match.Id]);
                writer.WriteNumber("score", match.Score);
                writer.WriteStartArray("reasons");
                foreach (var reason in match.Reasons)
                {
                    writer.WriteStartObject();
                    writer.WriteString("kind", JsonNamingPolicy.CamelCase.ConvertName(reason.Kind.ToString()));
                    writer.WriteStartArray("values");
                    foreach (var value in reason.Values)
                    {
                        writer.WriteStringValue(value);
                    }

                    writer.WriteEndArray();
                    writer.WriteNumber("weight", reason.Weight);
                    writer.WriteBoolean("inferred", reason.Inferred);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });

    public static string ClassifyLine(string rawId, Classification classification) =>
        Line(writer =>
        {
            writer.WritePropertyName("id");
            writer.WriteRawValue(rawId);
            Codes(writer, "sectors", classification.Sectors);
            Codes(writer, "categories", classification.Categories);
            Codes(writer, "sdgs", classification.Sdgs);
            Codes(writer, "sdgTargets", classification.SdgTargets);
        });

    private static void Codes(Utf8JsonWriter writer, string name, IReadOnlyList<ScoredCode> codes)
    {
        writer.WriteStartArray(name);
        foreach (var code in codes)
        {
            writer.WriteStartObject();
            writer.WriteString("code", code.Code);
            writer.WriteNumber("score", code.Score);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static string Line(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
