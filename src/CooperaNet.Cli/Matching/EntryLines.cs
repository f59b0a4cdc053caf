using System.Globalization;
using System.Text.Json;
using CooperaNet.Matching;

namespace CooperaNet.Cli.Matching;

/// <summary>One input line: the entry, and its id as written (a string or a number), to echo it back as is.</summary>
internal sealed record EntryLine(MatchEntry Entry, string RawId);

/// <summary>A line that is not a valid entry: where and why.</summary>
internal sealed class EntryLineException(string file, int line, string reason)
    : Exception($"{file}, line {line.ToString(CultureInfo.InvariantCulture)}: {reason}");

/// <summary>
/// Reads entries from JSON Lines: one object a line with <c>id</c> (string or number), <c>kind</c>,
/// <c>title</c>, <c>description</c>, <c>language</c>, <c>sectors</c>, <c>sdgs</c>, <c>countries</c>
/// and <c>modality</c>; blank lines are skipped.
/// </summary>
internal static class EntryLines
{
    public static List<EntryLine> Read(string path, EntrySide? side)
    {
        var entries = new List<EntryLine>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var entry = Parse(line, side, reason => new EntryLineException(path, number, reason));
            if (!seen.Add(entry.Entry.Id))
            {
                throw new EntryLineException(path, number, $"the id {entry.RawId} appears twice.");
            }

            entries.Add(entry);
        }

        return entries;
    }

    private static EntryLine Parse(string line, EntrySide? side, Func<string, Exception> error)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            throw error($"not valid JSON ({e.Message})");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw error("expected a JSON object.");
            }

            if (!root.TryGetProperty("id", out var id) || id.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
            {
                throw error("\"id\" is missing or is not a string or a number.");
            }

            var kind = Text(root, "kind", error);
            var entrySide = kind?.ToLowerInvariant() switch
            {
                null => side ?? EntrySide.Demand,
                "offer" => EntrySide.Offer,
                "demand" => EntrySide.Demand,
                _ => throw error($"\"kind\" is \"{kind}\"; expected \"offer\" or \"demand\"."),
            };
            if (side is not null && entrySide != side)
            {
                throw error($"\"kind\" is \"{kind}\" in the {(side == EntrySide.Offer ? "offers" : "demands")} file.");
            }

            var title = Text(root, "title", error) ?? string.Empty;
            var description = Text(root, "description", error) ?? string.Empty;
            if (title.Length == 0 && description.Length == 0)
            {
                throw error("\"title\" and \"description\" are both empty: there is nothing to match.");
            }

            var rawId = id.GetRawText();
            var entry = new MatchEntry
            {
                Id = id.ValueKind == JsonValueKind.String ? "s:" + id.GetString() : "n:" + rawId,
                Side = entrySide,
                Title = title,
                Description = description,
                Language = (Text(root, "language", error) ?? "es").ToLowerInvariant(),
                Sectors = Codes(root, "sectors", error),
                Sdgs = Codes(root, "sdgs", error),
                Countries = Codes(root, "countries", error),
                Modality = Text(root, "modality", error),
            };
            return new EntryLine(entry, rawId);
        }
    }

    private static string? Text(JsonElement root, string name, Func<string, Exception> error)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw error($"\"{name}\" must be a string or null.");
    }

    /// <summary>A list of codes: strings, or numbers for codes such as DAC sectors and SDG goals.</summary>
    private static List<string> Codes(JsonElement root, string name, Func<string, Exception> error)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw error($"\"{name}\" must be an array.");
        }

        return value.EnumerateArray().Select(item => item.ValueKind switch
        {
            JsonValueKind.String => item.GetString()!,
            JsonValueKind.Number => item.GetRawText(),
            _ => throw error($"\"{name}\" must hold strings or numbers."),
        }).ToList();
    }
}
