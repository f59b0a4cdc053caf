using System.Text;

namespace CooperaNet.Cli.Experts;

/// <summary>One record of a CSV file and the line of the file it starts on (the header is line 1).</summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// An RFC 4180 reader that keeps line numbers: fields separated by commas, records by CRLF or LF;
/// a field in double quotes may hold commas, line breaks and doubled quotes. Blank lines are skipped.
/// </summary>
internal static class CsvRecords
{
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
