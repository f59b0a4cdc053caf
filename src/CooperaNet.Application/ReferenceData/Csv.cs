using CooperaNet.Application.Interop.Tables;

namespace CooperaNet.Application.ReferenceData;

/// <summary>The shipped reference files' CSV, row by row as dictionaries keyed by the header.</summary>
internal static class Csv
{
    /// <summary>Reads rows as dictionaries keyed by the header.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Read(string text)
    {
        var rows = CsvFile.Read(text).Records;
        if (rows.Count == 0)
        {
            return [];
        }

        var header = rows[0].Fields;
        return rows.Skip(1)
            .Select(r => (IReadOnlyDictionary<string, string>)header
                .Select((name, i) => (name, value: i < r.Fields.Count ? r.Fields[i] : string.Empty))
                .ToDictionary(p => p.name, p => p.value, StringComparer.Ordinal))
            .ToList();
    }
}
