using CooperaNet.Application.Reports.Rendering;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using static CooperaNet.Application.Tests.Reports.ReportBuilder;

namespace CooperaNet.Application.Tests.Reports;

/// <summary>The Word document: valid Open XML, real heading styles, repeating table headers, the language set.</summary>
public sealed class DocxReportWriterTests
{
    [Fact]
    public void Document_is_valid_open_xml_for_word_2010_and_later()
    {
        using var docx = Open(AReport().AsDraft().WithEveryKindOfBlock().Build());

        // Office 2010 is the first schema with table captions (w:tblCaption), read by screen readers.
        var errors = new OpenXmlValidator(FileFormatVersions.Office2010).Validate(docx).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void Title_and_sections_use_the_documents_own_title_and_heading_styles()
    {
        using var docx = Open(AReport().WithEveryKindOfBlock().Build());
        var main = docx.MainDocumentPart!;
        var paragraphs = main.Document!.Body!.Elements<Paragraph>().ToList();

        Assert.Equal(Title, paragraphs[0].InnerText);
        Assert.Equal("Title", StyleOf(paragraphs[0]));
        Assert.Contains(paragraphs, p => StyleOf(p) == "Heading1" && p.InnerText == "Resumen del semestre");
        var styles = main.StyleDefinitionsPart!.Styles!.Elements<Style>().Select(s => s.StyleId?.Value).ToList();
        Assert.Contains("Heading1", styles);
        Assert.Contains("Title", styles);
        Assert.Contains("Normal", styles);
    }

    [Fact]
    public void Tables_mark_their_first_row_as_a_repeating_header_and_right_align_numbers()
    {
        using var docx = Open(AReport().WithEveryKindOfBlock().Build());
        var table = docx.MainDocumentPart!.Document!.Body!.Elements<Table>().First();
        var rows = table.Elements<TableRow>().ToList();

        Assert.NotNull(rows[0].TableRowProperties?.GetFirstChild<TableHeader>());
        Assert.Null(rows[1].TableRowProperties?.GetFirstChild<TableHeader>());
        var cells = rows[1].Elements<TableCell>().ToList();
        Assert.Equal("1.234", cells[2].InnerText);
        Assert.Equal(JustificationValues.Right, cells[2].Descendants<Justification>().Single().Val!.Value);
        Assert.Empty(cells[0].Descendants<Justification>());
    }

    [Fact]
    public void Language_is_set_in_the_style_defaults_and_the_core_properties()
    {
        using var docx = Open(AReport().In("pt").WithEveryKindOfBlock().Build());

        var language = docx.MainDocumentPart!.StyleDefinitionsPart!.Styles!.DocDefaults!.Descendants<Languages>().Single();

        Assert.Equal("pt-BR", language.Val?.Value);
        Assert.Equal("pt-BR", docx.PackageProperties.Language);
        Assert.Equal(Title, docx.PackageProperties.Title);
    }

    [Fact]
    public void Chart_becomes_its_title_and_a_table_of_its_labelled_values()
    {
        using var docx = Open(AReport().With("Gráfico", OffersChart()).Build());
        var body = docx.MainDocumentPart!.Document!.Body!;

        var caption = body.Elements<Paragraph>().Single(p => StyleOf(p) == "Caption");
        var table = body.Elements<Table>().Single();

        Assert.Equal(ChartTitle, caption.InnerText);
        var rows = table.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal(["", "Ofertas", "Demandas"], rows[0]);
        Assert.Equal(["Perú", "1.234", "410"], rows[1]);
    }

    [Fact]
    public void Footer_numbers_pages_with_fields_and_a_draft_has_its_mark_in_the_header()
    {
        using var docx = Open(AReport().AsDraft().WithEveryKindOfBlock().Build());
        var main = docx.MainDocumentPart!;

        var footer = main.FooterParts.Single().Footer!;
        var fields = footer.Descendants<SimpleField>().Select(f => f.Instruction?.Value?.Trim()).ToList();

        Assert.Equal(["PAGE", "NUMPAGES"], fields);
        Assert.StartsWith("Secretaría de Cooperación", footer.InnerText);
        Assert.Contains("Página ", footer.InnerText);
        Assert.Equal("Borrador", main.HeaderParts.Single().Header!.InnerText);
    }

    [Fact]
    public void List_items_are_bulleted_paragraphs_of_the_numbering_part()
    {
        using var docx = Open(AReport().WithEveryKindOfBlock().Build());
        var main = docx.MainDocumentPart!;

        var items = main.Document!.Body!.Elements<Paragraph>().Where(p => p.ParagraphProperties?.NumberingProperties is not null).ToList();
        var numId = items[0].ParagraphProperties!.NumberingProperties!.NumberingId!.Val!.Value;
        var instance = main.NumberingDefinitionsPart!.Numbering!.Elements<NumberingInstance>().Single(n => n.NumberID?.Value == numId);
        var abstractNum = main.NumberingDefinitionsPart.Numbering.Elements<AbstractNum>().Single(a => a.AbstractNumberId?.Value == instance.AbstractNumId!.Val!.Value);

        Assert.Equal(["Se crearon 12 alianzas nuevas.", "Se cerró la campaña de verificación."], items.Select(p => p.InnerText));
        Assert.Equal(NumberFormatValues.Bullet, abstractNum.Descendants<NumberingFormat>().Single().Val!.Value);
    }

    private static string? StyleOf(Paragraph paragraph) => paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;

    private static WordprocessingDocument Open(ReportDocument report)
    {
        var stream = new MemoryStream();
        DocxReportWriter.Write(report, stream);
        stream.Position = 0;
        return WordprocessingDocument.Open(stream, isEditable: false);
    }
}
