namespace CooperaNet.Cli;

/// <summary>Writes rows as left-aligned columns separated by two spaces, headers first.</summary>
internal static class TextTable
{
    public static void Write(TextWriter output, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = rows.Prepend(headers).ToList();
        var widths = headers.Select((_, column) => all.Max(row => row[column].Length)).ToList();
        foreach (var row in all)
        {
            output.WriteLine(string.Join("  ", row.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd());
        }
    }

    public static string YesNo(bool value) => value ? "yes" : "no";

    public static string Time(DateTimeOffset? at) =>
        at?.ToUniversalTime().ToString("u", System.Globalization.CultureInfo.InvariantCulture) ?? "-";
}
