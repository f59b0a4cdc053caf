using System.Xml;
using System.Xml.Linq;
using CooperaNet.Application.Reports.Rendering;
using static CooperaNet.Application.Tests.Reports.ReportBuilder;

namespace CooperaNet.Application.Tests.Reports;

/// <summary>The HTML report: well-formed, accessible markup, every text encoded.</summary>
public sealed class HtmlReportWriterTests
{
    private static readonly XNamespace Html = "http://www.w3.org/1999/xhtml";
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Document_is_well_formed_with_its_language_one_h1_and_a_heading_per_section()
    {
        var html = HtmlReportWriter.Write(AReport().WithEveryKindOfBlock().With("Próximos pasos", new ReportParagraph("Seguimiento.")).Build());
        var document = Parse(html);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Equal("es", document.Root!.Attribute("lang")?.Value);
        Assert.Equal(Title, document.Descendants(Html + "h1").Single().Value);
        Assert.Equal(["Resumen del semestre", "Próximos pasos"], document.Descendants(Html + "h2").Select(h => h.Value));
        Assert.Equal(Title, document.Descendants(Html + "title").First().Value);
        Assert.Contains("@page { size: A4", document.Descendants(Html + "style").Single().Value, StringComparison.Ordinal);
        Assert.Empty(document.Descendants(Html + "link"));
        Assert.Empty(document.Descendants(Html + "script"));
    }

    [Fact]
    public void Tables_have_a_caption_scoped_headers_and_right_aligned_numbers()
    {
        var document = Parse(HtmlReportWriter.Write(AReport().WithEveryKindOfBlock().Build()));
        var table = document.Descendants(Html + "table").Single();

        Assert.Equal(TableCaption, table.Element(Html + "caption")?.Value);
        Assert.Equal(["col", "col", "col"], table.Descendants(Html + "thead").Descendants(Html + "th").Select(th => (string?)th.Attribute("scope")));
        var firstRow = table.Element(Html + "tbody")!.Elements(Html + "tr").First();
        Assert.Equal("row", (string?)firstRow.Element(Html + "th")?.Attribute("scope"));
        var number = firstRow.Elements(Html + "td").Last();
        Assert.Equal("1.234", number.Value);
        Assert.Equal("report-num", (string?)number.Attribute("class"));
        Assert.Contains(".report-num { text-align: right", document.Descendants(Html + "style").Single().Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Chart_is_a_figure_with_a_caption_and_an_inline_svg_image_with_a_title()
    {
        var document = Parse(HtmlReportWriter.Write(AReport().With("Gráfico", OffersChart(), OffersChart()).Build()));

        var figures = document.Descendants(Html + "figure").ToList();
        Assert.Equal(2, figures.Count);
        var svg = figures[0].Element(Svg + "svg")!;
        Assert.Equal(ChartTitle, figures[0].Element(Html + "figcaption")?.Value);
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal(ChartTitle, svg.Element(Svg + "title")?.Value);
        var ids = document.Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>().ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Draft_mark_is_visible_above_the_title()
    {
        var document = Parse(HtmlReportWriter.Write(AReport().AsDraft().WithEveryKindOfBlock().Build()));

        var header = document.Descendants(Html + "header").First();

        Assert.Equal(["Borrador", Title, "Primer semestre de 2026"], header.Elements().Select(e => e.Value));
        Assert.Equal("report-draft", (string?)header.Elements().First().Attribute("class"));
    }

    [Fact]
    public void Markup_in_texts_comes_out_encoded()
    {
        const string Attack = "<script>alert('x')</script> & \"más\"";
        var report = AReport().Titled(Attack)
            .With(Attack, new ReportParagraph(Attack), new ReportList([Attack]),
                new ReportTable(Attack, [new ReportColumn(Attack)], [[Attack]]),
                new ReportBarChart(Attack, [Attack], [new ReportSeries(Attack, [1]), new ReportSeries("B", [2])]))
            .Build();

        var html = HtmlReportWriter.Write(report);
        var document = Parse(html);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;más&quot;", html, StringComparison.Ordinal);
        Assert.Empty(document.Descendants(Html + "script"));
        Assert.Equal(Attack, document.Descendants(Html + "h1").Single().Value);
    }

    [Fact]
    public void Body_is_only_an_article_that_starts_with_the_h1_for_a_page_with_its_own_layout()
    {
        var body = HtmlReportWriter.WriteBody(AReport().WithEveryKindOfBlock().Build());
        var article = XElement.Parse(body);

        Assert.Equal("article", article.Name.LocalName);
        Assert.Equal("es", (string?)article.Attribute("lang"));
        Assert.Equal("h1", article.Descendants().First(e => e.Name.LocalName is "h1" or "h2" or "p").Name.LocalName);
        Assert.DoesNotContain("<style", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", body, StringComparison.Ordinal);
        Assert.All(article.Descendants().Select(e => (string?)e.Attribute("class")).OfType<string>(), c => Assert.StartsWith("report", c, StringComparison.Ordinal));
    }

    private static XDocument Parse(string html)
    {
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader);
    }
}
