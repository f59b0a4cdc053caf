using System.Globalization;
using System.Text;

namespace CooperaNet.Application.Reports.Rendering;

/// <summary>
/// A <see cref="ReportBarChart"/> as an inline SVG image: scalable (a viewBox, no fixed size), named by
/// its title and described by its values for screen readers, with no script and no external reference.
/// Series differ by pattern as well as by colour, and a legend names them when there are several.
/// </summary>
public static class SvgBarChart
{
    /// <summary>The width of the chart's coordinate space, in points; the SVG scales to its container.</summary>
    public const double Width = 480;

    /// <summary>Writes <paramref name="chart"/> as an <c>&lt;svg&gt;</c> element.</summary>
    /// <param name="chart">The chart.</param>
    /// <param name="language">The culture its values are formatted in (es, en, pt, fr).</param>
    /// <param name="id">A prefix unique in the page, for the title, description and pattern ids.</param>
    public static string Write(ReportBarChart chart, string language, string id = "report-chart")
    {
        ArgumentNullException.ThrowIfNull(chart);
        var layout = BarChartLayout.Of(chart, language, Width);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"""<svg xmlns="http://www.w3.org/2000/svg" class="report-chart-svg" viewBox="0 0 {N(layout.Width)} {N(layout.Height)}" role="img" aria-labelledby="{id}-title {id}-desc" font-family="DejaVu Sans, Verdana, sans-serif" font-size="{N(BarChartLayout.FontSize)}">""");
        svg.Append(CultureInfo.InvariantCulture, $"""<title id="{id}-title">{MarkupText.Encode(chart.Title)}</title>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<desc id="{id}-desc">{MarkupText.Encode(Describe(chart, layout))}</desc>""");
        AppendPatterns(svg, chart.Series.Count, id);

        foreach (var entry in layout.Legend)
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"""<rect x="{N(entry.X)}" y="{N(entry.Y)}" width="{N(entry.Size)}" height="{N(entry.Size)}" {Paint(entry.Series, id)}/>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{N(entry.TextX)}" y="{N(entry.TextY)}" fill="#1a1a1a">{MarkupText.Encode(entry.Name)}</text>""");
        }

        var axis = layout.Axis;
        svg.Append(CultureInfo.InvariantCulture,
            $"""<line x1="{N(axis.X)}" y1="{N(axis.Bottom)}" x2="{N(axis.Right)}" y2="{N(axis.Bottom)}" stroke="#6b6b6b" stroke-width="0.5"/>""");
        foreach (var tick in axis.Ticks)
        {
            var anchor = tick.X <= axis.X ? "start" : tick.X >= axis.Right ? "end" : "middle";
            svg.Append(CultureInfo.InvariantCulture,
                $"""<line x1="{N(tick.X)}" y1="{N(axis.Top)}" x2="{N(tick.X)}" y2="{N(axis.Bottom + 2)}" stroke="#b0b0b0" stroke-width="0.5"/>""");
            svg.Append(CultureInfo.InvariantCulture,
                $"""<text x="{N(tick.X)}" y="{N(tick.Y)}" text-anchor="{anchor}" fill="#4a4a4a">{MarkupText.Encode(tick.Text)}</text>""");
        }

        foreach (var label in layout.CategoryLabels)
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"""<text x="{N(label.X)}" y="{N(label.Y)}" fill="#1a1a1a" font-weight="bold">{MarkupText.Encode(label.Text)}</text>""");
        }

        foreach (var bar in layout.Bars)
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"""<rect x="{N(bar.X)}" y="{N(bar.Y)}" width="{N(bar.Width)}" height="{N(bar.Height)}" {Paint(bar.Series, id)}/>""");
            svg.Append(CultureInfo.InvariantCulture,
                $"""<text x="{N(bar.LabelX)}" y="{N(bar.LabelY)}" fill="#1a1a1a">{MarkupText.Encode(bar.Label)}</text>""");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>The chart's values as a sentence per category, for readers that cannot see it.</summary>
    private static string Describe(ReportBarChart chart, BarChartLayout layout) =>
        string.Join("; ", chart.Categories.Select((category, c) =>
            category + ": " + string.Join(", ", layout.Bars
                .Where(b => b.Category == c)
                .Select(b => chart.Series.Count > 1 ? chart.Series[b.Series].Name + " " + b.Label : b.Label))));

    private static void AppendPatterns(StringBuilder svg, int seriesCount, string id)
    {
        svg.Append("<defs>");
        for (var s = 0; s < Math.Min(seriesCount, 4); s++)
        {
            var style = ChartSeriesStyle.For(s);
            var lines = style.Hatch switch
            {
                ChartHatch.Diagonal => $"""<path d="M0,4 L4,0 M-1,1 L1,-1 M3,5 L5,3" stroke="{style.Ink}" stroke-width="0.8"/>""",
                ChartHatch.Horizontal => $"""<path d="M0,2 L4,2" stroke="{style.Ink}" stroke-width="0.8"/>""",
                ChartHatch.Cross => $"""<path d="M0,2 L4,2 M2,0 L2,4" stroke="{style.Ink}" stroke-width="0.6"/>""",
                _ => string.Empty,
            };
            svg.Append(CultureInfo.InvariantCulture,
                $"""<pattern id="{id}-s{s}" patternUnits="userSpaceOnUse" width="4" height="4"><rect width="4" height="4" fill="{style.Fill}"/>{lines}</pattern>""");
        }

        svg.Append("</defs>");
    }

    private static string Paint(int series, string id) =>
        $"""fill="url(#{id}-s{series % 4})" stroke="{ChartSeriesStyle.For(series).Ink}" stroke-width="0.6" """;

    private static string N(double value) => Math.Round(value, 2).ToString(CultureInfo.InvariantCulture);
}
