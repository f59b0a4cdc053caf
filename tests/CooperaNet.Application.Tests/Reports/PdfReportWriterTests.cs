using CooperaNet.Application.Reports.Rendering;
using PdfSharp.Fonts;
using static CooperaNet.Application.Tests.Reports.ReportBuilder;

namespace CooperaNet.Application.Tests.Reports;

/// <summary>The PDF as a reader gets it: text, page count and fonts read back with poppler-utils.</summary>
public sealed class PdfReportWriterTests
{
    [Fact]
    public async Task Short_report_is_one_page_with_its_title_table_cell_chart_label_and_page_label()
    {
        using var pdf = PdfFile.Of(AReport().WithEveryKindOfBlock().Build());

        var text = await pdf.TextAsync();

        Assert.Equal(1, await pdf.PageCountAsync());
        Assert.Contains("Informe de cooperación: niñez, açaí y café en São", text);
        Assert.Contains("Agencia Peruana de Cooperación Internacional", text);
        Assert.Contains("617", text); // a chart bar's label; the table has no such value
        Assert.Contains("Página 1 de 1", text);
        Assert.Contains("Secretaría de Cooperación", text);
    }

    [Fact]
    public async Task Long_table_breaks_onto_more_pages_repeating_its_header_row_and_numbering_every_page()
    {
        using var pdf = PdfFile.Of(AReport().With("Ofertas", OffersTable(extraRows: 90)).Build());

        var pages = await pdf.PageCountAsync();
        var second = await pdf.TextAsync(page: 2);

        Assert.True(pages >= 2, $"{pages} page(s)");
        Assert.Matches(@"País\s+Institución\s+Ofertas", second);
        Assert.Contains($"Página 2 de {pages}", second);
        Assert.Contains("País n.º 90", await pdf.TextAsync(page: pages));
    }

    [Fact]
    public async Task Every_font_is_embedded()
    {
        using var pdf = PdfFile.Of(AReport().WithEveryKindOfBlock().Build());

        var fonts = await pdf.FontsAsync();

        Assert.NotEmpty(fonts);
        Assert.All(fonts, font => Assert.Equal("yes", font.Embedded));
        Assert.Contains(fonts, font => font.Name.EndsWith("+DejaVu Sans,Bold", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Charts_are_drawn_as_vectors_without_images()
    {
        using var pdf = PdfFile.Of(AReport().With("Gráfico", OffersChart()).Build());

        Assert.Contains("1.234", await pdf.TextAsync());
        Assert.Empty(await pdf.ImagesAsync());
    }

    [Fact]
    public async Task Draft_mark_is_on_every_page_and_the_title_in_the_document_info()
    {
        using var pdf = PdfFile.Of(AReport().AsDraft().With("Ofertas", OffersTable(extraRows: 90)).Build());

        var pages = await pdf.PageCountAsync();

        Assert.True(pages >= 2, $"{pages} page(s)");
        for (var page = 1; page <= pages; page++)
        {
            Assert.Contains("Borrador", await pdf.TextAsync(page));
        }

        Assert.Equal(Title, await pdf.InfoAsync("Title"));
    }

    [Fact]
    public async Task Issued_report_has_no_draft_mark()
    {
        using var pdf = PdfFile.Of(AReport().WithEveryKindOfBlock().Build());

        Assert.DoesNotContain("Borrador", await pdf.TextAsync());
    }

    [Fact]
    public void Report_fonts_can_be_installed_from_many_threads_at_once()
    {
        Parallel.For(0, 8, _ => PdfReportWriter.Write(AReport().WithEveryKindOfBlock().Build(), Stream.Null));

        Assert.Equal("ReportFontResolver", GlobalFontSettings.FontResolver?.GetType().Name);
    }
}
