using System.Xml.Linq;
using CooperaNet.Application.Reports.Rendering;

namespace CooperaNet.Application.Tests.Reports;

/// <summary>The chart layout the SVG and the PDF share, and the SVG drawn from it.</summary>
public sealed class SvgBarChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Bar_lengths_are_proportional_to_the_values()
    {
        var chart = new ReportBarChart("Ofertas", ["A", "B", "C"], [new ReportSeries("Ofertas", [30, 60, 15])]);

        var bars = BarChartLayout.Of(chart, "es", 480).Bars;

        Assert.True(bars[1].Width > 0);
        Assert.Equal(2 * bars[0].Width, bars[1].Width, 6);
        Assert.Equal(bars[0].Width / 2, bars[2].Width, 6);
        Assert.All(bars, bar => Assert.Equal(bars[0].X, bar.X));
        Assert.All(bars, bar => Assert.True(bar.LabelX > bar.X + bar.Width, "the label follows the bar's end"));
    }

    [Fact]
    public void Percent_bars_are_drawn_on_a_zero_to_hundred_axis()
    {
        var chart = new ReportBarChart("Cobertura", ["A", "B"], [new ReportSeries("Cobertura", [0.25, 1])], Percent: true);

        var layout = BarChartLayout.Of(chart, "en", 480);

        Assert.Equal(layout.Axis.Right - layout.Axis.X, layout.Bars[1].Width, 6);
        Assert.Equal(layout.Bars[1].Width / 4, layout.Bars[0].Width, 6);
        Assert.Equal(["0%", "50%", "100%"], layout.Axis.Ticks.Select(t => t.Text));
    }

    [Theory]
    [InlineData("es", "1.234")]
    [InlineData("en", "1,234")]
    [InlineData("pt", "1.234")]
    public void Value_labels_are_numbers_in_the_reports_culture(string language, string expected)
    {
        var chart = new ReportBarChart("Ofertas", ["A", "B"], [new ReportSeries("Ofertas", [1234, 56])]);

        var labels = BarChartLayout.Of(chart, language, 480).Bars.Select(b => b.Label).ToList();

        Assert.Equal([expected, "56"], labels);
    }

    [Fact]
    public void Percent_labels_follow_the_culture()
    {
        var chart = new ReportBarChart("Cobertura", ["A"], [new ReportSeries("Cobertura", [0.45])], Percent: true);

        Assert.Equal("45%", BarChartLayout.Of(chart, "en", 480).Bars.Single().Label);
        Assert.Matches(@"^45\s%$", BarChartLayout.Of(chart, "fr", 480).Bars.Single().Label);
    }

    [Fact]
    public void Svg_is_a_scalable_named_image_with_its_labels_and_no_script_or_external_reference()
    {
        var chart = ReportBuilder.OffersChart();

        var text = SvgBarChart.Write(chart, "es", "c1");
        var svg = XElement.Parse(text);

        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("0 0 480", ((string?)svg.Attribute("viewBox"))?[..7]);
        Assert.Null(svg.Attribute("width"));
        Assert.Equal(ReportBuilder.ChartTitle, svg.Element(Svg + "title")?.Value);
        Assert.Contains("Perú: Ofertas 1.234, Demandas 410", svg.Element(Svg + "desc")?.Value, StringComparison.Ordinal);
        var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("1.234", texts);
        Assert.Contains("617", texts);
        Assert.Empty(svg.Descendants(Svg + "script"));
        Assert.DoesNotContain("href", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http:", text.Replace("http://www.w3.org/2000/svg", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Several_series_get_a_legend_and_different_patterns_one_series_neither()
    {
        var two = BarChartLayout.Of(ReportBuilder.OffersChart(), "es", 480);
        var one = BarChartLayout.Of(new ReportBarChart("Ofertas", ["A"], [new ReportSeries("Ofertas", [1])]), "es", 480);

        Assert.Equal(["Ofertas", "Demandas"], two.Legend.Select(e => e.Name));
        Assert.Empty(one.Legend);
        Assert.NotEqual(ChartSeriesStyle.For(0).Hatch, ChartSeriesStyle.For(1).Hatch);
        var fills = XElement.Parse(SvgBarChart.Write(ReportBuilder.OffersChart(), "es", "c1"))
            .Descendants(Svg + "rect").Select(r => (string?)r.Attribute("fill")).Where(f => f?.StartsWith("url(", StringComparison.Ordinal) == true).Distinct();
        Assert.Equal(["url(#c1-s0)", "url(#c1-s1)"], fills);
    }

    [Fact]
    public void Value_labels_and_axis_stay_inside_the_chart()
    {
        var chart = new ReportBarChart("Montos", ["A", "B"], [new ReportSeries("Montos", [1_234_567.5, 1_000_000])]);

        var layout = BarChartLayout.Of(chart, "es", SvgBarChart.Width);

        Assert.Equal("1.234.567,5", layout.Bars[0].Label);
        Assert.All(layout.Bars, bar => Assert.True(bar.LabelX + BarChartLayout.TextWidth(bar.Label) <= layout.Width, $"{bar.Label} ends inside"));
        Assert.True(layout.Axis.Ticks.Max(t => t.Y) < layout.Height);
    }
}
