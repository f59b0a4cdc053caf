using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CooperaNet.Application.Reports.Rendering;

/// <summary>
/// A <see cref="ReportDocument"/> as an A4 PDF, laid out compactly (9.5 pt text) so a report fits in a few
/// pages: wrapped paragraphs, bulleted lists, tables that repeat their header row on each page and never
/// split a row, and bar charts drawn as vectors from the same <see cref="BarChartLayout"/> as the SVG.
/// The DejaVu Sans fonts are embedded; every page has the footer, its number of the page count and,
/// on drafts, the draft mark.
/// </summary>
public static class PdfReportWriter
{
    /// <summary>Writes <paramref name="report"/> to <paramref name="output"/>, which stays open.</summary>
    public static void Write(ReportDocument report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        ReportFontResolver.Install();

        using var document = new PdfDocument();
        document.Info.Title = report.Title;
        document.Info.Subject = report.Subtitle;
        document.Language = report.Language;
        document.ViewerPreferences.DisplayDocTitle = true;

        using (var flow = new PdfFlow(document))
        {
            flow.Title(report.Title, report.Subtitle);
            foreach (var section in report.Sections)
            {
                flow.Heading(section.Heading);
                foreach (var block in section.Blocks)
                {
                    switch (block)
                    {
                        case ReportParagraph paragraph:
                            flow.Paragraph(paragraph.Text);
                            break;
                        case ReportList list:
                            flow.List(list.Items);
                            break;
                        case ReportTable table:
                            flow.Table(table);
                            break;
                        case ReportBarChart chart:
                            flow.Chart(chart, report.Language);
                            break;
                        default:
                            throw new NotSupportedException($"No PDF for a {block.GetType().Name}.");
                    }
                }
            }
        }

        PdfFlow.DrawPageFurniture(document, report);
        document.Save(output, false);
    }
}

/// <summary>Puts blocks one under another on A4 pages, starting a new page when the next one does not fit.</summary>
internal sealed class PdfFlow : IDisposable
{
    private const double Margin = 51; // 18 mm
    private const double BodySize = 9.5;
    private const double BodyLine = 12.5;
    private const double TableSize = 8.5;
    private const double TableLine = 10.8;
    private const double CellPadding = 3;
    private const double BlockGap = 6;

    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
    private static readonly XFont TitleFont = Font(15, bold: true);
    private static readonly XFont SubtitleFont = Font(10, bold: false);
    private static readonly XFont HeadingFont = Font(11.5, bold: true);
    private static readonly XFont BodyFont = Font(BodySize, bold: false);
    private static readonly XFont StrongFont = Font(BodySize, bold: true);
    private static readonly XFont CellFont = Font(TableSize, bold: false);
    private static readonly XFont HeaderCellFont = Font(TableSize, bold: true);
    private static readonly XFont ChartFont = Font(BarChartLayout.FontSize, bold: false);
    private static readonly XFont ChartStrongFont = Font(BarChartLayout.FontSize, bold: true);
    private static readonly XFont FooterFont = Font(7.5, bold: false);
    private static readonly XFont DraftFont = Font(9, bold: true);

    private static readonly XBrush Ink = new XSolidBrush(Color("#1a1a1a"));
    private static readonly XBrush Muted = new XSolidBrush(Color("#505a5f"));
    private static readonly XBrush HeaderFill = new XSolidBrush(Color("#eeeeee"));
    private static readonly XPen Grid = new(Color("#bdbdbd"), 0.5);
    private static readonly XPen Rule = new(Color("#8a8a8a"), 0.6);
    private static readonly XColor DraftColor = Color("#b10e1e");

    private readonly PdfDocument document;
    private XGraphics graphics = null!;
    private double y;

    public PdfFlow(PdfDocument document)
    {
        this.document = document;
        NewPage();
    }

    private static double Left => Margin;

    private double Right => graphics.PageSize.Width - Margin;

    private double Bottom => graphics.PageSize.Height - Margin;

    private double Width => Right - Left;

    public void Title(string title, string subtitle)
    {
        Lines(title, TitleFont, Ink, 18, 0);
        if (subtitle.Length > 0)
        {
            y += 1;
            Lines(subtitle, SubtitleFont, Muted, 13, 0);
        }

        y += 4;
    }

    public void Heading(string heading)
    {
        var lines = Wrap(heading, HeadingFont, Width);
        EnsureSpace(10 + (lines.Count * 14.5) + 4 + (2 * BodyLine));
        y += 10;
        Lines(heading, HeadingFont, Ink, 14.5, 0);
        graphics.DrawLine(Rule, Left, y + 1, Right, y + 1);
        y += 5;
    }

    public void Paragraph(string text)
    {
        Lines(text, BodyFont, Ink, BodyLine, 0);
        y += BlockGap;
    }

    public void List(IReadOnlyList<string> items)
    {
        const double indent = 12;
        foreach (var item in items)
        {
            var lines = Wrap(item, BodyFont, Width - indent);
            for (var i = 0; i < lines.Count; i++)
            {
                EnsureSpace(BodyLine);
                if (i == 0)
                {
                    graphics.DrawString("•", BodyFont, Ink, Left + 3, y + Baseline(BodyLine, BodyFont), XStringFormats.BaseLineLeft);
                }

                graphics.DrawString(lines[i], BodyFont, Ink, Left + indent, y + Baseline(BodyLine, BodyFont), XStringFormats.BaseLineLeft);
                y += BodyLine;
            }

            y += 1.5;
        }

        y += BlockGap - 1.5;
    }

    public void Table(ReportTable table)
    {
        var widths = ColumnWidths(table);
        var header = table.Columns.Select((column, c) => Wrap(column.Header, HeaderCellFont, widths[c] - (2 * CellPadding))).ToList();
        var headerHeight = RowHeight(header);
        var rows = table.Rows
            .Select(row => table.Columns.Select((_, c) => Wrap(c < row.Count ? row[c] : string.Empty, CellFont, widths[c] - (2 * CellPadding))).ToList())
            .ToList();

        var caption = Wrap(table.Caption, StrongFont, Width);
        var firstRow = rows.Count > 0 ? RowHeight(rows[0]) : 0;
        EnsureSpace((caption.Count * BodyLine) + 2 + headerHeight + firstRow);
        Lines(table.Caption, StrongFont, Ink, BodyLine, 0);
        y += 2;
        DrawRow(table, widths, header, headerHeight, isHeader: true);
        foreach (var row in rows)
        {
            var height = RowHeight(row);
            if (y + height > Bottom)
            {
                NewPage();
                DrawRow(table, widths, header, headerHeight, isHeader: true);
            }

            DrawRow(table, widths, row, height, isHeader: false);
        }

        y += BlockGap + 2;
    }

    public void Chart(ReportBarChart chart, string language)
    {
        var layout = BarChartLayout.Of(chart, language, Math.Min(SvgBarChart.Width, Width));
        var title = Wrap(chart.Title, StrongFont, Width);
        EnsureSpace((title.Count * BodyLine) + 4 + layout.Height);
        Lines(chart.Title, StrongFont, Ink, BodyLine, 0);
        y += 4;
        DrawChart(layout, Left, y);
        y += layout.Height + BlockGap + 2;
    }

    public void Dispose() => graphics.Dispose();

    /// <summary>Footer, page number of the page count and draft mark, on every page once all are laid out.</summary>
    public static void DrawPageFurniture(PdfDocument document, ReportDocument report)
    {
        var culture = CultureInfo.GetCultureInfo(report.Language);
        for (var p = 0; p < document.PageCount; p++)
        {
            var page = document.Pages[p];
            using var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var width = gfx.PageSize.Width;
            var height = gfx.PageSize.Height;
            var pageLabel = string.Format(culture, report.PageOf, p + 1, document.PageCount);
            var labelWidth = gfx.MeasureString(pageLabel, FooterFont).Width;
            var top = height - Margin + 14;
            gfx.DrawLine(Grid, Margin, top, width - Margin, top);
            var footerLines = Wrap(gfx, report.Footer, FooterFont, width - (2 * Margin) - labelWidth - 12);
            for (var i = 0; i < Math.Min(footerLines.Count, 2); i++)
            {
                gfx.DrawString(footerLines[i], FooterFont, Muted, Margin, top + 10 + (i * 9), XStringFormats.BaseLineLeft);
            }

            gfx.DrawString(pageLabel, FooterFont, Muted, width - Margin, top + 10, XStringFormats.BaseLineRight);

            if (report.DraftMark is not null)
            {
                var markWidth = gfx.MeasureString(report.DraftMark, DraftFont).Width + 10;
                var box = new XRect(width - Margin - markWidth, 22, markWidth, 15);
                gfx.DrawRectangle(new XPen(DraftColor, 1.2), box);
                gfx.DrawString(report.DraftMark, DraftFont, new XSolidBrush(DraftColor), box, XStringFormats.Center);
            }
        }
    }

    private void NewPage()
    {
        graphics?.Dispose();
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        graphics = XGraphics.FromPdfPage(page);
        y = Margin;
    }

    private void EnsureSpace(double height)
    {
        if (y + height > Bottom && y > Margin)
        {
            NewPage();
        }
    }

    /// <summary>Wrapped text, a line at a time, moving to a new page between lines when needed.</summary>
    private void Lines(string text, XFont font, XBrush brush, double lineHeight, double indent)
    {
        foreach (var line in Wrap(text, font, Width - indent))
        {
            EnsureSpace(lineHeight);
            graphics.DrawString(line, font, brush, Left + indent, y + Baseline(lineHeight, font), XStringFormats.BaseLineLeft);
            y += lineHeight;
        }
    }

    private void DrawRow(ReportTable table, double[] widths, List<List<string>> cells, double height, bool isHeader)
    {
        var x = Left;
        for (var c = 0; c < widths.Length; c++)
        {
            var cell = new XRect(x, y, widths[c], height);
            if (isHeader)
            {
                graphics.DrawRectangle(HeaderFill, cell);
            }

            graphics.DrawRectangle(Grid, cell);
            var font = isHeader ? HeaderCellFont : CellFont;
            var numeric = table.Columns[c].Numeric;
            for (var l = 0; l < cells[c].Count; l++)
            {
                var baseline = y + CellPadding + (l * TableLine) + Baseline(TableLine, font);
                if (numeric)
                {
                    graphics.DrawString(cells[c][l], font, Ink, x + widths[c] - CellPadding, baseline, XStringFormats.BaseLineRight);
                }
                else
                {
                    graphics.DrawString(cells[c][l], font, Ink, x + CellPadding, baseline, XStringFormats.BaseLineLeft);
                }
            }

            x += widths[c];
        }

        y += height;
    }

    private static double RowHeight(List<List<string>> cells) =>
        (Math.Max(1, cells.Max(lines => lines.Count)) * TableLine) + (2 * CellPadding);

    /// <summary>
    /// Numeric columns as wide as their widest value; text columns share the rest, so the table spans
    /// the text width.
    /// </summary>
    private double[] ColumnWidths(ReportTable table)
    {
        var natural = table.Columns
            .Select((column, c) => Math.Max(
                graphics.MeasureString(column.Header, HeaderCellFont).Width,
                table.Rows.Select(row => c < row.Count ? graphics.MeasureString(row[c], CellFont).Width : 0).DefaultIfEmpty(0).Max())
                + (2 * CellPadding) + 1)
            .ToArray();
        var widths = new double[natural.Length];
        var numericTotal = 0.0;
        for (var c = 0; c < natural.Length; c++)
        {
            if (table.Columns[c].Numeric)
            {
                widths[c] = Math.Min(natural[c], Width / natural.Length * 1.5);
                numericTotal += widths[c];
            }
        }

        var textColumns = Enumerable.Range(0, natural.Length).Where(c => !table.Columns[c].Numeric).ToList();
        if (textColumns.Count == 0)
        {
            return widths.Select(w => w * Width / numericTotal).ToArray();
        }

        // Narrow text columns keep their natural width; the wide ones share what is left in proportion
        // to their text, so a long first column never squeezes a short status or a number into wrapping.
        var ordered = textColumns.OrderBy(c => natural[c]).ToList();
        var remaining = Width - numericTotal;
        var fitted = 0;
        for (; fitted < ordered.Count && natural[ordered[fitted]] <= remaining / (ordered.Count - fitted); fitted++)
        {
            widths[ordered[fitted]] = natural[ordered[fitted]];
            remaining -= natural[ordered[fitted]];
        }

        var wide = ordered.Skip(fitted).ToList();
        if (wide.Count == 0)
        {
            widths[ordered[^1]] += remaining;
            return widths;
        }

        var wideNatural = wide.Sum(c => natural[c]);
        foreach (var c in wide)
        {
            widths[c] = remaining * natural[c] / wideNatural;
        }

        return widths;
    }

    private void DrawChart(BarChartLayout layout, double left, double top)
    {
        var axis = layout.Axis;
        var tickPen = new XPen(Color("#b0b0b0"), 0.5);
        foreach (var tick in axis.Ticks)
        {
            graphics.DrawLine(tickPen, left + tick.X, top + axis.Top, left + tick.X, top + axis.Bottom + 2);
            var format = tick.X <= axis.X ? XStringFormats.BaseLineLeft : tick.X >= axis.Right ? XStringFormats.BaseLineRight : XStringFormats.BaseLineCenter;
            graphics.DrawString(tick.Text, ChartFont, Muted, left + tick.X, top + tick.Y, format);
        }

        graphics.DrawLine(new XPen(Color("#6b6b6b"), 0.5), left + axis.X, top + axis.Bottom, left + axis.Right, top + axis.Bottom);

        foreach (var entry in layout.Legend)
        {
            Bar(new XRect(left + entry.X, top + entry.Y, entry.Size, entry.Size), entry.Series);
            graphics.DrawString(entry.Name, ChartFont, Ink, left + entry.TextX, top + entry.TextY, XStringFormats.BaseLineLeft);
        }

        foreach (var label in layout.CategoryLabels)
        {
            graphics.DrawString(label.Text, ChartStrongFont, Ink, left + label.X, top + label.Y, XStringFormats.BaseLineLeft);
        }

        foreach (var bar in layout.Bars)
        {
            Bar(new XRect(left + bar.X, top + bar.Y, bar.Width, bar.Height), bar.Series);
            graphics.DrawString(bar.Label, ChartFont, Ink, left + bar.LabelX, top + bar.LabelY, XStringFormats.BaseLineLeft);
        }
    }

    /// <summary>A bar filled and hatched as its series' style says, like the SVG's patterns.</summary>
    private void Bar(XRect rect, int series)
    {
        var style = ChartSeriesStyle.For(series);
        var ink = new XPen(Color(style.Ink), 0.6);
        if (rect.Width <= 0)
        {
            graphics.DrawLine(ink, rect.Left, rect.Top, rect.Left, rect.Bottom);
            return;
        }

        graphics.DrawRectangle(new XSolidBrush(Color(style.Fill)), rect);
        if (style.Hatch != ChartHatch.None)
        {
            var state = graphics.Save();
            graphics.IntersectClip(rect);
            var hatch = new XPen(Color(style.Ink), 0.7);
            if (style.Hatch == ChartHatch.Diagonal)
            {
                for (var x = rect.Left - rect.Height; x < rect.Right; x += 4)
                {
                    graphics.DrawLine(hatch, x, rect.Bottom, x + rect.Height, rect.Top);
                }
            }

            if (style.Hatch is ChartHatch.Horizontal or ChartHatch.Cross)
            {
                for (var hy = rect.Top + 2; hy < rect.Bottom; hy += 4)
                {
                    graphics.DrawLine(hatch, rect.Left, hy, rect.Right, hy);
                }
            }

            if (style.Hatch == ChartHatch.Cross)
            {
                for (var x = rect.Left + 2; x < rect.Right; x += 4)
                {
                    graphics.DrawLine(hatch, x, rect.Top, x, rect.Bottom);
                }
            }

            graphics.Restore(state);
        }

        graphics.DrawRectangle(ink, rect);
    }

    private List<string> Wrap(string text, XFont font, double width) => Wrap(graphics, text, font, width);

    /// <summary>Greedy word wrap by measured width; a word wider than a line is cut where it must be.</summary>
    private static List<string> Wrap(XGraphics gfx, string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = string.Empty;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (gfx.MeasureString(candidate, font).Width <= width)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                line = word;
                while (line.Length > 1 && gfx.MeasureString(line, font).Width > width)
                {
                    var cut = line.Length - 1;
                    while (cut > 1 && gfx.MeasureString(line[..cut], font).Width > width)
                    {
                        cut--;
                    }

                    lines.Add(line[..cut]);
                    line = line[cut..];
                }
            }

            lines.Add(line);
        }

        return lines;
    }

    /// <summary>Where the baseline falls in a line box of <paramref name="lineHeight"/>: the text centred in it.</summary>
    private static double Baseline(double lineHeight, XFont font) => ((lineHeight - font.Size) / 2) + (font.Size * 0.8);

    private static XFont Font(double size, bool bold) =>
        new(ReportFontResolver.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Unicode);

    private static XColor Color(string hex) => XColor.FromArgb(
        int.Parse(hex.AsSpan(1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
        int.Parse(hex.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
        int.Parse(hex.AsSpan(5, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
}
