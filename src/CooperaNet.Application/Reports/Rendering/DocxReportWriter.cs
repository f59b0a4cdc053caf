using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CooperaNet.Application.Reports.Rendering;

/// <summary>
/// A <see cref="ReportDocument"/> as an editable Word document (A4): its own Title, Heading 1, Normal, Caption
/// and table styles, the document language in the style defaults and core properties, tables whose header
/// row repeats on each page, bulleted lists, a footer with the page number and, on drafts, the draft mark
/// in the page header.
/// Charts become their title and a table of their values: Word has no way to show a plain SVG without a
/// PNG fallback beside it, and the numbers are what an editor of the document needs.
/// </summary>
public static class DocxReportWriter
{
    private const int ContentWidth = 11906 - (2 * Margin); // A4 width in twips, less the margins
    private const int Margin = 1020; // 18 mm
    private const string Ink = "1A1A1A";
    private const string Muted = "505A5F";
    private const string GridColour = "BFBFBF";
    private const int BulletList = 1;

    /// <summary>Writes <paramref name="report"/> to <paramref name="output"/>, which stays open.</summary>
    public static void Write(ReportDocument report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var language = CultureInfo.CreateSpecificCulture(report.Language).Name;

        using var package = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        package.PackageProperties.Title = report.Title;
        package.PackageProperties.Subject = report.Subtitle;
        package.PackageProperties.Language = language;

        var main = package.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>().Styles = Styles(language);
        main.AddNewPart<NumberingDefinitionsPart>().Numbering = Numbering();
        var footer = main.AddNewPart<FooterPart>();
        footer.Footer = Footer(report);
        var header = report.DraftMark is null ? null : main.AddNewPart<HeaderPart>();
        if (header is not null)
        {
            header.Header = new Header(new Paragraph(
                new ParagraphProperties(new ParagraphStyleId { Val = "Header" }, new Justification { Val = JustificationValues.Right }),
                new Run(new RunProperties(new Bold(), new Caps(), new Color { Val = "B10E1E" }), new Text(report.DraftMark!))));
        }

        var body = new Body();
        body.Append(StyledParagraph("Title", report.Title));
        if (report.Subtitle.Length > 0)
        {
            body.Append(StyledParagraph("Subtitle", report.Subtitle));
        }

        foreach (var section in report.Sections)
        {
            body.Append(StyledParagraph("Heading1", section.Heading));
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case ReportParagraph paragraph:
                        body.Append(StyledParagraph("Normal", paragraph.Text));
                        break;
                    case ReportList list:
                        body.Append(list.Items.Select(ListItem));
                        break;
                    case ReportTable table:
                        body.Append(StyledParagraph("Caption", table.Caption));
                        body.Append(Table(table.Caption, table.Columns, table.Rows));
                        body.Append(Spacer());
                        break;
                    case ReportBarChart chart:
                        body.Append(StyledParagraph("Caption", chart.Title));
                        body.Append(ChartTable(chart, report.Language));
                        body.Append(Spacer());
                        break;
                    default:
                        throw new NotSupportedException($"No DOCX for a {block.GetType().Name}.");
                }
            }
        }

        var sectionProperties = new SectionProperties();
        if (header is not null)
        {
            sectionProperties.Append(new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) });
        }

        sectionProperties.Append(
            new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
            new PageSize { Width = 11906, Height = 16838 },
            new PageMargin { Top = Margin, Bottom = Margin, Left = (uint)Margin, Right = (uint)Margin, Header = 567, Footer = 454, Gutter = 0 });
        body.Append(sectionProperties);
        main.Document = new Document(body);
    }

    /// <summary>A chart's values: one row per category, one column per series, labelled as on the chart.</summary>
    private static Table ChartTable(ReportBarChart chart, string language)
    {
        var layout = BarChartLayout.Of(chart, language, SvgBarChart.Width);
        var columns = new[] { new ReportColumn(string.Empty) }
            .Concat(chart.Series.Select(s => new ReportColumn(s.Name, Numeric: true)))
            .ToList();
        var rows = chart.Categories
            .Select((category, c) => (IReadOnlyList<string>)[category, .. layout.Bars.Where(b => b.Category == c).OrderBy(b => b.Series).Select(b => b.Label)])
            .ToList();
        return Table(chart.Title, columns, rows);
    }

    private static Table Table(string caption, IReadOnlyList<ReportColumn> columns, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var columnWidth = ContentWidth / Math.Max(1, columns.Count);
        var table = new Table(
            new TableProperties(
                new TableStyle { Val = "ReportTable" },
                new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                new TableLook { Val = "04A0", FirstRow = true, FirstColumn = true, NoVerticalBand = true },
                new TableCaption { Val = caption }),
            new TableGrid(columns.Select(_ => new GridColumn { Width = columnWidth.ToString(CultureInfo.InvariantCulture) })));

        table.Append(new TableRow(
            [new TableRowProperties(new CantSplit(), new TableHeader()), .. columns.Select(column => Cell(column.Header, column.Numeric, header: true))]));
        foreach (var row in rows)
        {
            table.Append(new TableRow(
                [new TableRowProperties(new CantSplit()), .. columns.Select((column, c) => Cell(c < row.Count ? row[c] : string.Empty, column.Numeric, header: false))]));
        }

        return table;
    }

    private static TableCell Cell(string text, bool numeric, bool header)
    {
        var properties = new TableCellProperties();
        if (header)
        {
            properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "EEEEEE" });
        }

        var paragraphProperties = new ParagraphProperties(new ParagraphStyleId { Val = "TableText" });
        if (numeric)
        {
            paragraphProperties.Append(new Justification { Val = JustificationValues.Right });
        }

        var run = header ? new Run(new RunProperties(new Bold()), TextOf(text)) : new Run(TextOf(text));
        return new TableCell(properties, new Paragraph(paragraphProperties, run));
    }

    private static Paragraph ListItem(string text) => new(
        new ParagraphProperties(
            new ParagraphStyleId { Val = "ListParagraph" },
            new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = BulletList })),
        new Run(TextOf(text)));

    private static Paragraph StyledParagraph(string style, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), new Run(TextOf(text)));

    private static Paragraph Spacer() =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = "Normal" }, new SpacingBetweenLines { After = "0", Line = "120", LineRule = LineSpacingRuleValues.Exact }));

    private static Text TextOf(string text) => new(text) { Space = SpaceProcessingModeValues.Preserve };

    /// <summary>The footer's text, then the page label with live PAGE and NUMPAGES fields where {0} and {1} stand.</summary>
    private static Footer Footer(ReportDocument report)
    {
        var paragraph = new Paragraph(
            new ParagraphProperties(
                new ParagraphStyleId { Val = "Footer" },
                new Tabs(new TabStop { Val = TabStopValues.Right, Position = ContentWidth })),
            new Run(TextOf(report.Footer)),
            new Run(new TabChar()));
        var pattern = report.PageOf;
        var start = 0;
        for (var i = 0; i < pattern.Length; i++)
        {
            var field = pattern.AsSpan(i).StartsWith("{0}") ? "PAGE" : pattern.AsSpan(i).StartsWith("{1}") ? "NUMPAGES" : null;
            if (field is null)
            {
                continue;
            }

            if (i > start)
            {
                paragraph.Append(new Run(TextOf(pattern[start..i])));
            }

            paragraph.Append(new SimpleField(new Run(new Text("1"))) { Instruction = $" {field} " });
            start = i + 3;
            i += 2;
        }

        if (start < pattern.Length)
        {
            paragraph.Append(new Run(TextOf(pattern[start..])));
        }

        return new Footer(paragraph);
    }

    private static Numbering Numbering() => new(
        new AbstractNum(
            new MultiLevelType { Val = MultiLevelValues.SingleLevel },
            new Level(
                new StartNumberingValue { Val = 1 },
                new NumberingFormat { Val = NumberFormatValues.Bullet },
                new LevelText { Val = "•" },
                new LevelJustification { Val = LevelJustificationValues.Left },
                new PreviousParagraphProperties(new Indentation { Left = "360", Hanging = "240" }))
            { LevelIndex = 0 })
        { AbstractNumberId = 1 },
        new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = BulletList });

    private static Styles Styles(string language) => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri", EastAsia = "Calibri" },
                new Color { Val = Ink },
                new FontSize { Val = "20" },
                new FontSizeComplexScript { Val = "20" },
                new Languages { Val = language, EastAsia = language, Bidi = language })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "100", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
        ParagraphStyle("Normal", "Normal", isDefault: true),
        ParagraphStyle("Title", "Title",
            paragraph: new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { After = "60" }),
            run: new StyleRunProperties(new Bold(), new FontSize { Val = "32" }, new FontSizeComplexScript { Val = "32" })),
        ParagraphStyle("Subtitle", "Subtitle",
            paragraph: new StyleParagraphProperties(new SpacingBetweenLines { After = "200" }),
            run: new StyleRunProperties(new Color { Val = Muted }, new FontSize { Val = "22" }, new FontSizeComplexScript { Val = "22" })),
        ParagraphStyle("Heading1", "heading 1",
            paragraph: new StyleParagraphProperties(
                new KeepNext(),
                new KeepLines(),
                new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 4, Space = 1, Color = "8A8A8A" }),
                new SpacingBetweenLines { Before = "240", After = "100" },
                new OutlineLevel { Val = 0 }),
            run: new StyleRunProperties(new Bold(), new FontSize { Val = "24" }, new FontSizeComplexScript { Val = "24" })),
        ParagraphStyle("Caption", "caption",
            paragraph: new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "120", After = "60" }),
            run: new StyleRunProperties(new Bold())),
        ParagraphStyle("ListParagraph", "List Paragraph",
            paragraph: new StyleParagraphProperties(new SpacingBetweenLines { After = "40" })),
        ParagraphStyle("TableText", "Table Text",
            paragraph: new StyleParagraphProperties(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }),
            run: new StyleRunProperties(new FontSize { Val = "18" }, new FontSizeComplexScript { Val = "18" })),
        ParagraphStyle("Header", "header",
            paragraph: new StyleParagraphProperties(new SpacingBetweenLines { After = "0" })),
        ParagraphStyle("Footer", "footer",
            paragraph: new StyleParagraphProperties(new SpacingBetweenLines { After = "0" }),
            run: new StyleRunProperties(new Color { Val = Muted }, new FontSize { Val = "16" }, new FontSizeComplexScript { Val = "16" })),
        new Style(
            new StyleName { Val = "Report Table" },
            new UIPriority { Val = 59 },
            new StyleTableProperties(
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4, Color = GridColour },
                    new LeftBorder { Val = BorderValues.Single, Size = 4, Color = GridColour },
                    new BottomBorder { Val = BorderValues.Single, Size = 4, Color = GridColour },
                    new RightBorder { Val = BorderValues.Single, Size = 4, Color = GridColour },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = GridColour },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = GridColour }),
                new TableCellMarginDefault(
                    new TopMargin { Width = "30", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "30", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa })))
        { Type = StyleValues.Table, StyleId = "ReportTable" });

    private static Style ParagraphStyle(
        string id,
        string name,
        bool isDefault = false,
        StyleParagraphProperties? paragraph = null,
        StyleRunProperties? run = null)
    {
        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault)
        {
            style.Default = true;
        }
        else
        {
            style.Append(new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" });
        }

        style.Append(new PrimaryStyle());
        if (paragraph is not null)
        {
            style.Append(paragraph);
        }

        if (run is not null)
        {
            style.Append(run);
        }

        return style;
    }
}
