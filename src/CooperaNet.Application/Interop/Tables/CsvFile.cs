using System.Text;

namespace CooperaNet.Application.Interop.Tables;

/// <summary>One record of a CSV file and the line of the file it starts on (the header is line 1).</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// CSV as RFC 4180 has it. The reader keeps line numbers: fields separated by commas, records by
/// CRLF or LF; a field in double quotes may hold commas, line breaks and doubled quotes; blank lines
/// are skipped. The writer puts a UTF-8 byte order mark first (spreadsheets then read the accents
/// right), ends records with CRLF, and neutralises a value a spreadsheet would run as a formula.
/// </summary>
public static class CsvFile
{
    /// <summary>The header and the rows as UTF-8 CSV.</summary>
    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var builder = new StringBuilder();
        foreach (var row in rows.Prepend(header))
        {
            builder.AppendJoin(',', row.Select(Quote)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(builder.ToString())];
    }

    /// <summary>A value as read back: the apostrophe that neutralised a formula taken off again.</summary>
    public static string Unquote(string value) =>
        value.Length > 1 && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@' ? value[1..] : value;

    private static string Quote(string value)
    {
        // A leading =, +, - or @ would run as a formula in a spreadsheet: neutralise it.
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>The records, or the line of a quoted field left open.</summary>
    public static (IReadOnlyList<CsvRecord> Records, int? UnclosedQuoteLine) Read(string text)
    {
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var start = 1;
        var quoted = false;
        var quoteLine = 0;
        var empty = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    quoteLine = line;
                    empty = false;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    empty = false;
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\n' or '\r':
                    End();
                    line++;
                    start = line;
                    break;
                default:
                    field.Append(c);
                    empty = false;
                    break;
            }
        }

        if (quoted)
        {
            return (records, quoteLine);
        }

        End();
        return (records, null);

        void End()
        {
            if (!empty)
            {
                fields.Add(field.ToString());
                records.Add(new CsvRecord(start, [.. fields]));
            }

            fields.Clear();
            field.Clear();
            empty = true;
        }
    }
}
