using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CooperaNet.Application.Interop.Tables;

/// <summary>
/// One-sheet workbooks. The writer makes the smallest valid SpreadsheetML package by hand, with
/// every part in a fixed order and a fixed date, so the same rows always give the same bytes (an
/// export can be compared with the one before it). The reader takes any workbook a spreadsheet
/// program saves (shared or inline strings, numbers), after checking the package is not a
/// compression bomb.
/// </summary>
public static class XlsxFile
{
    /// <summary>Largest uncompressed part read, and largest ratio of uncompressed to compressed size.</summary>
    public const long MaxPartBytes = 64L * 1024 * 1024;

    /// <summary>A worksheet's last row and column (XFD), as spreadsheet programs define them.</summary>
    public const int MaxRows = 1_048_576;

    public const int MaxColumns = 16_384;

    /// <summary>Most cells the rows read may span, empty ones between the written ones included.</summary>
    public const long MaxCells = 5_000_000;

    private const int MaxRatio = 200;

    private static readonly DateTimeOffset Fixed = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The header (bold, frozen) and the rows as an .xlsx file; in the <paramref name="numeric"/> columns, plain numbers are number cells.</summary>
    public static byte[] Write(string sheetName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, IReadOnlySet<int>? numeric = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>""");
            Part(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Part(zip, "xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{Escape(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Part(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>""");
            Part(zip, "xl/styles.xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>""");

            var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Optimal);
            entry.LastWriteTime = Fixed;
            using var sheet = new StreamWriter(entry.Open(), new UTF8Encoding(false));
            sheet.Write("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>""");
            var number = 1;
            foreach (var row in rows.Prepend(header))
            {
                sheet.Write($"<row r=\"{number}\">");
                for (var column = 0; column < row.Count; column++)
                {
                    var reference = ColumnName(column) + number.ToString(CultureInfo.InvariantCulture);
                    var value = row[column];
                    if (number > 1 && numeric?.Contains(column) == true && IsNumber(value))
                    {
                        sheet.Write($"<c r=\"{reference}\"><v>{value}</v></c>");
                    }
                    else if (value.Length > 0)
                    {
                        sheet.Write($"<c r=\"{reference}\" t=\"inlineStr\"{(number == 1 ? " s=\"1\"" : string.Empty)}><is><t xml:space=\"preserve\">{Escape(value)}</t></is></c>");
                    }
                }

                sheet.Write("</row>");
                number++;
            }

            sheet.Write("</sheetData></worksheet>");
        }

        return output.ToArray();
    }

    /// <summary>
    /// The first sheet's rows as text (numbers as the invariant culture writes them), empty cells
    /// as empty strings; or why the file cannot be read.
    /// </summary>
    public static (IReadOnlyList<string[]> Rows, string? Error) Read(Stream file)
    {
        ArgumentNullException.ThrowIfNull(file);
        using var copy = new MemoryStream();
        file.CopyTo(copy);
        copy.Position = 0;
        try
        {
            using (var zip = new ZipArchive(copy, ZipArchiveMode.Read, leaveOpen: true))
            {
                foreach (var entry in zip.Entries)
                {
                    if (entry.Length > MaxPartBytes || (entry.CompressedLength > 0 && entry.Length / entry.CompressedLength > MaxRatio))
                    {
                        return ([], $"the part {entry.FullName} would unpack to {entry.Length:N0} bytes: refused as a compression bomb");
                    }
                }
            }

            copy.Position = 0;
            using var document = SpreadsheetDocument.Open(copy, false, new OpenSettings { MaxCharactersInPart = MaxPartBytes });
            var workbook = document.WorkbookPart ?? throw new InvalidDataException("the workbook has no workbook part");
            // A damaged part can load as no element at all: every step is checked, none assumed.
            var first = workbook.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("the workbook has no sheet");
            var id = first.Id?.Value ?? throw new InvalidDataException("the first sheet names no part");
            var part = workbook.GetPartById(id) as WorksheetPart ?? throw new InvalidDataException("the first sheet's part is not a worksheet");
            var worksheet = part.Worksheet ?? throw new InvalidDataException("the first sheet is empty or damaged");
            var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
            var rows = new List<string[]>();
            long spanned = 0;
            foreach (var row in worksheet.Descendants<Row>())
            {
                var cells = new SortedDictionary<int, string>();
                var next = 0;
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : next;
                    next = column + 1;
                    cells[column] = Text(cell, shared);
                }

                var width = cells.Count == 0 ? 0 : cells.Keys.Max() + 1;
                spanned += width;
                if (spanned > MaxCells)
                {
                    throw new InvalidDataException($"the sheet spans more than {MaxCells:N0} cells");
                }

                var values = new string[width];
                Array.Fill(values, string.Empty);
                foreach (var (column, value) in cells)
                {
                    values[column] = value;
                }

                var index = row.RowIndex?.Value is { } r ? (r is > 0 and <= MaxRows ? (int)r - 1 : throw new InvalidDataException($"the row number {r} is outside a worksheet")) : rows.Count;
                while (rows.Count < index)
                {
                    rows.Add([]);
                }

                rows.Add(values);
            }

            return (rows, null);
        }
        catch (Exception ex) when (ex is InvalidDataException or OpenXmlPackageException or XmlException or IOException or FormatException or InvalidOperationException or ArgumentException)
        {
            return ([], ex.Message);
        }
    }

    private static string Text(Cell cell, List<string> shared)
    {
        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? string.Empty;
        }

        var raw = cell.CellValue?.Text ?? string.Empty;
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Count ? shared[i] : string.Empty;
        }

        return raw;
    }

    /// <summary>A plain invariant number, written back exactly as it reads ("12", "1500.5"); never a code with a leading zero.</summary>
    private static bool IsNumber(string value) =>
        value.Length is > 0 and < 16
        && !(value.Length > 1 && value[0] == '0' && value[1] != '.')
        && decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed)
        && parsed.ToString(CultureInfo.InvariantCulture) == value;

    private static string ColumnName(int index)
    {
        var name = string.Empty;
        for (index++; index > 0; index = (index - 1) / 26)
        {
            name = (char)('A' + ((index - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>The zero-based column of a reference ("B7" is 1); a reference past XFD or without letters is refused.</summary>
    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
            if (index > MaxColumns)
            {
                throw new InvalidDataException($"the cell {reference} is outside a worksheet");
            }
        }

        return index > 0 ? index - 1 : throw new InvalidDataException($"the cell reference {reference} names no column");
    }

    private static void Part(ZipArchive zip, string name, string content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = Fixed;
        using var stream = entry.Open();
        stream.Write(Encoding.UTF8.GetBytes(content));
    }

    private static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '&': builder.Append("&amp;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\t' or '\n' or '\r': builder.Append(c); break;
                default:
                    if (!char.IsControl(c))
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }
}
